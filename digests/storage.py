"""The SQLite database: connection pragmas, named migrations and transactions.

One writer, WAL so readers never block it, a busy timeout so a second process waits instead of
failing, and `recursive_triggers` so `INSERT OR REPLACE` keeps FTS indexes in step. Migrations are
named and applied in order at start-up, each in its own transaction, and recorded in `_migrations`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shlex
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Literal

import sqlite_utils

from digests.errors import StorageError
from digests.migrations import MIGRATIONS

log = logging.getLogger(__name__)

# How long a write waits for another connection's write lock. The poll's writer thread and the
# CLI wait long (they are off any event loop); the bot's event-loop connection waits briefly
# (bot.app HANDLER_BUSY_SECONDS): a lock held by another program must not freeze every reply
# (QA16 F1).
BUSY_SECONDS = 30.0

Fault = Literal["locked", "full", "damaged", "readonly"]

# What the database's trouble means for whoever reads it: bilingual, as operators and readers
# of either language may meet it.
FAULT_TEXT: dict[Fault, str] = {
    "locked": "قاعدة البيانات مشغولة الآن، أعد المحاولة بعد قليل / the database is busy, "
              "try again shortly",
    "full": "القرص الذي يحمل قاعدة البيانات ممتلئ / the disk holding the database is full: "
            "free space at DATABASE_PATH",
    "damaged": "ملف قاعدة البيانات تالف / the database file is damaged",
    "readonly": "لا يمكن الكتابة في قاعدة البيانات / the database cannot be written to",
}
# What the operator's log says of it (one WARNING a minute: FaultLog).
FAULT_LOG: dict[Fault, str] = {
    "locked": "database is locked by another program or a long write (a sqlite3 shell, a "
              "backup, a CLI job, a poll's long transaction): writes wait and fail until it "
              "lets go",
    "full": "the disk holding the database is full: free space at DATABASE_PATH; articles "
            "not stored are retried at the next poll",
    "damaged": "the database file is damaged: restore a backup (python run.py restore "
               "BACKUP.db, README «Backups») or rescue what it holds with: python run.py "
               "recover fixed.db (then point DATABASE_PATH at fixed.db)",
    "readonly": "the database cannot be written to (read-only file, folder or mount): give "
                "the bot's user write access to the file and its folder (chmod/chown, or "
                "chattr -i)",
}


def fault_of(exc: BaseException | None) -> Fault | None:
    """The database trouble an exception (or its cause) reports, None for anything else."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.Error):
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                return "locked"
            if "disk is full" in text or "disk full" in text:
                return "full"
            if "malformed" in text or "not a database" in text or "corrupt" in text:
                return "damaged"
            if "readonly" in text or "read-only" in text:
                return "readonly"
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def fault_in(text: str | None) -> Fault | None:
    """The fault a message built with FAULT_TEXT names (a source's error in a poll report)."""
    return next((kind for kind, said in FAULT_TEXT.items() if text and said in text), None)


