"""X87 (QA58-11): `run.py restore` refused while the bot runs on the database advised «stop it
first or choose another DATABASE_PATH»: the refusal is right, the second half is start-up
advice (restoring to another path is not what the operator wants). Now: stop it (Ctrl-C, or
systemctl stop for its service), then run restore again. A real lock held on a real SQLite
file, the real `run.py restore`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from botkit import sample_db

from digests import backups
from digests.storage import hold_lock

ROOT = Path(__file__).resolve().parents[1]


def test_restore_while_a_bot_runs_says_stop_then_restore(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    lock = hold_lock(path)  # the running bot's lock
    try:
        run = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(path), "restore",
                              str(saved)], capture_output=True, text=True, timeout=120,
                             cwd=tmp_path)
    finally:
        assert lock is not None
        lock.close()
    said = run.stdout + run.stderr
    assert run.returncode != 0, said
    assert "ثم أعد الاسترجاع" in said and "then run restore again" in said, said
    assert "another DATABASE_PATH" not in said and "اختر" not in said, said
    assert not list(tmp_path.glob("*.before-restore-*"))  # nothing moved
