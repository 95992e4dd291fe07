"""QA27 D7: one bot per database even when its `.lock` file was deleted (digests.instance_lock).

Real processes: a real `run.py bot` against the emulator, its `.lock` removed as an operator
cleaning a «stale» file would, then a second `run.py bot` on the same file: refused, naming the
first; the first still answers. The lock on the database file blocks no SQLite reader or writer.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from botkit import ADMIN, READER, TOKEN
from lockkit import lock_holder
from test_cli_main import SUBPROCESS_WAIT

from bot.emulator import Emulator
from digests.backups import backup
from digests.instance_lock import holder_of
from digests.storage import Database, DatabaseInUse, hold_lock

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path, emu: Emulator, db: Path) -> dict[str, str]:
    sources = tmp_path / "sources.txt"
    sources.write_text("# no feeds: this test must not reach the internet\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=emu.base_url,
               DATABASE_PATH=str(db), SOURCES_FILE=str(sources), ADMIN_IDS=str(ADMIN),
               LOG_LEVEL="INFO")
    return env


def test_a_second_bot_is_refused_after_the_lock_file_was_deleted(tmp_path: Path) -> None:
    db = tmp_path / "nashra.db"
    with Emulator(token=TOKEN) as emu:
        env = _env(tmp_path, emu, db)
        first = subprocess.Popen([sys.executable, "run.py", "bot"], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            emu.send_user_message(READER, "/start")
            emu.wait_for_messages(READER, 1, timeout=SUBPROCESS_WAIT)
            Path(f"{db}.lock").unlink()  # «stale» to the eye: it stays after a clean stop
            second = subprocess.run([sys.executable, "run.py", "bot"], cwd=ROOT, env=env,
                                    capture_output=True, text=True, timeout=SUBPROCESS_WAIT)
            assert second.returncode == 1, second.stderr[-2000:]
            assert "بوت آخر لنشرة يعمل على قاعدة البيانات هذه" in second.stderr
            assert f"another Nashra bot (pid {first.pid}: " in second.stderr  # named
            assert "run.py bot" in second.stderr
            assert Path(f"{db}.lock").read_text() == ""  # the refused one wrote no pid
            emu.send_user_message(READER, "/help")  # the first one still answers, alone
            assert len(emu.wait_for_messages(READER, 2, timeout=SUBPROCESS_WAIT)) == 2
        finally:
            first.send_signal(signal.SIGINT)
            _, err = first.communicate(timeout=SUBPROCESS_WAIT)
    assert first.returncode == 0, err[-2000:]


def test_a_new_database_is_guarded_from_its_first_start(tmp_path: Path) -> None:
    db = tmp_path / "new" / "nashra.db"  # missing: the first bot creates it
    with lock_holder(db) as proc:
        assert db.stat().st_size > 0  # a real SQLite file (not the 0-byte file refused later)
        Path(f"{db}.lock").unlink()
        with pytest.raises(DatabaseInUse, match=f"pid {proc.pid}"):
            hold_lock(db)
    lock = hold_lock(db)  # the killed holder's locks died with it
    assert lock is not None
    lock.close()
    Database(db).close()  # the file it made is a database the bot opens and migrates


def test_the_holder_is_named_from_the_kernel(tmp_path: Path) -> None:
    db = tmp_path / "nashra.db"
    with lock_holder(db) as proc:
        assert holder_of(db).startswith(f"{proc.pid}: {sys.executable} -c")
    assert holder_of(db) == "?"


def test_the_lock_blocks_no_sqlite_reader_writer_or_backup(tmp_path: Path) -> None:
    db = tmp_path / "nashra.db"
    Database(db).close()
    with lock_holder(db):
        conn = sqlite3.connect(db, timeout=5)  # another program (the CLI, sqlite3) meanwhile
        conn.execute("insert into meta (key, value) values ('k', 'v')")
        conn.commit()
        assert conn.execute("select value from meta where key = 'k'").fetchone() == ("v",)
        conn.close()
        backup(db, tmp_path / "copy.db")
        assert (tmp_path / "copy.db").stat().st_size > 0


def test_a_restore_is_refused_while_the_bot_runs_even_without_its_lock_file(
        tmp_path: Path) -> None:
    from digests.backups import restore

    db = tmp_path / "nashra.db"
    Database(db).close()
    copy = tmp_path / "copy.db"
    backup(db, copy)
    with lock_holder(db) as proc:
        Path(f"{db}.lock").unlink()
        with pytest.raises(DatabaseInUse, match=str(proc.pid)):
            restore(copy, db)
    assert not list(tmp_path.glob("nashra.db.before-restore-*"))  # nothing moved
