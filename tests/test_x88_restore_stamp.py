"""X88 / QA60-11: a database once restored kept the backup's «taken at» record, so a sqlite3
`.backup` copy of it made later (not by `run.py backup`) was restored as «the backup taken at
<the old backup's time>» instead of «when it was taken is unknown». The stamp no longer
outlives the restore it describes: the restore clears it, and a stamp older than the file's own
newest write (a database restored by an older Nashra) is not trusted. Real `run.py`
processes, real SQLite files (sqlite3's backup API is the shell's `.backup`)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.botkit import sample_db
from tests.test_cli_main import run_py


def _sqlite_backup(src: Path, dest: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def _taken(stdout: str) -> str | None:
    found = re.search(r"restored the backup taken at (\S+):", stdout)
    return found.group(1) if found else None


def test_a_copy_of_a_restored_database_is_restored_as_taken_at_an_unknown_time(
        tmp_path: Path) -> None:
    live = sample_db(tmp_path)
    proc = run_py(tmp_path, "--db", str(live), "backup", "b1.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    restored = tmp_path / "restored.db"
    proc = run_py(tmp_path, "--db", str(restored), "restore", "b1.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    first = _taken(proc.stdout)
    assert first, proc.stdout  # a run.py backup: its time is known
    _sqlite_backup(restored, tmp_path / "live-copy.db")
    target = tmp_path / "target.db"
    proc = run_py(tmp_path, "--db", str(target), "restore", "live-copy.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _taken(proc.stdout) is None, proc.stdout
    assert "when it was taken is unknown" in proc.stdout


def test_a_stamp_older_than_the_files_own_writes_is_not_trusted(tmp_path: Path) -> None:
    """A database restored by an older Nashra still holds the stamp; the bot wrote since."""
    live = sample_db(tmp_path)
    proc = run_py(tmp_path, "--db", str(live), "backup", "b1.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    with sqlite3.connect(tmp_path / "b1.db") as conn:  # as an older restore left it, then used
        conn.execute("update meta set value = '2020-01-01T00:00:00+00:00'"
                     " where key = 'backup_taken_at'")
    _sqlite_backup(tmp_path / "b1.db", tmp_path / "copy.db")
    proc = run_py(tmp_path, "--db", str(tmp_path / "t.db"), "restore", "copy.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _taken(proc.stdout) is None, proc.stdout
