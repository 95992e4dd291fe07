"""X102 (QA66-1): moving the bot to another machine (stop, `backup`, copy, `restore` onto a path
with no database) marked the backup's queued deliveries skipped «most likely sent after the
backup» whenever the move took longer than their due time — yet a stopped bot sent nothing
after the copy. `backup` now records whether a bot held the database; a restore onto a fresh
path skips due rows only when a bot may have run on (running, or not recorded). Real files, a
real `run.py restore`; the restore's clock is pinned."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import sample_db
from delivery_helpers import add_chat

from digests import backups
from digests.models import iso
from digests.storage import Database, hold_lock

ROOT = Path(__file__).resolve().parent.parent


def _now() -> datetime:
    """The real clock at the test's start: `run.py restore` reads it, so a NOW taken when the
    module was collected (minutes earlier in a full run) would make the row due 5 min after it
    due by the time the test runs."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def _queued(tmp_path: Path, NOW: datetime) -> Path:
    """A database with three deliveries queued: one due 10 min before NOW, one due 5 min after
    it (due by the time a slow move ends), one tomorrow."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 901)
        with db.transaction() as tx:
            for story, due in ((9201, NOW - timedelta(minutes=10)),
                               (9202, NOW + timedelta(minutes=5)),
                               (9203, NOW + timedelta(hours=20))):
                tx.execute("insert into outbox (chat_id, story_id, kind, not_before, created_at)"
                           " values (901, ?, 'instant', ?, ?)",
                           [story, iso(due), iso(NOW - timedelta(hours=1))])
    return path


def _statuses(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("select status from outbox where chat_id = 901"
                                           " order by story_id")]


def test_a_stopped_bots_backup_moved_keeps_its_queued_deliveries(tmp_path: Path) -> None:
    NOW = _now()
    path = _queued(tmp_path, NOW)
    saved = tmp_path / "move.db"
    backups.backup(path, saved, now=NOW)  # the bot is stopped: nobody holds the lock
    fresh = tmp_path / "newhost" / "nashra.db"
    fresh.parent.mkdir()
    # the move took 15 minutes: two rows are due by now
    report = backups.restore(saved, fresh, now=NOW + timedelta(minutes=15))
    assert (report.skipped, report.kept, report.bot_running) == (0, 2, "0")
    assert _statuses(fresh) == ["pending", "pending", "pending"]
    with sqlite3.connect(fresh) as conn:  # the mark describes the backup, not the database
        assert conn.execute("select count(*) from meta where key = ?",
                            [backups.RUNNING_KEY]).fetchone()[0] == 0


def test_a_running_bots_backup_moved_skips_what_was_due_and_says_resend(tmp_path: Path
                                                                        ) -> None:
    NOW = _now()
    path = _queued(tmp_path, NOW)
    saved = tmp_path / "nightly.db"
    lock = hold_lock(path)  # the running bot: it went on sending after the copy
    try:
        backups.backup(path, saved, now=NOW)
    finally:
        assert lock is not None
        lock.close()
    fresh = tmp_path / "newhost" / "nashra.db"
    fresh.parent.mkdir()
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(fresh), "restore",
                           str(saved)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # restored at once: the row due before the backup is skipped, the later ones stay
    assert _statuses(fresh) == ["skipped", "pending", "pending"]
    assert "the bot was running when it was taken" in out and "--resend" in out, out
    assert "كان البوت يعمل وقت النسخة" in out and "marked skipped" in out, out


def test_run_py_restore_of_a_stopped_bots_backup_says_kept(tmp_path: Path) -> None:
    NOW = _now()
    path = _queued(tmp_path, NOW)
    saved = tmp_path / "move.db"
    backups.backup(path, saved, now=NOW)
    fresh = tmp_path / "newhost" / "nashra.db"
    fresh.parent.mkdir()
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(fresh), "restore",
                           str(saved)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "kept and sent when the bot starts: 1" in done.stdout, done.stdout
    assert "باقية" in done.stdout and "marked skipped" not in done.stdout, done.stdout
    assert _statuses(fresh) == ["pending", "pending", "pending"]
