"""X89 (REV s22 findings 8, 15): a database under a folder named with «#», «?» or «%» could not be
backed up, restored or rescued. Every read-only open built `file:{path}?mode=ro` from the path as
written, so «nashra#2/nashra.db» was read as the file «nashra» (the rest a fragment) and
«what?/nashra.db» as «what» with a query: «unable to open database file». One helper now makes
the URI (digests.sqlite_uri.read_only_uri, Path.as_uri: percent-escaped), used by every module
that opens a file read-only (the reviewer fixed cli.rehearsal alone, fffa3fb).
Real `run.py` processes on real SQLite files."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from digests.file_checks import quick_check
from tests.botkit import sample_db
from tests.test_cli_main import run_py

ODD = ["nashra#2", "what?", "100%25 news", "a%b"]


def _count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("select count(*) from articles").fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize("folder", ODD)
def test_backup_restore_and_recover_under_an_odd_folder(tmp_path: Path, folder: str) -> None:
    live = tmp_path / folder / "nashra.db"
    live.parent.mkdir()
    sample_db(tmp_path).replace(live)
    articles = _count(live)
    backup = tmp_path / f"{folder}-backups" / "b#1?.db"
    proc = run_py(tmp_path, "--db", str(live), "backup", str(backup))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _count(backup) == articles
    proc = run_py(tmp_path, "--db", str(live), "restore", str(backup))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _count(live) == articles
    rescued = tmp_path / folder / "fixed#.db"
    proc = run_py(tmp_path, "--db", str(live), "recover", str(rescued))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _count(rescued) == articles


@pytest.mark.parametrize("folder", ODD)
def test_the_file_check_reads_an_odd_path(tmp_path: Path, folder: str) -> None:
    live = tmp_path / folder / "nashra.db"
    live.parent.mkdir()
    sample_db(tmp_path).replace(live)
    assert quick_check(str(live), 5).state == "ok"
    # no stray file opened (the file's own journals aside)
    assert sorted(p.name for p in tmp_path.rglob("*") if not p.name.endswith(("-wal", "-shm"))) \
        == sorted([folder, "nashra.db"])
    with live.open("r+b") as f:  # garbage over the pages past the first: damaged, and said so
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096 * 4)
    assert quick_check(str(live), 5).state == "damaged"


def test_the_uri_escapes_what_sqlite_would_read() -> None:
    from digests.sqlite_uri import read_only_uri

    uri = read_only_uri("/srv/a#b/c?d/100%.db")
    assert uri.startswith("file:///") and uri.endswith("?mode=ro"), uri
    assert not re.search(r"[#]|\?(?!mode=ro$)", uri), uri
    assert "%25" in uri and "%23" in uri and "%3F" in uri, uri
