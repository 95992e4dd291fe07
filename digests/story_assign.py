"""The story step's storage side: an article's assignment to a story, the merge rule, the backfill.

digests.stories decides which story an article belongs to (`find_match`: the candidates, the pair
decision, the story vote); this module acts on the answer inside the store transaction: it
writes the article's postings and vector (`story_terms`, `story_vectors`), sets its `story_id`,
refreshes the stories touched, merges two stories an article bridges when MERGE is on
(`_merge_fitting`, digests.story_merges), and assigns stories to articles stored before the step
existed (`backfill_stories`). Callers know these functions as digests.stories.*, re-exported there.

The step's settings and swappable parts (`find_match`, `_judge`, `embedder_for`, the JOIN_/MERGE_
settings, PREVIEW_RULE) are read on digests.stories at call time, never copied: the benchmarks
and tests swap them on that module. Hence the import inside each function (digests.stories
imports this module).
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import sqlite_utils

from digests import story_preview
from digests.leads import Lead, compare_leads, lead_of
from digests.models import Article, iso
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT, article_from_row
from digests.similarity import StoryVector, lowest_threshold, similarity_to_blob, story_vector
from digests.story_meaning import StoryEmbedder, meaning_for
from digests.story_merges import has_merges, merge_stories
from digests.story_rows import refresh_story

if TYPE_CHECKING:
    from digests.stories import Match

log = logging.getLogger(__name__)

def _members_fit(db: sqlite_utils.Database, one: int, other: int, when: datetime) -> bool:
    """Whether the reports of two stories fit each other as one story (MERGE_RULE "members").

    Words only (stored vectors and 600-character leads): over the pairs across the two stories
    (each its MERGE_MEMBERS reports nearest to `when`), the pair model's mean probability must
    reach JOIN_MEAN and a JOIN_SHARE of the pairs JOIN_DECISION, as an article joining a story."""
    from digests import stories  # the step: read at call time (benchmarks and tests swap it)

    def members(story_id: int) -> list[tuple[bytes, datetime, Lead]]:
        """The story's MERGE_MEMBERS reports nearest to `when`: vector, time and lead each."""
        rows = db.execute(
            "select v.vector, v.published_at, a.title,"
            " substr(coalesce(nullif(a.body, ''), a.summary), 1, 600)"
            " from story_vectors v join articles a on a.id = v.article_id where a.story_id = ?"
            " order by abs(julianday(v.published_at) - julianday(?)), a.id limit ?",
            [story_id, iso(when), stories.MERGE_MEMBERS]).fetchall()
        out = []
        for blob, published, title, body in rows:
            then = datetime.fromisoformat(published)
            out.append((blob, then, lead_of(title or "", body or "", then)))
        return out

    left, right = members(one), members(other)
    if not left or not right:
        return False
    probs = []
    for blob, then, lead in left:
        vector = StoryVector.from_blob(blob)
        for other_blob, other_then, other_lead in right:
            hours = stories._hours(then, other_then)
            sim = similarity_to_blob(vector, other_blob)
            if sim < lowest_threshold(hours):
                probs.append(0.0)
                continue
            probs.append(stories._judge(sim, hours, compare_leads(lead, other_lead), None, 0,
                                        None)[0])
    close = sum(p >= stories.JOIN_DECISION for p in probs)
    return (sum(probs) / len(probs) >= stories.JOIN_MEAN
            and close >= stories.JOIN_SHARE * len(probs))


def _merge_fitting(db: sqlite_utils.Database, match: Match, when: datetime,
                   now: datetime) -> int:
    """Merge the stories an arriving article fits as a whole (its best and `match.also`) under
    MERGE_RULE; returns the story the article joins (the oldest of those merged)."""
    from digests import stories  # the step: read at call time (benchmarks and tests swap it)
    group = [match.story_id] + [
        s for s in match.also
        if stories.MERGE_RULE == "fit" or _members_fit(db, match.story_id, s, when)]
    return _merge_group(db, group, now)


def _merge_group(db: sqlite_utils.Database, group: list[int], now: datetime) -> int:
    """Merge the stories of `group` into the oldest; returns it."""
    into = min(group)
    for story_id in sorted(group):
        if story_id != into:
            merge_stories(db, into, story_id, now)
    return into


def _remember(db: sqlite_utils.Database, article_id: int, vector: StoryVector,
              when: datetime) -> None:
    from digests import stories  # the step: read at call time (benchmarks and tests swap it)
    stamp = iso(when)
    db.execute("delete from story_terms where article_id = ?", [article_id])
    db.execute("insert or replace into story_vectors (article_id, published_at, vector)"
               " values (?, ?, ?)", [article_id, stamp, vector.to_blob()])
    if len(vector) >= stories.MIN_TERMS:  # too short to be matched either way: no postings
        db.conn.executemany(
            "insert into story_terms (term, published_at, article_id) values (?, ?, ?)",
            [(t, stamp, article_id) for t in vector.heaviest()])


