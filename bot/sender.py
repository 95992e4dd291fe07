"""The sender: works the delivery outbox outside update handlers, at Telegram's limits.

An asyncio task the bot starts (`await Sender(...).run()` until cancelled). It picks due pending
rows (digests.outbox), groups each chat's rows into one bundle (several stories in one message
when they fit, rendered by `bot.render.render_bundle`), and sends with
`bot.send_message(parse_mode=HTML)` through its own limiter: `send_rate_per_second` overall as a
smooth schedule (no burst), at most one message per second per chat and 20 per minute per group
or channel, and at most `max_in_flight` bundles in flight. Do not give it a bot with PTB's
AIORateLimiter (DESIGN §5), and give it a connection pool of at least `max_in_flight` (PTB's
ApplicationBuilder has 256; a bare `Bot()` has ONE, and the rest of the sends wait for it).

Delivery policy (also in the README):
- Status goes pending → sending → sent / failed / skipped, each change committed in its own short
  transaction before and after the network call (never a transaction across the network).
- RetryAfter (429): ALL sending pauses for retry_after, then the same bundle is sent again first;
  nothing is lost or reordered.
- Forbidden "blocked by the user", "user is deactivated", "bot was kicked", "bot is not a member":
  the chat is deactivated and its pending rows skipped. Other 403s fail that bundle only.
- ChatMigrated: the chat, its subscriptions and its outbox rows move to the new id; resent there.
- BadRequest: the bundle's rows fail with Telegram's reason; the queue goes on.
- TimedOut / NetworkError that means "not sent" (pool or connect timeout, connection refused):
  retried later without counting as ambiguous.
- A read/write timeout or a dropped connection after the request left ("maybe sent"): AT LEAST
  ONCE — retried after a backoff (up to MAX_ATTEMPTS), so a reader may get a duplicate but never
  silently loses a digest. Telegram has no idempotency key; a duplicate is visible and harmless,
  a loss is not.
- Crash: rows left 'sending' go back to pending at the next start (at least once). Duplicates after
  a crash are bounded by the bundles in flight, i.e. `max_in_flight` (each bundle one message
  unless a digest overflows 4096 units). Run ONE sender per database.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import heapq
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from digests import outbox
from digests.models import Digest
from digests.records import ARTICLE_SELECT, digest_from_row
from digests.settings import Settings
from digests.storage import Database

log = logging.getLogger(__name__)

Render = Callable[[list[Digest], str, datetime], list[str]]
ProgressCallback = Callable[[outbox.PushProgress], Awaitable[None] | None]

MAX_BUNDLE = 10  # stories per bundle; a chat with more due gets further bundles 1 s apart
MAX_ATTEMPTS = 5  # transient failures before a row fails for good
CHAT_INTERVAL = 1.05  # seconds between messages to one chat (1/s plus a margin for jitter)
GROUP_WINDOW = 60.5  # seconds of the per-group window
GROUP_LIMIT = 20  # messages per group window
RATE_MARGIN = 0.95  # send at 95% of the configured rate: network jitter must not cross the limit
DEACTIVATING = ("blocked by the user", "user is deactivated", "bot was kicked",
                "bot is not a member")
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def default_render(digests: list[Digest], lang: str, now: datetime) -> list[str]:
    from bot.render import render_bundle

    return render_bundle(digests, lang, now)


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


class RateLimiter:
    """Smooth overall schedule (starts at least 1/rate s apart, no burst), per-chat spacing,
    per-group window, and a global pause for RetryAfter. Times are time.monotonic().

    The overall gate serves tickets in order, one at a time, on a GCRA schedule (a message may
    leave `tolerance` before its theoretical time): the event loop's usual lateness is made up
    so the rate holds, and after a stall at most `tolerance / interval + 1` messages go at once —
    one tenth of an interval at 30/s (no burst at all), about 1% of a second's worth at 1000/s.
    Slots are never taken in advance, so waiters do not all go at once after a stall. A message
    retried after a 429 keeps its ticket, so it goes first when the pause ends: nothing is
    reordered.
    """

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / (rate * RATE_MARGIN)
        self.tolerance = self.interval * max(0.1, int(rate * RATE_MARGIN * 0.01) - 1)
        self._next = 0.0
        self._paused_until = 0.0
        self._tickets = itertools.count()
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []
        self._holder: int | None = None
        self._preempt = asyncio.Event()
        self._chat_next: dict[int, float] = {}
        self._chat_before: dict[int, float] = {}
        self._group: dict[int, collections.deque[float]] = {}

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    def _chat_ready(self, chat_id: int, is_group: bool, now: float) -> float:
        ready = self._chat_next.get(chat_id, 0.0)
        window = self._group.get(chat_id) if is_group else None
        if window is not None:
            while window and window[0] <= now - GROUP_WINDOW:
                window.popleft()
            if len(window) >= GROUP_LIMIT:
                ready = max(ready, window[0] + GROUP_WINDOW)
        return ready

    async def acquire(self, chat_id: int, is_group: bool, ticket: int | None = None) -> int:
        """Wait until a message to `chat_id` may go, and take the slot. Returns the ticket; pass
        it again to retry the same message ahead of later ones."""
        # The chat's own limits first, outside the gate: a chat waiting for its second does not
        # hold up the others. (One bundle per chat is in flight, so nobody else moves them.)
        while (wait := self._chat_ready(chat_id, is_group, time.monotonic())
               - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        if ticket is None:
            ticket = next(self._tickets)
        holding = False
        try:
            await self._enter(ticket)
            holding = True
            while True:
                wait = max(self._next - self.tolerance, self._paused_until) - time.monotonic()
                if wait <= 0:
                    sent_at = time.monotonic()
                    self._next = max(self._next, sent_at) + self.interval
                    break
                if self._waiting and self._waiting[0][0] < ticket:
                    holding = False  # an earlier message (a 429 retry) goes first
                    self._exit()
                    await self._enter(ticket)
                    holding = True
                    continue
                self._preempt.clear()
                await _wait_event(self._preempt, wait)
        finally:
            if holding:
                self._exit()
        self._chat_before[chat_id] = self._chat_next.get(chat_id, 0.0)
        self._chat_next[chat_id] = sent_at + CHAT_INTERVAL
        if is_group:
            self._group.setdefault(chat_id, collections.deque()).append(sent_at)
        return ticket

    def refused(self, chat_id: int, is_group: bool) -> None:
        """The last slot of `chat_id` was answered 429: Telegram did not count it, so neither
        do the chat's limits (the retry need not wait a second more than the pause)."""
        if chat_id in self._chat_before:
            self._chat_next[chat_id] = self._chat_before.pop(chat_id)
        window = self._group.get(chat_id)
        if is_group and window:
            window.pop()

    async def _enter(self, ticket: int) -> None:
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (ticket, granted))
        if self._holder is not None and ticket < self._holder:
            self._preempt.set()  # an earlier message (a 429 retry) must go first
        self._grant()
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                self._exit()
            else:
                self._waiting = [w for w in self._waiting if w[1] is not granted]
                heapq.heapify(self._waiting)
            raise

    def _grant(self) -> None:
        while self._holder is None and self._waiting:
            ticket, granted = heapq.heappop(self._waiting)
            if not granted.done():
                self._holder = ticket
                granted.set_result(None)

    def _exit(self) -> None:
        self._holder = None
        self._grant()

    def forget_idle(self) -> None:
        """Drop per-chat state that no longer constrains anything (memory stays bounded)."""
        now = time.monotonic()
        for chat_id in [c for c, t in self._chat_next.items() if t < now]:
            del self._chat_next[chat_id]
            self._chat_before.pop(chat_id, None)
        for chat_id in [c for c, w in self._group.items() if not w or w[-1] < now - GROUP_WINDOW]:
            del self._group[chat_id]


