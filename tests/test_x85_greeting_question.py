"""QA57-9/-10: «السلام عليكم، شو الاخبار؟» (the most ordinary first message) was split into two
"topics", «السلام عليكم» and «شو الاخبار», with «🔔 تابعها كلها»; «مرحبا، شو صار امبارح؟» was
searched whole and offered for following; «مين ربح بالانتخابات اللبنانية» found nothing and was
offered for following whole. A greeting that opens a message is left out of it
(digests.greetings.after_greeting), and a question that finds nothing is echoed and offered as
its topic (digests.asked_topics.topic_shown), as found results are. Real bot against the
emulator (sample archive), and the pure function."""

from __future__ import annotations

import asyncio
from pathlib import Path

from botkit import READER, BotHarness, running_bot, sample_db

from bot.emulator_model import SentMessage
from digests.greetings import after_greeting


def test_the_greeting_at_the_start_is_left_out() -> None:
    assert after_greeting("السلام عليكم، شو الاخبار؟") == "شو الاخبار؟"
    assert after_greeting("مرحبا، شو صار امبارح؟") == "شو صار امبارح؟"
    assert after_greeting("مرحبا يا بوت، غزة") == "غزة"
    assert after_greeting("hello, Syria news") == "Syria news"
    # a programme's name, «السلام» (peace), small talk alone or after a greeting: untouched
    for kept in ("صباح الخير يا مصر", "سلام غزة", "السلام", "السلام عليكم", "مرحبا كيف حالك",
                 "الغوطة"):
        assert after_greeting(kept) is None, kept


async def _answer(h: BotHarness, text: str) -> list[SentMessage]:
    before = len(h.emu.messages(READER))
    await h.say(READER, text)
    await h.settle()
    await asyncio.sleep(0.2)  # a digest comes in several messages
    return h.emu.messages(READER)[before:]


async def test_a_greeting_and_a_question(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        news = await _answer(h, "السلام عليكم، شو الاخبار؟")
        text = "\n".join(m.plain_text for m in news)
        buttons = [b for m in news for b in m.button_texts()]
        assert "عدة مواضيع" not in text and "🔔 تابعها كلها" not in buttons, text
        assert "أحدث الأخبار" in text or "نشرة" in text, text  # the reader's digest
        yesterday = await _answer(h, "مرحبا، شو صار امبارح؟")
        text = "\n".join(m.plain_text for m in yesterday)
        assert "مرحبا" not in text and "أمس" in text, text
        [asked] = await _answer(h, "مين ربح بالانتخابات اللبنانية")
        assert "«مين ربح" not in asked.plain_text, asked.plain_text
        assert "«الانتخابات اللبنانية»" in asked.plain_text, asked.plain_text
        [followed] = await h.click(asked, "🔔 تابع هذا الموضوع")
        assert "مين" not in followed.plain_text, followed.plain_text
