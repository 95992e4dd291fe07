"""The sender: works the delivery outbox outside update handlers, at Telegram's limits.

An asyncio task the bot starts (`await Sender(...).run()` until cancelled). It picks due pending
rows (digests.outbox_states), groups each chat's rows into one bundle (several stories in one
message when they fit, rendered by `bot.render.render_bundle`; at most MAX_BUNDLE shown, the
best, and the others counted in its last line and sent with it: bot.shown_stories.choose_shown),
and runs a task per bundle — at most `max_in_flight` at once, one per chat — that sends it
through the courier (bot.courier: rendering, `bot.send_message(parse_mode=HTML)`, the error
policy) and the limiter (bot.limiter: `send_rate_per_second` overall as a smooth schedule, one
message per second per chat, 20 per minute per group or channel). Do not give it a bot with
PTB's AIORateLimiter (DESIGN §5), and give it a connection pool of at least `max_in_flight`
(PTB's ApplicationBuilder has 256; a bare `Bot()` has ONE, and the rest of the sends wait for
it).

Which due rows go now, and as which bundles (quiet hours at send time, the instant gap, a first
alert settling, a clock jump, updates that repeat, the stories shown) is the planner's job:
bot.delivery_plan. This module runs the passes, the tasks, the stop and the push watchers.

Delivery policy (the details are in bot.courier and docs/delivery.md):
- Status goes pending → sending → sent / failed / skipped, each change committed in its own short
  transaction (never a transaction across the network).
- 429: the refused chat waits (every send, when several chats are refused at once:
  bot.limiter), then the same message goes first. Blocked chats are deactivated, migrated chats
  moved, refused messages failed; "not sent" errors are retried for free, and so are the rows
  a Telegram outage fails (several chats failing in a row: every send pauses, bot.send_failures).
- "Maybe sent" (a timeout after the request left): AT LEAST ONCE — retried after a backoff, so a
  reader may get a duplicate but never silently loses a digest. Telegram has no idempotency key;
  a duplicate is visible and harmless, a loss is not.
- Crash: rows left 'sending' go back to pending at the next start (at least once). Duplicates after
  a crash are bounded by the bundles in flight, i.e. `max_in_flight` (each bundle one message
  unless a digest overflows 4096 units). Run ONE sender per database.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from telegram import Bot

from bot.bundles import Bundle, Render, TopicsOf
from bot.chat_holds import HoldNotices
from bot.hold_teller import GATHER_SECONDS, ROUND_SECONDS, HoldTeller
from bot.courier import Courier, SenderStats
from bot.delivery_plan import INSTANT_GAP, INSTANT_SETTLE, Planner
from bot.limiter import CHAT_INTERVAL, RateLimiter, wait_event
from bot.owed import Locked
from bot.shown_stories import GENERAL_ROOM, MAX_BUNDLE, PER_TOPIC, choose_shown, topic_share
from digests import late_rows, outbox_states, outbox_upkeep, push_queue
from digests.models import Digest
from digests.settings import Settings
from digests.storage import Database

# MAX_BUNDLE, GENERAL_ROOM, PER_TOPIC, choose_shown and topic_share live in bot.shown_stories
# (Y7), INSTANT_GAP and INSTANT_SETTLE in bot.delivery_plan (Y10); they stay importable here.
__all__ = ["GENERAL_ROOM", "INSTANT_GAP", "INSTANT_SETTLE", "MAX_BUNDLE", "Bundle",
           "ProgressCallback", "RateLimiter", "Render", "PER_TOPIC", "Sender", "SenderStats",
           "choose_shown", "default_render", "topic_share", "utc_now"]

log = logging.getLogger(__name__)

LATE_CHECK_SECONDS = 60.0  # how often the running sender skips rows over a day late (X107)

ProgressCallback = Callable[[push_queue.PushProgress], Awaitable[None] | None]


def utc_now() -> datetime:
    """The current time in UTC (the sender's default clock)."""
    return datetime.now(timezone.utc)


def default_render(digests: list[Digest], lang: str, now: datetime,
                   topics: Sequence[str] | None = None, kind: str = "instant",
                   more: int = 0, button: bool = True,
                   updates: frozenset[int] = frozenset(),
                   chat_type: str | None = None) -> list[str]:
    """`bot.render.render_bundle`, imported on first use (a `bot.courier.Render`)."""
    from bot.render import render_bundle

    return render_bundle(digests, lang, now, topics=topics, kind=kind, more=more, button=button,
                         updates=updates, chat_type=chat_type)


class Sender:
    """Works the outbox (see the module docstring for the policy)."""

    def __init__(self, db: Database | str | Path, bot: Bot, settings: Settings,
                 render: Render | None = None, *, max_in_flight: int = 8,
                 clock: Callable[[], datetime] = utc_now, poll_seconds: float = 1.0,
                 retry_delay: float = 5.0, topics_of: TopicsOf | None = None,
                 instant_gap: timedelta = INSTANT_GAP,
                 instant_settle: float = INSTANT_SETTLE,
                 general_hold: timedelta = timedelta(0),
                 limiter: RateLimiter | None = None,
                 hold_gather: float = GATHER_SECONDS,
                 hold_rounds: float = ROUND_SECONDS) -> None:
        """Args:
            db: the database (or its path: the sender opens its own connection).
            bot: an initialized PTB Bot/ExtBot without a rate limiter, or with the
                Application's bot.reply_limiter.ReplyLimiter (it lets the sender's calls through).
            render: the bundle's digests and facts → messages (bot.courier.Render); default
                `bot.render.render_bundle`.
            max_in_flight: bundles being sent at once; also the bound on duplicates after a crash.
            clock: what "now" is for due times and timestamps.
            poll_seconds: how often an idle sender looks for due rows (`wake()` looks at once).
            retry_delay: first backoff of a transient failure (doubles per attempt).
            topics_of: names the topics each bundle came for, for its header (bot.origins).
            instant_gap: the least time between two instant bundles to one chat (INSTANT_GAP).
            instant_settle: seconds a first alert waits for its chat's rows to stop growing
                (INSTANT_SETTLE; 0: sent as soon as due).
            general_hold: the longest a minor story waits to go with others to a chat that
                follows only the general digest (digests.general_hold). The bot passes
                GENERAL_HOLD (bot.app); 0 here, so that a sender built by a test or a
                benchmark sends each row as it comes.
            limiter: the rate limiter, shared with the bot's answers to readers
                (bot.reply_limiter); by default one of its own at `send_rate_per_second`.
            hold_gather, hold_rounds: how long the notice of a held chat waits for the
                others of the moment, and the least time between two (bot.hold_teller).
        """
        self.db = db if isinstance(db, Database) else Database(db)
        self._own_db = not isinstance(db, Database)
        self.bot = bot
        self.settings = settings
        self.render = render or default_render
        self.max_in_flight = max(1, max_in_flight)
        self.poll_seconds = poll_seconds
        self.retry_delay = retry_delay
        self._live = False  # `run` waits for a fetch's rows to settle; run_once does not
        self.limiter = limiter or RateLimiter(settings.send_rate_per_second)
        self.stats = SenderStats()
        self._wake = asyncio.Event()
        self._busy: set[int] = set()
        self._tasks: dict[asyncio.Task[None], Bundle] = {}
        self._stopping = False
        self._slots = asyncio.Semaphore(self.max_in_flight)
        self._watchers: dict[str, list[ProgressCallback]] = {}
        self._recovered = False
        self._late_checked = time.monotonic()  # the start drops its own late rows first
        self.courier = Courier(self.db, bot, self.render, self.limiter, self.stats,
                               default_language=settings.default_language, clock=clock,
                               retry_delay=retry_delay, busy=self._busy, topics_of=topics_of)
        # told of a held chat, each in the language the bot speaks them
        self.courier.notices = HoldNotices(settings.admin_ids, settings.default_language)
        # … at the limiter's pace, folded, told until they went (X93, QA62-1: bot.hold_teller)
        self.teller = HoldTeller(self.courier.notices, self.limiter, gather=hold_gather,
                                 rounds=hold_rounds, clock=clock)
        self.courier.notices.teller = self.teller
        self._teller_task: asyncio.Task[None] | None = None
        # which due rows go now, as which bundles (bot.delivery_plan)
        self.planner = Planner(self.db, self.courier, clock, instant_gap=instant_gap,
                               instant_settle=instant_settle, general_hold=general_hold)

    @property
    def clock(self) -> Callable[[], datetime]:
        """What "now" is for due times (the planner's; tests set it, as they set the
        courier's)."""
        return self.planner.clock

    @clock.setter
    def clock(self, clock: Callable[[], datetime]) -> None:
        self.planner.clock = clock

    # -------------------------------------------------------------------------- public API

    def wake(self) -> None:
        """Look for due rows now (after an enqueue_push, for example)."""
        self._wake.set()

    def watch_push(self, push_id: int, callback: ProgressCallback) -> None:
        """Call `callback(progress)` once, when every chat of the push is delivered or failed."""
        self._watchers.setdefault(f"push:{push_id}", []).append(callback)
        self.wake()

    async def wait_push(self, push_id: int, timeout: float | None = None
                        ) -> push_queue.PushProgress:
        """Wait until the push is finished; returns its final progress."""
        done: asyncio.Future[push_queue.PushProgress] = asyncio.get_running_loop().create_future()

        def finished(p: push_queue.PushProgress) -> None:
            if not done.done():
                done.set_result(p)
        self.watch_push(push_id, finished)
        await self._check_watchers()
        async with asyncio.timeout(timeout):
            return await done

    def recover(self) -> int:
        """Rows a crashed run left 'sending' go back to pending (once per Sender). Nothing is
        claimed before it is done: a row this sender claimed must never be taken for a crashed
        run's (bot.owed). While the database refuses the write, 0 and not yet recovered."""
        try:
            count = self.courier.writes.attempt("recover", outbox_states.recover_in_flight)
        except Locked:
            return 0
        self._recovered = True
        return count

    async def run(self) -> None:
        """Work the outbox until cancelled."""
        if not self._recovered and self.recover():
            # A crashed process may have sent at full rate a moment ago: let Telegram's
            # one-second windows (overall and per chat) pass before sending again.
            await asyncio.sleep(CHAT_INTERVAL)
        log.info("sender started rate=%.1f/s in_flight=%d", self.settings.send_rate_per_second,
                 self.max_in_flight)
        self._live = True
        self._teller_task = asyncio.create_task(self.teller.run(self.bot, self.db),
                                                name="hold-notices")
        try:
            while not self._stopping:
                self._wake.clear()  # before looking: a wake() during the look is kept
                try:
                    started = await self._dispatch()
                    await self._check_watchers()
                except Exception:  # e.g. the database stayed locked: try again, never stop
                    log.exception("sender loop failed; retrying")
                    started = 0
                if not started:
                    await wait_event(self._wake, self.poll_seconds)
        finally:
            await self._stop_teller()
            if not self._stopping:  # cancelled: a graceful `stop` lets the sends on the wire end
                await self._cancel_tasks()

    async def _stop_teller(self) -> None:
        """Stop telling holds: what is not told stays owed in the database (bot.hold_teller)."""
        task, self._teller_task = self._teller_task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def stop(self, timeout: float) -> None:
        """Stop gracefully (a deploy, SIGTERM): start no new bundle, cancel those still waiting
        for a slot (nothing of theirs was sent: their rows stay pending), and let those with a
        message on the wire finish, for at most `timeout` seconds — a message Telegram already
        has is not sent again at the next start (QA12 F4). Then `run` returns."""
        self._stopping = True
        self._wake.set()
        await self._stop_teller()
        for task, bundle in list(self._tasks.items()):
            if bundle not in self.courier.on_wire:
                task.cancel()
        sending = [t for t, b in self._tasks.items() if b in self.courier.on_wire]
        if sending:
            await asyncio.wait(sending, timeout=timeout)
        await self._cancel_tasks()
        writes = self.courier.writes
        if writes.owed and not writes.settle(wait=timeout):
            # the lock outlived the stop: those rows stay 'sending', sent again at the next
            # start as after a crash (at least once)
            log.warning("sender stopped with delivery outcomes not written (the database stayed "
                        "locked): their messages may be sent again at the next start "
                        "outcomes=%d", writes.owed)
        log.info("sender stopped gracefully in_flight_finished=%d", len(sending))

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
            stats = outbox_upkeep.queue_stats(self.db, self.clock())
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
        return bool(outbox_states.due_rows(self.db, horizon, limit=1))

    async def _dispatch(self) -> int:
        """Start a task per due bundle (bounded by max_in_flight). Returns how many started.

        Nothing starts while the database refuses the sender's writes, or before the outcomes
        owed from earlier bundles are written (bot.owed): their rows must be marked before any
        other claim, and a pass under a lock costs the event loop one short wait at most."""
        if self._stopping:
            return 0
        writes = self.courier.writes
        if writes.blocked() or not writes.settle():
            return 0
        if not self._recovered and (self.recover() or not self._recovered):
            return 0  # rows a crash left 'sending' are pending again: the next pass sends them
        self._skip_overdue()
        # in slices: readers' updates are answered while a long pass (a daily digest) plans
        bundles = await self.planner.plan_sliced(self._busy, self._live)
        if self._stopping:  # stopped during the pass: nothing new starts (`stop`)
            return 0
        for bundle in bundles:
            await self._slots.acquire()
            if self._stopping:  # stopped while waiting for a slot
                self._slots.release()
                break
            bundle = self._fresh_language(bundle)
            self._busy.add(bundle.chat_id)
            task = asyncio.create_task(self.courier.deliver(bundle), name=f"send:{bundle.chat_id}")
            self._tasks[task] = bundle
            task.add_done_callback(functools.partial(self._finished, bundle=bundle))
        self.limiter.forget_idle()
        return len(bundles)

    def _skip_overdue(self) -> None:
        """Every LATE_CHECK_SECONDS, the due rows over a day late are skipped, not sent as
        news (digests.late_rows: the start drops them after a long stop; a bot that stayed up
        while Telegram could not be reached for days sent them when it came back: X107). The
        first check comes a LATE_CHECK_SECONDS after the sender's start, after the start's own
        (bot.restart_note, which tells the admins)."""
        if time.monotonic() - self._late_checked < LATE_CHECK_SECONDS:
            return
        self._late_checked = time.monotonic()
        try:
            rows, chats = self.courier.writes.attempt("late rows", late_rows.skip_overdue,
                                                      self.clock())
        except Locked:
            return  # tried again at the next check
        if rows:
            log.warning("deliveries more than a day past due skipped rows=%d chats=%d (not sent"
                        " as new: Telegram could not be reached for so long?)", rows, chats)

    def _fresh_language(self, bundle: Bundle) -> Bundle:
        """The bundle in its chat's language as it is now (QA27 D4): a reader who switched
        language while the bundle waited for a slot (seconds in a broadcast) reads it in the
        new one."""
        row = self.db.db.execute("select language from chats where id = ?",
                                 [bundle.chat_id]).fetchone()
        if row is None or row[0] == bundle.language:
            return bundle
        return dataclasses.replace(bundle, language=row[0])

    def _finished(self, task: asyncio.Task[None], bundle: Bundle) -> None:
        self._tasks.pop(task, None)
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
            progress = push_queue.push_progress(self.db, int(kind.split(":", 1)[1]))
            if not progress.done:
                continue
            for callback in self._watchers.pop(kind):
                try:
                    result = callback(progress)
                    if asyncio.iscoroutine(result):
                        await result
                except Exception:  # a watcher's bug must not stop deliveries
                    log.exception("push progress callback failed kind=%s", kind)
