"""QA63-11: entries whose link is `file:` or `javascript:`, or that have no link at all, vanished
without a word («of 2» for a feed of 4); an entry linking a cloud-metadata address was stored and
its link given to readers. Now they are skipped entries: counted, logged, named in /sources'
«entries not read» line; and no article keeps a link the address rule refuses. Real polls
against a site on 127.0.0.1, real feedparser and SQLite.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest

from bot.source_lines import skipped_note
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_work import skipped_of
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 12, 2, 2, 30, tzinfo=timezone.utc)


def _item(title: str, link: str | None) -> str:
    return (f"<item><title>{title}</title>" + (f"<link>{link}</link>" if link else "")
            + f"<description>{title} وتفاصيل الخبر.</description></item>")


async def test_entries_without_a_readable_link_are_counted_and_logged(
        database: Database, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    items = [_item("ملف النظام", "file:///etc/passwd"),
             _item("رابط سكربت", "javascript:alert(document.cookie)"),
             _item("رابط بيانات الخادم السحابي", "http://169.254.169.254/latest/meta-data/"),
             _item("خبر بلا رابط ولا معرف عن زيارة الوزير", None),
             _item("خبر عادي عن زيارة الرئيس", "/a1.html")]
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موقع'
            f"</title><link>/</link>{''.join(items)}</channel></rss>").encode()
    page = ("<html><body><article><h1>خبر عادي عن زيارة الرئيس</h1><p>وصل الرئيس اليوم إلى"
            " العاصمة في زيارة رسمية تستمر يومين يلتقي خلالها كبار المسؤولين.</p></article>"
            "</body></html>").encode()
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=feed, content_type="application/rss+xml"))
        site.add_route("/a1.html", Response(body=page, content_type="text/html"))
        source = add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        summary = await poll_once(database, settings, now=NOW)
    urls = [row[0] for row in database.db.execute("select url from articles")]
    assert urls == [site.url("/a1.html")]
    assert summary.new == 1
    skipped = skipped_of(source.id)
    assert skipped is not None and (skipped.count, skipped.listed) == (4, 5)
    note_ar, note_en = skipped_note(skipped, "ar"), skipped_note(skipped, "en")
    assert "٤ من ٥" in note_ar and "4 of 5" in note_en
    assert "file:" in skipped.error or "javascript:" in skipped.error
    assert caplog.text.count("feed entry skipped") == 4
    assert "169.254.169.254" in caplog.text
