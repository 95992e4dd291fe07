"""QA73-3: «✅ نعم، ألغِ الكل» removes every listed topic in one transaction — a database that
fails halfway (here a trigger refusing the second delete as a lock would) removes none, not the
first few, and a second press removes them all. The real bot against the emulator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions as subs
from digests.storage import Database

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


def _topics(db: Database, chat_id: int) -> list[str]:
    return [s.topic for s in subs.list_subscriptions(db, chat_id)]


async def test_a_failure_halfway_removes_no_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة، لبنان، النفط")
        [ask] = await h.say(READER, "/unsubscribe الكل")
        h.db.conn.execute("create trigger refuse_second before delete on subscriptions"
                          " when old.topic = 'لبنان'"
                          " begin select raise(abort, 'database is locked'); end")
        await h.click_answer(ask, "✅ نعم، ألغِ الكل")
        assert _topics(h.db, READER) == ["الغوطة", "لبنان", "النفط"]
        h.db.conn.execute("drop trigger refuse_second")
        done = await h.click_answer(ask, "✅ نعم، ألغِ الكل")
        assert done.get("text") == "✅ أُلغيت كل المتابعات (٣)"
        assert _topics(h.db, READER) == []


def test_unsubscribe_ids_is_one_transaction(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    ids = [subs.subscribe(database, 1, topic, now=NOW)[0].id for topic in ("مصر", "سوريا")]
    database.conn.execute("create trigger refuse before delete on subscriptions"
                          " when old.topic = 'سوريا'"
                          " begin select raise(abort, 'database is locked'); end")
    try:
        subs.unsubscribe_ids(database, 1, [(i, None) for i in ids], now=NOW)
    except Exception as exc:  # noqa: BLE001 - what the trigger raised
        assert "locked" in str(exc)
    assert _topics(database, 1) == ["مصر", "سوريا"]
    database.conn.execute("drop trigger refuse")
    removed = subs.unsubscribe_ids(database, 1, [(ids[1], "wrong key"), (ids[0], None)], now=NOW)
    assert [s.topic for s in removed] == ["مصر"]  # a row no longer following its key stays
