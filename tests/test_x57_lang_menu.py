"""X57 (QA36 E12): /language is /lang; choosing a language sets that chat's own «/» menu in it
(BotCommandScopeChat, for every app language), worded for a group in a group and with the admin
commands in an admin's chat — the real bot against the emulator's setMyCommands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botkit import ADMIN, READER, running_bot, sample_db


def _menu(h: Any, chat_id: int, code: str) -> dict[str, str]:
    scope = {"type": "chat", "chat_id": chat_id}
    return {c["command"]: c["description"] for c in h.emu.commands(code, scope)}


async def test_language_is_lang_and_the_choice_sets_the_chats_menu(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [picker] = await h.say(READER, "/language")  # an alias, not «unknown command»
        assert "Choose the language" in picker.plain_text, picker.plain_text
        await h.click(picker, "English", n=0)
        # the chat's menu is set for each app language in turn: wait for all three
        await h.until(lambda: all("lang" in _menu(h, READER, c) for c in ("", "ar", "en")))
        for code in ("", "ar", "en"):  # an Arabic app shows the English menu in this chat
            menu = _menu(h, READER, code)
            assert "Language: Arabic or English" in menu["lang"], menu
            assert "push" not in menu  # a reader: no admin commands
        [again] = await h.say(READER, "/lang")
        await h.click(again, "العربية", n=0)
        await h.until(lambda: "اللغة" in _menu(h, READER, "en").get("lang", ""))
        # an admin's chat keeps the admin commands, in the chosen language
        [admin] = await h.say(ADMIN, "/lang")
        await h.click(admin, "English", n=0)
        await h.until(lambda: "push" in _menu(h, ADMIN, "ar"))
        assert _menu(h, ADMIN, "ar")["lang"].startswith("Language")


async def test_a_groups_menu_follows_its_admins_choice_in_group_words(tmp_path: Path) -> None:
    group = -100571
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "group", admins=[ADMIN])
        [picker] = await h.say(group, "/language", user=h.user(ADMIN))
        await h.click(picker, "English", n=0, user=h.user(ADMIN))
        await h.until(lambda: "lang" in _menu(h, group, "ar"))  # set "", then "ar", then "en"
        menu = _menu(h, group, "ar")
        assert menu["lang"].startswith("The group's language"), menu
        assert "push" not in menu
