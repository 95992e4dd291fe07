"""QA63-7: an entry dated 1 January 1970 (a CMS's empty date) is news from now, not from 1970.

It was stored as 1970, shown «١ يناير ١٩٧٠» and taken as backfill (older than 48 h), so its
topic's followers never heard of it. Now a date before 2000, or (for an entry that appears after
its source's first day) one more than a year before the source was added, is treated like a
missing one: the fetch time, logged. Real polls against a site on 127.0.0.1, real SQLite.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlite_utils
from archivekit import get_article_by_url

from digests import processing
from digests.dates import stored_time
from digests.models import Article
from digests.pipeline import poll_once
from digests.processing import StoreContext
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 12, 2, 2, 30, tzinfo=timezone.utc)
EPOCH = "Thu, 01 Jan 1970 00:00:00 +0000"


def _feed(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f"<item><title>{title}</title><link>/{slug}.html</link><guid>{slug}</guid>"
                   f"<pubDate>{date}</pubDate><description>{title} وتفاصيل.</description></item>"
                   for slug, title, date in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موقع'
            f"</title><link>/</link>{body}</channel></rss>").encode()


def _page(title: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{title}. قال مسؤول في المنطقة إن المياه غمرت القرى المجاورة.</p>"
            "</article></body></html>").encode()


def _serve(site: SampleSite, items: list[tuple[str, str, str]]) -> None:
    site.add_route("/feed.xml", Response(body=_feed(items), content_type="application/rss+xml"))
    for slug, title, _ in items:
        site.add_route(f"/{slug}.html", Response(body=_page(title), content_type="text/html"))


@pytest.fixture
def backfills(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    seen: dict[str, bool] = {}

    def recorder(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
        seen[article.title] = ctx.backfill

    monkeypatch.setattr(processing, "default_steps", lambda: [recorder])
    return seen


async def test_a_new_entry_dated_1970_is_stored_at_its_fetch_time_and_is_news(
        database: Database, settings: Settings, backfills: dict[str, bool],
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    first = [("a1", "افتتاح سد جديد في الشمال", "Tue, 01 Dec 2026 10:00:00 +0000")]
    later = NOW + timedelta(hours=3)
    epoch = ("a2", "انهيار سد النهضة يغرق قرى سودانية", EPOCH)
    with SampleSite(with_sample=False) as site:
        _serve(site, first)
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW)
        _serve(site, first + [epoch])
        await poll_once(database, settings, now=later, only_due=False)
        article = get_article_by_url(database, site.url("/a2.html"))
    assert article is not None and article.published_at == later
    assert backfills[epoch[1]] is False  # a follower of «سد النهضة» is told
    assert "implausibly old" in caplog.text and "a2.html" in caplog.text


async def test_an_entry_dated_years_before_its_source_was_added_appearing_later(
        database: Database, settings: Settings, backfills: dict[str, bool]) -> None:
    """Old stories a new source's feed lists keep their dates (the archive takes them all);
    one that appears later dated years before the source was added is a wrong date."""
    old = ("a1", "تقرير قديم عن الموازنة العامة", "Mon, 02 Dec 2024 10:00:00 +0000")
    months = ("a3", "الأكثر قراءة: حوار مع وزير المالية", "Mon, 01 Sep 2026 10:00:00 +0000")
    bogus = ("a2", "وزير المالية يعلن موازنة جديدة", "Sat, 01 Jan 2005 00:00:00 +0000")
    later = NOW + timedelta(days=2)
    with SampleSite(with_sample=False) as site:
        _serve(site, [old])
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW)
        _serve(site, [old, months, bogus])
        await poll_once(database, settings, now=later, only_due=False)
        stored = {slug: get_article_by_url(database, site.url(f"/{slug}.html"))
                  for slug in ("a1", "a2", "a3")}
    assert all(stored.values())
    assert stored["a1"].published_at == datetime(2024, 12, 2, 10, tzinfo=timezone.utc)  # type: ignore[union-attr]
    assert stored["a3"].published_at == datetime(2026, 9, 1, 10, tzinfo=timezone.utc)  # type: ignore[union-attr]
    assert stored["a2"].published_at == later  # type: ignore[union-attr]
    assert backfills[months[1]] is True and backfills[bogus[1]] is False


def test_stored_time_rules() -> None:
    added = NOW - timedelta(days=10)
    assert stored_time(datetime(1970, 1, 1, tzinfo=timezone.utc), NOW) == NOW
    assert stored_time(datetime(1, 1, 1, tzinfo=timezone.utc), NOW) == NOW
    assert stored_time(datetime(1999, 12, 31, tzinfo=timezone.utc), NOW, added) == NOW
    two_years = NOW - timedelta(days=730)
    assert stored_time(two_years, NOW) == two_years  # no source date known
    assert stored_time(two_years, added + timedelta(hours=2), added) == two_years  # first day
    assert stored_time(two_years, NOW, added) == NOW


async def test_the_migration_redates_stored_1970_articles(
        tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "old.db"
    items = [("a1", "افتتاح سد جديد في الشمال", "Tue, 01 Dec 2026 10:00:00 +0000"),
             ("a2", "انهيار سد النهضة يغرق قرى سودانية", "Tue, 01 Dec 2026 11:00:00 +0000")]
    with SampleSite(with_sample=False) as site, Database(path) as database:
        _serve(site, items)
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW)
        with database.transaction() as sql:  # as sessions up to 22 stored an epoch date
            sql.execute("update articles set published_at = '1970-01-01T00:00:00+00:00'"
                        " where url like '%a2.html'")
            sql.execute("delete from _migrations where name = '049_epoch_dates'")
    with Database(path) as database:
        assert database.applied_migrations()[-1] == "049_epoch_dates"
        dates = [row[0] for row in database.db.execute(
            "select published_at from articles order by url")]
    assert dates == ["2026-12-01T10:00:00+00:00", NOW.isoformat()]
