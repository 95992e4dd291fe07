"""Migration 032_named_topics and one subscription per synonym group (QA24 R1, R5).

QA24 followed «الحوثي» and then «أنصار الله»: two topics, both listed, both in a bundle header.
And `/subscribe شكو ماكو بالعراق` stored the sentence, which no article ever matched. Now a
follow of any name of a group is the chat's one subscription, and the migration rewrites the
rows stored before: real SQLite, the real migration runner, a real delivery.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_search import add

from digests import subscriptions as subs
from digests import topic_keys
from digests.arabic import analyze
from digests.named_questions import KNOWN_NAME
from digests.storage import Database

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)
MIGRATION = "032_named_topics"


def _store_before(database: Database, chat_id: int, topic: str) -> None:
    """A row as the code before X35 wrote it: the topic as typed, keyed by all its words."""
    with database.transaction() as tx:
        tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                   " values (?,?,?,?)", [chat_id, topic, " ".join(analyze(topic)), NOW.isoformat()])
        tx.execute("delete from _migrations where name = ?", [MIGRATION])


@pytest.mark.parametrize("first, second", [
    ("الحوثي", "أنصار الله"), ("أنصار الله", "الحوثيين"), ("داعش", "تنظيم الدولة"),
    ("تنظيم الدولة الإسلامية", "الدولة الإسلامية"), ("مو صلاح", "محمد صلاح"),
    ("محمود عباس", "أبو مازن"),
])
def test_two_names_of_one_group_are_one_subscription(database: Database, first: str,
                                                     second: str) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    sub, created = subs.subscribe(database, 1, first, now=NOW)
    again, created_again = subs.subscribe(database, 1, second, now=NOW)
    assert created and not created_again and again.id == sub.id
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == [first]
    assert subs.unsubscribe(database, 1, second, now=NOW)  # either name stops it
    assert subs.list_subscriptions(database, 1) == []


def test_other_topics_stay_apart(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    for topic in ("الحوثي", "حزب الله", "محمد بن سلمان", "الدولة", "صلاح"):
        assert subs.subscribe(database, 1, topic, now=NOW)[1], topic


def test_the_migration_merges_and_rewrites(database: Database) -> None:
    for i in range(KNOWN_NAME):
        add(database, i + 1, f"تفجير في العراق {i}", "قتل خمسة أشخاص في العراق اليوم.")
    for chat in (1, 2, 3):
        subs.upsert_chat(database, chat, now=NOW)
    subs.subscribe(database, 1, "الحوثي", now=NOW)
    subs.subscribe(database, 1, "سوريا", now=NOW)
    _store_before(database, 1, "أنصار الله")          # a second name of one group
    _store_before(database, 2, "شكو ماكو بالعراق")    # a sentence
    subs.subscribe(database, 3, "العراق", now=NOW)
    _store_before(database, 3, "شكو ماكو بالعراق")    # a sentence of a topic followed already
    assert len(subs.list_subscriptions(database, 1)) == 3
    assert database.migrate() == [MIGRATION]
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == ["الحوثي", "سوريا"]
    assert [(s.topic, s.topic_key) for s in subs.list_subscriptions(database, 2)] == [
        ("العراق", topic_keys.key_of("العراق"))]
    assert [s.topic for s in subs.list_subscriptions(database, 3)] == ["العراق"]
    assert database.migrate() == []  # once


def test_the_follower_of_a_sentence_is_sent_its_names_stories(database: Database) -> None:
    from delivery_helpers import add_article, add_source, ctx, rows

    from digests import new_deliveries

    for i in range(KNOWN_NAME):
        add(database, i + 1, f"تفجير في العراق {i}", "قتل خمسة أشخاص في العراق اليوم.")
    subs.upsert_chat(database, 1, now=NOW)
    _store_before(database, 1, "شكو ماكو بالعراق")
    database.migrate()
    source = add_source(database, "bbc")
    article = add_article(database, source, "انتخابات برلمانية في العراق الشهر المقبل",
                          story_id=70)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx())
    assert [(r["chat_id"], r["story_id"]) for r in rows(database)] == [(1, 70)]
