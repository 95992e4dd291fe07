"""Brief X49 item 4: a subscription stored as «يوم الأرض» before X46 has the key «ارض» (the old
key function left «يوم» out); following it again made a second row. Migration
036_rekey_day_topics keys it as now and merges the chat's rows, the older kept. The database is
made as the old code left it: the old key inserted directly, the migration not yet applied;
then the real Database opens it (migrating) and the real bot answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions as subs
from digests import topic_keys
from digests.storage import Database

OTHER = 4242  # a second reader, who followed it only before X46


def _old_database(tmp_path: Path) -> Path:
    """A database whose subscriptions were written before X46 (and one since), 036 pending."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        for chat in (READER, OTHER):
            db.db.execute("insert or ignore into chats (id, type, created_at) values"
                          " (?, 'private', '2018-03-01T00:00:00+00:00')", [chat])
    con = sqlite3.connect(path)
    with con:
        con.execute("delete from _migrations where name = '036_rekey_day_topics'")
        con.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                        " values (?,?,?,?)", [
                            (READER, "يوم الأرض", "ارض", "2018-03-01T10:00:00+00:00"),  # before
                            (READER, "يوم الأرض", "يوم ارض", "2018-04-01T10:00:00+00:00"),  # since
                            (OTHER, "يوم الأرض", "ارض", "2018-03-02T10:00:00+00:00"),
                            (OTHER, "الغوطة", "غوطه", "2018-03-02T11:00:00+00:00")])
    con.close()
    return path


async def test_old_day_topics_are_rekeyed_and_merged_on_open(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    before = {r[0] for r in sqlite3.connect(path).execute("select id from subscriptions")}
    with Database(path) as db:
        assert "036_rekey_day_topics" in db.applied_migrations()
        rows = [dict(r) for r in db.db.query(
            "select id, chat_id, topic, topic_key, created_at from subscriptions"
            " where topic = 'يوم الأرض' order by chat_id")]
        ghouta = next(db.db.query("select topic_key from subscriptions where topic = 'الغوطة'"))
    # one row each, keyed as now; the reader keeps the older row (its id and created_at)
    assert [(r["chat_id"], r["topic_key"]) for r in rows] == [(READER, "يوم ارض"),
                                                               (OTHER, "يوم ارض")]
    assert rows[0]["created_at"] == "2018-03-01T10:00:00+00:00"
    assert rows[0]["id"] == min(before)
    assert ghouta["topic_key"] == topic_keys.key_of("الغوطة")  # untouched: its key is still right
    async with running_bot(path) as h:
        # following it again is following what the chat follows already: no second row
        await h.say(OTHER, "/subscribe يوم الأرض")
        await h.say(READER, "/subscribe يوم الأرض")
        assert [s.topic for s in subs.list_subscriptions(h.db, OTHER)].count("يوم الأرض") == 1
        assert [s.topic for s in subs.list_subscriptions(h.db, READER)] == ["يوم الأرض"]
        # and /unsubscribe typed the same way finds it
        await h.say(OTHER, "/unsubscribe يوم الأرض")
        assert [s.topic for s in subs.list_subscriptions(h.db, OTHER)] == ["الغوطة"]
