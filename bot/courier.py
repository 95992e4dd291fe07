"""The courier: sends one chat's bundle of outbox rows under the delivery policy.

The sender (bot.sender) plans bundles and runs a courier task per bundle; the courier renders the
bundle's digests (once per broadcast), takes a slot from the rate limiter (bot.limiter), sends
with `bot.send_message(parse_mode=HTML)` and records the outcome in the outbox. Under the last
message go the buttons, their ids stored before anything is claimed and deleted if the digest
never went: a «📖 خبر n» per story whose compact block leaves something out (`story_rows`, one
id for the bundle; QA18 R16) and the «📰 اعرض الأخبار الأخرى» of the stories not shown
(`more_button`). The policy:

- Status goes pending → sending → sent / failed / skipped, each change committed in its own short
  transaction before and after the network call (never a transaction across the network). Rows
  are claimed ('sending') only as the bundle's first message leaves.
- RetryAfter (429): ALL sending pauses for retry_after, then the same message is sent again first;
  nothing is lost or reordered. retry_after is a timedelta (the bot package opts in to PTB's
  `PTB_TIMEDELTA`, so no PTBDeprecationWarning), or int seconds where a user set it to false.
- Forbidden "blocked by the user", "user is deactivated", "bot was kicked", "bot is not a member":
  the chat is deactivated and its rows, this bundle's included, skipped with the reason (as when
  Telegram tells us first, my_chat_member «kicked»). Other 403s fail that bundle only.
- ChatMigrated: the chat, its subscriptions and its outbox rows move to the new id; resent there.
- BadRequest "chat not found" (the chat was deleted, or a user who never started the bot): as
  permanent as a block — the chat is deactivated (its subscriptions kept, so a chat that writes
  again gets them back) and its rows (this bundle's too) skipped, instead of failing again on
  every push.
- BadRequest for a forum topic closed or deleted (the group's delivery topic, bot.threads): the
  chat's deliveries go to General from then on, this message first.
- Other BadRequests: the bundle's rows fail with Telegram's reason; the queue goes on.
- TimedOut / NetworkError that means "not sent" (pool or connect timeout, connection refused):
  retried later without counting as an attempt, after 1 s doubling with each such failure in a
  row up to a minute; one WARNING a minute says how many (QA17 N-a).
- A read/write timeout or a dropped connection after the request left ("maybe sent"): AT LEAST
  ONCE — retried after a backoff (up to MAX_ATTEMPTS), so a reader may get a duplicate but never
  silently loses a digest.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot import callbacks
from bot.i18n import num, t
from bot.limiter import RateLimiter
from bot.owed import Locked, OwedWrites
from bot.render import has_details
from bot.threads import GONE_TOPIC, forget_thread
from digests import outbox
from digests.logs import Throttle
from digests.models import Digest
from digests.records import ARTICLE_SELECT, digest_from_row
from digests.related import live_related
from digests.storage import Database

log = logging.getLogger(__name__)

# digests, language, now, the topics the bundle came for (None: not known), the bundle's kind
# (bundle_kind: 'instant', 'push', 'daily:<the chat's local date>[:group]'), how many more
# stories the bundle stands for than it shows (Bundle.more), whether the «more» button is
# under the last message (False: its line must promise none), the article ids shown as a
# story's update (Bundle.updates), the chat's type (Bundle.chat_type: its stop line) → messages.
# The one definition of a renderer's shape: bot.sender.default_render is one.
Render = Callable[[list[Digest], str, datetime, Sequence[str] | None, str, int, bool,
                   frozenset[int], str | None], list[str]]
# What a rendering is cached by (Courier.messages_for): article ids, language, topics, kind,
# more, button, updates, chat type.
_RenderKey = tuple[tuple[int, ...], str, tuple[str, ...] | None, str, int, bool, frozenset[int],
                   str | None]
# database, bundle, its article rows → the topics it answers ([""] = the general digest)
TopicsOf = Callable[[Database, "Bundle", Sequence[dict[str, Any]]], list[str]]

MAX_ATTEMPTS = 5  # transient failures before a row fails for good
DEACTIVATING = ("blocked by the user", "user is deactivated", "bot was kicked",
                "bot is not a member")
GONE_CHAT = ("chat not found",)  # 400s that are as permanent as a block
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
STORY_ROW = 5  # story buttons a keyboard row («📖 ١» … «📖 ٥»): ten stories take two rows
# Telegram unreachable (QA17 N-a): every due chat failed "not sent" once a second, one WARNING
# each. The retry waits double with each such failure in a row (1 s … UNREACHABLE_MAX_DELAY,
# back to 1 s after a message goes), and one WARNING a minute says how many there were.
UNREACHABLE_MAX_DELAY = 60.0
UNREACHABLE_REPORT_EVERY = 60.0


@dataclass(frozen=True)
class Bundle:
    """One chat's due rows, sent together."""

    chat_id: int
    row_ids: tuple[int, ...]
    article_ids: tuple[int | None, ...]
    kinds: frozenset[str]
    attempts: int
    is_group: bool = False
    language: str | None = None
    # Rows at the end of `row_ids` beyond those of `article_ids`: stories the bundle does not
    # show but counts in its last line («و٣٨ خبرًا آخر — في الزر أدناه»), sent with it (bot.sender).
    more: int = 0
    thread: int | None = None  # the forum topic the chat's deliveries go to (bot.threads)
    # The article ids of those `more` stories: a button under the last message sends them
    # (QA17 R2: /digest shows other stories, so the line alone led nowhere).
    hidden: tuple[int | None, ...] = ()
    # Facts of the chat, not of its stories (two chats sent the same stories render apart):
    # the shown articles that come as an update of a story the chat was sent before («🔄 تحديث
    # ·», digests.outbox.update_articles), and the chat's Telegram type ('private', 'group',
    # 'supergroup', 'channel'; None: not known), which words the stop line (bot.i18n.bundle_stop).
    updates: frozenset[int] = frozenset()
    chat_type: str | None = None