class FaultLog:
    """One log line per kind of database fault per interval, instead of one per update, send
    or article (QA16 F1, F2: a traceback per update, per due chat per second)."""

    def __init__(self, interval: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self.clock = clock
        self._last: dict[Fault, float] = {}
        self.hidden = 0  # faults not logged since the last line
        self.last: Fault | None = None  # the latest fault reported, logged or not

    def forget(self) -> None:
        """Log the next fault of each kind at once (a new run, a test)."""
        self._last.clear()
        self.hidden = 0
        self.last = None

    def report(self, kind: Fault, where: str, *, level: int = logging.WARNING,
               logger: logging.Logger | None = None) -> bool:
        """Log `kind` unless it was logged less than `interval` ago. True when logged."""
        now = self.clock()
        self.last = kind
        last = self._last.get(kind)
        if last is not None and now - last < self.interval:
            self.hidden += 1
            return False
        self._last[kind] = now
        more, self.hidden = self.hidden, 0
        (logger or log).log(level, "%s where=%s suppressed=%d", FAULT_LOG[kind], where, more)
        return True


FAULTS = FaultLog()  # the process's one: every part of it reports into the same minute


class DatabaseInUse(StorageError):
    """Another Nashra bot runs on this database file (its lock file is held)."""


def hold_lock(path: str | Path) -> IO[str] | None:
    """Take the bot's lock beside the database (``DATABASE_PATH.lock``), for the process's life.

    Two bots on one database would both send (QA16 N1). `flock` is released by the kernel when
    the holder exits or is killed, so a stale lock never blocks a restart. Returns the open lock
    file (keep it; close it to let go), None for an in-memory database.

    Raises:
        DatabaseInUse: another process holds the lock.
    """
    if str(path) == ":memory:":
        return None
    # the file's real path: a symlink to the database must not give a second bot its own lock
    lock_path = Path(f"{Path(path).resolve()}.lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 — held for life
    except OSError as exc:
        raise _lock_error(lock_path, exc) from exc
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip() or "?"
        handle.close()
        raise DatabaseInUse(
            f"بوت آخر لنشرة يعمل على قاعدة البيانات هذه (العملية {holder}): أوقفه أولًا أو اختر "
            f"DATABASE_PATH آخر / another Nashra bot (pid {holder}) runs on this database "
            f"({path}): stop it first or choose another DATABASE_PATH") from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
    except OSError as exc:  # a full disk: the lock itself is held, only the pid is not written
        handle.close()
        raise _lock_error(lock_path, exc) from exc
    return handle


def _lock_error(lock_path: Path, exc: OSError) -> StorageError:
    """A read-only folder or a full disk met while taking the lock: one bilingual line, no
    traceback (QA17 R1)."""
    detail = exc.strerror or str(exc)
    return StorageError(
        f"تعذّر إنشاء ملف القفل {lock_path} ({detail}): اجعل DATABASE_PATH في مجلد قابل للكتابة فيه "
        f"مساحة فارغة / cannot write the lock file {lock_path} ({detail}): put DATABASE_PATH in a "
        f"writable folder with free space")


class EmptyDatabase(StorageError):
    """DATABASE_PATH names a file of 0 bytes: not a new database, a failed copy or rescue."""


def refuse_empty(path: Path) -> None:
    """Refuse a database file that exists with nothing in it (QA22 U3).

    SQLite would take it for a new database and Nashra would start with no chats and no
    subscriptions, without a word — yet nobody makes an empty file on purpose: it is what a
    failed `sqlite3 … | sqlite3 fixed.db` rescue, a full disk during a copy or a `touch` leaves.
    A missing file is a new database; an empty one is an operator's mistake to be told about.
    """
    try:
        empty = path.stat().st_size == 0
    except OSError:
        return  # missing (a new database) or unreadable (SQLite says why)
    if not empty:
        return
    # A -wal beside it does not make it a database (QA24 R12): SQLite writes the main file's
    # header when it turns WAL on, so Nashra's own file is never 0 bytes with a -wal; an empty
    # file beside a -wal is a bad copy's leftover, and SQLite read it as a new, empty database.
    wal = Path(f"{path}-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    ar_wal = f" (والملف {wal} بجانبه بقايا نسخ فاشل لا قاعدة بيانات)" if has_wal else ""
    en_wal = f" (the {wal} beside it is a failed copy's leftover, not a database)" \
        if has_wal else ""
    ar_del = "الملف الفارغ وملف ‎-wal‎ بجانبه" if has_wal else "الملف الفارغ"
    en_del = "the empty file and the -wal beside it" if has_wal else "the empty file"
    raise EmptyDatabase(
        f"ملف قاعدة البيانات {path} فارغ (0 بايت){ar_wal}، فلن تبدأ نشرة عليه قاعدةً جديدة بلا "
        f"مشتركين: وجّه DATABASE_PATH إلى الملف الصحيح أو إلى نسخة احتياطية، أو أنقذ الملف التالف "
        f"بـ python run.py recover، أو احذف {ar_del} لتبدأ من جديد / the database file "
        f"{path} is empty (0 bytes){en_wal}, and Nashra will not start a new database with no "
        f"subscribers on it: point DATABASE_PATH at the right file or a backup, rescue a "
        f"damaged file with python run.py recover, or delete {en_del} to start anew")


def upgrade_advice(kind: Fault, path: str) -> str:
    """What to do when a migration meets the database's own trouble (QA24 R11, QA22 U8): the
    same advice as the operator's other damaged/read-only lines, with the real paths."""
    db = shlex.quote(path)
    fixed = shlex.quote(str(Path(path).with_name("fixed.db")))
    if kind == "damaged":
        return (f"استرجع نسخة احتياطية (python run.py --db {db} restore BACKUP.db) أو أنقذ ما فيه "
                f"بـ python run.py --db {db} recover {fixed} ثم اجعل DATABASE_PATH يشير إلى "
                f"{fixed} / restore a backup (python run.py --db {db} restore BACKUP.db), or "
                f"rescue what it holds with python run.py --db {db} recover {fixed} and point "
                f"DATABASE_PATH at {fixed}")
    if kind == "readonly":
        return ("امنح مستخدم البوت حق الكتابة في الملف ومجلده (chmod/chown، أو chattr -i) / give "
                "the bot's user write access to the file and its folder (chmod/chown, or "
                "chattr -i)")
    if kind == "full":
        return "وفّر مساحة ثم أعد المحاولة / free some space, then try again"
    return "أعد المحاولة بعد قليل / try again shortly"


# The whole-file check at a bot's start (QA22 U7: 20 kB of garbage mid-file went unnoticed until
# a poll's write touched it). `PRAGMA quick_check` reads every page: measured (X38, 2 shared cores,
# load ~9) on a 336 MB, 34,370-article file 5.1 s with the file out of the page cache, 0.6 s in
# it. Up to START_CHECK_BYTES (≲1 s cold) the bot checks before it answers anyone and refuses a
# damaged file, as it refuses a truncated one; past it, a thread checks after the start and a
# damaged file is told in the log (ERROR) and in /stats, the bot answering meanwhile.
START_CHECK_BYTES = 64 * 1024 * 1024

CheckState = Literal["ok", "damaged", "running", "failed"]


@dataclass(frozen=True)
class FileCheck:
    """The start check's outcome: ok, damaged (SQLite's first findings), running (in the
    background), failed (the check itself could not run: busy, unreadable)."""

    state: CheckState
    detail: str = ""
    seconds: float = 0.0

    def line(self, path: str) -> str:
        """The operator's bilingual line for a damaged file, with what to do."""
        return (f"{FAULT_TEXT['damaged']} — PRAGMA quick_check: {self.detail}: "
                f"{upgrade_advice('damaged', path)}")


def quick_check(path: str | Path) -> FileCheck:
    """`PRAGMA quick_check(5)` of the file on a read-only connection of its own (it may run in
    a thread while the bot's connection writes: WAL readers never block the writer)."""
    started = time.monotonic()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        # «not a database» (a wrong file, a destroyed header) is left to the open's own line,
        # which says both (cli.main.database_error)
        if fault_of(exc) != "damaged" or "not a database" in str(exc):
            return FileCheck("failed", str(exc)[:200], time.monotonic() - started)
        rows = [str(exc)]
    seconds = time.monotonic() - started
    if rows == ["ok"]:
        return FileCheck("ok", "", seconds)
    return FileCheck("damaged", "; ".join(rows)[:300], seconds)


def refuse_read_only(path: str) -> None:
    """QA22 U8: a database file (or its -wal/-shm) the bot may not write (`chmod 444` for
    another user, `chattr +i` even for root) opens and answers, then fails its first write; at
    the bot's start it is refused with a line naming the file, not its folder."""
    for suffix in ("", "-wal", "-shm"):
        name = f"{path}{suffix}"
        if os.path.exists(name) and not os.access(name, os.W_OK):
            raise StorageError(
                f"{FAULT_TEXT['readonly']} — {name}: الملف للقراءة فقط، امنح مستخدم البوت حق "
                f"الكتابة فيه (chmod/chown، أو chattr -i) / the file is read-only: give the bot's "
                f"user write access to it (chmod/chown, or chattr -i)")


def _file_bytes(path: str) -> int:
    """The database's size with its -wal: what a check reads."""
    return sum(Path(f"{path}{suffix}").stat().st_size
               for suffix in ("", "-wal") if Path(f"{path}{suffix}").exists())


class NewerDatabase(StorageError):
    """The database holds migrations this code does not know: a newer Nashra wrote it."""


HEARTBEAT_SECONDS = 30.0  # a «still running» line this often during one long migration


@contextmanager
def _heartbeat(name: str, every: float | None = None) -> Iterator[None]:
    """Log `migration running name=… seconds=…` every HEARTBEAT_SECONDS until the block ends.

    Migrations that index or group every stored article (003 search index, 006 stories) take
    minutes on a large archive before the bot answers anyone (QA22 U4: 3:44 for 006 on 35k
    articles, silent): a line now and then tells the operator it is working, not hung. The
    thread only logs; it never touches the connection."""
    stop = threading.Event()
    started = time.monotonic()
    interval = HEARTBEAT_SECONDS if every is None else every

    def beat() -> None:
        while not stop.wait(interval):
            log.info("migration running name=%s seconds=%.0f (the bot answers once migrations"
                     " end)", name, time.monotonic() - started)

    thread = threading.Thread(target=beat, name=f"migration-{name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


class Database:
    """Nashra's SQLite database. `Database(":memory:")` works for narrow unit tests."""

    def __init__(self, path: str | Path, *, migrate: bool = True,
                 busy_seconds: float = BUSY_SECONDS, start_check: bool = False) -> None:
        """`start_check`: the bot's start — check the whole file (`check_at_start`)."""
        self.path = str(path)
        # the start check's outcome, for /stats (None: not asked; a thread may replace it)
        self.file_check: FileCheck | None = None
        self._checked = False  # checked whole before migrating: the upgrade's check is done
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            refuse_empty(Path(self.path))
            if start_check and Path(self.path).exists():
                self._check_now_or_later()
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction spans exactly
        # what `transaction()` wraps and nothing is left open across network I/O.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=busy_seconds)
        self.db = sqlite_utils.Database(conn, recursive_triggers=True)
        self.conn = conn
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
        conn.execute("PRAGMA foreign_keys=ON")
        self._depth = 0
        if migrate:
            self.migrate()

    def close(self) -> None:
        self.conn.close()

    def _check_now_or_later(self) -> None:
        """QA22 U7: a small file is checked before the bot answers (and migrates): a damaged one
        is refused with one bilingual line; a large one is checked by a thread after the start
        (START_CHECK_BYTES says why), its outcome logged and kept in `file_check`."""
        refuse_read_only(self.path)
        size = _file_bytes(self.path)
        if size <= START_CHECK_BYTES:
            found = quick_check(self.path)
            self.file_check = found
            if found.state == "damaged":
                raise StorageError(found.line(self.path))
            self._checked = found.state == "ok"
            log.info("database checked result=%s seconds=%.2f size_mb=%.1f", found.state,
                     found.seconds, size / 1e6)
            return
        self.file_check = FileCheck("running")

        def check() -> None:
            found = quick_check(self.path)
            self.file_check = found
            if found.state == "damaged":
                log.error("%s size_mb=%.0f seconds=%.1f", found.line(self.path), size / 1e6,
                          found.seconds)
            else:
                log.info("database checked result=%s seconds=%.1f size_mb=%.0f detail=%s",
                         found.state, found.seconds, size / 1e6, found.detail or "-")

        log.info("database check started in the background size_mb=%.0f", size / 1e6)
        threading.Thread(target=check, name="database-check", daemon=True).start()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """Run a block in one transaction (BEGIN IMMEDIATE: take the write lock up front).

        Nested use joins the outer transaction. Any exception rolls the whole block back.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.db
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.db
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Writes inside the block wait at most `seconds` for another connection's write lock
        (then SQLite's «database is locked»), whatever the connection's own busy timeout. For
        code on an event loop that would rather try later than stall it (bot.owed); keep the
        block synchronous: the timeout is the connection's, shared by whoever runs meanwhile."""
        before = int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0])
        self.conn.execute(f"PRAGMA busy_timeout={max(0, int(seconds * 1000))}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout={before}")

    def applied_migrations(self) -> list[str]:
        if not self.db["_migrations"].exists():
            return []
        return [r["name"] for r in self.db.query("select name from _migrations order by id")]

    def migrate(self) -> list[str]:
        """Apply every migration not yet applied, in order. Returns the names applied now."""
        self.conn.execute(
            "create table if not exists _migrations (id integer primary key, name text unique,"
            " applied_at text)"
        )
        done = set(self.applied_migrations())
        unknown = sorted(done - {name for name, _ in MIGRATIONS})
        if unknown:
            # a downgrade (QA22 U6): older code on a newer schema may write rows the newer code
            # misreads, or miss columns and triggers it relies on; refuse rather than guess
            raise NewerDatabase(
                f"قاعدة البيانات {self.path} كتبها إصدار أحدث من نشرة (ترحيلات لا يعرفها هذا "
                f"الإصدار: {', '.join(unknown)}): شغّل الإصدار الأحدث أو استرجع نسخة احتياطية "
                f"من قبل الترقية / the database {self.path} was written by a newer Nashra "
                f"(migrations this code does not know: {', '.join(unknown)}): run the newer "
                f"version, or restore a backup taken before the upgrade")
        pending = [name for name, _ in MIGRATIONS if name not in done]
        if done and pending and self.path != ":memory:" and not self._checked:
            self._check_before_upgrade(pending[0])
        applied = []
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            started = time.monotonic()
            if done:  # an upgrade: say what runs, as some take minutes on a large archive
                log.info("migration started name=%s", name)
            try:
                with self.transaction() as db, (_heartbeat(name) if done else nullcontext()):
                    fn(db)
                    db.execute(
                        "insert into _migrations (name, applied_at) values (?, ?)",
                        [name, datetime.now(timezone.utc).isoformat(timespec="seconds")],
                    )
            except sqlite3.Error as exc:
                kind = fault_of(exc)
                said = f"{FAULT_TEXT[kind]} — " if kind else ""
                advice = f": {upgrade_advice(kind, self.path)}" if kind else ""
                raise StorageError(f"{said}migration {name} failed: {exc}{advice}") from exc
            log.info("migration applied name=%s seconds=%.1f", name, time.monotonic() - started)
            applied.append(name)
        return applied

    def _check_before_upgrade(self, first: str) -> None:
        """`quick_check` before an upgrade writes anything (QA24 R11: 030 was recorded in a
        damaged file before 031 failed on it). Only when migrations are pending: a check of a
        400 MB file takes ~2 s, too much for every start, fair for an upgrade."""
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            rows = [str(exc)]
        if rows != ["ok"]:
            raise StorageError(
                f"{FAULT_TEXT['damaged']} — found before migration {first}, nothing was "
                f"written ({'; '.join(rows)[:200]}): {upgrade_advice('damaged', self.path)}")
