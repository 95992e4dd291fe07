"""X89 (REV s22 finding 7): two read-only files misread (X88 86bcace opened a file the reading
commands may not write read-only, but skipped the checks the read-write open makes):
- an empty file that may not be written was told the read-only advice («give the bot's user
  write access»), not «the file is empty» — writing it would not have helped;
- a file that needs an upgrade (a migration due) failed as a plain write error, «attempt to write
  a readonly database», not as a file that must be upgraded before this version can read it.
Real `run.py` processes, files made immutable with `chattr +i` (root) or `chmod 444`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from digests.migrations import MIGRATIONS
from tests.botkit import sample_db
from tests.readonly_kit import read_only
from tests.test_cli_main import run_py


def test_an_empty_read_only_file_is_told_empty(tmp_path: Path) -> None:
    empty = tmp_path / "ro" / "nashra.db"
    empty.parent.mkdir()
    empty.touch()
    with read_only(empty):
        proc = run_py(tmp_path, "--db", str(empty), "search", "سوريا")
    assert proc.returncode == 1, proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert "is empty (0 bytes)" in line and "فارغ" in line, line
    assert "write access" not in line and "readonly" not in line, line


def test_a_due_upgrade_on_a_read_only_file_says_so(tmp_path: Path) -> None:
    live = sample_db(tmp_path)
    old = tmp_path / "ro" / "nashra.db"
    proc = run_py(tmp_path, "--db", str(live), "backup", str(old))
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = MIGRATIONS[-1][0]
    con = sqlite3.connect(old)  # a file an older Nashra wrote: the last migration not applied
    con.execute("delete from _migrations where name = ?", [last])
    con.commit()
    con.close()
    with read_only(old):
        proc = run_py(tmp_path, "--db", str(old), "search", "سوريا")
    assert proc.returncode == 1, proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert "attempt to write" not in line, line
    assert "needs an upgrade" in line and "ترقية" in line and last in line, line
