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

Delivery policy (the details are in bot.courier and the README):
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
import contextlib
import dataclasses
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from telegram import Bot

from bot.bundles import Bundle, Render, TopicsOf, bundle_kind
from bot.courier import Courier, SenderStats
from bot.limiter import CHAT_INTERVAL, RateLimiter, wait_event
from bot.origins import row_topics
from bot.owed import Locked
from bot.shown_stories import GENERAL_ROOM, MAX_BUNDLE, PER_TOPIC, choose_shown, topic_share
from digests import (
    bundle_facts,
    delivery_times,
    outbox_states,
    outbox_upkeep,
    push_queue,
    story_updates,
)
from digests.models import Digest, iso
from digests.repeats import Queued, repeating_rows, skip_repeats
from digests.settings import Settings
from digests.storage import Database

# MAX_BUNDLE, GENERAL_ROOM, PER_TOPIC, choose_shown and topic_share live in bot.shown_stories
# (Y7); they stay importable here.
__all__ = ["GENERAL_ROOM", "MAX_BUNDLE", "Bundle", "ProgressCallback", "RateLimiter",
           "Render", "PER_TOPIC", "Sender", "SenderStats", "choose_shown",
           "default_render", "topic_share", "utc_now"]

log = logging.getLogger(__name__)

ProgressCallback = Callable[[push_queue.PushProgress], Awaitable[None] | None]

# Rows whose articles are read for the chat's topics (the newest queued): the alert test costs
# about 1 ms an article per topic on the event loop, and after a long outage a chat has up to
# MAX_DUE rows; a daily digest has 15–25 (QA18's week).
TOPIC_CHECK = 200
MAX_DUE = 500  # a chat's due rows taken into one bundle (after a long outage, more wait)
# At most one instant bundle per chat this often (QA16 F4): a poll stores its articles one by
# one for a minute or more, and the sender, looking every second, sent each chat a bundle headed
# «📰 جديد «سوريا»» for every story or two as they came (24 in three days' polls for one chat).
# The first alert after a quiet spell goes at once; what comes within the gap waits and goes
# as one bundle (the best MAX_BUNDLE and a line for the rest). Pushes and daily digests are not
# spaced.
INSTANT_GAP = timedelta(minutes=5)
# The first alert after a quiet spell waits until its chat's due rows stop growing for this many
# seconds (QA26 N4): a poll stores its new articles one by one (22 in 1.2 s), and the sender,
# looking every second, sent the first one stored alone, then the rest five minutes later.
# What one fetch brings now comes as one bundle, seconds after it is stored; SETTLE_MAX bounds the
# wait while a slow poll keeps storing. Only the running sender waits (`run`): `run_once` and
# `drain` (the CLI, tests) send what is due.
INSTANT_SETTLE = 3.0
SETTLE_MAX = 30.0
# The wall clock and the monotonic clock parting by more than this is a clock jump (QA27 D3)
CLOCK_JUMP = timedelta(minutes=1)
# Kinds (besides 'instant') a chat's quiet hours hold at send time; a push ('push:') is not held.
HELD_KINDS = ("update:", "daily:")


def utc_now() -> datetime:
    """The current time in UTC (the sender's default clock)."""
    return datetime.now(timezone.utc)


