"""digests/backup_files.py: the files a backup or a rescue writes (never over a file, a
`.partial` twin dropped on failure, the new file's failure named as its own) and `summarize`,
on real SQLite files in a temporary folder."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from digests.backup_files import (
    Summary,
    drop_partial,
    new_file,
    refuse_existing,
    require_database,
    summarize,
)
from digests.errors import StorageError


def _db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        "create table articles(id integer primary key);"
        "create table chats(id integer primary key);"
        "create table _migrations(id integer primary key, name text);"
        "insert into articles default values; insert into articles default values;"
        "insert into _migrations(name) values ('0001_init'), ('0002_chats');")
    conn.commit()
    conn.close()
    return path


def test_summarize_counts_the_known_tables_that_exist(tmp_path: Path) -> None:
    path = _db(tmp_path / "n.db")
    got = summarize(path)
    assert got.counts == {"articles": 2, "chats": 0}  # no stories/outbox table: left out
    assert got.last_migration == "0002_chats"
    assert got.size == path.stat().st_size
    assert got.line().endswith("articles=2 chats=0 last_migration=0002_chats")


def test_summary_line_without_migrations() -> None:
    line = Summary(Path("/x/a.db"), 2_500_000, {"articles": 1}, "").line()
    assert line == "/x/a.db size=2.5MB articles=1 last_migration=-"


def test_refuse_existing(tmp_path: Path) -> None:
    refuse_existing(tmp_path / "new.db")
    (tmp_path / "old.db").write_bytes(b"x")
    with pytest.raises(StorageError, match="old.db exists"):
        refuse_existing(tmp_path / "old.db")


def test_require_database(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no such file"):
        require_database(tmp_path / "missing.db")
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(StorageError, match="is empty"):
        require_database(tmp_path / "empty.db")
    require_database(_db(tmp_path / "n.db"))


def test_drop_partial_removes_the_twin_and_its_journals(tmp_path: Path) -> None:
    partial = tmp_path / "b.db.partial"
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").write_bytes(b"x")
    (tmp_path / "keep.db").write_bytes(b"x")
    drop_partial(partial)
    drop_partial(partial)  # nothing left: no error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.db"]


def test_new_file_writes_an_owner_only_twin_in_a_new_folder(tmp_path: Path) -> None:
    dest = tmp_path / "sub" / "b.db"
    with new_file(dest) as (conn, partial):
        conn.execute("create table t(x)")
        conn.commit()
        assert partial == tmp_path / "sub" / "b.db.partial"
    assert partial.exists() and not dest.exists()  # the caller gives it dest's name
    assert stat.S_IMODE(partial.stat().st_mode) == 0o600


def test_new_file_drops_the_twin_when_the_block_fails(tmp_path: Path) -> None:
    dest = tmp_path / "b.db"
    with pytest.raises(RuntimeError):
        with new_file(dest) as (conn, _):
            conn.execute("create table t(x)")
            raise RuntimeError("copy failed")
    assert list(tmp_path.iterdir()) == []


def test_new_file_names_the_new_file_when_its_folder_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"x")
    dest = tmp_path / "file" / "b.db"  # a file where its folder should be
    with pytest.raises(StorageError, match="cannot write .*file/b.db"):
        with new_file(dest):
            pass


def test_new_file_reports_a_write_error_inside_the_block_as_the_new_files(
        tmp_path: Path) -> None:
    dest = tmp_path / "b.db"
    with pytest.raises(StorageError, match=str(dest)):
        with new_file(dest):
            raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []
