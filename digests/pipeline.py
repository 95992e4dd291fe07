"""The ingest pipeline: poll due sources, fetch new entries' pages, store each article once.

Network first, then storage: no transaction is ever open across a fetch. Due feeds are fetched
concurrently (the fetcher bounds requests per host); only entries not yet stored (by GUID or URL,
tombstones included) get their page fetched, oldest first across all sources, and each article is
stored in its own transaction together with `digests.processing.run_steps` (search index, story,
digest, deliveries) as soon as it and every older entry are ready. Pages that failed on an earlier
poll are fetched again (`digests.retries`) for every source whose feed answered. Publication
times follow `digests.dates.publication_time`, with the offset each source writes its dates in
learned at each poll. One bad source never stops the others: its failure is recorded with backoff.
The report types live in digests.polls and are re-exported here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, TypeVar


from digests import archive, retries, sources
from digests.archive import inserted_id
from digests.dates import learn_offset, publication_time
from digests.errors import FetchError, ParseError
from digests.feeds import parse_feed
from digests.fetcher import Fetcher, FetchResult
from digests.models import FeedEntry, Page, Source, iso
from digests.polls import PollSummary, SourceReport, SourceStatus, Timings
from digests.extractor import Extractor
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from digests.storage import Database
from digests.urls import url_key

__all__ = ["PUSH_WINDOW", "PollSummary", "SourceReport", "SourceStatus", "Timings", "poll_once"]

log = logging.getLogger(__name__)

PUSH_WINDOW = timedelta(hours=48)
_T = TypeVar("_T")


@dataclass
class _Clock:
    fetch: float = 0.0
    extract: float = 0.0
    store: float = 0.0


@dataclass(frozen=True)
class _Fetched:
    entry: FeedEntry
    page: Page | None
    error: str | None
    etag: str | None
    last_modified: str | None
    retry_after: float | None = None  # the server asked us to wait this long (429/503)


async def _fetch_page(fetcher: Fetcher, extractor: Extractor, entry: FeedEntry, batch: int,
                      clock: _Clock) -> _Fetched:
    started = time.perf_counter()
    try:
        result = await fetcher.fetch(entry.url)
    except FetchError as exc:
        clock.fetch += time.perf_counter() - started
        return _Fetched(entry, None, str(exc), None, None, exc.retry_after)
    clock.fetch += time.perf_counter() - started
    try:
        page, cpu = await extractor.extract(result.text(), result.final_url, batch=batch)
        clock.extract += cpu
    except ParseError as exc:
        return _Fetched(entry, None, f"تعذرت قراءة الصفحة / page unreadable: {exc}", None, None)
    except Exception as exc:  # an extractor bug on one odd page must not cost the source
        log.exception("page extraction failed url=%s", entry.url)
        return _Fetched(entry, None, f"تعذرت قراءة الصفحة / page unreadable: "
                        f"{type(exc).__name__}: {exc}", None, None)
    if not page.paragraphs:  # a consent wall, a script-only page: keep the feed's summary
        return _Fetched(entry, None, "الصفحة بلا نص مقروء / page has no readable article text: "
                        f"{result.final_url}", None, None)
    return _Fetched(entry, page, None, result.etag, result.last_modified)


def _timed(clock: _Clock, fn: Callable[..., _T], *args: Any) -> _T:
    """Run `fn` and add the CPU time of this thread to the extract clock."""
    started = time.thread_time()
    try:
        return fn(*args)
    finally:
        clock.extract += time.thread_time() - started


def _new_entries(db: Database, source: Source, entries: list[FeedEntry]) -> tuple[list[FeedEntry],
                                                                                  int]:
    fresh: list[FeedEntry] = []
    seen: set[str] = set()
    known = 0
    for entry in entries:
        key = url_key(entry.url)
        if key in seen or (entry.guid and f"guid:{entry.guid}" in seen):
            continue
        seen.add(key)
        if entry.guid:
            seen.add(f"guid:{entry.guid}")
        if archive.find_known(db, source.id, entry) is not None:
            known += 1
        else:
            fresh.append(entry)
    return fresh, known


@dataclass
class _SourceWork:
    """A source whose feed changed: its new entries wait to be stored."""

    source: Source
    feed: FetchResult
    entries: int
    fresh: list[FeedEntry]
    known: int
    first_poll: bool
    local_offset: int | None = None  # the source's learned UTC offset (minutes), if any
    waiting: int = 0
    new: int = 0
    duplicates: int = 0
    pages_failed: int = 0
    store_errors: list[str] = field(default_factory=list)
    # (exact feed time, page wall-clock time) of entries that have both: learn_offset's evidence
    offset_pairs: list[tuple[datetime, datetime]] = field(default_factory=list)
    feed_offsets: list[int | None] = field(default_factory=list)


async def _read_feed(db: Database, settings: Settings, fetcher: Fetcher, source: Source,
                     now: datetime, clock: _Clock) -> SourceReport | _SourceWork:
    """Fetch and parse one feed: a final report (failed, 304) or the entries to store."""
    started = time.perf_counter()
    try:
        feed = await fetcher.fetch(source.url, etag=source.etag,
                                   last_modified=source.last_modified)
    except FetchError as exc:
        clock.fetch += time.perf_counter() - started
        return _failed(db, settings, source, now, str(exc), exc.status, exc.retry_after)
    clock.fetch += time.perf_counter() - started
    if feed.not_modified:
        return _succeeded(db, settings, source, now, feed, "unchanged")
    try:
        entries = await asyncio.to_thread(_timed, clock, parse_feed, feed.body, feed.headers,
                                          feed.final_url)
    except ParseError as exc:
        return _failed(db, settings, source, now,
                       f"تعذرت قراءة الخلاصة / feed unreadable: {exc}", feed.status, None)
    fresh, known = _new_entries(db, source, entries)
    return _SourceWork(source, feed, len(entries), fresh, known,
                       first_poll=source.last_success_at is None,
                       local_offset=_source_offset(db, source.id),
                       feed_offsets=[e.published_offset for e in entries
                                     if e.published_at is not None])


def _source_offset(db: Database, source_id: int) -> int | None:
    row = db.db.execute("select utc_offset_minutes from sources where id = ?",
                        [source_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _finish(db: Database, settings: Settings, work: _SourceWork, now: datetime
            ) -> SourceReport:
    """Record a source whose entries are all stored (or failed to store) and report it."""
    # After a store error the feed's validators are not kept, so the next poll reads the whole
    # feed again and retries the entries that did not make it (stored ones are skipped).
    done = _succeeded(db, settings, work.source, now, work.feed,
                      "new" if work.new else "unchanged", keep_validators=not work.store_errors,
                      utc_offset=learn_offset(work.offset_pairs, work.feed_offsets))
    error = None
    if work.store_errors:
        error = (f"تعذر حفظ {len(work.store_errors)} خبرًا / {len(work.store_errors)} articles "
                 "not stored: " + "; ".join(work.store_errors[:3]))
    return SourceReport(work.source.id, work.source.name, work.source.url, done.status,
                        entries=work.entries, new=work.new, known=work.known,
                        duplicates=work.duplicates, pages_failed=work.pages_failed,
                        error=error, next_poll_at=done.next_poll_at)


def _store_one(db: Database, settings: Settings, work: _SourceWork, item: _Fetched,
               now: datetime, clock: _Clock) -> None:
    """Store one article with its processing steps in one transaction; count the outcome."""
    entry, page = item.entry, item.page
    if (page is not None and page.published_at is not None and page.published_offset is None
            and entry.published_at is not None and entry.published_offset is not None):
        work.offset_pairs.append((entry.published_at, page.published_at))
    published = publication_time(
        entry.published_at, entry.published_offset,
        page.published_at if page else None, page.published_offset if page else None,
        source_offset=work.local_offset, default_offset=settings.source_utc_offset_minutes,
        now=now)
    # The resolved time goes in as the entry's, so the archive stores it as the feed's date.
    entry = replace(entry, published_at=published, published_offset=0)
    backfill = work.first_poll or (published is not None and published < now - PUSH_WINDOW)
    started = time.perf_counter()
    try:
        with db.transaction() as sql:
            result = archive.store_article(
                sql, source_id=work.source.id, entry=entry, page=page, now=now,
                page_error=item.error, page_etag=item.etag,
                page_last_modified=item.last_modified)
            if result.article is not None:
                if page is None and settings.fetch_pages:
                    retries.schedule(sql, result.article.id, now, settings,
                                     retry_after=item.retry_after)
                run_steps(sql, result.article, StoreContext(now, settings, backfill=backfill))
    except Exception as exc:  # a failing step rolls back this article only
        log.exception("article not stored source=%s url=%s", work.source.id, item.entry.url)
        work.store_errors.append(f"{item.entry.url}: {type(exc).__name__}: {exc}")
        return
    finally:
        clock.store += time.perf_counter() - started
    if result.outcome == "stored":
        work.new += 1
        work.pages_failed += item.page is None
    elif result.outcome == "duplicate":
        work.duplicates += 1
    else:
        work.known += 1


def _retry_one(db: Database, settings: Settings, due: retries.PendingPage, item: _Fetched,
               now: datetime, clock: _Clock) -> bool:
    """Settle one page retry (digests.retries.settle), timed as store work. True: recovered."""
    started = time.perf_counter()
    try:
        return retries.settle(db, settings, due, item.page, item.error, now=now,
                              source_offset=_source_offset(db, due.source_id), etag=item.etag,
                              last_modified=item.last_modified, retry_after=item.retry_after)
    finally:
        clock.store += time.perf_counter() - started


def _succeeded(db: Database, settings: Settings, source: Source, now: datetime,
               feed: FetchResult, status: SourceStatus, *, keep_validators: bool = True,
               utc_offset: int | None = None) -> SourceReport:
    with db.transaction() as sql:
        sources.record_success(sql, source.id, now, settings, status=feed.status,
                               etag=feed.etag if keep_validators else None,
                               last_modified=feed.last_modified if keep_validators else None,
                               max_age=feed.max_age)
        if utc_offset is not None:  # what this poll learned; otherwise the last value stays
            sql.execute("update sources set utc_offset_minutes = ? where id = ?",
                        [utc_offset, source.id])
    fresh = sources.get_source(db, source.id)
    return SourceReport(source.id, source.name, source.url, status,
                        next_poll_at=fresh.next_poll_at if fresh else None)


def _failed(db: Database, settings: Settings, source: Source, now: datetime, error: str,
            status: int | None, retry_after: float | None) -> SourceReport:
    log.warning("source poll failed id=%s url=%s error=%s", source.id, source.url, error)
    with db.transaction() as sql:
        next_poll = sources.record_failure(sql, source.id, now, settings, error=error,
                                           status=status, retry_after=retry_after)
    return SourceReport(source.id, source.name, source.url, "failed", error=error,
                        next_poll_at=next_poll)


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
    with db.transaction() as sql:
        poll_id = inserted_id(sql.table("polls").insert({"started_at": iso(now),
                                                           "sources": len(chosen)}))
    clock = _Clock()
    reports: dict[int, SourceReport] = {}
    answered: set[int] = set()  # sources whose feed answered (200 or 304): their pages may retry
    retried = recovered = 0

    def report(done: SourceReport) -> None:
        reports[done.source_id] = done
        if progress is not None:
            progress(done)

    def finish(work: _SourceWork) -> None:
        try:
            done = _finish(db, settings, work, now)
        except Exception as exc:  # recording one source's health must not stop the others
            log.exception("source finish failed id=%s", work.source.id)
            done = SourceReport(work.source.id, work.source.name, work.source.url, "failed",
                                entries=work.entries, new=work.new, known=work.known,
                                error=f"{type(exc).__name__}: {exc}")
        report(done)

    async def read(source: Source) -> _SourceWork | None:
        try:
            outcome = await _read_feed(db, settings, active, source, now, clock)
        except Exception as exc:  # one bad source never stops the others
            log.exception("source poll crashed id=%s url=%s", source.id, source.url)
            outcome = _failed(db, settings, source, now, f"{type(exc).__name__}: {exc}", None,
                              None)
        if isinstance(outcome, SourceReport):
            report(outcome)
            if outcome.status != "failed":
                answered.add(source.id)
            return None
        answered.add(source.id)
        return outcome

    async def run() -> None:
        nonlocal retried, recovered
        works = [w for w in await asyncio.gather(*(read(s) for s in chosen)) if w is not None]
        queue = sorted(((entry, work) for work in works for entry in work.fresh),
                       key=lambda pair: iso(pair[0].published_at) or "~")
        for work in works:
            work.waiting = len(work.fresh)
            work.fresh = []  # the queue holds the entries now
            if work.waiting == 0:
                finish(work)
        due_pages: list[retries.PendingPage] = []
        if settings.fetch_pages:
            try:
                due_pages = retries.due(db.db, answered, now)
            except Exception:  # a failing query costs this poll its retries, nothing else
                log.exception("page retries not read; they wait for the next poll")
        batch = len(queue) + len(due_pages)
        pending: deque[tuple[_SourceWork, asyncio.Future[_Fetched]]] = deque()
        for entry, work in queue:
            if settings.fetch_pages:
                future: asyncio.Future[_Fetched] = asyncio.ensure_future(
                    _fetch_page(active, extractor, entry, batch, clock))
            else:
                future = asyncio.get_running_loop().create_future()
                future.set_result(_Fetched(entry, None, "جلب الصفحات معطل / page fetching "
                                           "disabled", None, None))
            pending.append((work, future))
        # Second chances queue behind the new pages (the per-host slots serve them in order).
        again: deque[tuple[retries.PendingPage, asyncio.Future[_Fetched]]] = deque(
            (due, asyncio.ensure_future(_fetch_page(active, extractor, FeedEntry(url=due.url),
                                                    batch, clock)))
            for due in due_pages)
        try:
            while pending:
                work, future = pending[0]
                item = await future
                pending.popleft()  # drop the page as soon as it is stored
                _store_one(db, settings, work, item, now, clock)
                work.waiting -= 1
                if work.waiting == 0:
                    finish(work)
                # Let in-flight requests move between stores: a long run of stores must not
                # starve them into timeouts.
                await asyncio.sleep(0)
            while again:
                due, retry = again[0]
                item = await retry
                again.popleft()
                retried += 1
                recovered += _retry_one(db, settings, due, item, now, clock)
                await asyncio.sleep(0)
        finally:
            for _, future in pending:  # a crash above must not leave page fetches running
                future.cancel()
            for _, retry in again:
                retry.cancel()

    extractor = Extractor()
    try:
        if fetcher is None:
            async with Fetcher(settings) as active:
                await run()
        else:
            active = fetcher
            await run()
    finally:
        extractor.close()
    refreshed = _refresh_digests(db)
    ordered = tuple(reports[s.id] for s in chosen if s.id in reports)
    summary = PollSummary(now, ordered, Timings(clock.fetch, clock.extract, clock.store),
                          pages_retried=retried, pages_recovered=recovered,
                          digests_refreshed=refreshed)
    with db.transaction() as sql:
        sql.table("polls").update(poll_id, {"finished_at": iso(now), "new": summary.new,
                                            "unchanged": summary.unchanged,
                                            "failed": summary.failed})
    log.info("poll done sources=%s new=%s unchanged=%s failed=%s pages_retried=%s"
             " pages_recovered=%s digests_refreshed=%s", len(ordered), summary.new,
             summary.unchanged, summary.failed, retried, recovered, refreshed)
    return summary


def _refresh_digests(db: Database) -> int:
    """A batch of digests made by older headline/quote rules is made again (digests.digest)."""
    from digests.digest import refresh_digests

    try:
        with db.transaction() as sql:
            return refresh_digests(sql)
    except Exception:  # a failing refresh costs this poll its batch, nothing else
        log.exception("digest refresh failed; it waits for the next poll")
        return 0
