"""The database's troubles, told apart and worded: locked, full, damaged, read-only.

`fault_of` reads SQLite's own message (or its cause's); FAULT_TEXT is what a reader or admin is
told (bilingual), FAULT_LOG what the operator's log says, once a minute per kind (FaultLog),
and `upgrade_advice` what to do when a migration meets the trouble. Split from digests.storage,
which re-exports these names; the log lines keep its logger.

The project's own connections (digests.storage.Database, through digests.fault_connection)
raise these troubles as `DatabaseFault`s named for what the caller does about them (QA73-4):
`DatabaseBusy` (locked or busy: nothing was written, try again later) and
`DatabaseNeedsOperator` (full, read-only or damaged — SQLite's «disk I/O error» read as a
refused write or, for a read, a damaged file: trying again alone will not help; tell the
operator). They are sqlite3.OperationalErrors too, so a catch of sqlite3.Error still holds
them; the message is SQLite's own. Only here is SQLite's text read to tell them apart.
"""

from __future__ import annotations

import logging
import shlex
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from digests.errors import StorageError

log = logging.getLogger("digests.storage")  # the operator's filters name the database's log

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
                "chattr -i); SQLite's «disk I/O error» is this too (an immutable file, a "
                "file-size limit or quota): if the access is there, look at the disk (dmesg)",
}


class DatabaseFault(StorageError, sqlite3.OperationalError):
    """SQLite's trouble with the file itself (`fault`: which), raised in place of its error by
    the project's connections; `__cause__` is SQLite's error."""

    fault: Fault = "locked"

    def __init__(self, message: str, fault: Fault) -> None:
        super().__init__(message)
        self.fault = fault


class DatabaseBusy(DatabaseFault):
    """Another connection holds the write lock (locked, busy): nothing was written; try again
    later (a reader is told «busy», a write is owed or skipped)."""


class DatabaseNeedsOperator(DatabaseFault):
    """The disk is full, the file read-only or damaged: the operator must act (FAULT_LOG says
    how); trying again alone will not help."""


def as_fault(exc: sqlite3.Error) -> sqlite3.Error:
    """`exc` as the DatabaseFault it reports (SQLite's error its cause, its error code and name
    kept), or `exc` itself when it is no such trouble (a constraint, a bug in a statement)."""
    if isinstance(exc, DatabaseFault):
        return exc
    kind = _text_fault(exc)
    if kind is None:
        return exc
    wrapped = (DatabaseBusy if kind == "locked" else DatabaseNeedsOperator)(str(exc), kind)
    for name in ("sqlite_errorcode", "sqlite_errorname"):  # digests.backup_files reads them
        setattr(wrapped, name, getattr(exc, name, None))
    wrapped.__cause__ = exc
    return wrapped


def _text_fault(exc: sqlite3.Error) -> Fault | None:
    """The fault SQLite's message names: the one place its words are read."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "disk is full" in text or "disk full" in text:
        return "full"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "damaged"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "disk i/o error" in text:
        # SQLITE_IOERR (QA76-15): an immutable file or WAL (chattr +i), a file-size limit or
        # quota, a mount gone read-only after disk errors — a write the disk refused, which
        # trying again will not mend; a failed read is a file that cannot be read whole
        return "damaged" if getattr(exc, "sqlite_errorname", None) in _READ_ERRORS else "readonly"
    return None


# SQLite's read-side I/O errors (its extended codes; Python 3.11 names them): the file cannot be
# read back, as a damaged one; any other «disk I/O error» is a write the disk refused
_READ_ERRORS = frozenset({"SQLITE_IOERR_READ", "SQLITE_IOERR_SHORT_READ", "SQLITE_IOERR_CORRUPTFS"})


def fault_of(exc: BaseException | None) -> Fault | None:
    """The database trouble an exception (or its cause) reports, None for anything else: a
    DatabaseFault's own, else (a connection of its own: a backup's, a file check's) read from
    SQLite's message."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, DatabaseFault):
            return exc.fault
        if isinstance(exc, sqlite3.Error) and (kind := _text_fault(exc)) is not None:
            return kind
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


def upgrade_advice(kind: Fault, path: str) -> str:
    """What to do when a migration meets the database's own trouble (QA24 R11, QA22 U8): the
    same advice as the operator's other damaged/read-only lines, with the real paths."""
    db = shlex.quote(path)
    fixed = shlex.quote(str(Path(path).absolute().with_name("fixed.db")))  # QA60-8
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
