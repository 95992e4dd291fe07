"""A stored article's other addresses: the same page a site publishes under a second URL.

Some sites publish one article in two sections (QA25 E9: France 24's «middleEast» and
«internationalNews», CNN's «technology» and «internationalNews»; 172 such pages in the corpus).
Ingest keeps the first and finds the second a duplicate by its content hash
(digests.archive.store_article); the second address is recorded here, so a reader who pastes it
(the bot looks links up, never fetches them), `run.py digest` and the next poll all find the
stored article by either address. A poll that meets an already-stored duplicate again records
its address then, so an archive ingested before migration 034 learns its aliases as its feeds
list them. An alias dies with its article (foreign key, on delete cascade): a removed article's
addresses are stopped by its tombstones.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from typing import Any

import sqlite_utils

from digests.models import Digest, iso
from digests.records import ARTICLE_SELECT, related_from_json, related_to_json
from digests.urls import url_key

log = logging.getLogger(__name__)

# Addresses kept per article: real twins are one or two (QA25 E9); a site stamping a new query on
# its links at every request would otherwise add one at every poll, for ever (QA63-2).
MAX_ALIASES = 20


@lru_cache(maxsize=8192)
def link_key(url: str) -> str:
    """The address's url_key; a link url_key cannot read is compared as typed. One function for
    the aliases and digests.digest's related links (imported there as `_key`, which the store
    benchmarks swap); cached: the same links are merged again at every store of their story
    (url_key parses)."""
    try:
        return url_key(url)
    except ValueError:
        return url.strip()


def m034_article_aliases(db: sqlite_utils.Database) -> None:
    # One row per second address (its url_key, as articles.url_key) → the stored article.
    db.execute("""
        create table article_aliases (
            url_key text primary key,
            url text not null,
            article_id integer not null references articles(id) on delete cascade,
            created_at text not null
        )""")
    db.execute("create index article_aliases_article on article_aliases(article_id)")


def record_alias(sql: sqlite_utils.Database, url: str, article_id: int, now: datetime) -> bool:
    """Record `url` as another address of stored article `article_id`; the caller holds the
    transaction. Nothing is recorded for the article's own address or one already known (its
    first article keeps it). True when a row was added."""
    key = link_key(url)
    own = sql.execute("select 1 from articles where url_key = ?", [key]).fetchone()
    if own is not None:
        return False
    held = sql.execute("select count(*) from article_aliases where article_id = ?",
                       [article_id]).fetchone()[0]
    if held >= MAX_ALIASES:
        log.debug("article alias not recorded article=%s held=%d url=%s", article_id, held, url)
        return False
    cursor = sql.execute(
        "insert or ignore into article_aliases (url_key, url, article_id, created_at)"
        " values (?, ?, ?, ?)", [key, url, article_id, iso(now)])
    if cursor.rowcount > 0:
        log.info("article alias recorded article=%s url=%s", article_id, url)
        _drop_self_links(sql, article_id, key)
        return True
    return False


def aliased_id(sql: sqlite_utils.Database, url: str) -> int | None:
    """The id of the stored article `url` is another address of, or None."""
    row = sql.execute("select article_id from article_aliases where url_key = ?",
                      [link_key(url)]).fetchone()
    return int(row[0]) if row else None


def stamped_twin(sql: sqlite_utils.Database, source_id: int, url: str,
                 same_title: Callable[[str], bool]) -> int | None:
    """The stored article of `source_id` at `url`'s page with another query, when the site is
    known to stamp that page's links (the article already has an alias there) and its title is
    the entry's (`same_title`): QA63-2's «?ref=<new number every request>» is then that article,
    not a page to fetch and an alias to record at every poll. A site whose articles differ only
    by a query id («?id=101», «?id=102») never has an alias at the same page with the same
    title unless it served one article under both."""
    key = link_key(url)
    page = key.split("?", 1)[0]
    if "://" not in page:
        return None
    bounds = [page, page + "?", page + "@"]  # «@» follows «?»: the keys with a query there
    rows = sql.execute(
        "select id, title from articles where source_id = ? and (url_key = ? or"
        " (url_key >= ? and url_key < ?)) order by id limit 50", [source_id, *bounds]).fetchall()
    for article_id, title in rows:
        if not same_title(title or ""):
            continue
        alias = sql.execute(
            "select 1 from article_aliases where article_id = ? and (url_key = ? or"
            " (url_key >= ? and url_key < ?)) limit 1", [article_id, *bounds]).fetchone()
        if alias is not None:
            return int(article_id)
    return None


def article_row_at(sql: sqlite_utils.Database, url: str) -> dict[str, Any] | None:
    """The stored article's row (ARTICLE_SELECT) at `url`: its own address first, then an
    alias (digests.urls.url_key: tracking parameters, fragment and host case ignored)."""
    key = link_key(url)
    rows = list(sql.query(f"{ARTICLE_SELECT} where articles.url_key = ?", [key]))
    if not rows:
        rows = list(sql.query(
            f"{ARTICLE_SELECT} join article_aliases on article_aliases.article_id = articles.id"
            " where article_aliases.url_key = ?", [key]))
    return rows[0] if rows else None


def same_text_id(sql: sqlite_utils.Database, content_hash: str, body: str) -> int | None:
    """The stored article whose text a fetched page repeats: the same content hash (title and
    text), else the same body when only the title differs (a page's <title> carries the site's
    suffix where the feed's did not). A short body (under 200 characters) names no article by
    itself; with several stored bodies alike, the oldest. For `run.py digest URL` on an address
    no poll has recorded yet."""
    row = sql.execute("select id from articles where content_hash = ? order by id limit 1",
                      [content_hash]).fetchone()
    if row is None and len(body.strip()) >= 200:
        row = sql.execute("select id from articles where body = ? order by id limit 1",
                          [body]).fetchone()
    return int(row[0]) if row else None


# QA50 E2: a site's related block often links the article's own twin (its second address). The
# twin is the article itself, so a related link to any of its addresses is a self-link: dropped
# when the digest is made (`alias_urls` → digests.digest.merge_related), when an address is
# recorded after the digest was written (`_drop_self_links`, from `record_alias`), and on the way
# to a reader (`without_aliases`, from digests.live_links.live_related) for digests stored before.


def alias_urls(sql: sqlite_utils.Database, article_id: int | None) -> tuple[str, ...]:
    """The other addresses recorded for stored article `article_id` (none for an unstored page)."""
    if not article_id:
        return ()
    try:
        return tuple(r[0] for r in sql.execute(
            "select url from article_aliases where article_id = ? order by url_key",
            [article_id]))
    except sqlite3.OperationalError as exc:
        # migration 004 digests old rows before 034 makes the table: no alias is known then
        if "article_aliases" not in str(exc):
            raise
        return ()


def _drop_self_links(sql: sqlite_utils.Database, article_id: int, key: str) -> None:
    """Remove the links to address `key` from the article's stored digest links."""
    row = sql.execute("select digest_related_json from articles where id = ?",
                      [article_id]).fetchone()
    if row is None or not row[0]:
        return
    stored = related_from_json(row[0])
    kept = tuple(r for r in stored if link_key(r.url) != key)
    if len(kept) != len(stored):
        sql.execute("update articles set digest_related_json = ? where id = ?",
                    [related_to_json(kept), article_id])
        log.info("self-link dropped article=%s links=%d", article_id, len(stored) - len(kept))


def without_aliases(sql: sqlite_utils.Database, digests: Sequence[Digest]) -> list[Digest]:
    """`digests` without related links to their own article's recorded addresses; one query for
    them all, and a digest with no such link is returned as it is (the same object)."""
    ids = sorted({d.article_id for d in digests if d.article_id})
    keys: dict[int, set[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for key, article_id in sql.execute(
                "select url_key, article_id from article_aliases where article_id in"
                f" ({','.join('?' * len(chunk))})", chunk).fetchall():
            keys.setdefault(int(article_id), set()).add(key)
    if not keys:
        return list(digests)
    out = []
    for digest in digests:
        own = keys.get(digest.article_id or 0)
        if own and any(link_key(r.url) in own for r in digest.related):
            digest = replace(digest, related=tuple(r for r in digest.related
                                                   if link_key(r.url) not in own))
        out.append(digest)
    return out