def last_instant_before(db: Database, chat_id: int, now: datetime) -> datetime | None:
    """When the chat was last sent an instant alert at or before `now` (None: never); the
    `sent_at` written under a clock since set back lie after `now` and are not counted."""
    row = db.db.execute("select max(sent_at) from outbox where chat_id = ? and kind = 'instant'"
                        " and status = 'sent' and sent_at <= ?", [chat_id, iso(now)]).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


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
                 limiter: RateLimiter | None = None) -> None:
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
            limiter: the rate limiter, shared with the bot's answers to readers
                (bot.reply_limiter); by default one of its own at `send_rate_per_second`.
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
        self.instant_gap = instant_gap
        self.instant_settle = instant_settle
        # chat → (first seen, last grown, rows) of a first alert settling (monotonic seconds)
        self._settling: dict[int, tuple[float, float, int]] = {}
        self._live = False  # `run` waits for a fetch's rows to settle; run_once does not
        self._clock_seen: tuple[datetime, float] | None = None  # (wall, wall − monotonic)
        self.limiter = limiter or RateLimiter(settings.send_rate_per_second)
        self.stats = SenderStats()
        self._wake = asyncio.Event()
        self._busy: set[int] = set()
        self._tasks: dict[asyncio.Task[None], Bundle] = {}
        self._stopping = False
        self._slots = asyncio.Semaphore(self.max_in_flight)
        self._watchers: dict[str, list[ProgressCallback]] = {}
        self._recovered = False
        self.courier = Courier(self.db, bot, self.render, self.limiter, self.stats,
                               default_language=settings.default_language, clock=clock,
                               retry_delay=retry_delay, busy=self._busy, topics_of=topics_of)

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
            if not self._stopping:  # cancelled: a graceful `stop` lets the sends on the wire end
                await self._cancel_tasks()

    async def stop(self, timeout: float) -> None:
        """Stop gracefully (a deploy, SIGTERM): start no new bundle, cancel those still waiting
        for a slot (nothing of theirs was sent: their rows stay pending), and let those with a
        message on the wire finish, for at most `timeout` seconds — a message Telegram already
        has is not sent again at the next start (QA12 F4). Then `run` returns."""
        self._stopping = True
        self._wake.set()
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
            log.warning("sender stopped with %d delivery outcomes not written (the database "
                        "stayed locked): their messages may be sent again at the next start",
                        writes.owed)
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

    def _clock_jumped(self) -> None:
        """Compare the wall clock with the monotonic one (QA27 D3): when they part by more than
        CLOCK_JUMP (NTP stepping a wrong clock, a host set to local time corrected), log one
        WARNING with the jump and re-plan the alerts held for later (outbox_states.replan_held):
        their times were computed under the wrong clock. A pinned clock (tests) is not watched."""
        wall = self.clock()
        mono = time.monotonic()
        offset = wall.timestamp() - mono
        before, self._clock_seen = self._clock_seen, (wall, offset)
        if before is None or wall == before[0]:
            return
        jump = offset - before[1]
        if abs(jump) < CLOCK_JUMP.total_seconds():
            return
        try:
            count = self.courier.writes.attempt("clock jump", outbox_states.replan_held, wall)
        except Locked:
            self._clock_seen = before  # seen again at the next pass
            return
        log.warning("clock jump: the wall clock moved %+.0f s against the monotonic clock "
                    "now=%s; held alerts re-planned rows=%d", jump, wall.isoformat(), count)

    def _plan(self) -> list[Bundle]:
        self._clock_jumped()
        rows = outbox_states.due_rows(self.db, self.clock(), limit=1000, exclude_chats=self._busy,
                                      per_chat=MAX_DUE)
        per_chat: dict[int, list[outbox_states.DueRow]] = {}
        for r in rows:  # whole chats (due_rows)
            per_chat.setdefault(r.chat_id, []).append(r)
        self.courier.forget_renderings()  # relative times stay fresh for one plan
        bundles = []
        now = self.clock()
        ready: list[tuple[int, list[outbox_states.DueRow]]] = []  # not held nor spaced: sent now
        for chat_id, rs in per_chat.items():
            # Quiet hours again at send time (QA19 N2): rows queued in the evening but due only
            # after a restart at night wait for the morning. Alerts, updates and a daily digest
            # (queued after the quiet hours, so found due inside them only when the bot was
            # down at the reader's hour: brief X25); an admin's push is sent when asked.
            held = [r for r in rs if r.kind == "instant" or r.kind.startswith(HELD_KINDS)]
            until = delivery_times.quiet_until(self.db.db, chat_id, now) if held else None
            if until is not None:
                with contextlib.suppress(Locked):  # still due: held at a later pass
                    self.courier.writes.attempt("quiet", outbox_states.postpone,
                                                [r.id for r in held], until)
                rs = [r for r in rs if r not in held]
                if not rs:
                    continue
            if self.instant_gap and bundle_kind(r.kind for r in rs) == "instant":
                last = outbox_states.last_instant(self.db, chat_id)
                if last is not None and last > now:
                    # written under a clock since set back (or during a forward glitch): that
                    # time says nothing, the last alert sent before now spaces this one (None:
                    # it goes now). QA32 R1: taken as "now", it postponed the alert by the gap
                    # at every pass until the clock caught up — an hour after a 1-h step.
                    last = last_instant_before(self.db, chat_id, now)
                if last is not None and now - last < self.instant_gap:
                    with contextlib.suppress(Locked):  # still due: postponed at a later pass
                        self.courier.writes.attempt("postpone", outbox_states.postpone,
                                                    [r.id for r in rs], last + self.instant_gap)
                    continue
                if self._live and self._settling_rows(chat_id, len(rs)):
                    continue  # more of the same fetch may come: one bundle for it (QA26 N4)
            ready.append((chat_id, rs))
        self._settling = {c: v for c, v in self._settling.items() if c in per_chat}
        # an update that now repeats what the chat had from another story (sent after the
        # update was queued) is skipped, not sent (brief X27): asked for every chat at once,
        # so an update due in many chats (the morning after quiet hours) is analyzed once
        repeating = self._repeating([r for _c, rs in ready for r in rs], now)
        for chat_id, rs in ready:
            rs = [r for r in rs if r.id not in repeating]
            if not rs:
                continue
            ranked = len(rs) > 1 and (len(rs) > MAX_BUNDLE
                                      or bundle_kind(r.kind for r in rs).startswith("daily:"))
            weights = bundle_facts.story_weights(
                self.db.db, [(r.story_id, r.article_id) for r in rs]) if ranked else {}
            # the chat's followed topics first (QA18 R6): which topic each row answers
            topical = row_topics(self.db, chat_id, [r.article_id for r in rs[-TOPIC_CHECK:]]
                                 ) if ranked else {}
            general = bool(topical) and bundle_facts.follows_general(self.db.db, chat_id)
            shown, counted = choose_shown(rs, weights, topics=topical, general=general)
            # which shown stories the chat was sent before (QA18 R10: a story's next-day
            # report, digests.story_updates.queue_updates): marked «🔄 تحديث» for this chat only
            updates = story_updates.update_articles(self.db.db, [r.id for r in shown])
            # Every row rides with the bundle (claimed, then sent together): the counted ones
            # are "delivered" as the «و٣٨ خبرًا آخر» line, not queued for another bundle.
            bundles.append(Bundle(chat_id, tuple(r.id for r in shown + counted),
                                  tuple(r.article_id for r in shown),
                                  frozenset(r.kind for r in rs), max(r.attempts for r in rs),
                                  is_group=chat_id < 0 or rs[0].chat_type != "private",
                                  language=rs[0].language, more=len(counted),
                                  thread=rs[0].thread_id,
                                  hidden=tuple(r.article_id for r in counted),
                                  updates=frozenset(updates), chat_type=rs[0].chat_type))
        return bundles

    def _settling_rows(self, chat_id: int, rows: int) -> bool:
        """Whether a chat's first instant alert still waits: its due rows grew within the last
        `instant_settle` seconds, and it has waited less than SETTLE_MAX (INSTANT_SETTLE)."""
        if self.instant_settle <= 0:
            return False
        mono = time.monotonic()
        first, grown, seen = self._settling.get(chat_id, (mono, mono, 0))
        if rows != seen:
            grown = mono
        if mono - grown >= self.instant_settle or mono - first >= SETTLE_MAX:
            self._settling.pop(chat_id, None)
            return False
        self._settling[chat_id] = (first, grown, rows)
        return True

    def _repeating(self, rs: list[outbox_states.DueRow], now: datetime) -> set[int]:
        """The ids of the update rows among `rs` (due now, any chats) that repeat news their
        chat was sent under another story, or that a new story of the same bundle tells
        (digests.repeats.repeating_rows), recorded skipped
        with story_updates.REPEAT_REASON. The outbox asked when it queued them; the chat may
        have been sent the other story since (an update held for the night, a daily digest's update
        waiting for its hour). About 8 ms an update row on the event loop, once per update
        article for all its chats (benchmarks/update_recheck.py); other rows cost one query.
        While the database refuses the write, the rows wait (asked again at the next pass)."""
        rows = [r for r in rs if not r.kind.startswith("push:") and r.article_id is not None]
        updates = story_updates.update_articles(self.db.db, [r.id for r in rows]) if rows else set()
        queued = [Queued(r.id, r.chat_id, r.article_id, r.story_id) for r in rows
                  if r.article_id is not None and r.article_id in updates]
        if not queued:
            return set()
        # the new stories going with an update: one of them may tell the same news
        alongside: dict[int, list[tuple[int, int]]] = {}
        for r in rs:  # an admin's push among them too
            if r.article_id is not None and r.article_id not in updates:
                alongside.setdefault(r.chat_id, []).append((r.article_id, r.story_id))
        try:
            repeating = set(repeating_rows(self.db.db, queued, now, alongside))
        except Exception:  # an analysis bug must not stop deliveries: sent as queued
            log.exception("update re-check failed rows=%d", len(queued))
            return set()
        if repeating:
            with contextlib.suppress(Locked):  # still pending: asked again at a later pass
                self.courier.writes.attempt("repeats", skip_repeats, sorted(repeating))
        return repeating

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
        bundles = self._plan()
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
