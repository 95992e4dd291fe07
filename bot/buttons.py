"""Inline buttons: resolve a pressed button's opaque id (bot.callbacks) and run its action.

Each handler module declares its own `ACTIONS` (action name → coroutine); an unknown, expired or
foreign id, or an action nobody declares, gets a polite answer and nothing happens.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import answers, callbacks, following, preferences
from bot.i18n import t
from bot.runtime import Action, chat_lang, runtime

ACTIONS: dict[str, Action] = {**answers.ACTIONS, **following.ACTIONS, **preferences.ACTIONS}


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resolve a pressed button's opaque id and run its action; unknown ids do nothing."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None:
        return
    rt = runtime(context)
    lang = chat_lang(rt, update)
    cb = callbacks.resolve(rt.db, query.data, chat_id=chat.id if chat else 0, now=rt.now())
    if cb is None or cb.action not in ACTIONS:
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    await ACTIONS[cb.action](update, context, rt, cb, lang)
