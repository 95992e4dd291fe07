"""X88 / QA60-1: README Troubleshooting promises that reading commands work on a read-only
database file, but `search` and `sources list` on a `run.py backup` copy made read-only failed
with «attempt to write a readonly database» (opening it switched the journal to WAL), and the
line said DATABASE_PATH='…' for a path given with --db. They open such a file read-only now;
an error names the source of the path. Real `run.py` processes, a real backup file made
immutable with `chattr +i` (root) or `chmod 444` (another user)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botkit import sample_db
from tests.readonly_kit import read_only
from tests.test_cli_main import run_py


@pytest.fixture
def read_only_backup(tmp_path: Path) -> Iterator[Path]:
    live = sample_db(tmp_path)
    backup = tmp_path / "rof" / "nashra.db"
    proc = run_py(tmp_path, "--db", str(live), "backup", str(backup))
    assert proc.returncode == 0, proc.stderr[-2000:]
    with read_only(backup):
        yield backup


def test_search_and_sources_list_work_on_a_read_only_file(tmp_path: Path,
                                                          read_only_backup: Path) -> None:
    before = read_only_backup.read_bytes()
    proc = run_py(tmp_path, "--db", str(read_only_backup), "search", "سوريا")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "readonly" not in proc.stderr and "نتائج" in proc.stdout, proc.stdout[-1000:]
    proc = run_py(tmp_path, "--db", str(read_only_backup), "sources", "list")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "http" in proc.stdout
    assert read_only_backup.read_bytes() == before
    assert not Path(f"{read_only_backup}-wal").exists()


def test_a_write_on_it_names_the_db_option_not_database_path(tmp_path: Path,
                                                            read_only_backup: Path) -> None:
    proc = run_py(tmp_path, "--db", str(read_only_backup), "sources", "remove", "1")
    assert proc.returncode == 1, proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert "--db" in line and "DATABASE_PATH=" not in line, line
    assert "chattr -i" in line or "chmod" in line, line
