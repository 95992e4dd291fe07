"""Brief X75 item 1 (X72's «Left»): since X72 a club's nickname is the club («الريدز» is
«ليفربول»), but a chat that followed both before kept two rows — /topics listed both and
/unsubscribe of one left the other. Migration 046_merge_nickname_topics merges them
(digests.subscription_rekeys.rekey_merging with one_name): the chat keeps its oldest row, and
its own settings (mode, hour, quiet hours, muted sites) are untouched. The database is made as
the old code left it (046 not applied, the old rows inserted directly), then the real Database
opens it (migrating) and the real bot answers through the emulator."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions as subs
from digests.storage import Database

OTHER = 4343  # follows the club once, under its nickname only: nothing to merge
SETTINGS = "select mode, daily_hour, quiet_start, quiet_end, time_zone from chats where id = ?"


def _old_database(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        for chat in (READER, OTHER):
            db.db.execute("insert or ignore into chats (id, type, created_at) values"
                          " (?, 'private', '2018-03-01T00:00:00+00:00')", [chat])
        db.db.execute("update chats set mode = 'daily', daily_hour = 8, quiet_start = 22,"
                      " quiet_end = 6 where id = ?", [READER])
        source = db.db.execute("select min(id) from sources").fetchone()[0]
        db.db.execute("insert or ignore into chat_muted_sources (chat_id, source_id, created_at)"
                      " values (?, ?, '2018-03-01T00:00:00+00:00')", [READER, source])
    con = sqlite3.connect(path)
    with con:
        con.execute("delete from _migrations where name = '046_merge_nickname_topics'")
        con.execute("delete from subscriptions where chat_id in (?, ?)", [READER, OTHER])
        con.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                        " values (?,?,?,?)", [
                            (READER, "الريدز", "ريدز", "2018-03-01T10:00:00+00:00"),
                            (READER, "ليفربول", "ليفربول", "2018-03-05T10:00:00+00:00"),
                            (READER, "البارسا", "بارسا", "2018-03-06T10:00:00+00:00"),
                            (READER, "برشلونة", "برشلونه", "2018-03-02T10:00:00+00:00"),
                            (READER, "الغوطة", "غوطه", "2018-03-03T10:00:00+00:00"),
                            (OTHER, "الريدز", "ريدز", "2018-03-02T10:00:00+00:00")])
    con.close()
    return path


async def test_a_nickname_and_its_club_become_one_subscription(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    con = sqlite3.connect(path)
    settings_before = con.execute(SETTINGS, [READER]).fetchone()
    muted_before = con.execute("select source_id from chat_muted_sources where chat_id = ?",
                               [READER]).fetchall()
    con.close()
    with Database(path) as db:
        assert "046_merge_nickname_topics" in db.applied_migrations()
        reader = [(s.topic, s.created_at.isoformat()) for s in subs.list_subscriptions(db, READER)]
        other = [s.topic for s in subs.list_subscriptions(db, OTHER)]
        assert db.db.execute(SETTINGS, [READER]).fetchone() == settings_before
        assert db.db.execute("select source_id from chat_muted_sources where chat_id = ?",
                             [READER]).fetchall() == muted_before
    # the oldest of each pair stays as written: «الريدز» (1 Mar) and «برشلونة» (2 Mar)
    assert sorted(reader) == sorted([("الريدز", "2018-03-01T10:00:00+00:00"),
                                     ("برشلونة", "2018-03-02T10:00:00+00:00"),
                                     ("الغوطة", "2018-03-03T10:00:00+00:00")])
    assert other == ["الريدز"]
    async with running_bot(path) as h:
        # following the club again is what the chat follows already; stopping it stops both
        await h.say(READER, "/subscribe ليفربول")
        assert sorted(s.topic for s in subs.list_subscriptions(h.db, READER)) == sorted(
            ["الريدز", "برشلونة", "الغوطة"])
        await h.say(READER, "/unsubscribe ليفربول")
        await h.say(READER, "/unsubscribe البارسا")
        assert [s.topic for s in subs.list_subscriptions(h.db, READER)] == ["الغوطة"]
