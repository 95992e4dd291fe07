"""Merging a story split in two: the `story_merges` record, and an old id resolved.

`merge_stories` moves the younger story's reports to the older id inside the arriving article's
store transaction, records the merge in `story_merges` (kept flat: every merged id points at a
surviving story, so `resolve_story` needs one look-up) and lets the outbox collapse the two
stories' deliveries (digests.outbox_upkeep.merge_deliveries). When an article bridges two stories
(the rule, MERGE, off since session 8) is digests.stories; stories merged earlier still resolve.
Split from digests/stories.py, which re-exports these.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlite_utils

from digests.models import iso
from digests.story_rows import refresh_story

log = logging.getLogger(__name__)


def has_merges(db: sqlite_utils.Database) -> bool:
    # The story migration (006) backfills before the merges' table (020) exists: no merge then.
    return bool(db.execute("select 1 from sqlite_master where type = 'table'"
                           " and name = 'story_merges'").fetchone())


def resolve_story(db: sqlite_utils.Database, story_id: int) -> int:
    """The story a story id stands for now: the one it was merged into, else itself.

    `story_merges` is kept flat (every merged id points at a surviving story), so one look-up
    is enough. Ids handed out before a merge (an outbox row, a button) resolve through it."""
    if not has_merges(db):
        return story_id
    row = db.execute("select into_id from story_merges where merged_id = ?",
                     [story_id]).fetchone()
    return int(row[0]) if row else story_id


def merged_ids(db: sqlite_utils.Database, story_id: int) -> list[int]:
    """The ids merged into a surviving story (empty when none or the table does not exist)."""
    if not has_merges(db):
        return []
    return [int(r[0]) for r in db.execute(
        "select merged_id from story_merges where into_id = ? order by merged_id", [story_id])]


def merge_stories(db: sqlite_utils.Database, into_id: int, merged_id: int,
                  now: datetime) -> None:
    """Make two stories one, in the caller's (the arriving article's store) transaction.

    The younger story's reports move to `into_id` (the older one); `story_merges` records the
    merge, flattened so every merged id points at a surviving story, and the merged story keeps
    its row (count 0: its id is never handed out again). The outbox follows
    (digests.outbox_upkeep.merge_deliveries): no chat gets the merged story twice.
    """
    from digests.outbox_upkeep import merge_deliveries  # late: the outbox builds on retries

    db.execute("update articles set story_id = ? where story_id = ?", [into_id, merged_id])
    db.execute("update story_merges set into_id = ? where into_id = ?", [into_id, merged_id])
    db.execute("insert or replace into story_merges (merged_id, into_id, merged_at)"
               " values (?, ?, ?)", [merged_id, into_id, iso(now)])
    refresh_story(db, into_id)
    refresh_story(db, merged_id)
    merge_deliveries(db, into_id, merged_id, now)
    log.info("stories merged into=%s merged=%s", into_id, merged_id)
