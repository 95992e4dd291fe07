"""X96 (QA62-5): the sender drew two «overall» 429s from Telegram's 30/s window right at the
start of a push. The limiter counted a message in its one-second window from when it left,
as Telegram counts it when it arrives: the first messages of a push (a reader's answer, the
admin's «in the send queue», the first deliveries) left while the event loop was busy
rendering and reached Telegram late, together with the next ones, so one second of arrivals
held more than 30 although no second of departures did. Now a message counts from when it
leaves until a second after Telegram answered it (it arrived before the answer), so no
arrival window can hold more than the limiter allowed. The real sender, courier and limiter
against the emulator with Telegram's limits on; the first sends reach it late."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

from telegram import Bot

from bot.emulator import Emulator
from bot.sender import Sender
from delivery_helpers import add_article, add_chat, add_source
from digests.settings import Settings
from digests.storage import Database
from test_x42_delivery import queue, simple_render

CHATS = 70
LATE = 10          # the push's first sends ...
LATE_BY = 0.5      # ... reach Telegram this late (a busy loop, new connections)


class _LateStart:
    """The bot, whose first LATE messages wait LATE_BY before they reach Telegram."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        self.late = LATE

    async def send_message(self, *args: Any, **kwargs: Any) -> Any:
        if self.late > 0:
            self.late -= 1
            await asyncio.sleep(LATE_BY)
        return await self._bot.send_message(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bot, name)


async def test_late_first_sends_draw_no_overall_429(database: Database, emu: Emulator,
                                                    bot: Bot) -> None:
    src = add_source(database, "src")
    article = add_article(database, src, "خبر عاجل", story_id=1)
    for chat in range(1, CHATS + 1):
        add_chat(database, chat)
        queue(database, chat, article)
    emu.rate_limits(True)  # 30/s overall, as Telegram counts them: where they arrive
    settings = Settings(database_path=Path(database.path), send_rate_per_second=30.0)
    sender = Sender(database, _LateStart(bot), settings,  # type: ignore[arg-type]
                    render=simple_render, retry_delay=0.05, instant_gap=timedelta(0))
    await sender.drain(timeout=60)
    assert emu.counters["429:overall"] == 0, dict(emu.counters)
    assert all(len(emu.messages(chat)) == 1 for chat in range(1, CHATS + 1))
