"""X136 (4, X128's left): `run.py restore` of a copy stamped with another database's path.

Onto a path with no database it is restored without --force: that is README «Moving to another
machine» (the old machine's path is stamped in the copy). The output said only «نسخة من / a copy
of /old/path», which did not tell the operator why no --force was asked nor that it was taken as
a move; over an existing database (--force) the same words. Now each says which case it was.
An empty (0-byte) file at the path holds no database either: it needs no --force (it was
refused as «restoring it puts that database in place of this one»). Real `run.py` processes,
real SQLite files.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_cli_main import run_py
from tests.test_x128_restore_source import _is_other, _two_databases


def test_onto_a_fresh_path_the_copy_line_says_it_is_a_move(tmp_path: Path) -> None:
    _n, other, copy = _two_databases(tmp_path)
    fresh = tmp_path / "newhost" / "nashra.db"
    fresh.parent.mkdir()
    proc = run_py(tmp_path, "--db", str(fresh), "restore", str(copy))
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    # failed before: «نسخة من / a copy of /…/other.db» alone
    assert (f"نسخة من {other.resolve()} (مسار قاعدة بيانات أخرى): لم تكن في {fresh} قاعدة "
            f"بيانات، فاستُرجعت دون --force كما في النقل إلى جهاز آخر") in out, out
    assert (f"a copy of {other.resolve()} (another database's path): no database was at "
            f"{fresh}, so it was restored without --force, as in a move to another machine"
            ) in out, out
    assert _is_other(fresh)


def test_over_a_database_with_force_the_copy_line_says_so(tmp_path: Path) -> None:
    n, other, copy = _two_databases(tmp_path)
    proc = run_py(tmp_path, "--db", str(n), "restore", str(copy), "--force")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (f"a copy of {other.resolve()} (another database's path), put in place of the "
            f"database at {n} as asked (--force)") in proc.stdout, proc.stdout
    assert "وُضعت مكان قاعدة البيانات في" in proc.stdout
    assert "as in a move" not in proc.stdout


def test_an_empty_file_at_the_path_needs_no_force(tmp_path: Path) -> None:
    _n, other, copy = _two_databases(tmp_path)
    empty = tmp_path / "newhost" / "nashra.db"
    empty.parent.mkdir()
    empty.touch()  # e.g. a `touch` or a failed copy: no database
    proc = run_py(tmp_path, "--db", str(empty), "restore", str(copy))
    # failed before: refused (exit 1), «… puts that database in place of this one»
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _is_other(empty)
    out = proc.stdout
    assert f"a copy of {other.resolve()} (another database's path): no database was at" in out
    assert f"no database was at {empty}: the backup is restored as is" in out, out
    assert "the empty file there moved to: " in out and "previous file moved" not in out, out
    assert len(list(empty.parent.glob("nashra.db.before-restore-*"))) == 1  # never deleted
