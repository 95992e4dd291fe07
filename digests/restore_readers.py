"""What readers chose since a backup, carried into it when it is restored: no reader loses a
subscription, an unsubscription or a setting made after the backup.

`digests.restore_record` carries the replaced file's deliveries into the restored backup; its
readers' choices were left behind (X38's «left»): a reader who subscribed after the nightly
backup lost the subscription at the restore, one who unsubscribed was written to again, and a
language, mode, hour, quiet hours or time zone set since went back. The replaced file is the
same database later, so where the two differ the difference was made after the backup, by the
readers (or by Telegram: a chat deactivated, a group moved to a supergroup). Hence, read from
the replaced file (read-only, before it is moved aside) and written into the restored one:

- every chat row of the replaced file (its settings, active/deactivated, language), new chats
  included — columns both files have;
- every such chat's subscriptions exactly as the replaced file holds them: those made since
  are added, those removed since are removed (same topic key: the backup's row and id stay);
- a chat of the backup the replaced file no longer has (a group moved to its supergroup id,
  which is carried) is dropped with its subscriptions and deliveries, as the bot drops it.

Only when the two files are one database: the replaced file's first migration must carry the
backup's time (a database's birth, to the second), and the chats both hold must have been made
at the same times. A fresh file made at the wrong DATABASE_PATH, or another
deployment's, is not taken for newer choices of these readers (it would wipe them): nothing is
carried and the restore says why. `run.py restore --backup-readers` keeps the backup's readers
as they were (undoing a mistake made to them since). Pure SQL on two files, no Telegram.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digests.sqlite_uri import read_only_uri

log = logging.getLogger("digests.backups")

SUB_COLUMNS = ("id", "chat_id", "topic", "topic_key", "created_at")


@dataclass(frozen=True)
class Readers:
    """What was carried: chats whose row changed or was added, chats dropped, subscriptions
    added and removed; `error` says why nothing was ("" when carried)."""

    changed: int = 0  # chats of the backup whose settings differ in the replaced file
    added: int = 0  # chats new since the backup
    dropped: int = 0  # chats of the backup the replaced file no longer has
    subscribed: int = 0  # subscriptions made since the backup
    unsubscribed: int = 0  # subscriptions removed since
    error: str = ""


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"pragma table_info({table})")]


def _birth(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("select applied_at from _migrations order by id limit 1").fetchone()
    return str(row[0]) if row and row[0] else None


def _read(old: Path, chat_columns: list[str]) -> tuple[str | None, list[str], list[Any],
                                                     list[Any]]:
    """The replaced file's birth, the chat columns both files have, its chats and subscriptions.
    Raises sqlite3.Error when it cannot be read."""
    conn = sqlite3.connect(read_only_uri(old), uri=True)
    try:
        birth = _birth(conn)
        shared = [c for c in chat_columns if c in set(_columns(conn, "chats"))]
        chats = conn.execute(f"select {', '.join(shared)} from chats order by id").fetchall()
        subs = conn.execute(f"select {', '.join(SUB_COLUMNS)} from subscriptions order by id"
                            ).fetchall()
    finally:
        conn.close()
    return birth, shared, chats, subs


def carry_readers(old: Path, conn: sqlite3.Connection) -> Readers:
    """Write into the restored `conn` the chats and subscriptions of the replaced file `old`
    (module doc). Call inside the restore's transaction."""
    if not old.is_file():
        return Readers(error=f"{old} missing")
    try:
        birth, shared, chats, subs = _read(old, _columns(conn, "chats"))
    except sqlite3.Error as exc:
        log.warning("restore could not read the replaced file's readers path=%s error=%s",
                    old, exc)
        return Readers(error=str(exc))
    mine = _birth(conn)
    if birth != mine or "id" not in shared:
        return Readers(error=f"another database (created {birth or '?'}, the backup's "
                             f"{mine or '?'})")
    at = shared.index("id")
    before = {row[at]: tuple(row) for row in conn.execute(
        f"select {', '.join(shared)} from chats")}
    if "created_at" in shared:  # a chat's row is made once: the same chat, the same time
        made = shared.index("created_at")
        if any(row[at] in before and row[made] != before[row[at]][made] for row in chats):
            return Readers(error=f"another database (created {birth or '?'}, its chats made at "
                                 f"other times than the backup's)")
    now_ids = {row[at] for row in chats}
    gone = sorted(set(before) - now_ids)
    for part in range(0, len(gone), 500):
        ids = gone[part:part + 500]
        marks = ",".join("?" * len(ids))
        for table in ("subscriptions", "outbox"):  # the bot's `on delete cascade`
            conn.execute(f"delete from {table} where chat_id in ({marks})", ids)
        conn.execute(f"delete from chats where id in ({marks})", ids)
    updates = ", ".join(f"{c} = excluded.{c}" for c in shared if c != "id")
    conn.executemany(
        f"insert into chats ({', '.join(shared)}) values ({', '.join('?' * len(shared))})"
        f" on conflict(id) do update set {updates}", chats)
    changed = sum(1 for row in chats if row[at] in before and tuple(row) != before[row[at]])
    added = sum(1 for row in chats if row[at] not in before)
    subscribed, unsubscribed = _carry_subscriptions(conn, subs, now_ids)
    readers = Readers(changed, added, len(gone), subscribed, unsubscribed)
    log.info("restore carried readers changed=%d added=%d dropped=%d subscribed=%d"
             " unsubscribed=%d", readers.changed, readers.added, readers.dropped,
             readers.subscribed, readers.unsubscribed)
    return readers


def _carry_subscriptions(conn: sqlite3.Connection, subs: list[Any],
                         chats: set[int]) -> tuple[int, int]:
    """Each carried chat's subscriptions as the replaced file holds them: (added, removed)."""
    wanted = {(int(r[1]), str(r[3])): r for r in subs if r[1] in chats}
    held = {(int(r[1]), str(r[2])): int(r[0]) for r in conn.execute(
        "select id, chat_id, topic_key from subscriptions")}
    removed = [held[k] for k in held if k[0] in chats and k not in wanted]
    for part in range(0, len(removed), 500):
        ids = removed[part:part + 500]
        conn.execute(f"delete from subscriptions where id in ({','.join('?' * len(ids))})", ids)
    new = [row for key, row in wanted.items() if key not in held]
    for row in new:
        taken = conn.execute("select 1 from subscriptions where id = ?", [row[0]]).fetchone()
        if taken:  # its id went to another row of the backup: a new one
            conn.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                         " values (?, ?, ?, ?)", list(row[1:]))
        else:
            conn.execute(f"insert into subscriptions ({', '.join(SUB_COLUMNS)})"
                         " values (?, ?, ?, ?, ?)", list(row))
    return len(new), len(removed)
