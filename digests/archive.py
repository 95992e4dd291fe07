"""The article archive: store an entry with its page once, find it, remove it for good.

Deduplication order: the feed GUID (per source), then the normalized URL (`url_key`), then the
content hash of title and text. A GUID only counts when it names the same article (same link or
same title): feeds that reuse one GUID for every item would otherwise lose all but the first;
such an article is stored without the GUID, keyed by its URL. Removing an article (an operator's
decision: `remove_article`; an entry a feed stops listing is never removed) leaves tombstones for
all three keys, so a feed that still lists it never brings it back, at its link or elsewhere with
its text. The GUID's tombstone follows the same rule as a stored GUID: it only stops an entry
that is the removed article (the same link or the same title, kept on the tombstone since
migration 018); a feed that later gives that GUID to another article (another link and title)
gets it stored. An article is stored with a date: its fetch time when it has none or one in the
future. Row layout lives in digests.records.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlite_utils

from digests.article_aliases import aliased_id, stamped_twin
from digests.dates import FUTURE_TOLERANCE, PLAUSIBLE_SINCE, stored_time
from digests.models import Article, FeedEntry, Page, iso
from digests.records import ARTICLE_SELECT, article_from_row, related_to_json
from digests.storage import Database
from digests.urls import content_hash, url_key, without_tracking

log = logging.getLogger(__name__)


def inserted_id(table: sqlite_utils.db.Table) -> int:
    """The rowid of the row just inserted (sqlite-utils types it as optional)."""
    assert table.last_pk is not None
    return int(table.last_pk)

Outcome = Literal["stored", "duplicate", "tombstoned"]


@dataclass(frozen=True)
class StoreResult:
    """What happened to one entry: stored (with the new article), or why not."""

    outcome: Outcome
    article: Article | None = None
    existing_id: int | None = None
    # stored at its fetch time because its date was "in the future" or "implausibly old": the
    # poll says it once with a count (digests.pipeline; QA66-6: a WARNING per article)
    redated: str = ""


def _sql(db: Database | sqlite_utils.Database) -> sqlite_utils.Database:
    return db.db if isinstance(db, Database) else db


def guid_key(source_id: int, guid: str) -> str:
    return f"guid:{source_id}:{guid}"


def _tombstoned(sql: sqlite_utils.Database, keys: list[str]) -> bool:
    if not keys:
        return False
    marks = ",".join("?" for _ in keys)
    return sql.execute(f"select 1 from tombstones where key in ({marks}) limit 1",
                       keys).fetchone() is not None


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _removed_here(sql: sqlite_utils.Database, source_id: int, entry: FeedEntry) -> bool:
    """Whether `entry` is an article removed from this source: its link's tombstone, or its
    GUID's when the entry is the article that GUID named (the same link or the same title).
    A GUID tombstone from before migration 018 has no title: there only the link tells, and a
    copy of the removed text elsewhere is still stopped by its content hash at store time."""
    if _tombstoned(sql, [f"url:{url_key(entry.url)}"]):
        return True
    if not entry.guid:
        return False
    row = sql.execute("select article_url, title from tombstones where key = ?",
                      [guid_key(source_id, entry.guid)]).fetchone()
    if row is None:
        return False
    removed_url, removed_title = row
    if removed_url and url_key(removed_url) == url_key(entry.url):
        return True
    return bool(removed_title and entry.title and _same_title(removed_title, entry.title))


def _guid_owner(sql: sqlite_utils.Database, source_id: int, entry: FeedEntry
                ) -> tuple[int, bool] | None:
    """The stored article of the source holding `entry`'s GUID, and whether it is the same
    article: the same URL, or the same title (or no title to tell them apart). A GUID that
    comes back with another link *and* another title is a feed reusing its GUIDs (a constant,
    the home page), not the article moved: the entry is then keyed by its URL."""
    if not entry.guid:
        return None
    row = sql.execute("select id, url_key, title from articles where source_id = ? and guid = ?",
                      [source_id, entry.guid]).fetchone()
    if row is None:
        return None
    same = (row[1] == url_key(entry.url) or not entry.title or not row[2]
            or _same_title(row[2], entry.title))
    return int(row[0]), same


def find_known(db: Database | sqlite_utils.Database, source_id: int, entry: FeedEntry
               ) -> tuple[Outcome, int | None] | None:
    """Whether an entry is already stored or removed (by GUID, then URL), before fetching its page.

    Returns ("duplicate", id), ("tombstoned", None) or None for a new entry; a URL recorded as
    another address of a stored article (digests.article_aliases) is that article. A GUID held
    by a stored article, or left by a removed one, with another URL and another title does not
    make the entry known (`_guid_owner`, `_removed_here`). The content hash is checked at store
    time, once the text is known.
    """
    sql = _sql(db)
    key = url_key(entry.url)
    if _removed_here(sql, source_id, entry):
        return ("tombstoned", None)
    owner = _guid_owner(sql, source_id, entry)
    if owner is not None and owner[1]:
        return ("duplicate", owner[0])
    row = sql.execute("select id from articles where url_key = ?", [key]).fetchone()
    if row:
        return ("duplicate", int(row[0]))
    aliased = aliased_id(sql, entry.url)  # a second address of a stored page (QA25 E9)
    if aliased is not None:
        return ("duplicate", aliased)
    if entry.title:  # the same page under a query stamped anew at every poll (QA63-2)
        twin = stamped_twin(sql, source_id, entry.url,
                            lambda title: _same_title(title, entry.title))
        if twin is not None:
            return ("duplicate", twin)
    return None


def store_article(sql: sqlite_utils.Database, *, source_id: int, entry: FeedEntry,
                  page: Page | None, now: datetime, page_error: str | None = None,
                  page_etag: str | None = None, page_last_modified: str | None = None
                  ) -> StoreResult:
    """Insert one article unless it is a duplicate or was removed. The caller holds the transaction.

    The feed's title, date and author win over the page's (the page's fill gaps): feeds carry
    clean titles and exact dates; pages carry site suffixes and sometimes no date at all. An
    article with no date, or one more than an hour after `now`, is stored at `now`, its fetch
    time (digests.dates.stored_time), said in `StoreResult.redated` (the poll logs them once).
    """
    known = find_known(sql, source_id, entry)
    if known is not None:
        return StoreResult(known[0], existing_id=known[1])
    paragraphs = page.paragraphs if page else ()
    title = entry.title or (page.title if page else "")
    body = "\n".join(paragraphs)
    chash = content_hash(title, body or entry.summary)
    if _tombstoned(sql, [f"hash:{chash}"]):
        return StoreResult("tombstoned")
    row = sql.execute("select id from articles where content_hash = ?", [chash]).fetchone()
    if row:
        return StoreResult("duplicate", existing_id=int(row[0]))
    dated = entry.published_at or (page.published_at if page else None)
    published = stored_time(dated, now)
    redated = ""
    if dated is not None and published != dated:
        redated = "in the future" if dated > now else "implausibly old"
        log.debug("article dated %s, stored at its fetch time source=%s url=%s date=%s"
                  " fetched=%s", redated, source_id, entry.url, iso(dated), iso(now))
    related = page.related if page else ()
    guid = entry.guid
    if _guid_owner(sql, source_id, entry) is not None:  # a reused GUID: this one has its URL
        log.warning("feed reuses a GUID for another article source=%s guid=%s url=%s",
                    source_id, guid, entry.url)
        guid = None
    article_id = inserted_id(sql.table("articles").insert({
        "source_id": source_id,
        "guid": guid,
        "url": entry.url,
        "url_key": url_key(entry.url),
        "content_hash": chash,
        "title": title,
        "published_at": iso(published),
        "author": entry.author or (page.author if page else ""),
        "body": body,
        "summary": entry.summary,
        "related_json": related_to_json(related),
        "page_status": "ok" if page is not None else "feed_only",
        "page_error": page_error,
        "page_etag": page_etag,
        "page_last_modified": page_last_modified,
        "fetched_at": iso(now),
        "updated_at": iso(now),
    }))
    article = get_article(sql, article_id)
    assert article is not None
    return StoreResult("stored", article=article, redated=redated)


def date_undated_articles(sql: sqlite_utils.Database) -> int:
    """Give stored articles the date `store_article` gives new ones (digests.dates.stored_time):
    their fetch time when they have none, or one more than FUTURE_TOLERANCE after their fetch.
    For archives stored before that rule (migration 017); returns how many rows changed."""
    hours = FUTURE_TOLERANCE.total_seconds() / 3600
    cursor = sql.execute(
        "update articles set published_at = fetched_at where julianday(fetched_at) is not null"
        " and (published_at is null or julianday(published_at) > julianday(fetched_at) + ? / 24.0)",
        [hours])  # a fetch time that is no date is left alone (nothing better to put there)
    changed = cursor.rowcount
    if changed:
        log.info("articles dated by their fetch time count=%s", changed)
    return max(changed, 0)


def date_epoch_articles(sql: sqlite_utils.Database) -> int:
    """Give stored articles dated before PLAUSIBLE_SINCE (a CMS's 1970-01-01 for an empty date)
    their fetch time, as `digests.dates.stored_time` gives new ones since session 23 (QA63-7;
    migration 049). Returns how many rows changed."""
    cursor = sql.execute(
        "update articles set published_at = fetched_at where julianday(fetched_at) is not null"
        " and julianday(fetched_at) >= julianday(?) and julianday(published_at) < julianday(?)",
        [PLAUSIBLE_SINCE.isoformat()] * 2)
    changed = max(cursor.rowcount, 0)
    if changed:
        log.info("articles dated before 2000 redated by their fetch time count=%s", changed)
    return changed


def untrack_stored_links(sql: sqlite_utils.Database) -> int:
    """Drop tracking parameters from stored articles' and aliases' links, as new ones are since
    session 23 (QA63-2: readers got «?utm_source=rss&utm_campaign=…»; migration 050). Their
    url_key is the same (it ignored those parameters already). Returns how many rows changed."""
    changed = 0
    for table in ("articles", "article_aliases"):
        key = "id" if table == "articles" else "url_key"
        rows = sql.execute(f"select {key}, url from {table} where url like '%?%'").fetchall()
        for row_key, url in rows:
            clean = without_tracking(url)
            if clean != url:
                sql.execute(f"update {table} set url = ? where {key} = ?", [clean, row_key])
                changed += 1
    if changed:
        log.info("stored links without their tracking parameters count=%s", changed)
    return changed


def get_article(db: Database | sqlite_utils.Database, article_id: int) -> Article | None:
    """The stored article with this id, or None."""
    rows = list(_sql(db).query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id]))
    return article_from_row(rows[0]) if rows else None


def _remove(sql: sqlite_utils.Database, article_id: int, now: datetime) -> Article | None:
    row = sql.execute("select source_id, guid, url, url_key, content_hash, title from articles"
                      " where id = ?", [article_id]).fetchone()
    if row is None:
        return None
    article = get_article(sql, article_id)
    source_id, guid, url, key, chash, title = row
    keys = [f"url:{key}", f"hash:{chash}"] + ([guid_key(source_id, guid)] if guid else [])
    for tomb in keys:
        sql.execute("insert or replace into tombstones (key, article_url, removed_at, title)"
                    " values (?, ?, ?, ?)", [tomb, url, iso(now), title or None])
    sql.execute("delete from articles where id = ?", [article_id])
    log.info("article removed id=%s url=%s", article_id, url)
    return article


def remove_article(db: Database | sqlite_utils.Database, article_id: int, now: datetime
                   ) -> Article | None:
    """Delete an article and tombstone its GUID, URL and content hash (with its link and title,
    which tell a later article under the same GUID from this one); returns what was removed.

    With a `Database` this runs in its own transaction; with a bare sqlite-utils database the
    caller holds one.
    """
    if isinstance(db, Database):
        with db.transaction() as sql:
            return _remove(sql, article_id, now)
    return _remove(db, article_id, now)


Updated = Literal["updated", "same", "refused"]


def update_article(sql: sqlite_utils.Database, article_id: int, *, title: str, body: str,
                   summary: str, page: Page | None, now: datetime,
                   page_etag: str | None = None, page_last_modified: str | None = None
                   ) -> Updated:
    """Put a corrected text in a stored article's row: title, body, summary, related block and
    content hash (digests.article_updates; the caller holds the transaction and re-runs the
    steps that read the text). Its GUID, link, date, author and story stay.

    Returns "same" when the text is what is stored (nothing written), "refused" when the new
    text is one removed from the archive (its content hash tombstoned: not brought back) or
    another stored article's (the correction made it a copy: the archive keeps one of each),
    else "updated". With no `page` (a feed-only article, or pages not fetched) only the title
    and summary change: the stored body, if any, stays, and so do the page's columns.
    """
    row = sql.execute("select content_hash, title, body, summary from articles where id = ?",
                      [article_id]).fetchone()
    if row is None:
        return "refused"
    if page is None:  # no page this time: the stored body (if any) stays the text
        body = row[2]
    chash = content_hash(title, body or summary)
    if chash == row[0] and (title, body, summary) == tuple(row[1:]):
        return "same"
    if chash != row[0] and (
            _tombstoned(sql, [f"hash:{chash}"]) or
            sql.execute("select 1 from articles where content_hash = ? and id != ?",
                        [chash, article_id]).fetchone() is not None):
        log.warning("corrected text not stored: removed before or another article's id=%s",
                    article_id)
        return "refused"
    if page is None:
        sql.execute("update articles set title = ?, summary = ?, content_hash = ?,"
                    " updated_at = ? where id = ?", [title, summary, chash, iso(now), article_id])
    else:
        sql.execute("update articles set title = ?, body = ?, summary = ?, content_hash = ?,"
                    " related_json = ?, page_status = 'ok', page_error = null, page_etag = ?,"
                    " page_last_modified = ?, page_retry_at = null, updated_at = ?"
                    " where id = ?",
                    [title, body, summary, chash, related_to_json(page.related), page_etag,
                     page_last_modified, iso(now), article_id])
    return "updated"
