"""bot.welcome: /start, /help and their text as a reader sees it — right-to-left lines whose
/commands, @names and URLs display in their own order (checked with the Unicode bidi algorithm,
python-bidi), and the group variants (/search instead of «type a topic»)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from bidi import get_display
from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message

from bot import welcome
from bot.i18n import ADMIN_COMMANDS, READER_COMMANDS, t
from bot.runtime import ui
from digests import subscriptions

_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")
_TAGS = re.compile(r"<[^>]+>")


def displayed(html: str) -> list[str]:
    """Each line as a client lays it out (left to right on the screen), marks removed."""
    text = _TAGS.sub("", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return [_MARKS.sub("", get_display(line)) for line in text.split("\n")]


def test_the_bidi_check_sees_the_mirroring_qa_reported() -> None:
    """The check below is not vacuous: an RLM line with a bare «/start» displays «start/»."""
    [line] = displayed("\u200f/start — البداية")
    assert "start/" in line and "/start" not in line


def test_help_commands_and_the_bot_mention_display_in_order() -> None:
    html = welcome.help_text("ar", admin=True, bot_username="nashra_bot")
    shown = "\n".join(displayed(html))
    for command, _, _ in READER_COMMANDS + ADMIN_COMMANDS:
        assert f"/{command}" in shown, command
        assert f"{command}/" not in shown, command
    assert "@nashra_bot" in shown and "nashra_bot@" not in shown
    assert check_message(html) == []


def test_hints_with_commands_display_in_order() -> None:
    shown = "\n".join(displayed(ui("ar", "no_subscriptions")))
    assert shown.count("/subscribe") == 2 and "subscribe/" not in shown
    for how in ("welcome_private", "welcome_group"):
        shown = "\n".join(displayed(ui("ar", "welcome", hello=t("hello", "ar"),
                                        how=t(how, "ar"), try_these=t("try_these", "ar"))))
        assert "/subscribe" in shown and "subscribe/" not in shown


def test_english_text_gets_no_marks() -> None:
    html = welcome.help_text("en", admin=False, bot_username="nashra_bot")
    assert "\u200e" not in html and "\u200f" not in html


async def test_start_and_help_as_sent_display_commands_in_order(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [start] = await h.say(READER, "/start")
        [help_] = await h.say(ADMIN, "/help")
        for msg in (start, help_):
            shown = "\n".join(displayed(msg.text))
            assert not re.search(r"\b[a-z]+/(?!\w)", shown), shown  # no «start/» anywhere
        assert "/start" in "\n".join(displayed(help_.text))


async def test_groups_are_told_to_use_search_and_search_answers_there(tmp_path: Path) -> None:
    group = -100321
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        member = h.user(READER + 3)
        [welcome_msg] = await h.say(group, "/start", user=member)
        text = welcome_msg.plain_text.replace("\u200e", "")
        assert "/search الغوطة" in text and "اكتب اسم أي موضوع" not in text
        [help_msg] = await h.say(group, "/help", user=member)
        text = help_msg.plain_text.replace("\u200e", "")
        assert "/search الغوطة" in text and "أو اكتب أي موضوع" not in text
        assert any(line.lstrip("\u200f").startswith("/search — ")
                   for line in text.split("\n"))  # listed among the commands
        [answer] = await h.say(group, "/search الغوطة", user=member)
        assert "نتائج «الغوطة»" in answer.plain_text
        assert "🔔 تابع هذا الموضوع" in answer.button_texts()
        [usage] = await h.say(group, "/search", user=member)
        assert "/search الغوطة" in usage.plain_text.replace("\u200e", "")


async def test_search_works_in_private_chats_too(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [welcome_msg] = await h.say(READER, "/start")
        assert "اكتب اسم أي موضوع" in welcome_msg.plain_text  # private: type any topic
        [typed] = await h.say(READER, "الغوطة")
        [searched] = await h.say(READER, "/search الغوطة")
        assert searched.plain_text == typed.plain_text
        [english] = await h.say(READER + 1, "/search", language_code="en")
        assert english.plain_text == "Put the topic after the command, e.g. /search Ghouta"


def test_every_arabic_interface_string_shows_its_commands_in_order() -> None:
    """Each Arabic string of bot.i18n, as ui() sends it: no «start/» or «bot@» on screen (a
    guard for strings added later, too)."""
    from string import Formatter

    from bot.i18n import STRINGS

    mirrored = re.compile(r"(?<![\w/])[A-Za-z_]+[/@](?![\w/])")
    for key, (arabic, _) in STRINGS.items():
        fields = {name for _, name, _, _ in Formatter().parse(arabic) if name}
        html = ui("ar", key, **{name: "٣" for name in fields})
        for line in displayed(html):
            assert not mirrored.search(line), (key, line)


def test_help_shows_the_argument_of_subscribe() -> None:
    for lang, arg in (("ar", "/subscribe موضوع"), ("en", "/subscribe TOPIC")):
        shown = welcome.help_text(lang, admin=False, bot_username="nashra_bot").replace(
            "\u200e", "")
        line = next(x for x in shown.split("\n") if x.lstrip("\u200f").startswith("/subscribe"))
        assert arg in line, line
    shown = "\n".join(displayed(welcome.help_text("ar", admin=False, bot_username="nashra_bot")))
    assert shown.count("/subscribe") == 2 and "subscribe/" not in shown  # in order on screen


def test_help_and_the_readme_command_tables_agree() -> None:
    """Each command's row in the README's tables holds the very descriptions /help shows."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `/(\w+)[^`]*` \|.*$", readme,
                                                         re.MULTILINE)}
    for command, ar, en in READER_COMMANDS + ADMIN_COMMANDS:
        assert command in rows, command
        cells = [c.strip() for c in rows[command].strip("|").split(" | ")]
        assert cells[1:] == [ar, en], (command, cells)


