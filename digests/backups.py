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
  The readers' subscriptions, unsubscriptions and settings made since the backup are carried
  over as well (digests.restore_readers).
- `recover`: what can be read of a damaged file, table by table and row by row into a new file
  (QA22 U3: `sqlite3 … ".recover"` fails on Debian's sqlite3 3.40 and left an empty file that
  Nashra opened as a new database); the search index is rebuilt from the articles kept.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from digests.errors import StorageError
from digests.migrations import MIGRATIONS
from digests.models import iso
from digests.restore_readers import Readers, carry_readers
from digests.restore_record import SKIP_NOTE, Carried, carry_over, settle_restored
from digests.storage import Database, NewerDatabase, fault_of, hold_lock, upgrade_advice

log = logging.getLogger(__name__)

# The tables whose counts tell an operator what a copy holds.
COUNTED = ("articles", "stories", "chats", "subscriptions", "outbox")
BACKUP_KEY = "backup_taken_at"  # meta key: when the snapshot was taken (UTC, ISO)
FTS_TABLE = "articles_fts"
FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


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


@dataclass(frozen=True)
class RecoverReport:
    """A rescue's outcome: rows kept per table, tables with unreadable parts, the result."""

    kept: dict[str, int]
    damaged: tuple[str, ...]
    indexed: int
    check: str
    summary: Summary


def summarize(path: Path) -> Summary:
    """Counts of the tables an operator knows (absent tables are left out)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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


def _refuse_existing(dest: Path) -> None:
    if dest.exists():
        raise StorageError(
            f"الملف {dest} موجود: اختر اسمًا جديدًا (لا تكتب نشرة فوق ملف) / {dest} exists: "
            f"choose a new name (Nashra does not write over a file)")


def _require_database(src: Path) -> None:
    if not src.is_file():
        raise StorageError(f"لا يوجد ملف {src} / no such file: {src}")
    if src.stat().st_size == 0:
        raise StorageError(f"الملف {src} فارغ (0 بايت) / {src} is empty (0 bytes)")


def _drop(partial: Path) -> None:
    """Remove a half-written file and what SQLite left beside it (a full disk left
    `b.db.partial-journal` behind: QA24 R8)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _at_destination(exc: BaseException) -> bool:
    """True when a failure is the new file's (its disk full, its folder missing or read-only):
    the source is only read, so a write error or an unopenable file is never the source's."""
    if isinstance(exc, OSError):
        return True
    return (fault_of(exc) in ("full", "readonly")
            or "unable to open" in str(exc).lower())


def _dest_error(dest: Path, exc: BaseException) -> StorageError:
    """The operator's line for a new file that cannot be written: it names that file and its
    folder, not DATABASE_PATH (QA24 R8 blamed a database whose disk had room)."""
    detail = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
    if fault_of(exc) == "full":
        return StorageError(
            f"القرص الذي يحمل {dest} ممتلئ ({detail}): وفّر مساحة أو اختر مكانًا آخر، ولم يتغير "
            f"شيء / the disk holding {dest} is full ({detail}): free space there or choose "
            f"another place; nothing was changed")
    return StorageError(
        f"لا يمكن كتابة {dest} ({detail}): اختر مجلدًا موجودًا قابلًا للكتابة، ولم يتغير شيء / "
        f"cannot write {dest} ({detail}): choose an existing, writable folder; nothing was "
        f"changed")


@contextmanager
def _new_file(dest: Path, **connect: Any) -> Iterator[tuple[sqlite3.Connection, Path]]:
    """A connection to `dest`'s `.partial` twin (its folder made, a leftover dropped) and the
    twin's path. On any failure inside the block the twin and its journals go, and a failure of
    the new file is reported as `dest`'s (`_dest_error`); the connection is closed either way.
    The caller checks the closed twin and gives it `dest`'s name (backup and recover alike)."""
    partial = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)  # recover as backup does (QA24 R8)
        _drop(partial)
        target = sqlite3.connect(partial, **connect)
    except (OSError, sqlite3.Error) as exc:
        raise _dest_error(dest, exc) from exc
    try:
        yield target, partial
    except BaseException as exc:
        target.close()
        _drop(partial)
        if isinstance(exc, sqlite3.Error | OSError) and _at_destination(exc):
            raise _dest_error(dest, exc) from exc
        raise
    target.close()


