"""The courier on its own: what a bundle renders to, which errors prove "not sent", and a 429
read without PTB's deprecation warning (PTB_TIMEDELTA, see bot/__init__.py).

Sending under load (429 across chats, 403, migration, timeouts) is exercised through the sender
against the emulator in tests/test_sender.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from datetime import datetime

import httpx
import pytest
from telegram import Bot
from telegram.error import TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.bundles import Bundle
from bot.courier import Courier, SenderStats
from bot.emulator import Emulator
from bot.limiter import RateLimiter
from bot.send_failures import not_sent
from delivery_helpers import NOW, add_article, add_chat, add_source, rows, simple_render
from digests.models import Digest, iso
from digests.storage import Database

TOKEN = "123456:COURIER-TEST"


def courier(database: Database, calls: list[tuple[tuple[int, ...], str]]) -> Courier:
    def render(digests: list[Digest], lang: str, now: datetime,
               topics: Sequence[str] | None = None, kind: str = "instant",
               more: int = 0, button: bool = True, updates: frozenset[int] = frozenset(),
               chat_type: str | None = None) -> list[str]:
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


async def _deliver_into_a_429(database: Database) -> tuple[SenderStats, float]:
    """One bundle sent into the emulator's 429 (retry_after 1 s); the stats and how long after
    the refusal the emulator accepted the resent message (its own monotonic clock)."""
    src = add_source(database, "src")
    art = add_article(database, src, "خبر عاجل")
    add_chat(database, 1)
    with database.transaction() as tx:
        cur = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                         " status) values (?,?,?,?,?,?)",
                         [1, -art.id, art.id, "instant", iso(NOW), "pending"])
    row_id = int(cur.lastrowid or 0)
    stats = SenderStats()
    with Emulator() as emu:
        emu.inject_429(1, retry_after=1)
        async with Bot(TOKEN, base_url=emu.base_url) as bot:
            c = Courier(database, bot, simple_render, RateLimiter(30.0), stats,
                        default_language="ar", clock=lambda: NOW, retry_delay=1.0, busy=set())
            await c.deliver(Bundle(chat_id=1, row_ids=(row_id,), article_ids=(art.id,),
                                   kinds=frozenset({"instant"}), attempts=0))
        [refusal] = emu.refusals(429)
        [sent] = emu.sent_log()
    assert [r["status"] for r in rows(database)] == ["sent"]
    return stats, sent.at - refusal.at


@pytest.mark.filterwarnings("error::telegram.warnings.PTBDeprecationWarning")
async def test_a_429_is_waited_out_without_ptb_deprecation_warnings(database: Database) -> None:
    # PTB's RetryAfter reads its own retry_after when built: without the bot package's
    # PTB_TIMEDELTA opt-in this raises PTBDeprecationWarning (an error here) out of send_message.
    stats, resent_after = await _deliver_into_a_429(database)
    assert (stats.retry_after, stats.messages, stats.rows_sent) == (1, 1, 1)
    assert resent_after >= 1.0  # the timedelta was read as 1 s: nothing left before it passed


async def test_a_429_with_int_time_periods_is_waited_out_too(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "false")  # a user who opted out: PTB gives int seconds
    with pytest.warns(PTBDeprecationWarning, match="retry_after"):
        stats, resent_after = await _deliver_into_a_429(database)
    assert (stats.retry_after, stats.messages, stats.rows_sent) == (1, 1, 1)
    assert resent_after >= 1.0


async def test_a_delivered_digest_never_links_a_story_report_whose_page_is_gone(
        database: Database) -> None:
    """X6 item 1: the digest a subscriber is sent was stored with a "story" link to a report
    whose page has gone since (404/410): the story's newest live report from another source is
    linked in its place; with none live, no story link is."""
    import json

    from digests.models import RelatedItem

    a_src, b_src, c_src = (add_source(database, n) for n in ("a", "b", "c"))
    first = add_article(database, a_src, "خبر القصة الأول", story_id=7)
    mate = add_article(database, b_src, "خبر القصة الثاني", story_id=7)
    newest = add_article(database, c_src, "خبر القصة الأحدث", story_id=7)
    stored = [RelatedItem("خبر القصة الثاني", mate.url, mate.published_at, "story")]
    with database.transaction() as tx:  # keyed as the archive keys them (digests.urls.url_key)
        tx.execute("update articles set url_key = url")
        tx.execute("update articles set digest_related_json = ? where id = ?",
                   [json.dumps([r.to_json() for r in stored], ensure_ascii=False), first.id])
    seen: list[list[str]] = []

    def render(digests: list[Digest], lang: str, now: datetime,
               topics: Sequence[str] | None = None, kind: str = "instant",
               more: int = 0, button: bool = True, updates: frozenset[int] = frozenset(),
               chat_type: str | None = None) -> list[str]:
        seen.append([r.url for d in digests for r in d.related])
        return ["x"]

    def fresh() -> Courier:
        return Courier(database, Bot("123:COURIER"), render, RateLimiter(30.0), SenderStats(),
                       default_language="ar", clock=lambda: NOW, retry_delay=1.0, busy=set())

    fresh().messages_for(bundle(first.id))
    with database.transaction() as tx:
        tx.execute("update articles set page_status = 'gone' where id = ?", [mate.id])
    fresh().messages_for(bundle(first.id))
    with database.transaction() as tx:
        tx.execute("update articles set page_status = 'gone' where id = ?", [newest.id])
    fresh().messages_for(bundle(first.id))
    assert seen == [[mate.url], [newest.url], []]


def test_bundle_kind_names_what_the_header_says() -> None:
    """The renderer is told whether a bundle is a push, a daily digest (with the chat's local
    date the outbox wrote) or instant alerts."""
    from bot.bundles import bundle_kind

    assert bundle_kind({"push:3", "instant"}) == "push"
    assert bundle_kind({"daily:2026-11-30"}) == "daily:2026-11-30"
    assert bundle_kind({"daily:2026-11-29", "daily:2026-11-30"}) == "daily:2026-11-30"
    assert bundle_kind({"daily:2026-11-30", "instant"}) == "instant"  # a mode just changed
    assert bundle_kind(set()) == "instant"
    assert bundle_kind({"daily:2026-11-30"}, is_group=True) == "daily:2026-11-30:group"


async def test_a_daily_and_an_instant_bundle_of_the_same_stories_render_apart(
        database: Database) -> None:
    """The rendering cache is keyed by the bundle's kind too: a broadcast renders once per kind,
    so a daily digest never gets an instant alert's header, nor a group the private wording."""
    from bot.sender import default_render

    src = add_source(database, "src")
    art = add_article(database, src, "قصف على الغوطة", story_id=1)
    c = Courier(database, Bot("123:COURIER"), default_render, RateLimiter(30.0), SenderStats(),
                default_language="ar", clock=lambda: NOW, retry_delay=1.0, busy=set(),
                topics_of=lambda db, b, rows: ["الغوطة"])

    def header(kinds: set[str], chat_id: int = 1) -> str:
        b = Bundle(chat_id=chat_id, row_ids=(1,), article_ids=(art.id,), kinds=frozenset(kinds),
                   attempts=0, language="ar", is_group=chat_id < 0)
        messages, reason = c.messages_for(b)
        assert reason is None
        return messages[0].split("\n")[0]

    assert "📰 جديد «الغوطة»" in header({"instant"})
    assert "📰 نشرتك اليومية — ٢٩ نوفمبر ٢٠٢٦: «الغوطة»" in header({"daily:2026-11-29"})
    assert "📰 النشرة اليومية — ٢٩ نوفمبر ٢٠٢٦" in header({"daily:2026-11-29"}, chat_id=-5)
    assert "📰 جديد «الغوطة»" in header({"instant"})  # the daily rendering did not replace it


