"""X102 (QA66-13): a backup copied in by hand over a database a crash left with its `-wal`
was refused at start as «damaged», with `recover` advised — which reads the file mixed with the
stray `-wal` and lost rows the file holds intact. When the file alone checks ok, the start
now says the `-wal` does not belong and to move it (and `-shm`) aside. Real SQLite files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from botkit import sample_db

from digests import backups
from digests.errors import StorageError
from digests.file_checks import quick_check
from digests.storage import Database


def _crashed_then_copied(tmp_path: Path) -> tuple[Path, Path]:
    """The live file with a `-wal` of its last writes (the crash), then a backup copied over
    the main file by hand. Returns (database, backup). The backup is a WAL-mode file (a `cp`
    of the stopped bot's file, or a sqlite3 «.backup» of it): a rollback-mode file (what
    `run.py backup` writes) is switched to WAL at the start, which drops a stray -wal."""
    path = sample_db(tmp_path)
    Database(path).close()  # a clean stop: everything folded into the file
    saved = tmp_path / "nashra-backup.db"
    shutil.copyfile(path, saved)
    assert saved.read_bytes()[18:20] == b"\x02\x02"  # WAL mode
    conn = sqlite3.connect(path)
    conn.execute("pragma wal_autocheckpoint=0")
    conn.execute("create table ballast (x text)")  # the bot ran on after the backup...
    conn.executemany("insert into ballast values (?)", [("x" * 800,)] * 600)
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")  # ...its file moved on...
    conn.executemany("insert into ballast values (?)", [("y" * 800,)] * 300)
    conn.execute("update articles set title = title || ' (edited)'")
    conn.commit()  # ...and these last writes sit in its -wal when it is killed
    wal = Path(f"{path}-wal")
    kept = wal.read_bytes()  # what a kill -9 leaves: the -wal stays
    conn.close()  # (a clean close folds it in; the crash's copy is put back below)
    wal.write_bytes(kept)
    shutil.copyfile(saved, path)  # `cp backups/… nashra.db`, the -wal left beside it
    return path, saved


def test_a_stray_wal_beside_a_sound_file_is_named_not_called_damage(tmp_path: Path) -> None:
    path, saved = _crashed_then_copied(tmp_path)
    found = quick_check(path)
    assert found.state == "damaged" and found.stray_wal, found
    with pytest.raises(StorageError) as refused:
        Database(path, start_check=True)
    said = str(refused.value)
    assert f"move {path}-wal and {path}-shm away" in said and "alone checks ok" in said, said
    assert f"انقل {path}-wal" in said and "ولا تستعمل recover" in said, said
    assert "recover fixed.db" not in said and "recover is not needed" in said, said
    # following the advice gives the whole file back
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(tmp_path / f"aside{suffix}")
    with Database(path, start_check=True) as db:
        n = db.conn.execute("select count(*) from articles").fetchone()[0]
    assert n == backups.summarize(saved).counts["articles"]


def test_a_file_damaged_in_itself_keeps_the_recover_advice(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    Database(path).close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    page = 4096
    for i in range(3 * page, min(len(data), 8 * page)):  # garbage over some b-tree pages
        data[i] = 0x5A
    path.write_bytes(bytes(data))
    found = quick_check(path)
    assert found.state == "damaged" and not found.stray_wal
    assert "recover" in found.line(str(path)) and "alone checks ok" not in found.line(str(path))
