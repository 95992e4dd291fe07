"""digests/sources_file.py: `check_added` checks the sources a SOURCES_FILE just added, against
the sample news site on 127.0.0.1 and a real SQLite file: a feed takes its title when nobody
named it, a page becomes its feed, a link that does not work is kept and counted."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import pytest

from digests import sources
from digests.models import Source
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources_file import FileCheck, check_added
from digests.storage import Database

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PAGE = ('<html><head><link rel="alternate" type="application/rss+xml" href="{feed}"></head>'
        '<body>قسم الأخبار</body></html>')


def _add(db: Database, settings: Settings, url: str, name: str | None = None) -> Source:
    return sources.add_source(db, url, settings=settings, now=NOW, require_dns=False, name=name)


def _by_id(db: Database, source: Source) -> Source:
    got = sources.get_source(db, source.id)
    assert got is not None
    return got


def test_nothing_added_is_nothing_checked(settings: Settings, database: Database) -> None:
    assert check_added(database, settings, []) == FileCheck()


def test_feed_page_and_broken_link(settings: Settings, database: Database,
                                   caplog: pytest.LogCaptureFixture) -> None:
    with SampleSite() as site:
        page = site.add_route("/section.html", Response(
            body=PAGE.format(feed=site.feed_url("world")).encode()))
        gone = site.add_route("/gone.xml", Response(status=404))
        feed = _add(database, settings, site.feed_url("main"))
        named = _add(database, settings, site.feed_url("economy"), name="اقتصاد")
        section = _add(database, settings, page)
        broken = _add(database, settings, gone)
        with caplog.at_level(logging.INFO):
            got = check_added(database, settings, [feed, named, section, broken])
        assert got == FileCheck(feeds=2, pages=1, broken=1)
        assert _by_id(database, feed).name == "نشرة الشرق — الأخبار الرئيسية"  # its title
        assert _by_id(database, named).name == "اقتصاد"  # the name the file gave stays
        assert _by_id(database, section).url == site.feed_url("world")  # the page's feed
        assert _by_id(database, broken).url == gone  # kept: it may be a passing outage
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("does not work" in w and "gone.xml" in w for w in warned), warned
    assert any("broken=1" in r.getMessage() for r in caplog.records)


def test_a_page_whose_feed_is_stored_already_stays(settings: Settings,
                                                   database: Database) -> None:
    with SampleSite() as site:
        page = site.add_route("/section.html", Response(
            body=PAGE.format(feed=site.feed_url("world")).encode()))
        _add(database, settings, site.feed_url("world"))
        section = _add(database, settings, page)
        assert check_added(database, settings, [section]) == FileCheck()
        assert _by_id(database, section).url == page


def test_inside_a_running_loop_nothing_is_checked(settings: Settings,
                                                  database: Database) -> None:
    source = _add(database, settings, "http://127.0.0.1:9/feed.xml")

    async def inside() -> FileCheck:
        return check_added(database, settings, [source])

    assert asyncio.run(inside()) == FileCheck()
