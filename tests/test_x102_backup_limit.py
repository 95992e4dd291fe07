"""X102 (QA66-5): a backup whose file cannot grow (a file-size limit `ulimit -f`, a disk quota:
EFBIG/EDQUOT, SQLite's «disk I/O error») named the *source* database and advised choosing
another one; it names the backup file now, says the database is fine, and leaves nothing
behind. A real `run.py backup` under a real RLIMIT_FSIZE."""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

from botkit import sample_db

ROOT = Path(__file__).resolve().parent.parent


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))  # 100 kB per file


def test_a_backup_that_cannot_grow_names_the_backup_not_the_database(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with sqlite3.connect(path) as conn:  # past the limit: ~400 kB of rows
        conn.execute("create table ballast (x text)")
        conn.executemany("insert into ballast values (?)", [("x" * 1000,)] * 400)
    dest = tmp_path / "backups" / "b.db"
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(path), "backup",
                           str(dest)], capture_output=True, text=True, timeout=120,
                          preexec_fn=_limit_file_size)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    said = proc.stderr
    assert f"the file {dest} could not grow" in said and "ulimit -f" in said, said
    assert f"تعذّر أن يكبر الملف {dest}" in said and "The database is fine" in said, said
    assert f"--db '{path}'" not in said and "database error" not in said, said
    assert not any(dest.parent.iterdir())  # nothing left behind
