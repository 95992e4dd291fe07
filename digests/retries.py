"""Second chances for article pages: feed-only articles are fetched again on later polls.

When an entry's page cannot be fetched or read (a timeout, a 5xx, a body over the cap …) the
article is stored from the feed alone (`page_status = 'feed_only'`, with the reason). It is then
scheduled for another try on a later poll of its source: at most `MAX_PAGE_RETRIES` more attempts,
each after a longer delay (`retry_delay`, or the server's Retry-After when that is longer). A page
that comes in updates the article — body, related block, missing title/author/date, content
hash — in one transaction that re-runs the processing steps that read the text
(`digests.processing.text_steps`: search index, story, digest). The story is checked again
because it was chosen from the feed's summary alone: with the full text the article may belong
to an earlier report's story (digests.stories.assign_story keeps the current story when nothing
matches better). It runs before the digest, whose story links read the new story; when the
article leaves a story that still has other reports, their digests are made again so none links
to it as "the same story" any more.
The outbox is not run again: the article was already queued for readers (or was backfill), and
a reader must never get it twice.

A page the site says is gone for good (HTTP 404 or 410, `GONE_STATUSES`), at the first fetch or
at a retry, is not tried again: the article is marked `page_status = 'gone'` (`mark_gone`). It
stays in the archive and in search, but nobody is sent it: it is stored as backfill (no
deliveries), a delivery still waiting for it moves to a live report of its story or is skipped
(digests.outbox_upkeep.drop_gone_deliveries), and the general digest, /push and /digest leave it out
(QA10 F10). Transient failures (timeouts, 5xx, 429, a body over the size cap) stay `feed_only`,
retried and deliverable as before.

A link refused as malformed (a host no request can be built for, «http://xn--zz/y», or a link
that is not http(s): digests.fetch_failures.invalid_url and digests.addresses word it «رابط غير
صالح …») is refused before any I/O and will be refused the same way on every try: no retry is
scheduled for it, and a retry that meets it (a redirect that now leads to such a host) is the last
(`is_malformed`; QA15: such rows filled the retry table).

Columns (migration 008_page_retries): `articles.page_attempts` (page tries after the first) and
`articles.page_retry_at` (when the next one is due; NULL: none, the page is in or we gave up).
`articles.page_status` is 'ok', 'feed_only' or 'gone' (no CHECK constraint; migration
019_gone_pages marks the 404/410 pages stored before as gone).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from digests.archive import get_article
from digests.dates import publication_time, stored_time
from digests.digest import store_digest
# GONE and live_report live in live_reports (QA73-18); named here too, as many modules import them
# from this one
from digests.live_reports import GONE, live_report
from digests.models import Article, Page, iso
from digests.outbox_upkeep import drop_gone_deliveries
from digests.processing import StoreContext, run_steps, text_steps
from digests.records import related_to_json
from digests.settings import Settings
from digests.storage import Database
from digests.urls import content_hash

log = logging.getLogger(__name__)

MAX_PAGE_RETRIES = 3
MAX_RETRY_DELAY = timedelta(hours=6)
MAX_RETRIES_PER_POLL = 200
MAX_RETRY_AFTER = timedelta(hours=24)  # a server's Retry-After is honoured up to this
GONE_STATUSES = frozenset({404, 410})  # "not here (any more)": asking again will not help


# How digests.fetch_failures (invalid_url) and digests.addresses (check_address) word a link
# refused as malformed: the start of the stored page_error.
MALFORMED_PREFIX = "رابط غير صالح"


def is_malformed(error: str | None) -> bool:
    """Whether a failed fetch's message says the link itself is malformed (never worth a retry)."""
    return bool(error) and str(error).startswith(MALFORMED_PREFIX)


def is_gone(status: int | None) -> bool:
    """Whether a failed fetch's HTTP status says the page is gone for good (404 or 410)."""
    return status in GONE_STATUSES


