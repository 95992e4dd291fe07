"""Brief X137: since a topic's word forms are one topic (digests.word_forms, digests.plurals),
a chat that followed two forms before («غارة» and «غارات», «المرأة» and «امرأة») keeps one row:
migration 062_word_form_topics (digests.subscription_rekeys.rekey_merging with one_name), as 046
did for nicknames. The database is made as the old code left it (062 not applied, the old rows
inserted directly); the real Database opens it, migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botkit import READER, sample_db

from digests import subscriptions as subs
from digests.storage import Database

OTHER = 4343  # follows one form only: nothing to merge


def test_two_forms_of_one_topic_become_one_subscription(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        for chat in (READER, OTHER):
            db.db.execute("insert or ignore into chats (id, type, created_at) values"
                          " (?, 'private', '2018-03-01T00:00:00+00:00')", [chat])
    con = sqlite3.connect(path)
    with con:
        con.execute("delete from _migrations where name = '062_word_form_topics'")
        con.execute("delete from subscriptions where chat_id in (?, ?)", [READER, OTHER])
        con.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                        " values (?,?,?,?)", [
                            (READER, "غارات", "غارات", "2018-03-01T10:00:00+00:00"),
                            (READER, "غارة", "غاره", "2018-03-05T10:00:00+00:00"),
                            (READER, "المرأة", "مراه", "2018-03-06T10:00:00+00:00"),
                            (READER, "امرأة", "امراه", "2018-03-02T10:00:00+00:00"),
                            (READER, "الغوطة", "غوطه", "2018-03-03T10:00:00+00:00"),
                            (OTHER, "يقصف", "يقصف", "2018-03-02T10:00:00+00:00")])
    con.close()
    with Database(path) as db:
        assert "062_word_form_topics" in db.applied_migrations()
        reader = sorted(s.topic for s in subs.list_subscriptions(db, READER))
        other = [s.topic for s in subs.list_subscriptions(db, OTHER)]
    assert reader == sorted(["غارات", "امرأة", "الغوطة"])  # the oldest of each pair stays
    assert other == ["يقصف"]