async def test_an_unreachable_api_backs_off_and_warns_once_a_minute(
        database: Database, caplog: pytest.LogCaptureFixture) -> None:
    """QA17 N-a: with the Bot API gone, each due chat's bundle is retried later — 1 s, 2 s, 4 s
    … (one Bot API for all chats), a minute at most — and one WARNING a minute counts them, not
    one a chat a second. A message that goes resets the back-off."""
    import logging

    src = add_source(database, "src")
    art = add_article(database, src, "قصف على الغوطة", story_id=1)
    chats = list(range(1, 9))
    ids = {}
    for chat in chats:
        add_chat(database, chat)
        with database.transaction() as tx:
            ids[chat] = tx.execute(
                "insert into outbox (chat_id, story_id, article_id, kind, created_at, status)"
                " values (?,?,?,?,?,?)", [chat, 1, art.id, "instant", iso(NOW), "pending"]
            ).lastrowid
    ticks = [0.0]
    gone = Emulator().start()
    async with Bot(TOKEN, base_url=gone.base_url) as dead:
        gone.stop()  # connections refused from now on
        c = Courier(database, dead, simple_render, RateLimiter(1000.0), SenderStats(),
                    default_language="ar", clock=lambda: NOW, retry_delay=1.0, busy=set(),
                    monotonic=lambda: ticks[0])
        caplog.set_level(logging.DEBUG, logger="bot.courier")
        for chat in chats:
            await c.deliver(Bundle(chat_id=chat, row_ids=(ids[chat],), article_ids=(art.id,),
                                   kinds=frozenset({"instant"}), attempts=0, language="ar"))
            ticks[0] += 1.0
        warned = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warned) == 1
        waits = [(datetime.fromisoformat(r["not_before"]) - NOW).total_seconds()
                 for r in sorted(rows(database), key=lambda r: r["chat_id"])]
        assert waits == [1, 2, 4, 8, 16, 32, 60, 60]
        assert {r["status"] for r in rows(database)} == {"pending"}
        assert all(r["attempts"] == 0 for r in rows(database))  # "not sent" uses no attempt
        ticks[0] += 60.0
        await c.deliver(Bundle(chat_id=1, row_ids=(ids[1],), article_ids=(art.id,),
                               kinds=frozenset({"instant"}), attempts=0, language="ar"))
        warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warned) == 2 and "(8 since the last report" in warned[1]
    with Emulator() as emu:
        async with Bot(TOKEN, base_url=emu.base_url) as live:
            c.bot = live
            await c.deliver(Bundle(chat_id=2, row_ids=(ids[2],), article_ids=(art.id,),
                                   kinds=frozenset({"instant"}), attempts=0, language="ar"))
    assert c.backoff.delay() == 1.0 and len(emu.sent_log()) == 1


