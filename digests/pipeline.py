"""The ingest pipeline: poll due sources, fetch new entries' pages, store each article once.

Network first, then storage: no transaction is ever open across a fetch. Due feeds are fetched
concurrently (the fetcher bounds requests per host); only entries not yet stored (by GUID or URL,
tombstones included) get their page fetched, oldest first across all sources, and each article is
stored in its own transaction together with `digests.processing.run_steps` (search index, story,
digest, deliveries) as soon as it and every older entry are ready. Pages that failed on an earlier
poll are fetched again (`digests.retries`) for every source whose feed answered; a page gone for
good (HTTP 404/410) is not: its article is stored as backfill, marked gone, never pushed.
Publication times follow `digests.dates.publication_time`, with the offset each source writes its
dates in learned at each poll. One bad source never stops the others: its failure is recorded
with backoff.
One source's feed read and its recorded outcome live in digests.source_work, one entry's page
fetch in digests.page_fetch, storing one article (and settling one page retry) in
digests.article_store; this module is the poll loop. The report types live in digests.polls and
are re-exported here, as is PUSH_WINDOW.

The poll's store work — each article with its steps, each source's outcome, page retries, the
digest refresh and the `polls` row — runs in the poll's `digests.writer.Writer`: one worker
thread with its own SQLite connection, one call at a time, in order, so the event loop (the
bot's readers, the sender) is free while a poll of long pages stores them (QA14 F2). Feeds are
read and pages fetched on the loop as before; only reads and the feed's own outcome touch the
caller's connection there.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeAlias

from digests import private_hosts, retries, sources
from digests.archive import inserted_id
from digests.article_store import PUSH_WINDOW, retry_one, store_one
from digests.extractor import Extractor
from digests.fetcher import Fetcher
from digests.models import FeedEntry, Source, iso
from digests.page_fetch import Fetched, fetch_page
from digests.polls import PollSummary, SourceReport, SourceStatus, Timings
from digests.settings import Settings
from digests.source_work import Clock, SourceWork, failed, finish, read_feed
from digests.storage import FAULT_LOG, FAULT_TEXT, FAULTS, Database, Fault, fault_in, fault_of
from digests.writer import Writer

__all__ = ["PUSH_WINDOW", "PollSummary", "SourceReport", "SourceStatus", "Timings", "poll_once"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Poll:
    """One poll's inputs, and the records its steps fill in as sources finish."""

    db: Database
    settings: Settings
    now: datetime
    progress: Callable[[SourceReport], None] | None
    writer: Writer  # every store of the poll, in its worker thread
    clock: Clock = field(default_factory=Clock)
    reports: dict[int, SourceReport] = field(default_factory=dict)
    answered: set[int] = field(default_factory=set)  # feed answered (200/304): pages may retry

    def report(self, done: SourceReport) -> None:
        """Keep a source's final report and hand it to `progress` at once."""
        self.reports[done.source_id] = done
        if self.progress is not None:
            self.progress(done)


# A page in flight, and who waits for it: the source that stores it, or the retry it settles.
_Pending: TypeAlias = deque[tuple[SourceWork, asyncio.Future[Fetched]]]
_Again: TypeAlias = deque[tuple[retries.PendingPage, asyncio.Future[Fetched]]]


async def poll_once(db: Database, settings: Settings, *, now: datetime,
                    fetcher: Fetcher | None = None,
                    progress: Callable[[SourceReport], None] | None = None,
                    only_due: bool = True) -> PollSummary:
    """Poll every due source (or all active ones) once, concurrently, and store new articles.

    First every due feed is fetched and parsed concurrently. Then the new entries of all
    sources are taken oldest first (by feed date; undated ones last): their pages are fetched
    concurrently in that order (the fetcher bounds each host) and each article is stored as
    soon as it and every older one are ready, so storing overlaps fetching and extraction and
    article ids follow publication order across sources (stories and related links rely on
    "earlier" meaning a smaller id).

    Args:
        db: the database (no transaction may be open).
        settings: fetch limits, poll interval, private-address rule.
        now: the poll's time (UTC): recorded, and used for backoff and the 48-hour push window.
        fetcher: a shared open Fetcher; one is opened (and closed) for this poll when None.
        progress: called with each source's report as soon as that source is done.
        only_due: False polls every active source regardless of its next poll time.

    Returns:
        The summary (per-source reports, in the order of `sources list`). A `polls` row records
        new / unchanged / failed.
    """
    chosen = sources.due_sources(db, now) if only_due else sources.list_sources(db)
    extractor = Extractor()
    try:
        async with Writer(db) as writer:
            poll_id = await writer.run(_open_poll, now, len(chosen))
            poll = _Poll(db, settings, now, progress, writer)
            if fetcher is None:
                async with Fetcher(settings) as active:
                    retried, recovered = await _run(poll, active, extractor, chosen)
            else:
                retried, recovered = await _run(poll, fetcher, extractor, chosen)
            refreshed = await writer.run(_refresh_digests, writer.stopping.is_set)
            summary = _summarise(poll, chosen, retried, recovered, refreshed)
            await writer.run(_close_poll, poll_id, summary)
    finally:
        extractor.close()
    faulted = [k for r in summary.reports if (k := fault_in(r.error)) is not None]
    if faulted:  # one line for the poll, not one per article (QA16 F2)
        log.error("poll could not store articles sources=%d: %s", len(faulted),
                  FAULT_LOG[faulted[0]])
    log.info("poll done sources=%s new=%s unchanged=%s failed=%s pages_retried=%s"
             " pages_recovered=%s digests_refreshed=%s", len(summary.reports), summary.new,
             summary.unchanged, summary.failed, retried, recovered, refreshed)
    return summary