@dataclass(frozen=True)
class PendingPage:
    """A feed-only article whose page is due for another try."""

    article_id: int
    source_id: int
    url: str
    attempts: int  # retries already made


def retry_delay(attempt: int, settings: Settings) -> timedelta:
    """Wait before retry number `attempt + 1`: the poll interval, then twice, four times … (≤ 6 h)."""
    base = timedelta(minutes=settings.poll_interval_minutes)
    return min(base * (1 << max(0, min(attempt, 16))), MAX_RETRY_DELAY)  # 2**n: typed Any


def _next_try(attempt: int, now: datetime, settings: Settings,
              retry_after: float | None) -> datetime:
    delay = retry_delay(attempt, settings)
    if retry_after is not None:  # the server said when to come back: not sooner
        delay = max(delay, min(timedelta(seconds=retry_after), MAX_RETRY_AFTER))
    return now + delay


def schedule(sql: sqlite_utils.Database, article_id: int, now: datetime,
             settings: Settings, *, retry_after: float | None = None) -> None:
    """Schedule the first retry of a page that could not be had (the caller's transaction);
    none when its recorded error (`articles.page_error`) says the link is malformed."""
    row = sql.execute("select page_error from articles where id = ?", [article_id]).fetchone()
    if row is not None and is_malformed(row[0]):
        log.info("page not retried: malformed link article_id=%s", article_id)
        return
    sql.execute("update articles set page_attempts = 0, page_retry_at = ? where id = ?",
                [iso(_next_try(0, now, settings, retry_after)), article_id])


def due(sql: sqlite_utils.Database, source_ids: Iterable[int], now: datetime,
        limit: int = MAX_RETRIES_PER_POLL) -> list[PendingPage]:
    """Feed-only articles of these sources whose next page try is due, longest waiting first."""
    ids = sorted(set(source_ids))
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    rows = sql.execute(
        "select id, source_id, url, page_attempts from articles"
        f" where page_retry_at is not null and page_retry_at <= ? and source_id in ({marks})"
        " and page_status = 'feed_only' order by page_retry_at, id limit ?",
        [iso(now), *ids, limit]).fetchall()
    return [PendingPage(int(r[0]), int(r[1]), str(r[2]), int(r[3] or 0)) for r in rows]


def record_failure(sql: sqlite_utils.Database, pending: PendingPage, error: str, now: datetime,
                   settings: Settings, *, retry_after: float | None = None) -> bool:
    """Count a failed retry and schedule the next, or give up after the last (or at once for a
    malformed link). True: gave up."""
    attempts = pending.attempts + 1
    last = attempts >= MAX_PAGE_RETRIES or is_malformed(error)
    note = (f" (محاولة {attempts} من {MAX_PAGE_RETRIES}، توقفنا / retry {attempts} of "
            f"{MAX_PAGE_RETRIES}, giving up)" if last else
            f" (محاولة {attempts} من {MAX_PAGE_RETRIES} / retry {attempts} of {MAX_PAGE_RETRIES})")
    sql.execute("update articles set page_attempts = ?, page_retry_at = ?, page_error = ?,"
                " updated_at = ? where id = ? and page_status = 'feed_only'",
                [attempts, None if last else iso(_next_try(attempts, now, settings, retry_after)),
                 (error[:400] + note), iso(now), pending.article_id])
    return last


def mark_gone(sql: sqlite_utils.Database, article_id: int, error: str, now: datetime) -> None:
    """Mark a feed-only article's page gone for good (404/410) in the caller's transaction: no
    more retries, and no reader is sent it (a delivery still waiting moves to a live report of
    the story, else it is skipped: digests.outbox_upkeep.drop_gone_deliveries). It stays
    searchable."""
    changed = sql.execute("update articles set page_status = ?, page_retry_at = null,"
                          " page_error = ?, updated_at = ? where id = ?"
                          " and page_status = 'feed_only'",
                          [GONE, error[:400], iso(now), article_id]).rowcount
    if changed:
        moved, skipped = drop_gone_deliveries(sql, article_id, now)
        log.info("page gone article_id=%s deliveries_moved=%s deliveries_skipped=%s",
                 article_id, moved, skipped)


