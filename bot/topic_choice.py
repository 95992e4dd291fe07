"""A forum's delivery topic moves only when an admin chooses it (QA49 M3, M4).

Before, the group's one delivery topic (chats.thread_id, bot.threads) followed the topic where an
admin last ran /subscribe or pressed any /settings or /unsubscribe button — even one that only
opened a submenu — and nobody was told: Huda's «سامسونغ» news went to John's topic. Now:

- An admin's /subscribe in a topic that is not the delivery topic is answered as before, plus one
  line in that topic saying where the group's news goes, with «📍 انشر هنا» (`offer`). A press
  of a /settings or /unsubscribe button moves nothing.
- «📍 انشر هنا», pressed by an admin (bot.runtime.may_change), makes that topic the delivery
  topic and says so in it: «📍 أخبار المجموعة تصل من الآن إلى هذا الموضوع» (`_act_post_here`).
- A forum group's /settings shown in a topic that is not the delivery topic says where the news
  goes and has the same «📍 انشر هنا» (`settings_part`, X74): the one explicit choice, in the
  menu too.
- A closed delivery topic: deliveries go to General (bot.courier, as before) and General is told
  once why, and how to choose another (`closed_notice`); General closed too: the chat is held and
  its admins told (bot.chat_holds).
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import callbacks
from bot.command_names import command_name
from bot.runtime import Action, Runtime, button, chat_lang, keyboard, may_change, refuse_group, \
    runtime, send
from bot.chat_holds import say
from bot.threads import SETTING_COMMANDS, thread_of
from digests.storage import Database

log = logging.getLogger(__name__)

POST_HERE = "post_here"


def delivery_thread(db: Database, chat_id: int) -> int | None:
    row = db.db.execute("select thread_id from chats where id = ?", [chat_id]).fetchone()
    return row[0] if row else None


def where_text(current: int | None, lang: str) -> str:
    """Where the group's news goes now, and how to bring it here. Pure."""
    return say("topic_where", lang,
               where=say("topic_general" if current is None else "topic_other", lang))


def moved_text(lang: str) -> str:
    return say("topic_moved", lang)


def closed_notice(lang: str) -> str:
    """Said in General when the delivery topic was closed or deleted. Pure."""
    return say("topic_closed", lang)


async def offer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's /subscribe in a forum topic that is not the delivery topic: say where the
    news goes, with «📍 انشر هنا» (called from bot.runtime.may_change once the admin passed)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None or not chat.is_forum or update.callback_query is not None:
        return
    if command_name(message.text or "") not in SETTING_COMMANDS:
        return
    rt = runtime(context)
    here, current = thread_of(update), delivery_thread(rt.db, chat.id)
    if here == current:
        return
    lang = chat_lang(rt, update)
    markup = keyboard([[button(rt, chat.id, say("btn_post_here", lang), POST_HERE,
                               {"thread": here})]])
    try:
        await send(update, context, where_text(current, lang), markup)
    except TelegramError as exc:  # the answer itself still goes
        log.info("delivery topic offer not sent chat=%s error=%s", chat.id, exc)


def settings_part(rt: Runtime, update: Update, chat_id: int, lang: str
                  ) -> tuple[str | None, list[list[InlineKeyboardButton]]]:
    """What a forum group's /settings adds (X74): where the news goes and «📍 انشر هنا» when
    the menu is shown in another topic (nothing in the delivery topic, nor outside a forum).
    The button's meaning is stored server-side (bot.runtime.button: an opaque id naming this
    chat and topic); its press is an admin's only (`_act_post_here`)."""
    chat = update.effective_chat
    if chat is None or chat.id != chat_id or not chat.is_forum:
        return None, []
    here, current = thread_of(update), delivery_thread(rt.db, chat_id)
    if here == current:
        return None, []
    return where_text(current, lang), [[button(rt, chat_id, say("btn_post_here", lang),
                                               POST_HERE, {"thread": here})]]


async def _act_post_here(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: callbacks.Callback, lang: str) -> None:
    """«📍 انشر هنا»: an admin makes the button's topic the delivery topic, said there."""
    query = update.callback_query
    assert query is not None
    if not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    thread = cb.payload.get("thread")
    thread = int(thread) if thread is not None else None
    if delivery_thread(rt.db, cb.chat_id) == thread:
        await query.answer(moved_text(lang))
        return
    with rt.db.transaction() as tx:
        tx.execute("update chats set thread_id = ? where id = ?", [thread, cb.chat_id])
    log.info("delivery topic chosen chat=%s thread=%s", cb.chat_id, thread)
    await query.answer()
    await context.bot.send_message(cb.chat_id, moved_text(lang), message_thread_id=thread)


ACTIONS: dict[str, Action] = {POST_HERE: _act_post_here}
