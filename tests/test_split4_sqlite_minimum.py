"""SPLIT4: an SQLite library too old for Nashra's SQL (before 3.35, or without its JSON functions)
is refused when a database opens, with one line in Arabic and English naming the version found,
the one needed and what to do — not a failure somewhere mid-run (RETURNING in
digests.outbox_states, json_extract in the daily rows' SQL). RHEL/Rocky 9's Python links 3.34.
The version is monkeypatched: this host's library is new enough."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from digests import sqlite_library
from digests.errors import StorageError
from digests.sqlite_library import OldSqlite
from digests.storage import Database


@pytest.fixture(autouse=True)
def _cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """`main` reads `.env` where it runs and points the root logger at this test's stderr: run
    it in the test's folder and give the logger back afterwards."""
    monkeypatch.chdir(tmp_path)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_this_hosts_library_is_new_enough() -> None:
    assert sqlite3.sqlite_version_info >= sqlite_library.MINIMUM[:2]
    assert sqlite_library.json_functions()
    assert sqlite_library.library_problem() is None


def test_an_old_library_is_refused_before_the_file_is_made(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    path = tmp_path / "nashra.db"
    with pytest.raises(OldSqlite) as caught:
        Database(path)
    line = str(caught.value)
    assert isinstance(caught.value, StorageError)  # a storage refusal; cli.main exits 2 for it
    assert "إصدارها 3.34.1" in line and "تحتاج 3.35 أو أحدث بدوال JSON" in line
    assert "is 3.34.1; Nashra needs 3.35 or newer with its JSON functions" in line
    assert "make run PYTHON=" in line and "\n" not in line
    # nothing made: an empty file would be refused next time as a failed copy (EmptyDatabase)
    assert not path.exists() and not list(tmp_path.glob("nashra.db*"))


def test_the_version_just_enough_opens(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 35, 0))
    with Database(tmp_path / "nashra.db") as db:
        assert "059_daily_rows" in db.applied_migrations()


def test_a_library_without_json_functions_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.setattr(sqlite_library, "_json_found", False)
    with pytest.raises(OldSqlite, match="without its JSON functions") as caught:
        Database(":memory:")
    assert "بلا دوال JSON" in str(caught.value)
    assert sqlite3.sqlite_version in str(caught.value)


def test_the_command_line_says_it_in_one_line_and_exits_2(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 2, as a setting only the operator can fix (systemd does not restart it), for a
    reading command on an existing file and for one that would create it (not created)."""
    path = tmp_path / "nashra.db"
    Database(path).close()
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    for argv in (["--db", str(path), "search", "ترامب"],
                 ["--db", str(tmp_path / "new.db"), "sources", "add", "--no-check",
                  "http://127.0.0.1:9/feed.xml"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert "3.34.1" in err and "3.35" in err and "مكتبة SQLite" in err, err
    assert not (tmp_path / "new.db").exists()
