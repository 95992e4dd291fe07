"""X69 (3): migration 043 indexes outbox(article_id), so a corrected article's update
(digests.correction_updates) no longer reads every sent delivery to find who was sent it. Real
SQLite, the migration run on an archive as the previous version left it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from migration_kit import archive_before

from digests.correction_updates import SENT_CHATS
from digests.storage import Database

NOW = datetime(2018, 2, 3, 12, tzinfo=UTC).isoformat()


def _plan(db: Database) -> str:
    return " ".join(str(r[-1]) for r in db.db.execute("explain query plan " + SENT_CHATS, [5, 1]))


def test_the_correction_query_uses_the_new_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with archive_before(path, "043_outbox_article_index") as old:
        old.db.execute("pragma foreign_keys = off")
        for chat in (1, 2, 3):
            old.db.execute("insert into chats (id, created_at) values (?, ?)", [chat, NOW])
        for n in range(300):  # article n % 10, sent to chat n % 3
            old.db.execute("insert or ignore into outbox (chat_id, story_id, article_id, kind,"
                           " status, created_at) values (?, ?, ?, 'instant', 'sent', ?)",
                           [1 + n % 3, n % 10, n % 10, NOW])
        old.db.conn.commit()
        assert "outbox_article" not in _plan(old)
        before = sorted(r[0] for r in old.db.execute(SENT_CHATS, [5, 1]))
    with Database(path) as db:
        assert "USING INDEX outbox_article (article_id=?)" in _plan(db), _plan(db)
        assert "043_outbox_article_index" in db.applied_migrations()
        assert sorted(r[0] for r in db.db.execute(SENT_CHATS, [5, 1])) == before == [1, 2, 3]
