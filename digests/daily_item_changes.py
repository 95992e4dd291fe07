"""Changes to a daily digest row's items already queued (split from digests.daily_rows, whose
docstring says what a digest row and its items are): an item skipped with a reason (a mute, a
merge, a gone page), taken out for a /push, re-pointed at a merged story or a live report,
dropped with an article taken down; a chat's rows moved to its new hour, to rows of one story
when it turns instant, or to its supergroup; the daily purge; a restored backup's items settled.

An item skipped keeps its place (a plan may be reading the row) and still counts as the chat
having the story; a row left with nothing to send is skipped with it. Pure SQL, no Telegram.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlite_utils

from digests.daily_holders import article_items
from digests.daily_rows import ARTICLE, REASON, STORY, Item, dump, live, parse, place_item, ready


def skip_items(db: Any, parts: Iterable[tuple[int, int]], reason: str) -> int:
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
        _rewrite(db, row_id, items, reason)
    return n


def _rewrite(db: Any, row_id: int, items: Sequence[Item], reason: str) -> None:
    """Write a pending row's items back; one with no story left to send is skipped (`reason`,
    its last one's): nothing of it waits."""
    if live(items):
        db.execute("update outbox set items = ? where id = ?", [dump(items), row_id])
    else:
        db.execute("update outbox set items = ?, status = 'skipped', last_error = ?"
                   " where id = ?", [dump(items), reason, row_id])


def take_out(db: sqlite_utils.Database, row_id: int, places: Iterable[int], reason: str
             ) -> list[Item]:
    """The items at `places` of a pending digest row, marked `reason` (they go another way:
    a push, an alert after a mode switch); the row keeps them so that places stay put (a plan
    may be reading it) and the chat still counts as having the story. Returns them as they
    were."""
    row = db.execute("select items from outbox where id = ? and status = 'pending'",
                     [row_id]).fetchone()
    if row is None:
        return []
    items = parse(row[0])
    taken = []
    for p in sorted(set(places)):
        if p < len(items) and items[p][REASON] is None:
            taken.append(list(items[p]))
            items[p][REASON] = reason
    _rewrite(db, row_id, items, reason)
    return taken


def restory(db: sqlite_utils.Database, row_id: int, place: int, story: int,
            article: int | None = None) -> int:
    """The item at `place` of a pending digest row now stands for `story` (a merge keeps it
    under the surviving id) — and for `article` when given (a gone page's live report).
    Returns 1 when it changed."""
    row = db.execute("select items, kind from outbox where id = ? and status = 'pending'",
                     [row_id]).fetchone()
    if row is None:
        return 0
    items = parse(row[0])
    if place >= len(items):
        return 0
    items[place][STORY] = story
    if article is not None:
        items[place][ARTICLE] = article
    db.execute("update outbox set items = ? where id = ?", [dump(items), row_id])
    db.execute("insert or ignore into daily_story_kinds (story_id, kind) values (?, ?)",
               [story, row[1]])
    return 1


def drop(db: sqlite_utils.Database, row_id: int, places: Iterable[int]) -> int:
    """Delete these items of a pending digest row (an article taken down: nobody is sent it,
    as its rows were deleted); a row left empty goes. Returns how many."""
    row = db.execute("select items from outbox where id = ? and status = 'pending'",
                     [row_id]).fetchone()
    if row is None:
        return 0
    gone = set(places)
    items = parse(row[0])
    kept = [it for p, it in enumerate(items) if p not in gone]
    if kept:
        db.execute("update outbox set items = ? where id = ?", [dump(kept), row_id])
    else:
        db.execute("delete from outbox where id = ?", [row_id])
    return len(items) - len(kept)


def retime(db: sqlite_utils.Database, chat_id: int, kind: str, not_before: str | None,
           now: str) -> int:
    """A daily chat's new hour or zone (digests.delivery_times.retime_chat): its digest rows
    not yet due join the next digest's row (`kind` at `not_before`). Returns the items moved."""
    moved = 0
    if not ready(db):
        return 0
    for row_id, old, items, created in db.execute(
            "select id, kind, items, created_at from outbox where chat_id = ? and story_id = 0"
            " and items is not null and status = 'pending' and kind != ?"
            " and coalesce(not_before, '') > ?", [chat_id, kind, now]).fetchall():
        db.execute("delete from outbox where id = ?", [row_id])
        for item in parse(items):
            moved += place_item(db, chat_id, item, kind, not_before, created)
    return moved


def to_rows(db: sqlite_utils.Database, chat_id: int, kind: str, not_before: str | None) -> int:
    """A daily chat turned instant (digests.delivery_times.retime_chat): its pending digest
    rows become one row a story of `kind` (due at `not_before`), as they would have been
    queued; a skipped item a skipped row (the chat has it). Returns the rows made."""
    made = 0
    if not ready(db):
        return 0
    for row_id, items, created, error in db.execute(
            "select id, items, created_at, last_error from outbox where chat_id = ?"
            " and story_id = 0 and items is not null and status = 'pending'",
            [chat_id]).fetchall():
        db.execute("delete from outbox where id = ?", [row_id])
        for item in parse(items):
            skipped = item[REASON] is not None
            db.execute("insert or ignore into outbox (chat_id, story_id, article_id, kind,"
                       " not_before, created_at, status, last_error) values (?,?,?,?,?,?,?,?)",
                       [chat_id, item[STORY], item[ARTICLE], kind,
                        None if skipped else not_before, created,
                        "skipped" if skipped else "pending", item[REASON] or error])
            made += 1
    return made


