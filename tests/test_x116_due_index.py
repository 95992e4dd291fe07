"""X116 (QA72-1): migration 056 indexes the pending outbox rows by id, so the sender's pass
reads the oldest due rows through it and stops at its limit, instead of reading and sorting
every pending row (640k after a daily digest's poll for 15,000 chats). Real SQLite, the
migration run on an archive as the previous version left it; the rows found are the same."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from migration_kit import archive_before

from digests import outbox_states
from digests.storage import Database

NOW = datetime(2026, 12, 2, 17, 5, tzinfo=UTC)


def _plan(db: Database) -> str:
    return " ".join(str(r[-1]) for r in db.db.execute(
        "explain query plan " + outbox_states.OLDEST_DUE, [NOW.isoformat(), 10]))


def test_the_oldest_due_rows_are_read_through_the_new_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with archive_before(path, "056_outbox_due_index") as old:
        old.db.execute("pragma foreign_keys = off")
        for chat in range(1, 41):
            old.db.execute("insert into chats (id, created_at) values (?, ?)",
                           [chat, NOW.isoformat()])
        for n in range(400):  # story by story across chats; the first 100 sent, some later
            old.db.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                           " not_before, created_at) values (?, ?, ?, 'daily:2026-12-02', ?,"
                           " ?, ?)", [1 + n % 40, n // 40, n // 40,
                                      "sent" if n < 100 else "pending",
                                      "2026-12-03T17:00:00+00:00" if n % 7 == 0 else None,
                                      NOW.isoformat()])
        old.db.conn.commit()
        # X122: due_rows reads the items column of migration 059 (null: a row of one story)
        old.db.execute("alter table outbox add column items text")
        assert "outbox_pending" not in _plan(old) and "TEMP B-TREE" in _plan(old)
        before = _stories(outbox_states.due_rows(old, NOW, limit=10, per_chat=5))
    with Database(path) as db:
        assert "056_outbox_due_index" in db.applied_migrations()
        plan = _plan(db)
        assert "USING INDEX outbox_pending (status=?)" in plan and "TEMP B-TREE" not in plan, plan
        after = _stories(outbox_states.due_rows(db, NOW, limit=10, per_chat=5))
    # the same stories for the same chats (X122: migration 059 folds a chat's pending daily
    # rows into one row of items, so the row ids are not the same)
    assert after == before and len({r[0] for r in after}) == 10


def _stories(rows: list[outbox_states.DueRow]) -> list[tuple[int, int, int | None, str]]:
    return [(r.chat_id, r.story_id, r.article_id, r.kind) for r in rows]