# How digests.responses words a 404/410 (the same since session 1): what `mark_stored_gone` reads.
_GONE_ERRORS = tuple(f"%HTTP {status} / HTTP {status}:%" for status in sorted(GONE_STATUSES))


def mark_stored_gone(sql: sqlite_utils.Database, now: datetime) -> int:
    """Mark gone the feed-only articles stored before pages could be gone whose recorded error is
    a 404/410 (migration 019_gone_pages; the caller's transaction). Returns how many."""
    where = " or ".join("page_error like ?" for _ in _GONE_ERRORS)
    rows = sql.execute(f"select id, page_error from articles where page_status = 'feed_only'"
                       f" and ({where}) order by id", list(_GONE_ERRORS)).fetchall()
    for article_id, error in rows:
        mark_gone(sql, int(article_id), str(error), now)
    return len(rows)


def _date(stored: str | None, fetched: str | None, page: datetime | None,
          now: datetime) -> str | None:
    """An article's date once its page came: the stored one, unless it was only the fetch time
    standing in for a date the feed did not give (digests.dates.stored_time): then the page's."""
    if stored and stored != fetched or page is None:
        return stored
    return iso(stored_time(page, now))


def apply_page(sql: sqlite_utils.Database, pending: PendingPage, page: Page, *,
               published_at: datetime | None, now: datetime, settings: Settings,
               etag: str | None = None, last_modified: str | None = None) -> Article | None:
    """Complete a feed-only article with its page and re-run the text steps (the caller's
    transaction). Returns the updated article, or None when it is gone or already complete.

    The feed's title, author and date stay when it had them (as at first store); the page fills
    what the feed left empty. `published_at` is the date the caller resolved
    (digests.dates.publication_time); it only fills a missing date (one that was the fetch time
    standing in, see `_date`). A text that was removed from
    the archive before (its content hash is tombstoned) is not brought back: the article stays
    feed-only and is not tried again.
    """
    row = sql.execute("select title, author, published_at, story_id, fetched_at from articles"
                      " where id = ? and page_status = 'feed_only'",
                      [pending.article_id]).fetchone()
    if row is None:
        return None
    title = row[0] or page.title
    body = "\n".join(page.paragraphs)
    if not body.strip():  # a page with no text adds nothing: count it as a failed try
        record_failure(sql, pending, "الصفحة بلا نص / page has no text", now, settings)
        return None
    chash = content_hash(title, body)
    if sql.execute("select 1 from tombstones where key = ?", [f"hash:{chash}"]).fetchone():
        sql.execute("update articles set page_retry_at = null, page_error = ?, updated_at = ?"
                    " where id = ?", ["نص الصفحة حُذف من الأرشيف سابقًا / the page's text was "
                                      "removed from the archive before", iso(now),
                                      pending.article_id])
        return None
    sql.execute(
        "update articles set title = ?, author = ?, published_at = ?, body = ?,"
        " related_json = ?, content_hash = ?, page_status = 'ok', page_error = null,"
        " page_etag = ?, page_last_modified = ?, page_attempts = ?, page_retry_at = null,"
        " updated_at = ? where id = ?",
        [title, row[1] or page.author, _date(row[2], row[4], published_at, now), body,
         related_to_json(page.related), chash, etag, last_modified,
         pending.attempts + 1, iso(now), pending.article_id])
    article = get_article(sql, pending.article_id)
    assert article is not None
    context = StoreContext(now, settings, backfill=True)
    run_steps(sql, article, context, steps=text_steps())
    story = _story_of(sql, pending.article_id)
    if row[3] is not None and story != row[3]:
        _redigest_story(sql, int(row[3]), context)
        if story is not None:
            _follow_story(sql, pending.article_id, int(row[3]), story)
    log.info("page recovered article_id=%s attempt=%s story=%s->%s url=%s", pending.article_id,
             pending.attempts + 1, row[3], story, pending.url)
    return get_article(sql, pending.article_id)


