"""X122: a daily chat's new stories of a date are items of one outbox row
(digests.daily_rows). The guarantees per-story rows gave, one by one: a story never twice
(whatever the kind), a poll's items added after the sender read the row go to the next digest
(not marked sent unseen), a story still reported keeps its item past the 30-day prune, a
switch to instant turns the items into alerts, and migration 059 folds the pending per-story
rows into one. Real SQLite, invented stories (delivery_helpers)."""

from __future__ import annotations

from datetime import timedelta

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests import (
    daily_item_changes,
    daily_rows,
    new_deliveries,
    outbox_states,
    outbox_upkeep,
    subscriptions,
)
from digests.daily_row_schema import fold_pending
from digests.models import Article, iso
from digests.storage import Database


def _enqueue(db: Database, article: Article, minutes: int = 0) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(NOW + timedelta(minutes=minutes)))


def _stories(db: Database, chat_id: int) -> list[tuple[int, str, str]]:
    return [(int(r[0]), str(r[1]), str(r[2])) for r in db.db.execute(
        "select story_id, kind, status from outbox_stories where chat_id = ? order by id, part",
        [chat_id])]


def _day(db: Database, n: int = 5) -> list[Article]:
    src = add_source(db, "a")
    add_chat(db, 1, topics=("سوريا",), mode="daily", daily_hour=20)
    arts = [add_article(db, src, f"سوريا: خبر رقم {i}", story_id=100 + i) for i in range(n)]
    for i, a in enumerate(arts):
        _enqueue(db, a, i)
    return arts


def test_a_days_stories_are_one_row(database: Database) -> None:
    _day(database)
    [row] = rows(database, "chat_id = 1")
    assert row["story_id"] == 0 and row["kind"] == "daily:2026-11-29"
    assert [it[daily_rows.STORY] for it in daily_rows.parse(str(row["items"]))] == \
        [100, 101, 102, 103, 104]
    # as one story a line, what the rows said
    assert [s for s, _k, _st in _stories(database, 1)] == [100, 101, 102, 103, 104]


def test_a_story_held_as_an_item_is_never_queued_again(database: Database) -> None:
    arts = _day(database, 2)
    src = add_source(database, "b")
    again = add_article(database, src, "سوريا: خبر رقم 0 من مصدر آخر", story_id=100)
    _enqueue(database, again, 10)
    assert [s for s, _k, _st in _stories(database, 1)] == [100, 101]
    # nor as an alert after the chat turned instant, nor by a push of it
    with database.transaction() as tx:
        tx.execute("update chats set mode = 'instant' where id = 1")
        from digests.delivery_times import retime_chat
        retime_chat(tx, 1, NOW + timedelta(minutes=11))
    assert _stories(database, 1) == [(100, "instant", "pending"), (101, "instant", "pending")]
    assert arts[0].id is not None
    with database.transaction() as tx:
        assert new_deliveries.insert_rows(tx, [(1, 100, arts[0].id, "instant", None)], NOW) == 0


def test_items_added_after_the_plan_read_the_row_go_to_the_next_digest(
        database: Database) -> None:
    _day(database, 3)
    due = NOW.replace(hour=17)  # 20:00 UTC+3
    read = outbox_states.due_rows(database, due)
    assert [r.story_id for r in read] == [100, 101, 102] and {r.seen for r in read} == {3}
    late = add_article(database, add_source(database, "c"), "سوريا: خبر متأخر", story_id=200)
    _enqueue(database, late, 10)  # the poll commits between the plan's read and its claim
    [row_id] = {r.id for r in read}
    assert outbox_states.claim(database, [row_id], [(row_id, 3)]) == [row_id]
    claimed = daily_rows.parse(str(rows(database, "id = ?", [row_id])[0]["items"]))
    assert [it[daily_rows.STORY] for it in claimed] == [100, 101, 102]
    assert (200, "daily:2026-11-30", "pending") in _stories(database, 1)


def test_a_story_still_reported_keeps_its_item_past_the_prune(database: Database) -> None:
    arts = _day(database, 2)
    [row] = rows(database, "chat_id = 1")
    later = NOW + timedelta(days=31)
    with database.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                   [iso(NOW), row["id"]])
        # story 101 had a report fetched yesterday: a chat must not get it twice
        tx.execute("update articles set fetched_at = ? where id = ?",
                   [iso(later - timedelta(days=1)), arts[1].id])
    outbox_upkeep.prune(database, later)
    assert _stories(database, 1) == [(101, "daily:2026-11-29", "sent")]
    with database.transaction() as tx:
        tx.execute("update articles set fetched_at = ? where id = ?", [iso(NOW), arts[1].id])
    outbox_upkeep.prune(database, later)
    assert rows(database, "chat_id = 1") == []


def test_a_muted_or_unfollowed_item_is_skipped_alone(database: Database) -> None:
    _day(database, 3)
    [row] = rows(database, "chat_id = 1")
    daily_item_changes.skip_items(database.db, [(int(str(row["id"])), 1)], "muted")
    assert _stories(database, 1) == [(100, "daily:2026-11-29", "pending"),
                                     (101, "daily:2026-11-29", "skipped"),
                                     (102, "daily:2026-11-29", "pending")]
    subscriptions.subscribe(database, 1, "مصر", now=NOW)
    subscriptions.unsubscribe(database, 1, "سوريا", now=NOW)
    assert {st for _s, _k, st in _stories(database, 1)} == {"skipped"}
    assert rows(database, "chat_id = 1")[0]["status"] == "skipped"  # nothing left to send


def test_migration_059_folds_a_chats_pending_daily_rows(database: Database) -> None:
    src = add_source(database, "a")
    add_chat(database, 1, mode="daily", daily_hour=20)
    arts = [add_article(database, src, f"خبر {i}", story_id=300 + i) for i in range(3)]
    with database.transaction() as tx:  # as the previous version queued them
        for a in arts:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                       " created_at) values (1, ?, ?, 'daily:2026-11-29',"
                       " '2026-11-29T17:00:00+00:00', ?)", [a.story_id, a.id, iso(NOW)])
    before = outbox_states.due_rows(database, NOW.replace(hour=18))
    with database.transaction() as tx:
        assert fold_pending(tx, NOW) == 3
    after = outbox_states.due_rows(database, NOW.replace(hour=18))
    assert len(rows(database, "chat_id = 1")) == 1
    assert [(r.story_id, r.article_id, r.kind) for r in after] == \
        [(r.story_id, r.article_id, r.kind) for r in before]
    # ranked as the rows were: the newest queued first among equals
    assert [r.queued for r in after] == sorted(r.queued for r in after)


def test_a_push_between_the_plan_and_the_claim_sends_the_story_once(database: Database) -> None:
    from digests.push_queue import _take_item

    _day(database, 3)
    read = outbox_states.due_rows(database, NOW.replace(hour=17))
    [row_id] = {r.id for r in read}
    with database.transaction() as tx:  # /push of story 101 while the digest is being made
        assert _take_item(tx, 1, 101, "push:1")
    [push] = rows(database, "kind = 'push:1'")
    # the digest's message shows story 101: the push's row of it goes with that message
    assert outbox_states.claim(database, [row_id], [(row_id, 3)]) == sorted([row_id, push["id"]])
    assert rows(database, "id = ?", [push["id"]])[0]["status"] == "sending"
