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
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
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


def holders(db: sqlite_utils.Database, stories: Sequence[int]) -> list[tuple[Any, ...]]:
    """Every item of `stories` in a digest row: (row id, chat, status, sent_at, story,
    article, reason) — the row's status; a reason makes the item skipped."""
    kinds = kinds_of(db, stories)
    if not kinds:
        return []
    kmarks = ",".join("?" * len(kinds))
    found: list[tuple[Any, ...]] = []
    # An item is «[story,article,reason,order]» and «[» opens nothing else but the list, so
    # «[story,» finds it in the row's text, and the text up to the next «]» is the item (no
    # reason holds a bracket): no JSON parsed but the one item (QA72-4: a general story's
    # second report asks the rows of ~12,000 chats)
    for story in stories:
        mark = f"[{int(story)},"
        found += db.execute(
            f"""select id, chat_id, status, sent_at, {int(story)}, json_extract(it, '$[1]'),
                      json_extract(it, '$[2]')
                from (select id, chat_id, status, sent_at,
                             substr(items, instr(items, ?),
                                    instr(substr(items, instr(items, ?)), ']')) as it
                      from outbox where kind in ({kmarks}) and story_id = 0
                        and instr(items, ?) > 0)""", [mark, mark, *kinds, mark]).fetchall()
    return found


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
            if chat_id not in waiting and _place(db, chat_id, [story, article, None, order],
                                                 kind, not_before, created):
                n += 1
    return n


def _place(db: sqlite_utils.Database, chat_id: int, item: Item, kind: str,
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
                _place(db, row[0], item, nxt[0], nxt[1], row[4])
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


def live(items: Sequence[Item]) -> list[tuple[int, Item]]:
    """(place, item) of the items still to be sent."""
    return [(i, it) for i, it in enumerate(items) if it[REASON] is None]


# A row's stories still to be sent: 1 for a row of one story, its live items for a digest row
# (an SQL expression on the outbox row `o`)
STORIES_OF_O = ("(case when o.items is null then 1 else (select count(*) from json_each(o.items)"
                " where json_extract(value, '$[2]') is null) end)")


def pending_count(db: sqlite_utils.Database, chat_id: int) -> int:
    """The stories waiting for the chat (pending rows, a digest row's live items each)."""
    return int(db.execute(f"select coalesce(sum({STORIES_OF_O}), 0) from outbox o"
                          " where o.chat_id = ? and o.status = 'pending'",
                          [chat_id]).fetchone()[0])


def pending_items(db: sqlite_utils.Database, chat_id: int) -> list[tuple[int, int, Item]]:
    """(row, place, item) of the chat's pending digest rows' live items."""
    out = []
    for row_id, items in db.execute("select id, items from outbox where chat_id = ?"
                                    " and story_id = 0 and items is not null"
                                    " and status = 'pending' order by id", [chat_id]):
        out += [(int(row_id), place, item) for place, item in live(parse(items))]
    return out


def waiting_holders(db: sqlite_utils.Database, stories: Sequence[int]
                    ) -> list[tuple[int, int, str, str | None]]:
    """(chat, story, kind, not_before) of the live items of `stories` in digest rows still
    pending or being sent."""
    kinds = kinds_of(db, stories)
    if not kinds:
        return []
    kmarks = ",".join("?" * len(kinds))
    smarks = ",".join("?" * len(stories))
    return [(int(c), int(s), str(k), nb) for c, s, k, nb in db.execute(
        f"""select o.chat_id, json_extract(j.value, '$[0]'), o.kind, o.not_before
            from outbox o, json_each(o.items) j
            where o.kind in ({kmarks}) and o.story_id = 0 and o.status in ('pending', 'sending')
              and json_extract(j.value, '$[0]') in ({smarks})
              and json_extract(j.value, '$[2]') is null""",
        [*kinds, *stories]).fetchall()]


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
            moved += _place(db, chat_id, item, kind, not_before, created)
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


def article_items(db: sqlite_utils.Database, article_id: int, story: int | None
                  ) -> list[tuple[int, int, int, Item]]:
    """(row, place, chat, item) of the live items of `article_id` in pending digest rows (found
    through the story's digest dates; `story` None: the article's own)."""
    if not ready(db):
        return []
    if story is None:
        found = db.execute("select story_id from articles where id = ?", [article_id]).fetchone()
        story = int(found[0]) if found and found[0] is not None else -article_id
    kinds = kinds_of(db, family(db, [story]))
    if not kinds:
        return []
    out = []
    for row_id, chat_id, items in db.execute(
            f"select id, chat_id, items from outbox where kind in ({','.join('?' * len(kinds))})"
            " and story_id = 0 and status = 'pending'", kinds):
        out += [(int(row_id), int(chat_id), p, it) for p, it in live(parse(items))
                if it[ARTICLE] == article_id]
    return [(r, p, c, it) for r, c, p, it in out]


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
