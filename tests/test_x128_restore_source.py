"""X128 (REV s26 #4): `run.py restore` of another database's copy asks for --force.

`backup list` lists a stamped copy whose source no longer exists under every database in its
folder (X120: a database moved here keeps its copies). When a second database is deleted, its
copies show under this one's list, and restoring one put that database in place of this one
without a word. Now a copy whose recorded source is another path is restored over an existing
database only with --force, and the refusal names both paths; onto a fresh path (a move to
another machine, README «Moving to another machine») it is restored as before, and the output
names whose copy it was. Real `run.py` processes, real SQLite files.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from digests.backup_list import listed_backups
from tests.botkit import sample_template
from tests.test_cli_main import run_py


def _is_other(path: Path) -> bool:
    """Whether `path` holds other.db's mark (the chats are no mark: a restore carries the
    replaced file's readers when both files were born alike, as copies of one sample are)."""
    with sqlite3.connect(path) as conn:
        return conn.execute("select 1 from meta where key = 'x128_other'").fetchone() is not None


def _two_databases(tmp_path: Path) -> tuple[Path, Path, Path]:
    """n.db, and a copy in backups/ of other.db (a second database, since deleted, with a mark
    of its own in meta)."""
    n, other = tmp_path / "n.db", tmp_path / "other.db"
    for path in (n, other):
        shutil.copyfile(sample_template(), path)
    with sqlite3.connect(other) as conn:
        conn.execute("create table if not exists meta (key text primary key, value text)")
        conn.execute("insert into meta (key, value) values ('x128_other', '1')")
    conn.close()
    (tmp_path / "backups").mkdir()
    proc = run_py(tmp_path, "--db", str(other), "backup", "backups/other-1.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    other.unlink()
    return n, other, tmp_path / "backups" / "other-1.db"


def test_another_databases_copy_is_restored_over_this_one_only_with_force(
        tmp_path: Path) -> None:
    n, other, copy = _two_databases(tmp_path)
    # still listed under n.db (X120's choice: a moved database's copies survive)
    assert copy.resolve() in {row.path.resolve() for row in listed_backups(n, cwd=tmp_path)}
    # failed before: restored (exit 0), n.db became other.db
    proc = run_py(tmp_path, "--db", str(n), "restore", str(copy))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    err = proc.stderr
    assert str(other.resolve()) in err and str(n.resolve()) in err, err
    assert "--force" in err and "Nothing was moved" in err, err
    assert err.index("نسخة") < err.index("copy"), err  # Arabic first
    assert not _is_other(n)
    assert not list(tmp_path.glob("n.db.before-restore-*"))
    proc = run_py(tmp_path, "--db", str(n), "restore", str(copy), "--force")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _is_other(n)
    assert list(tmp_path.glob("n.db.before-restore-*"))


def test_its_own_copy_needs_no_force(tmp_path: Path) -> None:
    n = tmp_path / "n.db"
    shutil.copyfile(sample_template(), n)
    proc = run_py(tmp_path, "--db", str(n), "backup", "n-1.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    proc = run_py(tmp_path, "--db", str(n), "restore", "n-1.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "a copy of" not in proc.stdout


def test_onto_a_fresh_path_a_copy_of_another_path_is_restored_and_named(
        tmp_path: Path) -> None:
    _n, other, copy = _two_databases(tmp_path)
    fresh = tmp_path / "newhost" / "nashra.db"
    fresh.parent.mkdir()
    proc = run_py(tmp_path, "--db", str(fresh), "restore", str(copy))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"a copy of {other.resolve()}" in proc.stdout, proc.stdout
