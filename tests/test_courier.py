"""The courier on its own: what a bundle renders to, and which errors prove "not sent".

Sending itself (429, 403, migration, timeouts) is exercised through the sender against the
emulator in tests/test_sender.py.
"""

from __future__ import annotations

from datetime import datetime

import httpx
from telegram import Bot
from telegram.error import TimedOut

from bot.courier import Bundle, Courier, SenderStats, not_sent
from bot.limiter import RateLimiter
from delivery_helpers import NOW, add_article, add_source
from digests.models import Digest
from digests.storage import Database


def courier(database: Database, calls: list[tuple[tuple[int, ...], str]]) -> Courier:
    def render(digests: list[Digest], lang: str, now: datetime) -> list[str]:
        calls.append((tuple(d.article_id or 0 for d in digests), lang))
        return [f"{lang}:{len(digests)}"]
    return Courier(database, Bot("123:COURIER"), render, RateLimiter(30.0), SenderStats(),
                   default_language="en", clock=lambda: NOW, retry_delay=1.0, busy=set())


def bundle(*article_ids: int | None, language: str | None = "ar") -> Bundle:
    return Bundle(chat_id=1, row_ids=tuple(range(len(article_ids))), article_ids=article_ids,
                  kinds=frozenset({"instant"}), attempts=0, language=language)


async def test_messages_render_once_per_plan_and_language(database: Database) -> None:
    src = add_source(database, "src")
    a, b = (add_article(database, src, f"خبر {i}") for i in range(2))
    calls: list[tuple[tuple[int, ...], str]] = []
    c = courier(database, calls)
    assert c.messages_for(bundle(a.id, b.id)) == (["ar:2"], None)
    assert c.messages_for(bundle(a.id, b.id)) == (["ar:2"], None)  # a broadcast: cached
    assert c.messages_for(bundle(a.id, language=None)) == (["en:1"], None)  # default language
    assert calls == [((a.id, b.id), "ar"), ((a.id,), "en")]
    c.forget_renderings()
    c.messages_for(bundle(a.id, b.id))
    assert len(calls) == 3


async def test_nothing_to_render_says_why(database: Database) -> None:
    calls: list[tuple[tuple[int, ...], str]] = []
    c = courier(database, calls)
    assert c.messages_for(bundle(None)) == ([], "no article to render")
    assert c.messages_for(bundle(987654)) == ([], "article removed")
    assert calls == []


def test_not_sent_classification() -> None:
    pool = TimedOut("Pool timeout: All connections in the connection pool are occupied.")
    assert not_sent(pool)
    connect = TimedOut()
    connect.__cause__ = httpx.ConnectTimeout("x")
    assert not_sent(connect)
    read = TimedOut()
    read.__cause__ = httpx.ReadTimeout("x")
    assert not not_sent(read)