def _follow_story(sql: sqlite_utils.Database, article_id: int, old: int, new: int) -> None:
    """The article's deliveries still waiting move to its new story, so "never twice" holds by
    the story the reader will see: a chat that already has the new story (sent or queued) skips
    this one. Rows already sent or being sent stay as they are."""
    sql.execute("update outbox set status = 'skipped', last_error = ? where article_id = ?"
                " and story_id = ? and status = 'pending' and chat_id in"
                " (select chat_id from outbox where story_id = ?)",
                ["القصة نفسها لدى المحادثة / the chat already has this story", article_id, old,
                 new])
    sql.execute("update outbox set story_id = ? where article_id = ? and story_id = ?"
                " and status = 'pending'", [new, article_id, old])
    # a daily digest's items of it, the same way (digests.daily_rows)
    # late: the outbox modules build on this one
    from digests import daily_holders, daily_item_changes, daily_rows

    items = [x for x in daily_holders.article_items(sql, article_id, old)
             if int(x[3][daily_rows.STORY]) == old]
    if items:
        having = {int(r[0]) for r in sql.execute(
            "select distinct chat_id from outbox where story_id = ?", [new])}
        having |= daily_holders.chats_having(sql, [new])
        for row_id, place, chat_id, _item in items:
            if chat_id in having:
                daily_item_changes.skip_items(sql, [(row_id, place)],
                                              "القصة نفسها لدى المحادثة / the chat already has this story")
            else:
                daily_item_changes.restory(sql, row_id, place, new)


def _story_of(sql: sqlite_utils.Database, article_id: int) -> int | None:
    found = sql.execute("select story_id from articles where id = ?", [article_id]).fetchone()
    return None if found is None or found[0] is None else int(found[0])


def _redigest_story(sql: sqlite_utils.Database, story_id: int, context: StoreContext) -> None:
    """Make again the digests of a story's digested reports (one left it: drop its link)."""
    for (article_id,) in sql.execute("select id from articles where story_id = ?"
                                     " and digested_at is not null order by id",
                                     [story_id]).fetchall():
        member = get_article(sql, int(article_id))
        if member is not None:
            store_digest(sql, member, context)


def settle(db: Database, settings: Settings, due: PendingPage, page: Page | None,
           error: str | None, *, now: datetime, source_offset: int | None,
           etag: str | None = None, last_modified: str | None = None,
           retry_after: float | None = None, status: int | None = None) -> bool:
    """Record one retry in its own transaction: the page completes the article, or the try is
    counted. Returns True when the article was completed.

    `status` is the failed fetch's HTTP status, if any: 404/410 marks the page gone
    (`mark_gone`) instead of counting a try.

    A failure while completing (a processing step raising) rolls the update back and is counted
    as a failed try with its reason, so a page that breaks a step is not retried for ever.
    """
    try:
        with db.transaction() as sql:
            if page is None and is_gone(status):
                mark_gone(sql, due.article_id, error or f"HTTP {status}", now)
                return False
            if page is None:
                record_failure(sql, due, error or "", now, settings, retry_after=retry_after)
                return False
            published = publication_time(
                None, 0, page.published_at, page.published_offset, source_offset=source_offset,
                default_offset=settings.source_utc_offset_minutes, now=now)
            return apply_page(sql, due, page, published_at=published, now=now,
                              settings=settings, etag=etag, last_modified=last_modified
                              ) is not None
    except Exception as exc:  # any step's failure is this article's only
        log.exception("page retry not stored article_id=%s url=%s", due.article_id, due.url)
        try:
            with db.transaction() as sql:
                record_failure(sql, due, f"تعذر حفظ الصفحة / page not stored: "
                               f"{type(exc).__name__}: {exc}", now, settings)
        except Exception:  # the database itself is failing: logged, tried at the next poll
            log.exception("page retry failure not recorded article_id=%s", due.article_id)
        return False
