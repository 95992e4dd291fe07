"""QA73-4: the storage boundary raises SQLite's troubles with the file as the project's own
errors, named for what the caller does: DatabaseBusy (try again later) and
DatabaseNeedsOperator (tell the operator), both StorageErrors — and still sqlite3 errors, so
older catches hold. Anything else (a statement's own mistake) goes through unchanged. Real
SQLite files; a second connection holds the lock, as another program would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.owed import Locked, OwedWrites
from digests.errors import StorageError
from digests.storage import (
    Database,
    DatabaseBusy,
    DatabaseFault,
    DatabaseNeedsOperator,
    fault_of,
)


def _held(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin immediate")
    return other


def test_a_lock_is_database_busy(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    Database(path).close()
    other = _held(path)
    try:
        with Database(path, busy_seconds=0.05, migrate=False) as db:
            with pytest.raises(DatabaseBusy) as info:
                with db.transaction() as tx:
                    tx.execute("insert into chats (id) values (1)")
            error = info.value
            assert isinstance(error, StorageError) and isinstance(error, sqlite3.OperationalError)
            assert error.fault == "locked" and fault_of(error) == "locked"
            assert isinstance(error.__cause__, sqlite3.OperationalError)
            assert getattr(error, "sqlite_errorname", None) == "SQLITE_BUSY"
            assert "locked" in str(error)
            # a write outside transaction(): the same, through the connection itself
            with pytest.raises(DatabaseBusy):
                db.db.execute("insert into chats (id) values (2)")
    finally:
        other.close()


def test_a_read_only_file_needs_the_operator(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    Database(path).close()
    with Database(path, read_only=True) as db:
        with pytest.raises(DatabaseNeedsOperator) as info:
            with db.transaction() as tx:
                tx.execute("insert into chats (id) values (1)")
    assert info.value.fault == "readonly" and fault_of(info.value) == "readonly"
    assert isinstance(info.value, StorageError)


def test_other_errors_go_through_unchanged(tmp_path: Path) -> None:
    with Database(tmp_path / "nashra.db") as db:
        with pytest.raises(sqlite3.OperationalError) as info:
            list(db.db.query("select * from no_such_table"))
        assert not isinstance(info.value, DatabaseFault)
        with pytest.raises(sqlite3.IntegrityError):
            with db.transaction() as tx:
                tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                           " values (999, 'x', 'x', '2026-01-01')")  # no such chat


def test_the_senders_writes_decide_by_type(tmp_path: Path) -> None:
    """bot.owed: a DatabaseFault is a refusal (Locked); any other error is not swallowed."""
    path = tmp_path / "nashra.db"
    with Database(path) as db:
        writes = OwedWrites(db, wait=0.05)

        def insert(database: Database) -> None:
            with database.transaction() as tx:
                tx.execute("insert into chats (id) values (1)")

        other = _held(path)
        try:
            with pytest.raises(Locked):
                writes.attempt("a claim", insert)
        finally:
            other.close()

        def broken(database: Database) -> None:
            database.db.execute("select * from no_such_table")

        writes = OwedWrites(db, wait=0.05)
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            writes.attempt("a bug", broken)
