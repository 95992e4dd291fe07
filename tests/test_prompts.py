"""Stored «➕ أضف موضوعًا» prompts (digests.prompts, migration 029_pending_prompts) on a real
SQLite database: remembered, answered within their time, expired after it, pruned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from digests import prompts
from digests.storage import Database

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_a_prompt_is_answered_until_it_expires(tmp_path: Path) -> None:
    db = Database(tmp_path / "n.db")
    prompts.remember(db, 7, 101, -100555, now=NOW)
    assert prompts.prompted(db, 7, 101, now=NOW) == -100555
    assert prompts.prompted(db, 7, 101, now=NOW + prompts.PROMPT_TTL - timedelta(seconds=1)) \
        == -100555  # a second reply too: the prompt stays
    assert prompts.prompted(db, 7, 102, now=NOW) is None  # another message
    assert prompts.prompted(db, 8, 101, now=NOW) is None  # the same id in another chat
    assert prompts.prompted(db, 7, 101, now=NOW + prompts.PROMPT_TTL) is None
    db.close()
    again = Database(tmp_path / "n.db")  # a restart: the prompt is still there
    assert prompts.prompted(again, 7, 101, now=NOW) == -100555
    again.close()


def test_expired_prompts_are_pruned_when_another_is_stored(tmp_path: Path) -> None:
    db = Database(tmp_path / "n.db")
    prompts.remember(db, 7, 101, -1, now=NOW)
    prompts.remember(db, 7, 102, -2, now=NOW + timedelta(hours=1), ttl=timedelta(minutes=5))
    prompts.remember(db, 9, 5, -3, now=NOW + prompts.PROMPT_TTL + timedelta(minutes=1))
    left = db.db.execute("select chat_id, message_id from pending_prompts order by 1, 2"
                         ).fetchall()
    assert left == [(9, 5)]
    db.close()
