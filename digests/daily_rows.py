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
rows only. The view `outbox_stories` (migration 058) shows rows and items alike, one line a
story (its `part` the item's place, -1 for a row), for the questions asked of one chat.
Pure SQL, no Telegram.
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


def kinds_of(db: sqlite_utils.Database, stories: Sequence[int]) -> list[str]:
    """The digest kinds whose rows hold any of `stories` as an item, in some chat."""
    if not stories:
        return []
    marks = ",".join("?" * len(stories))
    return [r[0] for r in db.execute(
        f"select distinct kind from daily_story_kinds where story_id in ({marks})",
        list(stories))]


def holders(db: sqlite_utils.Database, stories: Sequence[int]) -> list[tuple[Any, ...]]:
    """Every item of `stories` in a digest row: (row id, chat, status, sent_at, story,
    article, reason) — the row's status; a reason makes the item skipped."""
    kinds = kinds_of(db, stories)
    if not kinds:
        return []
    kmarks = ",".join("?" * len(kinds))
    smarks = ",".join("?" * len(stories))
    return list(db.execute(
        f"""select o.id, o.chat_id, o.status, o.sent_at, j.value ->> 0, j.value ->> 1,
                   j.value ->> 2
            from outbox o, json_each(o.items) j
            where o.kind in ({kmarks}) and o.story_id = 0 and j.value ->> 0 in ({smarks})""",
        [*kinds, *stories]).fetchall())


def chats_having(db: sqlite_utils.Database, stories: Sequence[int]) -> set[int]:
    """The chats with an item of any of `stories` (any state)."""
    return {int(r[1]) for r in holders(db, stories)}


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
    for chat_id, story, article, kind, not_before in rows:
        if _place(db, chat_id, [story, article, None, order], kind, not_before, created):
            n += 1
    return n


def _place(db: sqlite_utils.Database, chat_id: int, item: Item, kind: str,
           not_before: str | None, created: str) -> bool:
    for _ in range(3):  # the date's digest, else the next one (twice at most: a race)
        row = db.execute("select id, status, items from outbox where chat_id = ?"
                         " and story_id = 0 and kind = ?", [chat_id, kind]).fetchone()
        gone = (row is not None and row[1] != "pending") or db.execute(
            "select 1 from outbox where chat_id = ? and kind = ? and status in ('sent', 'sending')"
            " limit 1", [chat_id, kind]).fetchone() is not None
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
                _place(db, row[0], item, nxt[0], nxt[1], row[4])
        log.info("daily items queued after their digest was read moved to the next chat=%s"
                 " row=%s items=%d", row[0], row_id, len(items) - count)


def skip_items(db: sqlite_utils.Database, parts: Iterable[tuple[int, int]], reason: str) -> int:
    """Record these items (row, place) skipped with `reason` (still pending rows only)."""
    by_row: dict[int, set[int]] = {}
    for row_id, part in parts:
        by_row.setdefault(row_id, set()).add(part)
    n = 0
    for row_id, places in by_row.items():
        row = db.execute("select items from outbox where id = ? and status = 'pending'",
                         [row_id]).fetchone()
        if row is None:
            continue
        items = parse(row[0])
        for p in places:
            if p < len(items) and items[p][REASON] is None:
                items[p][REASON] = reason
                n += 1
        db.execute("update outbox set items = ? where id = ?", [dump(items), row_id])
    return n


def live(items: Sequence[Item]) -> list[tuple[int, Item]]:
    """(place, item) of the items still to be sent."""
    return [(i, it) for i, it in enumerate(items) if it[REASON] is None]


def fold_pending(db: sqlite_utils.Database, now: datetime) -> int:
    """Migration 058: a daily chat's pending rows of one story each (not updates: the chat has
    no other row of the story) become items of its one row of that date. Returns how many."""
    rows = db.execute(
        """select o.id, o.chat_id, o.story_id, o.article_id, o.kind, o.not_before, o.created_at
           from outbox o
           where o.status = 'pending' and o.kind like 'daily:%' and o.story_id != 0
             and o.items is null and o.article_id is not null
             and not exists (select 1 from outbox p where p.chat_id = o.chat_id
                             and p.story_id = o.story_id and p.id != o.id)
           order by o.id""").fetchall()
    for row_id, chat_id, story, article, kind, not_before, created in rows:
        db.execute("delete from outbox where id = ?", [row_id])
        _place(db, chat_id, [story, article, None, row_id - 1], kind, not_before, created)
    if rows:
        log.info("daily rows folded rows=%d at=%s", len(rows), iso(now))
    return len(rows)


def m059_daily_rows(db: sqlite_utils.Database) -> None:
    """Migration 059_daily_rows (module docstring): the items column, the story → digest
    dates table, the view of rows and items, and the pending per-story daily rows folded."""
    db.execute("alter table outbox add column items text")
    db.execute("""create table if not exists daily_story_kinds (
                      story_id integer not null, kind text not null,
                      primary key (story_id, kind)) without rowid""")
    db.execute(f"create view if not exists outbox_stories as {STORIES_VIEW}")
    fold_pending(db, datetime.now().astimezone())


# One line a story the outbox holds for a chat: a row of one story (part -1), or an item of a
# digest row (its place; a skipped item reads 'skipped' whatever its row's status)
STORIES_VIEW = """
    select id, chat_id, story_id, article_id, kind, status, not_before, created_at, sent_at,
           last_error, -1 as part
      from outbox where items is null
    union all
    select o.id, o.chat_id, j.value ->> 0, j.value ->> 1, o.kind,
           case when j.value ->> 2 is null then o.status else 'skipped' end, o.not_before,
           o.created_at, o.sent_at, coalesce(j.value ->> 2, o.last_error), j.key
      from outbox o, json_each(o.items) j where o.items is not null"""
