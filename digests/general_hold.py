"""The instant general digest's hold: minor stories wait and go together (QA79-16).

A chat that follows only the general digest (topic '') in instant mode was sent a story as soon
as a second site reported it (digests.new_deliveries.GENERAL_MIN_SOURCES): on the corpus, about
one message an hour, most holding one minor story. Now only what is worth an interruption goes
at once — a story URGENT_SITES sites or more report, or an update of a story the chat was sent —
and it takes along every story that waits; the other stories wait, and go together when the
oldest of them has waited GENERAL_HOLD, or as soon as GENERAL_BATCH of them wait. Nothing is
dropped: a held row stays pending, its `not_before` set to when it goes; the sender brings it
forward to go with the next message (bot.delivery_plan). `benchmarks/general_instant.py`
measures messages a day and stories a message on the corpus's 59 days.

A chat that follows a topic as well is not held: which of its rows answer a topic is costly to
ask at every pass (bot.origins), and a topic's alert is what it asked to be interrupted for.
A held story that a third site reports while it waits is due again at once (`wake`, from
digests.new_deliveries): the sender then sends it, and what waits with it. `release` is pure;
`general_only` and `waiting` read the database, `wake` writes in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from digests.models import iso

# A story this many sites report is worth an interruption at once (of the corpus's five sites,
# a story three of them carry: about N a day, benchmarks/general_instant.py).
URGENT_SITES = 3
# The longest a minor story waits for company (its chat's quiet hours aside).
GENERAL_HOLD = timedelta(hours=2)
# This many stories waiting go at once: a message of them is worth reading.
GENERAL_BATCH = 5


@dataclass(frozen=True)
class Waiting:
    """A pending alert or update row of the chat, due or held."""

    id: int
    story_id: int
    kind: str
    created: datetime
    not_before: datetime | None


def release(waiting: Sequence[Waiting], sites: Mapping[int, int], now: datetime, *,
            hold: timedelta = GENERAL_HOLD, urgent: int = URGENT_SITES,
            batch: int = GENERAL_BATCH) -> datetime:
    """When the chat's waiting rows go (`now` or earlier: now). At once when one is an update
    ('update:…', a story the chat was sent) or its story has `urgent` sites (`sites`: story →
    sites reporting it), or `batch` stories wait; else when the oldest has waited `hold`."""
    if not waiting or hold <= timedelta(0):
        return now
    if any(w.kind != "instant" or sites.get(w.story_id, 1) >= urgent for w in waiting):
        return now
    if len({w.story_id for w in waiting}) >= batch:
        return now
    return min(w.created for w in waiting) + hold


def general_only(db: sqlite_utils.Database, chat_id: int) -> bool:
    """Whether the chat's only subscription is the general digest (topic '')."""
    topics = {r[0] for r in db.execute("select topic from subscriptions where chat_id = ?",
                                       [chat_id])}
    return topics == {""}


def waiting(db: sqlite_utils.Database, chat_id: int) -> list[Waiting]:
    """The chat's pending alert and update rows, due or held (not a push, not a daily digest)."""
    return [Waiting(int(i), int(s), str(k), datetime.fromisoformat(c),
                    datetime.fromisoformat(nb) if nb else None)
            for i, s, k, c, nb in db.execute(
                "select id, story_id, kind, created_at, not_before from outbox"
                " where chat_id = ? and status = 'pending'"
                " and (kind = 'instant' or kind like 'update:%') order by id", [chat_id])]


def wake(db: sqlite_utils.Database, story_id: int, now: datetime) -> int:
    """The story's pending alerts held for later are due again (it has URGENT_SITES sites now):
    the sender asks anew what holds them — quiet hours and the gap between alerts postpone them
    again at send time, the general hold no longer does. Returns how many. In the caller's
    transaction (the article's store)."""
    cur = db.execute("update outbox set not_before = null where story_id = ? and status ="
                     " 'pending' and kind = 'instant' and not_before > ?", [story_id, iso(now)])
    return int(cur.rowcount or 0)