@dataclass
class SenderStats:
    """Counters since start (for /stats and the benchmarks)."""

    messages: int = 0
    bundles: int = 0
    rows_sent: int = 0
    rows_failed: int = 0
    retry_after: int = 0
    ambiguous: int = 0
    deactivated: int = 0
    migrated: int = 0


class Courier:
    """Delivers bundles (see the module docstring for the policy); shared by a sender's tasks."""

    def __init__(self, db: Database, bot: Bot, render: Render, limiter: RateLimiter,
                 stats: SenderStats, *, default_language: str, clock: Callable[[], datetime],
                 retry_delay: float, busy: set[int], topics_of: TopicsOf | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 story_buttons: bool | None = None) -> None:
        """Args:
            db, bot: the sender's database and PTB bot (no PTB rate limiter).
            render: the bundle's digests and facts → messages (`Render`).
            limiter, stats: the sender's limiter and counters (shared by every bundle).
            default_language: the language of a chat whose language is unknown.
            clock: what "now" is for due times and timestamps.
            retry_delay: first backoff of a transient failure (doubles per attempt).
            busy: the sender's chats in flight; a migrated chat's new id joins it while sending.
            topics_of: names the topics a bundle came for (bot.origins.bundle_topics), so its
                header can say why it came; None renders without them.
            monotonic: the clock of the once-a-minute "unreachable" report.
            story_buttons: a «📖 خبر ١» button per shown story whose compact block leaves
                something out (`story_places`), answered with its full digest (bot.buttons;
                QA18 R16). By default when `topics_of` is given: the render then lays a
                delivered digest out in compact blocks (bot.render.render_bundle).
        """
        self.db = db
        self.bot = bot
        self.render = render
        self.limiter = limiter
        self.stats = stats
        self.default_language = default_language
        self.clock = clock
        self.retry_delay = retry_delay
        self._busy = busy
        self.topics_of = topics_of
        # every outbox write here waits briefly for the lock; an outcome it cannot write yet
        # is owed, never lost, and its rows are never sent again (bot.owed)
        self.writes = OwedWrites(db, monotonic=monotonic)
        self._unreachable = 0  # "not sent" failures in a row, any chat (the back-off)
        self._unreachable_log = Throttle(UNREACHABLE_REPORT_EVERY, monotonic)
        # Bundles whose rows are claimed (a message of theirs may be on the wire): a graceful
        # stop lets these finish and cancels the others (Sender.stop).
        self.on_wire: set[Bundle] = set()
        # (article ids, language, topics, kind, more, button, updates, chat type) → messages: a
        # broadcast renders once, not once per chat.
        self._rendered: dict[_RenderKey, list[str]] = {}
        self.story_buttons = topics_of is not None if story_buttons is None else story_buttons
        # (article ids, language) → (shown article ids, the 1-based places with a story button)
        self._places: dict[tuple[tuple[int, ...], str], tuple[list[int], list[int]]] = {}

    def forget_renderings(self) -> None:
        """Drop cached renderings (relative times in a rendering stay fresh for one plan)."""
        self._rendered.clear()
        self._places.clear()

    def story_places(self, bundle: Bundle) -> tuple[list[int], list[int]]:
        """The article ids of the stories the bundle shows, in their order (the render's
        numbering), and the 1-based places of those whose compact block leaves something out
        (bot.render.has_details): only they get a button. ([], []) when nothing is shown."""
        ids = tuple(a for a in bundle.article_ids if a is not None)
        lang = bundle.language or self.default_language
        cached = self._places.get((ids, lang))
        if cached is not None:
            return cached
        if not ids:
            return [], []
        found = {r["id"]: r for r in self.db.db.query(
            f"{ARTICLE_SELECT} where articles.id in ({','.join('?' * len(ids))})", ids)}
        digests = live_related(self.db.db, [digest_from_row(found[a]) for a in ids
                                            if a in found])
        now = self.clock()
        shown = [int(d.article_id or 0) for d in digests]
        places = [i + 1 for i, d in enumerate(digests) if has_details(d, lang, now)]
        self._places[(ids, lang)] = (shown, places)
        return shown, places

    def messages_for(self, bundle: Bundle, button: bool = True) -> tuple[list[str], str | None]:
        """Render the bundle; (messages, None) or ([], reason) when nothing can be sent.
        `button`: whether its «more» button goes under the last message."""
        ids = tuple(a for a in bundle.article_ids if a is not None)
        if not ids:
            return [], "no article to render"
        lang = bundle.language or self.default_language
        kind = bundle_kind(bundle.kinds, bundle.is_group or bundle.chat_id < 0)
        updates = bundle.updates.intersection(ids)  # those shown: the others change nothing

        def key(topics: tuple[str, ...] | None) -> _RenderKey:
            return (ids, lang, topics, kind, bundle.more, button, updates, bundle.chat_type)
        if self.topics_of is None:  # no per-chat header: the cache answers before any query
            cached = self._rendered.get(key(None))
            if cached is not None:
                return cached, None
        marks = ",".join("?" * len(ids))
        found = {r["id"]: r for r in self.db.db.query(
            f"{ARTICLE_SELECT} where articles.id in ({marks})", ids)}
        rows = [found[a] for a in ids if a in found]
        if not rows:
            return [], "article removed"
        topics = None if self.topics_of is None else tuple(self.topics_of(self.db, bundle, rows))
        cached = self._rendered.get(key(topics))
        if cached is None:
            digests = live_related(self.db.db, [digest_from_row(r) for r in rows])
            cached = self.render(digests, lang, self.clock(), topics, kind, bundle.more, button,
                                 updates, bundle.chat_type)
            self._rendered[key(topics)] = cached
        return cached, None

    async def deliver(self, bundle: Bundle) -> None:
        """Send the bundle and record its outcome; never raises for a Telegram error."""
        moved: list[int] = []
        try:
            await self._send(bundle, moved)
        finally:
            self.on_wire.discard(bundle)
            for chat_id in moved:
                self._busy.discard(chat_id)

    async def _send(self, bundle: Bundle, moved: list[int]) -> None:
        chat_id = bundle.chat_id
        more: InlineKeyboardMarkup | None = None
        stories: list[list[InlineKeyboardButton]] = []
        if bundle.hidden or self.story_buttons:
            # The buttons first: the «more» line is rendered only when its button is really
            # there (a line «في الزر أدناه» without one led nowhere). A database refusing writes
            # now would refuse the claim too: the bundle waits for a later pass, nothing sent.
            if self.writes.blocked():
                return
            try:
                more = self.more_button(bundle, chat_id) if bundle.hidden else None
                stories = self.story_rows(bundle, chat_id) if self.story_buttons else []
            except Locked:
                if more is not None:
                    self.writes.owe("drop button", callbacks.forget, _button_ids(more)[0])
                return
        rows = stories + (list(more.inline_keyboard) if more is not None else [])
        markup = InlineKeyboardMarkup(rows) if rows else None
        went = False
        try:
            went = await self._send_messages(bundle, moved, markup, button=more is not None)
        finally:
            if markup is not None and not went:
                # the buttons never reached the chat: their ids go, so /stats never takes its
                # stories for ones behind an unpressed button (bot.stats), when the database
                # takes it (owed otherwise, written before any other claim)
                for cb_id in _button_ids(markup):
                    self.writes.owe("drop button", callbacks.forget, cb_id)

    async def _send_messages(self, bundle: Bundle, moved: list[int],
                             markup: InlineKeyboardMarkup | None, *, button: bool) -> bool:
        """Render and send the bundle's messages, the buttons under the last; record the
        outcome. True once the last message went. `button`: the «more» button is there."""
        chat_id = bundle.chat_id
        try:
            messages, reason = self.messages_for(bundle, button=button or not bundle.hidden)
        except Exception as exc:  # a render bug fails these rows, not the sender
            log.exception("render failed chat=%s", chat_id)
            messages, reason = [], f"render failed: {exc!r}"
        if not messages:
            try:
                claimed = self.writes.attempt("claim", outbox.claim, bundle.row_ids)
            except Locked:
                return False  # still pending: a later pass
            self.writes.owe("skipped", outbox.finish, claimed, "skipped", self.clock(), reason)
            return False
        row_ids: list[int] = []
        sent = 0
        ticket: int | None = None  # kept when the same message is retried after a 429
        thread = bundle.thread
        while sent < len(messages):
            if not row_ids and self.writes.blocked():
                return False  # the database refused a write a moment ago (bot.owed)
            ticket = await self.limiter.acquire(chat_id, bundle.is_group or chat_id < 0, ticket)
            if not row_ids:
                # Claimed only now, as the first message leaves: after a crash, the rows left
                # 'sending' are those really on the wire (the bound on duplicates). A claim the
                # database does not take sends nothing: the rows stay pending (bot.owed).
                try:
                    row_ids = self.writes.attempt("claim", outbox.claim, bundle.row_ids)
                except Locked:
                    # nothing sent: the chat's slot is not used up
                    self.limiter.refused(chat_id, bundle.is_group or chat_id < 0)
                    return False
                if not row_ids:
                    return False  # no longer pending (the chat was deactivated meanwhile)
                self.on_wire.add(bundle)
            try:
                await self.bot.send_message(chat_id, messages[sent], parse_mode=ParseMode.HTML,
                                            link_preview_options=NO_PREVIEW,
                                            message_thread_id=thread,
                                            reply_markup=markup if sent == len(messages) - 1
                                            else None)
            except RetryAfter as err:
                wait = _seconds(err.retry_after)
                self.stats.retry_after += 1
                log.warning("429 from Telegram: pausing all sends seconds=%.1f chat=%s", wait,
                            chat_id)
                self.limiter.pause(wait)
                self.limiter.refused(chat_id, bundle.is_group or chat_id < 0)
                continue  # the same message again, first in line after the pause
            except ChatMigrated as err:
                new_id = int(err.new_chat_id)
                try:
                    self.writes.attempt("chat migrated", outbox.move_chat, chat_id, new_id)
                except Locked:  # nothing was sent: the rows wait, and meet the move again
                    self.writes.owe("chat migrated", _refunded, row_ids, self.clock(),
                                    "chat migrated")
                    return False
                self.stats.migrated += 1
                self._busy.add(new_id)
                moved.append(new_id)
                kept = outbox.rows_of_chat(self.db, row_ids, new_id)
                if len(kept) < len(row_ids):
                    # The supergroup was already a chat and had some of these stories (QA15
                    # N2): the rendered bundle would repeat them. What is left goes back to the
                    # queue and is bundled anew for the new chat.
                    self.writes.owe("chat migrated", _refunded, kept, self.clock(),
                                    "chat migrated")
                    return False
                chat_id = new_id
                if markup is not None:  # a button is bound to its chat: it follows the chat
                    with contextlib.suppress(Locked):
                        self.writes.attempt("chat migrated", callbacks.move_chat, bundle.chat_id,
                                            new_id)
                continue
            except Forbidden as err:
                text = str(err)
                if any(p in text.lower() for p in DEACTIVATING):
                    # This bundle's rows end as the chat's other rows do: skipped with the
                    # reason, as after a my_chat_member «kicked» (QA16 N8: one outcome, one state)
                    self.writes.owe("deactivated", outbox.deactivate_chat, chat_id, text,
                                    self.clock())
                    self.stats.deactivated += 1
                    return False
                self.writes.owe("failed", outbox.finish, row_ids, "failed", self.clock(), text)
                self.stats.rows_failed += len(row_ids)
                return False
            except BadRequest as err:
                if thread is not None and any(p in str(err).lower() for p in GONE_TOPIC):
                    # The group's delivery topic was closed or deleted: General from now on,
                    # this message first (bot.threads).
                    try:
                        self.writes.attempt("topic gone", forget_thread, chat_id)
                    except Locked:  # General for this bundle; the next one learns it again
                        pass
                    thread, ticket = None, None
                    continue
                log.warning("message refused chat=%s reason=%s", chat_id, err)
                if any(p in str(err).lower() for p in GONE_CHAT):
                    # Retried on every push otherwise (QA12); a chat that writes to the bot
                    # again is active again (subscriptions.upsert_chat), its topics kept.
                    self.writes.owe("deactivated", outbox.deactivate_chat, chat_id, str(err),
                                    self.clock())
                    self.stats.deactivated += 1
                    return False
                self.writes.owe("failed", outbox.finish, row_ids, "failed", self.clock(),
                                f"{err} (after {sent} of {len(messages)} messages)" if sent
                                else str(err))
                self.stats.rows_failed += len(row_ids)
                return False
            except TelegramError as err:  # TimedOut, NetworkError, anything unforeseen
                self._transient(bundle, row_ids, err)
                return False
            sent += 1
            ticket = None
            self.stats.messages += 1
            self._unreachable = 0
        # Owed when the database does not take it now: the rows stay 'sending', which no pass
        # picks, until it is written — the message is not sent again (bot.owed).
        self.writes.owe("sent", outbox.finish, row_ids, "sent", self.clock())
        self.stats.bundles += 1
        self.stats.rows_sent += len(row_ids)
        return True

    def unreachable_delay(self) -> float:
        """Seconds before a "not sent" bundle is tried again: 1, 2, 4 … UNREACHABLE_MAX_DELAY
        with each such failure in a row (any chat: they share one Bot API)."""
        return min(UNREACHABLE_MAX_DELAY, 2.0 ** min(self._unreachable, 16))

    def _report_unreachable(self, chat_id: int, delay: float, reason: str) -> None:
        """One WARNING a minute while deliveries are not sent; the others at DEBUG."""
        count = self._unreachable_log.due()
        if count is None:
            log.debug("delivery not sent, retried chat=%s seconds=%.0f reason=%s", chat_id,
                      delay, reason)
            return
        log.warning("deliveries not sent, retried (%d since the last report; the Bot API "
                    "unreachable?) chat=%s seconds=%.0f reason=%s", count, chat_id,
                    delay, reason)

    def more_button(self, bundle: Bundle, chat_id: int) -> InlineKeyboardMarkup | None:
        """The «📰 اعرض الأخبار الأخرى (٣)» button for the stories the bundle counts but does
        not show: an opaque id (bot.callbacks) bound to `chat_id` whose payload is their article
        ids; bot.buttons sends them once. None when it cannot be made for another reason than
        the database's (the digest then goes, its line promising no button: bot.render).

        Raises:
            Locked: the database did not take the id now (bot.owed): send the bundle later.
        """
        ids = [a for a in bundle.hidden if a is not None]
        if not ids:
            return None
        lang = bundle.language or self.default_language
        try:
            cb_id = self.writes.attempt("more button", _new_more, chat_id, ids, self.clock())
        except Locked:
            raise
        except Exception as exc:  # an unforeseen failure: the digest still goes, honestly
            log.warning("more button not stored chat=%s error=%r", chat_id, exc)
            return None
        return InlineKeyboardMarkup([[InlineKeyboardButton(
            t("more_button", lang, count=num(len(ids), lang)), callback_data=cb_id)]])

    def story_rows(self, bundle: Bundle, chat_id: int) -> list[list[InlineKeyboardButton]]:
        """The story buttons of a compact bundle (QA18 R16): «📖 ١» … under the message, one
        per shown story whose block leaves something out, STORY_ROW to a row; «📖 الخبر كاملًا»
        when the bundle shows one story. One stored id (bot.callbacks.STORY) bound to
        `chat_id` holds the shown article ids; a button's data is «<id>.<n>» (at most 20
        bytes). [] when no story has more, or the id could not be stored for another reason
        than the database's (the digest goes without them: its blocks promise no button).

        Raises:
            Locked: the database did not take the id now (bot.owed): send the bundle later.
        """
        shown, places = self.story_places(bundle)
        if not places:
            return []
        lang = bundle.language or self.default_language
        try:
            cb_id = self.writes.attempt("story buttons", _new_stories, chat_id, shown,
                                        self.clock())
        except Locked:
            raise
        except Exception as exc:  # an unforeseen failure: the digest still goes
            log.warning("story buttons not stored chat=%s error=%r", chat_id, exc)
            return []
        buttons = [InlineKeyboardButton(
            t("btn_story", lang, n=num(n, lang)) if len(shown) > 1 else t("btn_story_one", lang),
            callback_data=callbacks.button_data(cb_id, n)) for n in places]
        return [buttons[i:i + STORY_ROW] for i in range(0, len(buttons), STORY_ROW)]

    def _transient(self, bundle: Bundle, row_ids: Sequence[int], err: Exception) -> None:
        surely_not_sent = not_sent(err)
        if not surely_not_sent:
            self.stats.ambiguous += 1
        label = "not sent" if surely_not_sent else "maybe sent"
        reason = f"{type(err).__name__} ({label}): {err}"
        if surely_not_sent:
            # Our side never sent it (pool exhausted, Telegram unreachable): no attempt used.
            delay = self.unreachable_delay()
            self._unreachable += 1
            self.writes.owe("retry", _refunded, row_ids,
                            self.clock() + timedelta(seconds=delay), reason)
            self._report_unreachable(bundle.chat_id, delay, reason)
            return
        if bundle.attempts + 1 >= MAX_ATTEMPTS:
            self.writes.owe("failed", outbox.finish, row_ids, "failed", self.clock(), reason)
            self.stats.rows_failed += len(row_ids)
            log.error("delivery failed after attempts=%d chat=%s reason=%s", MAX_ATTEMPTS,
                      bundle.chat_id, reason)
            return
        delay = self.retry_delay * (2 ** bundle.attempts)
        self.writes.owe("retry", outbox.retry_later, row_ids,
                        self.clock() + timedelta(seconds=delay), reason)
        log.warning("delivery retried later chat=%s seconds=%.0f reason=%s", bundle.chat_id,
                    delay, reason)


