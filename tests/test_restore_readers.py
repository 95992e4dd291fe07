"""What readers chose after a backup survives its restore (digests.restore_readers, X38's left):
subscriptions made since, unsubscriptions, settings and new chats are carried from the replaced
file into the restored backup. Real SQLite files through the real subscription functions, then
end to end: the bot and the emulator, a backup while it runs, readers acting, a restore, and the
restored bot answering them."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot, sample_db
from delivery_helpers import add_chat

from bot.texts_names import LANGUAGE_NAMES
from digests import backups, outbox_states, subscriptions
from digests.restore_readers import Readers
from digests.storage import Database

NOW = datetime.now(timezone.utc).replace(microsecond=0)
ROOT = Path(__file__).resolve().parent.parent


def topics(db: Database, chat_id: int) -> set[str]:
    return {s.topic for s in subscriptions.list_subscriptions(db, chat_id)}


def chat_row(db: Database, chat_id: int) -> tuple[object, ...] | None:
    row = db.conn.execute("select language, mode, daily_hour, active from chats where id = ?",
                          [chat_id]).fetchone()
    return tuple(row) if row else None


def live_and_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A database with three readers, its backup, then what readers do after it."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 901, topics=("سوريا", "ترامب"))
        add_chat(db, 902, topics=("",))
        add_chat(db, -903, topics=("اليمن",), type="group")
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    with Database(path) as db:
        subscriptions.subscribe(db, 901, "العراق", now=NOW)  # subscribed since
        assert subscriptions.unsubscribe(db, 901, "ترامب", now=NOW)  # unsubscribed since
        subscriptions.set_language(db, 902, "en")
        subscriptions.set_mode(db, 902, "daily", 20, now=NOW)
        subscriptions.upsert_chat(db, 904, now=NOW)  # a new reader
        subscriptions.subscribe(db, 904, "لبنان", now=NOW)
        outbox_states.move_chat(db, -903, -100903)  # the group became a supergroup
    return path, saved


def test_a_restore_keeps_what_readers_chose_after_the_backup(tmp_path: Path) -> None:
    path, saved = live_and_backup(tmp_path)
    report = backups.restore(saved, path, now=NOW)
    assert report.readers == Readers(changed=1, added=2, dropped=1, subscribed=3,
                                     unsubscribed=1)
    with Database(path) as db:  # before: {'سوريا', 'ترامب'}, ar/instant, no 904, -903 only
        assert topics(db, 901) == {"سوريا", "العراق"}
        assert chat_row(db, 902) == ("en", "daily", 20, 1)
        assert topics(db, 904) == {"لبنان"}
        assert chat_row(db, -903) is None and topics(db, -100903) == {"اليمن"}
        assert db.conn.execute("select count(*) from subscriptions where chat_id = -903"
                               ).fetchone()[0] == 0


def test_the_backups_readers_are_kept_when_asked_or_when_the_file_is_another(
        tmp_path: Path) -> None:
    path, saved = live_and_backup(tmp_path)
    report = backups.restore(saved, path, now=NOW, backup_readers=True)
    assert report.readers.error == "--backup-readers"
    with Database(path) as db:
        assert topics(db, 901) == {"سوريا", "ترامب"} and chat_row(db, 904) is None
    # a fresh file at DATABASE_PATH (another database): its chats are not these readers' choices
    time.sleep(1.1)  # born in another second than the backup's template (times are to the second)
    path.unlink()
    for leftover in path.parent.glob(f"{path.name}-*"):
        leftover.unlink()
    with Database(path) as db:
        subscriptions.upsert_chat(db, 901, now=NOW)  # a /start, no subscription
    report = backups.restore(saved, path, now=NOW)
    assert report.readers.error.startswith("another database (created ")
    with Database(path) as db:
        assert topics(db, 901) == {"سوريا", "ترامب"}  # not wiped
    # born in the same second, but its chat made at another time: another database still
    path.unlink()
    for leftover in path.parent.glob(f"{path.name}-*"):
        leftover.unlink()
    with Database(path) as db:
        subscriptions.upsert_chat(db, 901, now=NOW + timedelta(minutes=3))
        db.conn.execute("attach database ? as b", [str(saved)])
        db.conn.execute("update _migrations set applied_at = (select applied_at from"
                        " b._migrations where id = 1) where id = 1")  # the same second
        db.conn.execute("detach database b")
    report = backups.restore(saved, path, now=NOW)
    assert "its chats made at other times" in report.readers.error
    with Database(path) as db:
        assert topics(db, 901) == {"سوريا", "ترامب"}


def test_run_py_restore_says_what_readers_it_carried(tmp_path: Path) -> None:
    path, saved = live_and_backup(tmp_path)
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(path), "restore",
                           str(saved)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ("what readers chose since the backup was carried: subscriptions added 3, removed 1;"
            " chats new 2, settings changed 1, gone 1") in done.stdout
    assert "ما اختاره القراء بعد النسخة حُمل" in done.stdout


async def test_readers_keep_their_choices_across_a_restore_end_to_end(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    saved = tmp_path / "saved.db"
    other = READER + 7
    async with running_bot(path) as h:
        await h.say(READER, "/subscribe سوريا")
        await h.say(READER, "/subscribe ترامب")
        backups.backup(path, saved)  # the nightly backup, the bot running
        await h.say(READER, "/subscribe العراق")
        await h.say(READER, "/unsubscribe ترامب")
        [menu] = await h.say(READER, "/lang")
        await h.click_answer(menu, LANGUAGE_NAMES["en"])
        await h.settle()
        assert subscriptions.get_chat(h.db, READER).language == "en"  # type: ignore[union-attr]
        await h.say(other, "/subscribe لبنان")  # a reader new since the backup
    report = backups.restore(saved, path)  # the bot stopped, the operator restores
    async with running_bot(path) as h:
        [mine] = await h.say(READER, "/topics")
        [theirs] = await h.say(other, "/topics")
    assert "العراق" in mine.plain_text and "سوريا" in mine.plain_text
    assert "ترامب" not in mine.plain_text  # before the fix: back after the restore
    assert "topics" in mine.plain_text.lower()  # still in English
    assert "لبنان" in theirs.plain_text  # before: lost
    assert report.readers.error == "" and report.readers.subscribed >= 2
