"""The SQLite database: connection pragmas, named migrations and transactions.

One writer, WAL so readers never block it, a busy timeout so a second process waits instead of
failing, and `recursive_triggers` so `INSERT OR REPLACE` keeps FTS indexes in step. Migrations are
named and applied in order at start-up, each in its own transaction, and recorded in `_migrations`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from digests.errors import StorageError
from digests.migrations import MIGRATIONS

log = logging.getLogger(__name__)


class Database:
    """Nashra's SQLite database. `Database(":memory:")` works for narrow unit tests."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction spans exactly
        # what `transaction()` wraps and nothing is left open across network I/O.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=30.0)
        self.db = sqlite_utils.Database(conn, recursive_triggers=True)
        self.conn = conn
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA foreign_keys=ON")
        self._depth = 0
        if migrate:
            self.migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """Run a block in one transaction (BEGIN IMMEDIATE: take the write lock up front).

        Nested use joins the outer transaction. Any exception rolls the whole block back.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.db
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.db
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def applied_migrations(self) -> list[str]:
        if not self.db["_migrations"].exists():
            return []
        return [r["name"] for r in self.db.query("select name from _migrations order by id")]

    def migrate(self) -> list[str]:
        """Apply every migration not yet applied, in order. Returns the names applied now."""
        self.conn.execute(
            "create table if not exists _migrations (id integer primary key, name text unique,"
            " applied_at text)"
        )
        done = set(self.applied_migrations())
        applied = []
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            try:
                with self.transaction() as db:
                    fn(db)
                    db.execute(
                        "insert into _migrations (name, applied_at) values (?, ?)",
                        [name, datetime.now(timezone.utc).isoformat(timespec="seconds")],
                    )
            except sqlite3.Error as exc:
                raise StorageError(f"migration {name} failed: {exc}") from exc
            log.info("migration applied name=%s", name)
            applied.append(name)
        return applied
