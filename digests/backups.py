"""Backups, restores and rescues of the SQLite file, from Python (no sqlite3 shell needed).

- `backup`: SQLite's online backup API (`Connection.backup`) in one step: a consistent snapshot
  of a database the bot is writing (WAL: the copy holds what `-wal` holds too, which a plain `cp`
  of the main file does not — QA22 U2 lost 23 of 110 articles that way), written beside the
  target and renamed only once complete and checked.
- `restore`: the bot must be stopped (its lock is taken); the current file and its `-wal`/`-shm`
  are moved aside (never deleted) and the backup is copied in. What the replaced file delivered
  since the backup is carried into the restored one (digests.restore_record): the backup's
  waiting deliveries are settled as that file settled them, and articles fetched again are not
  alerted again (QA22 U2: a reader got the same daily digest twice; QA24: the alerts of the
  articles fetched since came again). When the replaced file cannot be read (the damage that
  called for the restore), deliveries already due are marked skipped: most likely sent since.
  Onto a fresh path (a move to another machine) they are skipped only when a bot may have run on
  after the backup: `backup` records whether a bot held the database (QA66-1); a backup of a
  stopped bot keeps every queued delivery, to be sent at the first start.
  The readers' subscriptions, unsubscriptions and settings made since the backup are carried
  over as well (digests.restore_readers).
- `recover` (digests.rescue): what can be read of a damaged file, table by table and row by
  row into a new file (QA22 U3: `sqlite3 … ".recover"` fails on Debian's sqlite3 3.40 and left
  an empty file that Nashra opened as a new database); the search index is rebuilt from the
  articles kept.

Both write their new file through digests.backup_files (never over a file, a `.partial` twin
renamed once checked, a failure named as the new file's).
"""

from __future__ import annotations

import logging
import os
import shlex
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from digests.backup_files import (
    Summary,
    drop_partial,
    new_file,
    refuse_existing,
    require_database,
    summarize,
)
from digests.daily_holders import STORIES_OF_O
from digests.errors import StorageError
from digests.file_modes import owner_only
from digests.migrations import MIGRATIONS
from digests.models import iso
from digests.restore_readers import Readers, carry_readers
from digests.restore_record import (SKIP_NOTE, Carried, backup_moment, carry_over,
                                    settle_restored)
from digests.instance_lock import bot_running, restore_in_use
from digests.sqlite_uri import read_only_uri
from digests.storage import DatabaseInUse, NewerDatabase, fault_of, hold_lock

log = logging.getLogger(__name__)

BACKUP_KEY = "backup_taken_at"  # meta key: when the snapshot was taken (UTC, ISO)
# meta key: "1" when a bot held the database as the snapshot was taken, "0" when none did (a
# stopped bot: nothing was sent after the copy); absent in older backups and sqlite3 copies
RUNNING_KEY = "backup_bot_running"
# … or this, when the bot took the copy itself at its start, before an upgrade
# (digests.upgrade_backups): it held the lock then, but nobody else ran; it ran on after the
# copy, so a restore treats it as a running bot's (its due rows most likely went out since)
UPGRADE_COPY = "upgrade"
# … or this, when a run.py command opening the database upgraded it (QA74-11: such a copy was
# listed «by the bot at its start»); a bot may have run on it since, as after UPGRADE_COPY.
# An older copy stamped UPGRADE_COPY without SOURCE_KEY may be either's.
UPGRADE_BY_COMMAND = "upgrade-command"
# meta key: the absolute path of the database copied, so `backup list` shows only this
# database's copies (QA74-11: another database's upgrade copy in the same backups/ was listed)
SOURCE_KEY = "backup_source"


