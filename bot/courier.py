"""The courier: sends one chat's bundle of outbox rows under the delivery policy.

The sender (bot.sender) plans bundles (bot.bundles) and runs a courier task per bundle; the
courier renders the bundle's digests (once per broadcast: bot.bundles.Renderings), takes a slot
from the rate limiter (bot.limiter), sends with `bot.send_message(parse_mode=HTML)` and records
the outcome in the outbox. Under the last message go the buttons (bot.bundle_buttons), their
ids stored before anything is claimed and deleted if the digest never went: a «📖 خبر n» per
story whose compact block leaves something out (one id for the bundle; QA18 R16) and the
«📰 اعرض الأخبار الأخرى» of the stories not shown. The policy:

- Status goes pending → sending → sent / failed / skipped, each change committed in its own short
  transaction before and after the network call (never a transaction across the network). Rows
  are claimed ('sending') only as the bundle's first message leaves.
- RetryAfter (429): the chat waits retry_after — ALL sending when several chats are refused with
  nothing else answered between (bot.limiter.RateLimiter.too_many) — then the same message is
  sent again first; nothing is lost or reordered. retry_after is a timedelta (the bot package opts in to PTB's
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
- BadRequest «message is too long» / «can't parse entities» (a rendering bug of ours): that
  message is sent once more as plain text, split to fit (bot.send_failures.plain_parts); refused
  again, the rows fail (QA27 D6).
- BadRequest «not enough rights to send» / «need administrator rights» (a group that muted the
  bot, a channel that took its right to post), or a channel or group's 403 «bot was kicked» /
  «not a member»: the chat is held at once, its queue kept, its admins told once, resumed when
  it may post again (bot.chat_holds; QA27 D10, QA49 M1/M2). A private chat's 403 as before.
- Other BadRequests: the bundle's rows fail with Telegram's reason; the queue goes on.
- TimedOut / NetworkError that means "not sent" (pool or connect timeout, connection refused):
  retried later without counting as an attempt, after 1 s doubling with each such failure in a
  row up to a minute; one WARNING a minute says how many (QA17 N-a).
- A read/write timeout or a dropped connection after the request left ("maybe sent"): AT LEAST
  ONCE — retried after a backoff (up to MAX_ATTEMPTS), so a reader may get a duplicate but never
  silently loses a digest.

Which refusal means what, and how long a retry waits, is bot.send_failures'.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot import callbacks, floods, warm_tables
from bot.bundle_buttons import button_ids, more_button, story_rows
from bot.bundles import Bundle, Render, Renderings, TopicsOf
from bot.chat_holds import HoldNotices, hold_chat, refusal_kind
from bot.limiter import RateLimiter
from bot.owed import Locked, OwedWrites
from bot.reply_limiter import SENDER_CALL
from bot.send_failures import (
    DEACTIVATING,
    GONE_CHAT,
    RENDER_REFUSALS,
    Backoff,
    not_sent,
    plain_parts,
    refunded,
    retry_after_seconds,
)
from bot.threads import GONE_TOPIC, forget_thread
from digests import outbox_states
from digests.outbox_states import RETRY_AFTER_ERROR
from digests.storage import Database

if TYPE_CHECKING:
    from bot.runtime import WriteHealth

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# A chat's own 429 waited out in its task up to this many seconds; a longer one frees the slot
HOLD_IN_TASK = 2.0
# QA62-7: how long a delivery waits for Telegram's answer. The client's read timeout (30 s,
# bot.startup) made a send accepted but answered at 35 s a «maybe sent» retry: the chat got it
# twice, and three such answers paused every send as an outage. A slow Bot API's late answer is
# waited for; a send still unanswered after this is sent again (at least once) and the push
# report counts it as a possible repeat (digests.push_queue.PushProgress.repeats).
SEND_READ_TIMEOUT = 120.0


_T = TypeVar("_T")


class ReportedWrites(OwedWrites):
    """The courier's outbox writes (bot.owed), each outcome also told to the process's
    `WriteHealth` once `health` is set (`Courier.report_writes`): a write the database refused
    is a refusal, one that worked a write that worked, as for the chat records, buttons and
    polls (X69 «Left»: a lock that met only the sender's writes never reached the admins)."""

    health: WriteHealth | None = None

    def attempt(self, what: str, fn: Callable[..., _T], *args: Any) -> _T:
        tried = not self.blocked()  # a write not tried (just after a refusal) tells nothing
        try:
            result = super().attempt(what, fn, *args)
        except Locked as exc:
            if tried and self.health is not None:
                self.health.refused(exc.kind)
            raise
        if self.health is not None:
            self.health.worked()
        return result


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
        self.writes = ReportedWrites(db, monotonic=monotonic)
        self.floods = floods.FloodLog(clock=monotonic)  # the 429s' log lines (QA53 S4)
        self.notices = HoldNotices()  # the sender names the operators (bot.chat_holds)
        self.backoff = Backoff(self.writes, monotonic, limiter.pause)  # transient failures (bot.send_failures)
        # Bundles whose rows are claimed (a message of theirs may be on the wire): a graceful
        # stop lets these finish and cancels the others (Sender.stop).
        self.on_wire: set[Bundle] = set()
        # a broadcast renders once, not once per chat (bot.bundles)
        self.renderings = Renderings(db, render, default_language=default_language,
                                     topics_of=topics_of)
        self.story_buttons = topics_of is not None if story_buttons is None else story_buttons

    def report_writes(self, health: WriteHealth) -> None:
        """The hook: from now on the outbox writes feed `health` (bot.runtime.Runtime.writes),
        which bot.db_alerts reads (it installs this when it starts watching)."""
        self.writes.health = health

    def forget_renderings(self) -> None:
        """Drop cached renderings (relative times in a rendering stay fresh for one plan)."""
        self.renderings.forget()

    def story_places(self, bundle: Bundle) -> tuple[list[int], list[int]]:
        """The article ids of the stories the bundle shows, in their order (the render's
        numbering), and the 1-based places of those with a story button (bot.bundles)."""
        return self.renderings.places(bundle, self.clock)

    def messages_for(self, bundle: Bundle, button: bool = True) -> tuple[list[str], str | None]:
        """Render the bundle; (messages, None) or ([], reason) when nothing can be sent.
        `button`: whether its «more» button goes under the last message."""
        return self.renderings.messages(bundle, self.clock, button)

    async def deliver(self, bundle: Bundle) -> None:
        """Send the bundle and record its outcome; never raises for a Telegram error."""
        moved: list[int] = []
        SENDER_CALL.set(True)  # this task's calls pass the bot's reply limiter (its own slots)
        try:
            # the rendering reads the word tables: in a process's first seconds they are still
            # being built in their thread, never on the loop (bot.warm_tables, X104)
            await warm_tables.ready()
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
                lang = bundle.language or self.default_language
                topics = self.renderings.topics(bundle)
                more = (more_button(self.writes, bundle, chat_id, lang, self.clock, topics)
                        if bundle.hidden else None)
                stories = (story_rows(self.writes, chat_id, *self.story_places(bundle), lang,
                                      self.clock, topics)
                           if self.story_buttons else [])
            except Locked:
                if more is not None:
                    self.writes.owe("drop button", callbacks.forget, button_ids(more)[0])
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
                for cb_id in button_ids(markup):
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
                claimed = self.writes.attempt("claim", outbox_states.claim, *_claimed(bundle))
            except Locked:
                return False  # still pending: a later pass
            self.writes.owe("skipped", outbox_states.finish, claimed, "skipped", self.clock(),
                            reason)
            return False
        messages = list(messages)  # a refused rendering is replaced by its plain parts (D6)
        plain: set[int] = set()  # the messages sent as plain text
        row_ids: list[int] = []
        sent = 0
        ticket: int | None = None  # kept when the same message is retried after a 429
        thread = bundle.thread
        while sent < len(messages):
            if not row_ids and self.writes.blocked():
                return False  # the database refused a write a moment ago (bot.owed)
            # the message counts where it leaves, after the claim (bot.limiter.on_wire)
            ticket = await self.limiter.acquire(chat_id, bundle.is_group or chat_id < 0, ticket,
                                                wire_later=True)
            if not row_ids:
                # Claimed only now, as the first message leaves: after a crash, the rows left
                # 'sending' are those really on the wire (the bound on duplicates). A claim the
                # database does not take sends nothing: the rows stay pending (bot.owed).
                try:
                    row_ids = self.writes.attempt("claim", outbox_states.claim, *_claimed(bundle))
                except Locked:
                    # nothing sent: the chat's slot is not used up
                    self.limiter.refused(chat_id, bundle.is_group or chat_id < 0)
                    return False
                if not row_ids:
                    return False  # no longer pending (the chat was deactivated meanwhile)
                self.on_wire.add(bundle)
            try:
                # counted from now until a window after its answer or error (QA62-5)
                with self.limiter.flight():
                    await self.bot.send_message(chat_id, messages[sent],
                                                parse_mode=None if sent in plain
                                                else ParseMode.HTML,
                                                link_preview_options=NO_PREVIEW,
                                                message_thread_id=thread,
                                                disable_notification=bundle.silent or None,
                                                reply_markup=markup if sent == len(messages) - 1
                                                else None,
                                                read_timeout=SEND_READ_TIMEOUT)
            except RetryAfter as err:
                wait = retry_after_seconds(err.retry_after)
                self.stats.retry_after += 1
                self.limiter.refused(chat_id, bundle.is_group or chat_id < 0)
                # QA27 D1: one chat refused holds that chat; a second chat refused soon after
                # pauses every send (bot.limiter.RateLimiter.too_many)
                if self.limiter.too_many(chat_id, wait):
                    log.warning("429 from Telegram: pausing all sends seconds=%.1f chat=%s",
                                wait, chat_id)
                else:
                    self.floods.held(chat_id, wait)  # one line a minute (bot.floods)
                    if sent == 0 and wait > HOLD_IN_TASK:
                        # nothing of the bundle went: its rows wait out the chat's hold in the
                        # queue, and the slot goes to other chats meanwhile
                        self.writes.owe("retry", refunded, row_ids,
                                        self.clock() + timedelta(seconds=wait),
                                        f"{RETRY_AFTER_ERROR} {wait:.0f} s (this chat)")
                        return False
                continue  # the same message again, first in line after the wait
            except ChatMigrated as err:
                new_id = int(err.new_chat_id)
                try:
                    self.writes.attempt("chat migrated", outbox_states.move_chat, chat_id, new_id)
                except Locked:  # nothing was sent: the rows wait, and meet the move again
                    self.writes.owe("chat migrated", refunded, row_ids, self.clock(),
                                    "chat migrated")
                    return False
                self.stats.migrated += 1
                self._busy.add(new_id)
                moved.append(new_id)
                kept = outbox_states.rows_of_chat(self.db, row_ids, new_id)
                if len(kept) < len(row_ids):
                    # The supergroup was already a chat and had some of these stories (QA15
                    # N2): the rendered bundle would repeat them. What is left goes back to the
                    # queue and is bundled anew for the new chat.
                    self.writes.owe("chat migrated", refunded, kept, self.clock(),
                                    "chat migrated")
                    return False
                chat_id = new_id
                if markup is not None:  # a button is bound to its chat: it follows the chat
                    with contextlib.suppress(Locked):
                        self.writes.attempt("chat migrated", callbacks.move_chat, bundle.chat_id,
                                            new_id)
                continue
            except Forbidden as err:
                self.limiter.accepted()  # an answer other than 429 (QA32 R3)
                text = str(err)
                if chat_id < 0 and refusal_kind(text) == "removed":
                    # a channel or group that removed the bot (QA49 M2): held, queue kept, told
                    await self._hold(chat_id, row_ids, text, "removed", sent, len(messages))
                    return False
                if any(p in text.lower() for p in DEACTIVATING):
                    # This bundle's rows end as the chat's other rows do: skipped with the
                    # reason, as after a my_chat_member «kicked» (QA16 N8: one outcome, one state)
                    self.writes.owe("deactivated", outbox_states.deactivate_chat, chat_id, text,
                                    self.clock())
                    self.stats.deactivated += 1
                    return False
                self._fail(row_ids, text)
                return False
            except BadRequest as err:
                self.limiter.accepted()  # an answer other than 429 (QA32 R3)
                if thread is not None and any(p in str(err).lower() for p in GONE_TOPIC):
                    # The group's delivery topic was closed or deleted: General from now on,
                    # this message first (bot.threads).
                    try:
                        self.writes.attempt("topic gone", forget_thread, chat_id)
                    except Locked:  # General for this bundle; the next one learns it again
                        pass
                    else:  # said once, in General, with how to choose another (QA49 M4)
                        await self._say_in_general(chat_id, bundle.language)
                    thread, ticket = None, None
                    continue
                if thread is None and chat_id < 0 and "topic_closed" in str(err).lower():
                    # General closed too (QA49 M4): nowhere to post, held and told like a
                    # chat that took the bot's right to post; a member writing resumes it
                    await self._hold(chat_id, row_ids, str(err), "closed", sent, len(messages))
                    return False
                if sent not in plain and any(p in str(err).lower() for p in RENDER_REFUSALS):
                    # our rendering, not the chat (QA27 D6): once more as plain text, split to
                    # fit; refused again, the rows fail with Telegram's reason
                    log.warning("message refused, sent again as plain text chat=%s reason=%s",
                                chat_id, err)
                    parts = plain_parts(messages[sent])
                    messages[sent:sent + 1] = parts
                    plain.update(range(sent, sent + len(parts)))
                    self.limiter.refused(chat_id, bundle.is_group or chat_id < 0)
                    ticket = None
                    continue
                if refusal_kind(str(err)) == "rights":
                    # the bot may not post there (QA27 D10, QA49 M1: a channel's «need
                    # administrator rights» failed every story for ever): held at once, its
                    # queue kept, the admins told; resumed when it may post (bot.chat_holds)
                    await self._hold(chat_id, row_ids, str(err), "rights", sent, len(messages))
                    return False
                if not any(p in str(err).lower() for p in GONE_CHAT):
                    log.warning("message refused chat=%s reason=%s", chat_id, err)
                else:
                    # a lost chat, like a block: digests.outbox_states logs its deactivation at
                    # INFO, so a stale list of thousands does not bury the WARNINGs that matter
                    # (QA20 O9)
                    log.info("message refused chat=%s reason=%s", chat_id, err)
                    # Retried on every push otherwise (QA12); a chat that writes to the bot
                    # again is active again (subscriptions.upsert_chat), its topics kept.
                    self.writes.owe("deactivated", outbox_states.deactivate_chat, chat_id, str(err),
                                    self.clock())
                    self.stats.deactivated += 1
                    return False
                self._fail(row_ids, str(err), sent, len(messages))
                return False
            except TelegramError as err:  # TimedOut, NetworkError, anything unforeseen
                # under the chat's id now: a migrated group's retry is logged (and counted
                # toward an outage) as the supergroup its rows moved to (QA62-7)
                self._transient(bundle if chat_id == bundle.chat_id
                                else replace(bundle, chat_id=chat_id), row_ids, err)
                return False
            sent += 1
            ticket = None
            self.limiter.accepted()
            self.stats.messages += 1
            self.backoff.reached(bundle.chat_id)
            self.notices.accepted(chat_id)
        # Owed when the database does not take it now: the rows stay 'sending', which no pass
        # picks, until it is written — the message is not sent again (bot.owed).
        self.writes.owe("sent", outbox_states.finish, row_ids, "sent", self.clock())
        self.stats.bundles += 1
        self.stats.rows_sent += len(row_ids)
        return True

    def _fail(self, row_ids: Sequence[int], reason: str, sent: int = 0, total: int = 0) -> None:
        """The bundle's rows end failed with the reason, and how far the bundle got if a part went."""
        self.writes.owe("failed", outbox_states.finish, row_ids, "failed", self.clock(),
                        f"{reason} (after {sent} of {total} messages)" if sent else reason)
        self.stats.rows_failed += len(row_ids)

    async def _hold(self, chat_id: int, row_ids: Sequence[int], reason: str, kind: str,
                    sent: int = 0, total: int = 1) -> None:
        """Hold the chat the bot may not post in, its rows kept, and tell its admins once.
        Part of the bundle already went (`sent` of `total` messages): its rows end failed, as
        any refusal's after a part went, not kept (kept, the resume would repeat that part)."""
        if sent:
            self._fail(row_ids, reason, sent, total)
            row_ids = ()
        try:
            kept = self.writes.attempt("held", hold_chat, chat_id, reason,
                                       self.clock(), row_ids)
        except Locked:  # the rows kept (none if a part went) go back to the queue and meet the refusal again
            self.writes.owe("held", refunded, row_ids, self.clock(), reason)
            return
        self.stats.deactivated += 1
        try:
            await self.notices.tell(self.bot, self.db, chat_id, kind, kept, now=self.clock())
        except Exception:  # a notice is never worth the delivery loop
            log.exception("hold notice failed chat=%s", chat_id)

    async def _say_in_general(self, chat_id: int, language: str | None) -> None:
        """Tell a forum in General that its delivery topic is closed (bot.topic_choice)."""
        from bot.topic_choice import closed_notice  # late: it builds on bot.runtime

        try:
            await self.bot.send_message(chat_id, closed_notice(
                language or self.default_language))
        except TelegramError as exc:  # General closed too: the next send holds the chat
            log.info("closed topic notice not sent chat=%s error=%s", chat_id, exc)

    def _transient(self, bundle: Bundle, row_ids: Sequence[int], err: Exception) -> None:
        if not isinstance(err, TimedOut) and not not_sent(err):
            self.limiter.accepted()  # a 5xx is an answer, not a flood wait (QA32 R3)
        retried = self.backoff.retry(bundle, row_ids, err, self.clock(), self.retry_delay)
        if retried != "not sent":
            self.stats.ambiguous += 1
        if retried == "failed":
            self.stats.rows_failed += len(row_ids)


def _claimed(bundle: Bundle) -> tuple[Any, ...]:
    """outbox_states.claim's arguments for the bundle: its rows, and the items read of its
    daily digest rows when it has any (only then: a test's stand-in claim takes the rows)."""
    return (bundle.row_ids, bundle.parts) if bundle.parts else (bundle.row_ids,)
