"""Migration 031_question_topics: a question followed before session 12 becomes its topic.

Before X31 (QA23 S1) `/subscribe كم عدد القتلى في الغوطة` stored the whole sentence, keyed by
all its words, and its follower was never sent the day's Ghouta stories. The migration writes
and keys such topics as they are stored now (digests.subscription_rekeys.trim_topics, then
rekey_subscriptions): real SQLite, the real migration runner, a real delivery.
"""

from __future__ import annotations

from datetime import UTC, datetime

from digests import subscriptions as subs
from digests import topic_keys
from digests.arabic import analyze
from digests.storage import Database

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)
MIGRATION = "031_question_topics"


def _as_stored_before(database: Database, sub_id: int, topic: str) -> None:
    """The row as the code before X31 wrote it: the sentence, keyed by all its words."""
    with database.transaction() as tx:
        tx.execute("update subscriptions set topic = ?, topic_key = ? where id = ?",
                   [topic, " ".join(analyze(topic)), sub_id])
        tx.execute("delete from _migrations where name = ?", [MIGRATION])


def test_a_question_followed_before_becomes_its_topic(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    subs.upsert_chat(database, 2, now=NOW)
    asked, _ = subs.subscribe(database, 1, "الغوطة", now=NOW)
    egypt, _ = subs.subscribe(database, 1, "مصر", now=NOW)
    other, _ = subs.subscribe(database, 2, "الغوطة الشرقية", now=NOW)
    _as_stored_before(database, asked.id, "كم عدد القتلى في الغوطة")
    _as_stored_before(database, egypt.id, "ايه اخبار مصر النهاردة")
    assert not subs.unsubscribe(database, 1, "الغوطة", now=NOW)  # not found under its topic's key
    assert database.migrate() == [MIGRATION]
    assert [(s.topic, s.topic_key) for s in subs.list_subscriptions(database, 1)] == [
        ("الغوطة", topic_keys.key_of("الغوطة")), ("مصر", topic_keys.key_of("مصر"))]
    assert [s.topic for s in subs.list_subscriptions(database, 2)] == ["الغوطة الشرقية"]
    assert database.migrate() == []  # once
    assert subs.unsubscribe(database, 1, "الغوطة", now=NOW)


def test_the_follower_of_a_question_is_sent_the_topics_stories(database: Database) -> None:
    from delivery_helpers import add_article, add_source, ctx, rows

    from digests import new_deliveries

    subs.upsert_chat(database, 1, now=NOW)
    asked, _ = subs.subscribe(database, 1, "الغوطة", now=NOW)
    _as_stored_before(database, asked.id, "كم عدد القتلى في الغوطة")
    database.migrate()
    source = add_source(database, "bbc")
    article = add_article(database, source, "إجلاء جنوب الغوطة بالكامل", story_id=7)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx())
    assert [(r["chat_id"], r["story_id"]) for r in rows(database)] == [(1, 7)]


def test_a_question_about_a_topic_already_followed_is_not_listed_twice(
        database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    topic, _ = subs.subscribe(database, 1, "الغوطة", now=NOW)
    asked, _ = subs.subscribe(database, 1, "حلب", now=NOW)
    _as_stored_before(database, asked.id, "كم عدد القتلى في الغوطة")
    assert database.migrate() == [MIGRATION]
    assert [(s.id, s.topic) for s in subs.list_subscriptions(database, 1)] == [
        (topic.id, "الغوطة")]