def backup(src: Path, dest: Path, *, now: datetime | None = None,
           made_by: str | None = None) -> Summary:
    """Copy the database `src` (the bot may be running) to the new file `dest`.

    One backup step over the whole file: a single read transaction, so the copy is one moment's
    database even while the bot writes (a paged backup restarts at every write of another
    connection and may never end under a busy bot). The copy is checked (`quick_check`) before
    it takes its name; the time of the snapshot is stored in its `meta` table for `restore`,
    and whether a bot ran (`RUNNING_KEY`), or `made_by` an upgrade's (`UPGRADE_COPY`, the bot's;
    `UPGRADE_BY_COMMAND`), and the database's own path (`SOURCE_KEY`).
    """
    require_database(src)
    refuse_existing(dest)
    taken = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    # before the copy: a bot stopping meanwhile counts as running
    running = made_by or ("1" if bot_running(src) else "0")
    with new_file(dest) as (target, partial):
        source = sqlite3.connect(read_only_uri(src), uri=True, timeout=30)
        try:
            source.backup(target)
            target.execute("create table if not exists meta (key text primary key, value text)")
            target.execute("insert or replace into meta (key, value) values (?, ?)",
                           [BACKUP_KEY, taken])
            target.execute("insert or replace into meta (key, value) values (?, ?)",
                           [RUNNING_KEY, running])
            target.execute("insert or replace into meta (key, value) values (?, ?)",
                           [SOURCE_KEY, str(src.resolve())])
            target.commit()
            # one file, no -wal to carry: the copy can be moved or mailed as it is
            target.execute("pragma journal_mode=delete")
            check = target.execute("pragma quick_check").fetchone()[0]
        finally:
            source.close()
    if check != "ok":
        drop_partial(partial)
        raise StorageError(f"النسخة لم تجتز الفحص / the copy failed its check: {check}")
    os.replace(partial, dest)
    log.info("backup written src=%s dest=%s taken_at=%s bot_running=%s", src, dest, taken,
             running)
    return summarize(dest)


@dataclass(frozen=True)
class RestoreReport:
    """A restore's outcome: where the replaced file went, what the restored one holds."""

    moved_aside: tuple[Path, ...]
    taken_at: str  # "" when the backup was not written by `backup` (no stamp in its meta)
    file_time: str  # the backup file's modification time: all there is to go by then
    skipped: int
    summary: Summary
    marked_sent: int = 0  # due in the backup, sent by the replaced file: recorded sent
    carried: Carried = Carried(0)  # the replaced file's deliveries carried into the restored one
    readers: Readers = Readers()  # its readers' choices since the backup (restore_readers)
    # the backup's bot: "0" stopped (nothing sent after it), "1" running, "" not recorded
    bot_running: str = ""
    kept: int = 0  # due deliveries kept to be sent: the backup's bot was stopped (fresh path)
    source: str = ""  # the database the backup copies (SOURCE_KEY), "" not recorded
    # no database was at the target: no file, or an empty one (moved aside all the same; X136)
    fresh: bool = False


class OtherDatabase(StorageError):
    """The backup is a copy of another database (its recorded path is not the target's), and a
    database is at the target: restoring it would put that database in place of this one."""


def _other_database(backup_file: Path, source: str, target: Path) -> OtherDatabase:
    # the listing for this database: a bare `run.py backup list` lists the default one's (QA76-4)
    listing = f"run.py --db {shlex.quote(str(target))} backup list"
    return OtherDatabase(
        f"النسخة {backup_file} نسخة من قاعدة بيانات أخرى ({source})، لا من {target}: استرجاعها "
        f"يضع تلك القاعدة مكان هذه. إن كانت هذه القاعدة نفسها نُقلت من ذلك المسار فأعد الأمر مع "
        f"--force، وإلا فاختر نسخة هذه القاعدة ({listing}). لم يُنقل شيء / the backup "
        f"{backup_file} is a copy of another database ({source}), not of {target}: restoring it "
        f"puts that database in place of this one. If this database was moved here from that "
        f"path, run restore again with --force; else choose one of this database's copies "
        f"({listing}). Nothing was moved")


