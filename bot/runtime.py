"""What every handler shares: the runtime (settings, database, clock, sender) and reply helpers.

The Application keeps one `Runtime` in `bot_data`; handlers reach it with `runtime(context)`.
Helpers here turn i18n strings into Telegram HTML (dynamic values escaped, Arabic lines made
right-to-left), pick a chat's language, build buttons whose callback_data is an opaque id, and
decide who may change a chat's subscriptions and settings (in groups: the group's admins).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyParameters,
    Update,
    User,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot import callbacks, repeats
from bot.held_buttons import Held, HeldButtons
from bot.i18n import Lang, code_language, lang_of, t
from bot.lines import RLM, escape_text, isolate_ltr_html, starts_rtl
from bot.threads import thread_of
from digests import subscriptions
from digests.settings import Settings
from digests.storage import FAULTS, Database, DatabaseFault, Fault

if TYPE_CHECKING:  # bot.sender imports the modules that import this one
    from bot.sender import Sender

log = logging.getLogger(__name__)

RUNTIME_KEY = "nashra"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def utc_now() -> datetime:
    """The current time, timezone-aware UTC (the default clock)."""
    return datetime.now(timezone.utc)


@dataclass
class WriteHealth:
    """What the process saw of its own writes (monotonic seconds): the refusals since the
    last write that worked (the first, the latest and its fault) and when one last worked.

    The one writer's parts report here as they write anyway (`Runtime.writes`: a chat
    recorded, a button stored, a scheduled poll, a handler's write that failed); bot.db_alerts
    tells the admins from it, with no write of its own (X69: its probe was a second writer
    beside the project's one). Mutable on purpose: shared by the runtime's parts, on the event
    loop."""

    refused_since: float | None = None
    refused_at: float | None = None
    fault: Fault | None = None
    worked_at: float | None = None
    # A refused scheduled write (the poll): its next try is a poll interval away, so the
    # refusal stands until a write works (QA48 R3: an idle bot's 3-min lock was never told)
    lasting: bool = False

    def refused(self, fault: Fault, at: float | None = None, *, began: float | None = None,
                lasting: bool = False) -> None:
        """A write the database refused for `fault` (at `at`, default now). `began`: when the
        write started waiting on the lock (the busy timeout is part of the refusal);
        `lasting`: nothing will try again soon, so the refusal lasts until a write works."""
        at = time.monotonic() if at is None else at
        if self.refused_since is None:
            self.refused_since = at if began is None else min(began, at)
        self.refused_at, self.fault = at, fault
        self.lasting = self.lasting or lasting

    def worked(self, at: float | None = None) -> None:
        """A write that worked: the refusals before it are over."""
        self.worked_at = time.monotonic() if at is None else at
        self.refused_since = self.refused_at = self.fault = None
        self.lasting = False


@dataclass
class Runtime:
    """The bot's shared state (mutable on purpose: tasks come and go while it runs)."""

    settings: Settings
    db: Database
    clock: Callable[[], datetime] = utc_now
    sender: Sender | None = None  # once started
    sender_task: asyncio.Task[Any] | None = None
    ingest_task: asyncio.Task[Any] | None = None
    poll_task: asyncio.Task[Any] | None = None  # the scheduled poll in progress (bot.app)
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    # Until when (time.monotonic) chats are not recorded and buttons are sent without storing
    # them: the database refused a write (locked by another program, disk full), and each try
    # waits out the busy timeout.
    writes_skipped_until: float = 0.0
    # The refused writes and the last that worked, for the admins' alert (bot.db_alerts)
    writes: WriteHealth = field(default_factory=WriteHealth)
    # The buttons sent meanwhile, their meaning held in memory until it can be stored
    # (bot.held_buttons; QA39 S6: an answer's buttons were dropped)
    held: HeldButtons = field(default_factory=HeldButtons)

    def now(self) -> datetime:
        """The bot's notion of now (tests and the demo may pin the clock)."""
        return self.clock()

    def is_admin(self, user_id: int | None) -> bool:
        """True for users listed in ADMIN_IDS."""
        return user_id is not None and user_id in self.settings.admin_ids

    def spawn(self, coro: Any, name: str) -> asyncio.Task[Any]:
        """Run `coro` in the background (outside the update's await chain), keeping a
        reference so it is not garbage-collected and can be cancelled at shutdown."""
        task = asyncio.create_task(coro, name=name)
        self.tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed name=%s error=%r", task.get_name(),
                      task.exception())


