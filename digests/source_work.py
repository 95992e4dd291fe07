"""One source's part of a poll: its feed read, its new entries, its outcome recorded.

`read_feed` fetches and parses a source's feed and either settles the source at once (the feed
failed or answered 304) or hands back a `SourceWork`: the entries not stored yet, waiting for
digests.pipeline to fetch their pages and store them. When the last of them is stored, `finish`
records the source's health (validators, next poll time, the UTC offset learned from this poll)
and reports it. Every write is one transaction of its own, never open across a fetch. `Clock`
sums where a poll's time goes, for both this module and the pipeline.

Its records are logged under its own name (`digests.source_work`). A feed that repeats one GUID
on every item is warned about once per source in a process (again when its repeated GUIDs
change); later polls log it at DEBUG.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

from digests import archive, entry_changes, feed_moves, source_backlog, sources
from digests.dates import learn_offset
from digests.errors import FetchError, ParseError, Reason
from digests.feed_cut import parse_limit
from digests.feeds import FeedRead, read_entries
from digests.feed_prefix import entry_started, oldest_first, whole_entries
from digests.fetch_failures import host_of, size_text
from digests.fetcher import PARTIAL_HEADER, Fetcher
from digests.models import FeedEntry, Source, parse_iso
from digests.polls import SourceReport, SourceStatus
from digests.responses import FetchResult
from digests.settings import Settings
from digests.source_check import feed_title, misread_titles
from digests.storage import Database
from digests.urls import url_key

log = logging.getLogger(__name__)

_T = TypeVar("_T")


@dataclass
class Clock:
    """A poll's running time sums, in seconds (see digests.polls.Timings)."""

    fetch: float = 0.0
    extract: float = 0.0
    store: float = 0.0


def timed(clock: Clock, fn: Callable[..., _T], *args: Any) -> _T:
    """Run `fn` and add the CPU time of this thread to the extract clock."""
    started = time.thread_time()
    try:
        return fn(*args)
    finally:
        clock.extract += time.thread_time() - started


@dataclass
class SourceWork:
    """A source whose feed changed: its new entries wait to be stored.

    Mutable on purpose, and written from two threads in turn, never at once (QA73-14): the
    event loop sets it up (digests.pipeline: `waiting`, `fresh` handed to the queue), the
    poll's writer thread counts what it stores (digests.article_store), and the writer thread
    records it finished (pipeline._finished, run there) before the loop reports it. Keep it
    so: nothing on the loop may write it while its entries are in the writer's queue."""

    source: Source
    feed: FetchResult
    entries: int
    fresh: list[FeedEntry]
    known: int
    first_poll: bool
    local_offset: int | None = None  # the source's learned UTC offset (minutes), if any
    added_at: datetime | None = None  # when the source was added (digests.dates.implausibly_old)
    dropped: int = 0  # new entries past MAX_ENTRIES_PER_FEED, left for a later poll
    # the keys of these entries its first poll recorded as the source's backlog: backfill,
    # dated or not (digests.source_backlog, X135); most sources none
    backlog: frozenset[str] = frozenset()
    backfill: int = 0  # articles stored as backfill (digests.article_store), counted for reports
    waiting: int = 0
    new: int = 0
    duplicates: int = 0
    pages_failed: int = 0
    store_errors: list[str] = field(default_factory=list)
    # (exact feed time, page wall-clock time) of entries that have both: learn_offset's evidence
    offset_pairs: list[tuple[datetime, datetime]] = field(default_factory=list)
    feed_offsets: list[int | None] = field(default_factory=list)
    # known entries the site corrected (digests.entry_changes), queued with the new ones: the
    # URL key of each → the article its page updates (digests.article_updates)
    rereads: dict[str, int] = field(default_factory=dict)
    rereads_waiting: int = 0  # changed entries past REREADS_PER_POLL, left for the next poll
    updated: int = 0  # articles whose corrected text was stored
    reread_failed: int = 0  # re-reads whose page did not come (tried again next poll)
    # articles stored at their fetch time, their date "in the future" or "implausibly old":
    # kind → (count, the first one's «url date=…»), logged once per poll (QA66-6)
    redated: dict[str, tuple[int, str]] = field(default_factory=dict)


