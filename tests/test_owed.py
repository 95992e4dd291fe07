"""The sender while another program holds SQLite's write lock (QA16 F1 `sqlite3 DB 'BEGIN
IMMEDIATE'`): each write waits briefly, nothing is sent before it is claimed, a «sent» mark the
database refuses is owed and written later, never sent twice. Real PTB against the emulator,
real SQLite files; the clocks of the back-off are the test's (no wall-clock assertion)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot

from bot import owed
from bot.emulator import Emulator
from bot.owed import Locked, OwedWrites
from bot.sender import Sender
from delivery_helpers import NOW, add_article, add_chat, add_source, rows, simple_render
from digests import outbox_states
from digests.models import iso
from digests.settings import Settings
from digests.storage import Database


class Clock:
    """The back-off's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Program:
    """Another program's connection: `hold()` takes the write lock as a sqlite3 shell's
    BEGIN IMMEDIATE and a write would; `release()` lets it go."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=0.1)

    def hold(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("update _migrations set applied_at = applied_at")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")


@pytest.fixture
def program(database: Database) -> Iterator[Program]:
    other = Program(database.path)
    yield other
    if other.conn.in_transaction:
        other.release()
    other.conn.close()


def sender_for(database: Database, bot: Bot, clock: Clock) -> Sender:
    settings = Settings(database_path=Path(database.path), send_rate_per_second=500.0)
    s = Sender(database, bot, settings, render=simple_render, clock=lambda: NOW,
               retry_delay=0.05, instant_gap=timedelta(0))
    s.courier.writes.monotonic = clock
    s.courier.writes.wait = 0.01  # the test's waits: short, the outcome the same
    return s


def queue_chats(database: Database, chats: range) -> None:
    article = add_article(database, add_source(database, "src"), "خبر عاجل", story_id=7)
    for chat in chats:
        add_chat(database, chat)
        with database.transaction() as tx:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status) values (?,?,?,?,?, 'pending')",
                       [chat, 7, article.id, "instant", iso(NOW)])


def statuses(database: Database) -> dict[int, str]:
    return {int(str(r["chat_id"])): str(r["status"]) for r in rows(database)}


async def test_a_locked_database_sends_nothing_and_tries_once_a_pass(
        database: Database, bot: Bot, emu: Emulator, program: Program,
        monkeypatch: pytest.MonkeyPatch) -> None:
    queue_chats(database, range(1, 21))
    clock = Clock()
    s = sender_for(database, bot, clock)
    s.recover()
    claims: list[int] = []
    real_claim = outbox_states.claim

    def claim(db: Database, ids: Any) -> list[int]:
        claims.append(len(ids))
        return real_claim(db, ids)

    monkeypatch.setattr(outbox_states, "claim", claim)
    program.hold()
    assert await s.run_once() == 0
    # 20 bundles due: ONE write met the lock (a short wait), the 19 others were not tried
    assert len(claims) == 1
    assert emu.sent_log() == []
    assert set(statuses(database).values()) == {"pending"}
    clock.now += 0.5  # within the back-off: not even one try
    assert await s.run_once() == 0 and len(claims) == 1
    program.release()
    clock.now += 1.0
    assert await s.drain(timeout=5) == 20
    assert sorted(m.chat_id for m in emu.sent_log()) == list(range(1, 21))
    assert set(statuses(database).values()) == {"sent"}


class LockingBot:
    """The courier's bot: each message really goes (the emulator has it), then another program
    takes the lock before the courier can write «sent»."""

    def __init__(self, bot: Bot, program: Program) -> None:
        self.bot = bot
        self.program = program

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Any:
        message = await self.bot.send_message(chat_id, text, **kwargs)
        if not self.program.conn.in_transaction:
            self.program.hold()
        return message


async def test_a_sent_message_whose_mark_is_refused_is_never_sent_again(
        database: Database, bot: Bot, emu: Emulator, program: Program) -> None:
    queue_chats(database, range(1, 4))
    clock = Clock()
    s = sender_for(database, bot, clock)
    s.courier.bot = LockingBot(bot, program)  # type: ignore[assignment]
    await s.run_once()
    sent = [m.chat_id for m in emu.sent_log()]
    assert sent, "a message went before the lock"
    owed_rows = [c for c, st in statuses(database).items() if st == "sending"]
    assert sorted(owed_rows) == sorted(sent)  # claimed, sent, «sent» not written yet
    assert s.courier.writes.owed == len(sent)
    for _ in range(5):  # later passes while the lock is held: nothing again, nothing new
        clock.now += 2.0
        await s.run_once()
    assert [m.chat_id for m in emu.sent_log()] == sent
    program.release()
    clock.now += 2.0
    await s.drain(timeout=5)
    assert s.courier.writes.owed == 0
    assert set(statuses(database).values()) == {"sent"}
    assert sorted(m.chat_id for m in emu.sent_log()) == [1, 2, 3]  # each chat once
    assert {r["sent_at"] for r in rows(database)} == {iso(NOW)}


async def test_a_graceful_stop_writes_what_is_owed(
        database: Database, bot: Bot, emu: Emulator, program: Program) -> None:
    queue_chats(database, range(1, 2))
    clock = Clock()
    s = sender_for(database, bot, clock)
    s.courier.bot = LockingBot(bot, program)  # type: ignore[assignment]
    await s.run_once()
    assert statuses(database) == {1: "sending"} and s.courier.writes.owed == 1
    program.release()
    await s.stop(timeout=2.0)
    assert statuses(database) == {1: "sent"}
    s.recover()  # what a restart does: nothing is left to send again
    assert await s.run_once() == 0 and len(emu.sent_log()) == 1


async def test_a_lock_held_for_minutes_is_one_warning_a_minute(
        database: Database, bot: Bot, emu: Emulator, program: Program,
        caplog: pytest.LogCaptureFixture) -> None:
    queue_chats(database, range(1, 3))
    clock = Clock()
    s = sender_for(database, bot, clock)
    s.recover()
    program.hold()
    with caplog.at_level(logging.DEBUG, logger="bot"):
        for _ in range(50):  # 150 s of passes, one every 3 s
            assert await s.run_once() == 0
            clock.now += 3.0
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    # the first once the lock outlived WARN_AFTER (a poll's short write is not worth one),
    # then one a minute: 150 s → 3 lines, no traceback
    assert len(warnings) == 3, [r.getMessage() for r in warnings]
    assert all("deliveries wait" in r.getMessage() and r.exc_info is None for r in warnings)
    assert "nothing is sent twice" in warnings[0].getMessage()
    assert emu.sent_log() == []
    program.release()
    clock.now += 3.0
    assert await s.drain(timeout=5) == 2


def test_owed_writes_keep_their_order_and_a_write_refused_writes_nothing(
        database: Database, program: Program) -> None:
    clock = Clock()
    writes = OwedWrites(database, wait=0.01, monotonic=clock)
    log: list[str] = []

    def note(db: Database, text: str) -> None:
        with db.transaction() as tx:
            tx.execute("update _migrations set applied_at = applied_at")
        log.append(text)

    assert writes.owe("a", note, "a") and log == ["a"]
    program.hold()
    assert not writes.owe("b", note, "b")
    assert not writes.owe("c", note, "c")  # behind b, not tried on its own
    with pytest.raises(Locked):
        writes.attempt("d", note, "d")
    assert log == ["a"] and writes.owed == 2 and writes.blocked()
    program.release()
    assert not writes.settle()  # still within the back-off: nothing tried
    clock.now += owed.RETRY_SECONDS
    assert writes.settle() and log == ["a", "b", "c"] and writes.owed == 0
    # the connection's own busy timeout is back after each short wait
    assert database.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