def restore(backup_file: Path, target: Path, *, now: datetime | None = None,
            resend: bool = False, backup_readers: bool = False,
            force: bool = False) -> RestoreReport:
    """Put `backup_file` in place of the database `target` (the bot must be stopped).

    The current file and its `-wal`/`-shm` are renamed `<name>.before-restore-<time>` (a stale
    `-wal` left beside a restored file corrupts it: QA22 U2). Unless `resend`, what the current
    file delivered since the backup is carried over first (digests.restore_record): deliveries
    pending in the backup are settled as it settled them, and its deliveries of articles the
    backup lacks are not made again when the bot fetches those articles anew. When it cannot be
    read, deliveries pending in the backup and due by `now` are marked skipped (most likely sent
    since: a reader should not get a digest twice); those due later stay. Unless no file was
    at `target` and the backup says its bot was stopped (a move to another machine, QA66-1):
    nobody can have sent them after it, so they stay to be sent (counted in `kept`).

    A copy `backup` stamped with another database's path is not put over a database at `target`
    unless `force` (REV s26: `backup list` lists a copy whose source is gone under every
    database of its folder — a database moved here, or another one deleted); onto a fresh path
    (a move to another machine; no file, or an empty one: X136) it is restored, and
    `RestoreReport.source` names that path.

    Raises:
        DatabaseInUse: a bot runs on `target`.
        OtherDatabase: the backup is another path's copy, a database is at `target`, no `force`
            (nothing is moved).
        StorageError: the backup is missing, empty or fails its check (nothing is moved).
        sqlite3.DatabaseError: the backup is not a database (nothing is moved).
    """
    require_database(backup_file)
    if target.exists() and backup_file.resolve() == target.resolve():
        raise StorageError(
            f"النسخة {backup_file} هي قاعدة البيانات نفسها: اختر نسخة احتياطية / {backup_file} "
            f"is the database itself: choose a backup")
    now = now or datetime.now(timezone.utc)
    file_time = datetime.fromtimestamp(backup_file.stat().st_mtime, timezone.utc).isoformat(
        timespec="seconds")
    try:
        lock = hold_lock(target, create=False)  # a restore into a new path makes no empty file
    except DatabaseInUse as exc:  # said as a restore's refusal (QA58-11)
        raise restore_in_use(target, exc.holder) from None
    try:
        # the copy is made and checked first: a wrong or damaged backup leaves the current
        # database where it is
        partial = target.with_name(target.name + ".partial")
        drop_partial(partial)
        source = sqlite3.connect(read_only_uri(backup_file), uri=True)
        conn = sqlite3.connect(partial)
        try:
            conn.execute("pragma user_version")
            owner_only(partial)  # the restored database, 0600 before any row (QA38 A6)
            try:
                source.backup(conn)
                check = conn.execute("pragma quick_check").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                if fault_of(exc) != "damaged":
                    raise
                raise _bad_backup(backup_file, str(exc)) from exc
            if check != "ok":
                raise _bad_backup(backup_file, check)
            _refuse_newer(conn, backup_file)
            copied = _meta(conn, SOURCE_KEY) or ""  # whose copy it is
            # an empty file (a `touch`, a failed copy) is no database to replace (X136)
            present = target.exists() and target.stat().st_size > 0
            if copied and not force and present and Path(copied) != target.resolve():
                raise _other_database(backup_file, copied, target.resolve())
            taken = _trusted_stamp(conn, _meta(conn, BACKUP_KEY) or "")
            # the stamp describes this backup, not the database it becomes: a later sqlite3
            # .backup of that database must not be «taken at» this moment (QA60-11)
            _drop_meta(conn, BACKUP_KEY)
            running = _meta(conn, RUNNING_KEY) or ""
            _drop_meta(conn, RUNNING_KEY)
            _drop_meta(conn, SOURCE_KEY)  # the restored file is no copy of that path
            # what the replaced file delivered since, read before it is moved aside: neither
            # the backup's due rows nor the articles fetched again are sent a second time
            carried = Carried(0, "--resend") if resend else carry_over(target, conn)
            sent = skipped = kept = 0
            if carried.error and not resend and running == "0" and not present:
                kept = _due(conn, now)  # a stopped bot moved: nobody sent them (QA66-1)
            elif carried.error and not resend:  # a bot may have run on: most likely sent
                skipped = _skip_due(conn, now)
            elif not resend:
                sent, skipped = settle_restored(conn, iso(now) or "")
            # what readers chose since: subscriptions, unsubscriptions, settings (X38's left)
            readers = Readers(error="--backup-readers") if backup_readers \
                else carry_readers(target, conn)
            conn.commit()
            conn.execute("pragma journal_mode=delete")
        except BaseException:
            conn.close()
            drop_partial(partial)
            raise
        finally:
            source.close()
        conn.close()
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        moved: list[Path] = []
        for suffix in ("", "-wal", "-shm"):
            old = Path(f"{target}{suffix}")
            if old.exists():
                aside = Path(f"{target}.before-restore-{stamp}{suffix}")
                os.replace(old, aside)
                moved.append(aside)
        os.replace(partial, target)
    finally:
        if lock is not None:
            lock.close()
    log.info("backup restored backup=%s target=%s taken_at=%s sent=%d skipped=%d kept=%d"
             " carried=%d carry_error=%s readers_error=%s bot_running=%s source=%s", backup_file,
             target, taken, sent, skipped, kept, carried.rows, carried.error or "-",
             readers.error or "-", running or "-", copied or "-")
    return RestoreReport(tuple(moved), taken, file_time, skipped, summarize(target), sent,
                         carried, readers, running, kept, copied, not present)


