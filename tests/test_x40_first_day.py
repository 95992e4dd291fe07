"""A new reader's first day (QA26, brief X40): the real PTB Application against the emulator.

/unsubscribe by the name the reader followed with (N1), a list of topics in one message (N2),
greetings (N3), and the smaller findings after them.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from telegram_html import check_message

from bot.emulator import SentMessage
from digests import subscriptions


def _plain(m: SentMessage) -> str:
    return m.plain_text.replace("\u200e", "").replace("\u200f", "")


def _topics(h: object, chat: int = READER) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(h.db, chat)]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# N1: /unsubscribe by the name followed


async def test_unsubscribe_by_the_english_name_followed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe Trump", language_code="en")
        await h.say(READER, "/subscribe Liverpool", language_code="en")
        assert _topics(h) == ["ترامب", "ليفربول"]
        [m] = await h.say(READER, "/unsubscribe Trump", language_code="en")
        assert "Trump (ترامب)" in _plain(m) and "do not follow" not in _plain(m)
        assert _topics(h) == ["ليفربول"]
        [m] = await h.say(READER, "/unsubscribe the liverpool", language_code="en")
        assert _topics(h) == []


async def test_unsubscribe_by_the_english_name_in_an_arabic_chat(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe Liverpool")
        assert _topics(h) == ["ليفربول"]
        [m] = await h.say(READER, "/unsubscribe Liverpool")
        assert "أُلغيت متابعة «ليفربول»" in _plain(m)
        assert _topics(h) == []
        await h.say(READER, "/subscribe ترامب")
        [m] = await h.say(READER, "/unsubscribe ترمب")  # another spelling still works
        assert _topics(h) == []
        [m] = await h.say(READER, "/unsubscribe Trump")  # nothing left: said so
        assert "لست تتابع" in _plain(m)


async def test_the_deep_link_stop_hint_names_the_topic_as_the_reader_types_it(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start syria", n=2, language_code="en")
        text = _plain(got[0])
        assert "/unsubscribe Syria" in text and "/unsubscribe سوريا" not in text
        [m] = await h.say(READER, "/unsubscribe Syria", language_code="en")
        assert _topics(h) == []
        got = await h.say(READER + 1, "/start syria", n=2)  # Arabic: the Arabic name
        assert "/unsubscribe سوريا" in _plain(got[0])