async def _run(poll: _Poll, fetcher: Fetcher, extractor: Extractor,
               chosen: Sequence[Source]) -> tuple[int, int]:
    """Read the feeds, store new articles oldest first, then settle due page retries.

    Returns:
        (pages retried, pages recovered).
    """
    # the rows polled say whose host may be private, read afresh by each poll (the database
    # the fetcher's settings name may be another; a shared fetcher must not keep a dropped one)
    fetcher.new_poll(s.url for s in chosen if private_hosts.trusted_row(s.url, s.private_host))
    works = await _read_feeds(poll, fetcher, chosen)
    queue = _store_order(works)
    await _start_waiting(poll, works)
    due_pages = _due_pages(poll)
    batch = len(queue) + len(due_pages)
    pending = _fetch_new_pages(poll, fetcher, extractor, queue, batch)
    # Second chances queue behind the new pages (the per-host slots serve them in order).
    again = _fetch_retry_pages(poll, fetcher, extractor, due_pages, batch)
    try:
        await _store_in_order(poll, pending)
        _say_redated(works, poll.now)
        return await _settle_retries(poll, again)
    finally:
        for _, future in pending:  # a crash above must not leave page fetches running
            future.cancel()
        for _, retry in again:
            retry.cancel()


def _say_redated(works: Sequence[SourceWork], now: datetime) -> None:
    """One WARNING per poll and kind for the articles stored at their fetch time because their
    date was in the future (a server clock set back) or implausibly old, with the count and the
    first (QA66-6: a clock a day behind logged one WARNING per stored article)."""
    for kind in ("in the future", "implausibly old"):
        said = [(w.source.id, *w.redated[kind]) for w in works if kind in w.redated]
        if said:
            source, _, first = said[0]
            log.warning("articles dated %s, stored at their fetch time count=%d sources=%d"
                        " first: source=%s %s fetched=%s", kind, sum(n for _, n, _ in said),
                        len(said), source, first, now.isoformat())


async def _read_feeds(poll: _Poll, fetcher: Fetcher, chosen: Sequence[Source]
                      ) -> list[SourceWork]:
    """Read every chosen feed concurrently; the sources with new entries to store."""
    outcomes = await asyncio.gather(*(_read_source(poll, fetcher, s) for s in chosen))
    return [work for work in outcomes if work is not None]


async def _read_source(poll: _Poll, fetcher: Fetcher, source: Source) -> SourceWork | None:
    """Read one feed: its work, or None when the source is settled already (reported)."""
    try:
        outcome = await read_feed(poll.db, poll.settings, fetcher, source, poll.now, poll.clock)
    except Exception as exc:  # one bad source never stops the others
        log.exception("source poll crashed id=%s url=%s", source.id, source.url)
        outcome = failed(poll.db, poll.settings, source, poll.now,
                         f"{type(exc).__name__}: {exc}", None, None)
    if isinstance(outcome, SourceReport):
        poll.report(outcome)
        if outcome.status != "failed":
            poll.answered.add(source.id)
        return None
    poll.answered.add(source.id)
    return outcome


def _store_order(works: Sequence[SourceWork]) -> list[tuple[FeedEntry, SourceWork]]:
    """All new entries, oldest first across sources by feed date; undated ones last."""
    return sorted(((entry, work) for work in works for entry in work.fresh),
                  key=lambda pair: iso(pair[0].published_at) or "~")


