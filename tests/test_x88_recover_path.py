"""X88 / QA60-8: `run.py --db bad.db recover fixed.db` run from another folder ended «then point
DATABASE_PATH at fixed.db» — a path relative to the shell, while a `.env`'s paths are relative
to the `.env`: written there as told, it named a missing file and the bot made a new empty
database there. The line (and the start's damaged-file advice) now names the absolute path.
Real `run.py` processes, real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.botkit import sample_db
from tests.test_cli_main import run_py


def test_recover_names_the_new_file_by_its_absolute_path(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sample_db(elsewhere)
    proc = run_py(elsewhere, "--db", "nashra.db", "recover", "fixed60.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    assert f"point DATABASE_PATH at {elsewhere / 'fixed60.db'}" in last, last


def test_the_damaged_file_advice_names_absolute_paths(tmp_path: Path) -> None:
    from cli.main import database_error

    damaged = database_error(Path("bad.db"),
                             sqlite3.DatabaseError("database disk image is malformed"))
    assert f"point DATABASE_PATH at {Path('fixed.db').absolute()}" in damaged, damaged
