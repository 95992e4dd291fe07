"""bot.following end to end: the real PTB Application against the emulator, sample news."""

from __future__ import annotations

import re
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
        got = await h.say(READER, "/start syria", n=2)  # the welcome, then the link (QA74-4)
        _ok(got)
        text = got[1].plain_text.replace("\u200e", "")
        assert "«syria» هو «سوريا»" in text and "تمت متابعة «سوريا» عبر الرابط" in text
        assert _topics(h) == ["سوريا"]


async def test_a_latin_topic_with_no_arabic_name_is_not_followed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start lebanon_vote", n=2)
        text = got[1].plain_text.replace("\u200e", "")
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
        assert menu.button_texts() == ["❌ إلغاء الغوطة", "❌ إلغاء لبنان"]
        [gone] = await h.click(menu, "❌ إلغاء الغوطة")
        assert "أُلغيت متابعة «الغوطة»" in gone.plain_text
        edited = _current(h, menu)
        assert edited.button_texts() == ["❌ إلغاء لبنان"]
        await h.click(edited, "❌ إلغاء لبنان")
        emptied = _current(h, menu)
        assert emptied.button_texts() == [] and "لا تتابع أي موضوع" in emptied.plain_text
        assert _topics(h) == []


async def test_a_question_is_followed_as_its_topic(tmp_path: Path) -> None:
    from bot.deep_links import encode_start_payload

    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe ما آخر أخبار الغوطة؟")
        _ok([m])
        assert "تمت متابعة «الغوطة»." in m.plain_text
        assert "?start=" + encode_start_payload("الغوطة") in m.text  # the share link, behind words
        assert _topics(h) == ["الغوطة"]
        [listed] = await h.say(READER, "/topics")
        assert "• الغوطة" in listed.plain_text and "أخبار" not in listed.plain_text
        [found] = await h.say(READER, "ما آخر أخبار الغوطة؟")  # its «🔔 تابع» button too
        [same] = await h.click(found, "🔔 تابع هذا الموضوع")
        assert "أنت تتابع «الغوطة» بالفعل" in same.plain_text


async def test_a_long_topic_is_refused_and_echoed_with_an_ellipsis(tmp_path: Path) -> None:
    """QA10 F14: a pasted paragraph was followed, cut at 100 characters, and never matched; it
    is refused now, saying the limits, with the text echoed cut short."""
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe " + "الغوطة الشرقية " * 20)
        echoed = m.plain_text.split("«", 1)[1].split("»", 1)[0]
        assert echoed.endswith("…") and len(echoed) <= 60
        assert "أطول من أن يكون موضوعًا يُتابع (الحد ٦ كلمات و٦٠ حرفًا)" in m.plain_text
        assert _topics(h) == []
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
    from bot.deep_links import encode_start_payload

    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("الغوطة"), n=2)
        lines = [line.strip("\u200e\u200f") for line in got[1].plain_text.split("\n")]
        assert lines[-1].replace("\u200e", "") == "لإلغاء المتابعة: /unsubscribe الغوطة"
        [stop] = await h.say(READER, lines[-1].split(": ", 1)[1].replace("\u200e", ""))
        assert "أُلغيت متابعة «الغوطة»" in stop.plain_text  # the line works as typed
        assert _topics(h) == []


async def test_a_broken_deep_link_welcomes_then_says_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start t-!!!bad", n=2)  # the link's answer last (QA74-4)
        assert "لم أفهم هذا الرابط" in got[1].plain_text
        assert "أهلًا بك" in got[0].plain_text
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
    from bot.deep_links import encode_start_payload

    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        # a reader the bot knows: the link's answer alone, no welcome (QA74-4)
        got = await h.say(READER, "/start " + encode_start_payload("الغوطة"))
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
            assert "اكتب" not in text, text  # QA9 A3: spoken to the group, not to one member
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


# Words that speak to one person: a group must never read them (QA B4).
_SECOND_PERSON_AR = ("أنت ", "لست ", "ستصلك", "لتصلك", "مواضيعك", "توقيتك", "نشرتي", "تريد")


def _to_the_group(text: str) -> bool:
    return not any(w in text for w in _SECOND_PERSON_AR) and " you" not in text.lower()


