"""X84 (6): botkit's `settle` slept a fixed 0.2 s once the bot had fetched the injected updates,
whether their handlers had answered or not: an answer Telegram refused once with a 429 (sent
again a second later by bot.reply_limiter) was not there yet. It now waits until the bot is
idle: nothing pending, no handler running, no API call for botkit.QUIET seconds."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_settle_waits_for_an_answer_still_being_sent(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.inject_429(1, retry_after=1, chat_id=READER)
        h.emu.send_user_message(READER, "/help")
        await h.settle()
        [answer] = h.emu.messages(READER)
        assert "/subscribe" in answer.plain_text
        assert h.app.update_processor.current_concurrent_updates == 0


async def test_settle_returns_when_nothing_happens(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.settle()
        assert h.emu.messages(READER) == []