async def read_feed(db: Database, settings: Settings, fetcher: Fetcher, source: Source,
                    now: datetime, clock: Clock) -> SourceReport | SourceWork:
    """Fetch and parse one feed: a final report (failed, 304) or the entries to store."""
    started = time.perf_counter()
    try:
        fetcher.feeds_in_part = True  # over the cap: its whole entries (feed_prefix)
        # stored: its host is private only if its row says so (REV s24: not an adopted move's),
        # read from the rows polled (pipeline: PrivateHosts.polled, for this poll only)
        feed = await fetcher.fetch(source.url, etag=source.etag,
                                   last_modified=source.last_modified, stored=True)
    except FetchError as exc:
        clock.fetch += time.perf_counter() - started
        feed_moves.note(db, source.id, None, settings.redirect_adopt_polls)  # in a row: over
        return failed(db, settings, source, now, str(exc), exc.status, exc.retry_after,
                      why=exc.why)
    clock.fetch += time.perf_counter() - started
    # a feed reached through 301/308 only: its new address stored after some polls (QA35 L3)
    feed_moves.note(db, source.id, fetcher.moved.get(source.url), settings.redirect_adopt_polls)
    if feed.not_modified:
        return succeeded(db, settings, source, now, feed, "unchanged")
    if PARTIAL_HEADER in feed.headers:  # over MAX_BODY_BYTES: its whole entries (QA35 L2)
        partial = partial_feed(db, settings, source, now, feed)
        if isinstance(partial, SourceReport):
            return partial
        feed = partial
    else:
        _oldest.discard(source.id)
    try:
        # a feed far longer than a poll keeps is cut before it is parsed (digests.feed_cut)
        read = await asyncio.to_thread(timed, clock, read_entries, feed.body, feed.headers,
                                       feed.final_url, parse_limit(settings.max_entries_per_feed))
    except ParseError as exc:
        kind = exc.why.kind if exc.why is not None else "not_feed"
        return failed(db, settings, source, now,
                      f"تعذرت قراءة الخلاصة / feed unreadable: {exc}", feed.status, None,
                      why=Reason(kind, host_of(feed.final_url)))
    entries = read.entries
    _note_cut(source.id, read)
    _note_skipped(source.id, read)
    if source.name == sources.default_name(source.url):  # nobody named it: the feed's title
        title = await asyncio.to_thread(feed_title, feed.body, feed.headers)
        sources.adopt_feed_title(db, source, title)
    elif source.name in await asyncio.to_thread(misread_titles, feed.body, feed.headers):
        # named from the title as an older session read it (mojibake, or entities left in)
        rename_misread(db, source, feed_title(feed.body, feed.headers))
    fresh, known, stored = sort_entries(db, source, entries)
    first_poll = source.last_success_at is None
    if first_poll:  # what it lists and a later poll may store is backlog (digests.source_backlog)
        await _record_backlog(db, settings, source, feed, read, entries, fresh, clock)
    fresh, dropped = newest(fresh, settings.max_entries_per_feed)
    if dropped:
        log.warning("feed entries over the cap source=%s listed=%d new=%d kept=%d dropped=%d",
                    source.id, len(entries), len(fresh) + dropped, len(fresh), dropped)
    rereads, waiting = corrected(db, source, entries, stored)
    return SourceWork(source, feed, len(entries), fresh + [r.entry for r in rereads], known,
                      dropped=dropped, first_poll=first_poll,
                      backlog=source_backlog.listed(db.db, source.id, fresh),
                      local_offset=source_offset(db, source.id),
                      added_at=source_added(db, source.id),
                      feed_offsets=[e.published_offset for e in entries
                                    if e.published_at is not None],
                      rereads={url_key(r.entry.url): r.article_id for r in rereads},
                      rereads_waiting=waiting)


