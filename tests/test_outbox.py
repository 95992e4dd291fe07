"""The delivery outbox: who gets which story, when, and exactly one row per chat and story."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, later, rows
from bot.pushes import failure_reasons
from bot.zones import set_fixed_offset, set_zone
from digests import (
    bundle_facts,
    delivery_times,
    new_deliveries,
    outbox_states,
    outbox_upkeep,
    push_queue,
    story_updates,
    subscriptions,
)
from digests.models import iso, parse_iso
from digests.processing import default_steps
from digests.storage import Database


def enqueue(db: Database, article: object, now: datetime = NOW, backfill: bool = False) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(now, backfill))  # type: ignore[arg-type]


def test_is_the_last_processing_step() -> None:
    assert default_steps()[-1] is new_deliveries.enqueue_article


def test_topic_subscribers_get_matching_story_once(database: Database) -> None:
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    add_chat(database, 1, topics=("الغوطة",))
    add_chat(database, 2, topics=("غوطة", "دمشق"))  # two matching topics → still one row
    add_chat(database, 3, topics=("بيروت",))
    add_chat(database, 4, topics=("الغوطة",), active=False)
    first = add_article(database, src1, "قصف على الغوطة الشرقية ودمشق", story_id=10)
    enqueue(database, first)
    got = rows(database)
    assert [(r["chat_id"], r["story_id"], r["kind"]) for r in got] == [
        (1, 10, "instant"), (2, 10, "instant")]
    assert all(r["status"] == "pending" and r["not_before"] is None for r in got)
    # A second report of the same story (another source) causes nothing new.
    second = add_article(database, src2, "الغوطة: قصف جديد", story_id=10)
    enqueue(database, second)
    assert len(rows(database)) == 2


def test_backfill_enqueues_nothing(database: Database) -> None:
    add_chat(database, 1, topics=("الغوطة",))
    art = add_article(database, add_source(database, "a"), "الغوطة", story_id=1)
    enqueue(database, art, backfill=True)
    assert rows(database) == []


def test_general_digest_takes_stories_reported_by_two_sources(database: Database) -> None:
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    add_chat(database, 1)  # topic '' = the general digest
    one = add_article(database, src1, "خبر أول", story_id=5)
    enqueue(database, one)
    assert rows(database) == []  # one source: not a top story yet
    two = add_article(database, src2, "خبر أول من مصدر آخر", story_id=5)
    enqueue(database, two)
    [r] = rows(database)
    assert (r["chat_id"], r["story_id"], r["article_id"]) == (1, 5, two.id)
    lone = add_article(database, src1, "خبر بلا قصة")
    enqueue(database, lone)
    assert len(rows(database)) == 1


def test_story_read_from_the_row_when_assigned_after_the_value(database: Database) -> None:
    add_chat(database, 1, topics=("الغوطة",))
    art = add_article(database, add_source(database, "a"), "الغوطة")
    database.db.execute("insert into stories (id, created_at) values (77, 'x')")
    database.db.execute("update articles set story_id = 77 where id = ?", [art.id])
    enqueue(database, art)  # the Article value still says story_id=None
    assert rows(database)[0]["story_id"] == 77
    nostory = add_article(database, add_source(database, "b"), "الغوطة مرة أخرى")
    enqueue(database, nostory)
    assert rows(database)[1]["story_id"] == -nostory.id


def test_daily_mode_and_quiet_hours(database: Database) -> None:
    # NOW is 09:00 UTC = 12:00 local (UTC+3).
    add_chat(database, 1, topics=("الغوطة",), mode="daily", daily_hour=8)
    add_chat(database, 2, topics=("الغوطة",), mode="daily", daily_hour=20)
    add_chat(database, 3, topics=("الغوطة",), quiet=(11, 14))  # quiet now, until 14:00 local
    add_chat(database, 4, topics=("الغوطة",), quiet=(22, 7))  # not quiet at noon
    enqueue(database, add_article(database, add_source(database, "a"), "الغوطة", story_id=1))
    got = {r["chat_id"]: r for r in rows(database)}
    assert got[1]["kind"] == "daily:2026-11-30"  # 08:00 local already passed today
    assert parse_iso(got[1]["not_before"]) == datetime(2026, 11, 30, 5, tzinfo=timezone.utc)
    assert got[2]["kind"] == "daily:2026-11-29"
    assert parse_iso(got[2]["not_before"]) == datetime(2026, 11, 29, 17, tzinfo=timezone.utc)
    assert got[3]["kind"] == "instant"
    assert parse_iso(got[3]["not_before"]) == datetime(2026, 11, 29, 11, tzinfo=timezone.utc)
    assert got[4]["not_before"] is None


def test_quiet_hours_wrapping_midnight() -> None:
    chat = {"utc_offset_minutes": 180, "quiet_start": 22, "quiet_end": 7}
    late = datetime(2026, 11, 29, 20, 30, tzinfo=timezone.utc)  # 23:30 local
    assert delivery_times.after_quiet(late, chat) == datetime(2026, 11, 30, 4, tzinfo=timezone.utc)
    early = datetime(2026, 11, 29, 1, 0, tzinfo=timezone.utc)  # 04:00 local
    assert delivery_times.after_quiet(early, chat) == datetime(2026, 11, 29, 4, tzinfo=timezone.utc)


def test_quiet_until_is_the_end_of_the_quiet_hours_now(database: Database) -> None:
    """QA19 N2: the sender asks at send time whether a chat is in its quiet hours."""
    add_chat(database, 1, quiet=(23, 7))  # UTC+3 (Asia/Riyadh)
    add_chat(database, 2)  # quiet hours off
    night = datetime(2026, 11, 29, 22, 30, tzinfo=timezone.utc)  # 01:30 local
    morning = datetime(2026, 11, 30, 4, tzinfo=timezone.utc)  # 07:00 local
    assert delivery_times.quiet_until(database.db, 1, night) == morning
    assert delivery_times.quiet_until(database.db, 1, morning) is None
    assert delivery_times.quiet_until(database.db, 1, NOW) is None  # noon
    assert delivery_times.quiet_until(database.db, 2, night) is None
    assert delivery_times.quiet_until(database.db, 3, night) is None  # no such chat


def test_follows_general(database: Database) -> None:
    add_chat(database, 1, topics=("", "الغوطة"))
    add_chat(database, 2, topics=("الغوطة",))
    assert bundle_facts.follows_general(database.db, 1)
    assert not bundle_facts.follows_general(database.db, 2)
    assert not bundle_facts.follows_general(database.db, 3)


def test_push_general_and_topic(database: Database) -> None:
    src = [add_source(database, n) for n in "abc"]
    # Story 1 has three sources, story 2 two, story 3 one; story 4 is old.
    for i, s in enumerate(src):
        add_article(database, s, f"قمة عربية {i}", story_id=1)
    add_article(database, src[0], "الغوطة تحت القصف", story_id=2)
    add_article(database, src[1], "قصف الغوطة", story_id=2)
    add_article(database, src[2], "خبر ثالث", story_id=3)
    add_article(database, src[2], "خبر قديم", story_id=4, published=NOW - timedelta(days=3))
    with database.transaction() as tx:
        from digests.search_index import index_article
        for r in tx.query("select id from articles"):
            from digests.archive import get_article
            a = get_article(tx, r["id"])
            assert a is not None
            index_article(tx, a, ctx())
    add_chat(database, 10)
    add_chat(database, 11, topics=("الغوطة", ""))
    add_chat(database, 12, topics=("بيروت", ""), active=False)
    add_chat(database, 13, topics=("الغوطة",))  # a topic only: not the general digest (QA5 N4)
    plan = push_queue.enqueue_push(database, topic=None, now=NOW, limit_stories=2)
    assert (plan.chats, plan.stories) == (2, 2)
    pushed = rows(database, "kind = ?", [plan.kind])
    assert [(r["chat_id"], r["story_id"]) for r in pushed] == [(10, 1), (10, 2), (11, 1), (11, 2)]
    # A topic push goes to that topic's subscribers only, and skips stories they already have.
    tplan = push_queue.enqueue_push(database, topic="غوطة", now=NOW)
    assert tplan.push_id == plan.push_id + 1 and tplan.stories >= 1
    # chat 11 already has story 2; chat 13 gets it now
    assert {r["chat_id"] for r in rows(database, "kind = ?", [tplan.kind])} == {13}
    assert tplan.chats == 1
    progress = push_queue.push_progress(database, plan.push_id)
    assert (progress.chats, progress.pending, progress.done) == (2, 2, False)


def _index_all(database: Database) -> None:
    from digests.archive import get_article
    from digests.search_index import index_article

    with database.transaction() as tx:
        for r in tx.query("select id from articles"):
            a = get_article(tx, r["id"])
            assert a is not None
            index_article(tx, a, ctx())


def test_topic_push_sends_the_fresh_story_past_five_already_sent(database: Database) -> None:
    """QA18 R14: /push took the first five of the search's order and only then dropped what
    each chat had; five stories already sent hid the fresh one ranked sixth."""
    src = add_source(database, "a")
    for i in range(5):  # the topic in the headline: the search ranks them first
        add_article(database, src, f"ترامب يتحدث في الملف رقم {i}", story_id=i + 1,
                    published=NOW - timedelta(hours=6 + i))
    fresh = add_article(database, src, "استطلاع جديد عن الرئيس الأميركي",
                        body="قال استطلاع إن ترامب يتراجع. وأضاف أن ترامب خسر نقاطا.",
                        story_id=6, published=NOW - timedelta(hours=1))
    _index_all(database)
    add_chat(database, 21, topics=("ترامب",))
    add_chat(database, 22, topics=("ترامب",))
    with database.transaction() as tx:  # chat 21 had the five headline stories already
        for story in range(1, 6):
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status) values (21, ?, ?, 'instant', ?, 'sent')",
                       [story, story, iso(NOW - timedelta(hours=2))])
    plan = push_queue.enqueue_push(database, topic="ترامب", now=NOW)
    got = {(r["chat_id"], r["story_id"]) for r in rows(database, "kind = ?", [plan.kind])}
    assert (21, 6) in got and fresh.id is not None
    assert {s for c, s in got if c == 21} == {6}  # nothing it had already
    assert {s for c, s in got if c == 22} == {1, 2, 3, 4, 5}  # at most five, the first five
    assert plan.chats == 2 and plan.stories == 5


def test_topic_push_skips_a_story_merged_into_one_the_chat_has(database: Database) -> None:
    src = add_source(database, "a")
    add_article(database, src, "ترامب يزور المكسيك", story_id=1)
    add_article(database, src, "ترامب في المكسيك", story_id=2)
    _index_all(database)
    add_chat(database, 31, topics=("ترامب",))
    with database.transaction() as tx:  # the chat had story 3, since merged into story 2
        tx.execute("insert into stories (id, created_at, headline) values (3, ?, 'x')",
                   [iso(NOW)])
        tx.execute("insert into story_merges (into_id, merged_id, merged_at) values (2, 3, ?)",
                   [iso(NOW)])
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status)"
                   " values (31, 3, null, 'instant', ?, 'sent')", [iso(NOW)])
    plan = push_queue.enqueue_push(database, topic="ترامب", now=NOW)
    assert [r["story_id"] for r in rows(database, "kind = ?", [plan.kind])] == [1]


def test_state_changes_and_stats(database: Database) -> None:
    add_chat(database, 1, topics=("الغوطة",))
    add_chat(database, 2, topics=("الغوطة",))
    src = add_source(database, "a")
    for i in range(3):
        enqueue(database, add_article(database, src, f"الغوطة {i}", story_id=i + 1))
    due = outbox_states.due_rows(database, NOW)
    assert [d.chat_id for d in due] == [1, 1, 1, 2, 2, 2]  # whole chats, oldest first
    ids = [d.id for d in due if d.chat_id == 1]
    assert outbox_states.claim(database, ids) == ids
    assert outbox_states.claim(database, ids) == []  # already taken
    assert outbox_upkeep.queue_stats(database, NOW).sending == 3
    assert outbox_states.recover_in_flight(database) == 3
    outbox_states.claim(database, ids)
    outbox_states.finish(database, ids[:2], "sent", NOW)
    outbox_states.finish(database, ids[2:], "failed", NOW, "Bad Request: x")
    stats = outbox_upkeep.queue_stats(database, later(1))
    assert (stats.pending, stats.due, stats.sending, stats.sent_last_hour, stats.failed) == \
        (3, 3, 0, 2, 1)
    blocked = "Forbidden: bot was blocked by the user"
    assert outbox_states.deactivate_chat(database, 2, blocked, NOW) == 3
    assert outbox_states.due_rows(database, NOW) == []
    assert database.db.execute("select active from chats where id = 2").fetchone()[0] == 0


@pytest.mark.parametrize("hour,expected_day", [(12, 29), (13, 30)])
def test_next_daily_at_exact_hour(hour: int, expected_day: int) -> None:
    now = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)  # 12:00 local
    kind, when = delivery_times.next_daily(now, {"utc_offset_minutes": 180, "daily_hour": 12}
                                           if hour == 12 else {"utc_offset_minutes": 240,
                                                               "daily_hour": 12})
    assert kind == f"daily:2026-11-{expected_day}"
    assert when >= now


def test_daily_time_follows_the_zone_not_a_stale_stored_offset() -> None:
    # Beirut moves to UTC+3 on 2026-03-29; the stored offset still says +2 (the hourly job has
    # not run yet): 08:00 local on the day of the change is 05:00 UTC, not 06:00.
    chat = {"time_zone": "Asia/Beirut", "utc_offset_minutes": 120, "daily_hour": 8}
    kind, when = delivery_times.next_daily(datetime(2026, 3, 28, 12, 0, tzinfo=timezone.utc), chat)
    assert kind == "daily:2026-03-29"
    assert when == datetime(2026, 3, 29, 5, 0, tzinfo=timezone.utc)
    # The day before the change, the same chat's 08:00 is 06:00 UTC.
    kind, when = delivery_times.next_daily(datetime(2026, 3, 27, 1, 0, tzinfo=timezone.utc), chat)
    assert (kind, when) == ("daily:2026-03-27", datetime(2026, 3, 27, 6, 0, tzinfo=timezone.utc))


def test_quiet_hours_end_on_the_zone_clock_across_a_change() -> None:
    # Quiet 22:00–07:00 in Beirut; a story at 23:00 local on 2026-03-28 (21:00 UTC, UTC+2)
    # waits for 07:00 local on the 29th, when Beirut is already UTC+3: 04:00 UTC.
    chat = {"time_zone": "Asia/Beirut", "utc_offset_minutes": 120, "quiet_start": 22,
            "quiet_end": 7}
    when = delivery_times.after_quiet(datetime(2026, 3, 28, 21, 0, tzinfo=timezone.utc), chat)
    assert when == datetime(2026, 3, 29, 4, 0, tzinfo=timezone.utc)


def test_a_chat_without_a_zone_keeps_its_fixed_offset_and_an_unknown_zone_falls_back() -> None:
    fixed = {"time_zone": None, "utc_offset_minutes": 120, "daily_hour": 8}
    broken = {"time_zone": "Mars/Olympus", "utc_offset_minutes": 120, "daily_hour": 8}
    now = datetime(2026, 6, 1, 0, 0, tzinfo=timezone.utc)
    expected = ("daily:2026-06-01", datetime(2026, 6, 1, 6, 0, tzinfo=timezone.utc))
    assert delivery_times.next_daily(now, fixed) == expected
    assert delivery_times.next_daily(now, broken) == expected


def test_rows_of_chats_deactivated_elsewhere_do_not_hold_the_queue(database: Database) -> None:
    src = [add_source(database, n) for n in "ab"]
    for s in src:
        add_article(database, s, "قمة", story_id=1)
    add_chat(database, 1)
    add_chat(database, 2)
    plan = push_queue.enqueue_push(database, topic=None, now=NOW)
    # The bot left the group / the user blocked it, noticed by a handler, not by the sender.
    database.db.execute("update chats set active = 0 where id = 2")
    stats = outbox_upkeep.queue_stats(database, NOW)
    assert (stats.pending, stats.due) == (1, 1)
    outbox_states.finish(database, outbox_states.claim(database, [r["id"] for r in rows(
        database, "chat_id = 1")]), "sent", NOW)
    progress = push_queue.push_progress(database, plan.push_id)
    assert (progress.delivered, progress.failed, progress.done) == (1, 1, True)
    # No reason stored: still failed, not taken for a held chat (a NULL reason made it neither)
    assert failure_reasons(database, plan.push_id) == [(None, 1)]


def test_enqueue_many_subscribers_in_one_statement(database: Database) -> None:
    src = [add_source(database, n) for n in "ab"]
    with database.transaction() as tx:
        tx.conn.executemany("insert into chats (id, created_at) values (?, 'x')",
                            [(i,) for i in range(100, 2100)])
        tx.conn.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                            " values (?, '', '', 'x')", [(i,) for i in range(100, 2100)])
    add_article(database, src[0], "قمة", story_id=1)
    enqueue(database, add_article(database, src[1], "قمة", story_id=1))
    assert len(rows(database)) == 2000
    enqueue(database, add_article(database, src[1], "قمة مرة ثالثة", story_id=1))
    assert len(rows(database)) == 2000


# ---------------------------------------------------------------------------------------------
# Reports whose page is gone for good (404/410, QA10 F10)


def _gone(db: Database, *ids: int) -> None:
    with db.transaction() as tx:
        for n in ids:
            tx.execute("update articles set page_status = 'gone' where id = ?", [n])


def _indexed(db: Database) -> None:
    from digests.archive import get_article
    from digests.search_index import index_article

    with db.transaction() as tx:
        for (n,) in tx.execute("select id from articles").fetchall():
            a = get_article(tx, n)
            assert a is not None
            index_article(tx, a, ctx())


def test_a_gone_report_causes_no_alert_and_does_not_make_a_story_top(database: Database) -> None:
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    add_chat(database, 1, topics=("الغوطة", ""))
    dead = add_article(database, src1, "قصف على الغوطة", story_id=5)
    _gone(database, dead.id)
    enqueue(database, dead)  # even when a caller forgets backfill
    assert rows(database) == []
    add_chat(database, 2)  # the general digest only
    live = add_article(database, src2, "الغوطة مرة أخرى", story_id=5)
    enqueue(database, live)
    # chat 1 by its topic; chat 2 not: one live source is no top story (the dead one not counted)
    assert [(r["chat_id"], r["article_id"]) for r in rows(database)] == [(1, live.id)]


def test_pushes_leave_out_gone_reports_and_send_a_live_one_of_the_story(database: Database) -> None:
    src = [add_source(database, n) for n in "abc"]
    add_article(database, src[0], "الغوطة تحت القصف", story_id=1)
    newest = add_article(database, src[1], "قصف الغوطة", story_id=1)
    lone = add_article(database, src[2], "الغوطة: خبر وحيد", story_id=2)
    add_article(database, src[0], "قمة عربية", story_id=3)
    add_article(database, src[1], "قمة عربية أخرى", story_id=3)
    _indexed(database)
    _gone(database, newest.id, lone.id)
    add_chat(database, 10)
    add_chat(database, 11, topics=("الغوطة",))
    general = push_queue.enqueue_push(database, topic=None, now=NOW, limit_stories=5)
    got = [(r["story_id"], r["article_id"]) for r in rows(database, "kind = ?", [general.kind])]
    assert got == [(3, 5), (1, 1)]  # story 3 has two live sources; 1 by its live report
    topic = push_queue.enqueue_push(database, topic="الغوطة", now=NOW)
    got = [(r["story_id"], r["article_id"]) for r in rows(database, "kind = ?", [topic.kind])]
    assert got == [(1, 1)] and topic.stories == 1  # story 2 has nothing live


def test_a_waiting_delivery_of_a_report_gone_later_moves_or_is_skipped(database: Database) -> None:
    from digests import retries

    src1, src2 = add_source(database, "a"), add_source(database, "b")
    first = add_article(database, src1, "الغوطة", story_id=5)
    second = add_article(database, src2, "الغوطة ثانية", story_id=5)
    alone = add_article(database, src1, "الغوطة وحدها", story_id=6)
    add_chat(database, 1, topics=("الغوطة",))
    add_chat(database, 2, topics=("الغوطة",))
    with database.transaction() as tx:
        tx.execute("update articles set page_status = 'feed_only' where id in (?, ?)",
                   [second.id, alone.id])
        for chat, story, article, status in ((1, 5, second.id, "pending"),
                                             (2, 5, second.id, "sent"),
                                             (1, 6, alone.id, "pending")):
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " created_at) values (?, ?, ?, 'instant', ?, ?)",
                       [chat, story, article, status, "2026-11-29T09:00:00+00:00"])
    with database.transaction() as tx:
        retries.mark_gone(tx, second.id, "HTTP 404", later(5))
        retries.mark_gone(tx, alone.id, "HTTP 410", later(5))
        retries.mark_gone(tx, first.id, "HTTP 404", later(5))  # a page that is in: unchanged
    got = [(r["chat_id"], r["story_id"], r["article_id"], r["status"]) for r in rows(database)]
    assert got == [(1, 5, first.id, "pending"),  # the story still reaches chat 1, once
                   (2, 5, second.id, "sent"),  # what was sent stays as it was
                   (1, 6, alone.id, "skipped")]  # nothing live in its story
    assert database.db.execute("select page_status from articles where id = ?",
                               [first.id]).fetchone()[0] == "ok"


def test_a_topic_push_sends_what_its_followers_alerts_carry(database: Database) -> None:
    """X8: /push TOPIC used the widened search, so a rare phrase pushed bodies that merely name
    its words apart — articles the topic's followers are never alerted to. It sends the phrase
    hits and the headlines with every word (digests.topic_match.article_matches), nothing else."""
    from digests.archive import get_article
    from digests.topic_match import article_matches
    from digests.search_index import index_article

    src = add_source(database, "a")
    phrase = add_article(database, src, "فرز الأصوات في الانتخابات المصرية", story_id=1)
    titled = add_article(database, src, "نتائج انتخابات الرئاسة المصرية", story_id=2)
    apart = add_article(database, src, "تقرير عن المنطقة", story_id=3,
                        body="جرت الانتخابات في لبنان، وقالت الخارجية المصرية إنها تتابع.")
    with database.transaction() as tx:
        for a in (phrase, titled, apart):
            stored = get_article(tx, a.id)
            assert stored is not None
            index_article(tx, stored, ctx())
    from digests.search import search

    found = {h.digest.article_id for h in search(database.db, "الانتخابات المصرية", now=NOW).hits}
    assert apart.id in found  # the widened search lists it for a reader browsing …
    stored_apart = get_article(database.db, apart.id)
    assert stored_apart is not None and not article_matches("الانتخابات المصرية", stored_apart)
    add_chat(database, 20, topics=("الانتخابات المصرية",))
    plan = push_queue.enqueue_push(database, topic="الانتخابات المصرية", now=NOW)
    pushed = {r["article_id"] for r in rows(database, "kind = ?", [plan.kind])}
    assert pushed == {phrase.id, titled.id}  # … but the push carries what alerts carry
    assert plan.stories == 2


# ---------------------------------------------------------------------------------------------
# A settings change re-times what the chat has queued (QA16 F3)


_NAMES = itertools.count()


def _queue(db: Database, chat_id: int, kind: str, not_before: datetime | None,
           status: str = "pending") -> int:
    """A row of a new story for `chat_id`, as enqueue_article or a push would have left it."""
    src = add_source(db, f"q{next(_NAMES)}")
    art = add_article(db, src, "خبر", story_id=None)
    with db.transaction() as tx:
        story = 1000 + art.id
        cur = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                         " not_before, created_at) values (?,?,?,?,?,?,?)",
                         [chat_id, story, art.id, kind, status,
                          iso(not_before) if not_before else None, iso(NOW)])
    return int(cur.lastrowid or 0)


def _row(db: Database, row_id: int) -> tuple[object, datetime | None, object]:
    [r] = rows(db, "id = ?", [row_id])
    nb = r["not_before"]
    return r["kind"], parse_iso(nb) if isinstance(nb, str) else None, r["status"]


TOMORROW_8 = datetime(2026, 11, 30, 5, tzinfo=timezone.utc)  # 08:00 Riyadh


def test_switching_daily_to_instant_makes_the_queued_digest_due_now(database: Database) -> None:
    add_chat(database, 1, mode="daily", daily_hour=8)
    queued = [_queue(database, 1, "daily:2026-11-30", TOMORROW_8) for _ in range(3)]
    push = _queue(database, 1, "push:7", None)
    done = _queue(database, 1, "daily:2026-11-29", later(-240), status="sent")
    subscriptions.set_mode(database, 1, "instant", now=NOW)
    # one bundle, now, under the instant header: all three due at once
    assert [_row(database, i) for i in queued] == [("instant", None, "pending")] * 3
    assert _row(database, push) == ("push:7", None, "pending")
    assert _row(database, done) == ("daily:2026-11-29", later(-240), "sent")
    assert {r.id for r in outbox_states.due_rows(database, NOW)} == {*queued, push}


def test_a_new_daily_hour_moves_the_queued_digest_there(database: Database) -> None:
    add_chat(database, 1, mode="daily", daily_hour=8)
    waiting = _queue(database, 1, "daily:2026-11-30", TOMORROW_8)
    due = _queue(database, 1, "daily:2026-11-29", later(-60))  # today's, on its way
    subscriptions.set_mode(database, 1, "daily", 20, now=NOW)
    # 20:00 Riyadh today: one digest tonight, none tomorrow at the hour the reader left
    assert _row(database, waiting) == ("daily:2026-11-29",
                                       datetime(2026, 11, 29, 17, tzinfo=timezone.utc), "pending")
    assert _row(database, due) == ("daily:2026-11-29", later(-60), "pending")


def test_a_new_zone_moves_the_queued_digest_to_the_same_local_hour(database: Database) -> None:
    add_chat(database, 1, mode="daily", daily_hour=9)
    row = _queue(database, 1, "daily:2026-11-30", datetime(2026, 11, 30, 6, tzinfo=timezone.utc))
    set_zone(database, 1, "America/New_York", NOW)
    # NOW is 04:00 in New York: 9:00 there today (14:00 UTC), not 1:00 a.m. tomorrow
    assert _row(database, row) == ("daily:2026-11-29",
                                   datetime(2026, 11, 29, 14, tzinfo=timezone.utc), "pending")
    set_fixed_offset(database, 1, 180, NOW)  # an old button: UTC+3 again
    assert _row(database, row) == ("daily:2026-11-30",
                                   datetime(2026, 11, 30, 6, tzinfo=timezone.utc), "pending")


def test_quiet_hours_hold_and_release_queued_alerts(database: Database) -> None:
    add_chat(database, 1)  # instant, UTC+3: NOW is 12:00 local
    row = _queue(database, 1, "instant", None)
    subscriptions.set_quiet_hours(database, 1, 11, 14, now=NOW)
    assert _row(database, row) == ("instant", datetime(2026, 11, 29, 11, tzinfo=timezone.utc),
                                   "pending")
    subscriptions.set_quiet_hours(database, 1, None, None, now=NOW)
    assert _row(database, row) == ("instant", None, "pending")


def test_switching_instant_to_daily_gathers_waiting_alerts_in_the_next_digest(
        database: Database) -> None:
    add_chat(database, 1, quiet=(11, 14))
    held = _queue(database, 1, "instant", datetime(2026, 11, 29, 11, tzinfo=timezone.utc))
    sending = _queue(database, 1, "instant", None, status="sending")
    subscriptions.set_mode(database, 1, "daily", 8, now=NOW)
    assert _row(database, held) == ("daily:2026-11-30", TOMORROW_8, "pending")
    assert _row(database, sending) == ("instant", None, "sending")  # on the wire: left alone


def test_a_retimed_row_is_never_a_second_row_of_its_story(database: Database) -> None:
    add_chat(database, 1, topics=("الغوطة",), mode="daily", daily_hour=8)
    art = add_article(database, add_source(database, "a"), "الغوطة", story_id=3)
    enqueue(database, art)
    subscriptions.set_mode(database, 1, "instant", now=NOW)
    enqueue(database, add_article(database, add_source(database, "b"), "الغوطة", story_id=3),
            now=later(5))
    assert [(r["kind"], r["story_id"]) for r in rows(database)] == [("instant", 3)]


# ---------------------------------------------------------------------------------------------
# Pruning finished rows (QA16 N2)


def _finished(db: Database, chat_id: int, story: int, article: int | None, status: str,
              at: datetime) -> int:
    with db.transaction() as tx:
        cur = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                         " created_at, sent_at) values (?,?,?,'instant',?,?,?)",
                         [chat_id, story, article, status, iso(at), iso(at)])
    return int(cur.lastrowid or 0)


def test_prune_deletes_old_finished_rows_of_quiet_stories_only(database: Database) -> None:
    add_chat(database, 1, topics=("الغوطة",))
    src = add_source(database, "a")
    old_story = add_article(database, src, "الغوطة قديما", story_id=1)
    live_story = add_article(database, src, "الغوطة اليوم", story_id=2)
    alone = add_article(database, src, "الغوطة بلا قصة")
    month = NOW - outbox_upkeep.KEEP_DONE
    with database.transaction() as tx:  # story 1 was last reported 40 days ago
        tx.execute("update articles set fetched_at = ? where id in (?, ?)",
                   [iso(month - timedelta(days=10)), old_story.id, alone.id])
    for chat in (2, 3, 4):
        add_chat(database, chat)
    gone = [_finished(database, c, 1, old_story.id, s, month - timedelta(days=5))
            for c, s in ((1, "sent"), (3, "failed"), (4, "skipped"))]
    gone.append(_finished(database, 1, -alone.id, alone.id, "sent", month - timedelta(days=5)))
    kept = [_finished(database, 1, 2, live_story.id, "sent", month - timedelta(days=5)),
            _finished(database, 2, 1, old_story.id, "sent", month + timedelta(days=1))]
    pending = _queue(database, 1, "daily:2026-11-30", TOMORROW_8)
    with database.transaction() as tx:  # an old pending row (a chat paused long ago) stays
        tx.execute("update outbox set created_at = ? where id = ?",
                   [iso(month - timedelta(days=60)), pending])
    assert outbox_upkeep.prune(database, NOW, batch=3) == 4  # two batches
    left = {r["id"] for r in rows(database)}
    assert left == {*kept, pending} and not left & set(gone)
    assert outbox_upkeep.prune(database, NOW) == 0


def test_a_pruned_story_is_not_queued_nor_pushed_again(database: Database) -> None:
    """Why pruning is safe: a report of a story quiet for KEEP_DONE is never queued (older
    than 48 h it is backfill; newer, it starts another story), and /push leaves it out."""
    add_chat(database, 1)
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    month_ago = NOW - outbox_upkeep.KEEP_DONE - timedelta(days=2)
    arts = [add_article(database, s, "خبر قديم", story_id=4, published=month_ago) for s in
            (src1, src2)]
    with database.transaction() as tx:
        tx.execute("update articles set fetched_at = ?", [iso(month_ago)])
    _finished(database, 1, 4, arts[1].id, "sent", month_ago)
    assert outbox_upkeep.prune(database, NOW) == 1
    plan = push_queue.enqueue_push(database, topic=None, now=NOW)
    assert plan.stories == 0 and rows(database) == []
    # the same push within the window would have sent it (the fallback to older stories)
    assert push_queue.enqueue_push(database, topic=None, now=month_ago + timedelta(days=3)
                                   ).stories == 1


_CHANGES = st.one_of(
    st.tuples(st.just("mode"), st.sampled_from(["instant", "daily"]), st.integers(0, 23)),
    st.tuples(st.just("quiet"), st.integers(0, 23), st.integers(0, 23)),
    st.tuples(st.just("zone"), st.sampled_from(["Asia/Riyadh", "America/New_York",
                                                "Europe/London", "Asia/Beirut"]),
              st.just(0)))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_CHANGES, st.integers(0, 30 * 60)), min_size=1, max_size=6))
def test_settings_changes_only_move_rows(tmp_path_factory: pytest.TempPathFactory,
                                         changes: list[tuple[tuple[str, object, int], int]]
                                         ) -> None:
    """Whatever settings a reader changes, and when: no row is added, lost or finished, pushes
    and finished rows keep their time, and every waiting alert or digest row is where
    `enqueue_article` would put it now (a daily row already due excepted)."""
    with Database(tmp_path_factory.mktemp("retime") / "n.db") as db:
        add_chat(db, 1, mode="daily", daily_hour=8)
        queued = [_queue(db, 1, "daily:2026-11-30", TOMORROW_8),
                  _queue(db, 1, "instant", None), _queue(db, 1, "push:3", None),
                  _queue(db, 1, "daily:2026-11-28", later(-600), status="sent")]
        fixed = {i: _row(db, i) for i in queued[2:]}
        now = NOW
        for (what, a, b), minutes in changes:
            now += timedelta(minutes=minutes)
            if what == "mode":
                subscriptions.set_mode(db, 1, a, b, now=now)  # type: ignore[arg-type]
            elif what == "quiet":
                subscriptions.set_quiet_hours(db, 1, int(str(a)), b, now=now)
            else:
                set_zone(db, 1, str(a), now)
            assert [r["id"] for r in rows(db)] == queued  # ordered by id
            assert {i: _row(db, i) for i in queued[2:]} == fixed
            chat = next(iter(db.db.query("select * from chats where id = 1")))
            for row_id in queued[:2]:
                kind, when, status = _row(db, row_id)
                assert status == "pending"
                if chat["mode"] == "instant":
                    expected = delivery_times.after_quiet(now, chat)
                    assert (kind, when) == ("instant", expected if expected > now else None)
                    continue
                assert str(kind).startswith("daily:") and when is not None
                if when > now:  # not yet due: the next digest, as if queued now (at its
                    # hour, quiet hours or not: QA47 Z1)
                    assert (kind, when) == delivery_times.next_daily(now, chat)


LEAD = "افتتح المعرض الدولي للكتاب أبوابه صباح اليوم بحضور عدد كبير من الزوار والناشرين."
FILLER = "وشهد اليوم الأول ندوات عن الترجمة والنشر الرقمي وحفلات توقيع لعدد من الكتب الجديدة."


def test_an_alert_needs_the_topic_in_the_headline_the_lead_or_twice(database: Database) -> None:
    """QA18 R3: ~28 of 99 alerts to a 4-topic reader named the topic once, in passing, deep in
    the body («بينما صعد النفط» in a gold report). A search still finds them."""
    src = add_source(database, "a")
    add_chat(database, 1, topics=("النفط",))
    cases = {
        1: ("ارتفاع أسعار النفط", f"{LEAD}\n{FILLER}"),                 # headline
        2: ("أخبار الاقتصاد", f"صعد النفط اليوم.\n{FILLER}"),            # lead
        3: ("الذهب مستقر", f"{LEAD}\n{FILLER} وصعد النفط.\nوتراجع النفط مساء."),  # twice
        4: ("الذهب مستقر", f"{LEAD}\n{FILLER}\nبينما صعد النفط قليلا."),  # once, in passing
    }
    for story, (title, body) in cases.items():
        enqueue(database, add_article(database, src, title, body=body, story_id=story))
    assert sorted(r["story_id"] for r in rows(database)) == [1, 2, 3]


def test_a_multi_word_topic_alerts_on_its_words_in_the_headline(database: Database) -> None:
    src = add_source(database, "a")
    add_chat(database, 1, topics=("الانتخابات المصرية",))
    enqueue(database, add_article(database, src, "فرز الأصوات في انتخابات الرئاسة المصرية",
                                  body=f"{LEAD}\n{FILLER}", story_id=1))
    enqueue(database, add_article(database, src, "معرض الكتاب", story_id=2,
                                  body=f"{LEAD}\n{FILLER}\nوتحدث عن الانتخابات المصرية."))
    assert [r["story_id"] for r in rows(database)] == [1]


def test_a_topic_push_leaves_out_a_passing_mention(database: Database) -> None:
    src = add_source(database, "a")
    add_article(database, src, "الذهب مستقر", body=f"{LEAD}\n{FILLER}\nبينما صعد النفط قليلا.",
                story_id=1)
    add_article(database, src, "النفط يصعد", body=f"{LEAD}\n{FILLER}", story_id=2)
    _index_all(database)
    add_chat(database, 1, topics=("النفط",))
    plan = push_queue.enqueue_push(database, topic="النفط", now=NOW)
    assert [r["story_id"] for r in rows(database, "kind = ?", [plan.kind])] == [2]


def _mark_sent(db: Database, when: datetime) -> None:
    with db.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ? where status = 'pending'",
                   [iso(when)])


def test_a_story_s_next_day_report_reaches_its_followers_as_an_update(database: Database) -> None:
    """QA18 R10: a source's next-day market report joined yesterday's story and the oil
    follower never saw it (one row per chat and story). A report 18 h or more after the story
    was sent to a chat is queued for it once, as an update: an instant chat's 'update:<local
    date>' (one a day), a daily chat's next digest; a report sooner, one published before the
    delivery, one the chat has waiting, or the same report again causes nothing."""
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    add_chat(database, 1, topics=("النفط",))
    add_chat(database, 2, topics=("النفط",), mode="daily")
    add_chat(database, 3, topics=("الغوطة",))  # another topic: nothing of this story
    first = add_article(database, src1, "النفط يغلق بلا تغير", story_id=643)
    enqueue(database, first)
    assert {(r["chat_id"], r["kind"]) for r in rows(database)} == {
        (1, "instant"), (2, "daily:2026-11-30")}
    with database.transaction() as tx:  # chat 1 at once, chat 2 in its digest (08:00 Riyadh)
        tx.execute("update outbox set status = 'sent', sent_at = case chat_id when 1 then ?"
                   " else ? end", [iso(NOW), "2026-11-30T05:00:00+00:00"])
    same_day = add_article(database, src2, "النفط مستقر في التعاملات", story_id=643,
                           published=later(60 * 6))
    enqueue(database, same_day, later(60 * 6))  # the same day's second source: nothing
    stale = add_article(database, src2, "النفط في تقرير قديم", story_id=643,
                        published=NOW - timedelta(hours=1))
    enqueue(database, stale, later(60 * 20))  # published before the delivery: nothing
    assert len(rows(database)) == 2
    next_day = add_article(database, src1, "النفط يرتفع بفعل الدولار", story_id=643,
                           published=later(60 * 45))
    enqueue(database, next_day, later(60 * 45))  # 12-01 06:00 UTC, 09:00 in Riyadh
    updates = rows(database, "article_id = ?", [next_day.id])
    assert [(r["chat_id"], r["story_id"], r["kind"], r["not_before"]) for r in updates] == [
        (1, 643, "update:2026-12-01", None),  # due now
        (2, 643, "daily:2026-12-02", "2026-12-02T05:00:00+00:00")]  # the next digest
    enqueue(database, next_day, later(60 * 45))  # the same report again: nothing
    assert len(rows(database)) == 4
    assert story_updates.update_articles(database.db, [r["id"] for r in updates]) == {next_day.id}
    assert story_updates.update_articles(database.db, [rows(database)[0]["id"]]) == set()
    # chat 1 got its update; chat 2 has its own waiting: a report an hour later queues nothing
    with database.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ? where chat_id = 1"
                   " and status = 'pending'", [iso(later(60 * 46))])
    third = add_article(database, src2, "النفط يواصل الارتفاع", story_id=643,
                        published=later(60 * 47))
    enqueue(database, third, later(60 * 47))
    assert len(rows(database)) == 4
    # a day after chat 1's update: the next one (chat 2's is still waiting)
    fourth = add_article(database, src2, "النفط يتراجع مع صادرات أميركا", story_id=643,
                         published=later(60 * 70))
    enqueue(database, fourth, later(60 * 70))
    assert [(r["chat_id"], r["kind"]) for r in rows(database, "article_id = ?", [fourth.id])
            ] == [(1, "update:2026-12-02")]
    assert rows(database, "chat_id = 3") == []


def test_a_queued_update_follows_a_switch_to_daily(database: Database) -> None:
    """An instant chat's waiting update goes into its next daily digest when it turns daily."""
    src = add_source(database, "a")
    add_chat(database, 1, topics=("النفط",))
    enqueue(database, add_article(database, src, "النفط يغلق بلا تغير", story_id=7))
    _mark_sent(database, NOW)
    enqueue(database, add_article(database, src, "النفط يرتفع", story_id=7,
                                  published=later(60 * 19)), later(60 * 19))
    subscriptions.set_mode(database, 1, "daily", now=later(60 * 19))
    # 04:00 UTC is 07:00 in Riyadh: today's digest at 08:00
    assert [r["kind"] for r in rows(database, "status = 'pending'")] == ["daily:2026-11-30"]


