"""REV s25: `run.py backup list` lists a copy it cannot open (a link to a removed file, a copy
deleted while it lists) with the reason, and lists the others (X110, QA66-9: a dangling link in
backups/ ended the listing with a FileNotFoundError traceback)."""

from __future__ import annotations

from pathlib import Path

from botkit import sample_db

from digests.backup_list import listed_backups
from digests.backups import backup


def test_a_dangling_link_among_the_copies_is_listed_with_its_error(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    backup(db, folder / "nashra-good.db")
    (folder / "gone.db").symlink_to(tmp_path / "removed.db")
    rows = {row.path.name: row for row in listed_backups(db, cwd=tmp_path)}
    assert set(rows) == {"nashra-good.db", "gone.db"}
    assert rows["nashra-good.db"].error == "" and rows["nashra-good.db"].schema
    assert rows["gone.db"].error and rows["gone.db"].size == 0