async def test_a_render_is_told_the_chat_s_updates_and_type(database: Database) -> None:
    """The chat's facts reach the render as arguments of their own (Bundle.updates,
    Bundle.chat_type), never hidden in its topics, and the rendering cache keys by them: a
    broadcast renders once per distinct chat, not once per chat."""
    src = add_source(database, "src")
    a, b = (add_article(database, src, f"خبر {i}") for i in range(2))
    seen: list[tuple[tuple[str, ...] | None, frozenset[int], str | None]] = []

    def render(digests: list[Digest], lang: str, now: datetime,
               topics: Sequence[str] | None = None, kind: str = "instant",
               more: int = 0, button: bool = True, updates: frozenset[int] = frozenset(),
               chat_type: str | None = None) -> list[str]:
        seen.append((None if topics is None else tuple(topics), updates, chat_type))
        return ["x"]

    c = Courier(database, Bot("123:COURIER"), render, RateLimiter(30.0), SenderStats(),
                default_language="ar", clock=lambda: NOW, retry_delay=1.0, busy=set(),
                topics_of=lambda db, b, rows: ["الغوطة"])

    def send(chat_id: int, updates: frozenset[int] = frozenset(),
             chat_type: str | None = "private") -> None:
        c.messages_for(Bundle(chat_id=chat_id, row_ids=(1, 2), article_ids=(a.id, b.id),
                              kinds=frozenset({"instant"}), attempts=0, language="ar",
                              updates=updates, chat_type=chat_type))

    send(1)
    send(2)  # the same facts: the same rendering
    send(3, updates=frozenset({b.id}))
    send(4, updates=frozenset({b.id, 999}))  # an update it does not show changes nothing
    send(-5, chat_type="supergroup")
    send(-1006, chat_type="channel")
    assert seen == [(("الغوطة",), frozenset(), "private"),
                    (("الغوطة",), frozenset({b.id}), "private"),
                    (("الغوطة",), frozenset(), "supergroup"),
                    (("الغوطة",), frozenset(), "channel")]
