"""Read commands open an existing database only (QA30 O2).

`Database(path)` creates the file, its folder and every table: right for the commands that make a
database (the bot, `ingest`, `sources add`, `restore`), wrong for the commands that only read or
change what is there (`sources list`, `sources remove`, `search`, `stories backfill`…). A
mistyped `--db` or DATABASE_PATH made those print «no sources yet» or «nothing found», leaving
an empty file that the next command then took for the database. `existing_database` refuses
instead, in one bilingual line that names the path and where it came from.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from digests.errors import NashraError
from digests.settings import ENVIRONMENT, Settings
from digests.storage import Database


def path_origin(settings: Settings) -> str:
    """Where the database path came from: `--db`, the environment, the `.env` read, or the
    default (English; the Arabic is in `_origin_ar`), as `Settings.origin` recorded it."""
    origin = settings.origin("database_path")
    if origin == "--db":
        return "--db"
    if origin == ENVIRONMENT:
        return "DATABASE_PATH in the environment"
    if origin is not None:
        return f"DATABASE_PATH in {origin}"
    return "the default data/nashra.db"


def _origin_ar(origin: str) -> str:
    if origin == "--db":
        return "--db"
    if origin == "DATABASE_PATH in the environment":
        return "DATABASE_PATH من البيئة"
    if origin.startswith("DATABASE_PATH in "):
        return f"DATABASE_PATH من {origin.removeprefix('DATABASE_PATH in ')}"
    return "المسار الافتراضي data/nashra.db"


def missing_database_message(path: Path, origin: str) -> str:
    """The bilingual refusal of a read command on a path that holds no database."""
    shown = path.absolute()
    return (f"لا قاعدة بيانات في {shown} ({_origin_ar(origin)}): تحقق من المسار؛ هذا الأمر لا "
            "ينشئ قاعدة بيانات (ينشئها run.py bot أو ingest أو sources add أو restore) / no "
            f"database at {shown} ({origin}): check the path; this command does not create one "
            "(run.py bot, ingest, sources add or restore do)")


def no_archive_note(path: Path, origin: str) -> str:
    """`digest` on a path with no database: it still works (the archive is optional), but a
    mistyped --db gave a poorer digest in silence (QA60-15)."""
    shown = path.absolute()
    return (f"تنبيه: لا قاعدة بيانات في {shown} ({_origin_ar(origin)}): الملخص دون روابط الأرشيف "
            f"/ note: no database at {shown} ({origin}): the digest comes without archive links")


def path_problem(path: Path) -> str | None:
    """Why `path` cannot be a database file, in both languages, when the reason is its shape
    (QA30 O5): a folder, or a file where a folder should be. SQLite's «unable to open database
    file» and the lock file's «File exists» said neither."""
    if path.is_dir():
        return (f"{path} مجلد لا ملف: اكتب اسم ملف فيه، مثل {path / 'nashra.db'} / {path} is a "
                f"folder, not a file: name a file in it, such as {path / 'nashra.db'}")
    if path.exists() and not path.is_file():  # /dev/null, a pipe (QA69-6: «delete it» was said)
        return (f"{path} ليس ملفًا عاديًا (جهاز أو أنبوب): اكتب اسم ملف في مجلد قابل للكتابة، مثل "
                f"data/nashra.db / {path} is not a regular file (a device or a pipe): name a "
                "file in a writable folder, such as data/nashra.db")
    for parent in path.absolute().parents:
        if parent.exists():
            if parent.is_dir():
                return None
            return (f"{parent} ملف لا مجلد، فلا يكون فيه {path.name}: اختر ملفًا في مجلد قابل "
                    f"للكتابة / {parent} is a file, not a folder, so {path.name} cannot be in "
                    "it: choose a file in a writable folder")
    return None


def existing_database(args: argparse.Namespace, settings: Settings) -> Path:
    """The database path of a read command, refused when no file is there.

    Raises:
        NashraError: nothing at the path (a folder is left to the database error's own words).
    """
    path = settings.database_path
    if not path.exists() and path_problem(path) is None:
        raise NashraError(missing_database_message(path, path_origin(settings)))
    return path


def reading_database(args: argparse.Namespace, settings: Settings) -> Database:
    """The existing database of a command that only reads it (`search`, `sources list`), opened
    read-only when its file (or a journal beside it) may not be written (QA60-1: README
    Troubleshooting promises reading commands work on a read-only file)."""
    path = existing_database(args, settings)
    names = [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]
    # the folder too: opening for writing makes the -wal and -shm beside the file (a writable
    # file in a read-only folder failed «unable to open database file»: review REV s22, item 7)
    writable = all(os.access(name, os.W_OK) for name in names if name.exists()) and (
        os.access(path.absolute().parent, os.W_OK) or all(name.exists() for name in names[1:]))
    return Database(path, read_only=not writable)


__all__ = ["existing_database", "missing_database_message", "path_origin", "path_problem",
           "reading_database"]