def runtime(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    """The bot's Runtime from a handler's context."""
    rt = context.application.bot_data[RUNTIME_KEY]
    assert isinstance(rt, Runtime)
    return rt


def rtl(html: str) -> str:
    """Arabic UI text: /commands, @names, URLs and Latin runs wrapped in LRMs (so «/start» does
    not show as «start/»), then every line that does not start with an Arabic letter gets
    U+200F."""
    lines = (isolate_ltr_html(line) for line in html.split("\n"))
    return "\n".join(line if not line or starts_rtl(line) else RLM + line for line in lines)


# Bidi embeddings and overrides (LRE RLE PDF LRO RLO): never written by the bot itself (it uses
# marks and isolates), so in a value they came from a reader or a source and would mirror the
# rest of the reply (QA14 F5: «/subscribe \u202eعاجل», a search echoed back). A str.translate
# table; also for text that does not go through ui(), such as a button's label (bot.welcome).
BIDI_OVERRIDES = dict.fromkeys(range(0x202A, 0x202F))


def ui(lang: str, key: str, **values: object) -> str:
    """An i18n string as Telegram HTML: values escaped and without bidi overrides, RTL lines in
    Arabic."""
    safe = {k: escape_text(v.translate(BIDI_OVERRIDES)) if isinstance(v, str) else v
            for k, v in values.items()}
    text = t(key, lang, **safe)
    return rtl(text) if lang == "ar" else text


def chat_lang(rt: Runtime, update: Update) -> Lang:
    """The language for this update: the chat's stored choice, else (a private chat) the
    user's Telegram one, else DEFAULT_LANGUAGE."""
    chat = update.effective_chat
    stored = subscriptions.get_chat(rt.db, chat.id) if chat else None
    return lang_of(user_code(update), stored.language if stored else None,
                   rt.settings.default_language)


def own_lang(rt: Runtime, user: User, default: str) -> Lang:
    """What one person alone reads (an alert only the presser sees, an admin's answer sent to
    their private chat) is in their own language: their private chat's stored choice, else
    their Telegram one, else `default` (QA49 M6: not the group's)."""
    own = subscriptions.get_chat(rt.db, user.id)
    return lang_of(user.language_code, own.language if own else None, default)


def user_code(update: Update) -> str | None:
    """The Telegram language_code that may choose the answer's language: the user's in a
    private chat; none in a group or channel, which speaks one language to all its members —
    its stored choice (/lang, «🌐 لغة القناة»), else DEFAULT_LANGUAGE (brief X25: a group whose
    language was unset answered each member in theirs; X86: not the adding admin's app either)."""
    chat, user = update.effective_chat, update.effective_user
    if user is None or (chat is not None and chat.type != "private"):
        return None
    return user.language_code


def _chat_fields(update: Update) -> tuple[int, str, str, str | None] | None:
    """The update's chat as its record holds it: id, type, title, the user's language as a
    first guess (a private chat's); None without a chat."""
    chat = update.effective_chat
    if chat is None:
        return None
    user = update.effective_user
    language = None
    if user and user.language_code and chat.type == "private":
        language = code_language(user.language_code)  # other languages: DEFAULT_LANGUAGE
    return chat.id, chat.type, chat.title or chat.full_name or "", language


def ensure_chat(rt: Runtime, update: Update) -> subscriptions.Chat | None:
    """Record the chat (type, title, the user's language as first guess); None without a chat.
    A record the database refuses is answered from the chat as it would be recorded
    (`subscriptions.new_chat`: its defaults, QA76-18)."""
    fields = _chat_fields(update)
    if fields is None:
        return None
    chat_id, kind, title, language = fields
    known = subscriptions.get_chat(rt.db, chat_id)
    if (known is not None and known.active and known.deactivated_reason is None
            and known.type == kind and known.title == title[:200]
            and (known.language is not None or language is None)):
        # Nothing would change: no write. A reader's update then never waits for the write
        # lock a poll's store holds (digests.writer); reads never wait in WAL mode.
        return known
    unrecorded = known or subscriptions.new_chat(rt.db, chat_id, type=kind, title=title,
                                                 language=language)
    if time.monotonic() < rt.writes_skipped_until:
        return unrecorded
    try:
        recorded = record_chat(rt, update)
    except DatabaseFault as exc:
        # Locked by another program or a full disk: what needs no write is still answered
        # (help, search, /digest; QA16 F1, F2); a write later in the handler says «busy».
        write_refused(rt, exc, "chat record")
        return unrecorded
    rt.writes.worked()
    return recorded


def record_chat(rt: Runtime, update: Update) -> subscriptions.Chat:
    """Write the update's chat record now, whatever writes were skipped: a change that needs
    the row (a setting: QA76-18's AssertionError in set_mode) first. Raises DatabaseFault when
    the database refuses it (bot.update_errors says «busy»)."""
    fields = _chat_fields(update)
    assert fields is not None
    chat_id, kind, title, language = fields
    return subscriptions.upsert_chat(rt.db, chat_id, now=rt.now(), type=kind, title=title,
                                     language=language)


def new_chat(rt: Runtime, update: Update) -> subscriptions.Chat | None:
    """The update's chat as its first record would hold it (nothing written); None without a
    chat."""
    fields = _chat_fields(update)
    if fields is None:
        return None
    chat_id, kind, title, language = fields
    return subscriptions.new_chat(rt.db, chat_id, type=kind, title=title, language=language)


def write_refused(rt: Runtime, exc: DatabaseFault, what: str,
                  logger: logging.Logger | None = None) -> None:
    """Report a write the database refused for a fault as bot.update_errors does: one WARNING a
    minute (on `logger`, default this module's) and the admins' write alert (bot.db_alerts).
    Any other sqlite3 error is no fault: the caller does not catch it as one (QA73-4).

    A lock also skips the optional writes for UNSAVED_SECONDS: each try waits out the busy
    timeout, while a full disk fails at once.
    """
    kind = exc.fault
    FAULTS.report(kind, what, logger=logger or log)
    rt.writes.refused(kind)
    if kind == "locked":
        rt.writes_skipped_until = time.monotonic() + UNSAVED_SECONDS


def enter(update: Update, context: ContextTypes.DEFAULT_TYPE
          ) -> tuple[Runtime, subscriptions.Chat, Lang] | None:
    """The opening of a chat handler: the runtime, the recorded chat and its language.

    The language comes from the chat just upserted, so the chat is not read back a second time.
    None when the update has no chat.
    """
    rt = runtime(context)
    chat = ensure_chat(rt, update)
    if chat is None:
        return None
    lang = lang_of(user_code(update), chat.language, rt.settings.default_language)
    return rt, chat, lang


def button(rt: Runtime, chat_id: int, text: str, action: str,
           payload: dict[str, Any] | None = None) -> InlineKeyboardButton:
    """An inline button whose callback_data is an opaque id stored with its meaning. When the
    database refuses the write (or refused one a moment ago) the meaning is held in memory
    (bot.held_buttons) and the button is sent all the same (QA39 S6: answers went without
    «المزيد» or «تابع»); a stored button first writes the held ones."""
    held = Held(chat_id, action, dict(payload or {}), rt.now())
    if time.monotonic() < rt.writes_skipped_until:
        return InlineKeyboardButton(text, callback_data=rt.held.hold(held))
    try:
        rt.held.flush(rt.db)
        cb_id = callbacks.new_callback(rt.db, chat_id=chat_id, action=action, payload=payload,
                                       now=held.created_at)
    except DatabaseFault as exc:
        # the next buttons of this answer do not wait out the busy timeout again
        write_refused(rt, exc, "a button of an answer")  # not a press (QA76-5)
        return InlineKeyboardButton(text, callback_data=rt.held.hold(held))
    rt.writes.worked()
    return InlineKeyboardButton(text, callback_data=cb_id)


UNSAVED_SECONDS = 5.0


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    """An inline keyboard of the non-empty rows, or None when there are none. (A button the
    database could not store is no longer dropped here: `button` holds its meaning.)"""
    rows = [list(r) for r in rows if r]
    return InlineKeyboardMarkup(rows) if rows else None


async def send(update: Update, context: ContextTypes.DEFAULT_TYPE, html: str,
               markup: InlineKeyboardMarkup | None = None, *, preface: bool = False) -> Any:
    """Send an HTML message to the update's chat (link previews off: digests carry many links),
    in the forum topic the update came from (bot.threads). In a group it replies to the member's
    message, so a busy group sees whose question it answers, and is remembered as that
    question's answer (bot.repeats; QA31 G4) — unless it is a `preface` («…هذه أحدث الأخبار»),
    which a repeat is never pointed at (QA44 T6)."""
    chat = update.effective_chat
    assert chat is not None
    asking = update.message if chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) else None
    try:
        message = await context.bot.send_message(
            chat.id, html, parse_mode=ParseMode.HTML, reply_markup=markup,
            link_preview_options=NO_PREVIEW, message_thread_id=thread_of(update),
            reply_parameters=None if asking is None else ReplyParameters(
                asking.message_id, allow_sending_without_reply=True))
    except Exception:
        if asking is not None:  # a part refused: the answer is not whole (QA44 T6)
            repeats.recent_answers(context).answer_cut(chat.id, asking.message_id)
        raise
    if asking is not None and not preface:
        repeats.recent_answers(context).answered(
            chat.id, asking.message_id, message.message_id,
            repeats.chat_state(runtime(context).db, chat.id))  # QA37 T4: a stale answer
    return message