class Sender:
    """Works the outbox (see the module docstring for the policy)."""

    def __init__(self, db: Database | str | Path, bot: Bot, settings: Settings,
                 render: Render | None = None, *, max_in_flight: int = 8,
                 clock: Callable[[], datetime] = utc_now, poll_seconds: float = 1.0,
                 retry_delay: float = 5.0) -> None:
        """Args:
            db: the database (or its path: the sender opens its own connection).
            bot: an initialized PTB Bot/ExtBot WITHOUT a rate limiter.
            render: digests, language, now → messages; default `bot.render.render_bundle`.
            max_in_flight: bundles being sent at once; also the bound on duplicates after a crash.
            clock: what "now" is for due times and timestamps.
            poll_seconds: how often an idle sender looks for due rows (`wake()` looks at once).
            retry_delay: first backoff of a transient failure (doubles per attempt).
        """
        self.db = db if isinstance(db, Database) else Database(db)
        self._own_db = not isinstance(db, Database)
        self.bot = bot
        self.settings = settings
        self.render = render or default_render
        self.max_in_flight = max(1, max_in_flight)
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.retry_delay = retry_delay
        self.limiter = RateLimiter(settings.send_rate_per_second)
        self.stats = SenderStats()
        self._wake = asyncio.Event()
        self._busy: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(self.max_in_flight)
        self._watchers: dict[str, list[ProgressCallback]] = {}
        self._recovered = False
        # (article ids, language) → messages: a broadcast renders once, not once per chat.
        self._rendered: dict[tuple[tuple[int, ...], str], list[str]] = {}

    # -------------------------------------------------------------------------- public API

    def wake(self) -> None:
        """Look for due rows now (after an enqueue_push, for example)."""
        self._wake.set()

    def watch_push(self, push_id: int, callback: ProgressCallback) -> None:
        """Call `callback(progress)` once, when every chat of the push is delivered or failed."""
        self._watchers.setdefault(f"push:{push_id}", []).append(callback)
        self.wake()

    async def wait_push(self, push_id: int, timeout: float | None = None
                        ) -> outbox.PushProgress:
        """Wait until the push is finished; returns its final progress."""
        done: asyncio.Future[outbox.PushProgress] = asyncio.get_running_loop().create_future()

        def finished(p: outbox.PushProgress) -> None:
            if not done.done():
                done.set_result(p)
        self.watch_push(push_id, finished)
        await self._check_watchers()
        async with asyncio.timeout(timeout):
            return await done

    def recover(self) -> int:
        """Rows a crashed run left 'sending' go back to pending (once per Sender)."""
        self._recovered = True
        return outbox.recover_in_flight(self.db)

    async def run(self) -> None:
        """Work the outbox until cancelled."""
        if not self._recovered and self.recover():
            # A crashed process may have sent at full rate a moment ago: let Telegram's
            # one-second windows (overall and per chat) pass before sending again.
            await asyncio.sleep(CHAT_INTERVAL)
        log.info("sender started rate=%.1f/s in_flight=%d", self.settings.send_rate_per_second,
                 self.max_in_flight)
        try:
            while True:
                self._wake.clear()  # before looking: a wake() during the look is kept
                try:
                    started = await self._dispatch()
                    await self._check_watchers()
                except Exception:  # e.g. the database stayed locked: try again, never stop
                    log.exception("sender loop failed; retrying")
                    started = 0
                if not started:
                    await _wait_event(self._wake, self.poll_seconds)
        finally:
            await self._cancel_tasks()

    async def run_once(self) -> int:
        """Send every bundle due now and wait for them; returns messages sent."""
        if not self._recovered:
            self.recover()
        before = self.stats.messages
        await self._dispatch()
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
            await self._dispatch()
        await self._check_watchers()
        return self.stats.messages - before

    async def drain(self, timeout: float = 60.0) -> int:
        """`run_once` until nothing is due (transient retries included while they come due
        within `timeout`). Returns messages sent."""
        deadline = time.monotonic() + timeout
        total = 0
        while True:
            total += await self.run_once()
            stats = outbox.queue_stats(self.db, self.clock())
            if stats.due == 0 and (stats.pending == 0 or time.monotonic() > deadline
                                   or not self._retry_soon(deadline)):
                return total
            await asyncio.sleep(0.05)

    def close(self) -> None:
        if self._own_db:
            self.db.close()

    # -------------------------------------------------------------------------- dispatching

    def _retry_soon(self, deadline: float) -> bool:
        """Whether some pending row comes due before `deadline` (monotonic)."""
        horizon = self.clock() + timedelta(seconds=max(0.0, deadline - time.monotonic()))
        return bool(outbox.due_rows(self.db, horizon, limit=1))

    def _plan(self) -> list[Bundle]:
        rows = outbox.due_rows(self.db, self.clock(), limit=1000, exclude_chats=self._busy)
        per_chat: dict[int, list[outbox.DueRow]] = {}
        for r in rows:
            group = per_chat.setdefault(r.chat_id, [])
            if len(group) < MAX_BUNDLE:
                group.append(r)
        self._rendered.clear()  # relative times in a rendering stay fresh for one plan
        return [Bundle(chat_id, tuple(r.id for r in rs), tuple(r.article_id for r in rs),
                       frozenset(r.kind for r in rs), max(r.attempts for r in rs),
                       is_group=chat_id < 0 or rs[0].chat_type != "private",
                       language=rs[0].language)
                for chat_id, rs in per_chat.items()]

    async def _dispatch(self) -> int:
        """Start a task per due bundle (bounded by max_in_flight). Returns how many started."""
        bundles = self._plan()
        for bundle in bundles:
            await self._slots.acquire()
            self._busy.add(bundle.chat_id)
            task = asyncio.create_task(self._run_bundle(bundle), name=f"send:{bundle.chat_id}")
            self._tasks.add(task)
            task.add_done_callback(functools.partial(self._finished, bundle=bundle))
        self.limiter.forget_idle()
        return len(bundles)

    def _finished(self, task: asyncio.Task[None], bundle: Bundle) -> None:
        self._tasks.discard(task)
        self._busy.discard(bundle.chat_id)
        self._slots.release()
        if not task.cancelled() and task.exception() is not None:
            log.error("send task failed chat=%s error=%r", bundle.chat_id, task.exception())
        self._wake.set()

    async def _cancel_tasks(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _check_watchers(self) -> None:
        for kind in list(self._watchers):
            progress = outbox.push_progress(self.db, int(kind.split(":", 1)[1]))
            if not progress.done:
                continue
            for callback in self._watchers.pop(kind):
                try:
                    result = callback(progress)
                    if asyncio.iscoroutine(result):
                        await result
                except Exception:  # a watcher's bug must not stop deliveries
                    log.exception("push progress callback failed kind=%s", kind)

    # -------------------------------------------------------------------------- one bundle

    def _messages_for(self, bundle: Bundle) -> tuple[list[str], str | None]:
        """Render the bundle; (messages, None) or ([], reason) when nothing can be sent."""
        ids = tuple(a for a in bundle.article_ids if a is not None)
        if not ids:
            return [], "no article to render"
        lang = bundle.language or self.settings.default_language
        cached = self._rendered.get((ids, lang))
        if cached is not None:
            return cached, None
        marks = ",".join("?" * len(ids))
        rows = {r["id"]: r for r in self.db.db.query(
            f"{ARTICLE_SELECT} where articles.id in ({marks})", ids)}
        digests = [digest_from_row(rows[a]) for a in ids if a in rows]
        if not digests:
            return [], "article removed"
        messages = self.render(digests, lang, self.clock())
        self._rendered[(ids, lang)] = messages
        return messages, None

    async def _run_bundle(self, bundle: Bundle) -> None:
        moved: list[int] = []
        try:
            await self._send_bundle(bundle, moved)
        finally:
            for chat_id in moved:
                self._busy.discard(chat_id)

    async def _send_bundle(self, bundle: Bundle, moved: list[int]) -> None:
        chat_id = bundle.chat_id
        try:
            messages, reason = self._messages_for(bundle)
        except Exception as exc:  # a render bug fails these rows, not the sender
            log.exception("render failed chat=%s", chat_id)
            messages, reason = [], f"render failed: {exc!r}"
        if not messages:
            outbox.finish(self.db, outbox.claim(self.db, bundle.row_ids), "skipped",
                          self.clock(), reason)
            return
        row_ids: list[int] = []
        sent = 0
        ticket: int | None = None  # kept when the same message is retried after a 429
        while sent < len(messages):
            ticket = await self.limiter.acquire(chat_id, bundle.is_group or chat_id < 0, ticket)
            if not row_ids:
                # Claimed only now, as the first message leaves: after a crash, the rows left
                # 'sending' are those really on the wire (the bound on duplicates).
                row_ids = outbox.claim(self.db, bundle.row_ids)
                if not row_ids:
                    return  # no longer pending (the chat was deactivated meanwhile)
            try:
                await self.bot.send_message(chat_id, messages[sent], parse_mode=ParseMode.HTML,
                                            link_preview_options=NO_PREVIEW)
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
                outbox.move_chat(self.db, chat_id, new_id)
                self.stats.migrated += 1
                self._busy.add(new_id)
                moved.append(new_id)
                chat_id = new_id
                continue
            except Forbidden as err:
                text = str(err)
                if any(p in text.lower() for p in DEACTIVATING):
                    outbox.finish(self.db, row_ids, "failed", self.clock(), text)
                    outbox.deactivate_chat(self.db, chat_id, text, self.clock())
                    self.stats.deactivated += 1
                else:
                    outbox.finish(self.db, row_ids, "failed", self.clock(), text)
                self.stats.rows_failed += len(row_ids)
                return
            except BadRequest as err:
                log.warning("message refused chat=%s reason=%s", chat_id, err)
                outbox.finish(self.db, row_ids, "failed", self.clock(),
                              f"{err} (after {sent} of {len(messages)} messages)" if sent
                              else str(err))
                self.stats.rows_failed += len(row_ids)
                return
            except TelegramError as err:  # TimedOut, NetworkError, anything unforeseen
                self._transient(bundle, row_ids, err, sent)
                return
            sent += 1
            ticket = None
            self.stats.messages += 1
        outbox.finish(self.db, row_ids, "sent", self.clock())
        self.stats.bundles += 1
        self.stats.rows_sent += len(row_ids)

    def _transient(self, bundle: Bundle, row_ids: Sequence[int], err: Exception,
                   sent: int) -> None:
        surely_not_sent = not_sent(err)
        if not surely_not_sent:
            self.stats.ambiguous += 1
        label = "not sent" if surely_not_sent else "maybe sent"
        reason = f"{type(err).__name__} ({label}): {err}"
        if surely_not_sent:
            # Our side never sent it (pool exhausted, Telegram unreachable): no attempt used.
            outbox.retry_later(self.db, row_ids, self.clock() + timedelta(seconds=1.0), reason,
                               refund_attempt=True)
            log.warning("delivery not sent, retried chat=%s reason=%s", bundle.chat_id, reason)
            return
        if bundle.attempts + 1 >= MAX_ATTEMPTS:
            outbox.finish(self.db, row_ids, "failed", self.clock(), reason)
            self.stats.rows_failed += len(row_ids)
            log.error("delivery failed after attempts=%d chat=%s reason=%s", MAX_ATTEMPTS,
                      bundle.chat_id, reason)
            return
        delay = self.retry_delay * (2 ** bundle.attempts)
        outbox.retry_later(self.db, row_ids, self.clock() + timedelta(seconds=delay), reason)
        log.warning("delivery retried later chat=%s seconds=%.0f reason=%s", bundle.chat_id,
                    delay, reason)


async def _wait_event(event: asyncio.Event, seconds: float) -> None:
    """Wait for `event` at most `seconds`. Not asyncio.wait_for: on Python 3.11 it can swallow a
    cancellation that arrives as the wait ends, and a cancelled sender would then run forever."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await event.wait()


def not_sent(err: Exception) -> bool:
    """True when PTB's error proves the request never reached Telegram (pool or connect
    timeout, connection refused); False when it may have been delivered."""
    cause = err.__cause__
    if isinstance(cause, (httpx.PoolTimeout, httpx.ConnectTimeout, httpx.ConnectError)):
        return True
    return "Pool timeout" in str(err) or "ConnectError" in str(err) \
        or "ConnectTimeout" in str(err)


def _seconds(value: Any) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)
