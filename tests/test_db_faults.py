"""The database under faults (QA16 F1, F2, N1, N4): locked by another program, a full disk, a
second bot on one file, a damaged file. Real SQLite files, the real pipeline against the sample
site on 127.0.0.1, the real PTB Application against the emulator."""

from __future__ import annotations

import logging
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from botkit import ADMIN, READER, TOKEN, BotHarness, running_bot, sample_db, sample_template
from lockkit import lock_holder
from test_cli_main import SUBPROCESS_WAIT

from bot import api_noise
from bot.app import HANDLER_BUSY_SECONDS, run_bot
from bot.emulator import Emulator
from cli.main import database_error
from digests import file_checks, sources, storage, writer
from digests.errors import StorageError
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import FAULT_TEXT, FAULTS, Database, DatabaseInUse, FaultLog, fault_of, \
    hold_lock

ROOT = Path(__file__).resolve().parent.parent
BUSY_REPLY = FAULT_TEXT["locked"]


@pytest.fixture(autouse=True)
def _fresh_fault_log() -> Iterator[None]:
    FAULTS.forget()
    yield
    FAULTS.forget()


# ---- what a fault is, and how often it is said


def test_faults_are_told_apart_by_sqlites_own_messages(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is no database, just text " * 200)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        sqlite3.connect(damaged).execute("select * from sqlite_master").fetchall()
    assert fault_of(caught.value) == "damaged"
    assert fault_of(sqlite3.OperationalError("database is locked")) == "locked"
    assert fault_of(sqlite3.OperationalError("database or disk is full")) == "full"
    assert fault_of(sqlite3.OperationalError("no such table: x")) is None
    assert fault_of(ValueError("database is locked")) is None  # only SQLite's own errors
    wrapped = StorageError("migration failed")
    wrapped.__cause__ = sqlite3.OperationalError("database or disk is full")
    assert fault_of(wrapped) == "full"


def test_a_fault_is_logged_once_an_interval(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    faults = FaultLog(interval=60.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="digests.storage"):
        said = [faults.report("locked", "update") for _ in range(50)]
        now[0] = 61.0
        said.append(faults.report("locked", "update"))
        said.append(faults.report("full", "poll"))  # another kind is said at once
    assert said == [True] + [False] * 49 + [True, True]
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert "database is locked by another program" in lines[0]
    assert "suppressed=49" in lines[1]
    assert "disk holding the database is full" in lines[2]


def test_the_senders_db_failures_are_one_warning_a_minute(caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    """QA16 F2: `send task failed … OperationalError` + traceback for every due chat every
    second becomes the process's one WARNING a minute; other errors pass untouched."""
    api_noise.install()
    sender_log = logging.getLogger("bot.sender")
    assert any(isinstance(f, api_noise.DbFaultFilter) for f in sender_log.filters)
    error = sqlite3.OperationalError("database or disk is full")
    with caplog.at_level(logging.WARNING, logger="bot.sender"):
        for chat in range(100):
            sender_log.error("send task failed chat=%s error=%r", chat, error)
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError:
            sender_log.exception("sender loop failed; retrying")
        sender_log.error("send task failed chat=%s error=%r", 7, ValueError("a bug"))
    records = [r for r in caplog.records if r.name == "bot.sender"]
    assert [r.levelname for r in records] == ["WARNING", "WARNING", "ERROR"]
    assert "disk holding the database is full" in records[0].getMessage()
    assert "locked by another program" in records[1].getMessage()
    assert all(r.exc_info is None for r in records[:2])
    assert "a bug" in records[2].getMessage()


# ---- F1: another program holds the database while the bot runs


def bot_on(path: Path) -> AbstractAsyncContextManager[BotHarness]:
    """The real Application on the connection `run_bot` opens (its short busy timeout)."""
    return running_bot(path, busy_seconds=HANDLER_BUSY_SECONDS)


def exclusive(path: Path) -> sqlite3.Connection:
    """Another program's connection holding the database (`BEGIN EXCLUSIVE` and a write, as in
    a sqlite3 shell)."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("update _migrations set applied_at = applied_at")
    return other


async def test_a_database_held_by_another_program_still_answers_and_says_busy(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """QA16 F1: 30 s of silence per update, then «عذرًا، حدث خطأ» and a traceback each."""
    path = sample_db(tmp_path)
    async with bot_on(path) as h:
        await h.say(READER, "/start")  # a known chat: its updates need no write
        other = exclusive(path)
        try:
            with caplog.at_level(logging.WARNING):
                [help_] = await h.say(READER, "/help")
                assert "/subscribe" in help_.plain_text
                [found] = await h.say(READER, "/search سوريا")
                assert "سوريا" in found.plain_text and BUSY_REPLY not in found.plain_text
                [new] = await h.say(READER + 1, "/help")  # a chat the bot has never seen
                assert "/subscribe" in new.plain_text
                [busy] = await h.say(READER, "/subscribe سوريا")
                # a stored chat in its own language (X107, QA66-7); a new one in both
                assert busy.plain_text == "قاعدة البيانات مشغولة الآن، أعد المحاولة بعد قليل"
                [busy2] = await h.say(READER + 2, "/subscribe ترامب")
                assert busy2.plain_text == BUSY_REPLY
        finally:
            other.execute("ROLLBACK")
            other.close()
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert errors == [], [r.getMessage() for r in errors]
        warned = [r for r in caplog.records
                  if "database is locked by another program" in r.getMessage()]
        assert len(warned) == 1 and warned[0].exc_info is None
        [done] = await h.say(READER, "/subscribe سوريا")  # the lock gone: it works again
        assert "مشغولة" not in done.plain_text
        followed = h.db.db.execute("select count(*) from subscriptions where chat_id = ?",
                                   [READER]).fetchone()[0]
        assert followed == 1


# ---- F2: the disk holding the database is full during a poll


class _FullDisk(Database):
    """The writer's connection on a disk with no page to spare: SQLite's own SQLITE_FULL."""

    def __init__(self, path: str | Path, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")


async def test_a_full_disk_fails_the_sources_says_why_once_and_loses_nothing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA16 F2: «✅ … الإخفاقات: ٠» while 92 articles failed, with 92 tracebacks."""
    path = tmp_path / "nashra.db"
    settings = Settings(database_path=path, allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    now = datetime.now(timezone.utc)
    with SampleSite() as site, Database(path) as db:
        for url in site.feed_urls:
            sources.add_source(db, url, settings=settings, now=now)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        monkeypatch.setattr(writer, "Database", _FullDisk)
        with caplog.at_level(logging.INFO):
            summary = await poll_once(db, settings, now=now, only_due=False)
        stored = db.db.execute("select count(*) from articles").fetchone()[0]
        assert stored == summary.new < 3  # the disk's last free pages took one at most
        assert summary.failed == len(site.feed_urls) == len(summary.reports)
        for report in summary.reports:
            assert report.error is not None and FAULT_TEXT["full"] in report.error
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1, [r.getMessage() for r in errors]
        assert "disk holding the database is full" in errors[0].getMessage()
        assert all(r.exc_info is None for r in caplog.records)
        monkeypatch.setattr(writer, "Database", Database)  # space is back
        again = await poll_once(db, settings, now=now, only_due=False)
        assert again.failed == 0 and again.new > 0  # the feeds' articles are all stored now
        with Database(sample_template(), migrate=False) as reference:  # one clean poll's
            expected = reference.db.execute("select count(*) from articles").fetchone()[0]
        total = db.db.execute("select count(*) from articles").fetchone()[0]
        assert total == summary.new + again.new == expected  # nothing lost


async def test_the_admins_ingest_report_warns_of_a_full_disk(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The /ingest report on a full disk: ⚠️ with the reason, not «✅ … الإخفاقات: ٠»."""
    with SampleSite() as site:
        site.publish(slug="flash", feed="main", title="قمة عربية طارئة في عمّان لبحث الأزمة",
                     paragraphs=["قال وزير الخارجية الأردني إن القمة ستبحث سبل وقف التصعيد."],
                     published=datetime.now(timezone.utc))
        async with bot_on(tmp_path / "fresh.db") as h:  # no free page left inside the file
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(timezone.utc), name="الشرق")
            monkeypatch.setattr(writer, "Database", _FullDisk)
            with caplog.at_level(logging.WARNING):
                await h.say(ADMIN, "/ingest")
                await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text,
                              20)
            done = h.emu.messages(ADMIN)[-1].plain_text.replace("\u200f", "")
            assert done.startswith("⚠️ انتهى الجلب مع إخفاقات"), done
            assert done.splitlines()[1] == "⚠️ " + FAULT_TEXT["full"]
            assert "✅" not in done
            assert all(r.exc_info is None for r in caplog.records)


def test_a_migration_on_a_full_disk_says_so_in_arabic_too(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "nashra.db"
    Database(path).close()

    def grows(db: Any) -> None:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        db.execute("create table big (b blob)")
        db.execute("insert into big values (zeroblob(1000000))")

    monkeypatch.setattr(storage, "MIGRATIONS", [*storage.MIGRATIONS, ("999_big", grows)])
    with pytest.raises(StorageError) as caught:
        Database(path)
    assert str(caught.value).startswith(FAULT_TEXT["full"])
    assert "migration 999_big failed" in str(caught.value)


# ---- N1: one bot per database


def test_a_second_bot_on_the_same_database_is_refused(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nashra.db"
    first = hold_lock(path)
    assert first is not None
    try:
        with pytest.raises(DatabaseInUse):
            hold_lock(path)
        settings = Settings(database_path=path, telegram_bot_token=TOKEN,
                            telegram_api_base_url="http://127.0.0.1:9/bot")
        # refused before the database; the token check before it meets port 9's refusal
        # at once (X106) and lets the start go on
        assert run_bot(settings) == 1
        err = capsys.readouterr().err
        assert "بوت آخر لنشرة يعمل على قاعدة البيانات هذه" in err
        assert "another Nashra bot" in err and "stop it first" in err
    finally:
        first.close()
    again = hold_lock(path)  # let go: the next start takes it
    assert again is not None
    again.close()


def test_a_killed_bots_lock_does_not_block_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    with lock_holder(path) as holder:
        with pytest.raises(DatabaseInUse, match=str(holder.pid)):
            hold_lock(path)
    assert Path(f"{path}.lock").exists()  # the stale file stays; its lock died with the holder
    lock = hold_lock(path)
    assert lock is not None
    lock.close()


def test_a_symlink_to_the_database_shares_its_lock(tmp_path: Path) -> None:
    # QA17: the lock was named from the path as given, so a second bot started through a
    # symlink ran beside the first
    real = tmp_path / "nashra.db"
    link = tmp_path / "alias.db"
    link.symlink_to(real)
    first = hold_lock(real)
    assert first is not None
    try:
        with pytest.raises(DatabaseInUse):
            hold_lock(link)
    finally:
        first.close()


def test_a_lock_file_that_cannot_be_written_is_one_bilingual_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # QA17 R1: a read-only folder or a full disk gave an OSError traceback at start; a file where
    # the folder should be fails the same way, even for root
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    path = blocker / "nashra.db"
    with pytest.raises(StorageError, match=f"cannot create the folder {blocker} for the database"):
        hold_lock(path)
    from cli.main import main as cli_main
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9/bot")
    assert cli_main(["--db", str(path), "bot"]) == 1
    err = capsys.readouterr().err
    # the command line names the real cause before the lock is tried (QA30 O5: «File exists …
    # free space» sent the operator the wrong way)
    assert f"{blocker} ملف لا مجلد" in err and f"{blocker} is a file, not a folder" in err
    assert "writable folder" in err and "free space" not in err
    assert "Traceback" not in err


# ---- N4: the operator's line for a damaged or locked database


def test_a_damaged_database_says_how_to_recover(tmp_path: Path) -> None:
    damaged = tmp_path / "nashra.db"
    with Database(damaged) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(damaged.read_bytes())
    data[100:4096] = b"\xa5" * 3996  # the schema's page, after the file header
    damaged.write_bytes(bytes(data))
    proc = subprocess.run([sys.executable, "run.py", "sources", "list", "--db", str(damaged)],
                          cwd=ROOT, capture_output=True, text=True, timeout=SUBPROCESS_WAIT)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "الملف تالف" in proc.stderr and "the file is damaged" in proc.stderr
    assert "writable folder" not in proc.stderr
    # QA22 U3: the advice is Nashra's own rescue (the sqlite3 shell's ".recover" fails on
    # Debian's 3.40 and left an empty file), and following it as printed gives a working file
    assert ".recover" not in proc.stderr
    advice = re.search(r"rescue what it holds with python (run\.py --db \S+ recover \S+)",
                       proc.stderr)
    assert advice is not None, proc.stderr
    fixed = tmp_path / "fixed.db"
    rescued = subprocess.run([sys.executable, *shlex.split(advice.group(1))], cwd=ROOT,
                             capture_output=True, text=True, timeout=SUBPROCESS_WAIT)
    # the schema page itself is gone here: the rescue says so, and leaves no file behind
    assert rescued.returncode == 1 and "restore a backup" in rescued.stderr, rescued.stderr
    assert not fixed.exists()


def test_a_locked_database_says_another_program_holds_it(tmp_path: Path) -> None:
    text = database_error(tmp_path / "nashra.db", sqlite3.OperationalError("database is locked"))
    assert "برنامج آخر يمسك قاعدة البيانات" in text
    assert "another program holds the database" in text
    assert "writable folder" not in text


# ---- N7: a stop while the Bot API is unreachable


async def test_a_stop_signal_does_not_wait_out_ptbs_retry_backoff(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """QA16 N7: SIGTERM while the Bot API was down took 22 s (PTB's polling loop sleeps up to
    30 s between tries and its stop waited for the sleep) and ended in PTB's ERROR."""
    import asyncio

    with caplog.at_level(logging.WARNING):
        async with bot_on(sample_db(tmp_path)) as h:
            await h.say(READER, "/start")
            [polling] = [t for t in asyncio.all_tasks() if t.get_name() == api_noise.POLLING_TASK]
            h.emu.stop()  # the Bot API goes away
            await h.until(lambda: any("Bot API unreachable" in r.getMessage()
                                      for r in caplog.records))

            def asleep() -> bool:  # between two tries: no getUpdates call on the wire
                return not any(getattr(t.get_coro(), "__qualname__", "").endswith(
                    api_noise.POLLING_ACTION) for t in asyncio.all_tasks() if not t.done())

            await h.until(asleep)
            with pytest.raises(SystemExit):
                api_noise.stop_without_backoff()  # what SIGTERM runs in `run.py bot`
            await asyncio.wait({polling})  # cancelled now, not after its backoff sleep
            assert polling.cancelled()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    confirm = [r for r in caplog.records if "confirmation of the last updates" in r.getMessage()]
    assert len(confirm) == 1 and confirm[0].levelname == "WARNING"


def test_run_py_bot_stops_cleanly_on_sigterm_while_the_api_is_down(tmp_path: Path) -> None:
    import os
    import threading

    sources_file = tmp_path / "sources.txt"
    sources_file.write_text("# no feeds\n", encoding="utf-8")
    emu = Emulator(token=TOKEN).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=emu.base_url,
               DATABASE_PATH=str(tmp_path / "bot.db"), SOURCES_FILE=str(sources_file),
               ADMIN_IDS=str(ADMIN), LOG_LEVEL="INFO")
    proc = subprocess.Popen([sys.executable, "run.py", "bot"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    ready, down = threading.Event(), threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if "bot ready" in line:
                ready.set()
            if "Bot API unreachable" in line:
                down.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(60), "".join(lines)[-2000:]
        # a second bot on the same database is refused while this one runs (N1)
        second = subprocess.run([sys.executable, "run.py", "bot"], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=SUBPROCESS_WAIT)
        assert second.returncode == 1 and "another Nashra bot" in second.stderr
        emu.stop()
        assert down.wait(60), "".join(lines)[-2000:]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=SUBPROCESS_WAIT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        reader.join(timeout=10)
    text = "".join(lines)
    assert "Traceback" not in text and " ERROR " not in text, text[-3000:]


def test_a_damaged_file_is_not_migrated_and_the_failure_says_how_to_recover(tmp_path: Path
                                                                            ) -> None:
    """QA24 R11: on a damaged file with migrations pending, 030 was recorded before 031 failed
    «malformed», and that line gave no advice. The check comes first: nothing is written."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        pending = db.applied_migrations()[-2:]  # as if stored by the version before them
        db.conn.execute(f"delete from _migrations where name in ({', '.join('?' * 2)})",
                        pending)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("PRAGMA journal_mode=DELETE")
        bodies = [r[0] for r in db.conn.execute("select body from articles where length(body)"
                                                " > 200 order by id")]
    data = bytearray(path.read_bytes())
    offset = data.find(bodies[len(bodies) // 2][:60].encode())
    assert offset > 0
    data[offset:offset + 12_000] = b"\xa5" * 12_000
    path.write_bytes(bytes(data))
    with sqlite3.connect(path) as conn:
        before = [r[0] for r in conn.execute("select name from _migrations order by id")]
    proc = subprocess.run([sys.executable, "run.py", "search", "ترامب", "--db", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=SUBPROCESS_WAIT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"found before migration {pending[0]}, nothing was written" in proc.stderr
    assert f"run.py --db {path} recover" in proc.stderr and "restore BACKUP.db" in proc.stderr
    with sqlite3.connect(path) as conn:
        after = [r[0] for r in conn.execute("select name from _migrations order by id")]
    assert after == before and not set(pending) & set(after)


# ---- QA22 U7, U8: the bot's start checks the whole file, and says a read-only file is read-only


def test_a_file_damaged_in_the_middle_is_refused_at_the_bots_start(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA22 U7: garbage over a middle article's pages; `run.py search` still answers (the
    check is the bot's), the bot refuses to start with one bilingual line and the advice."""
    from test_backups import damage_articles

    from cli.main import main as cli_main

    path = sample_db(tmp_path)
    damage_articles(path)
    before = path.read_bytes()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9/bot")
    assert cli_main(["--db", str(path), "bot"]) == 1
    err = capsys.readouterr().err
    assert "ملف قاعدة البيانات تالف" in err and "the database file is damaged" in err
    assert "PRAGMA quick_check" in err and f"run.py --db {path} recover" in err
    assert "restore BACKUP.db" in err and "Traceback" not in err
    assert path.read_bytes() == before  # refused before anything was written


def test_a_sound_file_is_checked_at_start_and_said_once(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    path = sample_db(tmp_path)
    with caplog.at_level(logging.INFO, logger="digests.storage"), \
            Database(path, start_check=True) as db:
        assert db.file_check is not None and db.file_check.state == "ok"
    said = [r.getMessage() for r in caplog.records if "database checked" in r.getMessage()]
    assert len(said) == 1 and "result=ok" in said[0]
    with Database(path) as db:  # a CLI command: no check
        assert db.file_check is None


async def test_a_large_damaged_file_is_checked_after_start_and_told_in_stats(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """Past START_CHECK_BYTES the bot answers at once; a thread's check says the damage in
    the log (one ERROR line) and in the admin's /stats."""
    from test_backups import damage_articles

    path = sample_db(tmp_path)
    damage_articles(path)
    monkeypatch.setattr(file_checks, "START_CHECK_BYTES", 0)  # «large»: any file
    async with running_bot(path) as h:
        with caplog.at_level(logging.INFO, logger="digests.storage"):
            h.db._check_now_or_later()  # what Database(start_check=True) runs at the start
            assert h.db.file_check is not None
            await h.until(lambda: h.db.file_check is not None
                          and h.db.file_check.state != "running", timeout=20)
        assert h.db.file_check.state == "damaged"
        [answer] = await h.say(ADMIN, "/stats")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "PRAGMA quick_check" in errors[0].getMessage()
    assert "\n" not in errors[0].getMessage()  # one line, though SQLite says it on several
    assert "ملف قاعدة البيانات تالف" in answer.plain_text
    assert "recover" in answer.plain_text and "restore BACKUP.db" in answer.plain_text


def test_a_read_only_file_is_named_read_only_at_start(tmp_path: Path) -> None:
    """QA22 U8: `chattr +i` (root cannot write it either) or `chmod 444` for another user: the
    line says the file is read-only and how to fix it, not «choose a writable folder»."""
    import os
    import shutil

    path = sample_db(tmp_path)
    locked = False
    if os.geteuid() != 0:
        path.chmod(0o444)
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", str(path)],
                                                   capture_output=True).returncode == 0:
        locked = True
    else:
        pytest.skip("root without chattr: the file cannot be made read-only here")
    try:
        assert not os.access(path, os.W_OK)
        with pytest.raises(StorageError) as caught:
            Database(path, start_check=True)
        text = str(caught.value)
        assert "الملف للقراءة فقط" in text and "the file is read-only" in text
        assert "chattr -i" in text and str(path) in text and "folder" not in text
        with Database(path) as db:  # a reading command still works on it
            assert db.conn.execute("select count(*) from articles").fetchone()[0] > 0
    finally:
        if locked:
            subprocess.run(["chattr", "-i", str(path)], check=True)
