"""A daily-digest chat's new stories of a day in one outbox row (X122, QA72-3).

Before, a daily chat got one outbox row per story (~46 a general follower a day, each ~272
bytes with the table's indexes, kept 30 days: ~5 GB at 15,000 chats). Now the new stories a
chat's digest of a date will carry are *items* of one row: `story_id = 0`, `article_id`
null, `kind = 'daily:<date>'`, `items` a JSON array of `[story, article, reason, order]`
(reason null: to be sent; a text: skipped for it — it still counts as the chat having the
story). `order` places the item among the chat's rows as its own row's id would have (the id
of the newest outbox row when it was queued): a digest ranks equal stories newest first
(bot.shown_stories), so the message stays what per-story rows gave.

What stays one row per story: updates and corrections (digests.story_updates,
digests.correction_updates: a few a day), pushes, instant rows. The planner bundles a chat's
due rows of one kind together, so a digest row and the day's update rows make one message.

A chat never gets a second row *or item* of a story it has (the rule of
digests.new_deliveries.insert_rows); `daily_story_kinds` (story, kind) says which digest dates
hold a story in some chat's row, so «which chats have this story» is read from those dates'
rows only. The view `outbox_stories` shows rows and items alike, one line a story; it, the items
column, `daily_story_kinds` and the fold of older rows are migration 059's
(digests.daily_row_schema). An item's fields are read with `json_extract(item, '$[1]')`, not
SQLite's JSON arrow operator: it came in SQLite 3.38, and a Python 3.11 linked to an older system
SQLite (RHEL 9's 3.34, Ubuntu 22.04's 3.37) failed migration 059 on it (REV2 s26). Pure SQL, no
Telegram.

This module holds an item's form and its queueing (`add`, and at the claim `split_late`,
`taken_rows`). Split by job: which chats hold a story and what waits is digests.daily_holders;
the changes made to items already queued (skipped, taken out, moved, pruned, settled after a
restore) are digests.daily_item_changes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from digests.delivery_times import next_daily
from digests.models import iso

log = logging.getLogger("digests.outbox")  # the outbox's log, wherever its SQL lives

Item = list[Any]  # [story, article, reason | None, order]
STORY, ARTICLE, REASON, ORDER = range(4)


def parse(text: str | None) -> list[Item]:
    """A row's items (none for a row of one story)."""
    return json.loads(text) if text else []


def dump(items: Sequence[Item]) -> str:
    return json.dumps(list(items), ensure_ascii=False, separators=(",", ":"))


def live(items: Sequence[Item]) -> list[tuple[int, Item]]:
    """(place, item) of the items still to be sent."""
    return [(i, it) for i, it in enumerate(items) if it[REASON] is None]


def family(db: sqlite_utils.Database, stories: Iterable[int]) -> list[int]:
    """The stories and those merged into them (digests.story_merges: a chat's row may keep a
    merged id)."""
    ids = sorted(set(stories))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    merged = [r[0] for r in db.execute(
        f"select merged_id from story_merges where into_id in ({marks})", ids)]
    return sorted(set(ids) | set(merged))


def ready(db: Any) -> bool:
    """Whether the database has migration 059's digest rows (a test's or a migration's older
    archive, run by today's code, has not: it has rows of one story only)."""
    return db.execute("select 1 from sqlite_master where name = 'daily_story_kinds'"
                      ).fetchone() is not None


def kinds_of(db: sqlite_utils.Database, stories: Sequence[int]) -> list[str]:
    """The digest kinds whose rows hold any of `stories` as an item, in some chat."""
    if not stories or not ready(db):
        return []
    marks = ",".join("?" * len(stories))
    return [r[0] for r in db.execute(
        f"select distinct kind from daily_story_kinds where story_id in ({marks})",
        list(stories))]


def add(db: sqlite_utils.Database, rows: Sequence[tuple[int, int, int | None, str, str | None]],
        created: str) -> int:
    """Queue (chat, story, article, 'daily:<date>', not_before) as items of the chats' digest
    rows; the caller has left out the chats that have the story. An item joins the chat's
    pending row of that date (made when missing); when that date's digest went already (or
    is on its way) it joins the next one (QA35 L5: at most one digest per chat and date).
    Returns how many were queued."""
    if not rows:
        return 0
    order = int(db.execute("select coalesce(max(id), 0) from outbox").fetchone()[0])
    n = 0
    for kind in sorted({r[3] for r in rows}):
        group = [r for r in rows if r[3] == kind]
        # the chats whose row of the date waits already take the item in one statement
        # (QA72-4: a report of the general digest reaches ~12,000 daily chats)
        waiting = {int(r[0]) for r in db.execute(
            "select chat_id from outbox where story_id = 0 and kind = ? and status = 'pending'"
            " and items is not null", [kind])}
        fast = [r for r in group if r[0] in waiting]
        if fast:
            db.conn.executemany(
                "update outbox set items = json_insert(items, '$[#]', json(?))"
                " where chat_id = ? and story_id = 0 and kind = ? and status = 'pending'",
                [(json.dumps([story, article, None, order], separators=(",", ":")), chat_id, kind)
                 for chat_id, story, article, _k, _nb in fast])
            db.conn.executemany(
                "insert or ignore into daily_story_kinds (story_id, kind) values (?, ?)",
                sorted({(r[1], kind) for r in fast}))
            n += len(fast)
        for chat_id, story, article, _k, not_before in group:
            if chat_id not in waiting and place_item(db, chat_id, [story, article, None, order],
                                                 kind, not_before, created):
                n += 1
    return n


