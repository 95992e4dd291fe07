"""What the replaced file delivered, carried into a restored backup: nothing sent twice after a restore.

A backup knows nothing of what the bot fetched and sent after it was taken. Once it is restored,
the first poll fetches those articles again, stores them as new and alerts the chats that already
had them (QA22 U2, QA24: reader 2001 got «📰 جديد «تشيلسي»…» a second time, 4 s after the start).
The file the restore replaces still holds the truth, so `digests.backups.restore` reads from it
(before moving it aside) every delivery settled or waiting since the backup's last write, keyed
by chat and by the address of every article of the delivered story, into the restored file's
table `restore_deliveries`. Then:

- `settle_restored` (at restore): a delivery the backup still holds as pending is marked sent
  when the replaced file sent it, skipped when that file skipped it or no longer holds it, and
  left pending when that file was still waiting to send it (it is owed: nothing lost).
- `settle_new` (a processing step's helper, digests.new_deliveries): a delivery queued for an
  article fetched again is recorded as the replaced file settled it (sent, with its time, or
  skipped), instead of being sent a second time; a chat then has the story, so a later report
  of it queues no second alert either (the outbox's one-row-per-story rule).

Addresses, not ids: the backup's ids of articles and stories fetched since differ from the
replaced file's. Failed deliveries (the chat blocked the bot …) are not carried: nothing was
delivered. The table is made by the restore (no migration: a file never restored has none).
Pure SQL, no Telegram.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import sqlite_utils

from digests import daily_item_changes
from digests.models import iso
from digests.sqlite_uri import read_only_uri

log = logging.getLogger("digests.outbox")  # the outbox's log, wherever its SQL lives

TABLE = "restore_deliveries"  # (story, chat): what the replaced file did with a story
ARTICLES = "restore_articles"  # (address, story): the articles of those stories
PRIOR = 1 << 45  # a carried record's own stories, renumbered past any story id
# A delivery the replaced file had made (or skipped): not sent again from the restored backup
DELIVERED_NOTE = ("وصل المحادثة قبل استرجاع النسخة الاحتياطية / delivered before the backup "
                  "was restored")
# A waiting delivery of the backup due by the restore, which the replaced file no longer holds
SKIP_NOTE = "restored from a backup: may have been sent before the restore"
# The carried statuses, strongest first: one per (story, chat) is kept
_RANK = {"sent": 0, "skipped": 1, "pending": 2}
# Read from this long before the backup's last write: the two files' clocks are one machine's,
# but a delivery's sent_at is written after the send, and a margin costs only a few rows
MARGIN = timedelta(hours=1)


@dataclass(frozen=True)
class Carried:
    """What was read from the replaced file: rows kept, and why it could not be read ("" when
    it was)."""

    rows: int  # (story, chat) deliveries
    error: str = ""
    addresses: int = 0  # articles of those stories


def backup_moment(conn: sqlite3.Connection) -> str:
    """The backup's last write as an ISO time: its newest article fetched or delivery queued or
    sent (a copy not made by `backup` has no stamp, and a stamp is only as right as the clock)."""
    row = conn.execute(
        "select max(t) from (select max(fetched_at) t from articles union all"
        " select max(created_at) from outbox union all select max(sent_at) from outbox)"
    ).fetchone()
    if not row[0]:
        return ""
    try:
        return iso(datetime.fromisoformat(row[0]) - MARGIN) or ""
    except ValueError:
        return ""


Record = tuple[list[tuple[int, int, str, str | None]], list[tuple[str, int]]]


def read_delivered(old: Path, since: str) -> Record:
    """What the replaced file `old` delivered, skipped or was waiting to deliver since `since`:
    (story, chat, status, sent_at) once per story and chat, and (address, story) for every
    article of those stories — a story's addresses once, not once per chat (1,000 chats × 50
    stories: 50,000 + 300 rows, not 300,000).

    A story is the replaced file's id (an article without one: minus its id). Opened read-only:
    the file moved aside is kept as it was. Raises sqlite3.Error when it cannot be read
    (damaged, not Nashra's): the caller falls back to skipping what is due."""
    conn = sqlite3.connect(read_only_uri(old), uri=True)
    try:
        recent = """(status in ('pending', 'sending')
                     or (status in ('sent', 'skipped') and coalesce(sent_at, created_at) >= ?))"""
        # a daily digest's items too, where the file has them (migration 059's view)
        table = "outbox_stories" if conn.execute(
            "select 1 from sqlite_master where name = 'outbox_stories'").fetchone() else "outbox"
        found = conn.execute(
            f"""select story_id, chat_id,
                       case when status = 'sending' then 'pending' else status end, sent_at
                from {table} where {recent}""", [since]).fetchall()
        keys = sorted({int(r[0]) for r in found})
        # the delivered article itself, wherever its story went since (a merge, a move)
        articles: list[tuple[str, int]] = conn.execute(
            f"""select distinct a.url, o.story_id from {table} o join articles a
                on a.id = o.article_id where {recent}""", [since]).fetchall()
        for at in range(0, len(keys), 500):
            part = keys[at:at + 500]
            marks = ",".join("?" * len(part))
            articles += conn.execute(
                f"""select url, story_id from articles where story_id in ({marks})
                    union all select url, -id from articles where -id in ({marks})""",
                [*part, *part]).fetchall()
        # a file restored before carries its own record (its stories renumbered past this
        # file's): what it holds is still delivered
        if conn.execute("select 1 from sqlite_master where name = ?", [TABLE]).fetchone():
            found += conn.execute(f"select story + {PRIOR}, chat_id, status, sent_at from {TABLE}"
                                  " where status in ('sent', 'skipped')").fetchall()
            articles += conn.execute(f"select url, story + {PRIOR} from {ARTICLES}").fetchall()
    finally:
        conn.close()
    best: dict[tuple[int, int], tuple[int, int, str, str | None]] = {}
    for story, chat, status, sent_at in found:
        key = (int(story), int(chat))
        if key not in best or _RANK[status] < _RANK[best[key][2]]:
            best[key] = (int(story), int(chat), status, sent_at)
    return sorted(best.values()), sorted(set(articles))


def write_delivered(conn: sqlite3.Connection, record: Record) -> None:
    """Replace the restored file's record with `record` (a later restore knows better)."""
    deliveries, articles = record
    conn.execute(f"""create table if not exists {TABLE} (
                       story integer not null, chat_id integer not null, status text not null,
                       sent_at text, primary key (story, chat_id)) without rowid""")
    conn.execute(f"""create table if not exists {ARTICLES} (
                       url text not null, story integer not null,
                       primary key (url, story)) without rowid""")
    conn.execute(f"delete from {TABLE}")
    conn.execute(f"delete from {ARTICLES}")
    conn.executemany(f"insert into {TABLE} (story, chat_id, status, sent_at) values (?, ?, ?, ?)",
                     deliveries)
    conn.executemany(f"insert or ignore into {ARTICLES} (url, story) values (?, ?)", articles)


def carry_over(old: Path, conn: sqlite3.Connection) -> Carried:
    """Read the replaced file `old` and write its record into the restored `conn`."""
    if not old.is_file():
        return Carried(0, f"{old} missing")
    try:
        record = read_delivered(old, backup_moment(conn))
    except sqlite3.Error as exc:
        log.warning("restore could not read the replaced file's deliveries path=%s error=%s",
                    old, exc)
        return Carried(0, str(exc))
    write_delivered(conn, record)
    return Carried(len(record[0]), "", len(record[1]))


# How a chat's record of an address reads: the strongest status any story of it had there
_MINE = f"""(select d.status from {{TABLE}} d join {{ARTICLES}} r on r.story = d.story
             where r.url = {{url}} and d.chat_id = {{chat}}
             order by case d.status when 'sent' then 0 when 'skipped' then 1 else 2 end
             limit 1)"""


def _mine(url: str, chat: str) -> str:
    return _MINE.format(TABLE=TABLE, ARTICLES=ARTICLES, url=url, chat=chat)


def settle_restored(conn: sqlite3.Connection, now: str) -> tuple[int, int]:
    """Settle the restored backup's waiting deliveries by the record: (sent, skipped).

    Sent or skipped as the replaced file did; a delivery due by `now` that the replaced file no
    longer holds is skipped (it was settled there long ago and pruned); one it still held
    waiting stays, as do those not due yet."""
    url = "(select a.url from articles a where a.id = o.article_id)"
    mine = _mine(url, "o.chat_id")
    waiting = "o.status in ('pending', 'sending') and o.article_id is not null"
    sent = conn.execute(
        f"""update outbox as o set status = 'sent', last_error = ?,
                  sent_at = (select d.sent_at from {TABLE} d join {ARTICLES} r
                             on r.story = d.story where r.url = {url} and d.chat_id = o.chat_id
                             and d.status = 'sent' limit 1)
            where {waiting} and {mine} = 'sent'""", [DELIVERED_NOTE]).rowcount
    skipped = conn.execute(
        f"""update outbox as o set status = 'skipped', last_error = ?
            where {waiting} and {mine} = 'skipped'""", [DELIVERED_NOTE]).rowcount
    gone = conn.execute(
        f"""update outbox as o set status = 'skipped', last_error = ?
            where o.status in ('pending', 'sending') and {mine} is null and o.items is null
              and coalesce(o.not_before, o.created_at) <= ?""", [SKIP_NOTE, now]).rowcount
    # a daily digest's items, one by one (digests.daily_rows)
    item_sent, item_skipped = daily_item_changes.settle(
        conn, partial(_status_of, conn), DELIVERED_NOTE, SKIP_NOTE, now)
    return sent + item_sent, skipped + gone + item_skipped


def _status_of(conn: Any, article: int, chat: int) -> tuple[str | None, str | None]:
    """How the replaced file settled the story of `article` (its address) for `chat`."""
    mine = _mine("(select a.url from articles a where a.id = ?)", "?")
    row = conn.execute(f"select {mine}", [article, chat]).fetchone()
    status = row[0] if row else None
    if status != "sent":
        return status, None
    at = conn.execute(f"""select d.sent_at from {TABLE} d join {ARTICLES} r on r.story = d.story
                          where r.url = (select a.url from articles a where a.id = ?)
                            and d.chat_id = ? and d.status = 'sent' limit 1""",
                      [article, chat]).fetchone()
    return status, at[0] if at else None


def settle_new(db: sqlite_utils.Database, article_id: int, url: str) -> int:
    """Record the deliveries just queued for `article_id` as the replaced file settled them
    (a restored backup fetching again what that file had fetched). Returns how many."""
    if not db.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                      [TABLE]).fetchone():
        return 0  # never restored: the usual case costs one lookup
    mine = _mine("?", "o.chat_id")
    sent = db.execute(
        f"""update outbox as o set status = 'sent', last_error = ?,
                  sent_at = (select d.sent_at from {TABLE} d join {ARTICLES} r
                             on r.story = d.story where r.url = ? and d.chat_id = o.chat_id
                             and d.status = 'sent' limit 1)
            where o.article_id = ? and o.status = 'pending' and {mine} = 'sent'""",
        [DELIVERED_NOTE, url, article_id, url]).rowcount
    skipped = db.execute(
        f"""update outbox as o set status = 'skipped', last_error = ?
            where o.article_id = ? and o.status = 'pending' and {mine} = 'skipped'""",
        [DELIVERED_NOTE, article_id, url]).rowcount
    # its items in daily digests (digests.daily_rows)
    item_sent, item_skipped = daily_item_changes.settle(
        db, partial(_status_of, db), DELIVERED_NOTE, SKIP_NOTE, None, article_id)
    return int(sent) + int(skipped) + item_sent + item_skipped
