"""A story's age in a pushed bundle: its first report's time, not its newest face's (QA42 B7).

A story becomes general news when a second site reports it, however late: «مقتل جنديين
إسرائيليين في هجوم بسيارة… — CNN · منذ ١٠ دقائق · ٥ مصادر» went out 21 h after the first report,
timed by CNN's new «شاهد..» video. A bundle's block is dated by its story's first live report
(`story_starts`, one query per chunk; `dated_by_story`, pure); a story's update keeps its new
report's time (the update is the news), a story-less report its own. A block so dated is marked
(`Digest.story_dated`) and says «أول خبر منذ ١٧ ساعة» beside its report's source: «BBC · منذ ١٧
ساعة» read as BBC's report being 17 hours old (QA47 Z7).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime

import sqlite_utils

from digests.live_reports import GONE
from digests.models import Digest, parse_iso

_CHUNK = 500


def story_starts(db: sqlite_utils.Database, story_ids: Iterable[int | None]
                 ) -> dict[int, datetime]:
    """story id → when its first live (not gone) report was published (else fetched)."""
    ids = sorted({s for s in story_ids if s is not None and s >= 0})
    out: dict[int, datetime] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for story, first in db.execute(
                "select story_id, min(coalesce(published_at, fetched_at)) from articles"
                f" where story_id in ({','.join('?' * len(chunk))}) and page_status != ?"
                " group by story_id", [*chunk, GONE]).fetchall():
            when = parse_iso(first)
            if when is not None:
                out[int(story)] = when
    return out


def dated_by_story(digests: Sequence[Digest], starts: Mapping[int, datetime],
                   keep: Collection[int] = ()) -> list[Digest]:
    """`digests` each dated by its story's start when that is earlier than its own time; those
    whose article id is in `keep` (a story's update) and story-less ones as they are."""
    out: list[Digest] = []
    for d in digests:
        start = starts.get(d.story_id) if d.story_id is not None else None
        if (start is not None and d.article_id not in keep
                and (d.published_at is None or start < d.published_at)):
            d = dataclasses.replace(d, published_at=start, story_dated=True)
        out.append(d)
    return out
