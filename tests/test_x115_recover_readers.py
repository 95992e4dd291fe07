"""`recover` says when the readers did not come back (REV s25, README «recover»): a rescue whose
`chats` or `subscriptions` table is empty makes a bot that starts with no readers (or follows
nothing for them) — a lost table is made empty (digests.rescue, QA66-10), a damaged one keeps
what read. Its output now says so, in both languages as the CLI speaks, and to prefer a backup.
The real CLI on a real damaged SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import sample_db
from test_backups import add_chat, run, zero_root_page

from digests.backup_files import Summary
from digests.rescue import RecoverReport
from digests.storage import Database

ADVICE = "restore BACKUP.db"  # «python run.py --db PATH restore BACKUP.db» (X132)


def test_a_rescue_without_the_readers_says_prefer_a_backup(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 703, "ترامب")
    zero_root_page(path, "chats")
    fixed = tmp_path / "fixed.db"
    proc = run("--db", str(path), "recover", str(fixed))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("⚠️"), proc.stdout
    [line] = [ln for ln in proc.stdout.splitlines() if ADVICE in ln]
    assert "chats" in line and "بلا قرّاء" in line and "no readers" in line, line
    assert f"python run.py --db {path} backup list" in line, line  # this database's (QA76-4)
    assert f"python run.py --db {path} restore BACKUP.db" in line, line
    # the operator's last line still names the rescued file
    assert proc.stdout.splitlines()[-1].endswith(str(fixed.absolute()))


def test_a_rescue_that_kept_the_readers_says_nothing_of_them(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 704, "ترامب")
    fixed = tmp_path / "fixed.db"
    proc = run("--db", str(path), "recover", str(fixed))
    assert proc.returncode == 0, proc.stderr
    assert ADVICE not in proc.stdout and proc.stdout.startswith("✅"), proc.stdout


def test_the_report_names_the_empty_reader_tables(tmp_path: Path) -> None:
    def report(**counts: int) -> RecoverReport:
        return RecoverReport({}, (), 0, "ok", Summary(tmp_path / "x.db", 0, counts, ""))

    assert report(chats=0, subscriptions=0).readers_empty == ("chats", "subscriptions")
    assert report(chats=3, subscriptions=0).readers_empty == ("subscriptions",)
    assert report(chats=3, subscriptions=5).readers_empty == ()


def test_lost_subscriptions_alone_are_worded_so(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 705, "ترامب")
    zero_root_page(path, "subscriptions")
    proc = run("--db", str(path), "recover", str(tmp_path / "fixed.db"))
    assert proc.returncode == 0, proc.stderr
    [line] = [ln for ln in proc.stdout.splitlines() if ADVICE in ln]
    assert "subscriptions" in line and "chats" not in line, line
    assert "following nothing" in line and "لا يتابعون شيئًا" in line, line
