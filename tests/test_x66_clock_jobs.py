"""QA43 C1/C7: the scheduled poll and the daily purge after the wall clock jumps (bot.clock_watch).

The real Application (poll scheduled, JobQueue running) against the emulator. The wall clock is
shifted where it is read: APScheduler's scheduler and executor (`datetime.now`) and the watch
(`clock_watch.utc_now`); the monotonic clock is left alone, as an NTP step leaves it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

import apscheduler.executors.base as aps_executor
import apscheduler.schedulers.base as aps_scheduler
import pytest

from bot import clock_watch, jobs
from bot.app import build_application, start_application, stop_application
from bot.emulator import Emulator
from digests.settings import Settings
from digests.storage import Database

TOKEN = "123456789:TEST-token-for-the-emulator-only"
SHIFT = [timedelta(0)]


class ShiftedDatetime(datetime):
    """datetime whose now() is the true time moved by SHIFT[0] (the wall clock only)."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> ShiftedDatetime:
        moved = datetime.now(tz) + SHIFT[0]
        return cls.fromtimestamp(moved.timestamp(), tz)


@pytest.fixture
def shifted_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[timedelta]]:
    SHIFT[0] = timedelta(0)
    monkeypatch.setattr(aps_scheduler, "datetime", ShiftedDatetime)
    monkeypatch.setattr(aps_executor, "datetime", ShiftedDatetime)
    monkeypatch.setattr(clock_watch, "utc_now",
                        lambda: datetime.now(timezone.utc) + SHIFT[0])
    monkeypatch.setattr(clock_watch, "CHECK_SECONDS", 0.2)
    monkeypatch.setattr(jobs, "FIRST_POLL_SECONDS", 0.3)
    yield SHIFT
    SHIFT[0] = timedelta(0)


def _polls(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.getMessage().startswith("scheduled poll sources="))


async def _until(predicate: Callable[[], object], timeout: float) -> bool:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return bool(predicate())


async def _run(tmp_path: Path, caplog: pytest.LogCaptureFixture, shift: list[timedelta],
               jump: timedelta) -> tuple[int, int, datetime | None, datetime | None, list[str]]:
    """Start a polling bot, wait for its first poll, jump the wall clock by `jump`; the polls
    before and 3 s after the jump, the poll job's next run and the purge's next run."""
    caplog.set_level(logging.INFO, logger="bot.jobs")
    caplog.set_level(logging.INFO, logger="bot.clock_watch")
    emu = Emulator().start()
    settings = Settings(database_path=tmp_path / "nashra.db", telegram_bot_token=TOKEN,
                        telegram_api_base_url=emu.base_url, admin_ids=frozenset({1000}),
                        poll_interval_minutes=1)
    db = Database(settings.database_path)
    app = build_application(settings, db, poll_sources=True, start_sender=False)
    try:
        await start_application(app, poll_timeout=1)
        # CI hardening: deadlines of 10 s and 3 s were short on a loaded host (no first poll)
        assert await _until(lambda: _polls(caplog) >= 1, 60), "no first poll"
        await asyncio.sleep(0.5)  # the watch has seen the clocks once
        before = _polls(caplog)
        shift[0] = jump
        await _until(lambda: _polls(caplog) > before, 30.0)
        after = _polls(caplog)
        assert app.job_queue is not None
        poll = app.job_queue.get_jobs_by_name(jobs.POLL_JOB)[0].next_t
        purge = app.job_queue.get_jobs_by_name(jobs.PURGE_JOB)[0].next_t
        await emu.await_for(lambda: emu.messages(1000), timeout=30)
        told = [m.plain_text for m in emu.messages(1000)]
    finally:
        await stop_application(app)
        db.close()
        emu.stop()
    return before, after, poll, purge, told


async def test_a_clock_set_back_an_hour_still_polls_within_one_interval(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        shifted_clock: list[timedelta]) -> None:
    before, after, poll, purge, told = await _run(tmp_path, caplog, shifted_clock,
                                                  -timedelta(hours=1))
    # Before the fix the next poll stayed an hour (the jump) away: none within the interval.
    assert after > before
    now = datetime.now(timezone.utc) + shifted_clock[0]
    assert poll is not None and poll - now <= timedelta(minutes=1, seconds=5)  # /sources' line
    assert purge is not None and purge - now <= timedelta(days=1)
    assert any("clock jump" in r.getMessage() and "poll-sources" in r.getMessage()
               for r in caplog.records)
    assert len(told) == 1 and "قفزت ساعة الخادم إلى الوراء ساعة." in told[0], told
    assert "jumped back 1 h" in told[0] and "48" not in told[0]


async def test_a_clock_set_forward_three_days_polls_and_purges(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        shifted_clock: list[timedelta]) -> None:
    before, after, poll, _, told = await _run(tmp_path, caplog, shifted_clock, timedelta(days=3))
    assert after > before
    # C7: new articles would look older than the 48 h send window: the admins are told
    assert len(told) == 1 and "إلى الأمام ٣ أيام" in told[0] and "٤٨ ساعة" in told[0], told
    # QA48 R5: a jump past the send window (maybe a broken clock) purges nothing at once: the
    # purge waits for the clock to hold (bot.jobs.PurgeHold); a +30 h jump still purges at once
    assert not any(r.getMessage().startswith("callbacks purged") for r in caplog.records)
    assert any(r.getMessage().endswith("at_once=poll-sources") for r in caplog.records)


def test_skipped_daily_is_the_purge_hour_between_the_two_times() -> None:
    day = datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert clock_watch.skipped_daily(day + timedelta(hours=3), day + timedelta(hours=4))
    assert not clock_watch.skipped_daily(day + timedelta(hours=4), day + timedelta(hours=5))
    assert clock_watch.skipped_daily(day + timedelta(hours=23), day + timedelta(hours=28))
    assert clock_watch.skipped_daily(day + timedelta(hours=4), day + timedelta(days=2))
    assert not clock_watch.skipped_daily(day + timedelta(hours=5), day + timedelta(hours=4))
