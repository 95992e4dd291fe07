"""A feed entry's title, summary, author and GUID are cut to size when the feed is read (QA56-1:
a 1,000,019-character title was stored whole and the poll took a minute more). A real poll
against the sample site on 127.0.0.1, real feedparser and SQLite.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest

from digests.entry_caps import GUID_CHARS, SUMMARY_CHARS, TITLE_CHARS, cut_text
from digests.feeds import read_entries
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, tzinfo=UTC)


def _feed(site: SampleSite, words: int) -> bytes:
    item = (f"<item><title>الغوطة خبر طويل {'خبر ' * words}</title>"
            f"<link>{site.url('/n/2.html')}</link><guid>{'g' * 3000}</guid>"
            f"<author>{'كاتب ' * 100}</author>"
            f"<description>&lt;p&gt;{'نص ' * (words * 2)}&lt;/p&gt;</description>"
            "<pubDate>Sat, 10 Mar 2018 11:00:00 GMT</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>قناة'
            f'</title>{item}</channel></rss>').encode()


async def test_a_poll_stores_a_huge_entry_cut_to_size(
        database: Database, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/huge.xml", Response(body=_feed(site, 20_000),
                                             content_type="application/rss+xml"))
        add_source(database, site.url("/huge.xml"), settings=settings, now=NOW)
        with caplog.at_level(logging.WARNING, logger="digests.entry_caps"):
            summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 1
    title, text, author, guid = database.db.execute(
        "select title, summary, author, guid from articles").fetchone()
    assert len(title) <= TITLE_CHARS and title.startswith("الغوطة خبر طويل خبر")
    assert title.endswith("خبر…")  # cut at a word's end, and marked
    assert len(text) <= SUMMARY_CHARS and text.startswith("نص نص") and "<p>" not in text
    assert len(author) <= 200 and len(guid) <= GUID_CHARS
    assert sum("feed entry cut to size" in r.getMessage() for r in caplog.records) == 1


def test_a_json_feed_entry_is_cut_too_and_long_guids_stay_apart() -> None:
    items = [{"id": "x" * 2000 + str(i), "url": f"http://news.test/{i}",
              "title": "عنوان " * 1000, "content_html": "<p>" + "كلمة " * 10_000 + "</p>"}
             for i in range(2)]
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items}).encode()
    entries = read_entries(body, {"content-type": "application/feed+json"}).entries
    assert all(len(e.title) <= TITLE_CHARS and len(e.summary) <= SUMMARY_CHARS for e in entries)
    guids = [e.guid or "" for e in entries]
    assert all(len(g) <= GUID_CHARS for g in guids) and guids[0] != guids[1]


def test_cut_text_keeps_short_text_and_never_passes_its_bound() -> None:
    assert cut_text("خبر قصير", 20) == "خبر قصير"
    assert cut_text("أ" * 50, 10) == "أ" * 9 + "…"  # one long word: cut inside it
    assert cut_text("كلمة " * 10, 12) == "كلمة كلمة…"
