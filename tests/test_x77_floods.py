"""Brief X77 item 3 (QA53 S4): a 429 storm wrote one WARNING per refused chat (984 lines in 3
min) and the delivered rows kept «429 retry after N s» in last_error. The real sender and PTB
against the emulator (a third of the chats answer 429 once), a real SQLite outbox."""

from __future__ import annotations

import logging

import pytest
from telegram import Bot

from bot import floods
from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from digests import outbox_states
from digests.storage import Database
from test_x42_delivery import make_sender, queue

CHATS = range(1, 31)
REFUSED = [c for c in CHATS if c % 3 == 0]  # ten chats, each refused once, others between


async def test_a_429_wave_is_one_warning_and_delivered_rows_keep_no_429(
        database: Database, emu: Emulator, bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.courier")
    caplog.set_level(logging.DEBUG, logger="bot.floods")
    src = add_source(database, "src")
    for chat in CHATS:
        add_chat(database, chat)
        queue(database, chat, add_article(database, src, f"خبر رقم {chat}", story_id=300 + chat))
    for chat in REFUSED:  # longer than the courier's in-task wait: the rows go back, marked
        emu.inject_429(1, retry_after=3, chat_id=chat)
    # One bundle at a time: each refusal then comes after other chats' sends were accepted, as
    # the test means (with 8 in flight, three 429s could come back before any accepted answer
    # on a loaded host, and that is the shared-limit pause, bot.limiter.SHARED_429_CHATS)
    sender = make_sender(database, bot, max_in_flight=1)
    await sender.drain(timeout=30)  # type: ignore[attr-defined]
    assert len(emu.refusals(429)) == len(REFUSED)
    assert all(len(emu.messages(chat)) == 1 for chat in CHATS)  # nothing lost or doubled
    outbox = rows(database)
    assert {str(r["status"]) for r in outbox} == {"sent"}
    assert not [r for r in outbox if "429" in str(r["last_error"] or "")], outbox
    said = [r for r in caplog.records if "429 from Telegram" in r.getMessage()]
    warnings = [r for r in said if r.levelno >= logging.WARNING]
    held = [r for r in said if r.levelno == logging.DEBUG and "holding this chat" in r.getMessage()]
    assert not [r for r in warnings if "pausing all sends" in r.getMessage()]
    assert len(held) == len(REFUSED)  # each chat at DEBUG, with its id
    assert {int(r.getMessage().rpartition("chat=")[2]) for r in held} == set(REFUSED)
    assert len(warnings) == 1, [r.getMessage() for r in warnings]  # before: one per chat (10)
    assert "chats=1" in warnings[0].getMessage() and "first=" in warnings[0].getMessage()


async def test_the_wave_summary_counts_chats_and_the_longest_wait(
        caplog: pytest.LogCaptureFixture) -> None:
    """The minute's line: refusals, distinct chats, the longest wait, the first ids; a quiet
    window ends the wave (the next 429 is said at once again)."""
    caplog.set_level(logging.WARNING, logger="bot.floods")
    clock = [0.0]
    flood = floods.FloodLog(every=60.0, clock=lambda: clock[0])
    flood.held(7, 5.0)  # said at once: the wave begins
    for n, chat in enumerate((8, 9, 8, 10, 11, 12, 13)):
        clock[0] = float(n)
        flood.held(chat, 5.0 + n)
    clock[0] = 60.0
    flood.flush()  # the minute's summary
    flood.flush()  # nothing since: the wave is over
    flood.held(20, 2.0)  # a new wave: said at once
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3, lines
    assert "refusals=7 chats=6 longest=11.0" in lines[1] and "first=8,9,10,11,12" in lines[1]
    assert "chats=1" in lines[2] and "first=20" in lines[2]


def test_delivered_drops_only_the_429_trace(database: Database) -> None:
    src = add_source(database, "src")
    add_chat(database, 1)
    add_chat(database, 2)
    ids = [queue(database, chat, add_article(database, src, f"خبر {chat}", story_id=400 + chat))
           for chat in (1, 2)]
    database.db.execute("update outbox set status = 'sending', last_error = ? where id = ?",
                        ["429 retry after 12 s (this chat)", ids[0]])
    database.db.execute("update outbox set status = 'sending', last_error = ? where id = ?",
                        ["interrupted while sending (re-sent after restart)", ids[1]])
    outbox_states.finish(database, ids, "sent", NOW)
    got = {int(str(r["id"])): (r["status"], r["last_error"]) for r in rows(database)}
    assert got[ids[0]] == ("sent", None)
    assert got[ids[1]] == ("sent", "interrupted while sending (re-sent after restart)")
