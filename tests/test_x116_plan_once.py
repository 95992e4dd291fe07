"""X116 (QA72-1): one plan pass over many chats with the same daily-digest articles reads and
analyses each article once (bot.origins.PassTopics), not once a chat; the bundles are those
of a pass that asks each chat alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram import Bot

from bot import origins
from bot.sender import Sender
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.models import iso
from digests.settings import Settings
from digests.storage import Database
from digests.story_sites import site_of

CHATS = 30
ARTICLES = 12


def _daily_day(database: Database) -> list[int]:
    src = add_source(database, "src")
    arts = [add_article(database, src, f"قصف على الغوطة الشرقية {i}" if i % 2 else f"خبر {i}",
                        story_id=100 + i) for i in range(ARTICLES)]
    for chat in range(1, CHATS + 1):
        add_chat(database, chat, mode="daily", topics=("الغوطة", ""))
    with database.transaction() as tx:  # story by story, as a poll queues them
        for a in arts:
            for chat in range(1, CHATS + 1):
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                           " values (?,?,?,?,?)",
                           [chat, a.story_id, a.id, "daily:2026-11-29", iso(NOW)])
    return [a.id for a in arts]


def test_a_pass_over_many_chats_analyses_each_article_once(
        database: Database, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _daily_day(database)
    asked: list[tuple[str, int]] = []
    read: list[int] = []
    real_match, real_read = origins.alert_matches, origins.article_from_row

    def counted_match(topic: str, article: origins.Article, **kw: bool) -> bool:
        asked.append((topic, article.id or 0))
        return real_match(topic, article, **kw)

    def counted_read(row: object) -> origins.Article:
        article = real_read(row)  # type: ignore[arg-type]
        read.append(article.id or 0)
        return article

    monkeypatch.setattr(origins, "alert_matches", counted_match)
    monkeypatch.setattr(origins, "article_from_row", counted_read)
    settings = Settings(database_path=Path(database.path))
    sender = Sender(database, bot, settings, clock=lambda: NOW)
    bundles = sender.planner.plan(set(), False)
    assert len(bundles) == CHATS and all(len(b.row_ids) == ARTICLES for b in bundles)
    # before X116: 30 × 12 analyses and reads, one per chat and article
    assert sorted(asked) == sorted(("الغوطة", a) for a in ids)
    assert sorted(read) == sorted(ids)
    # what each chat is told is what asking it alone says
    alone = origins.row_topics(database, 1, ids)
    assert alone and set(alone.values()) == {"الغوطة"}
    assert [b.article_ids for b in bundles] == [bundles[0].article_ids] * CHATS


def test_site_of_is_remembered() -> None:
    site_of.cache_clear()
    for _ in range(3):
        assert site_of("https://www.Example.com/a", 3) == "example.com"
    assert site_of.cache_info().hits == 2
