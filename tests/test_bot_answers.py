"""bot.answers end to end: the real PTB Application against the emulator, sample news."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db
from telegram_html import check_message

from bot.emulator import SentMessage


def _ok(messages: list[SentMessage]) -> None:
    for m in messages:
        assert check_message(m.text) == [], m.text


def _count(text: str) -> str:
    m = re.search(r"من (\S+)", text)
    assert m, text
    return m.group(1)


async def test_a_natural_question_answers_like_the_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة")
        [asked] = await h.say(READER, "ما آخر أخبار الغوطة؟")
        _ok([asked])
        assert _count(asked.plain_text) == _count(topic.plain_text)
        assert asked.plain_text.split("\n", 1)[1] == topic.plain_text.split("\n", 1)[1]
        assert "لم أجد" not in asked.plain_text


async def test_an_unknown_word_is_dropped_and_the_reader_is_told(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "ماكرون Macron")
        _ok([msg])
        first = msg.plain_text.split("\n")[0].replace("\u200e", "")
        assert "«Macron»" in first and "في الأرشيف" in first
        assert "نتائج «ماكرون Macron»" in msg.plain_text
        [en] = await h.say(READER + 1, "ماكرون Macron", language_code="en")
        assert en.plain_text.replace("\u200e", "").startswith("«Macron»: not in the archive")


async def test_the_all_words_fallback_is_shown_above_the_results(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الشرقية الغوطة")
        _ok([msg])
        assert msg.plain_text.lstrip("\u200f").startswith("لم أجد العبارة كما هي")


async def test_english_names_are_searched_as_their_arabic_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة")
        [msg] = await h.say(READER, "Ghouta")
        _ok([msg])
        first, rest = msg.plain_text.replace("\u200e", "").split("\n", 1)
        assert first.lstrip("\u200f") == "الموضوعات تُبحث بالعربية: «Ghouta» هو «الغوطة»."
        assert rest == topic.plain_text
        [none] = await h.say(READER, "Zzyzx")
        assert "الموضوعات تُبحث بالعربية؛ جرّب «سوريا»" in none.plain_text
        assert none.button_texts() == []  # nothing to follow: a Latin topic never matches
        [en] = await h.say(READER + 1, "Zzyzx", language_code="en")
        assert "Topics are searched in Arabic: try «سوريا»" in en.plain_text

