"""bot.welcome: /start, /help and their text as a reader sees it — right-to-left lines whose
/commands, @names and URLs display in their own order (checked with the Unicode bidi algorithm,
python-bidi), and the group variants (/search instead of «type a topic»)."""

from __future__ import annotations

import re
from pathlib import Path

from bidi import get_display
from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message

from bot import welcome
from bot.i18n import ADMIN_COMMANDS, READER_COMMANDS, t
from bot.runtime import ui

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
        assert english.plain_text == "Put the topic after the command, e.g. /search الغوطة"


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
        [en] = await h.say(group, "/help", user=h.user(READER + 4, "en"))
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
        for command, _, _ in READER_COMMANDS + ADMIN_COMMANDS:
            assert f"/{command}" in shown and f"{command}/" not in shown, (lang, command)
        if lang == "ar":
            assert check_message(html) == []