async def test_every_following_reply_in_a_group_speaks_to_the_group(tmp_path: Path) -> None:
    """QA B4: in a group that follows «ترامب», /subscribe ترمب said «أنت تتابع «ترامب» بالفعل»
    and /unsubscribe الغوطة «لست تتابع «الغوطة»». Every reply of following speaks of the group,
    in Arabic and in English; a private chat keeps «أنت»."""
    from botkit import ADMIN

    group = -100781
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN, ADMIN + 1])
        admin, en = h.user(ADMIN), h.user(ADMIN + 1, "en")
        replies: list[str] = []

        async def say(text: str, user: object = admin) -> str:
            [m] = await h.say(group, text, user=user)  # type: ignore[arg-type]
            if user is admin:  # Arabic: laid out right to left
                _ok([m])
            replies.append(m.plain_text)
            return m.plain_text.replace("\u200e", "").lstrip("\u200f")

        assert (await say("/subscribe ترامب")).startswith("🔔 تمت متابعة «ترامب» في المجموعة.")
        assert (await say("/subscribe ترمب")) == "المجموعة تتابع «ترامب» بالفعل."
        assert (await say("/unsubscribe الغوطة")) == "المجموعة لا تتابع «الغوطة»."
        assert (await say("/subscribe")).startswith("أي موضوع تتابعه المجموعة؟")
        # a group speaks one language (brief X25): English in a group whose admin chose it
        # (/lang; X86, QA58-4: not the admin's Telegram app)
        h.emu.add_group(group - 1, "group", admins=[ADMIN + 1])
        await h.say(group - 1, "/lang en", user=en)
        [first] = await h.say(group - 1, "/subscribe ترامب", user=en)
        replies.append(first.plain_text)
        for text, said in (("/subscribe ترمب", "This group already follows «Trump (ترامب)»."),
                           ("/unsubscribe الغوطة", "This group does not follow «الغوطة».")):
            [m] = await h.say(group - 1, text, user=en)
            replies.append(m.plain_text)
            assert m.plain_text.replace("\u200e", "") == said
        [m] = await h.say(group - 1, "/subscribe", user=en)
        assert m.plain_text.startswith("What should this group follow?")
        listing = await say("/unsubscribe")
        assert listing == "اختر الموضوع الذي تلغي المجموعة متابعته:"
        menu = h.emu.messages(group)[-1]
        [done] = await h.click(menu, "❌ إلغاء ترامب", user=admin)
        replies.append(done.plain_text)
        assert done.plain_text.lstrip("\u200f") == "لم تعد المجموعة تتابع «ترامب»."
        assert (await say("/digest")).startswith("المجموعة لا تتابع أي موضوع بعد")
        await h.settle()
        for text in replies:
            assert _to_the_group(text), text
        [mine] = await h.say(READER, "/unsubscribe الغوطة")  # a private chat: «you»
        assert mine.plain_text.lstrip("\u200f") == "لست تتابع «الغوطة»."


async def test_a_channel_is_spoken_of_as_the_channel(tmp_path: Path) -> None:
    channel = -100782
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(channel, type="channel", title="قناة")
        await h.say(channel, "/subscribe لبنان")
        [again] = await h.say(channel, "/subscribe لبنان")
        assert again.plain_text.lstrip("\u200f") == "القناة تتابع «لبنان» بالفعل."
        [gone] = await h.say(channel, "/unsubscribe سوريا")
        assert gone.plain_text.lstrip("\u200f") == "القناة لا تتابع «سوريا»."


async def test_a_link_a_number_or_markup_is_not_followed_as_written(tmp_path: Path) -> None:
    """QA Q7: /subscribe LINK said «الموضوعات تُتابع بالعربية»; «١٢٣» and «<b>غزة</b>» were
    followed as written. A link is answered as a pasted link (never followed), a number is no
    topic, and the tags around a topic are left out."""
    async with running_bot(sample_db(tmp_path)) as h:
        url, title = h.db.db.execute(
            "select url, title from articles order by id limit 1").fetchone()
        [m] = await h.say(READER, f"/subscribe {url}")
        _ok([m])
        lines = m.plain_text.replace("\u200e", "").lstrip("\u200f").split("\n")
        assert lines[0].startswith("الرابط لا يُتابع: الموضوع اسم، مثل /subscribe الغوطة.")
        assert title in m.plain_text  # the article's digest, as a pasted link gets
        [m] = await h.say(READER, "/subscribe https://www.bbc.co.uk/arabic/x")
        assert "الرابط لا يُتابع" in m.plain_text and "ليس في الأرشيف" in m.plain_text
        assert "بالعربية" not in m.plain_text
        [m] = await h.say(READER, "/subscribe ١٢٣")
        assert m.plain_text.replace("\u200e", "").lstrip("\u200f") == (
            "«١٢٣» ليس موضوعًا يُتابع: اكتب اسمًا، مثل /subscribe الغوطة")
        assert _topics(h) == []
        [m] = await h.say(READER, "/subscribe \u200b\ufeff\u2066\u2069")  # QA15 N8: no «»
        assert m.plain_text.replace("\u200e", "").lstrip("\u200f") == (
            "اكتب اسم الموضوع الذي تتابعه، مثل /subscribe الغوطة")
        [m] = await h.say(READER, "/unsubscribe \u202e")
        assert "«»" not in m.plain_text and "لست تتابع" not in m.plain_text
        [m] = await h.say(READER, "/subscribe <b>غزة</b>")
        assert "«غزة»" in m.plain_text and "<" not in m.plain_text
        assert _topics(h) == ["غزة"]