async def _record_backlog(db: Database, settings: Settings, source: Source, feed: FetchResult,
                          read: FeedRead, entries: list[FeedEntry], fresh: list[FeedEntry],
                          clock: Clock) -> None:
    """A source's first poll: record as its backlog the entries it lists and has not stored,
    and those the parse cut left unread (parsed once now, digests.source_backlog.cut_entries),
    so a later poll's store of one is backfill though it carries no date (X135)."""
    cut = (await asyncio.to_thread(timed, clock, source_backlog.cut_entries, feed.body,
                                   feed.headers, feed.final_url,
                                   parse_limit(settings.max_entries_per_feed))
           if read.cut else [])
    with db.transaction() as sql:
        keys = source_backlog.record(sql, source.id, [*fresh, *cut], among=[*entries, *cut])
    if cut or len(fresh) > settings.max_entries_per_feed:
        log.info("first poll's backlog recorded source=%s entries=%d cut_read=%d keys=%d",
                 source.id, len(fresh), len(cut), keys)


def partial_feed(db: Database, settings: Settings, source: Source, now: datetime,
                 feed: FetchResult) -> FetchResult | SourceReport:
    """A feed read up to MAX_BODY_BYTES: cut after its last whole entry (digests.feed_prefix),
    or failed with advice naming the key when it holds none whole."""
    cap = int(feed.headers[PARTIAL_HEADER])
    kept = whole_entries(feed.body)
    arabic, english = size_text(cap)
    if kept is None:
        return failed(db, settings, source, now,
                      f"الخلاصة أكبر من الحد ({arabic}) ولا خبر كاملًا في أولها / feed over the "
                      f"{english} cap with no whole entry in its first part: {feed.final_url}",
                      feed.status, None, why=Reason(
                          "too_big" if entry_started(feed.body) else "feed_no_entry",
                          host_of(feed.final_url), str(cap)))
    body, entries = kept
    log.warning("feed over the size cap read in part source=%s cap=%d entries=%d "
                "key=MAX_BODY_BYTES", source.id, cap, entries)
    if oldest_first(body):  # its newest entries lie past the cap: never read (X56 item 4)
        _oldest.add(source.id)
        log.warning("feed over the size cap lists its oldest entries first: only old entries are"
                    " read, its news is past the cap source=%s cap=%d what_to_do=raise"
                    " MAX_BODY_BYTES or ask the site for a newest-first feed", source.id, cap)
    else:
        _oldest.discard(source.id)
    return replace(feed, body=body)


def corrected(db: Database, source: Source, entries: list[FeedEntry],
              stored: list[tuple[FeedEntry, int]]) -> tuple[list[entry_changes.Reread], int]:
    """The known entries of this source the site changed since they were read, to read again
    this poll, and how many more wait (digests.entry_changes); rows stored before migration
    037 record what the feed says now instead (their own small transaction)."""
    rows = entry_changes.known_rows(db.db, source.id, (i for _, i in stored))
    rereads, first, waiting = entry_changes.pick(
        stored, rows, trust_updated=entry_changes.trusts_updated(entries))
    if first:
        with db.transaction() as sql:
            entry_changes.remember_first(sql, first)
    if rereads or waiting:
        log.info("corrected entries to read again source=%s now=%d waiting=%d", source.id,
                 len(rereads), waiting)
    return rereads, waiting


# Feeds cut before parsing at their last poll in this process: source id → (listed, read). The
# entries cut are never read (digests.feed_cut); /sources says how many (bot.sources_admin).
_cuts: dict[int, tuple[int, int]] = {}


def _note_cut(source_id: int, read: FeedRead) -> None:
    if read.cut:
        _cuts[source_id] = (read.listed, len(read.entries))
    else:
        _cuts.pop(source_id, None)


@dataclass(frozen=True)
class Skipped:
    """Entries a source's last read feed listed but could not be read (digests.feeds: a broken
    entry; the others were stored): how many of how many, the first names, the first error,
    and every error (each its kind: digests.feeds.skip_kind)."""

    count: int
    listed: int
    names: tuple[str, ...]
    error: str
    errors: tuple[str, ...] = ()


# Sources whose feed, at its last read in this process, had entries skipped: /sources says so
# under the source (X59 A1's left: they were only in the log). A 304 keeps the note (same feed).
_skips: dict[int, Skipped] = {}


