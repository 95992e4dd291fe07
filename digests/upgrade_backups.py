"""The copy taken before an upgrade migrates an existing database (QA66-4).

An operator who deploys with `git pull && systemctl restart` skips README's «take a backup»
step, and the upgraded file cannot go back: an older Nashra refuses it (or, before 776e258,
misreads it). So when a start finds migrations to apply to a database that already holds some,
`digests.storage.Database.migrate` first writes a copy with `digests.backups.backup` (one
consistent snapshot, checked, stamped) into the `backups` folder beside the database, named for
the schema it holds: `nashra-before-upgrade-051-20261202T055400Z.db` (051: its last migration).
Only the newest KEEP copies of that database are kept (each is a whole file, and only the last
one or two are ever restored). A copy that cannot be written (disk full, folder read-only) is
logged as a WARNING and the upgrade goes on: refusing to start would stop the readers' news for
a copy the operator may take by hand.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from pathlib import Path

from digests.errors import StorageError

log = logging.getLogger("digests.storage")

FOLDER = "backups"  # beside the database file: data/backups/ for the default data/nashra.db
KEEP = 3  # the newest automatic copies of one database kept; older ones are deleted


def upgrade_copy_name(database: Path, last_migration: str, now: datetime) -> Path:
    """Where the copy of `database` before an upgrade goes; `last_migration` is the newest one
    it holds ("051_…" → «051»)."""
    schema = last_migration.split("_", 1)[0] or "0"
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return database.parent / FOLDER / f"{database.stem}-before-upgrade-{schema}-{stamp}.db"


def backup_before_upgrade(database: Path, last_migration: str, first_pending: str,
                          *, now: datetime | None = None, by_bot: bool = True) -> Path | None:
    """Copy `database` before migration `first_pending` runs, rotate older copies, log both.
    `by_bot`: the bot's start takes it, else a run.py command opening the database (stamped
    so: QA74-11). Returns the copy's path, None when it could not be written (logged, the
    upgrade goes on)."""
    # digests.backups imports digests.storage
    from digests.backups import UPGRADE_BY_COMMAND, UPGRADE_COPY, backup

    dest = upgrade_copy_name(database, last_migration, now or datetime.now(timezone.utc))
    started = time.monotonic()
    try:
        # stamped as the bot's own, not «bot running»: the bot holds the lock while it copies
        summary = backup(database, dest, now=now,
                         made_by=UPGRADE_COPY if by_bot else UPGRADE_BY_COMMAND)
    except (StorageError, OSError) as exc:
        log.warning("backup before upgrade failed dest=%s error=%s: the upgrade goes on without "
                    "it; take one by hand next time (README «Upgrading»)", dest,
                    " ".join(str(exc).split())[:300])
        return None
    log.info("backup before upgrade written dest=%s schema=%s first_migration=%s size_mb=%.1f "
             "seconds=%.1f (restore it with the older version to go back: README «Upgrading»)",
             dest, last_migration or "-", first_pending, summary.size / 1e6,
             time.monotonic() - started)
    _rotate(dest.parent, database.stem)
    return dest


def _rotate(folder: Path, stem: str) -> None:
    """Delete all but the newest KEEP automatic copies of the database `stem` (by file time:
    the names sort by schema first)."""
    copies = sorted(folder.glob(f"{stem}-before-upgrade-*-*Z.db"),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[KEEP:]:
        try:
            old.unlink()
            log.info("old backup before upgrade deleted path=%s keep=%d", old, KEEP)
        except OSError as exc:
            log.warning("old backup before upgrade not deleted path=%s error=%s", old, exc)
