"""Sources scheduled by a clock that ran ahead (QA40 N3).

A poll stores `last_polled_at = now` and `next_poll_at = now + delay`. When the server's clock
was ahead (a bad NTP step, a VM restored, a bot started with a wrong clock) and is set back, every
`next_poll_at` lies in the future by as long as the jump, and `due_sources` (next_poll_at <= now)
polled nothing for that long: 3 hours tested, «scheduled poll sources=0» each minute while
/sources said «next poll within 1 min». A source whose last poll is later than now (by more than
CLOCK_SLACK), or, never polled, whose next poll is further away than any delay a poll sets, was
scheduled by a clock that ran ahead: it is due now. Its next poll then stores times by the right
clock and the source is scheduled as before. Pure over the stored rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from digests.models import parse_iso

log = logging.getLogger(__name__)

# A clock set back by less than this is not noticed: the source waits at most this much longer.
CLOCK_SLACK = timedelta(minutes=2)
# The longest delay a poll ever sets (digests.sources.MAX_RETRY_AFTER, a site's Retry-After).
LONGEST_DELAY = timedelta(hours=24)


def scheduled_ahead(row: Mapping[str, Any], now: datetime) -> bool:
    """True when this source row was scheduled by a clock ahead of `now`'s: polled «later» than
    now, or (never polled) due later than any poll could have set."""
    polled = parse_iso(row.get("last_polled_at"))
    if polled is not None:
        return polled > now + CLOCK_SLACK
    due = parse_iso(row.get("next_poll_at"))
    return due is not None and due > now + LONGEST_DELAY + CLOCK_SLACK


def ahead_ids(rows: Iterable[Mapping[str, Any]], now: datetime) -> set[int]:
    """The ids of the active source rows `scheduled_ahead` of `now`."""
    return {int(r["id"]) for r in rows if r.get("active", 1) and scheduled_ahead(r, now)}


def ahead_by(rows: Iterable[Mapping[str, Any]], now: datetime) -> timedelta | None:
    """How far ahead of `now` the latest poll of an active source was recorded (more than
    CLOCK_SLACK), or None: what /stats tells while such sources wait for their poll."""
    latest = max((p for r in rows if r.get("active", 1)
                  for p in (parse_iso(r.get("last_polled_at")),) if p is not None), default=None)
    return latest - now if latest is not None and latest > now + CLOCK_SLACK else None
