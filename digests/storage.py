"""The SQLite database: connection pragmas, named migrations and transactions.

One writer, WAL so readers never block it, a busy timeout so a second process waits instead of
failing, and `recursive_triggers` so `INSERT OR REPLACE` keeps FTS indexes in step. Migrations are
named and applied in order at start-up, each in its own transaction, and recorded in `_migrations`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from digests import file_checks
from digests.db_faults import (  # noqa: F401 — re-exported: callers import them from here
    FAULT_LOG, FAULT_TEXT, FAULTS, DatabaseBusy, DatabaseFault, DatabaseNeedsOperator, Fault,
    FaultLog, fault_in, fault_of, upgrade_advice)
from digests.errors import StorageError
from digests.fault_connection import FaultConnection
from digests.file_checks import (  # noqa: F401 — re-exported
    EmptyDatabase, FileCheck, quick_check, refuse_empty, refuse_read_only)
from digests.file_modes import narrow_database
from digests.instance_lock import DatabaseInUse, hold_lock  # noqa: F401 — re-exported
from digests.migrations import MIGRATIONS
from digests.sqlite_library import refuse_old_library
from digests.sqlite_uri import read_only_uri
from digests.upgrade_backups import backup_before_upgrade

log = logging.getLogger(__name__)

# How long a write waits for another connection's write lock. The poll's writer thread and the
# CLI wait long (they are off any event loop); the bot's event-loop connection waits briefly
# (bot.app HANDLER_BUSY_SECONDS): a lock held by another program must not freeze every reply
# (QA16 F1).
BUSY_SECONDS = 30.0


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


def _read_only_open(path: str) -> str:
    """The URI a read-only open uses. In a folder that may not be written, with no «-shm»
    beside the file, SQLite cannot make the shared-memory file a WAL database is read with
    («unable to open database file»: review REV s22, item 7); no process can write the file
    there either (a writer makes its -wal), so it is opened as immutable: read as it is."""
    uri = read_only_uri(path)
    folder = Path(path).absolute().parent
    if not os.access(folder, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


class Database:
    """Nashra's SQLite database. `Database(":memory:")` works for narrow unit tests."""

    def __init__(self, path: str | Path, *, migrate: bool = True,
                 busy_seconds: float = BUSY_SECONDS, start_check: bool = False,
                 read_only: bool = False) -> None:
        """`start_check`: the bot's start — check the whole file (`check_at_start`).
        `read_only`: an existing file opened for reading only (QA60-1: a reading command on a
        file it may not write; switching it to WAL failed «attempt to write a readonly
        database»): no journal change, no narrowing, a migration still due fails as a write."""
        # an SQLite library too old for Nashra's SQL (RHEL 9's 3.34) stops here, before the
        # file is touched: no empty file is left for the next start (digests.sqlite_library)
        refuse_old_library()
        self.path = str(path)
        # the start check's outcome, for /stats (None: not asked; a thread may replace it)
        self.file_check: FileCheck | None = None
        self._checked = False  # checked whole before migrating: the upgrade's check is done
        self._by_bot = start_check  # the bot's start: its copy before an upgrade says so
        if read_only:
            self._depth = 0
            refuse_empty(Path(self.path))  # an empty file: writing it would not help (X89)
            self._connect(_read_only_open(self.path), busy_seconds, uri=True)
            self.conn.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
            if migrate:
                self._refuse_upgrade_read_only()
                self.migrate()  # nothing to do on a current file (a newer one is refused)
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            refuse_empty(Path(self.path))
            if start_check and Path(self.path).exists():
                self._check_now_or_later()
        existed = self.path != ":memory:" and Path(self.path).exists()
        conn = self._connect(self.path, busy_seconds)
        if self.path != ":memory:":
            narrow_database(self.path, existed=existed)  # before any row: never world-readable (QA38 A6)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
        conn.execute("PRAGMA foreign_keys=ON")
        self._depth = 0
        if migrate:
            self.migrate()

    def _connect(self, target: str, busy_seconds: float, *,
                 uri: bool = False) -> sqlite3.Connection:
        """Open `target` (a path, or a URI when `uri`) as `self.conn` and `self.db`, read-only
        or not alike. isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction
        spans exactly what `transaction()` wraps and nothing is left open across network I/O."""
        # SQLite's troubles with the file come out as DatabaseFaults (QA73-4)
        self.conn = sqlite3.connect(target, uri=uri, isolation_level=None,
                                    check_same_thread=False, timeout=busy_seconds,
                                    factory=FaultConnection)
        self.db = sqlite_utils.Database(self.conn, recursive_triggers=True)
        return self.conn

    def close(self) -> None:
        self.conn.close()

    def _check_now_or_later(self) -> None:
        """QA22 U7: a small file is checked before the bot answers (and migrates): a damaged one
        is refused with one bilingual line; a large one is checked by a thread after the start
        (START_CHECK_BYTES says why), its outcome logged and kept in `file_check`."""
        refuse_read_only(self.path)
        size = file_checks.file_bytes(self.path)
        if size <= file_checks.START_CHECK_BYTES:
            found = quick_check(self.path, BUSY_SECONDS)
            self.file_check = found
            if found.state == "damaged":
                raise StorageError(found.line(self.path))
            self._checked = found.state == "ok"
            log.info("database checked result=%s seconds=%.2f size_mb=%.1f", found.state,
                     found.seconds, size / 1e6)
            return
        self.file_check = FileCheck("running")

        def check() -> None:
            found = quick_check(self.path, BUSY_SECONDS)
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
        if done and pending and self.path != ":memory:":  # the way back (QA66-4)
            last = self.applied_migrations()[-1]
            backup_before_upgrade(Path(self.path), last, pending[0], by_bot=self._by_bot)
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

    def _refuse_upgrade_read_only(self) -> None:
        """A file opened read-only that an older Nashra wrote: its migrations cannot run, and
        SQLite's «attempt to write a readonly database» said nothing of an upgrade (X89)."""
        done = set(self.applied_migrations())
        known = {name for name, _ in MIGRATIONS}
        pending = [name for name, _ in MIGRATIONS if name not in done]
        if not done or not pending or done - known:
            return  # no Nashra file, current, or newer: migrate() says which
        raise StorageError(
            f"قاعدة البيانات {self.path} كتبها إصدار أقدم من نشرة وتحتاج ترقية ({len(pending)} "
            f"ترحيل، أولها {pending[0]}) لا تُكتب في ملف للقراءة فقط: امنح حق الكتابة فيه وفي "
            f"مجلده (chmod/chown، أو chattr -i) وشغّل أي أمر مرة لترقيته، أو اقرأه بالإصدار الذي "
            f"كتبه / the database {self.path} was written by an older Nashra and needs an "
            f"upgrade ({len(pending)} migration(s), first {pending[0]}) that cannot be written "
            f"to a read-only file: give write access to it and its folder (chmod/chown, or "
            f"chattr -i) and run any command once to upgrade it, or read it with the version "
            f"that wrote it")

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
