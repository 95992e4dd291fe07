"""Storage: pragmas, named migrations applied once, transactions roll back as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.migrations import MIGRATIONS
from digests.storage import Database


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        assert db.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert db.db.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert db.db.execute("pragma recursive_triggers").fetchone()[0] == 1
    with Database(path) as db:
        assert db.migrate() == []


def test_transaction_rolls_back_everything(database: Database) -> None:
    with pytest.raises(RuntimeError):
        with database.transaction() as db:
            db["meta"].insert({"key": "a", "value": "1"})
            with database.transaction():
                db["meta"].insert({"key": "b", "value": "2"})
            raise RuntimeError("boom")
    assert database.db["meta"].count == 0
    with database.transaction() as db:
        db["meta"].insert({"key": "a", "value": "1"})
    assert database.db["meta"].count == 1
