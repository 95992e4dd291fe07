"""X132 (QA76-4): a hint that names a command names this run's database.

`run.py --db staging.db backup list` with no copies printed «run.py backup
backups/staging-DATE.db»: run as printed, it copied the default database (DATABASE_PATH of the
.env) under staging's name, «✅ backup written», and staging had still no copy. The hint now
carries the --db it was given (or the environment's DATABASE_PATH), and so do recover's advice
and restore's refusal of another database's copy. Real `run.py` processes, real SQLite files."""

from __future__ import annotations

import shlex
import shutil
import sqlite3
from pathlib import Path

from tests.botkit import sample_template
from tests.test_cli_main import run_py
from tests.test_x128_restore_source import _two_databases


def _databases(tmp_path: Path) -> None:
    """main.db named by the folder's .env, and staging.db with a mark of its own."""
    (tmp_path / ".env").write_text("DATABASE_PATH=main.db\n", encoding="utf-8")
    for name in ("main.db", "staging.db"):
        shutil.copyfile(sample_template(), tmp_path / name)
    with sqlite3.connect(tmp_path / "staging.db") as conn:
        conn.execute("create table if not exists meta (key text primary key, value text)")
        conn.execute("insert into meta (key, value) values ('x132_staging', '1')")
    conn.close()


def _hint(out: str) -> list[str]:
    """The command the empty list suggests, as arguments for run.py (DATE filled in)."""
    [line] = [ln for ln in out.splitlines() if "no copies in backups/" in ln]
    words = shlex.split(line.split(": ", 1)[1].replace("DATE", "20261202"))
    assert words[0] == "run.py", line
    return words[1:]


def test_the_empty_lists_hint_backs_up_this_database(tmp_path: Path) -> None:
    _databases(tmp_path)
    proc = run_py(tmp_path, "--db", "staging.db", "backup", "list")
    assert proc.returncode == 0, proc.stderr[-2000:]
    hint = _hint(proc.stdout)
    assert hint[:2] == ["--db", "staging.db"], proc.stdout  # before: no --db
    proc = run_py(tmp_path, *hint)  # followed as printed
    assert proc.returncode == 0, proc.stderr[-2000:]
    copy = tmp_path / "backups" / "staging-20261202.db"
    with sqlite3.connect(copy) as conn:  # a copy of staging.db, not of main.db
        assert conn.execute("select 1 from meta where key = 'x132_staging'").fetchone()
    conn.close()
    proc = run_py(tmp_path, "--db", "staging.db", "backup", "list")
    assert "staging-20261202.db" in proc.stdout, proc.stdout


def test_the_environments_database_is_named_and_the_envs_is_not(tmp_path: Path) -> None:
    _databases(tmp_path)
    proc = run_py(tmp_path, "backup", "list", DATABASE_PATH=str(tmp_path / "staging.db"))
    assert _hint(proc.stdout)[:2] == ["--db", str(tmp_path / "staging.db")], proc.stdout
    # the .env's database: the same command run here finds it again
    proc = run_py(tmp_path, "backup", "list")
    assert _hint(proc.stdout) == ["backup", "backups/main-20261202.db"], proc.stdout


def test_restores_refusal_lists_this_databases_copies(tmp_path: Path) -> None:
    n, _other, copy = _two_databases(tmp_path)
    proc = run_py(tmp_path, "--db", str(n), "restore", str(copy))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"run.py --db {n.resolve()} backup list" in proc.stderr, proc.stderr
