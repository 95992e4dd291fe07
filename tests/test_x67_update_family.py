"""X67: story_updates.update_articles (the sender's «🔄 تحديث» test) finds the chat's earlier
sent row under any id of the story's merge family — a story's update or a correction queued
after a merge has the surviving id while the chat's sent row keeps the merged one, and an update
left waiting under a merged id (outbox_upkeep keeps it) has a sent row under the surviving one.
Real SQLite, rows as the outbox keeps them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from delivery_helpers import add_chat
from digests import stories
from digests.models import iso
from digests.storage import Database
from digests.story_updates import update_articles
from story_helpers import add_source, insert_article

T0 = datetime(2026, 3, 3, 7, 0, tzinfo=timezone.utc)


def _row(tx: object, chat: int, story: int, article: int, status: str, minutes: int) -> int:
    sent = iso(T0 + timedelta(minutes=minutes)) if status == "sent" else None
    cur = tx.execute(  # type: ignore[attr-defined]
        "insert into outbox (chat_id, story_id, article_id, kind, status, sent_at, created_at)"
        " values (?, ?, ?, ?, ?, ?, ?)",
        [chat, story, article, f"k{minutes}", status, sent, iso(T0)])
    return int(cur.lastrowid)


def test_an_update_after_a_merge_is_one_whichever_id_the_rows_have(database: Database) -> None:
    for chat in (7, 8, 9):
        add_chat(database, chat)
    source = add_source(database, "wire", T0)
    with database.transaction() as tx:
        ids = [insert_article(tx, source, f"خبر {n}", f"نص الخبر رقم {n}.", T0, T0).id
               for n in range(6)]
        for n in (1, 2, 3, 4):
            tx.execute("insert into stories (id, created_at) values (?, ?)", [n, iso(T0)])
        _row(tx, 7, 2, ids[0], "sent", 0)    # 7 was sent story 2 before it merged into 1
        _row(tx, 8, 1, ids[1], "sent", 0)    # 8 was sent story 1 itself
        _row(tx, 9, 3, ids[2], "sent", 0)    # 9 was sent story 3, merged into 1 as well
        _row(tx, 9, 4, ids[3], "sent", 0)
        stories.merge_stories(tx, 1, 2, T0 + timedelta(minutes=5))
        stories.merge_stories(tx, 1, 3, T0 + timedelta(minutes=5))
        later = [_row(tx, 7, 1, ids[4], "pending", 10),   # queued after the merge: id 1
                 _row(tx, 8, 2, ids[4], "pending", 10),   # left waiting under merged id 2
                 _row(tx, 9, 2, ids[5], "pending", 10),   # 9 had its sibling, story 3
                 _row(tx, 7, 4, ids[5], "pending", 10)]   # story 4 is not of the family
    assert [a in update_articles(database.db, [r]) for r, a in
            zip(later, [ids[4], ids[4], ids[5], ids[5]])] == [True, True, True, False]
    # the first row of a chat that was never sent the story is no update
    add_chat(database, 10)
    with database.transaction() as tx:
        first = _row(tx, 10, 1, ids[4], "pending", 10)
    assert update_articles(database.db, [first]) == set()