def test_a_report_a_day_after_the_one_shown_is_an_update_even_if_shown_late(
        database: Database) -> None:
    """QA18 R10's oil story: «النفط يغلق بلا تغير» published 01:16, shown at 07:00 (quiet
    hours), «النفط يرتفع» published 22:21 — 15 h after the delivery but the next day's market
    report (21 h after the one shown): an update. A report 10 h after the one shown is none."""
    src = add_source(database, "a")
    add_chat(database, 1, topics=("النفط",))
    day = datetime(2026, 12, 3, tzinfo=timezone.utc)
    first = add_article(database, src, "النفط يغلق بلا تغير", story_id=643,
                        published=day + timedelta(hours=1, minutes=16))
    enqueue(database, first, day + timedelta(hours=1, minutes=20))
    _mark_sent(database, day + timedelta(hours=7))
    sooner = add_article(database, src, "النفط مستقر", story_id=643,
                         published=day + timedelta(hours=11))
    enqueue(database, sooner, day + timedelta(hours=11))
    assert len(rows(database)) == 1
    late = add_article(database, src, "النفط يرتفع بفعل الدولار", story_id=643,
                       published=day + timedelta(hours=22, minutes=21))
    enqueue(database, late, day + timedelta(hours=22, minutes=30))
    assert [(r["kind"], r["article_id"]) for r in rows(database, "status = 'pending'")] == [
        ("update:2026-12-04", late.id)]  # 01:30 in Riyadh: the 4th there