async def _start_waiting(poll: _Poll, works: Sequence[SourceWork]) -> None:
    """Count each source's entries as waiting; a source with none is finished now."""
    for work in works:
        work.waiting = len(work.fresh)
        work.fresh = []  # the queue holds the entries now
        if work.waiting == 0:
            await _finish_source(poll, work)


async def _finish_source(poll: _Poll, work: SourceWork) -> None:
    """Record (in the writer) a source whose entries are all settled and report it (here, on
    the caller's thread: `progress` may print or touch the bot); never raises."""
    poll.report(await poll.writer.run(_finished, poll.settings, work, poll.now))


def _finished(db: Database, settings: Settings, work: SourceWork, now: datetime
              ) -> SourceReport:
    """`finish` the source; a failure to record it is its report, never raised."""
    kinds = [k for k in map(fault_in, work.store_errors) if k is not None]
    try:
        done = finish(db, settings, work, now)
    except Exception as exc:  # recording one source's health must not stop the others
        kind = fault_of(exc)
        if kind is None:
            log.exception("source finish failed id=%s", work.source.id)
        error = f"{type(exc).__name__}: {exc}"
        return SourceReport(work.source.id, work.source.name, work.source.url, "failed",
                            entries=work.entries, new=work.new, known=work.known,
                            dropped=work.dropped,
                            error=_fault_error(kind, work) if kind else error)
    if not kinds:
        return done
    # Articles the database could not take: the source failed this poll (not «✅ … ٠ failed»,
    # QA16 F2); they are not in the archive and the feed's validators were not kept, so the
    # next poll reads the feed whole and stores them.
    return replace(done, status="failed", error=_fault_error(kinds[0], work))


def _fault_error(kind: Fault, work: SourceWork) -> str:
    """A source's error when the database would not take its articles."""
    n = len(work.store_errors)
    return f"{FAULT_TEXT[kind]} — تعذر حفظ {n} خبرًا / {n} articles not stored"


def _due_pages(poll: _Poll) -> list[retries.PendingPage]:
    """Feed-only articles of the sources that answered whose page is due for another try."""
    if not poll.settings.fetch_pages:
        return []
    try:
        return retries.due(poll.db.db, poll.answered, poll.now)
    except Exception:  # a failing query costs this poll its retries, nothing else
        log.exception("page retries not read; they wait for the next poll")
        return []


def _fetch_new_pages(poll: _Poll, fetcher: Fetcher, extractor: Extractor,
                     queue: list[tuple[FeedEntry, SourceWork]], batch: int) -> _Pending:
    """Start fetching every queued entry's page, in queue order (done at once if disabled)."""
    pending: _Pending = deque()
    for entry, work in queue:
        if poll.settings.fetch_pages:
            future: asyncio.Future[Fetched] = asyncio.ensure_future(
                fetch_page(fetcher, extractor, entry, batch, poll.clock))
        else:
            future = asyncio.get_running_loop().create_future()
            future.set_result(Fetched(entry, None, "جلب الصفحات معطل / page fetching "
                                       "disabled", None, None))
        pending.append((work, future))
    return pending


def _fetch_retry_pages(poll: _Poll, fetcher: Fetcher, extractor: Extractor,
                       due_pages: list[retries.PendingPage], batch: int) -> _Again:
    """Start fetching every due retry's page again, in the order `retries.due` gave."""
    return deque((due, asyncio.ensure_future(fetch_page(fetcher, extractor,
                                                         FeedEntry(url=due.url), batch,
                                                         poll.clock)))
                 for due in due_pages)


async def _store_in_order(poll: _Poll, pending: _Pending) -> None:
    """Store each article (in the writer) as its page is in, in queue order; finish each source
    on its last. Meaning vectors (SEMANTIC_MODEL) are embedded there too, before each article's
    transaction: off the event loop and outside the write lock."""
    while pending:
        work, future = pending[0]
        item = await future
        pending.popleft()  # drop the page as soon as it is stored
        await poll.writer.run(store_one, poll.settings, work, item, poll.now, poll.clock)
        work.waiting -= 1
        if work.waiting == 0:
            await _finish_source(poll, work)
        # Inline (an in-memory database): let in-flight requests move between stores, so a
        # long run of stores does not starve them into timeouts.
        await asyncio.sleep(0)


async def _settle_retries(poll: _Poll, again: _Again) -> tuple[int, int]:
    """Settle each page retry as its page is in, in order: (retried, recovered)."""
    retried = recovered = 0
    while again:
        due, retry = again[0]
        item = await retry
        again.popleft()
        retried += 1
        recovered += await poll.writer.run(retry_one, poll.settings, due, item, poll.now,
                                           poll.clock)
        await asyncio.sleep(0)
    return retried, recovered


