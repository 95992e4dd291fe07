"""Removing an article for good: the operator's decision (`run.py articles remove`).

`digests.archive.remove_article` deletes the row and leaves the tombstones (URL, content hash and
GUID with its link and title, as migration 018 reads them), so a feed that still lists the
article never brings it back; the search index entry goes with the row (a trigger). Around it,
`remove_for_good` also takes the article out of everything that still points at it, in one
transaction:

- its story: its story terms and vectors (it is no candidate for a later report any more) and
  its meaning vector; the story row is recomputed (`digests.story_rows.refresh_story`) and keeps its
  id even when no report is left, since the outbox remembers story ids per chat;
- deliveries still waiting for it (`outbox` rows `pending`): deleted, so nobody is sent it. Rows
  already sent stay as the chat's history; a row being sent at that moment finds no article and
  is skipped by the sender;
- links to it in other digests (a story-mate's "story" link, a later report's "archive" link).

`find_article` takes what an operator types: an id or a link (without its scheme too).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from digests.archive import remove_article
from digests.daily_holders import article_items
from digests.daily_item_changes import drop
from digests.models import Article
from digests.records import ARTICLE_SELECT, article_from_row, related_from_json, related_to_json
from digests.storage import Database
from digests.urls import url_key

log = logging.getLogger(__name__)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class Removal:
    """What removing one article did (or, from `preview`, would do)."""

    article: Article
    story_id: int | None
    story_left: int          # reports of its story left after it (0: the story is empty)
    pending: int             # deliveries still waiting for it, deleted
    links: int               # other digests that linked to it, their link dropped


def _key(url: str) -> str | None:
    try:
        return url_key(url)
    except ValueError:
        return None


def find_article(db: Database, ref: str) -> Article | None:
    """The stored article an operator names: its id («42», «٤٢») or its link, compared by
    normalized URL; a link typed without a scheme or «www.» is tried as digests.reader_text
    .link_forms shapes it."""
    from digests.reader_text import link_forms  # late: as where it lived before (digests.query)

    text = ref.strip().translate(_DIGITS)
    if text.isdigit():
        if int(text) >= 2 ** 63:
            return None
        rows = list(db.db.query(f"{ARTICLE_SELECT} where articles.id = ?", [int(text)]))
        return article_from_row(rows[0]) if rows else None
    forms = link_forms(text if "://" in text else "http://" + text)
    for form in forms:
        key = _key(form)
        if key is None:
            continue
        rows = list(db.db.query(f"{ARTICLE_SELECT} where articles.url_key = ?", [key]))
        if rows:
            return article_from_row(rows[0])
    return None


def _linking(sql: sqlite_utils.Database, article: Article) -> list[tuple[int, str]]:
    """Other articles whose digest links to `article`: (id, the digest's related JSON)."""
    needle = json.dumps(article.url, ensure_ascii=False)[1:-1]  # as the JSON column holds it
    rows = sql.execute("select id, digest_related_json from articles where id != ?"
                       " and instr(digest_related_json, ?) > 0", [article.id, needle])
    return [(int(i), str(j)) for i, j in rows.fetchall()]


def preview(db: Database, article: Article) -> Removal:
    """What `remove_for_good` would do to `article`, changing nothing."""
    sql = db.db
    story_left = 0
    if article.story_id is not None:
        story_left = sql.execute("select count(*) from articles where story_id = ? and id != ?",
                                 [article.story_id, article.id]).fetchone()[0]
    pending = sql.execute("select count(*) from outbox where article_id = ? and status = 'pending'",
                          [article.id]).fetchone()[0] + len(
        article_items(sql, article.id, article.story_id))  # a daily digest's items
    key = _key(article.url)
    links = sum(1 for _, related in _linking(sql, article)
                if any(_key(r.url) == key for r in related_from_json(related)))
    return Removal(article, article.story_id, int(story_left), int(pending), links)


def remove_for_good(db: Database, article_id: int, now: datetime) -> Removal | None:
    """Remove the article and everything that points at it, in one transaction (see the module
    docstring); None when there is no such article."""
    from digests.story_rows import refresh_story  # late: as where it lived before (digests.stories)

    with db.transaction() as sql:
        rows = list(sql.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id]))
        if not rows:
            return None
        article = article_from_row(rows[0])
        key = _key(article.url)
        links = 0
        for other_id, related_json in _linking(sql, article):
            related = related_from_json(related_json)
            kept = tuple(r for r in related if _key(r.url) != key)
            if len(kept) != len(related):
                links += 1
                sql.execute("update articles set digest_related_json = ? where id = ?",
                            [related_to_json(kept), other_id])
        pending = sql.execute("delete from outbox where article_id = ? and status = 'pending'",
                              [article_id]).rowcount
        for row_id, place, _chat, _item in article_items(sql, article_id, article.story_id):
            pending += drop(sql, row_id, [place])  # a daily digest's item of it
        for table in ("story_terms", "story_vectors", "article_vectors", "article_use_vectors",
                      "earlier_headlines"):
            if sql.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                           [table]).fetchone():
                sql.execute(f"delete from {table} where article_id = ?", [article_id])
        remove_article(sql, article_id, now)
        story_left = 0
        if article.story_id is not None:
            refresh_story(sql, article.story_id)
            story_left = sql.execute("select count(*) from articles where story_id = ?",
                                     [article.story_id]).fetchone()[0]
    log.info("article removed for good id=%s story_id=%s story_left=%s pending_deleted=%s"
             " links_dropped=%s", article_id, article.story_id, story_left, pending, links)
    return Removal(article, article.story_id, int(story_left), max(int(pending), 0), links)
