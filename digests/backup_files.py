"""The files a backup or a rescue writes, and what a database file holds (split from
digests.backups).

`backup` and `recover` (digests.backups, digests.rescue) both write a new file the same way: never
over an existing one, into a `.partial` twin that takes its name only once complete and checked,
a half-written twin and its journals dropped on failure, and a failure of the new file (its disk
full, its folder missing or read-only) reported as that file's, not DATABASE_PATH's (QA24 R8).
`summarize` is the line an operator reads of a copy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digests.errors import StorageError
from digests.file_modes import owner_only
from digests.sqlite_uri import read_only_uri
from digests.storage import fault_of

# The tables whose counts tell an operator what a copy holds.
COUNTED = ("articles", "stories", "chats", "subscriptions", "outbox")


@dataclass(frozen=True)
class Summary:
    """What a database file holds: its size, row counts and last migration."""

    path: Path
    size: int
    counts: dict[str, int]
    last_migration: str

    def line(self) -> str:
        counts = " ".join(f"{name}={n}" for name, n in self.counts.items())
        return (f"{self.path} size={self.size / 1e6:.1f}MB {counts} "
                f"last_migration={self.last_migration or '-'}")


def summarize(path: Path) -> Summary:
    """Counts of the tables an operator knows (absent tables are left out)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        counts = {t: int(conn.execute(f"select count(*) from {t}").fetchone()[0])
                  for t in COUNTED if t in names}
        last = ""
        if "_migrations" in names:
            row = conn.execute("select name from _migrations order by id desc limit 1").fetchone()
            last = row[0] if row else ""
    finally:
        conn.close()
    return Summary(path, path.stat().st_size, counts, last)


def refuse_existing(dest: Path) -> None:
    if dest.exists():
        raise StorageError(
            f"الملف {dest} موجود: اختر اسمًا جديدًا (لا تكتب نشرة فوق ملف) / {dest} exists: "
            f"choose a new name (Nashra does not write over a file)")


def require_database(src: Path) -> None:
    if not src.is_file():
        raise StorageError(f"لا يوجد ملف {src} / no such file: {src}")
    if src.stat().st_size == 0:
        raise StorageError(f"الملف {src} فارغ (0 بايت) / {src} is empty (0 bytes)")


def drop_partial(partial: Path) -> None:
    """Remove a half-written file and what SQLite left beside it (a full disk left
    `b.db.partial-journal` behind: QA24 R8)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _at_destination(exc: BaseException) -> bool:
    """True when a failure is the new file's (its disk full, its folder missing or read-only):
    the source is only read, so a write error or an unopenable file is never the source's."""
    if isinstance(exc, OSError):
        return True
    return (fault_of(exc) in ("full", "readonly") or _cannot_grow(exc)
            or "unable to open" in str(exc).lower())


# SQLite's write-side I/O errors: the source is opened read-only, so they are the new file's
# (QA66-5: `ulimit -f` or a disk quota, EFBIG/EDQUOT, gave «disk I/O error» blamed on --db)
_WRITE_ERRORS = frozenset({"SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE",
                           "SQLITE_IOERR_DIR_FSYNC", "SQLITE_IOERR_SHMSIZE", "SQLITE_FULL"})


def _cannot_grow(exc: BaseException) -> bool:
    """True for SQLite's failure to write or grow a file (its extended code says so)."""
    return getattr(exc, "sqlite_errorname", "") in _WRITE_ERRORS


def _dest_error(dest: Path, exc: BaseException) -> StorageError:
    """The operator's line for a new file that cannot be written: it names that file and its
    folder, not DATABASE_PATH (QA24 R8 blamed a database whose disk had room)."""
    detail = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
    if fault_of(exc) == "full":
        return StorageError(
            f"القرص الذي يحمل {dest} ممتلئ ({detail}): وفّر مساحة أو اختر مكانًا آخر، ولم يتغير "
            f"شيء / the disk holding {dest} is full ({detail}): free space there or choose "
            f"another place; nothing was changed")
    if _cannot_grow(exc) and fault_of(exc) != "full":
        return StorageError(
            f"تعذّر أن يكبر الملف {dest} ({detail}): حدّ لحجم الملفات (ulimit -f) أو حصة قرص "
            f"(quota) أو قرص ممتلئ حيث يُكتب؛ وسّع الحد أو اختر مكانًا آخر. قاعدة البيانات سليمة "
            f"ولم يتغير شيء / the file {dest} could not grow ({detail}): a file-size limit "
            f"(ulimit -f), a disk quota or a full disk where it is written; raise the limit or "
            f"choose another place. The database is fine; nothing was changed")
    return StorageError(
        f"لا يمكن كتابة {dest} ({detail}): اختر مجلدًا موجودًا قابلًا للكتابة، ولم يتغير شيء / "
        f"cannot write {dest} ({detail}): choose an existing, writable folder; nothing was "
        f"changed")


@contextmanager
def new_file(dest: Path, **connect: Any) -> Iterator[tuple[sqlite3.Connection, Path]]:
    """A connection to `dest`'s `.partial` twin (its folder made, a leftover dropped) and the
    twin's path. On any failure inside the block the twin and its journals go, and a failure of
    the new file is reported as `dest`'s (`_dest_error`); the connection is closed either way.
    The caller checks the closed twin and gives it `dest`'s name (backup and recover alike)."""
    partial = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)  # recover as backup does (QA24 R8)
        drop_partial(partial)
        target = sqlite3.connect(partial, **connect)
        target.execute("pragma user_version")  # the file exists now: made 0600 before any row
        owner_only(partial)  # a backup names every reader as the database does (QA38 A6)
    except (OSError, sqlite3.Error) as exc:
        raise _dest_error(dest, exc) from exc
    try:
        yield target, partial
    except BaseException as exc:
        target.close()
        drop_partial(partial)
        if isinstance(exc, sqlite3.Error | OSError) and _at_destination(exc):
            raise _dest_error(dest, exc) from exc
        raise
    target.close()
