"""X110: a crafted share link and an edited command (QA65-6, QA65-12).

QA65-6: anyone can mint t.me/<bot>?start=t-<base64 of any text>; «ادخل scam.io» and «اربح ١٠٠٠$
الآن» were followed at once and echoed «تمت متابعة «ادخل scam.io» عبر الرابط.» in the bot's voice.
A link's topic holding a web address is refused without echoing it; one the archive knows
nothing of is offered with a button instead of followed; a topic with news is followed as before.

QA65-12: an admin who fixed «/statss» by editing it to «/stats» waited for an answer that never
came. The first edit into a command is answered with how to send it (it is still never run).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message

from bot.deep_links import encode_start_payload, holds_address
from digests import sources, subscriptions


def _topics(h: object, chat: int = READER) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(h.db, chat)]  # type: ignore[attr-defined]


def test_a_topic_holding_a_web_address_is_told_apart() -> None:
    for lure in ("ادخل scam.io", "اربح على www.win", "تابع @scam_bot", "ادخل https://x",
                 "scam.io", "موقع bit.ly/x", "الغوطة moc.evil"):
        assert holds_address(lure), lure
    for topic in ("الغوطة", "سوريا", "كأس العالم 2018", "قرار 2401", "syria", "F-16",
                  "ترامب.", "د. محمد", "U.S. election", "3.5 مليار"):
        assert not holds_address(topic), topic


async def test_a_share_link_with_an_address_is_refused_and_not_echoed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("ادخل scam.io"), n=2)
        assert "scam.io" not in got[1].plain_text and "لم أتابع" in got[1].plain_text
        assert "أهلًا بك" in got[0].plain_text  # the welcome before, the link's answer last
        for m in got:  # the Arabic lines start right to left
            assert check_message(m.text) == [], m.text
        got = await h.say(READER + 1, "/start " + encode_start_payload("ادخل scam.io"), n=2,
                          language_code="en")
        assert "scam.io" not in got[1].plain_text and "Nothing was followed" in got[1].plain_text
        assert _topics(h) == [] and _topics(h, READER + 1) == []


async def test_a_share_link_to_a_topic_with_no_news_asks_first(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("اربح ١٠٠٠$ الآن"), n=2)
        ask = got[1]  # the question last, its button at the bottom (QA74-4)
        assert "تمت متابعة" not in ask.plain_text and "تابع" in ask.plain_text
        assert _topics(h) == []  # not followed by opening the link
        [done] = await h.click(ask, ask.button_texts()[0])
        assert "تمت متابعة" in done.plain_text
        assert len(_topics(h)) == 1  # the reader's own press follows it
        got = await h.say(READER + 1, "/start " + encode_start_payload("موضوع نادر جدا"), n=2,
                          language_code="en")
        assert "Follow" in " ".join(got[1].button_texts()) and _topics(h, READER + 1) == []
        # a topic with news is still followed at once, as before
        got = await h.say(READER + 2, "/start " + encode_start_payload("الغوطة"), n=2)
        assert "تمت متابعة «الغوطة» عبر الرابط" in got[1].plain_text.replace("\u200e", "")
        assert _topics(h, READER + 2) == ["الغوطة"]


async def test_an_edit_into_a_command_says_how_to_send_it_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        source = sources.add_source(h.db, "http://127.0.0.1:9/feed.xml", settings=h.settings,
                                    now=datetime.now(UTC))
        before = len(h.emu.messages(ADMIN))
        message_id = h.emu.send_user_message(ADMIN, "/statss")
        await h.emu.await_messages(ADMIN, before + 1, timeout=10)
        h.emu.edit_user_message(ADMIN, message_id, f"/removesource {source.id}")
        [hint] = (await h.emu.await_messages(ADMIN, before + 2, timeout=10))[before + 1:]
        text = hint.plain_text.replace("\u200e", "")
        assert f"/removesource {source.id}" in text and "رسالة جديدة" in text, text
        assert check_message(hint.text) == []
        h.emu.edit_user_message(ADMIN, message_id, "/push")  # a second edit: not answered
        await h.settle()
        assert len(h.emu.messages(ADMIN)) == before + 2
        still = sources.get_source(h.db, source.id)
        assert still is not None and still.active  # never run from an edit
        en = READER + 5
        message_id = h.emu.send_user_message(en, "hello", language_code="en")
        await h.emu.await_messages(en, 1, timeout=10)
        h.emu.edit_user_message(en, message_id, "/topics")
        [hint] = (await h.emu.await_messages(en, 2, timeout=10))[1:]
        assert "/topics" in hint.plain_text and "new message" in hint.plain_text
