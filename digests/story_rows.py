"""The story tables: the candidate index an article is looked up by, and the `stories` rows.

`create_story_index` makes the index (`story_terms`: the 16 heaviest terms of every article by
(term, published_at); `story_vectors`: each article's whole vector), `candidate_sql` is its ±48 h
window lookup, `refresh_story` recomputes a story's row from its articles (its count, first and
last times, and headline), and `story_articles` / `stories_row` read them. SQLite only, no
decisions: which story an article joins is digests.stories (the candidates and the join vote),
merging two stories digests.story_merges. Split from digests/stories.py, which re-exports these.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from digests.models import Article
from digests.records import ARTICLE_SELECT, article_from_row


def create_story_index(db: sqlite_utils.Database) -> None:
    """Tables of the candidate index (called by the story migration)."""
    db.execute("""
        create table if not exists story_vectors (
            article_id integer primary key,
            published_at text not null,   -- the article's time (or its store time), UTC ISO
            vector blob not null          -- StoryVector.to_blob()
        )""")
    db.execute("""
        create table if not exists story_terms (
            term integer not null,        -- term_hash of one of the article's heaviest keys
            published_at text not null,
            article_id integer not null
        )""")
    db.execute("create index if not exists story_terms_lookup"
               " on story_terms(term, published_at)")
    db.execute("create index if not exists story_terms_article on story_terms(article_id)")


def candidate_sql(n_terms: int) -> str:
    """The window lookup: articles sharing any of `n_terms` heavy terms, most shared first.

    Parameters: the terms, window start, window end, the article's own id, the limit.
    """
    marks = ",".join("?" * n_terms)
    return (f"select article_id, count(*) as shared from story_terms"
            f" where term in ({marks}) and published_at between ? and ? and article_id != ?"
            f" group by article_id order by shared desc, article_id limit ?")


def refresh_story(db: sqlite_utils.Database, story_id: int) -> None:
    """Recompute a story's row from its articles.

    A story left without articles keeps its row (count 0): deleting it could let SQLite hand its
    id to a new story, and the outbox remembers which story ids each chat has already received.
    An undated article counts with the time it was stored.
    """
    count, first, last = db.execute(
        "select count(*), min(coalesce(a.published_at, v.published_at)),"
        " max(coalesce(a.published_at, v.published_at)) from articles a"
        " left join story_vectors v on v.article_id = a.id where a.story_id = ?",
        [story_id]).fetchone()
    if not count:
        db.execute("update stories set article_count = 0 where id = ?", [story_id])
        return
    from digests.headline import clean_headline  # late: the condenser is another module's job

    title, body = db.execute(
        "select title, body from articles where story_id = ?"
        " order by published_at is null, published_at, id limit 1", [story_id]).fetchone()
    db.execute("update stories set first_published_at = ?, last_published_at = ?,"
               " article_count = ?, headline = ? where id = ?",
               [first, last, count, clean_headline(title or "", body or ""), story_id])


def story_articles(db: sqlite_utils.Database, story_id: int) -> list[Article]:
    """The articles of a story, earliest first."""
    rows = db.query(f"{ARTICLE_SELECT} where articles.story_id = ?"
                    " order by articles.published_at is null, articles.published_at, articles.id",
                    [story_id])
    return [article_from_row(r) for r in rows]


def stories_row(db: sqlite_utils.Database, story_id: int) -> dict[str, Any] | None:
    """The `stories` row of a story, as a dict (None when it does not exist)."""
    rows = list(db.query("select * from stories where id = ?", [story_id]))
    return rows[0] if rows else None
