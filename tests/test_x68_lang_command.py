"""RD's leftover: «/lang en» and the picker's button end the same way (one helper,
bot.preferences._menu_follows): the answer in the new language and the chat's «/» menu in it,
with the admin commands in an admin's chat. Real PTB against the emulator's setMyCommands; a
guard of the refactor, so it also passes on the tree before it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botkit import ADMIN, READER, running_bot, sample_db


def _menu(h: Any, chat_id: int, code: str) -> dict[str, str]:
    scope = {"type": "chat", "chat_id": chat_id}
    return {c["command"]: c["description"] for c in h.emu.commands(code, scope)}


async def test_lang_en_sets_the_chats_menu_as_the_button_does(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [typed] = await h.say(READER, "/lang en")
        await h.until(lambda: all("lang" in _menu(h, READER, c) for c in ("", "ar", "en")))
        reader_menu = _menu(h, READER, "ar")
        assert reader_menu["lang"].startswith("Language") and "push" not in reader_menu
        [picker] = await h.say(ADMIN, "/lang")
        await h.click(picker, "English", n=0)
        await h.until(lambda: "push" in _menu(h, ADMIN, "ar"))
        [answer] = [m for m in h.emu.messages(ADMIN) if m.message_id == picker.message_id]
        # the same words as the button's, and the same menu but the admin's commands
        assert typed.plain_text == answer.plain_text, (typed.plain_text, answer.plain_text)
        admin_menu = _menu(h, ADMIN, "ar")
        assert {k: v for k, v in admin_menu.items() if k in reader_menu} == reader_menu
        await h.say(ADMIN, "/lang عربي")
        await h.until(lambda: _menu(h, ADMIN, "en")["lang"].startswith("اللغة"))
        assert "push" in _menu(h, ADMIN, "en")
