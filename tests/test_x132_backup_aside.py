"""X132 (QA76-16): `backup list` puts the file `restore` just moved aside first.

It was dated by its last write (older than the copies), so the database as it was a minute ago
came last of a «newest first» list, and with a relative --db its path was relative where the
others' were absolute. Now it is dated by its name (when restore moved it) and every path is
absolute. Real SQLite files; the times pinned through backup's and restore's `now`."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import sample_template

from cli.backups import cmd_backup_list
from digests import backups
from digests.backup_list import listed_backups, moved_at
from digests.settings import Settings

TAKEN = datetime(2026, 12, 2, 12, 6, 11, tzinfo=UTC)
MOVED = datetime(2026, 12, 2, 12, 18, 57, tzinfo=UTC)


def test_the_file_moved_aside_is_listed_first_by_when_it_was_moved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    n = Path("n.db")  # relative, as `run.py --db n.db` gives it
    shutil.copyfile(sample_template(), n)
    (tmp_path / "backups").mkdir()
    copy = tmp_path / "backups" / "n-a.db"
    backups.backup(n, copy, now=TAKEN)
    old = datetime(2026, 12, 2, 12, 6, 2, tzinfo=UTC).timestamp()  # its last write: earlier
    os.utime(n, (old, old))
    backups.restore(copy, n, now=MOVED)
    [aside] = [p for p in tmp_path.glob("n.db.before-restore-*")
               if not p.name.endswith(("-wal", "-shm"))]
    rows = listed_backups(n)
    assert [r.path.name for r in rows] == [aside.name, copy.name], rows  # before: aside last
    assert rows[0].taken_at == "2026-12-02T12:18:57+00:00"
    assert all(r.path.is_absolute() for r in rows), rows  # before: the aside one relative
    assert cmd_backup_list(Settings(database_path=n)) == 0
    first = capsys.readouterr().out.splitlines()[1]
    assert first.startswith(f"• {aside.absolute()}  2026-12-02T12:18:57+00:00  "), first
    assert "(file" not in first and "a file restore moved aside" in first, first


def test_a_name_without_a_time_reads_none() -> None:
    assert moved_at("n.db.before-restore-20261202T121857Z") == "2026-12-02T12:18:57+00:00"
    assert moved_at("n.db.before-restore-x") == "" and moved_at("n-a.db") == ""
