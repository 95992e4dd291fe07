"""Migration 059's schema of the daily digest rows (X122; the rows themselves: digests.daily_rows).

The `items` column of the outbox, the `daily_story_kinds` table (story, kind: which digest dates
hold a story in some chat's row), and the view `outbox_stories`, which shows rows and items alike,
one line a story (its `part` the item's place, -1 for a row), for the questions asked of one chat.
The migration also folds the pending per-story daily rows into one row a chat and date.
An item's fields are read with `json_extract(item, '$[1]')`, not SQLite's JSON arrow operator: it
came in SQLite 3.38, and a Python 3.11 linked to an older system SQLite (RHEL 9's 3.34, Ubuntu
22.04's 3.37) failed migration 059 on it (REV2 s26). Pure SQL, no Telegram.
"""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from digests.daily_rows import log, place_item
from digests.models import iso


def fold_pending(db: sqlite_utils.Database, now: datetime) -> int:
    """Migration 059: a daily chat's pending rows of one story each (not updates: the chat has
    no other row of the story) become items of its one row of that date. Returns how many."""
    rows = db.execute(
        """select o.id, o.chat_id, o.story_id, o.article_id, o.kind, o.not_before, o.created_at
           from outbox o
           where o.status = 'pending' and o.kind like 'daily:%' and o.story_id != 0
             and o.items is null and o.article_id is not null
             and not exists (select 1 from outbox p where p.chat_id = o.chat_id
                             and p.story_id = o.story_id and p.id != o.id)
           order by o.id""").fetchall()
    # a chat's rows of one date wait for one time; any that do not (a row held apart) stay
    # rows of one story each, which the sender still bundles with the rest
    times: dict[tuple[int, str], set[str | None]] = {}
    for _i, chat_id, _s, _a, kind, not_before, _c in rows:
        times.setdefault((chat_id, kind), set()).add(not_before)
    rows = [r for r in rows if len(times[(r[1], r[4])]) == 1]
    for row_id, chat_id, story, article, kind, not_before, created in rows:
        db.execute("delete from outbox where id = ?", [row_id])
        place_item(db, chat_id, [story, article, None, row_id - 1], kind, not_before, created,
                   late=False)
    if rows:
        log.info("daily rows folded rows=%d at=%s", len(rows), iso(now))
    return len(rows)


def m059_daily_rows(db: sqlite_utils.Database) -> None:
    """Migration 059_daily_rows (module docstring): the items column, the story → digest
    dates table, the view of rows and items, and the pending per-story daily rows folded."""
    if not db.execute("select 1 from pragma_table_info('outbox') where name = 'items'").fetchone():
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
    select o.id, o.chat_id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'),
           o.kind, case when json_extract(j.value, '$[2]') is null then o.status
                   else 'skipped' end, o.not_before, o.created_at, o.sent_at,
           coalesce(json_extract(j.value, '$[2]'), o.last_error), j.key
      from outbox o, json_each(o.items) j where o.items is not null"""
