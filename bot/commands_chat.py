"""The «/» command menu in one language (`commands_for`, which bot.handlers sets for all
chats), and a chat's own menu after /lang (QA36 E12).

Telegram shows the «/» menu in the language of the reader's app (set_my_commands with
language_code, bot.handlers.set_commands): a reader who chose English with /lang kept the
Arabic descriptions. Choosing a language now sets the menu of that chat alone
(BotCommandScopeChat) in the chosen language — for every app language, since a chat scope's
language-specific menu would otherwise win — worded for a group in a group, with the admin
commands in an admin's private chat.
"""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.i18n import ADMIN_COMMANDS, GROUP_COMMANDS, READER_COMMANDS

log = logging.getLogger(__name__)

APP_LANGUAGES = ("", "ar", "en")  # the chat scope's default and each language set elsewhere


def commands_for(lang: str, *, admin_commands: bool = False, group: bool = False
                 ) -> list[BotCommand]:
    """The command menu in one language (descriptions ≤ 256 characters, as Telegram wants);
    `group` words the reader commands for a group (GROUP_COMMANDS), as /help there does."""
    idx = 1 if lang == "ar" else 2
    rows = READER_COMMANDS + (ADMIN_COMMANDS if admin_commands else ())
    menu = []
    for row in rows:
        text = row[idx]
        if group and row[0] in GROUP_COMMANDS:
            text = GROUP_COMMANDS[row[0]][idx - 1]
        menu.append(BotCommand(row[0], text[:256]))
    return menu


async def set_chat_menu(bot: Bot, chat_id: int, lang: str, *, group: bool,
                        admin: bool) -> bool:
    """The «/» menu of chat `chat_id` in `lang`; False when Telegram refused it (logged: the
    language is chosen all the same)."""
    menu = commands_for(lang, admin_commands=admin and not group, group=group)
    scope = BotCommandScopeChat(chat_id)
    try:
        for code in APP_LANGUAGES:
            await bot.set_my_commands(menu, scope=scope, language_code=code or None)
    except TelegramError as exc:
        log.info("chat command menu not set chat=%s lang=%s error=%s", chat_id, lang, exc)
        return False
    log.info("chat command menu set chat=%s lang=%s group=%s", chat_id, lang, group)
    return True
