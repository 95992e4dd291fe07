"""Checks of the database file before the bot runs on it: empty, read-only, damaged.

`refuse_empty` (every open: a 0-byte file is a failed copy, not a new database), and for the
bot's start (digests.storage.Database(start_check=True)) `refuse_read_only` and `quick_check`,
whose cost decides whether the check runs before the bot answers or after (START_CHECK_BYTES).
Split from digests.storage, which re-exports these names.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from digests.db_faults import FAULT_TEXT, fault_of, upgrade_advice
from digests.errors import StorageError
from digests.sqlite_uri import read_only_uri


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
    # the whole recover command: a bare «python run.py recover» is a usage error (QA69-6)
    raise EmptyDatabase(
        f"ملف قاعدة البيانات {path} فارغ (0 بايت){ar_wal}، فلن تبدأ نشرة عليه قاعدةً جديدة بلا "
        f"مشتركين: وجّه DATABASE_PATH إلى الملف الصحيح أو إلى نسخة احتياطية، أو أنقذ الملف التالف "
        f"بـ python run.py --db DAMAGED.db recover FIXED.db، أو احذف {ar_del} لتبدأ من جديد / "
        f"the database file {path} is empty (0 bytes){en_wal}, and Nashra will not start a new "
        f"database with no subscribers on it: point DATABASE_PATH at the right file or a "
        f"backup, rescue a damaged file with python run.py --db DAMAGED.db recover FIXED.db, "
        f"or delete {en_del} to start anew")


# The whole-file check at a bot's start (QA22 U7: 20 kB of garbage mid-file went unnoticed until
# a poll's write touched it). `PRAGMA quick_check` reads every page: measured (X38, 2 shared
# cores, load ~9) 5.1 s on a 336 MB, 34,370-article file out of the page cache, 0.6 s in it;
# 1.8 s / 0.35 s on 83 MB. Up to START_CHECK_BYTES (~1–1.5 s cold) the bot checks before it
# answers anyone and refuses a damaged file, as it refuses a truncated one; past it, a thread
# checks after the start and a damaged file is told in the log (ERROR) and in /stats, the bot
# answering meanwhile.
START_CHECK_BYTES = 64 * 1024 * 1024

CheckState = Literal["ok", "damaged", "running", "failed"]


@dataclass(frozen=True)
class FileCheck:
    """The start check's outcome: ok, damaged (SQLite's first findings), running (in the
    background), failed (the check itself could not run: busy, unreadable)."""

    state: CheckState
    detail: str = ""
    seconds: float = 0.0
    # damaged only with the -wal beside it: the file alone checks ok (QA66-13)
    stray_wal: bool = False

    def line(self, path: str) -> str:
        """The operator's bilingual line for a damaged file, with what to do."""
        if self.stray_wal:
            return stray_wal_line(path, self.detail)
        return (f"{FAULT_TEXT['damaged']} — PRAGMA quick_check: {self.detail}: "
                f"{upgrade_advice('damaged', path)}")


def stray_wal_line(path: str, detail: str) -> str:
    """A file sound alone beside a `-wal` that does not belong to it (a backup copied in by hand
    after a crash left the old file's `-wal`): move the pair aside, not `recover`, which reads
    the mixed image and loses rows the file holds intact (QA66-13: 941 of 1,038)."""
    wal, shm = f"{path}-wal", f"{path}-shm"
    return (f"ملف قاعدة البيانات {path} وحده سليم (quick_check: ok)، لكن ملف {wal} بجانبه لا "
            f"يوافقه (بقايا قاعدة بيانات أخرى أو نسخ يدوي): انقل {wal} و{shm} إلى مكان آخر ثم "
            f"شغّل البوت، ولا تستعمل recover. لا تحذفهما إن كان البوت قد توقف فجأة على هذا الملف: "
            f"فيهما آخر ما كتب / the database file {path} alone checks ok, but the {wal} beside "
            f"it does not belong to it (left from another database, or a copy made by hand): "
            f"move {wal} and {shm} away, then start the bot; recover is not needed. Do not "
            f"delete them if the bot crashed on this very file: they hold its last writes "
            f"(PRAGMA quick_check with the -wal: {detail[:150]})")


def quick_check(path: str | Path, timeout: float = 30.0) -> FileCheck:
    """`PRAGMA quick_check(5)` of the file on a read-only connection of its own (it may run in
    a thread while the bot's connection writes: WAL readers never block the writer)."""
    started = time.monotonic()
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)
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
    # one line: SQLite puts its findings on several
    return FileCheck("damaged", "; ".join(" ".join(r.split()) for r in rows)[:300], seconds,
                     _sound_alone(path))


def _sound_alone(path: str | Path) -> bool:
    """True when the file read without its `-wal` (immutable: SQLite looks at no -wal/-shm and
    writes nothing) checks ok while a non-empty `-wal` is beside it: the damage is the -wal's."""
    wal = Path(f"{path}-wal")
    try:
        if not wal.is_file() or wal.stat().st_size == 0:
            return False
        conn = sqlite3.connect(read_only_uri(path) + "&immutable=1", uri=True)
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check(1)")] == ["ok"]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


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


def file_bytes(path: str) -> int:
    """The database's size with its -wal: what a check reads."""
    return sum(Path(f"{path}{suffix}").stat().st_size
               for suffix in ("", "-wal") if Path(f"{path}{suffix}").exists())


def journal_files(path: str | Path) -> tuple[Path, Path]:
    """The `-wal` and `-shm` files SQLite keeps beside the database `path`."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


# SQLite's unix locks (os_unix.c): the byte range of its SHARED lock, which every connection to
# a WAL-mode file holds as long as it is open, and which SQLite itself takes EXCLUSIVE before it
# deletes a -wal (the last connection's close).
_SHARED_FIRST = 0x40000000 + 2  # after the PENDING and RESERVED bytes
_SHARED_SIZE = 510


def drop_empty_journal(path: str | Path) -> None:
    """Remove an empty `-wal` and its `-shm` beside `path`: what the start's read-only check of
    a WAL-mode file makes and cannot remove itself (QA66-10: a start refused on a damaged file
    left them there). The caller calls it only when neither was there before it; a `-wal`
    holding anything is a database's writes and is kept.

    Only while no connection holds the file, and holding it meanwhile as SQLite does (REV s25
    #6): a CLI command takes no instance lock, and one that opened the file during the check had
    its journal unlinked under it — its next write went to a -wal no other connection saw. A
    connection opening meanwhile waits on the lock (its busy timeout), then starts afresh.
    """
    wal, shm = journal_files(path)
    try:
        if not wal.is_file() or wal.stat().st_size != 0:
            return
        with open(path, "r+b") as database:  # a write lock needs a file opened for writing
            # raises (EAGAIN) when a connection holds it: the files stay, in use. POSIX locks
            # are the process's: the caller has closed its own connections (a refused start).
            fcntl.lockf(database, fcntl.LOCK_EX | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST)
            if wal.stat().st_size == 0:  # nobody wrote before the lock
                wal.unlink()
                shm.unlink(missing_ok=True)
            # closing the file lets go of the lock
    except OSError:
        pass  # left as it is: SQLite opens the file with them or without
