"""Migration 033_reader_spellings: the archive and the followed topics read as readers type now.

Session 13 (X37; QA24 R3, R4, R6) changed how some words are read, for documents and queries
alike (digests.arabic, digests.query):
- Persian, Kurdish and Maghrebi letters are folded («ڤلاديمير» → «فلاديمير», «ترمپ» → «ترمب»);
- «الإمام» (the imam) keeps its article in its key, apart from the preposition «أمام».
An article indexed before holds the old keys: `reindex_changed` re-indexes only the articles
whose text holds those letters or «الإمام» (a few in a thousand on the corpus), reading every
row's text once in chunks, with a progress line every 10 s on a large archive.

Followed topics stored before (`rewrite_topics`): a topic keyed by the old reading is keyed again;
a question whose word of asking the old code had already dropped is written as its names
(«الوضع في غزة» → «غزة»), and a chat's second row for one thing goes (digests.subscriptions.
merge_named_topics); a topic with nothing left to search («كم» alone: a word of asking, which
matched any article with «كم») is removed — its follower is told nothing, as for every
migration, and follows the rest of their topics as before.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

import sqlite_utils

from digests.arabic import ARTICLE_NOUNS, normalize

log = logging.getLogger(__name__)

MIGRATION = "033_reader_spellings"
CHUNK = 500                # articles read per query
# The letters digests.arabic folds since session 13 (before, they were kept as they are).
NEW_FOLDS = "ڤڥپچژگڨ"
# «الإمام» in any clitic stack, after normalization (alef folded): «الامام», «للامام», «والامام».
_ARTICLE_NOUN = re.compile("|".join(f"(?:ال|لل){n}" for n in ARTICLE_NOUNS))


def needs_reindex(text: str) -> bool:
    """Whether `text` (an article's title or body, as stored) is keyed differently since
    session 13: it holds a newly folded letter or an article noun («الإمام»)."""
    return any(ch in text for ch in NEW_FOLDS) or bool(_ARTICLE_NOUN.search(normalize(text)))


def reindex_changed(db: sqlite_utils.Database,
                    clock: Callable[[], float] = time.monotonic) -> int:
    """Re-index the articles whose keys changed in session 13 (caller's transaction); returns
    how many (`reindex_where` with this migration's test)."""
    return reindex_where(db, needs_reindex, MIGRATION, clock, CHUNK)


def reindex_where(db: sqlite_utils.Database, needs: Callable[[str], bool], migration: str,
                  clock: Callable[[], float] = time.monotonic, chunk: int = CHUNK) -> int:
    """Re-index the articles whose stored text `needs` says are keyed differently now (caller's
    transaction); returns how many. Reads the archive in id order, `chunk` rows at a time, with
    the migrations' progress lines (digests.data_migrations.Progress) under `migration`'s name.
    Shared by migrations 033 and 035, which differ only in the test."""
    from digests.data_migrations import Progress
    from digests.search_index import reindex

    total = int(db.execute("select count(*) from articles").fetchone()[0])
    progress = Progress(migration, total, clock)
    changed, after = 0, -1
    while rows := db.execute("select id, title, body, summary from articles where id > ?"
                             " order by id limit ?", [after, chunk]).fetchall():
        for article_id, title, body, summary in rows:
            if needs((title or "") + "\n" + (body or summary or "")):
                reindex(db, article_id, title or "", body or summary or "")
                changed += 1
        after = rows[-1][0]
        progress.step(len(rows))
    return changed


def rewrite_topics(db: sqlite_utils.Database) -> tuple[int, int]:
    """Key, write and merge the followed topics as they are read now (caller's transaction;
    module docstring). Returns (rows rewritten or merged, rows removed as unsearchable)."""
    from digests.errors import QueryError
    from digests.subscription_rekeys import merge_named_topics, rekey_subscriptions
    from digests.topic_keys import key_of

    rekey_subscriptions(db)
    changed = merge_named_topics(db)
    removed = 0
    for row in list(db.query("select id, topic from subscriptions where topic != ''")):
        try:
            key_of(row["topic"])
        except QueryError:
            db.execute("delete from subscriptions where id = ?", [row["id"]])
            removed += 1
    return changed, removed


def m033_reader_spellings(db: sqlite_utils.Database) -> None:
    """Migration 033_reader_spellings (module docstring)."""
    reindexed = reindex_changed(db)
    changed, removed = rewrite_topics(db)
    log.info("reader spellings reindexed=%d topics_changed=%d topics_removed=%d",
             reindexed, changed, removed)
