"""Split stories folded in one bundle, at render time (QA34 R2).

The busiest events split into several stored stories (Tillerson's firing: 3 stories and 7
singletons; a follower got 10 blocks in 3 alerts) although the story step's own pair model calls
most split pairs the same event (p 0.90–0.98): its story-level vote refused them. The stored
stories are the story step's (digests.stories); here, when one bundle would carry two stories
whose faces (digests.story_face) the pair model — digests.story_model on the words features,
read-only — calls the same event with probability ≥ FOLD_PROBABILITY, the second is shown in
the first's block only: `fold_ids` drops it from the shown articles (its row still goes with the
bundle, as delivered).

One match told twice (QA64-12: Sevilla 2–2 Barcelona, CNN «ميسي يقود برشلونة إلى "ريمونتادا" أمام
إشبيلية» and Sky News «برشلونة ينجو بأعجوبة من أول هزيمة بالدوري», six minutes apart) is worded
too far apart for the pair model (p 0.53: one is told through its hero, the other through the
table). `same_match` folds such reports by the match itself: both headlines are led by a match
result (digests.event_frame's «match» class), within MATCH_HOURS, their headlines and first
sentences name the same two sides (SIDES name keys in common, each headline naming one of them),
and no score or named day tells them apart.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from digests import arabic, story_model
from digests.event_frame import Frame, _name_like, frame_of, predicate_class
from digests.leads import _DATELINE, Lead, _first_sentence, compare_leads, lead_of
from digests.models import parse_iso
from digests.similarity import (
    StoryVector,
    content_keys,
    key_count,
    pair_features,
    similarity,
    story_vector,
)

log = logging.getLogger(__name__)

FOLD_PROBABILITY = 0.85  # well above the model's DECISION (0.65): folding hides a block
LEAD_CHARS = 600         # of the body, as QA34's pair read (/tmp/qa34/pairs.py)
# The model was fitted on whole articles: a report with less text than this (a feed entry's
# title alone) is no evidence, and two of them are never folded.
MIN_BODY_CHARS = 200
# One match's reports come within hours of its end; two games of the same two sides are days
# apart (a league game, a cup leg), so a few hours cannot hold both.
MATCH_HOURS = 6.0
SIDES = 2  # name keys both tops share: the two sides (a team and its opponent)
# a name key rarer than this in the word table names a side; «أمام», «بعد» are commoner
# (برشلونة 1068, إشبيلية 217, أمام 2724)
SIDE_COUNT = 2000
# words that name a competition, a sport or a day, not a side: two games of one league, one
# tournament or one evening share them (normalized keys, as digests.arabic makes them)
NOT_SIDES = frozenset({
    "انجليزي", "اسباني", "ايطالي", "الماني", "فرنسي", "برتغالي", "اوروبا", "اوروبي", "لكره",
    "ممتاز", "دوري", "كاس", "بطوله", "تنس", "للتنس", "سبت", "احد", "اثنين", "ثلاثاء", "اربعاء",
    "خميس", "جمعه"})


@dataclass(frozen=True)
class _Match:
    """What `same_match` reads of a report led by a match result."""

    frame: Frame
    head: frozenset[str]   # the headline's side keys
    sides: frozenset[str]  # the side keys of headline and first sentence
    runs: tuple[tuple[str, ...], ...]  # the headline's side keys, word by word ("" between)


# a report as the pair model reads it: its vector, its lead, its date, its match (None: not
# led by a match result); None: too little text
_Report = tuple[StoryVector, Lead, datetime | None, _Match | None] | None


def _word_sides(word: str) -> tuple[str, ...]:
    if predicate_class(word):
        return ()
    return tuple(k for k in content_keys(word)
                 if k not in NOT_SIDES and _name_like(k) and key_count(k) < SIDE_COUNT)


def _side_keys(text: str) -> frozenset[str]:
    return frozenset(k for w in arabic.normalized_words(text) for k in _word_sides(w))


def _sides_named(keys: frozenset[str], a: _Match, b: _Match) -> int:
    """How many sides `keys` name in the two headlines: keys next to each other in either
    headline are one name («إنديان ويلز», «ريال مدريد»), not two sides."""
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k
    for runs in (a.runs, b.runs):
        for one, two in zip(runs, runs[1:]):
            for x in set(one) & keys:
                for y in set(two) & keys:
                    parent[root(x)] = root(y)
    return len({root(k) for k in keys})


def _match(title: str, body: str, when: datetime | None) -> _Match | None:
    if when is None:
        return None
    frame = frame_of(title, body, when)
    if frame.main != "match":
        return None
    lead = _DATELINE.sub("", _first_sentence(body))  # «دبي (CNN)» names no side
    runs = tuple(_word_sides(w) for w in arabic.normalized_words(title))
    head = frozenset(k for run in runs for k in run)
    return _Match(frame, head, head | _side_keys(lead), runs)


def _report(row: Sequence[object]) -> _Report:
    title, body, published = str(row[1] or ""), str(row[2] or ""), row[3]
    if len(body) < MIN_BODY_CHARS:
        return None
    when = parse_iso(str(published)) if published else None
    return (story_vector(title, body), lead_of(title, body[:LEAD_CHARS], when), when,
            _match(title, body[:LEAD_CHARS], when))


def same_match(a: _Match, b: _Match, hours: float) -> bool:
    """Whether two reports led by a match result tell one match (module doc): within
    MATCH_HOURS, SIDES side keys in common with each headline naming one, and neither their
    scores nor their named days differ."""
    if hours > MATCH_HOURS:
        return False
    fa, fb = a.frame, b.frame
    if fa.scores and fb.scores and not fa.scores & fb.scores:
        return False  # 2–2 and 1–0 are two games
    if fa.day is not None and fb.day is not None and fa.day != fb.day:
        return False
    shared = a.sides & b.sides
    # the sides on top: both headlines name one of them, and between them they name both
    return bool(a.head & b.head) and _sides_named(shared & (a.head | b.head), a, b) >= SIDES


def pair_probability(a: Sequence[object], b: Sequence[object]) -> float:
    """The story model's probability that two reports — rows (id, title, body, published) —
    are one event (words path); 0 past its window, without dates or with too little text
    (MIN_BODY_CHARS); 1 for two reports of one match (`same_match`)."""
    return _probability(_report(a), _report(b))


def _probability(a: _Report, b: _Report) -> float:
    if a is None or b is None:
        return 0.0
    va, la, ta, ma = a
    vb, lb, tb, mb = b
    if ta is None or tb is None:
        return 0.0
    hours = abs((ta - tb).total_seconds()) / 3600
    if ma is not None and mb is not None and same_match(ma, mb, hours):
        return 1.0
    if hours > story_model.WINDOW_HOURS:
        return 0.0
    evidence = compare_leads(lb, la)
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
