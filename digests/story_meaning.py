"""Meaning vectors for the story step: the vectors' tables, the models, lazy vectors.

digests.stories decides pairs by words; where the words leave a pair uncertain it asks a
`Meaning` for the two reports' headline-and-lead vectors: by default (STORY_MODEL=use) the USE
vectors of digests.story_use (table article_use_vectors), whose pair model then decides; with
SEMANTIC_MODEL=true the e5 vectors of digests.semantic (table article_vectors, the `semantic`
extra), whose cosine joins the word features. A vector is embedded only when a pair first asks
for it and is stored, so a report is embedded at most once (articles stored before are embedded
the first time a pair needs them); `backfill_vectors` embeds e5 vectors ahead. Split from
digests.stories, which re-exports these names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Union

import numpy as np
import sqlite_utils

from digests import semantic, story_use
from digests.models import iso
from digests.settings import Settings
from digests.similarity import WINDOW

__all__ = ["Meaning", "StoryEmbedder", "UseMeaning", "backfill_vectors", "create_vector_table",
           "embedder_for", "has_vectors", "meaning_for"]

log = logging.getLogger(__name__)

# The model a story step weighs unsure pairs with: e5 (SEMANTIC_MODEL) or USE (STORY_MODEL=use).
StoryEmbedder = Union[semantic.Embedder, story_use.UseEmbedder]


def create_vector_table(db: sqlite_utils.Database) -> None:
    """The meaning vectors of articles (called by the article-vectors migration)."""
    db.execute("""
        create table if not exists article_vectors (
            article_id integer primary key,
            vector blob not null          -- digests.semantic.to_blob of headline + lead
        )""")


def embedder_for(settings: Settings) -> StoryEmbedder | None:
    """The model the settings ask for when it runs here, else None (words decide): e5 with
    SEMANTIC_MODEL=true (the opt-in meaning path), else USE with STORY_MODEL=use (the default).

    Asked for but missing (the `semantic` extra not installed, or another CPU; the USE wheel
    missing), it is said once as a warning: the operator gets words alone."""
    global _missing_said
    if settings.semantic_model:
        embedder: StoryEmbedder | None = semantic.load()
        if embedder is None and not _missing_said:
            _missing_said = True
            log.warning("SEMANTIC_MODEL=true but the meaning model does not run here: install it"
                        " with %s (x86-64 Linux only); stories use words alone", semantic.INSTALL)
    elif settings.story_model == "use":
        embedder = story_use.load()  # says once itself why it is missing
    else:
        embedder = None
    return embedder


_missing_said = False


class Meaning:
    """The meaning cosines of one assignment, each vector embedded only when a pair asks for it.

    `embedder` None makes a collector: `cosine` embeds nothing, answers None (words decide) and
    records in `wanted` the texts an embedding pass would need (see `meaning_texts`).
    This class is the e5 side (its cosine is one more word feature); `UseMeaning` the USE side.
    """

    table = "article_vectors"
    pair_model: story_use.PairModel | None = None  # the USE pair model decides, where set

    @staticmethod
    def to_blob(vector: semantic.Vectors) -> bytes:
        return semantic.to_blob(vector)

    @staticmethod
    def from_blob(blob: bytes) -> semantic.Vectors:
        return semantic.from_blob(blob)

    def __init__(self, db: sqlite_utils.Database, embedder: StoryEmbedder | None,
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
            self._db.execute(f"insert or replace into {self.table} (article_id, vector)"
                             " values (?, ?)", [article_id, self.to_blob(vector)])
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
            other = self.from_blob(blob)
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


class UseMeaning(Meaning):
    """The USE side: vectors in article_use_vectors (float32), decided by the pair model."""

    table = story_use.TABLE

    def __init__(self, db: sqlite_utils.Database, embedder: StoryEmbedder | None,
                 article_id: int, title: str, text: str,
                 model: story_use.PairModel | None = None) -> None:
        super().__init__(db, embedder, article_id, title, text)
        self.pair_model = model or story_use.pair_model()

    def _embed(self, article_id: int, text: str) -> semantic.Vectors | None:
        try:
            return super()._embed(article_id, text)
        except story_use.UseUnavailable:  # the weights failed at first use (said once there)
            return None  # this pair by words; `load` answers None from now on

    @staticmethod
    def to_blob(vector: semantic.Vectors) -> bytes:
        return story_use.to_blob(vector)

    @staticmethod
    def from_blob(blob: bytes) -> semantic.Vectors:
        return story_use.from_blob(blob)


def has_vectors(db: sqlite_utils.Database, table: str = "article_vectors") -> bool:
    """Whether a vectors' table exists (the story migration, 006, backfills before the
    article-vectors migration, 016, and the USE one, 038, create them)."""
    return bool(db.execute("select 1 from sqlite_master where type = 'table'"
                           " and name = ?", [table]).fetchone())


def meaning_for(db: sqlite_utils.Database, embedder: StoryEmbedder | None, article_id: int,
                title: str, text: str, collect: bool = False) -> Meaning | None:
    """The `Meaning` of one assignment for this embedder's kind (a collector with `collect`),
    or None where there is no model or its table does not exist yet (words decide)."""
    if embedder is None:
        return None
    kind = UseMeaning if isinstance(embedder, story_use.UseEmbedder) else Meaning
    if not has_vectors(db, kind.table):
        return None
    return kind(db, None if collect else embedder, article_id, title, text)


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
