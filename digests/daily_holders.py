"""Which chats hold a story, or an article, in a daily digest row, and what waits for a chat
(split from digests.daily_rows, whose docstring says what a digest row and its items are).

Read, never written: `holders` and `chats_having` (the rule that a chat never gets a story
twice, and the next day's update), `waiting_holders` (a story's items still to be sent: a
merge, a /push), `pending_count` and `pending_items` (a chat's queue: holds, /stats, an
unfollowed topic), `article_items` (an article's items: a gone page, a removal, a restore),
and `STORIES_OF_O`, the SQL that counts a row's stories. Pure SQL, no Telegram.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils

from digests.daily_rows import ARTICLE, Item, family, kinds_of, live, parse, ready


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