def bundle_kind(kinds: Iterable[str], is_group: bool = False) -> str:
    """What a bundle is, for its header: 'push' when an admin's /push is in it; the latest
    'daily:<local date>' when all its rows wait for a daily digest (digests.outbox.next_daily
    wrote the chat's local date into the kind), 'daily:<local date>:group' for a group or a
    channel (worded for many readers); else 'instant'."""
    kinds = set(kinds)
    if any(k.startswith("push:") for k in kinds):
        return "push"
    if kinds and all(k.startswith("daily:") for k in kinds):
        return max(kinds) + (":group" if is_group else "")
    return "instant"


def not_sent(err: Exception) -> bool:
    """True when PTB's error proves the request never reached Telegram (pool or connect
    timeout, connection refused); False when it may have been delivered."""
    cause = err.__cause__
    if isinstance(cause, (httpx.PoolTimeout, httpx.ConnectTimeout, httpx.ConnectError)):
        return True
    return "Pool timeout" in str(err) or "ConnectError" in str(err) \
        or "ConnectTimeout" in str(err)


def _seconds(value: timedelta | float) -> float:
    """Seconds of a PTB time period: a timedelta (PTB_TIMEDELTA, PTB 23) or int/float seconds."""
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)


# a retry that uses no attempt: the message surely never left (or was never sent)
_refunded = functools.partial(outbox.retry_later, refund_attempt=True)


def _new_more(db: Database, chat_id: int, ids: list[int], now: datetime) -> str:
    """Store a «more stories» button's meaning; its opaque id."""
    return callbacks.new_callback(db, chat_id=chat_id, action=callbacks.MORE_STORIES,
                                  payload={"articles": ids}, now=now)


def _new_stories(db: Database, chat_id: int, ids: list[int], now: datetime) -> str:
    """Store a compact bundle's story buttons' meaning (the shown article ids); its id."""
    return callbacks.new_callback(db, chat_id=chat_id, action=callbacks.STORY,
                                  payload={"articles": ids}, now=now)


def _button_ids(markup: InlineKeyboardMarkup) -> list[str]:
    """The stored ids behind the buttons of `markup` (a story button's «<id>.<n>» is its id),
    each once, in order."""
    ids = [str(b.callback_data).partition(".")[0] for row in markup.inline_keyboard
           for b in row if b.callback_data]
    return list(dict.fromkeys(ids))
