"""QA72-4: queueing an article's deliveries costs per group of chats, not per chat.

A poll into an archive with 15,000 chats spent its time queueing rows: every follower's row
time was worked out again (next_daily for each chat) and a second report of a story asked each
follower one query for an update. Counted here (statements, calls), never timed."""

from __future__ import annotations

import pytest

from delivery_helpers import NOW, add_article, add_source, ctx, rows
from digests import delivery_times, new_deliveries
from digests.models import iso
from digests.storage import Database

CHATS = 300


def _many_daily_chats(db: Database) -> None:
    with db.transaction() as tx:
        # two groups of timing settings: daily at 8 and at 20, quiet hours off
        tx.conn.executemany(
            "insert into chats (id, mode, daily_hour, quiet_start, quiet_end, created_at)"
            " values (?, 'daily', ?, null, null, 'x')",
            [(i, 8 if i % 2 else 20) for i in range(100, 100 + CHATS)])
        tx.conn.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                            " values (?, '', '', 'x')", [(i,) for i in range(100, 100 + CHATS)])


def test_row_times_are_worked_out_once_a_settings_group(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    src = [add_source(database, n) for n in "ab"]
    _many_daily_chats(database)
    calls = []
    real = delivery_times.next_daily

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(new_deliveries, "next_daily", counted)
    add_article(database, src[0], "قمة", story_id=1)
    art = add_article(database, src[1], "قمة", story_id=1)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, art, ctx())
    got = rows(database)
    assert len(got) == CHATS
    assert len(calls) <= 2  # was one a chat (300)
    chats = {c["id"]: c for c in database.db.query("select * from chats")}
    for row in got:  # the same kind and time as each chat's own next_daily
        kind, when = real(NOW, chats[row["chat_id"]])
        assert (row["kind"], row["not_before"]) == (kind, iso(when))


def test_a_second_report_asks_about_updates_once_not_once_a_follower(
        database: Database) -> None:
    src = [add_source(database, n) for n in "abc"]
    _many_daily_chats(database)
    add_article(database, src[0], "قمة", story_id=1)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, add_article(database, src[1], "قمة", story_id=1),
                                       ctx())
    assert len(rows(database)) == CHATS
    third = add_article(database, src[2], "قمة ثالثة", story_id=1)
    statements: list[str] = []
    database.conn.set_trace_callback(statements.append)
    try:
        with database.transaction() as tx:  # every follower has the story waiting: no update
            new_deliveries.enqueue_article(tx, third, ctx())
    finally:
        database.conn.set_trace_callback(None)
    assert len(rows(database)) == CHATS
    # what a chat had of the story (digests.story_updates): one query, was one a follower
    asked = [s for s in statements if "sum(o.status in ('pending', 'sending'))" in s]
    assert len(asked) == 1, len(asked)


def test_the_one_row_a_story_check_searches_the_chat_and_story(database: Database) -> None:
    """A chat's every row was read for each new row (`story_id = ? or …` used only chat_id of
    outbox_chat): a daily reader keeps ~46 rows a day for 30 days. The check now searches
    (chat_id, story_id) and nothing scans the chat's rows."""
    src = add_source(database, "a")
    _many_daily_chats(database)
    statements: list[str] = []
    database.conn.set_trace_callback(statements.append)
    try:
        with database.transaction() as tx:
            new_deliveries.insert_rows(tx, [(100, 1, add_article(database, src, "قمة",
                                                                  story_id=1).id,
                                             "instant", None)], NOW)
    finally:
        database.conn.set_trace_callback(None)
    [insert] = [s for s in statements if s.lstrip().startswith("insert or ignore into outbox")]
    plan = [row[-1] for row in database.conn.execute(f"explain query plan {insert}")]
    searches = [p for p in plan if "outbox_chat" in p]
    assert searches and all("chat_id=? AND story_id=?" in p for p in searches), plan
