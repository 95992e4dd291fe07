"""Migration 053_mojibake_articles: articles stored as mojibake before session 23 read right.

Feeds and pages in windows-1256 under a Latin label (QA63-8) or in ISO-8859-6 with no label or a
wrong one (QA63-1) were stored as «ÇáãÍßãÉ ÊÕÏÑ …» / «صحêلة انأêاه» until X94: unreadable,
unsearchable, digested as gibberish. X94 reads new bodies right and renamed the sources at their
next poll; this migration mends the stored articles (digests.mojibake: only an exact repair that
is confidently Arabic text).

Each repaired article gets its title, summary, body and content hash written in place, then
what a re-read correction runs again (digests.article_updates: the search index and the digest,
the story's row recomputed); nothing is queued for chats. A repair whose text is another stored
article's or a removed one's (its content hash taken) is left as it is and counted. A source name
still misread (its feed not polled since) is repaired too: in the chunk that repaired one of its
articles (a name too short to repair alone is repaired by the misread its articles were, which a
rerun after a kill no longer sees), the rest at the end. One transaction per CHUNK articles
(digests.data_migrations.commit_chunk); a rerun repairs nothing twice (a right text is never
changed), so it is idempotent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

from digests.mojibake import Misread, misread_of, repair, repair_all, repair_field

log = logging.getLogger(__name__)

MIGRATION = "053_mojibake_articles"
CHUNK = 200


@dataclass(frozen=True)
class Repaired:
    """What the migration changed."""

    articles: int
    left: int  # repaired text taken by another (or a removed) article: left as stored
    sources: int


def _taken(sql: sqlite_utils.Database, chash: str, article_id: int) -> bool:
    """Whether `chash` is another stored article's or a removed one's (archive.update_article's
    rule: the archive keeps one of each and never brings a removed text back)."""
    return sql.execute(
        "select 1 from articles where content_hash = ? and id != ? union all"
        " select 1 from tombstones where key = ? limit 1",
        [chash, article_id, f"hash:{chash}"]).fetchone() is not None


def _rerun(sql: sqlite_utils.Database, article_id: int, now: datetime) -> None:
    """The index and digest made again and the story's row recomputed, as for a correction."""
    from digests import archive
    from digests.article_updates import update_steps
    from digests.data_migrations import upgrade_settings
    from digests.processing import StoreContext, run_steps
    from digests.story_rows import refresh_story

    article = archive.get_article(sql, article_id)
    assert article is not None
    # the run's settings, not the defaults (QA73-8)
    run_steps(sql, article, StoreContext(now, upgrade_settings(), backfill=True),
              steps=update_steps())
    if article.story_id is not None:
        refresh_story(sql, article.story_id)


def repair_articles(db: sqlite_utils.Database, *, chunk: int = CHUNK,
                    after_chunk: Callable[[int], None] | None = None,
                    now: datetime | None = None) -> Repaired:
    """Repair the stored mojibake articles and source names (module docstring) in the caller's
    transaction; `after_chunk(rows read)` is called after each chunk (the migration commits
    there). Returns the counts."""
    from digests.urls import content_hash

    when = now or datetime.now(timezone.utc)
    repaired = left = sources = 0
    after = -1
    while rows := db.execute(
            "select id, source_id, title, summary, body from articles where id > ?"
            " order by id limit ?", [after, chunk]).fetchall():
        misreads: dict[int, set[Misread]] = {}  # source id → the misreads its articles were
        for article_id, source_id, title, summary, body in rows:
            fields = (title or "", summary or "", body or "")
            fixed = repair_all(fields)
            if fixed is None:
                continue
            new_title, new_summary, new_body = fixed
            chash = content_hash(new_title, new_body or new_summary)
            if _taken(db, chash, article_id):
                left += 1
                log.warning("mojibake article left as stored: its repaired text is another"
                            " article's or a removed one's id=%s", article_id)
                continue
            db.execute("update articles set title = ?, summary = ?, body = ?, content_hash = ?"
                       " where id = ?",
                       [new_title, new_summary if summary is not None else None,
                        new_body if body is not None else None, chash, article_id])
            _rerun(db, article_id, when)
            misread = misread_of("\n".join(fields))
            if misread is not None:
                misreads.setdefault(source_id, set()).add(misread)
            repaired += 1
        # renamed in the chunk's own transaction: once its articles are committed right, a
        # rerun cannot tell which misread they were (review REV2 #4)
        sources += _repair_sources(db, misreads, only=misreads.keys())
        after = rows[-1][0]
        if after_chunk is not None:
            after_chunk(len(rows))
    sources += _repair_sources(db, {})  # names confidently repaired alone
    log.info("mojibake articles repaired count=%d left=%d sources_renamed=%d",
             repaired, left, sources)
    return Repaired(repaired, left, sources)


def _repair_sources(db: sqlite_utils.Database, misreads: dict[int, set[Misread]], *,
                    only: Collection[int] | None = None) -> int:
    """Rename the sources whose name is still a misread title: confidently alone, or by the
    misread their articles were (a name too short for a common word); `only` these sources
    when given. A right name is never changed, so a source is never counted twice."""
    if only is not None and not only:
        return 0
    query = "select id, name from sources"
    if only is not None:  # ≤ CHUNK ids: under SQLite's bound-parameter limit
        query += f" where id in ({','.join('?' * len(only))})"
    renamed = 0
    for source_id, name in db.execute(query, list(only or ())).fetchall():
        fixed = repair(name or "")
        for misread in misreads.get(source_id, ()):
            if fixed is None:
                fixed = repair_field(name or "", misread)
        if fixed:
            db.execute("update sources set name = ? where id = ?", [fixed, source_id])
            log.info("source renamed from a misread name id=%s name=%s", source_id, fixed)
            renamed += 1
    return renamed


def m053_mojibake_articles(db: sqlite_utils.Database) -> None:
    """Migration 053_mojibake_articles (module docstring), a commit per chunk."""
    from digests.data_migrations import Progress, commit_chunk

    total = int(db.execute("select count(*) from articles").fetchone()[0])
    progress = Progress(MIGRATION, total)

    def committed(read: int) -> None:
        progress.step(read)
        commit_chunk(db)

    repair_articles(db, after_chunk=committed)
