"""X86 (5, QA58-2): `run.py restore` onto a fresh server (no database at DATABASE_PATH: the
disaster-recovery case) printed «the previous file moved to: —», «what the previous file sent
could not be read (… missing)» and a ⚠️ about readers' choices — read as a failed restore — and
its Arabic said the due deliveries were marked «كأنها أُرسلت» (as if sent) where the English said
«marked skipped». Now one calm line says no database was there, both languages say «skipped»,
and English counts agree («1 delivery … 1 link»). Real run.py processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_restore_record import due_rows

from digests import backups
from digests.storage import hold_lock

ROOT = Path(__file__).resolve().parent.parent


def _restore(target: Path, saved: Path) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(target), "restore",
                           str(saved)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_restore_onto_a_fresh_server_is_calm_and_says_skipped_in_both(tmp_path: Path) -> None:
    live, _, _ = due_rows(tmp_path)
    # the disaster-recovery case: the nightly backup of a running bot (X102, QA66-1: a stopped
    # bot's backup keeps its due rows, test_x102_move_restore)
    saved = tmp_path / "nightly.db"
    lock = hold_lock(live)
    try:
        backups.backup(live, saved)
    finally:
        assert lock is not None
        lock.close()
    fresh = tmp_path / "new" / "nashra.db"
    fresh.parent.mkdir()
    out = _restore(fresh, saved)
    assert "could not be read" not in out and "تعذّرت" not in out, out
    assert "⚠️" not in out and "missing" not in out and "moved to" not in out, out
    assert "no database was at" in out and "لم تكن في" in out, out
    assert "كأنها أُرسلت" not in out and "عُلّمت متروكة" in out and "marked skipped" in out, out
    assert fresh.is_file()


def test_english_counts_agree() -> None:
    from cli.backups import _en

    assert _en(1, "delivery", "deliveries") == "1 delivery"  # was «1 deliveries»
    assert _en(0, "link", "links") == "0 links" and _en(6, "link", "links") == "6 links"
