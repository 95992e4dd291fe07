"""Storing one article of a poll: its own transaction with the processing steps, and page retries.

Runs in the poll's writer thread (digests.writer). `store_one` stores a new entry with its page
(or as feed-only, with the reason), resolving its publication time (digests.dates) and whether it
is backfill (never pushed: the source's first poll, a page gone for good, published before the
source was added whichever poll stores it, listed by its first poll (digests.source_backlog: an
undated one too), or older than PUSH_WINDOW; counted for the reports); a failing step rolls back
this article only and the source counts it. `retry_one` settles a page fetched again
(digests.retries.settle). A duplicate met at another address has that address recorded
(digests.article_aliases). Both embed first, outside the transaction, what the story step will
weigh by meaning (SEMANTIC_MODEL only), so SQLite's write lock is held only to write. Split
from digests/pipeline.py (the poll loop).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import datetime, timedelta

from digests import archive, entry_changes, prepared, retries
from digests.article_aliases import record_alias
from digests.article_updates import reread_of, reread_one
from digests.dates import implausibly_old, publication_time
from digests.logs import strip_credentials
from digests.page_fetch import Fetched
from digests.processing import StoreContext, run_steps, said_after_commit
from digests.settings import Settings
from digests.source_backlog import drain, entry_keys
from digests.source_work import Clock, SourceWork, source_offset
from digests.storage import FAULT_TEXT, Database, fault_of

log = logging.getLogger(__name__)

PUSH_WINDOW = timedelta(hours=48)


def store_one(db: Database, settings: Settings, work: SourceWork, item: Fetched,
              now: datetime, clock: Clock) -> None:
    """Store one article with its processing steps in one transaction; count the outcome.

    Runs in the poll's writer thread. What the story step will weigh by meaning is embedded
    first, and the digest's headline and quotes found (digests.prepared), outside the
    transaction (`_embed_ahead`), so it holds SQLite's write lock only to write. A known entry
    the site corrected (digests.entry_changes) updates its article instead
    (digests.article_updates: no new article, no delivery)."""
    if item.refused_link:  # a link readers must not get (QA63-11: 169.254.169.254 was shown)
        log.warning("feed entry not stored: its link is a refused private or local address"
                    " source=%s url=%s", work.source.id, strip_credentials(item.entry.url))
        return
    corrected = reread_of(work, item.entry)
    if corrected is not None:
        reread_one(db, settings, work, item, corrected, now, clock)
        return
    entry, page = item.entry, item.page
    title = entry.title or (page.title if page else "")
    text = "\n".join(page.paragraphs) if page and page.paragraphs else entry.summary
    _embed_ahead(db, settings, title, text,
                 entry.published_at or (page.published_at if page else None) or now)
    # the digest's headline and quotes are found here, before the transaction: a handler's
    # write waits for the transaction only (digests.prepared)
    ready = prepared.prepare(title, page.paragraphs if page else (), entry.summary)
    if (page is not None and page.published_at is not None and page.published_offset is None
            and entry.published_at is not None and entry.published_offset is not None):
        work.offset_pairs.append((entry.published_at, page.published_at))
    published = publication_time(
        entry.published_at, entry.published_offset,
        page.published_at if page else None, page.published_offset if page else None,
        source_offset=work.local_offset, default_offset=settings.source_utc_offset_minutes,
        now=now)
    if published is not None and implausibly_old(published, now, work.added_at):
        # a CMS's empty date (1970-01-01) or one years before the source was added: the page's
        # date if it has a true one, else none, so the fetch time, and news when it is new
        # (QA63-7: it was stored as 1970 and taken as backfill, never alerted)
        log.warning("article dated implausibly old, stored at its fetch time unless its page"
                    " dates it source=%s url=%s date=%s fetched=%s", work.source.id,
                    strip_credentials(entry.url), published.isoformat(), now.isoformat())
        published = publication_time(
            None, None, page.published_at if page else None,
            page.published_offset if page else None, source_offset=work.local_offset,
            default_offset=settings.source_utc_offset_minutes, now=now)
        if published is not None and implausibly_old(published, now, work.added_at):
            published = None
        page = replace(page, published_at=published) if page is not None else None
    # The resolved time goes in as the entry's, so the archive stores it as the feed's date.
    entry = replace(entry, published_at=published, published_offset=0)
    # A page gone for good (404/410) is no news to push either: stored, searchable, not sent.
    gone = page is None and retries.is_gone(item.status)
    # an entry the source's first poll listed (digests.source_backlog, X135): its backlog,
    # dated or not; its keys go once it is stored
    listed = [key for key in entry_keys(item.entry) if key in work.backlog] if work.backlog \
        else []
    backfill = work.first_poll or gone or bool(listed) or backlog(published, now, work.added_at)
    started = time.perf_counter()
    context = StoreContext(now, settings, backfill=backfill)
    try:
        with db.transaction() as sql:
            result = archive.store_article(
                sql, source_id=work.source.id, entry=entry, page=page, now=now,
                page_error=item.error, page_etag=item.etag,
                page_last_modified=item.last_modified)
            if listed:
                drain(sql, work.source.id, listed)
            if result.outcome == "duplicate" and result.existing_id is not None:
                # the same page at a second address: a pasted link to it is this article
                record_alias(sql, entry.url, result.existing_id, now)
            if result.article is not None:
                # what the feed says of it, to tell a later correction (digests.entry_changes)
                entry_changes.remember(sql, result.article.id, entry)
                if gone:
                    retries.mark_gone(sql, result.article.id, item.error or "", now)
                elif page is None and settings.fetch_pages:
                    retries.schedule(sql, result.article.id, now, settings,
                                     retry_after=item.retry_after)
                run_steps(sql, result.article, context, prepared.steps(ready))
    except Exception as exc:  # a failing step rolls back this article only
        kind = fault_of(exc)
        if kind is None:
            log.exception("article not stored source=%s url=%s", work.source.id, item.entry.url)
        # A full disk or a lock: every article meets it; the poll says it once (QA16 F2), and
        # the source reports it as its failure (`_finished`).
        said = FAULT_TEXT[kind] + " — " if kind else ""
        work.store_errors.append(
            strip_credentials(f"{said}{item.entry.url}: {type(exc).__name__}: {exc}"))
        return
    finally:
        clock.store += time.perf_counter() - started
    said_after_commit(context)  # committed: «deliveries queued» is true now (QA22 U9)
    if result.redated:  # counted, said once by the poll (digests.pipeline; QA66-6)
        count, first = work.redated.get(result.redated, (0, ""))
        work.redated[result.redated] = (count + 1, first or (
            f"url={strip_credentials(entry.url)} date={item.entry.published_at}"))
    if result.outcome == "stored":
        work.new += 1
        work.backfill += backfill
        work.pages_failed += item.page is None
    elif result.outcome == "duplicate":
        work.duplicates += 1
    else:
        work.known += 1


def backlog(published: datetime | None, now: datetime, added_at: datetime | None) -> bool:
    """Whether an article published at `published` is no news to push when stored at `now`:
    older than PUSH_WINDOW, or published before its source was added. A new source's backlog
    is its own first poll's newest MAX_ENTRIES_PER_FEED and what that poll left for the next
    ones: those were alerted as new, a day old (QA77-1). Undated (None) counts as new here;
    an undated entry of that backlog is known by its keys instead (digests.source_backlog)."""
    if published is None:
        return False
    return published < now - PUSH_WINDOW or (added_at is not None and published < added_at)


def retry_one(db: Database, settings: Settings, due: retries.PendingPage, item: Fetched,
              now: datetime, clock: Clock) -> bool:
    """Settle one page retry (digests.retries.settle), timed as store work. True: recovered.

    Runs in the poll's writer thread; a page that completes its article first has what its story
    step weighs by meaning embedded (`_embed_ahead`), outside the transaction."""
    started = time.perf_counter()
    try:
        _embed_retry_ahead(db, settings, due, item)
        return retries.settle(db, settings, due, item.page, item.error, now=now,
                              source_offset=source_offset(db, due.source_id), etag=item.etag,
                              last_modified=item.last_modified, retry_after=item.retry_after,
                              status=item.status)
    finally:
        clock.store += time.perf_counter() - started


def _embed_retry_ahead(db: Database, settings: Settings, due: retries.PendingPage,
                       item: Fetched) -> None:
    """`_embed_ahead` for a page retry about to complete its article: the story step of
    `retries.apply_page` weighs the stored title (the page's when there is none) and the page's
    text."""
    from digests.models import parse_iso
    from digests.stories import embedder_for

    page = item.page
    if page is None or not page.paragraphs or embedder_for(settings) is None:
        return  # no page: the try is only counted, no step runs
    row = db.db.execute("select title, coalesce(published_at, fetched_at) from articles"
                        " where id = ?", [due.article_id]).fetchone()
    when = parse_iso(row[1]) if row and row[1] else None
    if when is None:
        return  # the step embeds in place what it needs
    title = (row[0] if row else "") or page.title
    _embed_ahead(db, settings, title, "\n".join(page.paragraphs), when, due.article_id)


def _embed_ahead(db: Database, settings: Settings, title: str, text: str, when: datetime,
                 article_id: int = 0) -> None:
    """Embed, before the article's store transaction, what its story step will weigh by meaning
    (digests.stories.meaning_texts, a read-only dry run: most articles nothing, else the
    uncertain pairs' headlines and leads; with a story model only). The model remembers the
    vectors, so the step finds them instead of embedding (~0.1–0.3 s a text) while it holds
    SQLite's write lock, which a bot handler's write would wait for. Failures cost speed only."""
    from digests.stories import embedder_for, meaning_texts

    embedder = embedder_for(settings)
    if embedder is None:
        return
    try:
        texts = meaning_texts(db.db, title, text, when, article_id, embedder)
        for passage in texts:
            embedder.passage(passage)
    except Exception:  # the step embeds in place what it still needs
        log.exception("meaning texts not embedded ahead; the story step embeds in place")
