"""Commands for admins (settings.admin_ids), the parts they share: the admin gate and the reply
layout. The commands live in bot/pushes.py (/push), bot/sources_admin.py (/sources, /addsource,
/removesource, /ingest) and bot/stats.py (/stats); anyone but an admin gets a polite refusal
(in a private chat with their numeric user id, for ADMIN_IDS), and nothing happens
(`admin_only`).

Replies that name a source or a link (/sources, /addsource, /removesource, /ingest) are laid out
by one function, `admin_lines`: in Arabic each Latin run of a source's name («مصدر <b>x</b>»),
host or URL is isolated with LRMs, in English a line that would start with an Arabic name begins
with an LRM so it still reads left to right. A background task answers with `notify`.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import logging
import re
import unicodedata
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.i18n import t
from bot.lines import LRM, Line, Span, clean, isolate_ltr, line_html
from bot.runtime import NO_PREVIEW, Runtime, chat_lang, ensure_chat, own_lang, runtime, send, ui
from bot.send_failures import retry_after_seconds
from bot.threads import ANSWER_THREAD, answer_thread, thread_of

log = logging.getLogger(__name__)

LINK_CHARS = 120  # a link named in a reply: longer ones keep their start and their end
SQLITE_MAX_INT = 2**63 - 1  # a source id past this overflows SQLite's integers: no such source
TELL_ATTEMPTS = 4       # a background answer refused with 429 is tried again this many times
TELL_MAX_WAIT = 300.0   # … waiting what Telegram asks, at most this many seconds each time
# Waits (seconds) before each new try of a background answer that met a transient error (502,
# timeout, dropped connection): about four minutes in all, longer than a Bot API restart.
TELL_BACKOFF: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0, 120.0)
# An owed report whose retries all failed is tried again this often, this many times (an hour).
OWED_PAUSE = 600.0
OWED_ROUNDS = 6

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def admin_only(func: Handler) -> Handler:
    """Refuse politely, and do nothing, unless the sender is in ADMIN_IDS."""

    @functools.wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        rt = runtime(context)
        user = update.effective_user
        message = update.effective_message
        if message is not None and message.forward_origin is not None:
            # QA14 F10: an admin forwarding someone's «/push» or «/removesource 3» did not
            # mean to run it; whoever wrote it first may not be an admin
            log.info("admin command in a forwarded message ignored user=%s",
                     user.id if user else None)
            await send(update, context, ui(chat_lang(rt, update), "admin_forwarded"))
            return
        if not rt.is_admin(user.id if user else None):
            log.info("admin command refused user=%s", user.id if user else None)
            lang = chat_lang(rt, update)
            # The refusal tells the sender their numeric id (as plain digits, to copy): an
            # operator who has not set ADMIN_IDS yet has no other way to learn it in the bot.
            # It grants nothing: the id is the sender's own, and the command is still refused.
            # Only in a private chat: a group need not learn its members' ids.
            chat = update.effective_chat
            private = chat is not None and chat.type == "private"
            anonymous = (message is not None and chat is not None and message.sender_chat
                         is not None and message.sender_chat.id == chat.id)  # GroupAnonymousBot
            if chat is not None and chat.type == "channel":  # always posted as the channel
                html = ui(lang, "not_admin_channel", bot=context.bot.username or "bot")
            elif user is not None and private:
                html = ui(lang, "not_admin_id", user_id=str(user.id))
            else:
                html = ui(lang, "not_admin_anonymous" if anonymous else "not_admin")
            await send(update, context, html)
            return
        ensure_chat(rt, update)
        # Its answers from background tasks (spawned in `func`, copying this context) go to
        # the forum topic the command came from (bot.threads; QA16 F3).
        chat = update.effective_chat
        token = ANSWER_THREAD.set((chat.id, thread_of(update)) if chat is not None else None)
        try:
            await func(update, context)
        finally:
            ANSWER_THREAD.reset(token)

    return wrapper


async def notify(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                 html: str, reply_to: int | None = None) -> Message:
    """Send `html` to the admin's chat from a background task (no update to reply through),
    as a reply to the command message `reply_to` when given, in the forum topic of the admin
    command that started the task (bot.threads.answer_thread)."""
    # allow_sending_without_reply: the command message may have been deleted meanwhile
    reply = (ReplyParameters(reply_to, allow_sending_without_reply=True)
             if reply_to is not None else None)
    return await context.bot.send_message(chat_id, html, parse_mode=ParseMode.HTML,
                                          link_preview_options=NO_PREVIEW,
                                          reply_parameters=reply,
                                          message_thread_id=answer_thread(chat_id))


class Told(enum.Enum):
    """What became of a background answer (`deliver`)."""

    SENT = "sent"          # Telegram accepted it
    REFUSED = "refused"    # Telegram refused it for good (403, 400): trying again cannot help
    UNSENT = "unsent"      # transient trouble outlasted the retries: it may go later


def transient(exc: TelegramError) -> bool:
    """Whether Telegram's error is a hiccup worth trying again: a 5xx (PTB's NetworkError),
    a timeout or a dropped connection — not a 400 (BadRequest is a NetworkError too in PTB)."""
    return isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)


async def deliver(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, html: str,
                  reply_to: int | None = None,
                  on_sent: Callable[[Message], None] | None = None) -> Told:
    """`notify` from a background task that must not lose its answer: a 429 (flood control,
    likely while a push fills the bot's limit) is waited out, and a transient error (502,
    timeout, dropped connection: api.telegram.org's normal hiccups, QA20 O1) is tried again
    after TELL_BACKOFF's waits; both bounded, so a task never hangs on a dead API.

    A timeout may hide a message Telegram did take: trying again can show it twice, which
    beats losing a final report. `on_sent` gets the message Telegram took (to edit it).
    """
    rate_limited = 0
    backoff = iter(TELL_BACKOFF)
    while True:
        try:
            message = await notify(rt, context, chat_id, html, reply_to)
            if on_sent is not None:
                on_sent(message)
            return Told.SENT
        except RetryAfter as exc:
            rate_limited += 1
            wait = min(retry_after_seconds(exc.retry_after), TELL_MAX_WAIT)
            log.warning("admin answer rate-limited chat=%s attempt=%d wait=%.1f", chat_id,
                        rate_limited, wait)
            if rate_limited >= TELL_ATTEMPTS:
                return Told.UNSENT
            await asyncio.sleep(wait)
        except TelegramError as exc:
            if not transient(exc):
                log.warning("admin answer refused chat=%s error=%s", chat_id, exc)
                return Told.REFUSED
            pause = next(backoff, None)
            if pause is None:
                log.warning("admin answer not sent, gave up chat=%s error=%s tries=%d",
                            chat_id, exc, len(TELL_BACKOFF) + 1)
                return Told.UNSENT
            log.warning("admin answer failed, trying again chat=%s error=%s seconds=%.1f",
                        chat_id, exc, pause)
            await asyncio.sleep(pause)


async def deliver_owed(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                       html: str, reply_to: int | None = None) -> Told:
    """`deliver` for an answer owed in the database (a /push report, an /ingest answer; a
    reply to the command message `reply_to` when given): when the Bot API stays down past
    `deliver`'s retries, try again every OWED_PAUSE, OWED_ROUNDS times, so a bot that keeps
    running sends it once the API is back (a restart meanwhile sends it from the database)."""
    told = await deliver(rt, context, chat_id, html, reply_to)
    for _ in range(OWED_ROUNDS):
        if told is not Told.UNSENT:
            break
        log.warning("admin answer still owed, trying again chat=%s seconds=%.0f", chat_id,
                    OWED_PAUSE)
        await asyncio.sleep(OWED_PAUSE)
        told = await deliver(rt, context, chat_id, html, reply_to)
    return told


async def tell(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, html: str,
               reply_to: int | None = None) -> bool:
    """`deliver`, for an answer nothing is owed for in the database.

    Returns:
        True when the message was sent; False when it was not (logged), so the caller can
        carry what it said into its next message.
    """
    return await deliver(rt, context, chat_id, html, reply_to) is Told.SENT


async def reply(update: Update, context: ContextTypes.DEFAULT_TYPE, html: str) -> None:
    """`send` for an admin command's answer that a 429 must not lose: refused, it is sent
    again from a background task once the wait is over (the handler itself does not sleep:
    the chat's later updates wait for it: bot.update_order)."""
    try:
        await send(update, context, html)
    except RetryAfter as exc:
        chat = update.effective_chat
        assert chat is not None
        wait = min(retry_after_seconds(exc.retry_after), TELL_MAX_WAIT)
        log.warning("admin answer rate-limited chat=%s wait=%.1f: sent later", chat.id, wait)
        rt = runtime(context)
        rt.spawn(_later(rt, context, chat.id, html, wait), "admin-answer")


# An admin's /sources or /stats typed in a group: the answer lists every feed URL (often with a
# key) and the bot's audience, so it goes to the admin's private chat (QA20 O7); the line said in
# the group is bot.i18n's "sent_private" or "start_private".


def answer_lang(rt: Runtime, update: Update) -> str:
    """The language of an answer `answer_privately` sends: asked in a group, it goes to the
    admin's private chat, so their language there (stored, else their Telegram one), not the
    group's (QA49 M6: John's /stats typed in the group came to him in Arabic); asked in a
    private chat, that chat's."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type == "private" or user is None:
        return chat_lang(rt, update)
    return own_lang(rt, user, rt.settings.default_language)


async def answer_privately(update: Update, context: ContextTypes.DEFAULT_TYPE,
                           htmls: list[str]) -> None:
    """Send an admin's answer (`htmls`, in order) to the chat it was asked in when that is a
    private chat; asked in a group, to the admin's private chat, with one line in the group
    saying so — or, when the bot cannot write to the admin (never started it), how to."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type == "private" or user is None:
        for html in htmls:
            await reply(update, context, html)
        return
    rt = runtime(context)
    lang = chat_lang(rt, update)
    try:
        for i, html in enumerate(htmls):
            try:
                await context.bot.send_message(user.id, html, parse_mode=ParseMode.HTML,
                                               link_preview_options=NO_PREVIEW)
            except RetryAfter as exc:  # the rest from a background task, after the wait
                wait = min(retry_after_seconds(exc.retry_after), TELL_MAX_WAIT)
                rt.spawn(_later_all(rt, context, user.id, htmls[i:], wait), "admin-answer")
                break
    except (Forbidden, BadRequest) as exc:  # never started the bot, or blocked it
        log.info("admin answer not sent privately user=%s error=%s", user.id, exc)
        await reply(update, context, ui(lang, "start_private"))
        return
    log.info("admin answer sent privately user=%s chat=%s", user.id, chat.id)
    await reply(update, context, ui(lang, "sent_private"))


async def _later_all(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                     htmls: list[str], wait: float) -> None:
    await asyncio.sleep(wait)
    for html in htmls:
        await tell(rt, context, chat_id, html)


async def _later(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, html: str,
                 wait: float) -> None:
    await asyncio.sleep(wait)
    await tell(rt, context, chat_id, html)


# ---------------------------------------------------------------------------------------------
# Naming sources and links

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A chunk of a source name without spaces or Arabic that holds a Latin letter («<b>», «BBC»,
# «</b>»): isolated whole, so its brackets stay with it (isolate_ltr alone leaves «<» outside).
_NAME_LTR_RE = re.compile(rf"[^\s{_RTL}]*[A-Za-z][^\s{_RTL}]*")
_WRAPPED_RE = re.compile(f"({LRM}[^{LRM}]*{LRM})")  # a name's chunk `source_name` isolated
_RTL_RE = re.compile(f"[{_RTL}]")


def _first_strong_rtl(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def source_name(name: str, lang: str) -> str:
    """A source's name as plain text for an admin reply in `lang` (one line; in Arabic, each
    Latin chunk of it wrapped in LRMs)."""
    name = clean(name)
    return _NAME_LTR_RE.sub(lambda m: f"{LRM}{m.group(0)}{LRM}", name) if lang == "ar" else name


def link_label(link: str) -> str:
    """A link as a reply names it: as given, or its start and end when over LINK_CHARS."""
    link = clean(link)
    if len(link) <= LINK_CHARS:
        return link
    return f"{link[:LINK_CHARS - 41]}…{link[-40:]}"


def _isolated(text: str) -> str:
    """An Arabic line with its Latin runs isolated (bot.lines.isolate_ltr), leaving alone the
    chunks `source_name` already isolated (isolating «<b>» again would split off its «<»)."""
    if not _RTL_RE.search(text):
        return text
    parts = _WRAPPED_RE.split(text)
    return "".join(part if i % 2 else isolate_ltr(part, always=True)
                   for i, part in enumerate(parts))


def admin_lines(lang: str, key: str, **values: str) -> list[Line]:
    """An admin reply as lines of plain text (escaped later by `line_html`), laid out for
    `lang`: Arabic lines get their Latin runs isolated (and their RLM from `line_html`);
    English lines that start with an Arabic name begin with an LRM. Names go in through
    `source_name`, links through `link_label`."""
    return text_lines(lang, t(key, lang, **values))


def text_lines(lang: str, text: str) -> list[Line]:
    """`admin_lines` for a text already worded (t's English closing marks included)."""
    lines: list[Line] = []
    for row in text.split("\n"):
        if lang == "ar":
            lines.append((Span(_isolated(row)),))
            continue
        row = _names_whole(row)
        lines.append((Span(LRM + row if _first_strong_rtl(row) else row, ltr=True),))
    return lines


def _names_whole(text: str) -> str:
    """An English line with each Arabic name that holds « — » as one right-to-left unit.

    `t` closes every Arabic run with an LRM when an Arabic letter or a digit follows before any
    Latin one, so it keeps its place on a left-to-right line. Inside a name such as «نشرة الشرق
    — الأخبار الرئيسية» that mark split the name in two runs shown left to right (QA20 O10);
    between two Arabic letters the « — » is right-to-left anyway, so that mark goes (the one
    after the whole name stays). No English template puts « — » between two Arabic values."""
    return _DASH_IN_NAME_RE.sub(r"\1\2", text)


_DASH_IN_NAME_RE = re.compile(f"([{_RTL}]){LRM}(\\s+—\\s+)(?=[{_RTL}])")


def admin_html(lang: str, key: str, **values: str) -> str:
    """`admin_lines` as one Telegram HTML message."""
    return "\n".join(line_html(line) for line in admin_lines(lang, key, **values))


def text_html(lang: str, text: str) -> str:
    """`text_lines` as Telegram HTML."""
    return "\n".join(line_html(line) for line in text_lines(lang, text))