def place_item(db: sqlite_utils.Database, chat_id: int, item: Item, kind: str,
           not_before: str | None, created: str, *, late: bool = True) -> bool:
    """Add `item` to the chat's pending row of `kind`; `late`: one whose digest went goes to
    the next (else it stays, as a folded row did: the claim moves it, `late_dailies`)."""
    for _ in range(3):  # the date's digest, else the next one (twice at most: a race)
        row = db.execute("select id, status, items from outbox where chat_id = ?"
                         " and story_id = 0 and kind = ?", [chat_id, kind]).fetchone()
        # (a pending row of the date: its digest has not gone, no other row of it went alone)
        gone = (row is not None and row[1] != "pending") or (row is None and late and db.execute(
            "select 1 from outbox where chat_id = ? and kind = ? and status in ('sent', 'sending')"
            " limit 1", [chat_id, kind]).fetchone() is not None)
        if not gone:
            if row is None:
                db.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                           " not_before, created_at, items) values (?, 0, null, ?, ?, ?, ?)",
                           [chat_id, kind, not_before, created, dump([item])])
            else:
                db.execute("update outbox set items = ? where id = ?",
                           [dump([*parse(row[2]), item]), row[0]])
            db.execute("insert or ignore into daily_story_kinds (story_id, kind) values (?, ?)",
                       [item[STORY], kind])
            return True
        nxt = _next_kind(db, chat_id, not_before)
        if nxt is None or nxt[0] == kind:
            return False
        kind, not_before = nxt
    return False


def _next_kind(db: sqlite_utils.Database, chat_id: int, not_before: str | None
               ) -> tuple[str, str | None] | None:
    """The chat's digest after the one due at `not_before`."""
    chat = next(iter(db.query(
        "select id, daily_hour, time_zone, utc_offset_minutes, quiet_start, quiet_end"
        " from chats where id = ?", [chat_id])), None)
    if chat is None or not_before is None:
        return None
    kind, when = next_daily(datetime.fromisoformat(not_before) + timedelta(minutes=1), chat)
    return kind, iso(when)


def split_late(db: sqlite_utils.Database, seen: dict[int, int]) -> None:
    """In the claim's transaction: the items a poll added to these digest rows after the
    sender read them (`seen`: row → the items it read) go to the chat's next digest: the
    message was made without them (QA35 L5's race, for one row)."""
    for row_id, count in seen.items():
        row = db.execute("select chat_id, kind, not_before, items, created_at from outbox"
                         " where id = ? and status = 'pending'", [row_id]).fetchone()
        if row is None:
            continue
        items = parse(row[3])
        if len(items) <= count:
            continue
        db.execute("update outbox set items = ? where id = ?", [dump(items[:count]), row_id])
        nxt = _next_kind(db, row[0], row[2])
        for item in items[count:]:
            if nxt is not None:
                place_item(db, row[0], item, nxt[0], nxt[1], row[4])
        log.info("daily items queued after their digest was read moved to the next chat=%s"
                 " row=%s items=%d", row[0], row_id, len(items) - count)


TAKEN = "sent with "  # an item a /push took: «sent with push:<id>» (digests.push_queue)


def taken_rows(db: Any, seen: dict[int, int]) -> list[int]:
    """The pending push rows of the items a /push took from these digest rows among the first
    `seen` (those the sender's plan read, so its message shows them): claimed with the digest
    (digests.outbox_states.claim), as the row a push moved was before X122."""
    out: list[int] = []
    for row_id, count in seen.items():
        row = db.execute("select chat_id, items from outbox where id = ? and status = 'pending'",
                         [row_id]).fetchone()
        if row is None:
            continue
        for item in parse(row[1])[:count]:
            reason = str(item[REASON] or "")
            if reason.startswith(TAKEN):
                found = db.execute("select id from outbox where chat_id = ? and story_id = ?"
                                   " and kind = ? and status = 'pending'",
                                   [row[0], item[STORY], reason[len(TAKEN):]]).fetchone()
                if found is not None:
                    out.append(int(found[0]))
    return out
