"""bot/followed_topics.py: /topics, /unsubscribe and its ❌ and «↩️ تراجع» buttons, the real
PTB Application against the Telegram emulator on 127.0.0.1 (tests/botkit.py), sample news;
`unsubscribe_typed` on the running bot's own Runtime."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from telegram_html import check_message

from bot.followed_topics import unsubscribe_typed
from bot.runtime import RUNTIME_KEY
from digests import subscriptions


def _topics(h: object) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(h.db, READER)]  # type: ignore[attr-defined]


async def test_unsubscribe_typed_reads_the_topic_as_subscribe_does(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(READER, "/subscribe لبنان")
        rt = h.app.bot_data[RUNTIME_KEY]
        assert unsubscribe_typed(rt, READER, "سوريا") is None  # not followed
        removed = unsubscribe_typed(rt, READER, "Ghouta")  # its English name
        assert removed is not None and removed.topic == "الغوطة"
        removed = unsubscribe_typed(rt, READER, "اخبار لبنان")  # the name a sentence holds
        assert removed is not None and removed.topic == "لبنان"
        assert _topics(h) == []


async def test_unsubscribe_typed_the_general_digest(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe")  # the chat exists now (it only asked what to follow)
        rt = h.app.bot_data[RUNTIME_KEY]
        subscriptions.subscribe(h.db, READER, "", now=rt.now())
        assert _topics(h) == [""]
        removed = unsubscribe_typed(rt, READER, "النشرة العامة")
        assert removed is not None and removed.topic == ""
        assert _topics(h) == []


async def test_topics_lists_what_the_chat_follows(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [m] = await h.say(READER, "/topics")
        assert check_message(m.text) == [], m.text
        assert "الغوطة" in m.plain_text


async def test_unsubscribe_a_topic_not_followed_says_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [m] = await h.say(READER, "/unsubscribe لبنان")
        assert check_message(m.text) == [], m.text
        assert "لبنان" in m.plain_text and "أُلغيت" not in m.plain_text
        assert _topics(h) == ["الغوطة"]


async def test_the_cross_button_removes_and_undo_follows_again(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [menu] = await h.say(READER, "/unsubscribe")
        assert menu.button_texts() == ["❌ إلغاء الغوطة"]
        [done] = await h.click(menu, "❌ إلغاء الغوطة")
        assert "أُلغيت متابعة «الغوطة»" in done.plain_text
        assert _topics(h) == []
        undo = next(b for b in done.button_texts() if "تراجع" in b)
        await h.click(done, undo, n=0)
        assert _topics(h) == ["الغوطة"]
