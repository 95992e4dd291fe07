"""The sender's plan: which due outbox rows go now, as which bundles (split from bot.sender).

Each pass of the sender (bot.sender.Sender._dispatch) asks `Planner.plan` for the bundles to
send. On the way the plan applies the delivery rules that decide *when*, not *how*:

- a chat's quiet hours, looked at again at send time (QA19 N2): alerts, updates and daily
  digests found due inside them are postponed to their end (a digest in its own hour is not:
  QA47 Z1); an admin's push is not held, but goes silently in a chat inside its quiet hours or
  in daily mode (QA57-14: Telegram's disable_notification);
- at most one instant bundle a chat per INSTANT_GAP (QA16 F4), and a first alert waits for its
  fetch's rows to stop coming (INSTANT_SETTLE, the running sender only: QA26 N4);
- a chat that follows only the general digest is sent a minor story (fewer than URGENT_SITES
  sites) with the next message worth an interruption, or with others after GENERAL_HOLD
  (QA79-16: digests.general_hold);
- a clock jump re-plans the alerts held for later (QA27 D3);
- an update repeating news its chat had under another story is skipped (brief X27);
- a new story the event-fold decision judges one event with a story the chat was sent in 48 h
  (or that goes before it in the bundle) comes as «🔄 تحديث» when it brings a new outcome or
  toll, else is skipped as a repeat (X140: digests.event_folds);
- a row whose chat muted its source after it was queued is skipped (X61: digests.reader_sources),
  an admin's push's too (X135);
- a bundle shows the best MAX_BUNDLE stories, the chat's topics first (bot.shown_stories).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Generator
from datetime import datetime, timedelta

from bot.bundles import Bundle, bundle_kind
from bot.courier import Courier
from bot.origins import PassTopics, row_topics
from bot.owed import Locked
from bot.shown_stories import MAX_BUNDLE, choose_shown
from digests import (bundle_facts, delivery_times, earlier_headlines, event_folds,
                     general_hold, outbox_states, reader_sources, story_updates)
from digests.story_sites import story_sites
from digests.models import iso
from digests.repeats import Queued, repeating_rows, skip_repeats
from digests.storage import Database

log = logging.getLogger(__name__)

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
# The running sender's pass gives the event loop its turn this often (plan_sliced, QA72-2): a
# reader's update waits at most about this long for a pass, not the whole pass.
SLICE_SECONDS = 0.02
# Kinds (besides 'instant') a chat's quiet hours hold at send time; a push ('push:') is not held.
HELD_KINDS = ("update:", "daily:")


def last_instant_before(db: Database, chat_id: int, now: datetime) -> datetime | None:
    """When the chat was last sent an instant alert at or before `now` (None: never); the
    `sent_at` written under a clock since set back lie after `now` and are not counted."""
    row = db.db.execute("select max(sent_at) from outbox where chat_id = ? and kind = 'instant'"
                        " and status = 'sent' and sent_at <= ?", [chat_id, iso(now)]).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


class Planner:
    """The sender's planning state: the clock it plans by, the instant gap and settle wait, the
    chats whose first alert is settling, and the clock last seen (for jumps)."""

    def __init__(self, db: Database, courier: Courier, clock: Callable[[], datetime], *,
                 instant_gap: timedelta = INSTANT_GAP,
                 instant_settle: float = INSTANT_SETTLE,
                 general_hold: timedelta = timedelta(0)) -> None:
        self.db = db
        self.courier = courier
        self.clock = clock
        self.instant_gap = instant_gap
        self.instant_settle = instant_settle
        self.general_hold = general_hold  # 0: the general digest's stories go as they come
        # chat → (first seen, last grown, rows) of a first alert settling (monotonic seconds)
        self.settling: dict[int, tuple[float, float, int]] = {}
        self.clock_seen: tuple[datetime, float] | None = None  # (wall, wall − monotonic)

    def clock_jumped(self) -> None:
        """Compare the wall clock with the monotonic one (QA27 D3): when they part by more than
        CLOCK_JUMP (NTP stepping a wrong clock, a host set to local time corrected), log one
        WARNING with the jump and re-plan the alerts held for later (outbox_states.replan_held):
        their times were computed under the wrong clock. A pinned clock (tests) is not watched."""
        wall = self.clock()
        mono = time.monotonic()
        offset = wall.timestamp() - mono
        before, self.clock_seen = self.clock_seen, (wall, offset)
        if before is None or wall == before[0]:
            return
        jump = offset - before[1]
        if abs(jump) < CLOCK_JUMP.total_seconds():
            return
        try:
            count = self.courier.writes.attempt("clock jump", outbox_states.replan_held, wall)
        except Locked:
            self.clock_seen = before  # seen again at the next pass
            return
        log.warning("clock jump: the wall clock moved %+.0f s against the monotonic clock "
                    "now=%s; held alerts re-planned rows=%d", jump, wall.isoformat(), count)

    def plan(self, busy: set[int], live: bool) -> list[Bundle]:
        """The bundles to send now, a chat's due rows in each (chats in `busy`, sending a bundle
        already, are left for a later pass); rows held by quiet hours or spaced by the instant
        gap are postponed on the way. `live`: the running sender, whose first alerts settle.
        In one go: the CLI, tests and benchmarks; the running sender uses `plan_sliced`."""
        steps = self._plan_steps(busy, live)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value

    async def plan_sliced(self, busy: set[int], live: bool) -> list[Bundle]:
        """`plan`, giving the event loop its turn every SLICE_SECONDS between chats (QA72-2: a
        daily digest's pass over 1,000 chats held the loop for seconds to minutes, and readers'
        searches and /stats waited for it). The pass is still the sender's only one (its loop
        awaits it), its reads and writes still on the loop's thread and connection: one
        writer, the same order; what a reader's update changes meanwhile (a /mute, an
        /unsubscribe) is met by the checks made when each bundle is claimed and sent, as it
        is between two passes."""
        steps = self._plan_steps(busy, live)
        began = time.monotonic()
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value
            if time.monotonic() - began >= SLICE_SECONDS:
                await asyncio.sleep(0)
                began = time.monotonic()

    def _plan_steps(self, busy: set[int], live: bool
                    ) -> Generator[None, None, list[Bundle]]:
        """The plan, yielding after each chat (a place the event loop may take its turn)."""
        self.clock_jumped()
        rows = outbox_states.due_rows(self.db, self.clock(), limit=1000, exclude_chats=busy,
                                      per_chat=MAX_DUE)
        per_chat: dict[int, list[outbox_states.DueRow]] = {}
        for r in rows:  # whole chats (due_rows)
            per_chat.setdefault(r.chat_id, []).append(r)
        self.courier.forget_renderings()  # relative times stay fresh for one plan
        bundles = []
        now = self.clock()
        ready: list[tuple[int, list[outbox_states.DueRow]]] = []  # not held nor spaced: sent now
        for chat_id, rs in per_chat.items():
            yield
            # Quiet hours again at send time (QA19 N2): rows queued in the evening but due only
            # after a restart at night wait for the morning. Alerts, updates and a daily digest
            # found due after its hour (the bot was down at the reader's hour: brief X25); a
            # digest in its hour goes, quiet or not (QA47 Z1); an admin's push is sent when asked.
            held = [r for r in rs if r.kind == "instant" or r.kind.startswith(HELD_KINDS)]
            if any(r.kind.startswith("daily:") for r in held) and \
                    delivery_times.daily_on_time(self.db.db, chat_id, now):
                held = [r for r in held if not r.kind.startswith("daily:")]
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
                if self.general_hold and self.held_general(chat_id, now):
                    continue  # minor stories wait for company, or come with this one next pass
                if live and self.settling_rows(chat_id, len(rs)):
                    continue  # more of the same fetch may come: one bundle for it (QA26 N4)
            ready.append((chat_id, rs))
        self.settling = {c: v for c, v in self.settling.items() if c in per_chat}
        # a row queued before its chat muted the source is not sent (X61): one query per pass
        muted = self.muted([r for _c, rs in ready for r in rs], now)
        # an update that now repeats what the chat had from another story (sent after the
        # update was queued) is skipped, not sent (brief X27): asked for every chat at once,
        # so an update due in many chats (the morning after quiet hours) is analyzed once
        repeating = self.repeating([r for _c, rs in ready for r in rs], now)
        # a new story of an event the chat had (or gets first in this bundle) under another
        # story: «🔄 تحديث» when it brings something new, else skipped (X140, QA79-1/-3/-9/-10)
        skipped, renewed = self.folded(
            [r for _c, rs in ready for r in rs if r.id not in repeating and r.key not in muted],
            now)
        # per article and story once a pass, not once a chat (QA72-1: a daily digest sends the
        # same ~130 stories to thousands of chats; per chat, 1,000 chats took 179 s)
        memory = PassTopics(self.db)
        weighed = bundle_facts.story_weights(
            self.db.db, {(r.story_id, r.article_id) for _c, rs in ready for r in rs
                         if len(rs) > 1})
        for chat_id, rs in ready:
            yield
            rs = [r for r in rs if r.id not in repeating and r.key not in muted
                  and r.key not in skipped]
            if not rs:
                continue
            ranked = len(rs) > 1 and (len(rs) > MAX_BUNDLE
                                      or bundle_kind(r.kind for r in rs).startswith("daily:"))
            # an instant bundle of several stories puts the best-covered first too (QA34 R3)
            weights = {r.story_id: weighed[r.story_id] for r in rs} if len(rs) > 1 else {}
            # the chat's followed topics first (QA18 R6): which topic each row answers
            topical = row_topics(self.db, chat_id, [r.article_id for r in rs[-TOPIC_CHECK:]],
                                 memory) if ranked else {}
            general = bool(topical) and bundle_facts.follows_general(self.db.db, chat_id)
            shown, counted = choose_shown(rs, weights, topics=topical, general=general)
            # which shown stories the chat was sent before (QA18 R10: a story's next-day
            # report, digests.story_updates.queue_updates): marked «🔄 تحديث» for this chat only
            updates = story_updates.update_articles(self.db.db, [r.id for r in shown]) | {
                r.article_id for r in shown
                if r.article_id is not None and (r.chat_id, r.article_id) in renewed}
            # of them, the reports the chat was sent, corrected in place: «🔄 تعديل» (X84)
            revised = (story_updates.revised_articles(self.db.db, [r.id for r in shown])
                       if updates else set())
            # and what the chat read of them before (QA63-12: «كان: …», «١٠ ← ١٧»)
            was = (earlier_headlines.read_before(
                self.db.db, [r.id for r in shown if r.article_id in revised & updates])
                if revised & updates else {})
            # Every row rides with the bundle (claimed, then sent together): the counted ones
            # are "delivered" as the «و٣٨ خبرًا آخر» line, not queued for another bundle.
            # a daily digest row's items ride as their row, claimed once (digests.daily_rows)
            bundles.append(Bundle(chat_id, tuple(dict.fromkeys(r.id for r in shown + counted)),
                                  tuple(r.article_id for r in shown),
                                  frozenset(r.kind for r in rs), max(r.attempts for r in rs),
                                  is_group=chat_id < 0 or rs[0].chat_type != "private",
                                  language=rs[0].language, more=len(counted),
                                  thread=rs[0].thread_id,
                                  hidden=tuple(r.article_id for r in counted),
                                  updates=frozenset(updates), chat_type=rs[0].chat_type,
                                  revised=frozenset(revised & updates),
                                  was=tuple(sorted(was.items())),
                                  silent=any(r.kind.startswith("push:") for r in rs)
                                  and delivery_times.push_silent(self.db.db, chat_id, now),
                                  parts=tuple(sorted({(r.id, r.seen) for r in rs
                                                      if r.part >= 0}))))
        return bundles

    def held_general(self, chat_id: int, now: datetime) -> bool:
        """Whether the instant rows due for a chat that follows only the general digest wait
        (digests.general_hold, QA79-16): minor stories are postponed until they go, and when
        something goes now the chat's held rows are brought forward to go with it at the next
        pass (True then too). While the database refuses the write, they wait as they are."""
        if not general_hold.general_only(self.db.db, chat_id):
            return False
        waiting = general_hold.waiting(self.db.db, chat_id)
        found = story_sites(self.db.db, (w.story_id for w in waiting if w.story_id >= 0))
        sites = {s: len(v) for s, v in found.items()}
        when = general_hold.release(waiting, sites, now, hold=self.general_hold)
        if when > now:  # all wait until `when` (the due ones, and any held for another time)
            later = [w.id for w in waiting if w.not_before != when]
        else:  # those held go with this message: due now, sent at the next pass
            later = [w.id for w in waiting if w.not_before is not None and w.not_before > now]
        if later:
            with contextlib.suppress(Locked):  # still due: held at a later pass
                self.courier.writes.attempt("general hold", outbox_states.postpone, later,
                                            max(when, now))
        return bool(later) or when > now

    def settling_rows(self, chat_id: int, rows: int) -> bool:
        """Whether a chat's first instant alert still waits: its due rows grew within the last
        `instant_settle` seconds, and it has waited less than SETTLE_MAX (INSTANT_SETTLE)."""
        if self.instant_settle <= 0:
            return False
        mono = time.monotonic()
        first, grown, seen = self.settling.get(chat_id, (mono, mono, 0))
        if rows != seen:
            grown = mono
        if mono - grown >= self.instant_settle or mono - first >= SETTLE_MAX:
            self.settling.pop(chat_id, None)
            return False
        self.settling[chat_id] = (first, grown, rows)
        return True

    def muted(self, rs: list[outbox_states.DueRow], now: datetime) -> set[tuple[int, int]]:
        """The rows among `rs` (`DueRow.key`: a daily digest's item too) whose chat has muted
        their article's source since they were queued (digests.reader_sources.muted_rows),
        recorded skipped; an admin's push's too (X135: a mute holds for /push, and a push row
        queued before it went out; the push's report counts them, push_queue.push_progress).
        While the database refuses the write, they wait (not sent)."""
        ids = [r.id for r in rs if r.article_id is not None and r.part < 0]
        found = reader_sources.muted_rows(self.db.db, ids) if ids else set()
        items = reader_sources.muted_items(self.db.db, [(r.chat_id, r.article_id, r.id, r.part)
                                                        for r in rs if r.part >= 0])
        if found or items:
            with contextlib.suppress(Locked):  # still pending: asked again at a later pass
                self.courier.writes.attempt("muted", reader_sources.skip_muted, sorted(found),
                                            now, sorted(items))
        return {(i, -1) for i in found} | items

    def repeating(self, rs: list[outbox_states.DueRow], now: datetime) -> set[int]:
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

    def folded(self, rs: list[outbox_states.DueRow], now: datetime
               ) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
        """Among `rs` (due now, any chats), the new stories' rows and daily digest items that
        tell an event the chat was sent in the last 48 h, or that a row before them in the same
        bundle tells, under another story (digests.event_folds): the keys of those skipped as
        repeats (recorded with story_updates.REPEAT_REASON) and the (chat, article) of those
        sent as «🔄 تحديث» (they bring a new outcome or toll). Updates and pushes are not asked.
        An analysis bug must not stop deliveries: all sent as queued then; while the database
        refuses the write, the skipped rows wait (asked again at the next pass)."""
        rows = [r for r in rs if not r.kind.startswith("push:") and r.article_id is not None]
        if not rows:
            return set(), set()
        try:
            updates = story_updates.update_articles(self.db.db, [r.id for r in rows])
            new = [event_folds.NewRow(r.key, r.chat_id, r.article_id, r.story_id)
                   for r in sorted(rows, key=lambda r: r.queued)
                   if r.article_id is not None and r.article_id not in updates]
            along: dict[int, list[tuple[int, int]]] = {}  # the updates going with them
            for r in rows:
                if r.article_id is not None and r.article_id in updates:
                    along.setdefault(r.chat_id, []).append((r.article_id, r.story_id))
            folds = event_folds.fold_rows(self.db.db, new, now, along)
        except Exception:
            log.exception("event fold check failed rows=%d", len(rows))
            return set(), set()
        skipped = {f.key for f in folds if not f.update}
        if skipped:
            try:
                self.courier.writes.attempt("folds", event_folds.skip_folded, sorted(skipped),
                                            now)
            except Locked:  # still pending: asked again at a later pass
                pass
        return skipped, {(f.chat_id, f.article_id) for f in folds if f.update}
