"""QA48 R3: an idle bot whose database another program locks for minutes tells the admins.

X69 made the admins' database alert learn from the bot's own writes and told «down» only when
refusals span GRACE. On an idle bot the only write is the scheduled poll, once a poll interval:
one refused poll never spans anything, so a 3-minute lock told nobody. A refused scheduled
write now stands until a write works (its next try is a poll interval away), counted from when
it began to wait; one refused chat record before an idle minute is still no alarm (X69).
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
from pathlib import Path

import pytest

from bot import db_alerts, jobs
from bot.db_alerts import MIN_FREE_BYTES, WriteState, check
from bot.runtime import RUNTIME_KEY, WriteHealth
from digests import writer
from digests.storage import Database
from tests.botkit import ADMIN, running_bot, sample_db

ROOM = 10 * MIN_FREE_BYTES


def test_a_refused_poll_then_an_idle_minute_is_told_once_then_up() -> None:
    writes, state, told_all = WriteHealth(), WriteState(), []
    writes.refused("locked", at=30.0, began=0.0, lasting=True)  # waited the 30-s busy timeout
    for now in (40.0, 55.0, 70.0, 100.0, 130.0):  # nobody writes
        state, told = check(state, writes, ROOM, now, grace=60, gap=1800)
        told_all += [(t.say, t.fault, t.minutes, now) for t in told]
    assert told_all == [("down", "locked", 1, 70.0)]  # 60 s after the poll began to wait
    writes.worked(at=180.0)  # the next poll goes through when the lock is let go
    state, told = check(state, writes, ROOM, 190.0, grace=60, gap=1800)
    assert [(t.say, t.minutes) for t in told] == [("up", 3)]
    assert writes.lasting is False


def test_a_refused_chat_record_then_an_idle_minute_is_still_not_told() -> None:
    writes, state = WriteHealth(), WriteState()
    writes.refused("locked", at=0.0)  # a reader's record met a backup's short lock
    for now in (30.0, 60.0, 90.0, 120.0):
        state, told = check(state, writes, ROOM, now, grace=60, gap=1800)
        assert told == []


async def test_an_idle_bot_locked_by_another_program_tells_the_admin(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.05)
    monkeypatch.setattr(db_alerts, "GRACE", 0.6)
    # the poll's writer waits 1 s for the lock, not storage.BUSY_SECONDS (30 s): the test waited
    # all of it for a refusal it only needs to happen (review RG)
    monkeypatch.setattr(writer, "Database", functools.partial(Database, busy_seconds=1.0))
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        h.db.db.execute("update sources set active = 0")  # no fetch: the poll's own record
        rt = h.app.bot_data[RUNTIME_KEY]
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")  # a sqlite3 shell holds the write lock; nobody types
        try:
            await jobs.scheduled_poll(rt)  # the one scheduled write of the interval: refused
            assert rt.writes.refused_since is not None
            down = await h.until(lambda: [m.text for m in h.emu.messages(ADMIN)
                                          if "لا تقبل الكتابة" in m.text], timeout=10)
            await asyncio.sleep(0.3)
            assert len([m for m in h.emu.messages(ADMIN) if "لا تقبل الكتابة" in m.text]) == 1
        finally:
            holder.execute("rollback")
            holder.close()
        await jobs.scheduled_poll(rt)  # the next poll works
        up = await h.until(lambda: [m.text for m in h.emu.messages(ADMIN)
                                    if "عادت الكتابة" in m.text], timeout=10)
    assert "قاعدة البيانات مشغولة" in down[0] and len(up) == 1
