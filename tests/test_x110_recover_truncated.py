"""X110 (QA66-10): `recover` on a small database cut short.

`truncate -s 200000` of a 376 KB file lost one leaf page of the schema table (sqlite_master),
and `recover` gave up at once: «the schema of small.db cannot be read (database disk image is
malformed): restore a backup» — though the articles, sources and migrations were whole. The
schema is now read row by row past the lost page; a table whose entry is lost (its rows were on
the lost pages too) is made empty from the code's own schema, and named as lost.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from botkit import sample_db

from digests.errors import StorageError
from digests.rescue import recover
from digests.storage import Database


def _truncated(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with sqlite3.connect(path) as conn:  # one file, as a copy the operator holds
        conn.execute("pragma wal_checkpoint(truncate)")
        conn.execute("pragma journal_mode=delete")
    size = path.stat().st_size
    os.truncate(path, size * 53 // 100)  # QA66-10: 200,000 of 376,832 bytes
    return path


def test_a_truncated_small_database_is_rescued(tmp_path: Path) -> None:
    path = _truncated(tmp_path)
    with sqlite3.connect(path) as conn:  # what QA66 met: the whole schema does not read
        conn.execute("pragma writable_schema=on")
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("select name from sqlite_master").fetchall()
    report = recover(path, tmp_path / "fixed.db")
    # what reads is kept (here the articles' own pages were past the cut: named damaged)
    assert report.kept["sources"] > 0 and report.kept["_migrations"] > 0, report.kept
    assert report.kept["articles"] > 0 or "articles" in report.damaged, report
    assert report.lost, report  # the tables whose schema entry was on the lost page
    db = Database(tmp_path / "fixed.db")  # opens as the bot will: every table there
    try:
        for table in report.lost:
            assert db.db.execute(f'select count(*) from "{table}"').fetchone()[0] == 0
        found = db.db.execute("select count(*) from articles_fts").fetchone()[0]
        assert found == report.kept["articles"]
    finally:
        db.close()


def test_a_file_with_no_readable_schema_still_says_restore(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\xff" * 4000)
    with pytest.raises(StorageError):
        recover(path, tmp_path / "fixed.db")


def test_a_start_refused_on_a_damaged_file_leaves_no_wal_beside_it(tmp_path: Path) -> None:
    """QA66-10's second half: the start's check (a read-only connection) made «-wal» and «-shm»
    beside the damaged file and left them there, where nothing was before the start."""
    from botkit import TOKEN

    from bot.app import run_bot
    from digests.settings import Settings

    path = sample_db(tmp_path)
    with sqlite3.connect(path) as conn:  # the file alone, still in WAL mode
        conn.execute("pragma wal_checkpoint(truncate)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.truncate(path, path.stat().st_size * 53 // 100)
    settings = Settings(database_path=path, telegram_bot_token=TOKEN,
                        telegram_api_base_url="http://127.0.0.1:9/bot")
    with pytest.raises(StorageError, match="damaged"):
        run_bot(settings)
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
