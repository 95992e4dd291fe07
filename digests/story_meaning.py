"""Meaning vectors for the story step: the article_vectors table, the model, lazy cosines.

digests.stories decides pairs by words; where the words leave a pair uncertain and the meaning
model runs here (the `semantic` extra, SEMANTIC_MODEL=true), it asks a `Meaning` for the cosine of
the two reports' headline-and-lead vectors (digests.semantic). A vector is embedded only when a
pair first asks for it and is stored, so a report is embedded at most once; `backfill_vectors`
embeds ahead for articles stored before the setting was turned on. Split from digests.stories,
which re-exports these names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import numpy as np
import sqlite_utils

from digests import semantic
from digests.models import iso
from digests.settings import Settings
from digests.similarity import WINDOW

__all__ = ["Meaning", "backfill_vectors", "create_vector_table", "embedder_for", "has_vectors"]

log = logging.getLogger(__name__)


def create_vector_table(db: sqlite_utils.Database) -> None:
    """The meaning vectors of articles (called by the article-vectors migration)."""
    db.execute("""
        create table if not exists article_vectors (
            article_id integer primary key,
            vector blob not null          -- digests.semantic.to_blob of headline + lead
        )""")


def embedder_for(settings: Settings) -> semantic.Embedder | None:
    """The meaning model when the settings allow it and it runs here, else None (words decide).

    Asked for but missing (the `semantic` extra not installed, or another CPU), it is said once
    as a warning: the operator turned the setting on and gets words alone."""
    global _missing_said
    if not settings.semantic_model:
        return None
    embedder = semantic.load()
    if embedder is None and not _missing_said:
        _missing_said = True
        log.warning("SEMANTIC_MODEL=true but the meaning model does not run here: install it with "
                    "%s (x86-64 Linux only); stories use words alone", semantic.INSTALL)
    return embedder


_missing_said = False


class Meaning:
    """The meaning cosines of one assignment, each vector embedded only when a pair asks for it.

    `embedder` None makes a collector: `cosine` embeds nothing, answers None (words decide) and
    records in `wanted` the texts an embedding pass would need (see `meaning_texts`).
    """

    def __init__(self, db: sqlite_utils.Database, embedder: semantic.Embedder | None,
                 article_id: int, title: str, text: str) -> None:
        self._db, self._embedder, self._id = db, embedder, article_id
        self._text = semantic.article_text(title, text)
        self._mine: semantic.Vectors | None = None
        self.wanted: list[str] = []
        self.embedded = 0  # vectors computed by this assignment (memo hits included)

    def _embed(self, article_id: int, text: str) -> semantic.Vectors | None:
        if self._embedder is None:
            if text not in self.wanted:
                self.wanted.append(text)
            return None
        vector = self._embedder.passage(text)
        self.embedded += 1
        if article_id > 0:  # a pre-pass has no id yet: nothing to store
            self._db.execute("insert or replace into article_vectors (article_id, vector)"
                             " values (?, ?)", [article_id, semantic.to_blob(vector)])
        return vector

    def mine(self) -> semantic.Vectors | None:
        """This article's vector (embedded afresh on first use: its text may have changed)."""
        if self._mine is None:
            self._mine = self._embed(self._id, self._text)
        return self._mine

    def vectors(self, other_id: int, blob: bytes | None
                ) -> tuple[semantic.Vectors, semantic.Vectors] | None:
        """This article's vector and another stored article's (its stored vector, else embedded
        and stored); None where either is unknown (a collector, or the other article is gone)."""
        mine = self.mine()
        if blob is not None:
            other = semantic.from_blob(blob)
        else:
            row = self._db.execute("select title, coalesce(nullif(body, ''), summary, '')"
                                   " from articles where id = ?", [other_id]).fetchone()
            found = self._embed(other_id, semantic.article_text(row[0] or "", row[1] or "")
                                ) if row else None
            if found is None:
                return None
            other = found
        return None if mine is None else (mine, other)

    def cosine(self, other_id: int, blob: bytes | None) -> float | None:
        """The cosine with another stored article: its stored vector, else embedded and stored."""
        pair = self.vectors(other_id, blob)
        return None if pair is None else float(np.dot(*pair))


def has_vectors(db: sqlite_utils.Database) -> bool:
    """Whether the meaning vectors' table exists (the story migration, 006, backfills before
    the article-vectors migration, 016, creates it)."""
    return bool(db.execute("select 1 from sqlite_master where type = 'table'"
                           " and name = 'article_vectors'").fetchone())


def backfill_vectors(db: sqlite_utils.Database, embedder: semantic.Embedder | None = None,
                     since: str | None = None, batch: int = 64,
                     progress: Callable[[int, int], None] | None = None) -> int:
    """Store the meaning vectors of articles that have none, published at `since` or later.

    For articles stored before SEMANTIC_MODEL was turned on (the story step embeds a missing
    vector when a pair first needs it; this does it ahead, in batches). By default
    (`since` None) only the last story window — articles within WINDOW of the newest one — is
    embedded: an older report is never a candidate again, and a whole archive would take hours (~0.1 s an article); `since=""` embeds every article.
    Undated articles count with the time they were stored. `embedder` defaults to the process's
    model; without one nothing is stored. Embeds `batch` texts a call and logs progress (and
    calls `progress(done, total)` after each batch, for a command line's progress line); safe to
    re-run. Returns how many vectors were stored.
    """
    if since is None:
        newest = db.execute("select max(published_at) from story_vectors").fetchone()[0]
        if newest is None:
            return 0
        since = iso(datetime.fromisoformat(newest) - WINDOW)
    where = ("a.id not in (select article_id from article_vectors)"
             " and coalesce(a.published_at, v.published_at, '') >= ?")
    total = db.execute(f"select count(*) from articles a left join story_vectors v"
                       f" on v.article_id = a.id where {where}", [since]).fetchone()[0]
    if not total:
        return 0
    embedder = embedder or semantic.load()
    if embedder is None:
        log.info("meaning vectors not backfilled reason=no_model articles=%d", total)
        return 0
    done = 0
    while True:
        rows = db.execute(
            f"select a.id, a.title, coalesce(nullif(a.body, ''), a.summary, '')"
            f" from articles a left join story_vectors v on v.article_id = a.id"
            f" where {where} order by a.id limit ?", [since, batch]).fetchall()
        if not rows:
            return done
        vectors = embedder.passages([semantic.article_text(t or "", b or "") for _, t, b in rows])
        db.conn.executemany(
            "insert or replace into article_vectors (article_id, vector) values (?, ?)",
            [(row[0], semantic.to_blob(v)) for row, v in zip(rows, vectors)])
        done += len(rows)
        log.info("meaning vectors backfilled done=%d total=%d", done, total)
        if progress is not None:
            progress(done, total)
