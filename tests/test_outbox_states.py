"""digests.outbox_states: the sender's state changes on the outbox (whole chats due, chat migration)."""

from __future__ import annotations

from datetime import datetime

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests import new_deliveries, outbox_states
from digests.storage import Database


def enqueue(db: Database, article: object, now: datetime = NOW) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(now, False))  # type: ignore[arg-type]


def test_due_rows_never_cut_a_chat_in_two(database: Database) -> None:
    """QA12 F3: the limit fell inside a chat's rows, so its digest went out as two messages; a
    chat's rows queued long after (a daily digest's second topic) came in a later plan."""
    for chat in (1, 2, 3):
        add_chat(database, chat, topics=("الغوطة",))
    src = add_source(database, "a")
    for i in range(3):
        enqueue(database, add_article(database, src, f"الغوطة {i}", story_id=i + 1))
    # Queued later, after every other row: chat 1's row of another story.
    late = add_article(database, src, "خبر آخر", story_id=9)
    database.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                        " values (1, 9, ?, 'instant', ?)", [late.id, NOW.isoformat()])
    # Rows by id: (1,s1) (2,s1) (3,s1) (1,s2) …; the 2 oldest name chats 1 and 2.
    due = outbox_states.due_rows(database, NOW, limit=2)
    assert [d.chat_id for d in due] == [1, 1, 1, 1, 2, 2, 2]
    assert [d.story_id for d in due if d.chat_id == 1] == [1, 2, 3, 9]
    capped = outbox_states.due_rows(database, NOW, limit=2, per_chat=2)
    assert [(d.chat_id, d.story_id) for d in capped] == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert [d.chat_id for d in outbox_states.due_rows(database, NOW, limit=1)] == [1, 1, 1, 1]
    others = outbox_states.due_rows(database, NOW, limit=2, exclude_chats={1})
    assert [d.chat_id for d in others] == [2, 2, 2, 3, 3, 3]


def test_move_chat_keeps_rows_and_never_duplicates(database: Database) -> None:
    add_chat(database, -5, topics=("الغوطة",), type="group")
    src = add_source(database, "a")
    for i in range(2):
        enqueue(database, add_article(database, src, f"الغوطة {i}", story_id=i + 1))
    outbox_states.move_chat(database, -5, -1005)  # new id unknown: the chat row moves with its rows
    assert {r["chat_id"] for r in rows(database)} == {-1005}
    assert database.db.execute("select topic from subscriptions where chat_id = -1005"
                               ).fetchone()[0] == "الغوطة"
    # Into an existing chat that already has story 1: only story 2's row moves.
    add_chat(database, -7, topics=("الغوطة",), type="group")
    add_chat(database, -8, topics=("الغوطة",), type="supergroup")
    database.db.execute("insert into outbox (chat_id, story_id, kind, created_at, status)"
                        " select -7, story_id, kind, created_at, 'pending' from outbox")
    database.db.execute("insert into outbox (chat_id, story_id, kind, created_at, status)"
                        " values (-8, 1, 'instant', 'x', 'sent')")
    outbox_states.move_chat(database, -7, -8)
    types = dict(database.db.execute("select id, type from chats").fetchall())
    assert types == {-1005: "supergroup", -8: "supergroup"}  # -5 moved, -7 merged into -8
    assert sorted((r["chat_id"], r["story_id"]) for r in rows(database, "chat_id in (-7, -8)")
                  ) == [(-8, 1), (-8, 2)]
