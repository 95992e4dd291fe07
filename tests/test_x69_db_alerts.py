"""X69 (1): the admins' database alert comes from the bot's own writes, not from a probe.

bot.db_alerts used to write a row every 30 s on a connection of its own (a second writer). Now
`check` reads `Runtime.writes` (what the chat records, buttons, scheduled polls and handlers met)
and the disk's free space. The pure rule: one refused write before an idle minute is no alarm;
refusals spanning GRACE are; a write that works after them is «up»; a nearly full disk is «full»
whatever small writes do. The scheduled poll (bot.jobs) reports into it: a refused poll, then a
poll that works on the real database.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot import jobs
from bot.db_alerts import MIN_FREE_BYTES, WriteState, check
from bot.runtime import Runtime, WriteHealth
from digests.settings import Settings
from digests.storage import Database
from tests.botkit import sample_db

ROOM = 10 * MIN_FREE_BYTES


def test_one_refused_write_then_an_idle_minute_is_not_told() -> None:
    writes = WriteHealth()
    writes.refused("locked", at=0.0)  # a backup's short lock met one write
    state = WriteState()
    for now in (30.0, 60.0, 90.0, 120.0):  # nothing else wrote: nothing is known to fail
        state, told = check(state, writes, ROOM, now, grace=60, gap=1800)
        assert told == []


def test_refusals_spanning_the_grace_are_told_once_then_the_write_that_works() -> None:
    writes, state = WriteHealth(), WriteState()
    writes.refused("locked", at=0.0)
    writes.refused("locked", at=40.0)
    state, told = check(state, writes, ROOM, 45.0, grace=60, gap=1800)
    assert told == []
    writes.refused("locked", at=70.0)
    state, told = check(state, writes, ROOM, 75.0, grace=60, gap=1800)
    assert [(t.say, t.fault, t.minutes) for t in told] == [("down", "locked", 1)]
    writes.refused("locked", at=200.0)
    state, told = check(state, writes, ROOM, 205.0, grace=60, gap=1800)
    assert told == []  # still failing: told once
    state, told = check(state, writes, ROOM, 235.0, grace=60, gap=1800)
    assert told == []  # nothing wrote: not «up» either
    writes.worked(at=300.0)
    state, told = check(state, writes, ROOM, 305.0, grace=60, gap=1800)
    assert [(t.say, t.fault, t.minutes) for t in told] == [("up", "locked", 5)]
    state, told = check(state, writes, ROOM, 335.0, grace=60, gap=1800)
    assert told == []  # the same success is not taken twice


def test_a_nearly_full_disk_is_full_whatever_small_writes_do() -> None:
    writes, state = WriteHealth(), WriteState()
    told_all = []
    for now in (0.0, 30.0, 60.0, 90.0):
        writes.worked(at=now - 1)  # a chat recorded: small writes still fit
        state, told = check(state, writes, 4096, now, grace=60, gap=1800)
        told_all += told
    assert [(t.say, t.fault) for t in told_all] == [("down", "full")]
    writes.worked(at=100.0)  # space freed and a write works
    state, told = check(state, writes, ROOM, 120.0, grace=60, gap=1800)
    assert [t.say for t in told] == ["up"]


async def test_the_scheduled_poll_reports_its_writes(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_db(tmp_path)
    db = Database(path)
    db.db.execute("update sources set active = 0")  # no fetch: the poll's own record only
    rt = Runtime(settings=Settings(database_path=path), db=db,
                 clock=lambda: datetime(2026, 12, 1, 8, tzinfo=timezone.utc))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("begin immediate")
    refused: list[sqlite3.Error] = []
    try:
        sqlite3.connect(path, timeout=0).execute("insert into meta values ('x', 'y')")
    except sqlite3.Error as exc:  # what the poll's writer meets while another holds the lock
        refused.append(exc)
    holder.execute("rollback")
    holder.close()
    assert refused

    async def locked_poll(*args: object, **kwargs: object) -> None:
        raise refused[0]

    import digests.pipeline

    real_poll = digests.pipeline.poll_once
    monkeypatch.setattr(digests.pipeline, "poll_once", locked_poll)
    await jobs.scheduled_poll(rt)
    assert rt.writes.fault == "locked" and rt.writes.refused_since is not None
    monkeypatch.setattr(digests.pipeline, "poll_once", real_poll)
    await jobs.scheduled_poll(rt)  # the real poll on the real file: its record is written
    assert rt.writes.refused_since is None and rt.writes.worked_at is not None
    db.close()
