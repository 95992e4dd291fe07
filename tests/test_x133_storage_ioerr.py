"""QA76-15 (X133): a database the bot cannot write whose SQLite error is «disk I/O error».

A file (and its -wal) made immutable under an open connection — `chattr +i`, the case the bot's
own poll line names — makes SQLite refuse the connection's writes with SQLITE_IOERR_WRITE,
«disk I/O error», not «readonly». The storage boundary (digests.db_faults) did not know those
words: the error stayed a bare sqlite3.OperationalError, every reader got «حدث خطأ» (searches
too, since the chat record's write came first) and each update logged a traceback. Now it is a
DatabaseNeedsOperator («readonly»): reads are answered, a write is told «could not be saved»,
one WARNING a minute, the admins' write watch hears of it.

Real SQLite files; `chattr` needs root and a file system with the immutable flag, else skipped.
"""

from __future__ import annotations

import logging
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY
from digests.db_faults import as_fault, fault_of
from digests.storage import FAULTS, Database, DatabaseNeedsOperator

APOLOGY = "عذرًا، حدث خطأ"


def _chattr(flag: str, *paths: Path) -> bool:
    try:
        done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`path` and its -wal made immutable while the block runs (skip where chattr cannot)."""
    files = [path, Path(f"{path}-wal")]
    if not _chattr("+i", *files):
        pytest.skip("chattr +i is not available here (needs root and a file system with it)")
    try:
        yield
    finally:
        _chattr("-i", *files)


def test_an_immutable_file_refuses_a_write_as_a_fault_for_the_operator(tmp_path: Path) -> None:
    """Before: sqlite3.OperationalError('disk I/O error'), no DatabaseFault, fault_of None."""
    path = tmp_path / "n.db"
    with Database(path) as db:
        db.conn.execute("create table t (x)")
        db.conn.execute("insert into t values (1)")
        with immutable(path):
            with pytest.raises(DatabaseNeedsOperator) as refused:
                db.conn.execute("insert into t values (2)")
            assert db.conn.execute("select count(*) from t").fetchone()[0] == 1  # reads work
    assert refused.value.fault == "readonly"
    assert "disk I/O error" in str(refused.value)
    assert refused.value.sqlite_errorname.startswith("SQLITE_IOERR")


def test_a_failed_read_is_a_damaged_file_and_other_io_errors_are_refused_writes() -> None:
    """SQLite's extended code tells a read the disk failed from a write it refused."""
    def io_error(name: str | None) -> sqlite3.OperationalError:
        exc = sqlite3.OperationalError("disk I/O error")
        setattr(exc, "sqlite_errorname", name)  # None: a Python without the names
        return exc

    assert fault_of(io_error("SQLITE_IOERR_SHORT_READ")) == "damaged"
    assert fault_of(io_error("SQLITE_IOERR_FSYNC")) == "readonly"
    assert fault_of(io_error(None)) == "readonly"
    assert isinstance(as_fault(io_error("SQLITE_IOERR_WRITE")), DatabaseNeedsOperator)


async def test_readers_are_answered_while_the_file_is_immutable(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """QA76-15's steps: a new reader's /subscribe and search, a known reader's /subscribe and
    the admin's /stats while the file is immutable. Before: «حدث خطأ» to all four and four
    tracebacks (runtime.ensure_chat → upsert_chat → COMMIT: «disk I/O error»)."""
    FAULTS.forget()
    path = sample_db(tmp_path)
    newcomer = READER + 5
    async with running_bot(path) as h:
        await h.say(READER, "/start")
        await h.say(READER, "الغوطة")
        with immutable(path), caplog.at_level(logging.INFO):
            [follow] = await h.say(newcomer, "/subscribe لبنان")
            [found] = await h.say(newcomer, "سوريا")
            [known] = await h.say(READER, "/subscribe لبنان")
            [stats] = await h.say(ADMIN, "/stats")
            await h.settle()
            rt = h.app.bot_data[RUNTIME_KEY]
            assert rt.writes.fault == "readonly"  # the admins' write alert is told (bot.db_alerts)
        for answer in (follow, found, known, stats):
            assert APOLOGY not in answer.plain_text, answer.plain_text
        assert "نتائج «سوريا»" in found.plain_text
        assert "تعذّر حفظ" in known.plain_text and "/" not in known.plain_text  # Arabic only
        assert "تعذّر حفظ" in follow.plain_text and "could not be saved" in follow.plain_text
        assert "الإحصاءات" in stats.plain_text
        assert not h.db.db.execute("select 1 from subscriptions where topic = 'لبنان'").fetchall()
    traced = [r for r in caplog.records if r.exc_info is not None]
    assert not traced, [(r.name, r.getMessage()) for r in traced]
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == 1 and "cannot be written" in warned[0], warned


async def test_english_reader_is_told_in_english(tmp_path: Path) -> None:
    """The same refusal in English for an English reader already known to the bot."""
    FAULTS.forget()
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        await h.say(READER, "/start", language_code="en")
        with immutable(path):
            [known] = await h.say(READER, "/subscribe Lebanon", language_code="en")
        assert "could not be saved" in known.plain_text and APOLOGY not in known.plain_text