async def may_change(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Private chats: yes. A channel's posts: yes (only its admins post). Groups, and buttons
    pressed under a channel's posts (any reader can press them): only the chat's admins (asked
    of Telegram)."""
    chat = update.effective_chat
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    if chat.type == ChatType.CHANNEL and update.callback_query is None:
        return True
    message = update.effective_message
    if update.callback_query is None and message is not None and message.sender_chat \
            and message.sender_chat.id == chat.id:
        await _offer_topic(update, context)
        return True  # an anonymous admin posting as the group
    user = update.effective_user
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.warning("getChatMember failed chat=%s error=%s", chat.id, exc)
        return False
    if member.status not in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
        return False
    await _offer_topic(update, context)  # a forum's topic: where deliveries go (QA49 M3)
    return True


async def _offer_topic(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's /subscribe in a forum topic offers «📍 انشر هنا» (bot.topic_choice): the
    delivery topic moves only by that choice."""
    from bot.topic_choice import offer  # late: it builds on this module

    await offer(update, context)


async def refuse_group(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    """Tell a group member that only the group's admins may do this, in their own language
    (their private chat's, else their Telegram one), not the group's (QA49 M6): a press by an
    alert only the presser sees, a typed command by a reply to it — one rule for both (QA51
    L7: an Arabic member of an English group was refused a press in Arabic, a command in
    English)."""
    user = update.effective_user
    if user is not None:
        lang = own_lang(runtime(context), user, lang)
    if update.callback_query:
        await update.callback_query.answer(t("group_admins_only", lang), show_alert=True)
    else:
        await send(update, context, ui(lang, "group_admins_only"))


async def edit_or_send(update: Update, context: ContextTypes.DEFAULT_TYPE, html: str,
                       markup: InlineKeyboardMarkup | None) -> None:
    """Replace the pressed button's message (a menu step), or send when it cannot be edited."""
    query = update.callback_query
    if query is not None and query.message is not None:
        try:
            await query.edit_message_text(html, parse_mode=ParseMode.HTML, reply_markup=markup,
                                          link_preview_options=NO_PREVIEW)
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
    await send(update, context, html, markup)


# What a button does: (update, context, runtime, the resolved callback, language).
Action = Callable[[Update, ContextTypes.DEFAULT_TYPE, Runtime, "callbacks.Callback", str],
                  Awaitable[None]]
