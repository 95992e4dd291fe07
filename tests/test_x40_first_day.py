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
        text = _plain(got[1])
        assert "/unsubscribe Syria" in text and "/unsubscribe سوريا" not in text
        [m] = await h.say(READER, "/unsubscribe Syria", language_code="en")
        assert _topics(h) == []
        got = await h.say(READER + 1, "/start syria", n=2)  # Arabic: the Arabic name
        assert "/unsubscribe سوريا" in _plain(got[1])


# ---------------------------------------------------------------------------------------------
# N2: a list of topics in one message


async def test_a_list_in_one_subscribe_follows_each_topic_in_one_answer(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe سوريا، لبنان، مصر")
        assert check_message(m.text) == []
        text = _plain(m)
        assert "تمت متابعة ٣ مواضيع" in text and "«سوريا»، «لبنان»، «مصر»" in text, text
        assert _topics(h) == ["سوريا", "لبنان", "مصر"]
        [m] = await h.say(READER, "/subscribe إيران و السعودية")
        assert "«إيران»، «السعودية»" in _plain(m)
        [m] = await h.say(READER, "/subscribe مصر والأردن")  # one new, one followed before
        assert "تتابع من قبل: «مصر»" in _plain(m) and "«الأردن»" in _plain(m)
        assert _topics(h) == ["سوريا", "لبنان", "مصر", "إيران", "السعودية", "الأردن"]
        await h.settle()
        assert len(h.emu.messages(READER)) == 3  # one answer per message


async def test_names_of_several_words_stay_one_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for name in ("محمد بن سلمان", "كأس العالم", "الأمم المتحدة", "النفط والغاز"):
            await h.say(READER, f"/subscribe {name}")
        assert _topics(h) == ["محمد بن سلمان", "كأس العالم", "الأمم المتحدة", "النفط والغاز"]


async def test_an_english_list_follows_each_name(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe Syria, Lebanon and Iran", language_code="en")
        assert _topics(h) == ["سوريا", "لبنان", "إيران"]
        assert "You now follow 3 topics" in _plain(m) and "Syria (سوريا)" in _plain(m)


async def test_a_list_typed_as_a_search_offers_each_topic_and_all(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "سوريا، لبنان، مصر")
        assert check_message(m.text) == []
        assert "هذه عدة مواضيع" in _plain(m)
        assert m.button_texts() == ["🔎 سوريا", "🔎 لبنان", "🔎 مصر", "🔔 تابعها كلها"]
        assert _topics(h) == []
        [done] = await h.click(m, "🔔 تابعها كلها")
        assert "تمت متابعة ٣ مواضيع" in _plain(done)
        assert _topics(h) == ["سوريا", "لبنان", "مصر"]
        [page] = await h.click(m, "🔎 لبنان")
        assert "لبنان" in _plain(page) and "عدة مواضيع" not in _plain(page)


# ---------------------------------------------------------------------------------------------
# N3: greetings and small talk


async def test_greetings_get_a_welcome_and_no_follow_button(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for text in ("مرحبا", "السلام عليكم", "صباح الخير", "مرحباً يا بوت!"):
            [m] = await h.say(READER, text)
            assert check_message(m.text) == []
            assert "أهلًا بك" in _plain(m) and "/help" in _plain(m), text
            assert m.button_texts() == [] and "لم أجد" not in _plain(m)
        [m] = await h.say(READER, "شكرا 🙏")
        assert "العفو" in _plain(m) and m.button_texts() == []
        [m] = await h.say(READER, "مرحبا، كيف حالك؟")
        assert "بخير" in _plain(m) and m.button_texts() == []
        for text in ("hello", "hi", "Hi!!"):
            [m] = await h.say(READER + 1, text, language_code="en")
            assert "Hello!" in _plain(m) and "«Syria»" in _plain(m) and m.button_texts() == []
        assert _topics(h) == [] and _topics(h, READER + 1) == []


def test_small_talk_is_the_whole_message_only() -> None:
    from digests.greetings import small_talk

    assert small_talk("السلام عليكم ورحمة الله وبركاته") == "hello"
    assert small_talk("hiii") == "hello" and small_talk("Thank you!") == "thanks"
    assert small_talk("How are you?") == "how"
    # a topic that starts like a greeting, or peace as news, is a topic
    for topic in ("صباح الخير يا مصر", "السلام", "عملية السلام", "مرحبا الغوطة", "Good morning Syria",
                  "الغوطة", ""):
        assert small_talk(topic) is None, topic


# ---------------------------------------------------------------------------------------------
# N4: one fetch, one notification


async def test_a_fetch_stored_one_by_one_reaches_the_reader_as_one_bundle(tmp_path: Path) -> None:
    import asyncio
    from datetime import datetime, timezone

    from delivery_helpers import add_article, add_chat, add_source

    from digests.models import iso

    async with running_bot(sample_db(tmp_path), instant_settle=1.5) as h:
        add_chat(h.db, READER)  # the general digest, instant alerts, the real 5-minute gap
        src = add_source(h.db, "x40")
        titles = [f"خبر عاجل رقم {i} عن الهدنة" for i in range(5)]
        for i, title in enumerate(titles):  # as a poll stores them: one by one
            art = add_article(h.db, src, title, story_id=9000 + i)
            with h.db.transaction() as tx:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?,?,?, 'instant', ?, 'pending')",
                           [READER, art.story_id, art.id, iso(datetime.now(timezone.utc))])
            await asyncio.sleep(0.3)
        [bundle] = await h.emu.await_messages(READER, 1, timeout=10)
        await asyncio.sleep(2.0)  # nothing else follows
        assert len(h.emu.messages(READER)) == 1
        assert all(title in bundle.plain_text for title in titles), bundle.plain_text


# ---------------------------------------------------------------------------------------------
# N6: the default quiet hours in the picker


async def test_the_default_quiet_hours_are_marked_and_can_be_chosen_again(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        [menu] = await h.say(READER, "/settings")
        assert "من ٢٣:٠٠ إلى ٧:٠٠" in menu.plain_text  # a new chat's quiet hours
        h.emu.click(menu, "🌙 ساعات الهدوء")
        await h.until(lambda: "اختر ساعات الهدوء" in h.emu.messages(READER)[-1].plain_text)
        picker = h.emu.messages(READER)[-1]
        assert "✓ ٢٣:٠٠ إلى ٧:٠٠ (مختار)" in picker.button_texts()
        assert sum(b.startswith("✓") for b in picker.button_texts()) == 1
        h.emu.click(picker, "٢٢:٠٠ إلى ٧:٠٠")
        await h.until(lambda: "من ٢٢:٠٠ إلى ٧:٠٠" in h.emu.messages(READER)[-1].plain_text)
        h.emu.click(h.emu.messages(READER)[-1], "🌙 ساعات الهدوء")
        await h.until(lambda: "اختر ساعات الهدوء" in h.emu.messages(READER)[-1].plain_text)
        h.emu.click(h.emu.messages(READER)[-1], "٢٣:٠٠ إلى ٧:٠٠")  # back to the default
        await h.until(lambda: "من ٢٣:٠٠ إلى ٧:٠٠" in h.emu.messages(READER)[-1].plain_text)
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and (chat.quiet_start, chat.quiet_end) == (23, 7)


# ---------------------------------------------------------------------------------------------
# N7: /stop and unknown commands


async def test_stop_says_how_to_stop_with_the_remove_buttons(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [m] = await h.say(READER, "/stop")
        assert check_message(m.text) == []
        assert "لإيقاف التنبيهات" in _plain(m) and "/settings" in _plain(m)
        assert m.button_texts() == ["❌ إلغاء الغوطة"] and "أوامر نشرة" not in _plain(m)
        await h.click(m, "❌ إلغاء الغوطة")
        assert _topics(h) == []
        [m] = await h.say(READER + 1, "/STOP", language_code="en")
        # X133 (QA76-17): nothing followed, no «❌ Remove» buttons below to point at
        assert "To stop the alerts" not in _plain(m) and "You follow no topic yet" in _plain(m)


async def test_an_unknown_command_is_named_before_the_help(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/foo")
        assert check_message(m.text) == []
        assert _plain(m).startswith("لا أعرف الأمر /foo.") and "/subscribe" in _plain(m)
        [m] = await h.say(READER + 1, "/foo <b>", language_code="en")
        assert _plain(m).startswith("I do not know the command /foo.")


# ---------------------------------------------------------------------------------------------
# N8: English examples a reader can type


async def test_the_english_interface_gives_examples_in_english(tmp_path: Path) -> None:
    import re

    arabic = re.compile(r"[\u0600-\u06ff]")
    async with running_bot(sample_db(tmp_path)) as h:
        en = READER + 1
        got = await h.say(en, "/start", language_code="en", n=1)
        await h.settle()
        start = [m for m in h.emu.messages(en) if m.button_texts()][-1]
        assert "Ghouta (الغوطة)" in start.button_texts()
        assert all(re.search(r"[A-Za-z]", b) for b in start.button_texts())
        assert not arabic.search(_plain(got[0]))
        for command in ("/subscribe", "/search", "/unsubscribe"):
            [m] = await h.say(en, command, language_code="en")
            assert not arabic.search(_plain(m).replace("The general digest", "")), _plain(m)
        [m] = await h.say(en, "/subscribe Zzyzx", language_code="en")
        # no unrelated example: «Syria» read as the name's translation (QA36 E2)
        assert "/subscribe" in _plain(m) and "Syria" not in _plain(m), _plain(m)
        [m] = await h.say(en, "/subscribe Ghouta", language_code="en")  # the example works
        assert _topics(h, en) == ["الغوطة"]


# ---------------------------------------------------------------------------------------------
# N10: replies to the bot in a group


def _reply(h: object, to: SentMessage, *, from_bot: bool = True) -> dict[str, object]:
    """The Message fields of a member's reply to `to` (Telegram sends the replied message)."""
    author = h.emu.bot_user.to_json() if from_bot else {  # type: ignore[attr-defined]
        "id": 4242, "is_bot": False, "first_name": "M"}
    return {"reply_to_message": {"message_id": to.message_id, "date": 0, "from": author,
                                 "chat": {"id": to.chat_id, "type": "supergroup", "title": "g"},
                                 "text": to.plain_text}}


async def test_a_reply_to_the_bots_prompt_in_a_group_is_a_search(tmp_path: Path) -> None:
    import asyncio

    group = -100777
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة")
        member = h.user(READER + 3)
        [prompt] = await h.say(group, "/search", user=member)
        assert "/search الغوطة" in _plain(prompt)
        assert (prompt.reply_markup or {}).get("force_reply") is True
        before = len(h.emu.messages(group))
        h.emu.send_user_message(group, "الغوطة", user=member, extra=_reply(h, prompt))
        [answer] = (await h.emu.await_messages(group, before + 1, timeout=10))[before:]
        assert "نتائج «الغوطة»" in _plain(answer)
        # conversation is left alone: small talk to the bot, a reply to a member, plain text
        for text, extra in (("شكرا", _reply(h, prompt)),
                            ("الغوطة", _reply(h, prompt, from_bot=False)), ("الغوطة", None),
                            ("هذا خبر قديم جدا ولا أصدق أي كلمة فيه أبدا", _reply(h, answer))):
            h.emu.send_user_message(group, text, user=member, extra=extra)
        await h.settle()
        await asyncio.sleep(0.5)
        assert len(h.emu.messages(group)) == before + 1


# ---------------------------------------------------------------------------------------------
# Cosmetics: N11 links once, N12 no «تم.» for nothing done, N13 «وموضوع آخر», N15 the bot's own
# @name, N18 no nested brackets


async def test_buttons_pressed_twice_say_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [page] = await h.say(READER, "الغوطة")
        related = [b for b in page.button_texts() if b.startswith("🔗")]
        assert related, page.button_texts()
        [links] = await h.click(page, related[0])
        again = await h.click_answer(page, related[0])
        assert again["show_alert"] and "من قبل" in again["text"]
        await h.settle()
        assert h.emu.messages(READER)[-1].message_id == links.message_id  # not posted twice
        first = await h.click_answer(page, "🔔 تابع هذا الموضوع")
        assert first.get("text") == "تم."
        await h.settle()
        second = await h.click_answer(page, "🔔 تابع هذا الموضوع")
        assert not second.get("text")  # the message says «أنت تتابع «الغوطة» بالفعل»
        await h.settle()
        assert "بالفعل" in _plain(h.emu.messages(READER)[-1])
        [menu] = await h.say(READER, "/unsubscribe")
        data = next(b["callback_data"] for b in menu.buttons() if b.get("text") == "❌ إلغاء الغوطة")
        await h.click(menu, "❌ إلغاء الغوطة")
        stale = await h.click_answer(menu, data=data)  # an old copy of the list pressed again
        assert stale.get("text") == "أُلغيت متابعة هذا الموضوع من قبل."


async def test_the_bots_own_name_is_not_searched(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        name = h.emu.bot_user.username
        [m] = await h.say(READER, f"@{name} الغوطة")
        assert "نتائج «الغوطة»" in _plain(m) and name not in _plain(m)
        [m] = await h.say(READER, f"@{name}")
        assert "أهلًا بك" in _plain(m)


def test_small_wording() -> None:
    from bot.i18n import t, topic_list

    assert topic_list(["ترامب", "ليفربول", "مصر", "إيران"], "ar").endswith("«مصر» وموضوع آخر")
    assert "و١" not in topic_list(["أ", "ب", "ج", "د"], "ar")
    hour = t("choose_hour", "ar", zone="السعودية (UTC+3)")
    assert "))" not in hour and "التوقيت: السعودية (UTC+3)" in hour
    assert "))" not in t("choose_hour_group", "en", zone="London (UTC+0)")


def test_a_compact_story_line_has_one_dash() -> None:
    """N14: «… الغوطة الشرقية — نشرة الشرق — الأخبار الرئيسية · منذ ساعة» hid where the
    headline ends; the compact line names the feed without its section (the full story keeps
    the source as the feed names itself)."""
    from datetime import datetime, timedelta, timezone

    from telegram_html import visible_text

    from bot.render import render_bundle
    from digests.models import Digest

    now = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
    story = Digest(url="https://news.example/1", source="نشرة الشرق — الأخبار الرئيسية",
                   headline="قصف على الغوطة الشرقية", published_at=now - timedelta(hours=1))
    other = Digest(url="https://news.example/2", source="الجزيرة", headline="هدنة في حلب",
                   published_at=now - timedelta(hours=2))
    for lang in ("ar", "en"):
        [html] = render_bundle([story, other], lang, now, topics=["الغوطة"])
        line = next(x for x in visible_text(html).split("\n") if "قصف على الغوطة" in x)
        assert line.count("—") == 1 and "نشرة الشرق" in line and "الرئيسية" not in line, line


def test_a_related_copy_of_the_story_names_its_site() -> None:
    """N17: «Related links: • 80 قتيلا في غارات على الغوطة…» read as a link to the story itself;
    another site's copy is named by its site, other links are as they were."""
    from bot.story_quotes import related_lines
    from digests.models import Digest, RelatedItem

    story = Digest(url="https://a.example/1", source="أ",
                   headline="80 قتيلا في غارات على الغوطة الشرقية قرب دمشق",
                   related=(RelatedItem("80 قتيلا في غارات على الغوطة الشرقية قرب…",
                                        "https://www.other.example/x"),
                            RelatedItem("هدنة في حلب", "https://third.example/y")))
    lines = ["".join(span.text for span in line).replace("\u200e", "")
             for line in related_lines(story, "ar")]
    assert lines[1].endswith("— other.example") and "third.example" not in lines[2], lines


async def test_a_setting_chosen_again_is_not_said_saved(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from bot.runtime import RUNTIME_KEY

    async with running_bot(sample_db(tmp_path)) as h:
        # midday in Riyadh: quiet hours 22-07 chosen at night would also say they start now
        # (bot.settings_words.quiet_change_note), and the toast below is compared whole
        h.app.bot_data[RUNTIME_KEY].clock = lambda: datetime(2026, 3, 28, 9, tzinfo=UTC)
        [menu] = await h.say(READER, "/settings")
        instant = next(b for b in menu.button_texts() if "⚡" in b)
        assert instant.startswith("✓")
        same = await h.click_answer(menu, instant)
        assert not same.get("text")  # instant already: nothing saved
        await h.settle()
        h.emu.click(h.emu.messages(READER)[-1], "🌙 ساعات الهدوء")
        await h.until(lambda: "اختر ساعات الهدوء" in h.emu.messages(READER)[-1].plain_text)
        saved = await h.click_answer(h.emu.messages(READER)[-1], "٢٢:٠٠ إلى ٧:٠٠")
        # what changed (QA36 E7), its zone said (QA47 Z2)
        assert saved.get("text", "").replace("\u200e", "") == (
            "✅ ساعات الهدوء: من ٢٢:٠٠ إلى ٧:٠٠ بتوقيت السعودية (UTC+3)")


def test_another_spelling_is_headed_by_the_english_name() -> None:
    """N18: «ترامب» was headed «Results for «Trump (ترامب)»», «ترمب» «Results for «ترمب»»."""
    from bot.answers import results_topic
    from bot.i18n import topic_label

    assert results_topic("ترمب", "en") == "Trump (ترمب)"
    assert results_topic("ترامب", "en") == "Trump (ترامب)"
    assert topic_label("بوتن", "en") == "Putin" and topic_label("ترمب", "ar") == "ترمب"