async def test_an_english_adjective_follows_its_name(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe Syrian")
        text = m.plain_text.replace("\u200e", "")
        assert "«Syrian» موضوعه «سوريا»" in text and "تمت متابعة «سوريا»" in text
        assert _topics(h) == ["سوريا"]


def test_chat_worded_falls_back_to_the_group_then_to_the_key() -> None:
    from bot.following import chat_worded

    assert chat_worded("already_subscribed", "group") == "already_subscribed_group"
    assert chat_worded("share_link", "channel") == "share_link_group"  # no channel wording
    assert chat_worded("done", "supergroup") == "done"  # words for any chat
    assert chat_worded("not_subscribed", "private") == "not_subscribed"
    assert chat_worded("not_subscribed", None) == "not_subscribed"


def test_every_string_that_speaks_to_one_person_has_its_group_wording_or_is_private() -> None:
    """A guard for new strings: Arabic second person singular («أنت», «تتابعها», «نشرتي» …) is
    only in strings a group never gets, or in those with a `_group` variant."""
    from bot.i18n import STRINGS

    private_only = {
        "welcome_private",  # /start outside groups
        "help_footer",  # /help outside groups
        "link_several",  # «في رسالتك»: a message is one member's
        "topics_header",  # /topics has its group heading
        "no_subscriptions", "digest_no_subs",  # chat_worded already
        "latin_topic", "nothing_searchable", "search_usage", "name_alone",  # to the asker
        "button_expired",  # to the one who pressed
        "subscribe_what",
        "zone_hint_utc", "zone_hint",  # under a private chat's /start only (bot.welcome)
        "sent_private", "start_private",  # to the admin who typed /sources or /stats (bot.admin)
        "welcome_back",  # a private reader back after blocking the bot (bot.welcome)
        "not_admin_id",  # «your id»: a private chat only; a group is not told a member's id
        "db_writes_down",  # to each admin's own chat, never a group (bot.db_alerts.tell)
        "unknown_command_near",  # unknown commands are answered in private chats only
        # an edit into a command is answered in private chats only (bot.other_messages, X133)
        "edited_lead_ran", "edited_still_following", "edited_no_longer",  # X136 too
        "slow_down",  # a reader flooding a private chat (bot.reader_cap): never a group
    }
    marks = ("أنت", "لست", "تصلك", "مواضيعك", "توقيتك", "نشرتي", "تتابعها:", "أهلًا بك")
    english = re.compile(r"\b(you|your)\b", re.IGNORECASE)
    private_only |= {"did_you_mean", "reason_invalid_url"}  # to the reader / the admin
    for key, (ar, en) in STRINGS.items():
        if key.endswith(("_group", "_channel")) or key in private_only:
            continue
        if any(mark in ar for mark in marks) or english.search(en):
            assert f"{key}_group" in STRINGS, key


async def test_single_letters_and_the_bare_article_are_refused_as_topics_and_searches(
        tmp_path: Path) -> None:
    """QA10 F4: «/subscribe و» followed about 10% of all news, «/search و» listed 96 stories,
    «/push ا» said nobody follows «ا». Each is refused now with the stop-words' wording, in
    Arabic and in English; a real topic beside such a letter is followed without it."""
    from botkit import ADMIN

    async with running_bot(sample_db(tmp_path)) as h:
        for text in ("/subscribe و", "/subscribe ال", "/subscribe لل", "/search و", "ب",
                     "/search و ال", "/subscribe في من على"):
            [m] = await h.say(READER, text)
            assert "لا يحوي كلمات يمكن البحث عنها" in m.plain_text, (text, m.plain_text)
            assert "«و» و«في» و«ال» ترد في كل خبر" in m.plain_text
            _ok([m])
        assert _topics(h) == []
        [m] = await h.say(READER + 1, "/subscribe ب", language_code="en")
        assert "has no searchable words" in m.plain_text
        [m] = await h.say(ADMIN, "/push ا")
        assert "لا يحوي كلمات يمكن البحث عنها" in m.plain_text and "لا أحد يتابع" not in m.plain_text
        [m] = await h.say(READER, "/subscribe الغوطة و")
        assert "تمت متابعة «الغوطة»" in m.plain_text
        assert _topics(h) == ["الغوطة"]


async def test_a_topic_of_six_words_is_followed_and_seven_are_refused(tmp_path: Path) -> None:
    """QA10 F14 limits (digests.asked_topics.MAX_TOPIC_WORDS): the longest names in the news are six
    words; a seventh makes a sentence. /push refuses it too; a search of it still runs (a pasted
    headline finds its story)."""
    from botkit import ADMIN

    six = "المفوضية السامية للأمم المتحدة لشؤون اللاجئين"
    seven = six + " السوريين"
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, f"/subscribe {six}")
        assert f"تمت متابعة «{six}»" in m.plain_text
        [m] = await h.say(READER, f"/subscribe {seven}")
        assert "أطول من أن يكون موضوعًا يُتابع" in m.plain_text
        [m] = await h.say(READER + 1, f"/subscribe {seven}", language_code="en")
        assert "too long to be a followed topic (at most 6 words and 60 characters)" in \
            m.plain_text
        assert _topics(h) == [six]
        [m] = await h.say(ADMIN, f"/push {seven}")
        assert "أطول من أن يكون موضوعًا يُتابع" in m.plain_text
        [m] = await h.say(READER, "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة")
        assert "أطول من أن" not in m.plain_text and "الغوطة" in m.plain_text