def backup(src: Path, dest: Path, *, now: datetime | None = None) -> Summary:
    """Copy the database `src` (the bot may be running) to the new file `dest`.

    One backup step over the whole file: a single read transaction, so the copy is one moment's
    database even while the bot writes (a paged backup restarts at every write of another
    connection and may never end under a busy bot). The copy is checked (`quick_check`) before
    it takes its name; the time of the snapshot is stored in its `meta` table for `restore`.
    """
    _require_database(src)
    _refuse_existing(dest)
    taken = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    with _new_file(dest) as (target, partial):
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=30)
        try:
            source.backup(target)
            target.execute("create table if not exists meta (key text primary key, value text)")
            target.execute("insert or replace into meta (key, value) values (?, ?)",
                           [BACKUP_KEY, taken])
            target.commit()
            # one file, no -wal to carry: the copy can be moved or mailed as it is
            target.execute("pragma journal_mode=delete")
            check = target.execute("pragma quick_check").fetchone()[0]
        finally:
            source.close()
    if check != "ok":
        _drop(partial)
        raise StorageError(f"النسخة لم تجتز الفحص / the copy failed its check: {check}")
    os.replace(partial, dest)
    log.info("backup written src=%s dest=%s taken_at=%s", src, dest, taken)
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


def restore(backup_file: Path, target: Path, *, now: datetime | None = None,
            resend: bool = False, backup_readers: bool = False) -> RestoreReport:
    """Put `backup_file` in place of the database `target` (the bot must be stopped).

    The current file and its `-wal`/`-shm` are renamed `<name>.before-restore-<time>` (a stale
    `-wal` left beside a restored file corrupts it: QA22 U2). Unless `resend`, what the current
    file delivered since the backup is carried over first (digests.restore_record): deliveries
    pending in the backup are settled as it settled them, and its deliveries of articles the
    backup lacks are not made again when the bot fetches those articles anew. When it cannot be
    read, deliveries pending in the backup and due by `now` are marked skipped (most likely sent
    since: a reader should not get a digest twice); those due later stay.

    Raises:
        DatabaseInUse: a bot runs on `target`.
        StorageError: the backup is missing, empty or fails its check (nothing is moved).
        sqlite3.DatabaseError: the backup is not a database (nothing is moved).
    """
    _require_database(backup_file)
    if target.exists() and backup_file.resolve() == target.resolve():
        raise StorageError(
            f"النسخة {backup_file} هي قاعدة البيانات نفسها: اختر نسخة احتياطية / {backup_file} "
            f"is the database itself: choose a backup")
    now = now or datetime.now(timezone.utc)
    file_time = datetime.fromtimestamp(backup_file.stat().st_mtime, timezone.utc).isoformat(
        timespec="seconds")
    lock = hold_lock(target, create=False)  # a restore into a new path makes no empty file
    try:
        # the copy is made and checked first: a wrong or damaged backup leaves the current
        # database where it is
        partial = target.with_name(target.name + ".partial")
        _drop(partial)
        source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        conn = sqlite3.connect(partial)
        try:
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
            taken = _meta(conn, BACKUP_KEY) or ""
            # what the replaced file delivered since, read before it is moved aside: neither
            # the backup's due rows nor the articles fetched again are sent a second time
            carried = Carried(0, "--resend") if resend else carry_over(target, conn)
            sent = skipped = 0
            if carried.error and not resend:  # unreadable: most likely sent since, skip
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
            _drop(partial)
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
    log.info("backup restored backup=%s target=%s taken_at=%s sent=%d skipped=%d carried=%d"
             " carry_error=%s readers_error=%s", backup_file, target, taken, sent, skipped,
             carried.rows, carried.error or "-", readers.error or "-")
    return RestoreReport(tuple(moved), taken, file_time, skipped, summarize(target), sent,
                         carried, readers)


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