def _note_skipped(source_id: int, read: FeedRead) -> None:
    if read.skipped:
        _skips[source_id] = Skipped(len(read.skipped), read.listed + len(read.skipped),
                                    read.skipped[:3], read.skip_errors[0] if read.skip_errors
                                    else "", read.skip_errors)
    else:
        _skips.pop(source_id, None)


def skipped_of(source_id: int) -> Skipped | None:
    """The entries the source's last read feed (this process) skipped as unreadable, or None."""
    return _skips.get(source_id)


# Feeds over the size cap whose whole entries read were oldest first, at their last poll in this
# process (digests.feed_prefix.oldest_first): /sources says so (bot.sources_admin).
_oldest: set[int] = set()


def oldest_first_of(source_id: int) -> bool:
    """Whether the source's feed, at its last poll in this process, was over the size cap and
    listed its oldest entries first (so only those were read)."""
    return source_id in _oldest


def feed_cut_of(source_id: int) -> tuple[int, int] | None:
    """(entries listed, entries read) of a source whose feed its last poll in this process cut
    before parsing (digests.feed_cut: the others are skipped for good), or None."""
    return _cuts.get(source_id)


def newest(entries: list[FeedEntry], limit: int) -> tuple[list[FeedEntry], int]:
    """The newest `limit` entries, in the feed's order, and how many were left out.

    Dated entries rank by date, newest first; undated ones after them in the feed's order (a
    feed lists its newest first). One poll is so bounded whatever a feed lists (QA29 A3)."""
    if len(entries) <= limit:
        return entries, 0
    def rank(i: int) -> tuple[bool, float, int]:
        when = entries[i].published_at
        return when is None, -when.timestamp() if when is not None else 0.0, i

    ranked = sorted(range(len(entries)), key=rank)
    kept = sorted(ranked[:limit])
    return [entries[i] for i in kept], len(entries) - limit


def shared_guids(entries: list[FeedEntry]) -> set[str]:
    """GUIDs that several entries of one feed carry with different links: a feed that puts a
    constant or its home page in `<guid>`. Such a GUID names none of its articles."""
    links: dict[str, set[str]] = {}
    for entry in entries:
        if entry.guid:
            links.setdefault(entry.guid, set()).add(url_key(entry.url))
    return {guid for guid, keys in links.items() if len(keys) > 1}


# What each source's repeated GUIDs were when last said (this process): a feed that puts one
# GUID on every item does so at every poll, and a warning every 15 minutes says nothing new.
_reused_said: dict[tuple[int, str], frozenset[str]] = {}


def _say_reused(source: Source, reused: set[str]) -> None:
    """Log a feed's repeated GUIDs at WARNING the first time (or when they change), else DEBUG."""
    said, key = frozenset(reused), (source.id, source.url)
    level = logging.DEBUG if _reused_said.get(key) == said else logging.WARNING
    _reused_said[key] = said
    log.log(level, "feed repeats a GUID for different links, keyed by URL source=%s url=%s "
            "guids=%s", source.id, source.url, ",".join(sorted(reused)[:3]))


def rename_misread(db: Database, source: Source, title: str) -> bool:
    """Give a source named by its feed's title as an older session misread it (any of
    `digests.source_check.misread_titles`: mojibake before session 5, a UTF-8 feed that declares
    windows-1256; entities left in before session 6, a title escaped twice) the title read
    right. True when renamed."""
    if not title:
        return False
    with db.transaction() as sql:  # only if nobody renamed it meanwhile
        changed = sql.execute("update sources set name = ? where id = ? and name = ?",
                              [title, source.id, source.name]).rowcount
    if changed:
        log.info("source renamed from a misread title (encoding or entities) id=%s old=%s"
                 " name=%s", source.id, source.name, title)
    return bool(changed)