def move_rows(db: sqlite_utils.Database, old_id: int, new_id: int) -> None:
    """A group's digest rows when its supergroup has rows already
    (digests.outbox_states.move_chat): each joins the supergroup's row of its date, but the
    stories the supergroup has (nothing twice), or moves whole when it has none of that date."""
    have = {int(r[0]) for r in db.execute(
        "select story_id from outbox_stories where chat_id = ?", [new_id])}
    for row_id, kind, items in db.execute(
            "select id, kind, items from outbox where chat_id = ? and story_id = 0"
            " and items is not null", [old_id]).fetchall():
        mine = [it for it in parse(items) if int(it[STORY]) not in have]
        there = db.execute("select id, items from outbox where chat_id = ? and story_id = 0"
                           " and kind = ?", [new_id, kind]).fetchone()
        if there is None:
            db.execute("update outbox set chat_id = ?, items = ? where id = ?",
                       [new_id, dump(mine), row_id])
            continue
        db.execute("update outbox set items = ? where id = ?",
                   [dump([*parse(there[1]), *mine]), there[0]])
        db.execute("delete from outbox where id = ?", [row_id])


def prune(db: sqlite_utils.Database, cutoff: str) -> int:
    """The daily purge's part for digest rows finished before `cutoff`: items whose story
    (or the one it was merged into) had no report fetched since go; a row with none left goes.
    A long story keeps its items: a later report of it must not reach the chat twice.
    Returns the rows deleted."""
    rows = db.execute("select id, items from outbox where story_id = 0 and items is not null"
                      " and status in ('sent', 'failed', 'skipped')"
                      " and coalesce(sent_at, created_at) < ? order by id", [cutoff]).fetchall()
    gone = 0
    # a date no digest row holds any more needs no entry (one a story and date: small)
    db.execute("delete from daily_story_kinds where not exists (select 1 from outbox o"
               " where o.kind = daily_story_kinds.kind and o.story_id = 0)")
    for row_id, items in rows:
        kept = [it for it in parse(items) if _reported_since(db, int(it[STORY]), cutoff)]
        if kept:
            db.execute("update outbox set items = ? where id = ?", [dump(kept), row_id])
        else:
            db.execute("delete from outbox where id = ?", [row_id])
            gone += 1
    return gone


def _reported_since(db: sqlite_utils.Database, story: int, cutoff: str) -> bool:
    return db.execute(
        """select 1 where exists (select 1 from articles where story_id = ? and fetched_at >= ?)
             or exists (select 1 from articles where id = ? and fetched_at >= ?)
             or exists (select 1 from story_merges m join articles a on a.story_id = m.into_id
                        where m.merged_id = ? and a.fetched_at >= ?)""",
        [story, cutoff, -story, cutoff, story, cutoff]).fetchone() is not None


def settle(db: Any, status_of: Callable[[int, int], tuple[str | None, str | None]],
           note: str, skip_note: str, due_by: str | None, article: int | None = None
           ) -> tuple[int, int]:
    """A restored backup's waiting digest items, settled as the replaced file settled their
    stories (digests.restore_record): `status_of(article, chat)` → (its status there, sent
    at). Sent: a row of the story sent then, the item marked `note` (not sent twice); skipped:
    the item marked `note`; not known and the row due by `due_by` (None: never): `skip_note`.
    `article`: only its items (a report fetched again). Returns (sent, skipped)."""
    sent = skipped = 0
    only = ""
    if article is not None:  # the rows holding it, through its story's digest dates
        rows = sorted({r for r, _p, _c, _i in article_items(db, article, None)})
        if not rows:
            return 0, 0
        only = f" and id in ({','.join(str(r) for r in rows)})"
    for row_id, chat_id, kind, due, created, items in db.execute(
            "select id, chat_id, kind, coalesce(not_before, created_at), created_at, items"
            " from outbox where story_id = 0 and items is not null"
            f" and status in ('pending', 'sending'){only}").fetchall():
        parsed = parse(items)
        changed = False
        for _place, item in live(parsed):
            if article is not None and item[ARTICLE] != article:
                continue
            status, at = status_of(int(item[ARTICLE]), int(chat_id))
            if status == "sent":
                db.execute("insert or ignore into outbox (chat_id, story_id, article_id, kind,"
                           " created_at, status, sent_at, last_error)"
                           " values (?, ?, ?, ?, ?, 'sent', ?, ?)",
                           [chat_id, item[STORY], item[ARTICLE], kind, created, at, note])
                item[REASON], changed = note, True
                sent += 1
            elif status == "skipped" or (status is None and due_by is not None
                                         and str(due) <= due_by):
                item[REASON], changed = (note if status else skip_note), True
                skipped += 1
        if changed:
            _rewrite(db, int(row_id), parsed, note)
    return sent, skipped
