"""Several admins' settings menus of one chat stay true (QA49 M8).

Two admins of a group opened /settings and picked the daily hour at the same moment: both got ✅
(«٨:٠٠» and «٢٠:٠٠»), the chat kept the later, and the first admin's menu went on saying
«نشرة يومية الساعة ٨:٠٠». Now every settings menu a change was made from is remembered (in
memory, per chat it acts on, the last MENUS_KEPT); a change made from one of them edits the
others to what is now set, so the admin whose choice was replaced sees the one that won. A
menu that can no longer be edited (deleted, too old) is forgotten.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

log = logging.getLogger(__name__)

MENUS_KEY = "settings_menus"
MENUS_KEPT = 8  # per chat the menus act on

# (scope of the menu, language of the menu) → its text and buttons as the settings are now
Build = Callable[[Any, str], tuple[str, InlineKeyboardMarkup | None]]


async def changed(update: Update, context: ContextTypes.DEFAULT_TYPE, target: int, scope: Any,
                  lang: str, build: Build) -> int:
    """A change to chat `target`'s settings was made from the pressed menu (`scope`, `lang`):
    remember that menu, and show every other remembered menu of `target` as now set. Returns
    how many were edited."""
    query = update.callback_query
    message = query.message if query is not None else None
    if message is None:
        return 0
    menus: dict[int, dict[tuple[int, int], tuple[Any, str]]] = \
        context.application.bot_data.setdefault(MENUS_KEY, {})
    mine = (message.chat.id, message.message_id)
    known = menus.setdefault(target, {})
    known.pop(mine, None)
    edited = 0
    for (chat_id, message_id), (their_scope, their_lang) in list(known.items()):
        text, markup = build(their_scope, their_lang)
        try:
            await context.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id,
                                                parse_mode=ParseMode.HTML, reply_markup=markup)
            edited += 1
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                known.pop((chat_id, message_id), None)  # gone, or too old to edit
                log.info("settings menu not refreshed chat=%s error=%s", chat_id, exc)
        except TelegramError as exc:
            log.info("settings menu not refreshed chat=%s error=%s", chat_id, exc)
    known[mine] = (scope, lang)
    while len(known) > MENUS_KEPT:
        known.pop(next(iter(known)))
    if edited:
        log.info("settings menus refreshed chat=%s menus=%d", target, edited)
    return edited
