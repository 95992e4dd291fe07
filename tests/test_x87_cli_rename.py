"""X87 (QA58-13): the shell had no `run.py sources rename` («invalid choice: 'rename' (choose from
'add', 'list', 'remove')»): an operator working from the shell had to open Telegram to fix a
source's name. Now `sources rename ID NAME…` renames it as /renamesource does, with the same
refusals, in both languages. The real `run.py` against a real SQLite file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from botkit import sample_db

from digests import sources
from digests.storage import Database

ROOT = Path(__file__).resolve().parents[1]


def _run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *argv], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def test_sources_rename_from_the_shell(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        first = sources.list_sources(db)[0]
    done = _run("--db", str(path), "sources", "rename", str(first.id), "<b>وكالة</b>", "الأنباء",
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"source {first.id} is now named: وكالة الأنباء (was: {first.name})" in done.stdout
    assert f"صار اسم المصدر {first.id}: وكالة الأنباء" in done.stdout, done.stdout
    with Database(path) as db:
        assert sources.get_source(db, first.id).name == "وكالة الأنباء"  # type: ignore[union-attr]
    link = _run("--db", str(path), "sources", "rename", str(first.id), "http://x.example/f.xml",
                cwd=tmp_path)
    assert link.returncode == 1 and "الاسم لا يكون رابطًا" in link.stderr, link.stderr
    assert "A name cannot be a link" in link.stderr, link.stderr
    missing = _run("--db", str(path), "sources", "rename", "999", "x", cwd=tmp_path)
    assert missing.returncode == 1 and "no source with id 999" in missing.stderr, missing.stderr
