"""Helpers shared by the outbox and sender tests: sources, articles, stories and chats as rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot

from bot.origins import bundle_topics
from bot.sender import Sender
from digests import outbox_states
from digests.models import Article, Digest, iso
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT, article_from_row
from digests.settings import Settings
from digests.storage import Database

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)  # 12:00 in UTC+3


def add_source(db: Database, name: str) -> int:
    with db.transaction() as tx:
        cur = tx.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                         [f"https://{name}.test/feed", name, iso(NOW)])
    return int(cur.lastrowid or 0)


def add_article(db: Database, source_id: int, title: str, *, story_id: int | None = None,
                body: str = "", published: datetime | None = None) -> Article:
    """An article row (as the archive would store it), optionally in a story."""
    with db.transaction() as tx:
        if story_id is not None and not tx.execute("select 1 from stories where id = ?",
                                                   [story_id]).fetchone():
            tx.execute("insert into stories (id, created_at, headline) values (?, ?, ?)",
                       [story_id, iso(NOW), title])
        n = tx.execute("select count(*) from articles").fetchone()[0]
        cur = tx.execute(
            """insert into articles (source_id, url, url_key, content_hash, title, body,
                                     published_at, fetched_at, updated_at, story_id, headline)
               values (?,?,?,?,?,?,?,?,?,?,?)""",
            [source_id, f"https://s{source_id}.test/a/{n}", f"s{source_id}.test/a/{n}",
             f"hash{n}", title, body or title, iso(published or NOW), iso(NOW), iso(NOW),
             story_id, title])
        row = next(iter(tx.query(f"{ARTICLE_SELECT} where articles.id = ?", [cur.lastrowid])))
    return article_from_row(row)


def add_chat(db: Database, chat_id: int, *, topics: tuple[str, ...] = ("",),
             mode: str = "instant", daily_hour: int = 8, quiet: tuple[int, int] | None = None,
             type: str = "private", language: str | None = "ar", active: bool = True) -> None:
    """A chat with subscriptions (topic keys through the real search.topic_key)."""
    from digests.search import topic_key

    with db.transaction() as tx:
        tx.execute("""insert into chats (id, type, language, active, mode, daily_hour,
                                         quiet_start, quiet_end, created_at)
                      values (?,?,?,?,?,?,?,?,?)""",
                   [chat_id, type, language, int(active), mode, daily_hour,
                    quiet[0] if quiet else None, quiet[1] if quiet else None, iso(NOW)])
        if quiet is None:  # off, not the 23:00–07:00 a new chat starts with (migration 027)
            tx.execute("update chats set quiet_start = null, quiet_end = null where id = ?",
                       [chat_id])
        for topic in topics:
            tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (?,?,?,?)", [chat_id, topic, topic_key(topic) if topic else "",
                                             iso(NOW)])


def ctx(now: datetime = NOW, backfill: bool = False) -> StoreContext:
    return StoreContext(now=now, settings=Settings(), backfill=backfill)


def rows(db: Database, where: str = "1",
         args: list[object] | None = None) -> list[dict[str, object]]:
    return list(db.db.query(f"select * from outbox where {where} order by id", args or []))


def simple_render(digests: list[Digest], lang: str, now: datetime,
                  topics: Sequence[str] | None = None, kind: str = "instant",
                  more: int = 0, button: bool = True, updates: frozenset[int] = frozenset(),
                  chat_type: str | None = None) -> list[str]:
    """A stand-in renderer that makes assertions easy: one line per story, one message."""
    return ["\n".join(f"<b>{d.article_id}</b> {d.headline}" for d in digests)]


def per_story_render(digests: list[Digest], lang: str, now: datetime,
                     topics: Sequence[str] | None = None, kind: str = "instant",
                     more: int = 0, button: bool = True, updates: frozenset[int] = frozenset(),
                     chat_type: str | None = None) -> list[str]:
    """A stand-in renderer that sends each story as a message of its own: one bundle makes
    several messages to one chat (what the limiter's tests need)."""
    return [f"<b>{d.article_id}</b> {d.headline}" for d in digests]


def later(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@contextmanager
def claims_under_lock(database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Inside the block the sender's claim (outbox_states.claim) meets another program's write
    lock, taken just before its first claim (the ids of buttons are stored by then); on leaving,
    the lock goes and claim is the real one again. test_more_stories and test_story_buttons
    each wrote this."""
    other = sqlite3.connect(database.path, isolation_level=None, timeout=0.1)
    real_claim = outbox_states.claim

    def claim_under_lock(db: Database, ids: Any, *seen: Any) -> list[int]:
        # `seen`: a daily digest row's items the plan read (X122), passed on as given
        if not other.in_transaction:
            other.execute("BEGIN IMMEDIATE")
            other.execute("update _migrations set applied_at = applied_at")
        return real_claim(db, ids, *seen)

    monkeypatch.setattr(outbox_states, "claim", claim_under_lock)
    try:
        yield
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        monkeypatch.setattr(outbox_states, "claim", real_claim)


def quick_sender(database: Database, bot: Bot, now: list[float]) -> Sender:
    """A recovered sender whose writes give up after 0.01 s under a lock, on the clock `now`
    (test_more_stories and test_story_buttons each built one)."""
    settings = Settings(database_path=Path(database.path), send_rate_per_second=500.0)
    s = Sender(database, bot, settings, clock=lambda: NOW, instant_gap=timedelta(0),
               topics_of=bundle_topics)
    s.courier.writes.monotonic = lambda: now[0]
    s.courier.writes.wait = 0.01
    s.recover()
    return s
