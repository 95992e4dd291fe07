"""The rescue of a damaged database file: what can be read, into a new file (split from
digests.backups).

QA22 U3: `sqlite3 … ".recover"` fails on Debian's sqlite3 3.40 and left an empty file that
Nashra opened as a new database. `recover` copies the damaged file table by table and row by row
(a damaged page is stepped over, its rows lost, the rest kept) into a new file written as a
backup is (digests.backup_files), rebuilds the search index from the articles kept, and opens
the result as the bot will before giving it its name. It logs as digests.backups, as before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from digests.backup_files import (
    Summary,
    drop_partial,
    new_file,
    refuse_existing,
    require_database,
    summarize,
)
from digests.errors import StorageError
from digests.sqlite_uri import read_only_uri
from digests.storage import Database

log = logging.getLogger("digests.backups")  # its lines were that module's before the split

FTS_TABLE = "articles_fts"
FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass(frozen=True)
class RecoverReport:
    """A rescue's outcome: rows kept per table, tables with unreadable parts, the result."""

    kept: dict[str, int]
    damaged: tuple[str, ...]
    indexed: int
    check: str
    summary: Summary
    lost: tuple[str, ...] = ()  # tables whose schema row was lost: made empty (QA66-10)

    @property
    def readers_empty(self) -> tuple[str, ...]:
        """The readers' tables (READER_TABLES) that hold no row after the rescue: a bot started
        on it has no readers, or follows nothing for them — if the damaged file had any, a
        backup is the better start (REV s25: a lost table is made empty, `_make_lost`)."""
        return tuple(t for t in READER_TABLES if self.summary.counts.get(t, 0) == 0)


READER_TABLES = ("chats", "subscriptions")


def recover(src: Path, dest: Path) -> RecoverReport:
    """Copy what can be read of the damaged `src` into the new file `dest`.

    Tables are made from `src`'s schema and filled row by row in rowid order; a damaged page
    stops a scan, which resumes past it (rows on that page are lost, the rest kept). The search
    index is not copied (its own pages may be the damaged ones: QA22 U3's truncated copy
    searched «malformed») but made again from the articles kept. Indexes and
    triggers come last, so no trigger fires on copied rows.
    """
    require_database(src)
    refuse_existing(dest)
    source = sqlite3.connect(read_only_uri(src), uri=True)
    # a damaged schema entry makes every statement fail «malformed»; with writable_schema the
    # schema is read as far as it parses, as the sqlite3 shell's .dump does
    source.execute("pragma writable_schema=on")
    try:
        whole = True
        try:
            schema = source.execute(
                "select type, name, tbl_name, sql from sqlite_master where sql is not null"
                " order by rowid").fetchall()
        except sqlite3.DatabaseError as exc:
            # a lost page of the schema table (a file cut short, QA66-10): its other rows
            schema, whole = _schema_by_rows(source), False
            if not any(kind == "table" for kind, *_ in schema):
                raise StorageError(
                    f"لا يمكن قراءة مخطط {src} ({exc}): استرجع نسخة احتياطية / the schema of "
                    f"{src} cannot be read ({exc}): restore a backup") from exc
        shadows = {FTS_TABLE + s for s in FTS_SHADOWS}
        tables = [(name, sql) for kind, name, _, sql in schema
                  if kind == "table" and not name.startswith("sqlite_") and name not in shadows]
        kept: dict[str, int] = {}
        damaged: list[str] = []
        with new_file(dest, isolation_level=None) as (target, partial):
            target.execute("begin")
            for name, sql in tables:
                target.execute(sql)
                if sql.lstrip().upper().startswith("CREATE VIRTUAL"):
                    continue
                n, hurt = _copy_rows(source, target, name)
                kept[name] = n
                if hurt:
                    damaged.append(name)
            lost = () if whole else _make_lost(target, ("table",))
            indexed = reindex_articles(target) if _has_table(target, FTS_TABLE) else 0
            for kind, name, _, sql in schema:
                if kind in ("index", "trigger", "view") and not name.startswith("sqlite_"):
                    try:
                        target.execute(sql)
                    except sqlite3.Error as exc:  # e.g. a unique index over rows now doubled
                        log.warning("recover could not make name=%s error=%s", name, exc)
            if lost or not whole:  # the indexes and triggers whose schema rows were lost
                _make_lost(target, ("index", "trigger", "view"))
            target.execute("commit")
            check = target.execute("pragma quick_check").fetchone()[0]
    finally:
        source.close()
    _open_as_nashra(src, partial, dest, damaged)
    os.replace(partial, dest)
    log.info("recovered src=%s dest=%s damaged_tables=%s lost_tables=%s", src, dest,
             ",".join(damaged) or "-", ",".join(lost) or "-")
    return RecoverReport(kept, tuple(damaged), indexed, check, summarize(dest), lost)


SCHEMA_PROBES = 10_000  # rowids of the schema table tried one by one (a database has ~100)


def _schema_by_rows(source: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """The schema rows that still read, one rowid at a time: a lost leaf page of
    sqlite_master fails a scan, while its other pages' rows read (QA66-10)."""
    rows: list[tuple[str, str, str, str]] = []
    for rowid in range(1, SCHEMA_PROBES + 1):
        try:
            row = source.execute("select type, name, tbl_name, sql from sqlite_master"
                                 " where rowid = ? and sql is not null", [rowid]).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            rows.append(tuple(row))
    return rows


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("select 1 from sqlite_master where name = ?", [name]).fetchone() \
        is not None


def _make_lost(target: sqlite3.Connection, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Make the schema objects of `kinds` whose rows were lost (tables empty) from this code's
    own schema — when the rescued `_migrations` says the file was at this code's schema (an
    older file's tables are not this code's to guess). A lost table's rows were on the lost
    pages: the file's other tables are kept and the bot opens it. Returns the tables made."""
    import tempfile

    if not _has_table(target, "_migrations"):
        return ()
    done = {r[0] for r in target.execute("select name from _migrations")}
    with tempfile.TemporaryDirectory() as folder:
        template = Database(Path(folder) / "schema.db")
        try:
            names = {r[0] for r in template.db.execute("select name from _migrations")}
            code = template.db.execute(
                "select type, name, sql from sqlite_master where sql is not null"
                " and name not like 'sqlite_%' order by rowid").fetchall()
        finally:
            template.close()
    if done != names:
        return ()
    have = {r[0] for r in target.execute("select name from sqlite_master")}
    made: list[str] = []
    for kind, name, sql in code:
        if kind not in kinds or name in have:
            continue  # an FTS table's shadow tables came with it
        try:
            target.execute(sql)
        except sqlite3.Error as exc:
            log.warning("recover could not make name=%s error=%s", name, exc)
            continue
        have = {r[0] for r in target.execute("select name from sqlite_master")}
        if kind == "table":
            made.append(name)
    return tuple(made)


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
        drop_partial(partial)
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
    from digests.search_places import article_keys

    done = 0
    for article_id, title, body, summary in conn.execute(
            "select id, title, body, summary from articles").fetchall():
        title_keys, body_keys = article_keys(title or "", body or summary or "")
        conn.execute(f"insert into {FTS_TABLE} (rowid, title_keys, body_keys) values (?, ?, ?)",
                     [article_id, " ".join(title_keys), " ".join(body_keys)])
        done += 1
    return done
