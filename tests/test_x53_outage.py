"""QA37 T5: three chats whose own sends always fail 5xx are not a Telegram outage for long:
once probes after the outage's pauses fail in those chats only, the guess is withdrawn, their
rows use attempts and fail, and every other reader's alert goes. Real SQLite, real PTB against
the emulator (delivery helpers of X42/X48); X48's real outage stays in tests/test_x48_*."""

from __future__ import annotations

import logging

import pytest
from telegram import Bot

from bot import limiter, send_failures
from bot.emulator import Emulator
from delivery_helpers import add_article, add_chat, add_source, rows
from digests.storage import Database
from test_x42_delivery import make_sender, queue

POISONED = (7, 8, 9)


async def test_three_chats_failing_alone_are_their_own_trouble_not_an_outage(
        database: Database, emu: Emulator, bot: Bot, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="bot.courier")
    monkeypatch.setattr(send_failures, "OUTAGE_FIRST_DELAY", 0.2)
    monkeypatch.setattr(send_failures, "OUTAGE_MAX_DELAY", 0.4)
    # each poisoned chat's retries wait the bot's 1.05 s a chat: about 9 s of the test's 11 for
    # the attempts it only counts (review RG); the outage guess does not read that pace
    monkeypatch.setattr(limiter, "CHAT_INTERVAL", 0.05)
    src = add_source(database, "src")
    for chat in POISONED:  # these chats' sends always fail, first in line
        emu.fail_next(-1, 500, "Internal Server Error", chat_id=chat)
        add_chat(database, chat)
        queue(database, chat, add_article(database, src, f"خبر {chat}", story_id=100 + chat))
    sender = make_sender(database, bot, retry_delay=0.01)
    await sender.drain(timeout=20)  # type: ignore[attr-defined]
    # the rows of the poisoned chats used their attempts and failed, as any chat's own trouble
    statuses = {int(str(r["chat_id"])): str(r["status"]) for r in rows(database)}
    assert statuses == {chat: "failed" for chat in POISONED}, statuses
    withdrawn = [r for r in caplog.records if "not an outage" in r.getMessage()]
    assert len(withdrawn) == 1
    # a second round: the other readers are not held by an outage of those three
    for chat in range(20, 40):
        add_chat(database, chat)
        queue(database, chat, add_article(database, src, f"خبر {chat}", story_id=200 + chat))
    for chat in POISONED:
        queue(database, chat, add_article(database, src, f"ثان {chat}", story_id=300 + chat))
    await sender.drain(timeout=20)  # type: ignore[attr-defined]
    assert all(len(emu.messages(chat)) == 1 for chat in range(20, 40))
    assert sender.courier.backoff.outage() is None  # type: ignore[attr-defined]
    started = [r for r in caplog.records if "(outage)" in r.getMessage()]
    assert len(started) == 1  # the three chats, known now, start no second one
