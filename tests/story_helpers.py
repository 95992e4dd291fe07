"""Storing articles for the story tests (test_stories, test_story_merge) on real SQLite files:
a source row and an article row written as ingest writes them, before the story step runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from digests.models import Article, iso
from digests.records import ARTICLE_SELECT, article_from_row
from digests.storage import Database


def add_source(db: Database, name: str, when: datetime) -> int:
    """A source named `name` (its feed at https://NAME.test/feed); returns its id."""
    with db.transaction() as tx:
        cur = tx.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                         [f"https://{name}.test/feed", name, iso(when)])
    return int(cur.lastrowid or 0)


def insert_article(tx: Any, source_id: int, title: str, body: str, published: datetime | None,
                   fetched: datetime) -> Article:
    """One article row in the open transaction `tx` (numbered by the rows already stored)."""
    n = tx.execute("select count(*) from articles").fetchone()[0]
    cur = tx.execute(
        """insert into articles (source_id, url, url_key, content_hash, title, body,
                                 published_at, fetched_at, updated_at)
           values (?,?,?,?,?,?,?,?,?)""",
        [source_id, f"https://s{source_id}.test/{n}", f"s{source_id}.test/{n}", f"h{n}",
         title, body, iso(published), iso(fetched), iso(fetched)])
    row = next(iter(tx.query(f"{ARTICLE_SELECT} where articles.id = ?", [cur.lastrowid])))
    return article_from_row(row)
