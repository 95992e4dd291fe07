"""Pending outbox rows recorded skipped, with the reason /stats and the logs give (reviewer RA,
item 3): one place for what digests.reader_sources.skip_muted, digests.unfollowed.skip_unfollowed
and digests.repeats.skip_repeats each wrote out. Only rows still 'pending' change — one the
sender took meanwhile goes as taken — and ids go in chunks under SQLite's bound-parameter limit.

A module of its own, below all three: digests.outbox_states imports digests.reader_sources
(`move_mutes`), so the helper there would close an import cycle. `skip_rows_and_items` adds the
daily digest items (row, place) that go with the rows — the one copy of what
digests.event_folds.skip_folded, digests.reader_sources.skip_muted and
digests.unfollowed.skip_unfollowed each wrote out (review of session 27, D6).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from digests.models import iso
from digests.storage import Database

CHUNK = 400  # row ids per statement (SQLite's bound-parameter limit is 999 on old builds)


def skip_rows(db: Database, row_ids: Iterable[int], reason: str,
              now: datetime | None = None) -> int:
    """Mark the still-pending rows of `row_ids` skipped with `reason` (and `sent_at` = `now`
    when given: when they were decided), in one transaction. Returns how many changed."""
    ids = sorted(set(row_ids))
    if not ids:
        return 0
    # sent_at is set only when `now` is given (digests.repeats leaves it NULL)
    sent, values = ("", [reason]) if now is None else (", sent_at = ?", [reason, iso(now)])
    changed = 0
    with db.transaction() as tx:
        for start in range(0, len(ids), CHUNK):
            part = ids[start:start + CHUNK]
            marks = ",".join("?" * len(part))
            changed += tx.execute(f"update outbox set status = 'skipped', last_error = ?{sent}"
                                  f" where status = 'pending' and id in ({marks})",
                                  [*values, *part]).rowcount
    return changed


def skip_rows_and_items(db: Database, row_ids: Iterable[int], items: Sequence[tuple[int, int]],
                        reason: str, now: datetime) -> int:
    """`skip_rows` on `row_ids`, then the still-live daily digest items (row, place) of `items`
    skipped with the same `reason` (digests.daily_item_changes.skip_items) in a transaction of
    their own. Returns how many rows and items changed."""
    # late: daily_item_changes builds on the outbox modules that import this one
    from digests.daily_item_changes import skip_items

    n = skip_rows(db, row_ids, reason, now)
    if items:
        with db.transaction() as tx:
            n += skip_items(tx, items, reason)
    return n
