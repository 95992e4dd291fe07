"""A corrected article read again: its page's new text stored in place, with nothing sent.

digests.entry_changes says which known entries a site changed (same link and GUID, a new title
or summary, a later `<updated>`); the poll fetches their pages like new ones (digests.pipeline)
and `reread_one`, in the poll's writer thread, settles each in one transaction
(QA32 R5, design in notes/s14/X48.md):

- the article's row takes the new title, text, summary and content hash
  (digests.archive.update_article), with what the feed now says (`feed_hash`);
- its search-index row and its digest are made again (`UPDATE_STEPS`), and its story's row
  (headline, times) is recomputed from its reports;
- the story stays the story: no re-clustering (a corrected toll is the same event); a chat
  already sent the article gets it again as «🔄 تحديث» only when the correction gives a new
  figure or result (digests.correction_updates: once per change, never the same text twice);
  the headline it replaces is kept (digests.earlier_headlines), so that «🔄 تعديل» can say
  what the chat read before («كان: …», «١٠ ← ١٧»; QA63-12).

A page that cannot be fetched keeps the old text and leaves the feed hash as it was, so the next
poll tries again (bounded by digests.entry_changes.REREADS_PER_POLL); a page the site says is
gone (404/410), or one with no text, keeps the old text for good (the hash is recorded); a page
whose body is the one stored backs the entry off (digests.entry_changes: churn, QA41 T1). A
feed-only article (its page never came, or fetching pages is off) is corrected from the feed:
its text is the summary.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

import sqlite_utils

from digests import archive, earlier_headlines, entry_changes, retries
from digests.correction_updates import queue_corrections
from digests.models import Article, FeedEntry
from digests.page_fetch import Fetched
from digests.processing import StoreContext, Step, run_steps
from digests.settings import Settings
from digests.source_work import Clock, SourceWork
from digests.storage import Database
from digests.urls import url_key

log = logging.getLogger(__name__)


def update_steps() -> list[Step]:
    """The steps a corrected text runs again: the search index, then the digest (its headline,
    quotes and links). Not the story step (the story is kept), never the outbox."""
    from digests.digest import store_digest
    from digests.search_index import index_article

    return [index_article, store_digest]


def reread_of(work: SourceWork, entry: FeedEntry) -> int | None:
    """The article a queued entry re-reads (digests.entry_changes), or None for a new entry."""
    return work.rereads.get(url_key(entry.url))


def reread_one(db: Database, settings: Settings, work: SourceWork, item: Fetched,
               article_id: int, now: datetime, clock: Clock) -> None:
    """Settle one re-read page in its own transaction (the poll's writer thread); counts it on
    `work` (`updated`, `reread_failed`). Never raises: a failure keeps the old text."""
    started = time.perf_counter()
    try:
        with db.transaction() as sql:
            outcome = _apply(sql, settings, item, article_id, now)
    except Exception:  # this article's only: its old text stays, tried again next poll
        log.exception("corrected article not stored id=%s url=%s", article_id, item.entry.url)
        outcome = "failed"
    finally:
        clock.store += time.perf_counter() - started
    if outcome == "updated":
        work.updated += 1
    elif outcome == "failed":
        work.reread_failed += 1
    log.info("article read again id=%s source=%s outcome=%s url=%s", article_id,
             work.source.id, outcome, item.entry.url)


def _apply(sql: sqlite_utils.Database, settings: Settings, item: Fetched, article_id: int,
           now: datetime) -> str:
    """The re-read's outcome: updated, same, kept (old text kept for good) or failed."""
    entry, page = item.entry, item.page
    stored = archive.get_article(sql, article_id)
    if stored is None:
        return "kept"  # removed meanwhile
    old_headline = _headline(sql, article_id)  # what chats sent it read
    same_page = False  # the page's body as stored: the feed's change was churn (below)
    if page is None or not page.paragraphs:
        if stored.page_ok and settings.fetch_pages:
            if page is None and not retries.is_gone(item.status):
                return "failed"  # the feed hash stays: the next poll tries again
            entry_changes.remember(sql, article_id, entry)  # gone or empty: keep the old text
            return "kept"
        # a feed-only article (the feed's summary is its text), or pages are not fetched: the
        # feed's title and summary, the stored body kept
        done = archive.update_article(sql, article_id, title=entry.title or stored.title,
                                      body="", summary=entry.summary, page=None, now=now)
    else:
        # the page's body as stored: the feed's change was churn (a view count, «منذ ٥ دقائق»),
        # and the entry backs off (QA41 T1: digests.entry_changes)
        same_page = tuple(page.paragraphs) == tuple(stored.paragraphs)
        done = archive.update_article(
            sql, article_id, title=entry.title or page.title or stored.title,
            body="\n".join(page.paragraphs), summary=entry.summary, page=page, now=now,
            page_etag=item.etag, page_last_modified=item.last_modified)
    entry_changes.remember(sql, article_id, entry, same_page=same_page)
    if done != "updated":
        return "same" if done == "same" else "kept"
    article = archive.get_article(sql, article_id)
    assert article is not None
    _rerun(sql, article, StoreContext(now, settings, backfill=True))
    new_headline = _headline(sql, article_id)
    # the headline replaced is kept: a correction's «🔄 تعديل» says what it was (QA63-12)
    earlier_headlines.record(sql, article_id, old_headline, new_headline, now)
    # a changed toll or result goes to the chats that read the old one, once (X56 item 6)
    queue_corrections(sql, article, old_headline, new_headline, now)
    return "updated"


def _headline(sql: sqlite_utils.Database, article_id: int) -> str:
    """The article's headline as readers are shown it (its digest's, else its title)."""
    row = sql.execute("select coalesce(nullif(headline, ''), title) from articles where id = ?",
                      [article_id]).fetchone()
    return str(row[0] or "") if row else ""


def _rerun(sql: sqlite_utils.Database, article: Article, context: StoreContext) -> None:
    """The index and digest made again; the story's row (its headline) recomputed."""
    from digests.story_rows import refresh_story

    run_steps(sql, article, context, steps=update_steps())
    if article.story_id is not None:
        refresh_story(sql, article.story_id)
