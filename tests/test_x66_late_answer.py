"""QA43 C4: an answer Telegram takes but answers late (PTB's TimedOut) is not followed by the
generic apology «عذرًا، حدث خطأ…» (bot.update_errors). The real bot against the emulator, whose
`slow_next` records the message, then answers after the bot's read timeout."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

import bot.app as app_module
from bot.i18n import t
from tests.botkit import READER, running_bot, sample_db


async def test_an_answer_delivered_late_gets_no_apology_under_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(app_module, "READ_TIMEOUT_SECONDS", 0.5)
    caplog.set_level(logging.WARNING, logger="bot.app")
    apology = t("error", "ar")
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/help")  # the chat exists, its answers come on time
        before = len(h.emu.messages(READER))
        h.emu.slow_next(1, 1.5)  # the next answer is recorded, its HTTP answer comes 1.5 s late
        h.emu.send_user_message(READER, "/help")
        await h.until(lambda: len(h.emu.messages(READER)) > before, 10)
        await h.until(lambda: any("timed out" in r.getMessage().lower()
                                  for r in caplog.records), 10)
        await asyncio.sleep(1.0)  # an apology, if any, would have come by now
        texts = [m.plain_text for m in h.emu.messages(READER)[before:]]
    assert len(texts) == 1, texts  # the late answer alone
    assert not any(apology.split("،")[0] in x for x in texts)
    assert any("may have delivered it" in r.getMessage() for r in caplog.records)
