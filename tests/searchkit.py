"""Test kit for search: invented articles indexed as processing indexes them, over a real SQLite
file, and what a query finds of them by name (X104: test_x91_place_readings and
test_x101_definite_nouns each kept a copy); the same articles stored only, for the alert
matcher (X123: test_x110_lookalikes and test_x119_search each built them, REV s25 D4)."""

from __future__ import annotations

from collections.abc import Mapping

from delivery_helpers import add_article, add_source, ctx

from digests.arabic import analyze
from digests.models import Article
from digests.search import search
from digests.search_index import FTS_TABLE, index_article
from digests.storage import Database


def archive(db: Database, articles: Mapping[str, tuple[str, str]]) -> dict[int, str]:
    """Store and index `articles` (name → (title, body)) from one source; article id → name."""
    source = add_source(db, "news")
    names: dict[int, str] = {}
    for name, (title, body) in articles.items():
        article = add_article(db, source, title, body=body)
        with db.transaction() as tx:
            index_article(tx, article, ctx())
        names[article.id] = name
    return names


def stored(db: Database, articles: Mapping[str, tuple[str, str]]) -> dict[str, Article]:
    """Store `articles` (name → (title, body)) from one source, not indexed (what an alert is
    matched against: digests.topic_match); name → the stored article."""
    source = add_source(db, "news")
    return {name: add_article(db, source, title, body=body)
            for name, (title, body) in articles.items()}


def found(db: Database, names: Mapping[int, str], query: str, *, widen: bool = True
          ) -> set[str]:
    """The names of the articles a search for `query` finds (`widen`: digests.search's)."""
    res = search(db.db, query, limit=50, widen=widen)
    return {names[h.digest.article_id] for h in res.hits if h.digest.article_id is not None}


def older_keys(db: Database, names: Mapping[int, str], articles: Mapping[str, tuple[str, str]],
               topic: str, key: str) -> None:
    """Write back the keys an older version indexed (plain `analyze`) and chat 5 following
    `topic` under its older `key`: the state a search-key migration starts from."""
    with db.transaction() as tx:
        for article_id, name in names.items():
            title, body = articles[name]
            tx.execute(f"update {FTS_TABLE} set title_keys = ?, body_keys = ? where rowid = ?",
                       [" ".join(analyze(title)), " ".join(analyze(body)), article_id])
        tx.execute("insert into chats (id, type, created_at) values (5, 'private', 'x')")
        tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                   " values (5, ?, ?, 'x')", [topic, key])
