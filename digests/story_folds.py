"""Split stories folded in one bundle, at render time (QA34 R2).

The busiest events split into several stored stories (Tillerson's firing: 3 stories and 7
singletons; a follower got 10 blocks in 3 alerts) although the story step's own pair model calls
most split pairs the same event (p 0.90–0.98): its story-level vote refused them. The stored
stories are the story step's (digests.stories); here, when one bundle would carry two stories
whose faces (digests.story_face) the pair model — digests.story_model on the words features,
read-only — calls the same event with probability ≥ FOLD_PROBABILITY, the second is shown in
the first's block only: `fold_ids` drops it from the shown articles (its row still goes with the
bundle, as delivered).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import sqlite_utils

from digests import story_model
from digests.leads import compare_leads, lead_of
from digests.models import parse_iso
from digests.similarity import StoryVector, pair_features, similarity, story_vector

log = logging.getLogger(__name__)

FOLD_PROBABILITY = 0.85  # well above the model's DECISION (0.65): folding hides a block
LEAD_CHARS = 600         # of the body, as QA34's pair read (/tmp/qa34/pairs.py)
# The model was fitted on whole articles: a report with less text than this (a feed entry's
# title alone) is no evidence, and two of them are never folded.
MIN_BODY_CHARS = 200


# a report as the pair model reads it: its vector, its lead, its date; None: too little text
_Report = tuple[StoryVector, object, datetime | None] | None


def _report(row: Sequence[object]) -> _Report:
    title, body, published = str(row[1] or ""), str(row[2] or ""), row[3]
    if len(body) < MIN_BODY_CHARS:
        return None
    when = parse_iso(str(published)) if published else None
    return story_vector(title, body), lead_of(title, body[:LEAD_CHARS], when), when


def pair_probability(a: Sequence[object], b: Sequence[object]) -> float:
    """The story model's probability that two reports — rows (id, title, body, published) —
    are one event (words path); 0 past its window, without dates or with too little text
    (MIN_BODY_CHARS)."""
    return _probability(_report(a), _report(b))


def _probability(a: _Report, b: _Report) -> float:
    if a is None or b is None:
        return 0.0
    va, la, ta = a
    vb, lb, tb = b
    if ta is None or tb is None:
        return 0.0
    hours = abs((ta - tb).total_seconds()) / 3600
    if hours > story_model.WINDOW_HOURS:
        return 0.0
    evidence = compare_leads(lb, la)  # type: ignore[arg-type]
    return story_model.probability(pair_features(similarity(va, vb), hours, evidence))


def fold_ids(db: sqlite_utils.Database, article_ids: Sequence[int],
             keep: Sequence[int] = ()) -> tuple[int, ...]:
    """`article_ids` (each a story's face, best first) without those whose story is the same
    event as an earlier one's (`pair_probability` ≥ FOLD_PROBABILITY); an update (`keep`)
    is never folded away, nor is an article without a story."""
    if len(article_ids) < 2:
        return tuple(article_ids)
    marks = ",".join("?" * len(article_ids))
    rows = {int(r[0]): r for r in db.execute(
        "select id, coalesce(nullif(headline, ''), title), coalesce(nullif(body, ''), summary,"
        f" ''), coalesce(published_at, fetched_at), story_id from articles where id in ({marks})",
        list(article_ids)).fetchall()}
    reports: dict[int, _Report] = {}  # each report read once, not once per pair (~9x)

    def report(a: int) -> _Report:
        if a not in reports:
            reports[a] = _report(rows[a])
        return reports[a]
    shown: list[int] = []
    for a in article_ids:
        row = rows.get(a)
        if row is not None and row[4] is not None and a not in keep:
            into = next((s for s in shown if rows.get(s) is not None and rows[s][4] != row[4]
                         and _probability(report(s), report(a)) >= FOLD_PROBABILITY), None)
            if into is not None:
                log.info("story folded article_id=%s story_id=%s into_article=%s", a, row[4],
                         into)
                continue
        shown.append(a)
    return tuple(shown)
