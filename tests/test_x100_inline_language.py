"""X100 (QA67-4): inline results are in the language the user chose with /lang in their private
chat, not only their Telegram app's (an Arabic phone whose reader chose English shared Arabic
stories). Real bot against the Telegram emulator (tests/botkit.py)."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.emulator import User

ENGLISH_DATE = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}|ago")
ARABIC_DATE = re.compile("[٠-٩]+ (يناير|فبراير|مارس|أبريل)|منذ")


async def test_inline_follows_the_private_chats_language(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        user = User(READER, language_code="ar")
        before = await h.emu.await_inline_answer(h.emu.inline_query("الغوطة", user=user),
                                                 timeout=10)
        described = [r["description"] for r in before["results"]]
        assert described and all(ARABIC_DATE.search(d) for d in described), described
        await h.say(READER, "/lang en")
        after = await h.emu.await_inline_answer(h.emu.inline_query("الغوطة", user=user),
                                                timeout=10)
        described = [r["description"] for r in after["results"]]
        assert described and all(ENGLISH_DATE.search(d) for d in described), described