async def test_topics_marks_a_topic_that_matches_nothing_and_offers_to_remove_it(
        tmp_path: Path) -> None:
    """A chat that followed «و» or «ال» before they were refused (QA10 F4) follows topics that
    match no news under today's rules. /topics says so beside each, with a ❌ button that removes
    it and shows the list again in place; real topics are listed as before, with no button."""
    from datetime import UTC, datetime

    from digests.models import iso

    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        with h.db.transaction() as tx:  # as an older session stored them
            for topic in ("و", "ال"):
                tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                           " values (?, ?, ?, ?)", [READER, topic, topic, iso(datetime.now(UTC))])
        [listed] = await h.say(READER, "/topics")
        _ok([listed])
        lines = [line.strip("\u200f\u200e ") for line in listed.plain_text.split("\n")]
        assert "• الغوطة" in lines
        assert "• و — لا يطابق أي خبر (حرف واحد أو «ال» وحدها ليست كلمة يُبحث عنها)" in lines
        assert any(line.startswith("• ال — لا يطابق أي خبر") for line in lines)
        assert "يُلغى ما لا يطابق أي خبر بزر «❌ إلغاء» أدناه." in lines
        assert listed.button_texts() == ["❌ إلغاء و", "❌ إلغاء ال"]
        [done] = await h.click(listed, "❌ إلغاء و")
        assert "أُلغيت متابعة «و»" in done.plain_text
        again = _current(h, listed)
        assert again.button_texts() == ["❌ إلغاء ال"] and "• و —" not in again.plain_text
        assert _topics(h) == ["الغوطة", "ال"]
        await h.click(again, "❌ إلغاء ال")
        clean = _current(h, listed)
        assert clean.button_texts() == [] and "لا يطابق" not in clean.plain_text
        assert "• الغوطة" in clean.plain_text and _topics(h) == ["الغوطة"]
        await h.say(READER + 1, "/subscribe الغوطة", language_code="en")
        with h.db.transaction() as tx:
            tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (?, 'ب', 'ب', ?)", [READER + 1, iso(datetime.now(UTC))])
        [en] = await h.say(READER + 1, "/topics", language_code="en")
        assert "• ب — matches no news (a single letter or a bare «ال» is no word to search for)" \
            in en.plain_text.replace("\u200e", "")
        assert en.button_texts() == ["❌ Remove ب"]