def _skip_due(conn: sqlite3.Connection, now: datetime) -> int:
    """Mark pending/sending deliveries due by `now` as skipped; returns how many."""
    names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    if "outbox" not in names:
        return 0
    cur = conn.execute(
        "update outbox set status = 'skipped', last_error = ? where status in ('pending',"
        " 'sending') and coalesce(not_before, created_at) <= ?",
        [SKIP_NOTE, now.isoformat(timespec="seconds")])
    return cur.rowcount


def recover(src: Path, dest: Path) -> RecoverReport:
    """Copy what can be read of the damaged `src` into the new file `dest`.

    Tables are made from `src`'s schema and filled row by row in rowid order; a damaged page
    stops a scan, which resumes past it (rows on that page are lost, the rest kept). The search
    index is not copied (its own pages may be the damaged ones: QA22 U3's truncated copy
    searched «malformed») but made again from the articles kept. Indexes and
    triggers come last, so no trigger fires on copied rows.
    """
    _require_database(src)
    _refuse_existing(dest)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    # a damaged schema entry makes every statement fail «malformed»; with writable_schema the
    # schema is read as far as it parses, as the sqlite3 shell's .dump does
    source.execute("pragma writable_schema=on")
    try:
        try:
            schema = source.execute(
                "select type, name, tbl_name, sql from sqlite_master where sql is not null"
                " order by rowid").fetchall()
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"لا يمكن قراءة مخطط {src} ({exc}): استرجع نسخة احتياطية / the schema of {src} "
                f"cannot be read ({exc}): restore a backup") from exc
        shadows = {FTS_TABLE + s for s in FTS_SHADOWS}
        tables = [(name, sql) for kind, name, _, sql in schema
                  if kind == "table" and not name.startswith("sqlite_") and name not in shadows]
        kept: dict[str, int] = {}
        damaged: list[str] = []
        with _new_file(dest, isolation_level=None) as (target, partial):
            target.execute("begin")
            for name, sql in tables:
                target.execute(sql)
                if sql.lstrip().upper().startswith("CREATE VIRTUAL"):
                    continue
                n, hurt = _copy_rows(source, target, name)
                kept[name] = n
                if hurt:
                    damaged.append(name)
            indexed = reindex_articles(target) if any(n == FTS_TABLE for n, _ in tables) else 0
            for kind, name, _, sql in schema:
                if kind in ("index", "trigger", "view") and not name.startswith("sqlite_"):
                    try:
                        target.execute(sql)
                    except sqlite3.Error as exc:  # e.g. a unique index over rows now doubled
                        log.warning("recover could not make name=%s error=%s", name, exc)
            target.execute("commit")
            check = target.execute("pragma quick_check").fetchone()[0]
    finally:
        source.close()
    _open_as_nashra(src, partial, dest, damaged)
    os.replace(partial, dest)
    log.info("recovered src=%s dest=%s damaged_tables=%s", src, dest, ",".join(damaged) or "-")
    return RecoverReport(kept, tuple(damaged), indexed, check, summarize(dest))


