"""The database's copies an operator has, listed: `run.py backup list` (QA66-9).

An operator had `ls` only, and `run.py backup list` wrote a backup named «list». The copies are
where the README and the bot put them: `backups/` and `backups/daily/` in the folder the command
runs from (README «Backups»: the cron line), `backups/` beside the database (the copies before an
upgrade, digests.upgrade_backups), the files `restore` moved aside beside the database
(`nashra.db.before-restore-<time>`, a whole file each, never deleted by the bot), and a copy
`backup` wrote beside the database (`run.py --db n.db backup n-copy.db`).

Only this database's copies (QA74-11: another database's copy before an upgrade, in the same
backups/ folder, was listed as this one's — a restore of it puts another database in place). A
copy says whose it is: `backup` stamps the source's path (digests.backups.SOURCE_KEY); a copy of
another database that is still there is left out, one whose source is gone (a database moved to
this machine) is listed with that path — also another database's, deleted since, which this
list cannot tell from a moved one: `restore` puts such a copy over a database only with --force
(digests.backups.OtherDatabase, REV s26). Unstamped, a copy before an upgrade is its database's by
name (`<stem>-before-upgrade-…`); other unstamped files count in backups/ only, not beside the
database, where other databases live.

Each is read as a backup is (read only): when it was taken (the stamp `backup` writes), who took
it — a stopped bot's copy, a running bot's, the bot's own or a run.py command's before an
upgrade, or unknown (a copy made by `cp` or sqlite3) — and the newest migration it holds. A file
`restore` moved aside is dated by its name, when it was moved (QA76-16: by its last write it was
listed last, though it holds the database as it was just before the restore). Pure but for reading the files; `cli.backups` prints the rows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from digests.backups import BACKUP_KEY, RUNNING_KEY, SOURCE_KEY
from digests.sqlite_uri import read_only_uri


@dataclass(frozen=True)
class Listed:
    """One copy: its file, size in bytes, when it was taken ("" unknown; else the file's time
    is all there is, `file_time`), who took it (RUNNING_KEY's value, "" unknown, "restored" for
    a file `restore` moved aside), its newest migration ("" none read), why it could not be
    read ("" it could) and the database it copies (SOURCE_KEY's value, "" not stamped)."""

    path: Path
    size: int
    taken_at: str
    file_time: str
    made_by: str
    schema: str
    error: str = ""
    source: str = ""


MOVED_ASIDE = "restored"  # a live file `restore` moved aside, not a backup anyone took


def candidates(database: Path, cwd: Path) -> list[Path]:
    """The files to list, each once (module docstring: where copies are): the backups folders'
    and `restore`'s, then the other `*.db` beside the database (listed when stamped its copy).
    Absolute, all of them (QA76-16: those beside a relative --db were listed relative)."""
    database, cwd = database.absolute(), cwd.absolute()
    folders = (cwd / "backups", cwd / "backups" / "daily", database.parent / "backups",
               database.parent / "backups" / "daily")
    found: dict[Path, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.glob("*.db"):
                found.setdefault(path.resolve(), path)
    for path in database.parent.glob(f"{database.name}.before-restore-*"):
        if not path.name.endswith(("-wal", "-shm")):
            found.setdefault(path.resolve(), path)
    itself = database.resolve()
    for path in database.parent.glob("*.db"):
        if path.resolve() != itself:
            found.setdefault(path.resolve(), path)
    return list(found.values())


def belongs(row: Listed, database: Path) -> bool:
    """Whether the copy `row` is one of `database`'s (module docstring): its stamped source is
    this database or no longer exists; unstamped, a copy before an upgrade named for this
    database, a file `restore` moved aside, or any file in a backups folder (not beside the
    database)."""
    if row.source:
        source = Path(row.source)
        return source == database.resolve() or not source.exists()
    if _UPGRADE_NAME in row.path.name:
        return row.path.name.startswith(database.stem + _UPGRADE_NAME)
    # beside the database live other databases («corp.db»): there, only stamped copies count
    return row.made_by == MOVED_ASIDE or row.path.parent.resolve() != database.parent.resolve()


_UPGRADE_NAME = "-before-upgrade-"  # digests.upgrade_backups.upgrade_copy_name


def read_copy(path: Path) -> Listed:
    """`path` read as a backup (never written: read only, no -wal made). One it cannot reach (a
    link to a removed file, a copy deleted while listing) is a row with its error, not the end
    of the listing."""
    try:
        stat = path.stat()
    except OSError as exc:
        return Listed(path, 0, "", "", "", "", " ".join(str(exc).split())[:120])
    file_time = datetime.fromtimestamp(stat.st_mtime, timezone.utc).isoformat(timespec="seconds")
    aside = ".before-restore-" in path.name
    try:
        conn = sqlite3.connect(read_only_uri(path) + "&immutable=1", uri=True)
        try:
            meta = dict(conn.execute("select key, value from meta where key in (?, ?, ?)",
                                     [BACKUP_KEY, RUNNING_KEY, SOURCE_KEY]).fetchall()) \
                if _has(conn, "meta") else {}
            schema = conn.execute("select max(name) from _migrations").fetchone()[0] \
                if _has(conn, "_migrations") else ""
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Listed(path, stat.st_size, moved_at(path.name) if aside else "", file_time,
                      MOVED_ASIDE if aside else "", "", " ".join(str(exc).split())[:120])
    # a file moved aside is the database as it was when `restore` moved it (its name's time);
    # its last write can be much older (QA76-16: listed last, under that write's time)
    taken = moved_at(path.name) if aside else str(meta.get(BACKUP_KEY) or "")
    return Listed(path, stat.st_size, taken, file_time,
                  MOVED_ASIDE if aside else str(meta.get(RUNNING_KEY) or ""), str(schema or ""),
                  source=str(meta.get(SOURCE_KEY) or ""))


def moved_at(name: str) -> str:
    """When `restore` moved a file aside, from its name («….before-restore-20261202T121857Z»,
    digests.backups.restore) as an ISO time in UTC; "" when the name holds none."""
    stamp = name.rpartition(".before-restore-")[2]
    try:
        when = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return ""
    return when.isoformat(timespec="seconds")


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                        [table]).fetchone() is not None


def listed_backups(database: Path, *, cwd: Path | None = None) -> list[Listed]:
    """Every copy of the database found (`candidates`, `belongs`), newest first (by when it was
    taken — a file moved aside by when it was moved — else by its file's time)."""
    rows = [row for row in map(read_copy, candidates(database, cwd or Path.cwd()))
            if belongs(row, database)]
    return sorted(rows, key=lambda r: r.taken_at or r.file_time, reverse=True)