async def test_in_a_group_only_admins_remove_a_topic_that_matches_nothing(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from botkit import ADMIN

    from digests.models import iso

    group = -100778
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        await h.say(group, "/subscribe الغوطة", user=h.user(ADMIN))
        with h.db.transaction() as tx:
            tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (?, 'و', 'و', ?)", [group, iso(datetime.now(UTC))])
        [listed] = await h.say(group, "/topics", user=h.user(READER))
        _ok([listed])
        assert listed.plain_text.lstrip("\u200f").startswith("المواضيع التي تتابعها المجموعة:")
        assert listed.button_texts() == ["❌ إلغاء و"]
        answer = await h.click_answer(listed, "❌ إلغاء و", user=h.user(READER))
        assert "مشرفو المجموعة وحدهم" in str(answer.get("text"))
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, group)] == ["الغوطة", "و"]
        [done] = await h.click(listed, "❌ إلغاء و", user=h.user(ADMIN))
        assert "لم تعد المجموعة تتابع «و»." in done.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, group)] == ["الغوطة"]
        assert _current(h, listed).button_texts() == []


async def test_a_typed_unsubscribe_removes_a_topic_stored_before_it_was_refused(
        tmp_path: Path) -> None:
    """X6 item 2: «و», «ال» or a stop-word alone, followed before the query rules refused them,
    have no key to be found by; typed back to /unsubscribe (as /topics shows them, with
    «» or a tatweel) they are removed by their stored text. A real topic is still removed by
    its key, and a letter the chat does not follow is «لست تتابع»."""
    from datetime import UTC, datetime

    from botkit import ADMIN

    from digests.models import iso

    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        with h.db.transaction() as tx:  # as an older session stored them
            for topic in ("و", "ال", "في"):
                tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                           " values (?, ?, ?, ?)", [READER, topic, topic, iso(datetime.now(UTC))])
        [done] = await h.say(READER, "/unsubscribe و")
        _ok([done])
        assert "أُلغيت متابعة «و»" in done.plain_text
        assert _topics(h) == ["الغوطة", "ال", "في"]
        [missing] = await h.say(READER, "/unsubscribe ب")
        assert "لست تتابع «ب»" in missing.plain_text and _topics(h) == ["الغوطة", "ال", "في"]
        [done] = await h.say(READER, "/unsubscribe «الـ»")
        assert "أُلغيت متابعة «ال»" in done.plain_text and _topics(h) == ["الغوطة", "في"]
        [done] = await h.say(READER, "/unsubscribe في")
        assert "أُلغيت متابعة «في»" in done.plain_text and _topics(h) == ["الغوطة"]
        [done] = await h.say(READER, "/unsubscribe الغوطه")
        assert "أُلغيت متابعة «الغوطة»" in done.plain_text and _topics(h) == []
        # in a group, only its admins: a member's typed /unsubscribe removes nothing
        group = -100779
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        await h.say(group, "/subscribe الغوطة", user=h.user(ADMIN))
        with h.db.transaction() as tx:
            tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (?, 'و', 'و', ?)", [group, iso(datetime.now(UTC))])
        await h.say(group, "/unsubscribe و", user=h.user(READER))
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, group)] == ["الغوطة", "و"]
        [done] = await h.say(group, "/unsubscribe و", user=h.user(ADMIN))
        assert "لم تعد المجموعة تتابع «و»." in done.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, group)] == ["الغوطة"]


async def test_bidi_overrides_a_reader_types_never_reach_a_reply_or_a_topic(
        tmp_path: Path) -> None:
    """QA14 F5: «/subscribe \\u202eعاجل» kept the RLO in the stored topic and in every reply
    that quoted it (the rest of the line drawn mirrored); a crafted t.me link spread it; a
    search echoed it back. The topic is stored without it and no reply carries an override."""
    from bot.deep_links import encode_start_payload

    overrides = re.compile("[\u202a-\u202e]")
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/subscribe <b>x</b> & \u202eعاجل")
        got += await h.say(READER + 1, "/subscribe \u202eالغوطة", language_code="en")
        got += await h.say(READER, "/topics")
        got += await h.say(READER, "الغوطة \u202eevil \u202dmoc.live")  # found nothing: echoed
        payload = encode_start_payload("\u202eالغوطة \u202dmoc.evil")
        got += await h.say(READER + 2, f"/start {payload}", n=2, language_code="en")
        got += await h.say(READER, "/unsubscribe غير موجود \u202e")
        for m in got:
            assert not overrides.search(m.text), m.text
            if m.chat_id == READER:  # the Arabic interface's lines start right-to-left
                assert check_message(m.text) == []
        topics = [s.topic for chat in (READER, READER + 1, READER + 2)
                  for s in subscriptions.list_subscriptions(h.db, chat)]
        assert topics and not any(overrides.search(t) for t in topics), topics
        assert "الغوطة" in topics
        payload = encode_start_payload("\u202eالغوطة \u202dالشرقية")
        got += await h.say(READER + 3, f"/start {payload}", n=2, language_code="en")
        assert not overrides.search(got[-1].text), got[-1].text
        assert "الغوطة الشرقية" in got[-1].plain_text  # the words stay, the override goes
        # a link's topic holding an address («moc.evil») is refused unrepeated (X110, QA65-6)
        assert not any("moc.evil" in m.plain_text for m in got)