def _assign(db: sqlite_utils.Database, article: Article, now: datetime,
            embedder: StoryEmbedder | None = None) -> int:
    """Give one stored article its story; returns the story id. Idempotent.

    With an `embedder`, pairs the words leave uncertain are weighed by meaning (see `Meaning`):
    the vectors embedded on the way are stored. A vector stored by an earlier assignment of this
    article is dropped first (its text may have changed since).
    """
    from digests import stories  # the step: read at call time (benchmarks and tests swap it)
    when = article.published_at or now
    vector = story_vector(article.title, article.text)
    meaning = meaning_for(db, embedder, article.id, article.title, article.text)
    if meaning is not None:
        db.execute(f"delete from {meaning.table} where article_id = ?", [article.id])
    # Forget this article's own postings first so it never matches itself on re-assignment.
    db.execute("delete from story_terms where article_id = ?", [article.id])
    match = stories.find_match(db, article.id, vector, when,
                               lead_of(article.title, article.text, when), meaning,
                               story_preview.side_of_text(article.title, article.text, when)
                               if stories.PREVIEW_RULE else None)
    row = db.execute("select story_id from articles where id = ?", [article.id]).fetchone()
    old = row[0] if row else None
    if old is not None and not db.execute("select 1 from stories where id = ?", [old]).fetchone():
        old = None
    if match is not None:
        story_id = match.story_id
        if stories.MERGE and match.also and meaning is None and has_merges(db):
            story_id = _merge_fitting(db, match, when, now)
        elif match.bridges and has_merges(db):  # MERGE_LINK (brief S23), under MERGE_RULE
            story_id = _merge_group(db, [match.story_id] + [
                s for s in match.bridges
                if stories.MERGE_RULE == "fit" or _members_fit(db, match.story_id, s, when)], now)
    elif old is not None:
        story_id = old  # nothing better: keep the story it has (re-assignment changes nothing)
    else:
        story_id = int(db.execute("insert into stories (created_at) values (?)",
                                  [iso(now)]).lastrowid or 0)
    _remember(db, article.id, vector, when)
    db.execute("update articles set story_id = ? where id = ?", [story_id, article.id])
    refresh_story(db, story_id)
    if old is not None and old != story_id:
        refresh_story(db, old)
    log.debug("story assigned article=%s story=%s matched=%s sim=%.3f", article.id, story_id,
              match.article_id if match else None, match.similarity if match else 0.0)
    return story_id


def meaning_texts(db: sqlite_utils.Database, title: str, text: str, when: datetime,
                  article_id: int = 0, embedder: StoryEmbedder | None = None) -> list[str]:
    """The texts the story step will want embedded for an article about to be stored.

    A read-only dry run of the step (no model, nothing written): its own headline and lead when
    any candidate pair falls in the uncertain band, and those of the in-band candidates that have
    no stored vector. Ingest embeds them in a worker thread before the store transaction, so the
    step finds them in the model's memo instead of holding the event loop (~0.1–0.3 s a text).
    The texts are those `embedder` wants (the model `embedder_for` gives: USE or e5); empty
    without one, or where its vectors' table does not exist yet.
    """
    from digests import stories  # the step: read at call time (benchmarks and tests swap it)
    collector = meaning_for(db, embedder, article_id, title, text, collect=True)
    if collector is None:
        return []
    stories.find_match(db, article_id, story_vector(title, text), when,
                       lead_of(title, text, when), collector)
    return collector.wanted


def assign_story(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
    """Processing step: put a stored article into the story of its best match, or a new story.

    Runs inside the store transaction; no network. The caller's `article.story_id` may be stale:
    the database row is the truth, and re-running the step on the same archive changes nothing.
    With a model (`embedder_for(ctx.settings)`: USE by default, e5 opt-in) the pairs the words
    leave uncertain are weighed by it too, embedding (and storing) the vectors they need.
    """
    from digests import stories  # the step: read at call time (benchmarks and tests swap it)
    _assign(db, article, ctx.now, stories.embedder_for(ctx.settings))


def backfill_stories(db: sqlite_utils.Database, now: datetime | None = None,
                     batch: int = 500) -> int:
    """Assign stories to stored articles that have none in the index yet, oldest first.

    Used by the story migration for articles stored before this step existed; safe to re-run.
    Returns how many articles were assigned.
    """
    now = now or datetime.now(timezone.utc)
    done = 0
    last_key: tuple[str, int] = ("", -1)
    while True:
        rows = list(db.query(
            f"{ARTICLE_SELECT} where articles.id not in (select article_id from story_vectors)"
            " and (coalesce(articles.published_at, '') > ? or"
            " (coalesce(articles.published_at, '') = ? and articles.id > ?))"
            " order by coalesce(articles.published_at, ''), articles.id limit ?",
            [last_key[0], last_key[0], last_key[1], batch]))
        if not rows:
            return done
        for row in rows:
            _assign(db, article_from_row(row), now)
            last_key = (row.get("published_at") or "", row["id"])
            done += 1