async def test_start_and_help_in_a_group_speak_to_the_group(tmp_path: Path) -> None:
    """QA B4: group /help said «/topics — المواضيع التي تتابعها» and «/digest — نشرتي الآن».
    In a group the welcome greets «أهلًا بكم», /help describes the group's topics and digest
    (in Arabic and English), and nothing says «لتصلك»; a private /help keeps «نشرتي»."""
    group = -100322
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        member = h.user(READER + 3)
        [hello] = await h.say(group, "/start", user=member)
        assert hello.plain_text.lstrip("\u200f").startswith("أهلًا بكم في نشرة")
        [ar] = await h.say(group, "/help", user=member)
        # an English group (its /lang choice; a group speaks one language: brief X25)
        h.emu.add_group(group - 1, "group", admins=[ADMIN])
        subscriptions.upsert_chat(h.db, group - 1, now=datetime.now(UTC), type="supergroup")
        subscriptions.set_language(h.db, group - 1, "en")
        [en] = await h.say(group - 1, "/help", user=member)
        [mine] = await h.say(READER, "/help")
    lines = [line.replace("\u200e", "").lstrip("\u200f") for line in ar.plain_text.split("\n")]
    assert "/topics — المواضيع التي تتابعها المجموعة" in lines
    assert "/digest — نشرة المجموعة الآن" in lines
    for text in (hello.plain_text, ar.plain_text):
        assert not any(w in text for w in ("نشرتي", "لتصلك", "أهلًا بك ")), text
    assert "/topics — The topics this group follows" in en.plain_text.split("\n")
    assert "/digest — The group's digest now" in en.plain_text.split("\n")
    assert "/digest — نشرتي الآن" in mine.plain_text.replace("\u200e", "").replace("\u200f", "")


def test_group_help_describes_every_reader_command_and_displays_in_order() -> None:
    from bot.i18n import GROUP_COMMANDS

    assert set(GROUP_COMMANDS) <= {c[0] for c in READER_COMMANDS}
    for lang in ("ar", "en"):
        html = welcome.help_text(lang, admin=True, bot_username="nashra_bot", group=True)
        shown = "\n".join(displayed(html))
        for command, _, _ in READER_COMMANDS:
            assert f"/{command}" in shown and f"{command}/" not in shown, (lang, command)
        # the operator's commands are not posted for the group's members (QA67-9)
        for command, _, _ in ADMIN_COMMANDS:
            assert f"/{command} " not in shown.replace("\n", " ") + " ", (lang, command)
        if lang == "ar":  # its last line speaks to English members, left to right (X79)
            assert check_message(html, ltr_labels=("🌐 In English:",)) == []


# ---------------------------------------------------------------------------------------------
# QA10: the bot added to a group, private messages that are not text, edits


