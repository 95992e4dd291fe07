"""Reviewer RA item 1: migration 042 indexes articles(source_id, id), so the «📡 المصادر» picker's
`source_site` no longer scans the table for a feed with no recent article; RA item 3: the three
«skip these pending rows with a reason» updates share digests.outbox_skips.skip_rows. Real SQLite,
the migration run on an archive as the previous version left it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from migration_kit import archive_before

from digests.models import Source
from digests.outbox_skips import skip_rows
from digests.reader_sources import source_site
from digests.storage import Database

PICKER = "select url from articles where source_id = ? order by id desc limit 1"
NOW = datetime(2018, 2, 3, 12, tzinfo=UTC)


def _plan(db: Database) -> str:
    return " ".join(str(row[-1]) for row in db.db.execute("explain query plan " + PICKER, [2]))


def _article(db: Database, n: int, source_id: int, url: str) -> None:
    db.db.execute("insert into articles (source_id, url, url_key, content_hash, title,"
                  " fetched_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                  [source_id, url, url, f"h{n}", f"خبر {n}", NOW.isoformat(), NOW.isoformat()])


def test_the_picker_query_uses_the_new_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with archive_before(path, "042_articles_source_index") as old:
        for sid in (1, 2):
            old.db.execute("insert into sources (id, url, name, added_at, active)"
                           " values (?, ?, ?, ?, 1)",
                           [sid, f"https://s{sid}.example/feed.xml", f"مصدر {sid}",
                            NOW.isoformat()])
        _article(old, 1, 2, "https://www.site-b.example/news/1.html")
        for n in range(2, 60):
            _article(old, n, 1, f"https://site-a.example/news/{n}.html")
        old.db.conn.commit()
        assert "SCAN articles" in _plan(old)  # before: the whole table, newest row first
    with Database(path) as db:
        assert "USING INDEX articles_source" in _plan(db), _plan(db)
        applied = [r[0] for r in db.db.execute("select name from _migrations")]
        assert "042_articles_source_index" in applied
        feed = Source(id=2, url="https://s2.example/feed.xml", name="مصدر 2")
        assert "site-b.example" in source_site(db.db, feed)
        none = Source(id=3, url="https://feeds.site-c.example/rss", name="مصدر 3")
        assert "site-c.example" in source_site(db.db, none)  # no article: the feed's host


def test_skip_rows_changes_only_pending_rows_in_chunks(tmp_path: Path) -> None:
    with Database(tmp_path / "o.db") as db:
        db.db.execute("pragma foreign_keys = off")  # rows of the outbox alone: no chats, stories
        with db.transaction() as tx:
            for n in range(1, 1001):
                tx.execute("insert into outbox (id, chat_id, story_id, kind, created_at, status)"
                           " values (?, 1, ?, 'instant', ?, ?)",
                           [n, n, NOW.isoformat(), "sent" if n % 10 == 0 else "pending"])
        assert skip_rows(db, range(1, 1001), "muted", NOW) == 900
        assert skip_rows(db, [5, 5, 10], "again") == 0  # skipped or sent: left as they are
        rows = {r[0]: r[1:] for r in db.db.execute(
            "select id, status, last_error, sent_at from outbox")}
        assert rows[5][:2] == ("skipped", "muted") and rows[5][2] is not None
        assert rows[10][0] == "sent"
