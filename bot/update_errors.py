"""The Application's error handler: what a failed update does, and what the reader is told.

`on_error` (registered by bot.app.build_application) sorts a failure:
- a reply refused because the user blocked the bot (or removed it from the group) deactivates
  the chat, as the sender does (bot.send_failures.DEACTIVATING);
- a reply refused with 429 is sent again by the bot's rate limiter (bot.reply_limiter); one it
  gave up on is one WARNING (no apology: one more message into the flood), and the update is not
  handled again (the command ran);
- a button pressed too long ago to answer is one INFO line;
- the polling loop's own network failure is one WARNING a minute (bot.api_noise.PollingTrouble);
- a database another program holds, or a full disk, is one WARNING a minute and a bilingual
  «try again» (BUSY_REPLY, UNSAVED_REPLY);
- an answer Telegram refused with a server error, or lost with its connection, at every try
  (bot.reply_limiter) is one ERROR line without traceback saying which and after how many sends
  (`network_failure`), and the reader still gets the apology;
- an answer PTB timed out on (TimedOut: it may have been delivered) is one WARNING and no
  apology (QA43 C4: the apology came under an answer that had arrived 40 s late);
- anything else is logged with its traceback and the reader gets the apology in the chat's
  language, in the forum topic it asked in unless that topic is closed or gone.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

from bot import api_noise, threads
from bot.i18n import bilingual, t
from bot.reply_limiter import tries_of
from bot.runtime import RUNTIME_KEY, Runtime, button, chat_lang, ui
from bot.send_failures import DEACTIVATING, retry_after_seconds
from digests import outbox_states, subscriptions
from digests.storage import FAULT_TEXT, FAULTS, fault_of

log = logging.getLogger(__name__)

# A reader's answer when the database cannot take a write (bilingual: said before the chat's
# language could be stored).
BUSY_REPLY = FAULT_TEXT["locked"]
UNSAVED_REPLY = bilingual("unsaved")

_TROUBLE_KEY = "polling_trouble"

# answerCallbackQuery for a press older than ~15 s (QA14 F9)
STALE_PRESS = ("query is too old", "query id is invalid")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure and tell the user politely (the token never appears: see digests.logs).

    A reply refused because the user blocked the bot (or removed it from the group)
    deactivates the chat instead, as the sender does; one refused with 429 that the bot's rate
    limiter gave up on is one WARNING, not handled again.
    """
    error = context.error
    rt: Runtime = context.application.bot_data[RUNTIME_KEY]
    chat = update.effective_chat if isinstance(update, Update) else None
    if isinstance(error, Forbidden) and chat is not None \
            and any(reason in str(error).lower() for reason in DEACTIVATING):
        # its queue is skipped too
        outbox_states.deactivate_chat(rt.db, chat.id, str(error), rt.now())
        return
    if isinstance(error, RetryAfter):  # flooding this chat: an apology would be one more
        # bot.reply_limiter sent it again and gave up (or the wait was too long): the command
        # ran once and is not run again (QA27 D2)
        log.warning("reply rate-limited, not sent chat=%s wait=%.1f",
                    chat.id if chat else None, retry_after_seconds(error.retry_after))
        return
    if isinstance(error, BadRequest) and any(p in str(error).lower() for p in STALE_PRESS):
        # a button pressed long ago (while the bot was down): Telegram no longer takes its
        # answer; the press did its work or nothing, and a second answer would fail too (F9)
        log.info("button press too old to answer update_id=%s",
                 update.update_id if isinstance(update, Update) else None)
        return
    if not isinstance(update, Update) and isinstance(error, NetworkError):
        # the polling loop's own failure (a 502 page, a dropped connection): one WARNING a
        # minute, no traceback (QA14 F6: two tracebacks per failed long poll)
        trouble = context.application.bot_data.setdefault(_TROUBLE_KEY, api_noise.PollingTrouble())
        trouble.report(error)
        return
    fault = fault_of(error)
    if fault is None and isinstance(error, sqlite3.IntegrityError) and chat is not None \
            and "foreign key" in str(error).lower() and FAULTS.last is not None \
            and subscriptions.get_chat(rt.db, chat.id) is None:
        fault = FAULTS.last  # its chat could not be recorded (bot.runtime.ensure_chat)
    if fault is not None:
        # another program holds the database, or its disk is full: one WARNING a minute, not a
        # traceback per update (QA16 F1, F2), and the reader is told it is temporary
        FAULTS.report(fault, "update", logger=log)
        rt.writes.refused(fault)  # the admins' alert (bot.db_alerts)
        if isinstance(update, Update):
            await _tell_fault(update, context, _fault_reply(rt, chat.id if chat else None,
                                                            fault == "locked"),
                              _retry(rt, update, context) if fault == "locked" else None)
        return
    if isinstance(error, TimedOut):
        # PTB gave up waiting for Telegram's answer, but the request may well have been
        # delivered (QA43 C4: the /stats answer reached the chat, then «عذرًا، حدث خطأ…» came
        # under it 30 s later). No apology under an answer that may be there; the reader who
        # got nothing asks again. One line, no traceback.
        log.warning("reply timed out: Telegram may have delivered it, no apology sent "
                    "update_id=%s chat=%s error=%s",
                    update.update_id if isinstance(update, Update) else None,
                    chat.id if chat else None, error)
        return
    if isinstance(error, BadRequest) and any(g in str(error).lower() for g in threads.GONE_TOPIC):
        # asked in a forum topic that is closed (or gone): Telegram refuses our answer there;
        # not a bug of ours — one line, and the apology goes to General (QA17)
        log.warning("reply refused: the forum topic is closed or deleted chat=%s error=%s",
                    chat.id if chat else None, error)
    elif isinstance(error, NetworkError) and not isinstance(error, (BadRequest, TimedOut)):
        # a 5xx or a dropped connection, sent again by the rate limiter when it was an answer
        # (bot.reply_limiter, X48): Telegram's failure or the network's, not ours — one line,
        # no traceback (Z1), saying which and how many sends it took
        log.error("reply failed: %s update_id=%s chat=%s error=%s", network_failure(error),
                  update.update_id if isinstance(update, Update) else None,
                  chat.id if chat else None, error)
    else:
        log.error("update failed update_id=%s error=%r",
                  update.update_id if isinstance(update, Update) else None, error, exc_info=error)
    if not isinstance(update, Update):
        return
    lang = rt.settings.default_language
    with contextlib.suppress(Exception):
        lang = chat_lang(rt, update)
        if update.callback_query is not None:
            await update.callback_query.answer(t("error", lang), show_alert=True)
        elif chat is not None:  # in a forum, to the topic it was asked in (not General) …
            await context.bot.send_message(chat.id, ui(lang, "error"), parse_mode="HTML",
                                           message_thread_id=_answer_thread(update, error))


