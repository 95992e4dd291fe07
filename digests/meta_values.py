"""The `meta` table's key/value reads and writes, in one place.

`meta` (key text primary key, value text) keeps small facts that outlive a restart: a source's
failure the admins were told of (bot.source_alerts), a feed's permanent moves (digests.feed_moves).
Each caller wrote its own SQL for it; these helpers take either a `Database` or the
`sqlite_utils.Database` of a transaction the caller holds (`put`/`delete` never open one of their
own, so a caller's several writes stay one commit). digests.backups reads a backup file's `meta`
on its own sqlite3 connection and keeps its own read.
"""

from __future__ import annotations

import sqlite_utils

from digests.storage import Database


def _sql(db: Database | sqlite_utils.Database) -> sqlite_utils.Database:
    return db.db if isinstance(db, Database) else db


def get(db: Database | sqlite_utils.Database, key: str) -> str | None:
    """The value stored under `key`, or None."""
    row = _sql(db).execute("select value from meta where key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def put(sql: sqlite_utils.Database, key: str, value: str) -> None:
    """Store `value` under `key` (inside the caller's transaction)."""
    sql.execute("insert or replace into meta (key, value) values (?, ?)", [key, value])


def delete(sql: sqlite_utils.Database, key: str) -> None:
    """Forget `key` (inside the caller's transaction); nothing when it is not there."""
    sql.execute("delete from meta where key = ?", [key])


def items(db: Database | sqlite_utils.Database, prefix: str) -> list[tuple[str, str]]:
    """Every (key, value) whose key starts with `prefix`, by key. A prefix's own `%` or `_` is
    matched literally (LIKE would read them as wildcards)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = _sql(db).execute("select key, value from meta where key like ? escape '\\'"
                            " order by key", [escaped + "%"]).fetchall()
    return [(str(key), str(value)) for key, value in rows]


__all__ = ["delete", "get", "items", "put"]
