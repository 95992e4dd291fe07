"""Deliveries that waited too long are not sent as new (QA66-2).

One rule for every way a delivery can come back late: a row still waiting more than LATE_HOURS
past its due time (`not_before`, else `created_at`) is marked skipped, never sent. A reader who
gets «📰 جديد» for a story of five weeks ago is misled; what he missed is in the archive
(/topic, /digest). Used by
- bot.restart_note, at the start after a long stop (`was_down`: nothing delivered for more
  than LATE_HOURS): a server down for a holiday, a restore with `--resend` (the admins are told
  how many; QA66-2: 26 rows of 39 days went out headed «جديد»);
- bot.hold_resumption, when a held chat may be posted in again (QA49: «the kept rows under
  24 h»; it used `created_at` before, which also dropped today's daily digest of a story queued
  yesterday morning);
- bot.sender, while running (`skip_overdue`, every LATE_CHECK_SECONDS): a bot that stayed up
  while Telegram could not be reached for days sent its rows when it came back (X107).

A retry moves a row's `not_before` to the retry's time (digests.outbox_states.retry_later), so
the row's own due time is lost; a row created more than 2 × LATE_HOURS ago is over a day past
due whatever its `not_before` says (no planned wait — a daily digest's hour, quiet hours — is
longer than a day), and is late too: the rows an outage failed and retried for days.

The archive's own window for alerting a new article is longer (48 h, digests.pipeline
PUSH_WINDOW) because it measures publication, not the wait. Pure SQL.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import sqlite_utils

from digests.daily_holders import STORIES_OF_O
from digests.models import iso

if TYPE_CHECKING:  # digests.storage imports much; the rule itself is SQL on a connection
    from digests.storage import Database

LATE_HOURS = 24  # a delivery more than this past due is skipped, not sent
LATE_REASON = "late: over 24 h past due when the bot started (it was down)"  # outbox.last_error
OVERDUE_REASON = "late: over 24 h past due (Telegram could not be reached?)"  # the sender's


def was_down(db: sqlite_utils.Database, now: datetime) -> bool:
    """Whether the bot delivered nothing for more than LATE_HOURS before `now` (its newest
    `sent_at`), having delivered before: the start after a long stop. A database that never
    delivered (new, or a test's) is not called down: its waiting rows are its first news; a
    running bot's rows a day past due are rare (a failing chat retrying), and are not the
    start's to drop."""
    row = db.execute("select max(sent_at) from outbox where status = 'sent'").fetchone()
    return bool(row and row[0]) and str(row[0]) < late_before(now)


def late_before(now: datetime) -> str:
    """The due time before which a waiting delivery is too late (ISO, as the outbox stores)."""
    return iso(now - timedelta(hours=LATE_HOURS)) or ""


def skip_late(db: sqlite_utils.Database, now: datetime, reason: str, *,
              chat_id: int | None = None, statuses: tuple[str, ...] = ("pending",),
              active_only: bool = False) -> tuple[int, int]:
    """Mark skipped (with `reason`) the rows in `statuses` more than LATE_HOURS past due, of
    one chat or all (`active_only`: of active chats only — a held chat's rows wait for its
    return and are counted by its own path, bot.hold_resumption / bot.hold_expiry); returns
    (rows, chats)."""
    marks = ", ".join("?" for _ in statuses)
    where = (f"status in ({marks}) and (coalesce(not_before, created_at) < ? or created_at < ?)"
             + (" and chat_id = ?" if chat_id is not None else "")
             + (" and chat_id in (select id from chats where active = 1)" if active_only
                else ""))
    made_before = iso(now - timedelta(hours=2 * LATE_HOURS)) or ""  # a retried row's
    args: list[object] = [*statuses, late_before(now), made_before]
    if chat_id is not None:
        args.append(chat_id)
    # stories, not rows: a daily digest's row counts its own (digests.daily_rows)
    chats, rows = (int(v or 0) for v in db.execute(
        f"select count(distinct chat_id), sum({STORIES_OF_O}) from outbox o where {where}",
        args).fetchone())
    db.execute(f"update outbox set status = 'skipped', last_error = ?, sent_at = ?"
               f" where {where}", [reason, iso(now), *args])
    return rows, chats


def skip_overdue(db: Database, now: datetime) -> tuple[int, int]:
    """The running sender's pass (X107): the active chats' pending rows over a day past due,
    skipped with OVERDUE_REASON in one transaction; (rows, chats)."""
    with db.transaction() as tx:
        return skip_late(tx, now, OVERDUE_REASON, active_only=True)
