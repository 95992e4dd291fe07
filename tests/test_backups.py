"""Backups, restores and rescues of the database file (digests.backups, cli.backups; QA22 U2,
U3) and the refusals that keep an operator's data from being replaced in silence (an empty file,
a newer database): on real SQLite files, and through `run.py` as an operator types it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from botkit import sample_db

from digests import backups
from digests.errors import StorageError
from digests.search import search
from digests.storage import Database, DatabaseInUse, EmptyDatabase, NewerDatabase, hold_lock

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def counts(path: Path) -> dict[str, int]:
    return backups.summarize(path).counts


def add_chat(db: Database, chat_id: int, topic: str) -> None:
    now = datetime.now(timezone.utc).isoformat()
    with db.transaction() as t:
        t.execute("insert into chats (id, type, created_at) values (?, 'private', ?)",
                  [chat_id, now])
        t.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                  " values (?, ?, ?, ?)", [chat_id, topic, topic, now])


def test_backup_of_a_running_database_holds_what_its_wal_holds(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as live:  # the bot's connection, open: recent writes sit in -wal
        live.conn.execute("PRAGMA wal_autocheckpoint=0")
        add_chat(live, 501, "ترامب")
        assert Path(f"{path}-wal").stat().st_size > 0
        naive = tmp_path / "cp.db"
        shutil.copyfile(path, naive)  # what `cp` does: the main file only
        copy = backups.backup(path, tmp_path / "backup.db")
        expected = counts(path)
    assert copy.counts == expected and copy.counts["chats"] >= 1
    assert counts(naive)["chats"] < expected["chats"]  # why the README says not to cp
    assert not Path(f"{tmp_path / 'backup.db'}-wal").exists()  # one file to carry
    with sqlite3.connect(tmp_path / "backup.db") as conn:
        assert conn.execute("pragma quick_check").fetchone()[0] == "ok"
        taken = conn.execute("select value from meta where key = ?",
                             [backups.BACKUP_KEY]).fetchone()[0]
    assert datetime.fromisoformat(taken) > datetime.now(timezone.utc) - timedelta(minutes=5)
    with pytest.raises(StorageError, match="exists"):  # never over an existing file
        backups.backup(path, tmp_path / "backup.db")


def test_run_py_backup_prints_size_and_counts(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    proc = run("backup", str(tmp_path / "b.db"), "--db", str(path))
    assert proc.returncode == 0, proc.stderr
    n = counts(path)["articles"]
    assert f"articles={n}" in proc.stdout and "size=" in proc.stdout
    assert "backup written" in proc.stdout and "حُفظت النسخة" in proc.stdout


def test_restore_keeps_the_old_file_and_skips_what_was_due(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    now = datetime.now(timezone.utc)
    with Database(path) as db:
        add_chat(db, 601, "سوريا")
        story = db.conn.execute("select id from stories limit 1").fetchone()[0]
        with db.transaction() as t:
            for kind, due in (("instant", now - timedelta(minutes=5)),
                              ("daily:tomorrow", now + timedelta(hours=20))):
                t.execute("insert into outbox (chat_id, story_id, kind, not_before, created_at)"
                          " values (601, ?, ?, ?, ?)", [story, kind, due.isoformat(),
                                                        now.isoformat()])
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    with Database(path) as db:  # life goes on after the backup: another reader follows
        add_chat(db, 602, "الغوطة")
    report = backups.restore(saved, path, now=now)
    assert report.skipped == 1  # the one due (most likely sent since); tomorrow's stays
    with Database(path) as db:
        rows = dict(db.conn.execute("select kind, status from outbox where chat_id = 601"))
        chats = {r[0] for r in db.conn.execute("select id from chats")}
    assert rows == {"instant": "skipped", "daily:tomorrow": "pending"}
    # a reader who came after the backup is carried from the replaced file (restore_readers)
    assert 601 in chats and 602 in chats and report.readers.added == 1
    aside = [p for p in report.moved_aside if p.name.endswith(".db") or "restore" in p.name]
    assert aside and all(p.exists() for p in report.moved_aside)
    assert 602 in {r[0] for r in sqlite3.connect(report.moved_aside[0]).execute(
        "select id from chats")}  # the replaced file is kept whole


def test_restore_refuses_while_a_bot_runs(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    lock = hold_lock(path)  # the running bot's lock
    try:
        with pytest.raises(DatabaseInUse):
            backups.restore(saved, path)
    finally:
        assert lock is not None
        lock.close()
    assert path.exists() and not list(tmp_path.glob("*.before-restore-*"))


def damage_articles(path: Path, size: int = 12_000) -> None:
    """Garbage over the pages holding a middle article's body (QA22 U3's mid-file damage),
    found by its bytes: the schema's pages stay whole, as they would most often."""
    with Database(path) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("PRAGMA journal_mode=DELETE")
        bodies = [r[0] for r in db.conn.execute("select body from articles where length(body)"
                                                " > 200 order by id")]
    data = bytearray(path.read_bytes())
    offset = data.find(bodies[len(bodies) // 2][:60].encode())
    assert offset > 0
    data[offset:offset + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_recover_keeps_readers_and_most_articles_of_a_damaged_file(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 701, "ترامب")
    before = counts(path)
    damage_articles(path)
    with sqlite3.connect(path) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("select count(*) from articles where length(body) >= 0").fetchone()
    fixed = tmp_path / "fixed.db"
    proc = run("--db", str(path), "recover", str(fixed))
    assert proc.returncode == 0, proc.stderr
    assert "DATABASE_PATH" in proc.stdout and "check=ok" in proc.stdout
    after = counts(fixed)
    assert after["chats"] == before["chats"] and after["subscriptions"] == before["subscriptions"]
    assert before["articles"] * 0.8 <= after["articles"] <= before["articles"]
    with Database(fixed) as db:  # Nashra opens it as its own: no migration to redo, search works
        assert db.migrate() == []
        title = db.conn.execute("select title from articles order by id desc limit 1"
                                ).fetchone()[0]
        word = max(title.split(), key=len)
        assert search(db.db, word).total >= 1


def test_an_empty_database_file_is_refused_not_started_afresh(tmp_path: Path) -> None:
    empty = tmp_path / "fixed.db"
    empty.touch()  # what a failed `sqlite3 … | sqlite3 fixed.db` leaves
    with pytest.raises(EmptyDatabase):
        Database(empty)
    proc = run("search", "ترامب", "--db", str(empty))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "فارغ (0 بايت)" in proc.stderr and "is empty (0 bytes)" in proc.stderr
    assert empty.stat().st_size == 0  # nothing was created in it
    new = tmp_path / "new.db"  # a missing file is still a new database
    with Database(new) as db:
        assert "030_pin_group_languages" in db.applied_migrations()


def test_a_database_of_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("insert into _migrations (name) values ('099_future_thing')")
    with pytest.raises(NewerDatabase, match="099_future_thing"):
        Database(path)
    proc = run("search", "ترامب", "--db", str(path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "إصدار أحدث" in proc.stderr and "written by a newer Nashra" in proc.stderr


def test_a_wrong_backup_file_leaves_the_database_in_place(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    before = counts(path)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100, encoding="utf-8")
    proc = run("restore", str(notes), "--db", str(path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert counts(path) == before and not list(tmp_path.glob("*.before-restore-*"))
    assert not list(tmp_path.glob("*.partial"))


def test_restore_over_a_stale_wal_gives_a_sound_database(tmp_path: Path) -> None:
    """QA22 U2: the old -wal left beside a restored file corrupted it («btreeInitPage()»), or
    (here) lays the newer writes over the backup: the restore is no restore."""
    path = sample_db(tmp_path)
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    live = Database(path)  # a bot killed with writes in its -wal
    live.conn.execute("PRAGMA wal_autocheckpoint=0")
    add_chat(live, 801, "ترامب")
    stale = Path(f"{path}-wal").read_bytes()
    live.close()
    Path(f"{path}-wal").write_bytes(stale)
    # the backup's readers as they were: what the file shows is the backup's, not the -wal's
    backups.restore(saved, path, backup_readers=True)
    assert not Path(f"{path}-wal").exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma quick_check").fetchone()[0] == "ok"
    with Database(path) as db:
        assert 801 not in {r[0] for r in db.conn.execute("select id from chats")}


# ---- QA24 R7–R10, R12: refusals before anything is moved, and the right file named


def zero_root_page(path: Path, table: str) -> None:
    """Zeros over `table`'s root page (QA24 R7 zeroed page 2, the root of `_migrations`)."""
    with Database(path) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("PRAGMA journal_mode=DELETE")
        root = db.conn.execute("select rootpage from sqlite_master where name = ?",
                               [table]).fetchone()[0]
        size = db.conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * size:root * size] = bytes(size)
    path.write_bytes(bytes(data))


def test_an_empty_file_beside_a_leftover_wal_is_refused(tmp_path: Path) -> None:
    """QA24 R12: a -wal of another database beside a 0-byte file made a new, empty database
    (30 migrations, 0 chats); Nashra's own file is never 0 bytes with a -wal."""
    other = sample_db(tmp_path)
    live = Database(other)
    live.conn.execute("PRAGMA wal_autocheckpoint=0")
    add_chat(live, 901, "ترامب")
    wal = Path(f"{other}-wal").read_bytes()
    live.close()
    assert len(wal) > 0
    empty = tmp_path / "e2.db"
    empty.touch()
    Path(f"{empty}-wal").write_bytes(wal)
    with pytest.raises(EmptyDatabase, match="-wal"):
        Database(empty)
    proc = run("search", "ترامب", "--db", str(empty))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "is empty (0 bytes)" in proc.stderr and "leftover" in proc.stderr
    assert empty.stat().st_size == 0


def test_restore_refuses_a_newer_backup_before_moving_anything(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    before = counts(path)
    future = tmp_path / "future.db"
    backups.backup(path, future)
    with sqlite3.connect(future) as conn:
        conn.execute("insert into _migrations (name) values ('099_future_thing')")
    proc = run("--db", str(path), "restore", str(future))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "099_future_thing" in proc.stderr and "newer Nashra" in proc.stderr
    assert "إصدار أحدث" in proc.stderr
    assert counts(path) == before and not list(tmp_path.glob("*.before-restore-*"))
    assert not list(tmp_path.glob("*.partial*"))
    with Database(path) as db:  # the database in use still opens
        assert "099_future_thing" not in db.applied_migrations()


def test_restore_of_the_database_onto_itself_and_an_unstamped_backup(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    proc = run("--db", str(path), "restore", str(tmp_path / "." / path.name))
    assert proc.returncode == 1 and "is the database itself" in proc.stderr, proc.stderr
    assert not list(tmp_path.glob("*.before-restore-*"))
    copy = tmp_path / "copy.db"  # a copy made by hand: no backup_taken_at in its meta
    with sqlite3.connect(path) as conn, sqlite3.connect(copy) as out:
        conn.backup(out)
    proc = run("--db", str(path), "restore", str(copy))
    assert proc.returncode == 0, proc.stderr
    assert "when it was taken is unknown" in proc.stdout and "taken at" not in proc.stdout


def test_a_damaged_backup_is_named_not_the_live_database(tmp_path: Path) -> None:
    """QA24 R9: the refusal told the operator to rescue their healthy live file."""
    path = sample_db(tmp_path)
    bad = tmp_path / "garbage.db"
    backups.backup(path, bad)
    damage_articles(bad)
    proc = run("--db", str(path), "restore", str(bad))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"the backup {bad} is damaged" in proc.stderr and "choose another backup" in proc.stderr
    assert "recover" not in proc.stderr and "DATABASE_PATH" not in proc.stderr
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_backup_and_recover_name_the_new_file_when_it_cannot_be_written(tmp_path: Path
                                                                        ) -> None:
    """QA24 R8: a destination's trouble was reported as DATABASE_PATH's."""
    path = sample_db(tmp_path)
    blocker = tmp_path / "notadir"
    blocker.write_text("x", encoding="utf-8")  # its «folder» is a file: nothing can go there
    for command in ("backup", "recover"):
        dest = blocker / "b.db"
        proc = run("--db", str(path), command, str(dest))
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert f"cannot write {dest}" in proc.stderr and "DATABASE_PATH" not in proc.stderr
    deep = tmp_path / "new" / "folder" / "fixed.db"  # a missing folder is made, as backup does
    proc = run("--db", str(path), "recover", str(deep))
    assert proc.returncode == 0 and deep.is_file(), proc.stderr


def test_recover_says_when_nashra_cannot_open_what_it_rescued(tmp_path: Path) -> None:
    """QA24 R7: with `_migrations`' page zeroed the rescue said ✅, and the next start failed
    «001_sources_articles: table sources already exists»."""
    path = sample_db(tmp_path)
    zero_root_page(path, "_migrations")
    damaged = path.read_bytes()
    fixed = tmp_path / "fixed.db"
    proc = run("--db", str(path), "recover", str(fixed))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "cannot be opened by Nashra" in proc.stderr and "_migrations" in proc.stderr
    assert "restore BACKUP.db" in proc.stderr and "✅" not in proc.stdout
    assert not fixed.exists() and not list(tmp_path.glob("*.partial*"))
    assert (tmp_path / "fixed.db.unusable").is_file()  # the rows read, for a hand repair
    assert path.read_bytes() == damaged  # the damaged file is kept as it was


def test_recover_marks_a_lost_table_instead_of_a_plain_success(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 702, "ترامب")
    zero_root_page(path, "subscriptions")
    fixed = tmp_path / "fixed.db"
    proc = run("--db", str(path), "recover", str(fixed))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("⚠️") and "subscriptions" in proc.stdout.splitlines()[1]
    with Database(fixed) as db:
        assert db.migrate() == []