def _fault_reply(rt: Runtime, chat_id: int | None, locked: bool) -> str:
    """The «try again» in the chat's stored language (a read works while writes are refused;
    QA66-7: an Arabic admin's /ingest was answered in both), both languages for a chat not
    stored (its language could not be recorded) or when the read fails too."""
    lang = None
    with contextlib.suppress(Exception):
        stored = subscriptions.get_chat(rt.db, chat_id) if chat_id is not None else None
        lang = stored.language if stored is not None else None
    if lang not in ("ar", "en"):
        return BUSY_REPLY if locked else UNSAVED_REPLY
    return t("reply_busy" if locked else "reply_unsaved", lang)


async def _tell_fault(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                      retry: InlineKeyboardMarkup | None = None) -> None:
    """The «try again» of a write the database could not take (never raises); `retry`: its
    button, under a typed command's answer."""
    chat = update.effective_chat
    with contextlib.suppress(Exception):
        if update.callback_query is not None:
            await update.callback_query.answer(text[:200], show_alert=True)
        elif chat is not None:
            await context.bot.send_message(chat.id, text, reply_markup=retry,
                                           message_thread_id=_answer_thread(update, None))


def _retry(rt: Runtime, update: Update, context: ContextTypes.DEFAULT_TYPE
           ) -> InlineKeyboardMarkup | None:
    """«🔁 أعد المحاولة» under a typed command the lock refused: a press runs the same command
    with its words (bot.command_guess's action), instead of typing it again (QA76-5); None for
    anything but a command of ours. Its meaning is held in memory while writes are refused
    (bot.runtime.button)."""
    from bot.command_guess import ACTION, command_handlers  # late: it builds on bot.runtime

    message, chat = update.message, update.effective_chat
    words = (message.text or "").split() if message is not None else []
    if chat is None or not words or not words[0].startswith("/"):
        return None
    name = words[0][1:].partition("@")[0].lower()
    if name not in command_handlers(context):
        return None
    lang = rt.settings.default_language
    with contextlib.suppress(Exception):
        lang = chat_lang(rt, update)
    try:
        return InlineKeyboardMarkup([[button(rt, chat.id, t("btn_retry", lang), ACTION,
                                             {"command": name, "words": words[1:]})]])
    except Exception:  # a bug: logged with its traceback; the «try again» line still goes
        log.error("retry button not made chat=%s", chat.id, exc_info=True)
        return None


def network_failure(error: NetworkError) -> str:
    """What happened to a request PTB gave up with `error`, in words for the log: a server error
    (its status) or a connection lost on the way (PTB words httpx's failures «httpx.…»), and
    after how many sends (bot.reply_limiter.tries_of). Pure."""
    text = str(error)
    if text.startswith("httpx.") or "Unknown error in HTTP implementation" in text:
        what = "the connection to Telegram failed (no answer)"
    else:
        what = "Telegram server error"
    tries = tries_of(error)
    return f"{what} after {tries} tries" if tries > 1 else f"{what}, not sent again"


def _answer_thread(update: Update, error: BaseException | None) -> int | None:
    """The forum topic an apology goes to: the asking one, unless the failure was that topic
    being closed or deleted (then General, where it can be read)."""
    if isinstance(error, BadRequest) and any(g in str(error).lower() for g in threads.GONE_TOPIC):
        return None
    return threads.thread_of(update)
