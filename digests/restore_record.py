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
from pathlib import Path

import sqlite_utils

from digests.models import iso

log = logging.getLogger("digests.outbox")  # the outbox's log, wherever its SQL lives

TABLE = "restore_deliveries"
# A delivery the replaced file had made (or skipped): not sent again from the restored backup
DELIVERED_NOTE = ("وصل المحادثة قبل استرجاع النسخة الاحتياطية / delivered before the backup "
                  "was restored")
# A waiting delivery of the backup due by the restore, which the replaced file no longer holds
SKIP_NOTE = "restored from a backup: may have been sent before the restore"
# The carried statuses, strongest first: one per (address, chat) is kept
_RANK = {"sent": 0, "skipped": 1, "pending": 2}
# Read from this long before the backup's last write: the two files' clocks are one machine's,
# but a delivery's sent_at is written after the send, and a margin costs only a few rows
MARGIN = timedelta(hours=1)


@dataclass(frozen=True)
class Carried:
    """What was read from the replaced file: rows kept, and why it could not be read ("" when
    it was)."""

    rows: int
    error: str = ""


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


def read_delivered(old: Path, since: str) -> list[tuple[str, int, str, str | None]]:
    """(address, chat, status, sent_at) for every article of every story the replaced file
    `old` delivered, skipped or was waiting to deliver to a chat since `since`.

    Opened read-only: the file moved aside is kept as it was. Raises sqlite3.Error when it
    cannot be read (damaged, not Nashra's): the caller falls back to skipping what is due."""
    conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    try:
        # three ways an article belongs to a delivery: its story, its own row's article, or a
        # story-less article's own negative story id
        found = conn.execute(
            """with settled as (
                 select chat_id, story_id, article_id,
                        case when status = 'sending' then 'pending' else status end status,
                        sent_at
                 from outbox
                 where status in ('pending', 'sending')
                    or (status in ('sent', 'skipped') and coalesce(sent_at, created_at) >= ?))
               select a.url, s.chat_id, s.status, s.sent_at
                 from settled s join articles a on a.story_id = s.story_id
               union select a.url, s.chat_id, s.status, s.sent_at
                 from settled s join articles a on a.id = s.article_id
               union select a.url, s.chat_id, s.status, s.sent_at
                 from settled s join articles a on a.id = -s.story_id""", [since]).fetchall()
        # a file restored before carries its own record: what it holds is still delivered
        if conn.execute("select 1 from sqlite_master where name = ?", [TABLE]).fetchone():
            found += conn.execute(f"select url, chat_id, status, sent_at from {TABLE}"
                                  " where status in ('sent', 'skipped')").fetchall()
    finally:
        conn.close()
    best: dict[tuple[str, int], tuple[str, int, str, str | None]] = {}
    for url, chat, status, sent_at in found:
        key = (url, chat)
        if key not in best or _RANK[status] < _RANK[best[key][2]]:
            best[key] = (url, int(chat), status, sent_at)
    return sorted(best.values())


def write_delivered(conn: sqlite3.Connection, rows: list[tuple[str, int, str, str | None]]
                    ) -> None:
    """Replace the restored file's record with `rows` (a later restore knows better)."""
    conn.execute(f"""create table if not exists {TABLE} (
                       url text not null, chat_id integer not null, status text not null,
                       sent_at text, primary key (url, chat_id)) without rowid""")
    conn.execute(f"delete from {TABLE}")
    conn.executemany(f"insert into {TABLE} (url, chat_id, status, sent_at) values (?, ?, ?, ?)",
                     rows)


def carry_over(old: Path, conn: sqlite3.Connection) -> Carried:
    """Read the replaced file `old` and write its record into the restored `conn`."""
    if not old.is_file():
        return Carried(0, f"{old} missing")
    try:
        rows = read_delivered(old, backup_moment(conn))
    except sqlite3.Error as exc:
        log.warning("restore could not read the replaced file's deliveries path=%s error=%s",
                    old, exc)
        return Carried(0, str(exc))
    write_delivered(conn, rows)
    return Carried(len(rows))


def settle_restored(conn: sqlite3.Connection, now: str) -> tuple[int, int]:
    """Settle the restored backup's waiting deliveries by the record: (sent, skipped).

    Sent or skipped as the replaced file did; a delivery due by `now` that the replaced file no
    longer holds is skipped (it was settled there long ago and pruned); one it still held
    waiting stays, as do those not due yet."""
    waiting = """o.status in ('pending', 'sending') and o.article_id is not null"""
    mine = f"""(select r.status from {TABLE} r join articles a on a.url = r.url
                where a.id = o.article_id and r.chat_id = o.chat_id)"""
    sent = conn.execute(
        f"""update outbox as o set status = 'sent', last_error = ?,
                  sent_at = (select r.sent_at from {TABLE} r join articles a on a.url = r.url
                             where a.id = o.article_id and r.chat_id = o.chat_id)
            where {waiting} and {mine} = 'sent'""", [DELIVERED_NOTE]).rowcount
    skipped = conn.execute(
        f"""update outbox as o set status = 'skipped', last_error = ?
            where {waiting} and {mine} = 'skipped'""", [DELIVERED_NOTE]).rowcount
    gone = conn.execute(
        f"""update outbox as o set status = 'skipped', last_error = ?
            where o.status in ('pending', 'sending') and {mine} is null
              and coalesce(o.not_before, o.created_at) <= ?""", [SKIP_NOTE, now]).rowcount
    return sent, skipped + gone


def settle_new(db: sqlite_utils.Database, article_id: int, url: str) -> int:
    """Record the deliveries just queued for `article_id` as the replaced file settled them
    (a restored backup fetching again what that file had fetched). Returns how many."""
    if not db.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                      [TABLE]).fetchone():
        return 0  # never restored: the usual case costs one lookup
    sent = db.execute(
        f"""update outbox as o set status = case r.status when 'sent' then 'sent'
                                                   else 'skipped' end,
                  sent_at = case r.status when 'sent' then r.sent_at end, last_error = ?
            from {TABLE} r
            where r.url = ? and r.chat_id = o.chat_id and r.status in ('sent', 'skipped')
              and o.article_id = ? and o.status = 'pending'""",
        [DELIVERED_NOTE, url, article_id]).rowcount
    return int(sent)