async def test_added_to_a_group_the_bot_introduces_itself_once_to_the_group(
        tmp_path: Path) -> None:
    """QA10 F9: added to a group, the bot posted nothing. Now one short introduction, worded for
    the group; made an admin afterwards, it says nothing more (and the emulator's administrator
    update parses: QA10 F13)."""
    from digests import subscriptions

    group = -100810
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        h.emu.chat_member_update(group, new_status="member", old_status="left")
        [intro] = await h.emu.await_messages(group, 1, timeout=10)
        text = intro.plain_text
        assert text.lstrip("\u200f").startswith("مرحبًا بالجميع 👋 أنا «نشرة»")
        assert "اكتبوا /search الغوطة" in text.replace("\u200e", "")
        shown = "\n".join(displayed(intro.text))
        assert "/search" in shown and "search/" not in shown and "help/" not in shown
        assert "عادت" not in text  # nothing was followed before
        assert not any(mark in text for mark in ("أنت", "لك ", "تصلك"))  # group-voiced
        assert check_message(intro.text) == [] and len(text) < 400
        h.emu.chat_member_update(group, new_status="administrator", old_status="member")
        await h.settle()
        assert len(h.emu.messages(group)) == 1
        chat = subscriptions.get_chat(h.db, group)
        assert chat is not None and chat.active


async def test_added_back_to_a_group_it_says_the_groups_topics_are_back(tmp_path: Path) -> None:
    """QA10 F9: removed and added again, the group's subscriptions came back silently."""
    group = -100811
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "Group", admins=[ADMIN])
        await h.say(group, "/subscribe الغوطة", user=h.user(ADMIN))
        h.emu.chat_member_update(group, new_status="kicked", old_status="member")
        await h.settle()
        before = len(h.emu.messages(group))
        h.emu.chat_member_update(group, new_status="administrator", old_status="left")
        [intro] = (await h.emu.await_messages(group, before + 1, timeout=10))[before:]
        assert "عادت متابعات المجموعة: «الغوطة». لإيقاف إحداها: /unsubscribe" in \
            intro.plain_text.replace("\u200e", "")
    english = welcome.intro_text("en", ["الغوطة", ""])
    assert english.startswith("Hello everyone 👋 I am Nashra")
    assert english.endswith("The group's followed topics are back: «الغوطة», «the general "
                            "digest». To stop one: /unsubscribe")


def test_the_introduction_names_at_most_five_topics() -> None:
    html = welcome.intro_text("ar", ["أ1", "أ2", "أ3", "أ4", "أ5", "أ6", "أ7", ""])
    assert "«أ5»" in html and "«أ6»" not in html and " و٣ غيرها" in html
    assert check_message(html) == []


async def test_added_to_a_channel_the_bot_posts_nothing(tmp_path: Path) -> None:
    channel = -100812
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(channel, type="channel", title="قناة", admins=[ADMIN])
        h.emu.chat_member_update(channel, new_status="administrator", old_status="left")
        await h.settle()
        assert h.emu.messages(channel) == []


async def test_non_text_private_messages_get_a_hint_and_a_caption_is_a_topic(
        tmp_path: Path) -> None:
    """QA10 F8: a sticker, a photo, a location got no answer; a photo captioned «الغوطة» was
    ignored. Each now gets one line (or, for the caption, the topic's news)."""
    async with running_bot(sample_db(tmp_path)) as h:
        for kind in ("sticker", "location", "photo"):
            before = len(h.emu.messages(READER))
            h.emu.send_user_content(READER, kind)
            [m] = (await h.emu.await_messages(READER, before + 1, timeout=10))[before:]
            assert m.plain_text.lstrip("\u200f") == \
                "اكتب اسم موضوع نصًا، مثل «الغوطة»، لأجد آخر أخباره.", (kind, m.plain_text)
        before = len(h.emu.messages(READER))
        h.emu.send_user_content(READER, "photo", caption="الغوطة")
        [m] = (await h.emu.await_messages(READER, before + 1, timeout=10))[before:]
        [typed] = await h.say(READER, "الغوطة")
        assert m.plain_text == typed.plain_text and "الغوطة" in m.plain_text
        await h.settle()
        assert len(h.emu.messages(READER)) == before + 2  # one answer each, nothing more