def _bad_backup(backup_file: Path, detail: str) -> StorageError:
    """A damaged backup is the backup's fault, not the live database's (QA24 R9: the advice
    was to rescue the healthy live file)."""
    return StorageError(
        f"النسخة الاحتياطية {backup_file} تالفة أو ليست ملف نشرة ({detail[:200]}): اختر نسخة "
        f"أخرى، وقاعدة البيانات الحالية لم تُمس / the backup {backup_file} is damaged or not "
        f"Nashra's ({detail[:200]}): choose another backup; the database in use was not touched")


def _refuse_newer(conn: sqlite3.Connection, backup_file: Path) -> None:
    """A backup this code cannot run is refused before anything is moved (QA24 R10: a newer
    Nashra's backup was put in place, then the next start refused it)."""
    try:
        names = {r[0] for r in conn.execute("select name from _migrations")}
    except sqlite3.OperationalError as exc:  # no _migrations: some other program's database
        raise _bad_backup(backup_file, "no _migrations table") from exc
    unknown = sorted(names - {name for name, _ in MIGRATIONS})
    if unknown:
        raise NewerDatabase(
            f"النسخة {backup_file} كتبها إصدار أحدث من نشرة (ترحيلات لا يعرفها هذا الإصدار: "
            f"{', '.join(unknown)}): استرجعها بالإصدار الأحدث، ولم يُنقل شيء / the backup "
            f"{backup_file} was written by a newer Nashra (migrations this code does not know: "
            f"{', '.join(unknown)}): restore it with the newer version; nothing was moved")


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("select value from meta where key = ?", [key]).fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def _drop_meta(conn: sqlite3.Connection, key: str) -> None:
    try:
        conn.execute("delete from meta where key = ?", [key])
    except sqlite3.OperationalError:  # no meta table: nothing to drop
        pass


def _trusted_stamp(conn: sqlite3.Connection, taken: str) -> str:
    """`taken`, or "" when the file holds writes well past it (`backup_moment`: its newest
    write less an hour): a stamp an older Nashra's restore left in the live database, carried
    by every later copy (QA60-11). The margin: `backup` reads its clock before the copy, and the
    running bot may write in between (review REV: a second's write lost a fresh backup's time)."""
    if not taken:
        return ""
    try:
        stamp = _utc(taken)
        newest = backup_moment(conn)
        return "" if newest and _utc(newest) > stamp else taken
    except (sqlite3.OperationalError, ValueError, TypeError):
        return taken


def _utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _due(conn: sqlite3.Connection, now: datetime) -> int:
    """How many pending/sending deliveries are due by `now` (kept: QA66-1)."""
    names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    if "outbox" not in names:
        return 0
    # stories: a daily digest's row counts its own (digests.daily_rows, migration 059)
    stories = STORIES_OF_O if conn.execute(
        "select 1 from pragma_table_info('outbox') where name = 'items'").fetchone() else "1"
    return int(conn.execute(
        f"select coalesce(sum({stories}), 0) from outbox o where status in ('pending', 'sending')"
        " and coalesce(not_before, created_at) <= ?",
        [now.isoformat(timespec="seconds")]).fetchone()[0])


def _skip_due(conn: sqlite3.Connection, now: datetime) -> int:
    """Mark pending/sending deliveries due by `now` as skipped; returns how many."""
    names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    if "outbox" not in names:
        return 0
    due = _due(conn, now)  # stories, as `_due` counts them
    conn.execute(
        "update outbox set status = 'skipped', last_error = ? where status in ('pending',"
        " 'sending') and coalesce(not_before, created_at) <= ?",
        [SKIP_NOTE, now.isoformat(timespec="seconds")])
    return due
