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


async def test_a_question_is_followed_as_its_topic(tmp_path: Path) -> None:
    from bot.following import encode_start_payload

    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe ما آخر أخبار الغوطة؟")
        _ok([m])
        assert "تمت متابعة «الغوطة»." in m.plain_text
        assert "?start=" + encode_start_payload("الغوطة") in m.plain_text  # the share link
        assert _topics(h) == ["الغوطة"]
        [listed] = await h.say(READER, "/topics")
        assert "• الغوطة" in listed.plain_text and "أخبار" not in listed.plain_text
        [found] = await h.say(READER, "ما آخر أخبار الغوطة؟")  # its «🔔 تابع» button too
        [same] = await h.click(found, "🔔 تابع هذا الموضوع")
        assert "أنت تتابع «الغوطة» بالفعل" in same.plain_text


async def test_a_long_topic_is_echoed_with_an_ellipsis(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe " + "الغوطة الشرقية " * 20)
        echoed = m.plain_text.split("«", 1)[1].split("»", 1)[0]
        assert echoed.endswith("…") and echoed[:-1] == _topics(h)[0]
        [m] = await h.say(READER, "/unsubscribe " + "حلب وإدلب " * 300)
        echoed = m.plain_text.split("«", 1)[1].split("»", 1)[0]
        assert "لست تتابع" in m.plain_text
        assert echoed.endswith("…") and len(echoed) <= 100


async def test_the_topics_heading_in_a_group_names_the_group(tmp_path: Path) -> None:
    from botkit import ADMIN

    group = -100777
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        await h.say(group, "/subscribe الغوطة", user=h.user(ADMIN))
        [m] = await h.say(group, "/topics", user=h.user(ADMIN))
        assert m.plain_text.lstrip("\u200f").startswith("المواضيع التي تتابعها المجموعة:")
        await h.say(READER, "/subscribe لبنان")
        [m] = await h.say(READER, "/topics")
        assert m.plain_text.lstrip("\u200f").startswith("المواضيع التي تتابعها:")


async def test_a_deep_link_follow_says_how_to_stop(tmp_path: Path) -> None:
    from bot.following import encode_start_payload

    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("الغوطة"), n=2)
        lines = [line.strip("\u200e\u200f") for line in got[0].plain_text.split("\n")]
        assert lines[-1].replace("\u200e", "") == "لإلغاء المتابعة: /unsubscribe الغوطة"
        [stop] = await h.say(READER, lines[-1].split(": ", 1)[1].replace("\u200e", ""))
        assert "أُلغيت متابعة «الغوطة»" in stop.plain_text  # the line works as typed
        assert _topics(h) == []


async def test_a_broken_deep_link_says_so_then_welcomes(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start t-!!!bad", n=2)
        assert "لم أفهم هذا الرابط" in got[0].plain_text
        assert "أهلًا بك" in got[1].plain_text
        assert _topics(h) == []
        [welcome] = await h.say(READER, "/start inline")  # the inline «no results» button
        assert "أهلًا بك" in welcome.plain_text and "لم أتابع" not in welcome.plain_text
        assert _topics(h) == []


async def test_a_latin_topic_not_followed_suggests_the_name_in_it(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe lebanon vote")
        text = m.plain_text.replace("\u200e", "")
        assert "لم أتابع «lebanon vote»" in text and text.endswith("/subscribe لبنان")
        assert _topics(h) == []


async def test_a_deep_link_to_a_followed_topic_still_says_how_to_stop(tmp_path: Path) -> None:
    """Opening the link of a topic the chat already follows says so and how to stop it."""
    from bot.following import encode_start_payload

    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        got = await h.say(READER, "/start " + encode_start_payload("الغوطة"), n=2)
        lines = [line.strip("\u200e\u200f").replace("\u200e", "")
                 for line in got[0].plain_text.split("\n")]
        assert any("تتابع «الغوطة» بالفعل" in line for line in lines)
        assert lines[-1] == "لإلغاء المتابعة: /unsubscribe الغوطة"
        assert _topics(h) == ["الغوطة"]  # followed once, not twice


async def test_a_group_that_follows_nothing_is_worded_as_the_group(tmp_path: Path) -> None:
    """/topics, /unsubscribe and /digest in a group say «المجموعة لا تتابع …», not «you»; a
    private chat keeps «لا تتابع …»."""
    from botkit import ADMIN

    group = -100778
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        admin = h.user(ADMIN)
        for command in ("/topics", "/unsubscribe", "/digest"):
            got = await h.say(group, command, user=admin)
            text = got[0].plain_text.lstrip("\u200f")
            assert text.startswith("المجموعة لا تتابع أي موضوع بعد"), (command, text)
            got = await h.say(READER, command)
            assert got[0].plain_text.lstrip("\u200f").startswith("لا تتابع أي موضوع بعد"), command
        await h.settle()  # /digest's stories follow the note


def test_chat_worded_names_the_group_and_the_channel() -> None:
    from bot.following import chat_worded
    from bot.i18n import t

    assert t(chat_worded("no_subscriptions", "supergroup"), "ar").startswith("المجموعة")
    assert t(chat_worded("digest_no_subs", "channel"), "ar").startswith("القناة")
    assert t(chat_worded("no_subscriptions", "channel"), "en").startswith("This channel")
    assert t(chat_worded("digest_no_subs", "private"), "ar").startswith("لا تتابع")


async def test_subscribing_to_the_latest_news_asks_what_to_follow(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "/subscribe ما هي آخر الأخبار؟")
        _ok([msg])
        assert "أي موضوع تريد متابعته" in msg.plain_text
        assert subscriptions.list_subscriptions(h.db, READER) == []