async def test_an_edited_message_is_answered_at_its_first_edit_only(tmp_path: Path) -> None:
    """QA10 F8: an edited message got no answer. The first edit is answered as a new question
    (a corrected typo); further edits of it are not, so corrections do not stream answers."""
    async with running_bot(sample_db(tmp_path)) as h:
        before = len(h.emu.messages(READER))
        message_id = h.emu.send_user_message(READER, "لبنن")
        await h.emu.await_messages(READER, before + 1, timeout=10)
        h.emu.edit_user_message(READER, message_id, "الغوطة")
        [m] = (await h.emu.await_messages(READER, before + 2, timeout=10))[before + 1:]
        assert "الغوطة" in m.plain_text and "لم أجد" not in m.plain_text
        h.emu.edit_user_message(READER, message_id, "حلب")
        await h.settle()
        assert len(h.emu.messages(READER)) == before + 2
        # an edit whose answer Telegram refused with 429 is answered after the wait
        second = h.emu.send_user_message(READER, "لبنن")
        await h.emu.await_messages(READER, before + 3, timeout=10)
        h.emu.inject_429(1, retry_after=1, chat_id=READER)
        h.emu.edit_user_message(READER, second, "الغوطة")
        [late] = (await h.emu.await_messages(READER, before + 4, timeout=15))[before + 3:]
        assert "الغوطة" in late.plain_text and "لم أجد" not in late.plain_text


async def test_a_groups_start_asks_the_group_to_try(tmp_path: Path) -> None:
    """QA10 F12: a group's /start said «اكتبوا …» then the singular «جرّب أحد هذه المواضيع»."""
    group = -100813
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        [m] = await h.say(group, "/start", user=h.user(ADMIN))
        assert "جرّبوا أحد هذه المواضيع:" in m.plain_text and "جرّب أحد" not in m.plain_text
        [m] = await h.say(READER, "/start")
        assert "جرّب أحد هذه المواضيع:" in m.plain_text


async def test_a_group_speaks_one_language_to_members_of_two(tmp_path: Path) -> None:
    """Brief X25: a group whose language was unset answered each member in their own Telegram
    language, so its members saw a conversation in two languages. A group speaks its stored
    choice (/lang), else DEFAULT_LANGUAGE — not the Telegram app of the admin who added the bot
    (X86, QA58-4)."""
    added, unset = -100901, -100902
    ar_member, en_member = READER + 5, READER + 6
    async with running_bot(sample_db(tmp_path)) as h:
        arabic, english = h.user(ar_member), h.user(en_member, "en")
        # added by an English-speaking admin: the introduction in DEFAULT_LANGUAGE; once the
        # group chose English (/lang en), every member reads English
        h.emu.add_group(added, "group", admins=[ADMIN])
        h.emu.chat_member_update(added, new_status="member", old_status="left",
                                 user=h.user(ADMIN, "en"))
        [intro] = await h.emu.await_messages(added, 1, timeout=10)
        assert not intro.plain_text.startswith("Hello everyone")
        await h.say(added, "/lang en", user=h.user(ADMIN, "en"))
        [a] = await h.say(added, "/help", user=arabic)
        [e] = await h.say(added, "/help", user=english)
        assert a.plain_text == e.plain_text and "/topics — The topics this group follows" in \
            a.plain_text.split("\n")
        chat = subscriptions.get_chat(h.db, added)
        assert chat is not None and chat.language == "en"
        # nobody known added it: both members get DEFAULT_LANGUAGE (Arabic), not their own
        h.emu.add_group(unset, "مجموعة", admins=[ADMIN])
        [a] = await h.say(unset, "/search الغوطة", user=arabic)
        [e] = await h.say(unset, "/search الغوطة", user=english)
        # the same ask within a minute points to the first answer (QA31 G4: bot.repeats), in
        # the group's language too
        assert "نتائج «الغوطة»" in a.plain_text and "الجواب نفسه" in e.plain_text
        # /lang wins over the admin's language, for everyone
        subscriptions.set_language(h.db, added, "ar")
        [e] = await h.say(added, "/help", user=english)
        assert e.plain_text.lstrip("\u200f").startswith("أوامر نشرة")
        # a private chat still speaks its user's language
        [mine] = await h.say(en_member, "/help", user=english)
        assert "/topics" in mine.plain_text and "أوامر" not in mine.plain_text
