"""Review REV (session 22) of X88's QA60-11: `backup` reads its clock before the copy's read
transaction, so a row the running bot writes in between is newer than the stamp by a second;
such a backup is still «taken at» its time, not «unknown» — a stamp is distrusted only when the
file's own writes are well past it (an older Nashra's restore, then days of use)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from digests.backups import backup, restore
from tests.botkit import sample_db


def _newest_write(path: Path) -> datetime:
    with sqlite3.connect(path) as conn:
        row = conn.execute("select max(fetched_at) from articles").fetchone()
    return datetime.fromisoformat(row[0])


def test_a_write_just_after_the_clock_was_read_keeps_the_stamp(tmp_path: Path) -> None:
    live = sample_db(tmp_path)
    read = _newest_write(live) - timedelta(seconds=2)  # the bot wrote 2 s after backup's clock
    backup(live, tmp_path / "b.db", now=read)
    report = restore(tmp_path / "b.db", tmp_path / "t.db", now=datetime.now(timezone.utc))
    assert report.taken_at == read.isoformat(timespec="seconds")


def test_a_stamp_days_older_than_the_writes_is_still_not_trusted(tmp_path: Path) -> None:
    live = sample_db(tmp_path)
    backup(live, tmp_path / "b.db", now=_newest_write(live) - timedelta(days=3))
    report = restore(tmp_path / "b.db", tmp_path / "t.db", now=datetime.now(timezone.utc))
    assert report.taken_at == ""
