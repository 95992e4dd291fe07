"""One Nashra bot per database file: a lock on the database file itself, and the pid beside it.

Two bots on one database both poll Telegram and both send (QA16 N1). Session 13 guarded it with
`flock` on `DATABASE_PATH.lock` only — and the file stays after a clean stop, so it looks stale:
an operator who deletes it lets a second bot make a new lock file of its own and run alongside
(QA27 D7). The lock is now also taken on the database file's own inode, which nobody deletes
while a bot runs on it; the `.lock` file stays for the pid it names.

Why `flock` on the database file, not a lock row or heartbeat in SQLite, nor `fcntl`:
- `flock` belongs to the open file description and is released by the kernel when the holder
  exits or is killed (kill -9 included): no stale lock, no heartbeat to age out, no clock.
- SQLite locks with POSIX `fcntl` byte ranges; on Linux the two kinds never meet, so the bot's
  `flock` blocks no reader, backup or CLI command (`run.py backup` works while the bot runs).
  A POSIX lock of our own would be dropped as soon as any connection of the process closed
  its descriptor of the same file (POSIX semantics), e.g. the start's quick_check.
- Its holder is named from /proc/locks even when the `.lock` file (and its pid) is gone.
A database on NFS is outside this (SQLite's own locking is unreliable there too).
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
from pathlib import Path
from typing import IO

from digests.errors import StorageError

log = logging.getLogger(__name__)


class DatabaseInUse(StorageError):
    """Another Nashra bot runs on this database file (its lock is held); `holder` names it
    (pid and command line, «?» when unknown)."""

    holder = "?"


class InstanceLock:
    """The held locks: the database file's own and the `.lock` file's. `close()` lets go."""

    def __init__(self, marker: IO[str], database: IO[bytes] | None) -> None:
        self.marker = marker
        self.database = database  # None: the file could not be opened (SQLite will say why)

    def close(self) -> None:
        for handle in (self.database, self.marker):
            if handle is not None and not handle.closed:
                handle.close()


def hold_lock(path: str | Path, *, create: bool = True) -> InstanceLock | None:
    """Take the bot's locks on the database `path` for the process's life (module doc).

    `create`: a missing database is created (an empty SQLite file in WAL mode, what the bot's
    start makes of it anyway) so that its first start is guarded too; the restore, which only
    replaces a file, passes False. Returns None for an in-memory database.

    Raises:
        DatabaseInUse: another process holds either lock (named: pid and command line).
        StorageError: the lock file or a new database cannot be written (folder, disk).
    """
    if str(path) == ":memory:":
        return None
    # the file's real path: a symlink to the database must not give a second bot its own lock
    db_path = Path(path).resolve()
    lock_path = Path(f"{db_path}.lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # QA69-7: it was told as the lock file, which nobody configured
        raise _folder_error(lock_path.parent, exc) from exc
    try:
        marker = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 — held for life
    except OSError as exc:
        raise _lock_error(lock_path, exc) from exc
    database: IO[bytes] | None = None
    try:
        # the database first: a second bot refused there leaves the first's pid in `.lock`
        database = _hold_database(db_path, lock_path, create, path)
        try:
            fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            marker.seek(0)
            raise _in_use(path, marker.read().strip() or holder_of(lock_path)) from None
        try:
            marker.seek(0)
            marker.truncate()
            marker.write(str(os.getpid()))
            marker.flush()
        except OSError as exc:  # a full disk: the locks are held, only the pid is not written
            raise _lock_error(lock_path, exc) from exc
    except BaseException:
        InstanceLock(marker, database).close()
        raise
    return InstanceLock(marker, database)


def _hold_database(db_path: Path, lock_path: Path, create: bool,
                   given: str | Path) -> IO[bytes] | None:
    """The database file opened and `flock`ed (created first when missing and `create`)."""
    if create and not db_path.exists():
        try:
            conn = sqlite3.connect(db_path)
            try:
                conn.execute("PRAGMA journal_mode=WAL")  # writes the header: not a 0-byte file
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise StorageError(
                f"تعذّر إنشاء قاعدة البيانات {db_path} ({exc}): اجعل DATABASE_PATH في مجلد قابل "
                f"للكتابة فيه مساحة فارغة / cannot create the database {db_path} ({exc}): put "
                f"DATABASE_PATH in a writable folder with free space") from exc
    try:
        handle = open(db_path, "rb")  # noqa: SIM115 — held for life; reading is enough to flock
    except OSError as exc:  # missing (a restore into a new path), unreadable: SQLite says why
        log.debug("database file not locked path=%s error=%s", db_path, exc)
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = holder_of(db_path)
        handle.close()
        if holder == "?":  # not named in /proc/locks: the `.lock` file may still name it
            try:
                holder = lock_path.read_text(encoding="utf-8").strip() or "?"
            except OSError:
                pass
        raise _in_use(given, holder) from None
    return handle


def bot_running(path: str | Path) -> bool:
    """True when a bot holds the lock on the database `path` (a backup records it: QA66-1, a
    backup of a stopped bot holds deliveries nobody sent after it). A shared `flock` probe,
    let go at once: it blocks no reader, and a bot starting in that instant is told «in use»
    and may simply start again. False for a missing or unreadable file."""
    try:
        handle = open(Path(path).resolve(), "rb")  # noqa: SIM115 — closed below
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        handle.close()  # closing lets go of a probe taken
    return False


def holder_of(path: Path) -> str:
    """Who holds a `flock` on `path`: «pid (command line)» from /proc/locks, «?» when unknown
    (another pid namespace, no /proc)."""
    try:
        st = path.stat()
        lines = Path("/proc/locks").read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return "?"
    device = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    same_inode: list[str] = []
    for line in lines:
        fields = line.split()
        # «1: FLOCK  ADVISORY  WRITE 1234 fe:00:2687000 0 EOF»; a waiter's line has «->»
        if len(fields) < 6 or fields[1] != "FLOCK" or fields[4] in ("", "0"):
            continue
        if fields[5] == device:
            return _named(fields[4])
        if fields[5].rsplit(":", 1)[-1] == str(st.st_ino):
            same_inode.append(fields[4])
    return _named(same_inode[0]) if len(same_inode) == 1 else "?"


def _named(pid: str) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid
    command = raw.replace(b"\0", b" ").decode("utf-8", "replace").strip()
    return f"{pid}: {command[:120]}" if command else pid


def _in_use(path: str | Path, holder: str) -> DatabaseInUse:
    error = DatabaseInUse(
        f"بوت آخر لنشرة يعمل على قاعدة البيانات هذه (العملية {holder}): أوقفه أولًا أو اختر "
        f"DATABASE_PATH آخر / another Nashra bot (pid {holder}) runs on this database "
        f"({path}): stop it first or choose another DATABASE_PATH")
    error.holder = holder
    return error


def restore_in_use(path: str | Path, holder: str) -> DatabaseInUse:
    """The refusal of a restore onto the database a bot runs on: stop it, then restore again —
    not «or choose another DATABASE_PATH», start-up advice no restoring operator wants
    (QA58-11)."""
    error = DatabaseInUse(
        f"بوت نشرة يعمل على قاعدة البيانات هذه (العملية {holder}): أوقفه أولًا (Ctrl-C، أو "
        f"systemctl stop لخدمته)، ثم أعد الاسترجاع / a Nashra bot (pid {holder}) runs on this "
        f"database ({path}): stop it first (Ctrl-C, or systemctl stop for its service), then "
        f"run restore again")
    error.holder = holder
    return error


def _folder_error(folder: Path, exc: OSError) -> StorageError:
    """The database's folder cannot be made (/proc, a read-only mount, a file on the way):
    one bilingual line naming that folder (QA69-7)."""
    detail = exc.strerror or str(exc)
    return StorageError(
        f"تعذّر إنشاء المجلد {folder} لقاعدة البيانات ({detail}): اجعل DATABASE_PATH في مجلد "
        f"قابل للكتابة / cannot create the folder {folder} for the database ({detail}): put "
        f"DATABASE_PATH in a writable folder")


def _lock_error(lock_path: Path, exc: OSError) -> StorageError:
    """A read-only folder or a full disk met while taking the lock: one bilingual line, no
    traceback (QA17 R1)."""
    detail = exc.strerror or str(exc)
    return StorageError(
        f"تعذّر إنشاء ملف القفل {lock_path} ({detail}): اجعل DATABASE_PATH في مجلد قابل للكتابة فيه "
        f"مساحة فارغة / cannot write the lock file {lock_path} ({detail}): put DATABASE_PATH in a "
        f"writable folder with free space")