def sort_entries(db: Database, source: Source, entries: list[FeedEntry]
                 ) -> tuple[list[FeedEntry], int, list[tuple[FeedEntry, int]]]:
    """The feed's entries not stored yet (each URL or GUID once), how many are known, and the
    known ones stored (not removed) with their article's id.

    Known means stored before, by GUID or URL, tombstones of removed articles included, or
    listed twice in this feed (so new + known adds up to the feed's entries). Entries sharing a
    GUID but not a link are distinct articles: they lose the GUID and are keyed by their URL
    (`shared_guids`), now and at every later poll, so none of them is dropped.
    """
    reused = shared_guids(entries)
    if reused:
        _say_reused(source, reused)
    fresh: list[FeedEntry] = []
    stored: list[tuple[FeedEntry, int]] = []
    seen: set[str] = set()
    known = 0
    for entry in entries:
        if entry.guid in reused:
            entry = replace(entry, guid=None)
        key = url_key(entry.url)
        if key in seen or (entry.guid and f"guid:{entry.guid}" in seen):
            known += 1
            continue
        seen.add(key)
        if entry.guid:
            seen.add(f"guid:{entry.guid}")
        found = archive.find_known(db, source.id, entry)
        if found is None:
            fresh.append(entry)
            continue
        known += 1
        if found[0] == "duplicate" and found[1] is not None:
            stored.append((entry, found[1]))
    return fresh, known, stored


def source_offset(db: Database, source_id: int) -> int | None:
    """The UTC offset (minutes) a source was last seen to write its dates in, if learned."""
    row = db.db.execute("select utc_offset_minutes from sources where id = ?",
                        [source_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def source_added(db: Database, source_id: int) -> datetime | None:
    """When a source was added (None for a row without the date)."""
    row = db.db.execute("select added_at from sources where id = ?", [source_id]).fetchone()
    try:
        return parse_iso(row[0]) if row is not None and row[0] else None
    except ValueError:
        return None


def finish(db: Database, settings: Settings, work: SourceWork, now: datetime) -> SourceReport:
    """Record a source whose entries are all stored (or failed to store) and report it."""
    # After a store error the feed's validators are not kept, so the next poll reads the whole
    # feed again and retries the entries that did not make it (stored ones are skipped); so too
    # when entries were left over the cap, or corrected ones not read yet (over the bound, or
    # their page failed): a 304 would hide them from the next poll.
    if work.updated:
        log.info("corrected articles updated source=%s updated=%d failed=%d waiting=%d",
                 work.source.id, work.updated, work.reread_failed, work.rereads_waiting)
    done = succeeded(db, settings, work.source, now, work.feed,
                     "new" if work.new else "unchanged",
                     keep_validators=not work.store_errors and not work.dropped
                     and not work.rereads_waiting and not work.reread_failed,
                     utc_offset=learn_offset(work.offset_pairs, work.feed_offsets))
    error = None
    if work.store_errors:
        error = (f"تعذر حفظ {len(work.store_errors)} خبرًا / {len(work.store_errors)} articles "
                 "not stored: " + "; ".join(work.store_errors[:3]))
    return SourceReport(work.source.id, work.source.name, work.source.url, done.status,
                        entries=work.entries, new=work.new, known=work.known,
                        duplicates=work.duplicates, pages_failed=work.pages_failed,
                        dropped=work.dropped, updated=work.updated, backfill=work.backfill,
                        error=error,
                        next_poll_at=done.next_poll_at)


def succeeded(db: Database, settings: Settings, source: Source, now: datetime,
              feed: FetchResult, status: SourceStatus, *, keep_validators: bool = True,
              utc_offset: int | None = None) -> SourceReport:
    """Record a feed that answered (digests.sources.record_success) and report the source."""
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


def failed(db: Database, settings: Settings, source: Source, now: datetime, error: str,
           status: int | None, retry_after: float | None, *,
           why: Reason | None = None) -> SourceReport:
    """Record a failed source with its backoff (digests.sources.record_failure) and report it.

    `error` is the full message (logs, CLI); `why` what the bot tells admins."""
    log.warning("source poll failed id=%s url=%s error=%s", source.id, source.url, error)
    with db.transaction() as sql:
        next_poll = sources.record_failure(sql, source.id, now, settings, error=error,
                                           status=status, retry_after=retry_after, why=why)
    return SourceReport(source.id, source.name, source.url, "failed", error=error,
                        next_poll_at=next_poll)
