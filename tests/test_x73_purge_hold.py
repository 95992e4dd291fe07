"""QA48 R5: a wall clock set far ahead no longer purges today's buttons for good.

X66 ran the daily purge at once after a forward jump that skipped 03:30; after +10 days it aged
every button by the wrong clock and deleted them (6 → 0), though the clock was put back 25 s
later. A jump past the send window (the one X66 tells as maybe a broken clock) now holds the
purge until the clock has held a day (bot.jobs.PurgeHold); a jump back (corrected) releases it;
a jump under the window that skipped 03:30 still purges at once (C7). The real Application and
its JobQueue against the emulator, real SQLite; the bot's clock is moved where the purge reads
it (Runtime.clock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot import clock_watch, jobs
from bot.runtime import RUNTIME_KEY
from tests.botkit import ADMIN, running_bot, sample_db


@pytest.fixture(autouse=True)
def _released() -> Iterator[None]:
    jobs.PurgeHold.release()
    yield
    jobs.PurgeHold.release()


def _buttons(h: object) -> int:
    return int(h.db.db.execute("select count(*) from callbacks").fetchone()[0])  # type: ignore


async def test_a_far_jump_ahead_keeps_todays_buttons_until_the_clock_holds(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(ADMIN, "/settings")  # a menu of buttons, stored now
        await h.settle()
        made = _buttons(h)
        assert made > 0
        rt = h.app.bot_data[RUNTIME_KEY]
        ahead = datetime.now(timezone.utc) + timedelta(days=10)
        rt.clock = lambda: ahead  # the wall clock, 10 days ahead
        at_once = clock_watch.replan(h.app.job_queue, timedelta(days=10), ahead)
        assert jobs.PURGE_JOB not in at_once
        [purge] = h.app.job_queue.get_jobs_by_name(jobs.PURGE_JOB)
        await purge.run(h.app)  # its 03:30 comes while the clock is still ahead
        assert _buttons(h) == made  # before: deleted, every button «انتهت صلاحية هذا الزر»
        assert jobs.PurgeHold.held()
        since = jobs.PurgeHold.since
        # a day later it holds no more (1 ms past: since + 86400.0 - since rounds to 86399.99…)
        assert since is not None and jobs.PurgeHold.held(since + jobs.PURGE_HOLD_SECONDS - 1)
        assert not jobs.PurgeHold.held(since + jobs.PURGE_HOLD_SECONDS + 0.001)
        # the clock is set back (corrected): the purge runs again, by the right clock
        clock_watch.replan(h.app.job_queue, -timedelta(days=10), datetime.now(timezone.utc))
        assert not jobs.PurgeHold.held()
        await purge.run(h.app)  # a clock still 10 days ahead would age them out now
        assert _buttons(h) == 0


async def test_a_jump_within_the_window_past_0330_still_purges_at_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        now = datetime.now(timezone.utc)
        day = now.replace(hour=3, minute=0, second=0, microsecond=0)
        at_once = clock_watch.replan(h.app.job_queue, timedelta(hours=30),
                                     day + timedelta(days=1, hours=6))
        assert jobs.PURGE_JOB in at_once and not jobs.PurgeHold.held()
