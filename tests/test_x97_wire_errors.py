"""X97 (QA62-5): a send that fails (a 502, a timeout, a dropped connection) frees its place in
the limiter's sliding window, and whoever waits for that place is told at once.

X96 counted a message from when it left until a second after its answer, and a message still
unanswered stopped counting only after WIRE_FLIGHT. The slot's waiter computed its wait from
that WIRE_FLIGHT and was never woken when the answer came: at a cap of one message a second
(2/s configured) every send in flight held the next for WIRE_FLIGHT, and a reply retried after
a 502 missed its test's ten seconds. Here WIRE_FLIGHT is a minute, so a waiter not woken (or a
place never freed) shows as a stall; the timeouts only guard against the hang (no time is
asserted)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot
from telegram.error import NetworkError

from bot import courier, limiter
from bot.emulator import Emulator
from bot.limiter import RateLimiter
from bot.sender import Sender
from delivery_helpers import add_article, add_chat, add_source
from digests.settings import Settings
from digests.storage import Database
from test_x42_delivery import queue, simple_render

CHATS = 4


@pytest.fixture(autouse=True)
def _long_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limiter, "WIRE_FLIGHT", 60.0)


async def test_an_answer_wakes_the_send_waiting_for_its_place() -> None:
    gate = RateLimiter(2.0)  # a cap of one message in the window
    await gate.acquire(1, False, wire_later=True)
    left = gate.on_wire()
    waiting = asyncio.create_task(gate.acquire(2, False))
    await asyncio.sleep(0.1)  # it waits for the message in flight
    assert not waiting.done()
    gate.landed(left)  # answered (or failed): it counts a window more, not WIRE_FLIGHT
    done, _ = await asyncio.wait({waiting}, timeout=20)
    assert waiting in done


async def test_a_send_that_raises_in_flight_frees_its_place() -> None:
    gate = RateLimiter(2.0)
    await gate.acquire(1, False, wire_later=True)
    with pytest.raises(NetworkError), gate.flight():
        raise NetworkError("httpx.ReadError: [Errno 104] Connection reset by peer")
    nxt = asyncio.create_task(gate.acquire(2, False))
    done, _ = await asyncio.wait({nxt}, timeout=20)
    assert nxt in done


class _ResetOnce:
    """The bot, whose first send to chat 1 loses its connection (no answer)."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        self.reset = True

    async def send_message(self, chat_id: int, *args: Any, **kwargs: Any) -> Any:
        if chat_id == 1 and self.reset:
            self.reset = False
            await asyncio.sleep(0.2)
            raise NetworkError("httpx.ReadError: [Errno 104] Connection reset by peer")
        return await self._bot.send_message(chat_id, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bot, name)


@pytest.mark.parametrize("fault", ["502", "timeout", "reset"])
async def test_a_failed_send_does_not_hold_the_others(database: Database, emu: Emulator,
                                                      bot: Bot, fault: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    src = add_source(database, "src")
    article = add_article(database, src, "خبر عاجل", story_id=1)
    for chat in range(1, CHATS + 1):
        add_chat(database, chat)
        queue(database, chat, article)
    emu.rate_limits(True)
    the_bot: Any = bot
    if fault == "502":
        emu.fail_next(1, 502, "Bad Gateway", chat_id=1)
    elif fault == "timeout":  # accepted, answered after the bot stopped waiting
        monkeypatch.setattr(courier, "SEND_READ_TIMEOUT", 0.3)
        emu.slow_next(1, 1.0, chat_id=1)
    else:
        the_bot = _ResetOnce(bot)
    settings = Settings(database_path=Path(database.path), send_rate_per_second=2.0)
    sender = Sender(database, the_bot, settings, render=simple_render, retry_delay=0.05,
                    instant_gap=timedelta(0))
    # a place never freed, or a waiter never told, holds the rest for WIRE_FLIGHT (a minute)
    await asyncio.wait_for(sender.drain(timeout=40), 40)
    assert all(emu.messages(chat) for chat in range(1, CHATS + 1)), \
        [len(emu.messages(chat)) for chat in range(1, CHATS + 1)]
    assert emu.counters["429:overall"] == 0, dict(emu.counters)
