"""A group's repeated ask pointed at its answer: the handler before the group's commands.

bot.repeats keeps the answers and says when an ask repeats one (see there, QA31 G4); this
handler answers the repeat with one line replying to the earlier answer. It is apart from
bot.repeats because it answers through bot.runtime, whose `send` records answers there
(QA73-18: the two imported each other through a function-level import).
"""

from __future__ import annotations

import logging
import time

from telegram import ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.repeats import ask_of, chat_state, recent_answers
from bot.runtime import chat_lang, runtime, ui
from bot.threads import thread_of

log = logging.getLogger(__name__)


async def asked_again(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before the group's commands: a repeat of an ask answered within REPEAT_SECONDS gets one
    line replying to that answer, and is not run again."""
    message = update.message
    if message is None or message.text is None:
        return
    asked = ask_of(message.text)
    if asked is None:
        return
    ask = (message.chat.id, thread_of(update), asked)
    recent = recent_answers(context)
    now = time.monotonic()
    rt = runtime(context)
    earlier = recent.earlier_answer(ask, now, chat_state(rt.db, message.chat.id))
    if earlier is None:
        recent.asked(ask, message.message_id, now)
        return
    log.info("repeated ask pointed chat=%s ask=%s earlier=%s", message.chat.id,
             asked.split()[0], earlier)
    lang = chat_lang(rt, update)
    await context.bot.send_message(
        message.chat.id, ui(lang, "same_answer_above"), parse_mode=ParseMode.HTML,
        message_thread_id=ask[1],
        reply_parameters=ReplyParameters(earlier, allow_sending_without_reply=True))
    raise ApplicationHandlerStop
