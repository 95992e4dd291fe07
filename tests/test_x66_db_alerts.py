"""QA43 C2: the admins are told in Telegram when the database stops taking writes, and when it
takes them again (bot.db_alerts).

The real bot (emulator) while another program holds SQLite's write lock (a second connection's
BEGIN IMMEDIATE, as a sqlite3 shell does) and readers' writes are refused, then lets go and a
write works; a full disk through the free-space rule; the pure rule `step`. (X69: the watch
learns from the bot's own writes, no longer from a probe of its own.)
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot import db_alerts, runtime
from bot.db_alerts import WriteState, step
from digests.db_faults import fault_of
from tests.botkit import ADMIN, BotHarness, running_bot, sample_db


def _admin_texts(h: BotHarness) -> list[str]:
    return [m.text for m in h.emu.messages(ADMIN)]


async def test_a_locked_database_is_told_once_then_its_recovery(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.1)
    monkeypatch.setattr(db_alerts, "GRACE", 0.5)
    monkeypatch.setattr(runtime, "UNSAVED_SECONDS", 0.1)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        assert not any("قاعدة البيانات" in t for t in _admin_texts(h))
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")  # another program holds the write lock
        try:
            # new readers: the bot's own writes (their chats recorded) are refused
            for n in range(8):
                h.emu.send_user_message(3000 + n, "/start")
                await asyncio.sleep(0.2)
            down = await h.until(lambda: [t for t in _admin_texts(h)
                                          if "لا تقبل الكتابة" in t], timeout=10)
            for n in range(3):  # more refused writes: no second message
                h.emu.send_user_message(3100 + n, "/start")
                await asyncio.sleep(0.3)
            assert len([t for t in _admin_texts(h) if "لا تقبل الكتابة" in t]) == 1
        finally:
            holder.execute("rollback")
            holder.close()
        await asyncio.sleep(0.5)
        assert not any("عادت الكتابة" in t for t in _admin_texts(h))  # nothing wrote yet
        await h.say(3200, "/start")  # a write that works
        up = await h.until(lambda: [t for t in _admin_texts(h) if "عادت الكتابة" in t],
                           timeout=10)
    text = down[0]
    assert text.index("قاعدة البيانات مشغولة") < text.index("The database has refused")  # ar first
    assert "locked by another program" in text
    assert len(up) == 1 and "The database takes writes again" in up[0]


async def test_the_watch_writes_nothing_and_a_nearly_full_disk_is_told(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """X69: no probe — another program holding the lock of an idle bot meets no write of the
    watch (the old probe took the lock every 30 s); a disk under MIN_FREE_BYTES is «full»
    and told after the grace without any write."""
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.05)
    monkeypatch.setattr(db_alerts, "GRACE", 0.3)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        before = sqlite3.connect(path).execute("select count(*) from meta").fetchone()
        holder = sqlite3.connect(path, isolation_level=None, timeout=0)
        await asyncio.sleep(0.5)  # ten checks
        holder.execute("begin immediate")  # never waits: no one else took the lock
        holder.execute("rollback")
        holder.close()
        assert sqlite3.connect(path).execute("select count(*) from meta").fetchone() == before
        assert not any("قاعدة البيانات" in t for t in _admin_texts(h))
        monkeypatch.setattr(db_alerts, "free_bytes", lambda p: 4096)
        down = await h.until(lambda: [t for t in _admin_texts(h)
                                      if "لا تقبل الكتابة" in t], timeout=10)
    assert "القرص الذي يحمل قاعدة البيانات ممتلئ" in down[0]


def test_a_read_only_database_is_readonly(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    uri = f"file:{path}?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        con.execute("insert into meta (key, value) values ('x', 'y')")
    con.close()
    assert fault_of(raised.value) == "readonly"


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
