"""Smoke test of benchmarks/digest_topics.py on a tiny database: a Ghouta follower's daily digest
(one-source Ghouta stories under three-source ones) and a story with a next-day report."""

from __future__ import annotations

from datetime import timedelta

from benchkit import load_benchmark
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.models import iso
from digests.storage import Database


def test_digest_topics_benchmark_replays_digests_and_updates(database: Database) -> None:
    module = load_benchmark("digest_topics", "bench_digest_topics")
    srcs = [add_source(database, f"s{i}") for i in range(3)]
    arts = []
    for i in range(11):
        arts.append(add_article(database, srcs[0], f"خبر عام {i}", story_id=10 + i))
        for src in srcs[1:]:
            add_article(database, src, f"تقرير {i}", story_id=10 + i)
    ghouta = add_article(database, srcs[0], "قصف على الغوطة الشرقية", story_id=50)
    add_chat(database, 1, mode="daily", topics=("", "الغوطة"))
    with database.transaction() as tx:
        for a in [ghouta, *arts]:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " sent_at, created_at) values (1, ?, ?, 'daily:2026-11-29', 'sent', ?,"
                       " ?)", [a.story_id, a.id, iso(NOW), iso(NOW)])
    second = add_article(database, srcs[1], "الغوطة: قصف لليوم الثاني", story_id=50,
                         published=NOW + timedelta(hours=20))
    with database.transaction() as tx:  # fetched the next day
        tx.execute("update articles set fetched_at = ? where id = ?",
                   [iso(NOW + timedelta(hours=20)), second.id])
    [digest] = module.digests_report(database, "غوطة")
    assert "rows=12 topical=1" in digest and "before 0/1 now 1/0" in digest
    [updates] = module.updates_report(database)
    assert "updates=1" in updates and "لليوم الثاني" in updates, updates
    assert module.main([]) == 2
