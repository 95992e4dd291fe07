"""X102 (QA66-4): a start that migrates an existing database first writes a copy of it (the
way back: an older Nashra refuses the upgraded file) into `backups/` beside it, named for the
schema it holds, logged, and rotated (the newest three kept). A new database is not copied.
Real SQLite files; the old schema made by tests/migration_kit."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from delivery_helpers import add_chat
from migration_kit import archive_before

from digests import migrations, upgrade_backups
from digests.storage import Database

LAST = migrations.MIGRATIONS[-1][0]
BEFORE = migrations.MIGRATIONS[-2][0]


def test_an_upgrade_writes_a_copy_first_and_says_so(tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "data" / "nashra.db"
    with archive_before(path, LAST) as old:
        add_chat(old, 1001, topics=("سوريا",))
    caplog.set_level(logging.INFO, logger="digests.storage")
    Database(path).close()  # the upgraded code's first start
    copies = list((path.parent / "backups").glob("nashra-before-upgrade-*.db"))
    assert len(copies) == 1, copies
    schema = BEFORE.split("_", 1)[0]
    assert copies[0].name.startswith(f"nashra-before-upgrade-{schema}-"), copies
    with sqlite3.connect(copies[0]) as conn:  # the old schema, whole, with its reader
        names = [r[0] for r in conn.execute("select name from _migrations order by id")]
        assert names[-1] == BEFORE and LAST not in names
        assert conn.execute("select count(*) from chats where id = 1001").fetchone()[0] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from _migrations where name = ?",
                            [LAST]).fetchone()[0] == 1
    said = [r.getMessage() for r in caplog.records]
    assert any("backup before upgrade written" in m and str(copies[0]) in m for m in said), said
    Database(path).close()  # nothing to apply: no second copy
    assert len(list((path.parent / "backups").glob("*.db"))) == 1


def test_a_new_database_is_not_copied(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    Database(path).close()
    assert not (tmp_path / "backups").exists()


def test_only_the_newest_copies_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    Database(path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    for i in range(5):  # earlier upgrades' copies, oldest first
        old = folder / f"nashra-before-upgrade-0{40 + i}-2026110{i}T000000Z.db"
        old.write_bytes(b"x")
        os.utime(old, (1_700_000_000 + i, 1_700_000_000 + i))
    mine = folder / "nashra-before-upgrade-manual.db"  # an operator's own copy: never touched
    mine.write_bytes(b"x")
    made = upgrade_backups.backup_before_upgrade(
        path, LAST, "999_next", now=datetime(2026, 12, 2, 6, 0, tzinfo=timezone.utc))
    assert made is not None and made.is_file()
    left = sorted(p.name for p in folder.iterdir())
    assert made.name in left and mine.name in left
    assert "nashra-before-upgrade-044-20261104T000000Z.db" in left
    assert "nashra-before-upgrade-043-20261103T000000Z.db" in left
    assert len(left) == 4  # the newest three copies and the operator's own


def test_a_copy_that_cannot_be_written_is_logged_and_the_upgrade_goes_on(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "nashra.db"
    with archive_before(path, LAST):
        pass
    (tmp_path / "backups").write_text("a file where the folder goes", encoding="utf-8")
    Database(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from _migrations where name = ?",
                            [LAST]).fetchone()[0] == 1
    assert any("backup before upgrade failed" in r.getMessage() for r in caplog.records)
