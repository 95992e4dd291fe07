"""drop_empty_journal never pulls the -wal and -shm from under another program's connection
(REV s25 #6).

A refused start removes the empty -wal/-shm its read-only check made (QA66-10). A CLI command
takes no instance lock: one that opened the file meanwhile (an empty -wal: it only read so
far) had them unlinked under it, so its next write went to a -wal nobody else could see and the
next connection started a journal of its own beside it. The files go now only while no
connection holds the database (SQLite's own test before it deletes a -wal: its SHARED lock).
The other program is a real child process (SQLite's locks are per process).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from digests.file_checks import drop_empty_journal, journal_files

# A CLI command: opens the file, reads (the -wal and -shm appear, the -wal empty), waits for a
# line, writes a row, waits for another line, closes.
CLI = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("select count(*) from t").fetchone()
    print("open", flush=True)
    sys.stdin.readline()
    conn.execute("insert into t values ('from the cli')")
    print("wrote", flush=True)
    sys.stdin.readline()
    conn.close()
""")


def _wal_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("pragma journal_mode=wal")
    conn.execute("create table t (x text)")
    conn.close()  # the last connection: SQLite removes its -wal and -shm
    assert not any(p.exists() for p in journal_files(path))


def _rows(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("select x from t")]
    finally:
        conn.close()


def test_an_open_connections_journal_stays(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    _wal_database(path)
    cli = subprocess.Popen([sys.executable, "-c", CLI, str(path)], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    assert cli.stdin is not None and cli.stdout is not None
    try:
        assert cli.stdout.readline().strip() == "open"
        wal, shm = journal_files(path)
        assert wal.stat().st_size == 0 and shm.exists()
        drop_empty_journal(path)  # the refused start, while the CLI has the file open
        assert wal.exists() and shm.exists()
        cli.stdin.write("\n")
        cli.stdin.flush()
        assert cli.stdout.readline().strip() == "wrote"
        # a reader meanwhile sees the CLI's row: one journal, not two
        assert _rows(path) == ["from the cli"]
        cli.stdin.write("\n")
        cli.stdin.flush()
        assert cli.wait(30) == 0
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
    assert _rows(path) == ["from the cli"]


def test_an_empty_journal_nobody_holds_is_removed(tmp_path: Path) -> None:
    """QA66-10 still: the start's read-only check closed, its empty -wal and -shm go."""
    path = tmp_path / "nashra.db"
    _wal_database(path)
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ro.execute("select count(*) from t").fetchone()
    ro.close()  # read-only: it cannot remove them itself
    wal, shm = journal_files(path)
    assert wal.exists() and wal.stat().st_size == 0
    drop_empty_journal(path)
    assert not wal.exists() and not shm.exists()
    assert _rows(path) == []


def test_a_journal_holding_writes_stays(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    _wal_database(path)
    wal, shm = journal_files(path)
    wal.write_bytes(b"x" * 32)
    drop_empty_journal(path)
    assert wal.exists()