def test_an_english_reader_sees_a_followed_topic_by_its_english_name_too() -> None:
    # QA18 R18: an English reader who followed «Ghouta» saw it only in Arabic script in /topics
    # and on the ❌ buttons.
    from bot import topic_lists

    assert topic_lists.shown_topic("الغوطة", "en") == "Ghouta (الغوطة)"
    assert topic_lists.shown_topic("الغوطة", "ar") == "الغوطة"
    assert topic_lists.shown_topic("موضوع نادر", "en") == "موضوع نادر"
    assert topic_lists.shown_topic("", "en") != ""


def test_an_english_topics_line_reads_left_to_right() -> None:
    # QA19 N4: the English /topics lines opened with an RLM, so the bullet showed on the right.
    from bot import topic_lists

    english = topic_lists.list_line("• Ghouta (الغوطة)", "en")
    assert not english.startswith("\u200f") and english.startswith("•")
    assert topic_lists.list_line("• الغوطة", "ar").startswith("\u200f")


async def test_a_channel_topic_prompt_is_answered_after_a_restart(tmp_path: Path) -> None:
    """Brief X25: «➕ أضف موضوعًا» prompts were kept in memory, so a restart between the prompt
    and the admin's answer read the answer as a search. The prompt is stored
    (digests.prompts): a new run of the bot on the same database adds the topic."""
    from botkit import ADMIN

    channel, title = -100555, "قناة الأخبار"
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        h.emu.add_chat(channel, type="channel", title=title, admins=[ADMIN])
        await h.say(channel, "/subscribe لبنان")
        [listing] = await h.say(ADMIN, "/channels")
        h.emu.click(listing, f"📢 {title}")
        await h.until(lambda: "مواضيع القناة" in " ".join(_now(h, listing).button_texts()))
        h.emu.click(_now(h, listing), "📋 مواضيع القناة")
        await h.until(lambda: "➕ أضف موضوعًا" in _now(h, listing).button_texts())
        [prompt] = await h.click(_now(h, listing), "➕ أضف موضوعًا")
        assert prompt.reply_markup is not None and prompt.reply_markup.get("force_reply")
    reply = {"reply_to_message": {"message_id": prompt.message_id, "date": 0,
                                  "chat": {"id": ADMIN, "type": "private", "first_name": "U"},
                                  "text": prompt.plain_text}}
    async with running_bot(path) as h:  # restarted: a new process, the same database
        h.emu.add_chat(channel, type="channel", title=title, admins=[ADMIN])
        h.emu.send_user_message(ADMIN, "الغوطة", extra=reply)
        [done] = await h.emu.await_messages(ADMIN, 1)
        assert "تمت متابعة «الغوطة» في القناة" in done.plain_text
        assert {s.topic for s in subscriptions.list_subscriptions(h.db, channel)} == {
            "لبنان", "الغوطة"}
        assert subscriptions.list_subscriptions(h.db, ADMIN) == []


def _now(h: object, sent: SentMessage) -> SentMessage:
    """The message as it is now (after edits)."""
    return next(m for m in h.emu.messages(sent.chat_id)  # type: ignore[attr-defined]
                if m.message_id == sent.message_id)


async def test_a_name_alone_asks_for_the_full_name_not_for_a_word(tmp_path: Path) -> None:
    """QA23 S16: `/subscribe علي` said «علي» has no searchable words, as a particle has."""
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe علي")
        _ok([m])
        assert "لا يمكن متابعة «علي» وحده" in m.plain_text and "علي خامنئي" in m.plain_text
        assert "لا يحوي كلمات" not in m.plain_text
        [m] = await h.say(READER + 1, "/subscribe علي", language_code="en")
        assert "«علي» alone cannot be followed" in m.plain_text
        [m] = await h.say(READER, "/subscribe في")  # a particle is still told so
        assert "لا يحوي كلمات يمكن البحث عنها" in m.plain_text
        assert _topics(h) == []