def _open_as_nashra(src: Path, partial: Path, dest: Path, damaged: list[str]) -> None:
    """Open the rescued file as the bot will, migrations included, before calling it rescued.

    QA24 R7: with `_migrations`' own page lost, the copy held every table but no record of
    them, and the next start failed at «001_sources_articles: table sources already exists».
    Pending migrations (a rescue of an older file) are applied here, as the bot would at start.
    """
    try:
        Database(partial).close()
    except (StorageError, sqlite3.Error) as exc:
        kept = dest.with_name(dest.name + ".unusable")
        where = ""
        if not kept.exists():
            os.replace(partial, kept)
            where = f" {kept}"
        _drop(partial)
        lost = f" (damaged tables: {', '.join(damaged)})" if damaged else ""
        raise StorageError(
            f"ما أُنقذ من {src} لا تفتحه نشرة ({exc}){lost}: لم يُكتب {dest}، والملف التالف باقٍ "
            f"كما هو؛ استرجع نسخة احتياطية (python run.py --db {src} restore BACKUP.db). الصفوف "
            f"المقروءة في{where or ' —'} لإصلاح يدوي / what was rescued from {src} cannot be "
            f"opened by Nashra ({exc}){lost}: {dest} was not written and the damaged file is "
            f"left as it is; restore a backup (python run.py --db {src} restore BACKUP.db). The "
            f"rows read are in{where or ' —'} for a repair by hand") from exc


def _copy_rows(source: sqlite3.Connection, target: sqlite3.Connection, table: str
               ) -> tuple[int, bool]:
    """Copy `table`'s readable rows; True when some could not be read."""
    cols = [r[1] for r in source.execute(f'pragma table_info("{table}")')]
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * (len(cols) + 1))
    try:
        source.execute(f'select rowid from "{table}" limit 1').fetchall()
    except sqlite3.DatabaseError:
        return _copy_plain(source, target, table, quoted, len(cols))
    insert = f'insert or ignore into "{table}" (rowid, {quoted}) values ({marks})'
    copied, hurt, after, tries = 0, False, None, 0
    while tries < 100_000:
        where = "" if after is None else f" where rowid > {after}"
        try:
            for row in source.execute(f'select rowid, {quoted} from "{table}"{where}'
                                      " order by rowid"):
                target.execute(insert, row)
                copied += 1
                after = row[0]
            return copied, hurt
        except sqlite3.DatabaseError:
            hurt, tries = True, tries + 1
            # the cursor reads a row ahead: the failing row may be the next, not the one due
            found = _next_readable(source, table, quoted, after or 0)
            if found is None:
                return copied, hurt
            target.execute(insert, found)
            copied += 1
            after = found[0]
    return copied, hurt


def _next_readable(source: sqlite3.Connection, table: str, quoted: str, after: int
                   ) -> tuple[object, ...] | None:
    """The first row past rowid `after` that reads whole (None: none does).

    Rows of a damaged page (a leaf, or a long body's overflow page) fail one by one while their
    neighbours read, so rowids are probed one at a time, every column read (cheap: a lookup
    each), up to the table's largest."""
    try:
        top = source.execute(f'select max(rowid) from "{table}"').fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    top = after + 100_000 if top is None else min(int(top), after + 1_000_000)
    for rowid in range(after + 1, top + 1):
        try:
            found = source.execute(f'select rowid, {quoted} from "{table}" where rowid = ?',
                                   [rowid]).fetchone()
        except sqlite3.DatabaseError:
            continue
        if found is not None:
            return tuple(found)
    return None


def _copy_plain(source: sqlite3.Connection, target: sqlite3.Connection, table: str,
                quoted: str, width: int) -> tuple[int, bool]:
    """A WITHOUT ROWID table: one scan, as far as it reads."""
    copied = 0
    insert = f'insert or ignore into "{table}" ({quoted}) values ({", ".join("?" * width)})'
    try:
        for row in source.execute(f'select {quoted} from "{table}"'):
            target.execute(insert, row)
            copied += 1
    except sqlite3.DatabaseError:
        return copied, True
    return copied, False


def reindex_articles(conn: sqlite3.Connection) -> int:
    """Fill the search index from the articles table, as digests.search_index writes it."""
    from digests.arabic import analyze

    done = 0
    for article_id, title, body, summary in conn.execute(
            "select id, title, body, summary from articles").fetchall():
        conn.execute(f"insert into {FTS_TABLE} (rowid, title_keys, body_keys) values (?, ?, ?)",
                     [article_id, " ".join(analyze(title or "")),
                      " ".join(analyze(body or summary or ""))])
        done += 1
    return done
