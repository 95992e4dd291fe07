"""Story reports among related links: which reports are of one story, and one link per story.

Two reports read as one story (`same_story`) when their headlines are near copies (`near_copy`),
or, published within STORY_DAYS of each other, when one headline holds most of the other's weight
or their signatures (digests.signatures) share many keys. Story ids, where the story step has set
them, are trusted over headlines unless the headlines are near copies. `one_per_story` keeps the
best-ranked candidate of each story and leaves out the article's own story when the digest lists
it already as "story" links (`story_mates`). digests.related ranks the candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from digests.arabic import STOP_WORDS, analyze, normalize
from digests.models import Article, parse_iso
from digests.signatures import idf

SAME_TITLE = 0.6          # weighted share of the longer headline near copies share
SAME_TITLE_NEAR = 0.52    # of the shorter one, for two reports within STORY_DAYS of each other
SAME_SIGNATURE = 8        # or this many signature keys, within STORY_DAYS
STORY_DAYS = 2.0
MAX_STORY_MATES = 20      # as many as the digest lists from (digests.digest.MAX_STORY_SIBLINGS)


@dataclass(frozen=True)
class Report:
    """What tells two reports of one story from two stories: the content keys of the headline,
    the publication time and the signature's keys (empty when not known)."""

    title_keys: frozenset[str]
    published: datetime | None
    signature: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Candidate:
    """A scored candidate link (digests.related scores it; `one_per_story` keeps or drops it)."""

    score: float
    article_id: int
    title: str                # normalized, for exact repeats
    story_id: int | None
    report: Report


def _title_weight(keys: frozenset[str]) -> float:
    return sum(idf(k) for k in keys)


def headline_keys(keys: Sequence[str]) -> frozenset[str]:
    """A headline's analyzed `keys` that tell it from another: no stop words, digits or
    one-letter keys."""
    return frozenset(k for k in keys if len(k) > 1 and k not in STOP_WORDS and not k.isdigit())


def _shares(a: Report, b: Report) -> tuple[float, float]:
    """The weight (idf) two headlines share, as a share of the shorter and of the longer one."""
    shared = a.title_keys & b.title_keys
    if len(shared) < 2:
        return 0.0, 0.0
    w, wa, wb = _title_weight(shared), _title_weight(a.title_keys), _title_weight(b.title_keys)
    return w / max(1e-9, min(wa, wb)), w / max(1e-9, wa, wb)


def near_copy(a: Report, b: Report) -> bool:
    """Whether two headlines are near copies: they share SAME_TITLE of the longer one's weight.
    «محمد صلاح أفضل لاعب في الدوري الإنجليزي الممتاز لشهر فبراير» and «محمد صلاح لاعب الشهر في
    الدوري الإنجليزي» are; «محمد صلاح: أحلم بالفوز بالدوري الإنجليزي مع ليفربول» is not."""
    return _shares(a, b)[1] >= SAME_TITLE


def same_story(a: Report, b: Report) -> bool:
    """Whether two reports read as one story: near-copy headlines (`near_copy`), at any distance
    in time; or, published within STORY_DAYS of each other, headlines of which one holds
    SAME_TITLE_NEAR of the other's weight, or SAME_SIGNATURE shared signature keys."""
    shorter, longer = _shares(a, b)
    if longer >= SAME_TITLE:  # near copies
        return True
    if a.published is None or b.published is None:
        return False
    if abs((a.published - b.published).total_seconds()) > STORY_DAYS * 86400:
        return False
    return shorter >= SAME_TITLE_NEAR or len(a.signature & b.signature) >= SAME_SIGNATURE


def story_mates(db: sqlite_utils.Database, article: Article) -> list[Report]:
    """The article's story-mates from other sources, by headline and date: the reports the
    digest lists as its "story" links (digests.digest: same `story_id`, another source)."""
    if article.story_id is None:
        return []
    rows = db.execute(
        "select title, published_at from articles where story_id = ? and id != ?"
        " and source_id != ? limit ?",
        [article.story_id, article.id, article.source_id, MAX_STORY_MATES]).fetchall()
    return [Report(headline_keys(analyze(title or "")), parse_iso(published) if published else None)
            for title, published in rows]


def _one_story(a_story: int | None, a: Report, b_story: int | None, b: Report) -> bool:
    """Whether two reports are of one story: by their story ids when both have one (the story
    step has read their texts and dates: two Austin parcel bombs a day apart under like
    headlines are two stories) unless their headlines are near copies (`near_copy`: a reader
    takes them for one story), else as they read (`same_story`)."""
    if a_story is not None and b_story is not None:
        return a_story == b_story or near_copy(a, b)
    return same_story(a, b)


def one_per_story(article: Article, own: Report, ranked: Sequence[Candidate], limit: int,
                   mates: Sequence[Report] = (), own_site: frozenset[int] = frozenset()
                   ) -> list[int]:
    """The best-ranked candidate of each story, at most `limit` ids.

    A story is a `story_id`; reports without one are of a story as they read (`same_story`).
    The article's own story (`own`: the article as a report) is left out when the digest lists
    it already (`mates`, its "story" links from other sources): its story-mates and, without a
    story id, reports that read as it or a mate. Without mates, those reports — the same
    source's earlier reports of its story_id too — are one link, as any other story. An exact
    repeat of its headline is always left out. With mates, one of `own_site` (the article's own
    source's earlier reports of its story, digests.related: no "story" link names them) is kept,
    the first ranked that is not a near copy of the article's headline (QA64-8).
    """
    own_title = normalize(article.title).strip()
    kept: list[Candidate] = []
    own_story_taken = bool(mates)
    own_site_taken = False
    for c in ranked:
        if c.title and c.title == own_title:
            continue
        if c.title and any(c.title == k.title for k in kept):
            continue
        if any(_one_story(c.story_id, c.report, k.story_id, k.report) for k in kept):
            continue
        if mates and c.story_id is not None and c.story_id == article.story_id:
            # a story-mate: a "story" link of the digest — or the same source's earlier report,
            # which no story link gives: one of them is kept (QA64-8)
            if c.article_id not in own_site or own_site_taken or near_copy(c.report, own):
                continue
            own_site_taken = True
            kept.append(c)
            if len(kept) >= limit:
                break
            continue
        # Without mates the digest lists no report of its story, and the same source's earlier
        # report of it is one link, as a story-less one is (QA25 E11: 59 of the corpus's 2,847
        # digests without a link had one; 20 of 20 read were the same event).
        if _one_story(c.story_id, c.report, article.story_id, own) or (
                c.story_id is None and any(same_story(c.report, r) for r in mates)):
            if own_story_taken:
                continue
            own_story_taken = True
        kept.append(c)
        if len(kept) >= limit:
            break
    return [c.article_id for c in kept]
