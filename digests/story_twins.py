"""A site's twin copies are one report to the story step (brief S35).

France 24 (and, less often, CNN, BBC and Al Arabiya) publishes one article in two sections: the
same title, the same minute, two URLs. The corpus of the benchmarks holds 181 such pairs (147 of
France 24). To the story step they were two reports: the second copy follows the first at pair
probability 0.99–1.00 whatever the first decided, and a story holding both gave the article twice
the weight in every later report's vote. Under `digests.stories.TWIN_RULE` the second copy takes
its twin's story and a story's vote weighs a twin once (off: on 29 folds it moved 14 labelled pairs
both ways and lost precision; benchmarks/README.md, S35). Twins are what a reader's links already
fold (digests.story_sites.site_links, QA34 R7): one site, one normalized title, published within
story_sites.TWIN_MINUTES. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from digests.story_sites import TWIN_MINUTES, _title_key


@dataclass(frozen=True)
class Copy:
    """One report as the twin test reads it."""

    article_id: int
    site: str          # digests.story_sites.site_of of its URL
    title: str
    published: datetime


def is_twin(a: Copy, b: Copy) -> bool:
    """Whether two reports are one article's copies: one site, one normalized title (not empty),
    published within TWIN_MINUTES of each other."""
    if a.article_id == b.article_id or not a.site or a.site != b.site:
        return False
    key = _title_key(a.title)
    return bool(key) and key == _title_key(b.title) and abs(
        (a.published - b.published).total_seconds()) <= TWIN_MINUTES * 60


def _order(c: Copy) -> tuple[datetime, int]:
    return c.published, c.article_id


def twin_of(report: Copy, candidates: Iterable[Copy]) -> Copy | None:
    """The earliest of `candidates` that is `report`'s twin, if any."""
    twins = [c for c in candidates if is_twin(report, c)]
    return min(twins, key=_order) if twins else None


def repeated(copies: Sequence[Copy]) -> frozenset[int]:
    """Ids of the copies that are a later twin of another listed copy: left out so the twin
    counts once (the earliest copy, then the lowest id, stays)."""
    ordered = sorted(copies, key=_order)
    return frozenset(c.article_id for i, c in enumerate(ordered)
                     if any(is_twin(c, e) for e in ordered[:i]))
