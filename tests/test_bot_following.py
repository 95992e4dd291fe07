"""bot.following end to end: the real PTB Application against the emulator, sample news."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from telegram_html import check_message

from bot.emulator import SentMessage
from digests import subscriptions


def _ok(messages: list[SentMessage]) -> None:
    for m in messages:
        assert check_message(m.text) == [], m.text


def _current(h: object, sent: SentMessage) -> SentMessage:
    """The message as it is now (after edits)."""
    return next(m for m in h.emu.messages(sent.chat_id)  # type: ignore[attr-defined]
                if m.message_id == sent.message_id)


def _topics(h: object) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(h.db, READER)]  # type: ignore[attr-defined]


async def test_a_deep_link_in_english_follows_the_arabic_topic_and_says_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start syria", n=2)
        _ok(got)
        text = got[0].plain_text.replace("\u200e", "")
        assert "«syria» هو «سوريا»" in text and "تمت متابعة «سوريا» عبر الرابط" in text
        assert _topics(h) == ["سوريا"]


async def test_a_latin_topic_with_no_arabic_name_is_not_followed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start lebanon_vote", n=2)
        text = got[0].plain_text.replace("\u200e", "")
        assert "لم أتابع «lebanon vote»: الموضوعات تُتابع بالعربية" in text
        [m] = await h.say(READER, "/subscribe Zzyzx")
        assert "الموضوعات تُتابع بالعربية" in m.plain_text
        [m] = await h.say(READER, "/subscribe Ghouta")
        assert "«Ghouta» هو «الغوطة»" in m.plain_text.replace("\u200e", "")
        assert _topics(h) == ["الغوطة"]
        [m] = await h.say(READER + 1, "/subscribe Ghouta", language_code="en")
        assert "«Ghouta» is «الغوطة»" in m.plain_text.replace("\u200e", "")


async def test_bare_subscribe_asks_what_to_follow(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ask] = await h.say(READER, "/subscribe")
        _ok([ask])
        text = ask.plain_text.replace("\u200e", "")
        assert "أي موضوع تريد متابعته؟" in text and "/subscribe الغوطة" in text
        assert ask.button_texts() == ["📰 النشرة العامة"]
        assert _topics(h) == []  # nothing followed by asking
        [done] = await h.click(ask, "📰 النشرة العامة")
        assert "«النشرة العامة»" in done.plain_text
        assert _topics(h) == [""]


async def test_unsubscribe_names_the_topic_as_stored(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [m] = await h.say(READER, "/unsubscribe الغوطه")  # typed with ه
        assert "أُلغيت متابعة «الغوطة»" in m.plain_text
        assert _topics(h) == []


async def test_the_unsubscribe_list_drops_the_topic_removed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(READER, "/subscribe لبنان")
        [menu] = await h.say(READER, "/unsubscribe")
        assert menu.button_texts() == ["❌ الغوطة", "❌ لبنان"]
        [gone] = await h.click(menu, "❌ الغوطة")
        assert "أُلغيت متابعة «الغوطة»" in gone.plain_text
        edited = _current(h, menu)
        assert edited.button_texts() == ["❌ لبنان"]
        await h.click(edited, "❌ لبنان")
        emptied = _current(h, menu)
        assert emptied.button_texts() == [] and "لا تتابع أي موضوع" in emptied.plain_text
        assert _topics(h) == []
