"""QA74-14 (X118): a higher toll published a few seconds before the chat's delivery of the
story's first report — fetched and stored after it, never sent — comes as an update: in the
next daily digest for a daily chat (the tester's reader had switched to daily), at once for an
instant one. The cause was not the daily mode but the rule «a report published before the last
delivery is no update»: it now holds for a report no newer than the one the chat read, or one
with nothing new. Invented texts; real SQLite (digests.new_deliveries → story_updates)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests import new_deliveries
from digests.models import Article, iso
from digests.storage import Database

FIRST = ("سوريا: مقتل 12 مدنيا في قصف على ريف إدلب", "قتل 12 مدنيا في قصف على ريف إدلب في سوريا.")
TOLL = ("سوريا: ارتفاع حصيلة قصف ريف إدلب إلى 27 قتيلا و40 جريحا",
        "ارتفعت حصيلة القصف على ريف إدلب في سوريا إلى 27 قتيلا.")
LATE = ("سوريا: 27 قتيلا في قصف على ريف إدلب", "قتل 27 شخصا في القصف على ريف إدلب في سوريا.")
RETOLD = ("سوريا: 12 قتيلا في قصف على ريف إدلب", "قتل 12 مدنيا في قصف جوي على ريف إدلب.")


def _enqueue(db: Database, article: Article, now: datetime) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(now))


def _story_sent(db: Database, mode: str) -> tuple[int, datetime]:
    """Chat 1 follows «سوريا» and was sent FIRST (published NOW - 10 min) at NOW + 25 s, then
    turned `mode`. Returns the source and the delivery time."""
    src = add_source(db, "a")
    add_chat(db, 1, topics=("سوريا",), mode=mode, daily_hour=18)
    first = add_article(db, src, FIRST[0], body=FIRST[1], story_id=12,
                        published=NOW - timedelta(minutes=10))
    sent = NOW + timedelta(seconds=25)
    with db.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (1, 12, ?, 'instant', ?, 'sent', ?)",
                   [first.id, iso(NOW), iso(sent)])
    return src, sent


def _fetched(db: Database, article: Article, when: datetime) -> None:
    """The report reached the archive at `when` (the next poll), whatever its site's date."""
    with db.transaction() as tx:
        tx.execute("update articles set fetched_at = ? where id = ?", [iso(when), article.id])


@pytest.mark.parametrize("mode", ["daily", "instant"])
def test_a_higher_toll_published_just_before_the_delivery_comes_as_an_update(
        database: Database, mode: str) -> None:
    src, sent = _story_sent(database, mode)
    toll = add_article(database, src, TOLL[0], body=TOLL[1], story_id=12, published=NOW)
    _fetched(database, toll, sent + timedelta(minutes=1))
    _enqueue(database, toll, sent + timedelta(minutes=1))
    [row] = rows(database, "article_id = ?", [toll.id])
    assert row["status"] == "pending"
    assert str(row["kind"]).startswith("daily:" if mode == "daily" else "update:")


def test_an_older_or_same_report_published_before_the_delivery_is_still_none(
        database: Database) -> None:
    src, sent = _story_sent(database, "daily")
    # a retelling of the same toll, published between the read report and its delivery
    retold = add_article(database, src, RETOLD[0], body=RETOLD[1], story_id=12, published=NOW)
    _fetched(database, retold, sent + timedelta(minutes=1))
    _enqueue(database, retold, sent + timedelta(minutes=1))
    # a higher toll published before the report the chat read: older news, fetched late
    old = add_article(database, src, TOLL[0], body=TOLL[1], story_id=12,
                      published=NOW - timedelta(minutes=20))
    _fetched(database, old, sent + timedelta(minutes=2))
    _enqueue(database, old, sent + timedelta(minutes=2))
    assert rows(database, "article_id in (?, ?)", [retold.id, old.id]) == []


def test_an_admins_push_takes_the_daily_chats_waiting_update_now(database: Database) -> None:
    """QA74-14's second half: «/push سوريا» answered «nothing new» to the daily reader; its
    waiting update goes with the push (push_queue._take_daily, X114)."""
    from digests.archive import get_article
    from digests.push_queue import enqueue_push
    from digests.search_index import index_article

    src, sent = _story_sent(database, "daily")
    toll = add_article(database, src, TOLL[0], body=TOLL[1], story_id=12, published=NOW)
    _fetched(database, toll, sent + timedelta(minutes=1))
    _enqueue(database, toll, sent + timedelta(minutes=1))
    with database.transaction() as tx:  # the search /push asks (the ingest indexes)
        for r in tx.query("select id from articles"):
            a = get_article(tx, r["id"])
            assert a is not None
            index_article(tx, a, ctx())
    plan = enqueue_push(database, topic="سوريا", now=sent + timedelta(minutes=2))
    [row] = rows(database, "article_id = ?", [toll.id])
    assert (row["kind"], row["not_before"], plan.chats) == (plan.kind, None, 1)


def test_a_late_retelling_of_a_toll_stored_by_the_delivery_is_none(database: Database) -> None:
    """The delivery may have shown the story under another report (digests.story_face): a
    27-dead report stored before it went out. Another site's 27, dated before the delivery and
    fetched after, tells the chat nothing new."""
    src, sent = _story_sent(database, "instant")
    face = add_article(database, src, TOLL[0], body=TOLL[1], story_id=12,
                       published=NOW - timedelta(minutes=5))
    _fetched(database, face, NOW)
    late = add_article(database, add_source(database, "b"), LATE[0], body=LATE[1], story_id=12,
                       published=NOW)
    _fetched(database, late, sent + timedelta(minutes=3))
    _enqueue(database, late, sent + timedelta(minutes=3))
    assert rows(database, "article_id = ?", [late.id]) == []
