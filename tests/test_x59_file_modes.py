"""QA38 A6: the database, its -wal/-shm and every backup were 0644 under the usual umask 022:
any local user could read who follows what. Now they are 0600 (an existing open file is narrowed
when opened). Real SQLite, the real backup and restore."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.backups import backup, restore
from digests.storage import Database
from digests.subscriptions import upsert_chat

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_and_journals_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    with Database(path) as db:
        upsert_chat(db, 42, now=NOW)
        journals = [Path(f"{path}{s}") for s in ("-wal", "-shm")]
        assert all(p.exists() for p in journals)
        assert [_mode(p) for p in [path, *journals]] == [0o600] * 3


def test_an_open_existing_database_is_narrowed(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    Database(path).close()
    os.chmod(path, 0o644)
    Database(path).close()
    assert _mode(path) == 0o600


def test_backup_and_restored_database_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    with Database(path) as db:
        upsert_chat(db, 42, now=NOW)
    copy = tmp_path / "bk" / "copy.db"
    backup(path, copy, now=NOW)
    assert _mode(copy) == 0o600
    restored = tmp_path / "restored.db"
    restore(copy, restored, now=NOW)
    assert _mode(restored) == 0o600