def _open_poll(db: Database, now: datetime, chosen: int) -> int:
    """Insert the poll's `polls` row (its own transaction) and return its id."""
    with db.transaction() as sql:
        return inserted_id(sql.table("polls").insert({"started_at": iso(now),
                                                      "sources": chosen}))


def _summarise(poll: _Poll, chosen: Sequence[Source], retried: int, recovered: int,
               refreshed: int) -> PollSummary:
    """The poll's summary: the reports in the order of `chosen`, and its counts and times."""
    ordered = tuple(poll.reports[s.id] for s in chosen if s.id in poll.reports)
    clock = poll.clock
    return PollSummary(poll.now, ordered, Timings(clock.fetch, clock.extract, clock.store),
                       pages_retried=retried, pages_recovered=recovered,
                       digests_refreshed=refreshed)


def _close_poll(db: Database, poll_id: int, summary: PollSummary) -> None:
    """Record the poll's end and its new (of which backfill) / unchanged / failed counts on its
    `polls` row."""
    with db.transaction() as sql:
        sql.table("polls").update(poll_id, {"finished_at": iso(summary.started_at),
                                            "new": summary.new, "backfill": summary.backfill,
                                            "unchanged": summary.unchanged,
                                            "failed": summary.failed})


def _refresh_digests(db: Database, stopping: Callable[[], bool] = lambda: False) -> int:
    """A batch of digests made by older headline/quote rules is made again (digests.digest).
    `stopping`: true once the poll is cancelled (the bot stops): the batch ends after the
    digest in hand, what was remade committed (QA64-13).

    Each slice is made outside the write lock (the related links' search, the story's reports,
    the condensing: ~0.9 s for 20 digests at 100k articles, all of it once inside BEGIN
    IMMEDIATE, QA72-5: the sender's writes were refused), then written in a short transaction
    that skips a row changed meanwhile (`digests.digest.write_remade`)."""
    from digests.digest import (
        CONDENSER_VERSION,
        REFRESH_BATCH,
        digests_left,
        remake_digests,
        write_remade,
    )

    done = looked = 0
    limit = REFRESH_SLICE
    try:
        # in short transactions: a bot handler's write waits for the write lock at most
        # HANDLER_BUSY_SECONDS (bot.app), and a batch of 200 takes seconds (QA16 F7)
        while looked < REFRESH_BATCH:
            asked = min(limit, REFRESH_BATCH - looked)
            remade = remake_digests(db.db, limit=asked, stop=stopping)  # reads only
            if not remade:
                # every digest current (the usual poll): no write transaction at all — it
                # waited out another program's lock, for nothing, and logged it (REV s26)
                break
            started = _clock()
            with db.transaction() as sql:
                made = write_remade(sql, remade)
            took = _clock() - started  # the write lock's hold
            done += made
            looked += len(remade)
            if stopping():
                log.info("digest refresh stopped with the bot count=%d; the rest waits for"
                         " the next poll", done)
                return done
            if len(remade) < asked and made == len(remade):
                break  # none left (a row changed meanwhile is made again first)
            if took > REFRESH_SLICE_SECONDS:
                # a slow disk (or a busy host) makes even the writes of 20 hold the lock long:
                # fewer a slice from then on (same digests made)
                limit = max(1, int(limit * REFRESH_SLICE_SECONDS / took))
            # SQLite wakes a waiting writer on its own schedule (sleeps of up to 100 ms): back-to-
            # back slices kept every handler from the lock until its 2 s ran out, and readers
            # were told «busy» by our own refresh (QA17 R3). A pause lets a waiting one in.
            time.sleep(REFRESH_PAUSE)
        if done:
            # one line a poll with what is still owed: after an upgrade the remaking of a large
            # archive goes on for many polls, and the operator wants to know how long (QA22 U5)
            with db.transaction() as sql:
                left = digests_left(sql)
            log.info("digests refreshed count=%d left=%d version=%d", done, left,
                     CONDENSER_VERSION)
        return done
    except Exception as exc:  # a failing refresh costs this poll its batch, nothing else
        kind = fault_of(exc)
        if kind is None:
            log.exception("digest refresh failed; it waits for the next poll")
        else:  # a full disk: said once a minute, without a traceback (QA16 F2)
            FAULTS.report(kind, "digest refresh", logger=log)
        return done


REFRESH_SLICE = 20  # digests remade a slice, then written in one transaction
REFRESH_SLICE_SECONDS = 0.25  # a slice's writes that held the lock longer make the next smaller
_clock = time.perf_counter  # the refresh's clock (tests move it)
REFRESH_PAUSE = 0.15  # seconds between slices: longer than SQLite's longest busy-handler sleep
