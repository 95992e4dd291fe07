"""QA43 C2: the admins are told in Telegram when the database stops taking writes, and when it
takes them again (bot.db_alerts).

The real bot (emulator) while another program holds SQLite's write lock (a second connection's
BEGIN IMMEDIATE, as a sqlite3 shell does), then lets go; a full disk through the free-space rule;
the pure rule `step`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot import db_alerts
from bot.db_alerts import WriteState, step
from tests.botkit import ADMIN, BotHarness, running_bot, sample_db


def _admin_texts(h: BotHarness) -> list[str]:
    return [m.text for m in h.emu.messages(ADMIN)]


async def test_a_locked_database_is_told_once_then_its_recovery(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.1)
    monkeypatch.setattr(db_alerts, "GRACE", 0.5)
    monkeypatch.setattr(db_alerts, "PROBE_TIMEOUT", 0.05)
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        await h.settle()
        assert not any("قاعدة البيانات" in t for t in _admin_texts(h))
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")  # another program holds the write lock
        try:
            down = await h.until(lambda: [t for t in _admin_texts(h)
                                          if "لا تقبل الكتابة" in t], timeout=10)
            await asyncio.sleep(1.0)  # more probes fail: no second message
            assert len([t for t in _admin_texts(h) if "لا تقبل الكتابة" in t]) == 1
        finally:
            holder.execute("rollback")
            holder.close()
        up = await h.until(lambda: [t for t in _admin_texts(h) if "عادت الكتابة" in t],
                           timeout=10)
    text = down[0]
    assert text.index("قاعدة البيانات مشغولة") < text.index("The database has refused")  # ar first
    assert "locked by another program" in text
    assert len(up) == 1 and "The database takes writes again" in up[0]


def test_a_nearly_full_disk_is_full_and_a_free_one_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_db(tmp_path)
    assert db_alerts.probe(path) is None
    with sqlite3.connect(path) as con:
        assert con.execute("select value from meta where key = ?",
                           [db_alerts.PROBE_KEY]).fetchone() is not None
    monkeypatch.setattr(db_alerts, "free_bytes", lambda p: 4096)
    assert db_alerts.probe(path) == "full"


def test_a_read_only_database_is_readonly(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    uri = f"file:{path}?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        con.execute("insert into meta (key, value) values ('x', 'y')")
    con.close()
    assert db_alerts.fault_of(raised.value) == "readonly"


def test_step_tells_down_after_the_grace_once_and_up_after_it() -> None:
    s = WriteState()
    s, say = step(s, "locked", 0.0, grace=60, gap=1800)
    assert say is None  # a short lock (a backup) is not news
    s, say = step(s, "locked", 30.0, grace=60, gap=1800)
    assert say is None
    s, say = step(s, "full", 61.0, grace=60, gap=1800)
    assert say == "down" and s.fault == "full"
    s, say = step(s, "full", 200.0, grace=60, gap=1800)
    assert say is None
    s, say = step(s, None, 300.0, grace=60, gap=1800)
    assert say == "up"
    s, say = step(s, None, 330.0, grace=60, gap=1800)
    assert say is None
    # flapping: failing again soon after is not told again within the gap
    s, _ = step(s, "locked", 400.0, grace=60, gap=1800)
    s, say = step(s, "locked", 500.0, grace=60, gap=1800)
    assert say is None
    s, say = step(s, "locked", 2200.0, grace=60, gap=1800)
    assert say == "down"
    # a probe that works before the grace ends says nothing
    s2, _ = step(WriteState(), "locked", 0.0, grace=60, gap=1800)
    assert step(s2, None, 10.0, grace=60, gap=1800)[1] is None
