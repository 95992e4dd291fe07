"""QA38 A1: one entry with an invalid character reference (a surrogate, past U+10FFFF, a huge
number) or a JSON Feed's lone surrogate cost its whole source every poll. Now the bad character
becomes U+FFFD and every entry of the source is stored.

Real parts: a local site over HTTP (digests.samplesite), the real poll (digests.pipeline.poll_once:
the real fetcher, real feedparser), real SQLite.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digests.char_refs import fix_char_refs, scrub
from digests.feeds import read_entries
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PAGE = ('<html><head><meta charset="utf-8"><title>t</title></head><body><article><h1>{t}</h1>'
        '<p>قال المتحدث باسم الدفاع المدني إن القصف على الغوطة الشرقية استمر طوال الليل وإن'
        ' المدنيين بلا مأوى في البلدات المحاصرة منذ أسابيع.</p></article></body></html>')
BAD = ["&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;", "&#99999999999;"]


def _rss(site: SampleSite, titles: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{site.url(f'/a/{i}.html')}</link><guid>g{i}</guid>"
        f"<pubDate>{(NOW - timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')}"
        f"</pubDate><description>ملخص {t}</description></item>" for i, t in enumerate(titles))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>خلاصة'
            f"</title><link>{site.url('/')}</link>{items}</channel></rss>").encode()


def test_invalid_references_cost_one_character_not_the_source(tmp_path: Path) -> None:
    settings = Settings(database_path=tmp_path / "n.db", allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    with SampleSite(with_sample=False) as site, Database(tmp_path / "n.db") as db:
        titles = ["خبر سليم أول عن الغوطة"] + [f"خبر {bad} عن الغوطة {i}"
                                               for i, bad in enumerate(BAD)]
        site.add_route("/feed.xml", Response(body=_rss(site, titles),
                                             content_type="application/rss+xml"))
        for i in range(len(titles)):
            site.add_route(f"/a/{i}.html", Response(body=PAGE.format(t=f"عنوان {i}").encode()))
        source = add_source(db, site.url("/feed.xml"), settings=settings, now=NOW)
        summary = asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        report = next(r for r in summary.reports if r.source_id == source.id)
        assert report.error is None
        assert report.new == len(titles)
        stored = [r["title"] for r in db.db.query(
            "select title from articles where source_id = ? order by id", [source.id])]
        assert len(stored) == len(titles)
        assert sum("\ufffd" in t for t in stored) == len(BAD)
        row = db.db.execute("select consecutive_failures, last_error from sources where id = ?",
                            [source.id]).fetchone()
        assert tuple(row) == (0, None)


def test_json_feed_lone_surrogates_are_stored_as_replacement(tmp_path: Path) -> None:
    settings = Settings(database_path=tmp_path / "n.db", allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    with SampleSite(with_sample=False) as site, Database(tmp_path / "n.db") as db:
        doc = {"version": "https://jsonfeed.org/version/1.1", "title": "جيسون \ud800",
               "items": [{"id": f"j{i}", "url": site.url(f"/j/{i}.html"),
                          "title": f"خبر جيسون {i} \ud800 الغوطة", "summary": "ملخص \udfff",
                          "date_published": (NOW - timedelta(minutes=i)).isoformat(),
                          "authors": [{"name": "كاتب \ud83d"}]} for i in range(3)]}
        site.add_route("/feed.json", Response(body=json.dumps(doc).encode(),
                                              content_type="application/feed+json"))
        for i in range(3):
            site.add_route(f"/j/{i}.html", Response(body=PAGE.format(t=f"عنوان {i}").encode()))
        source = add_source(db, site.url("/feed.json"), settings=settings, now=NOW)
        summary = asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        report = next(r for r in summary.reports if r.source_id == source.id)
        assert report.error is None and report.new == 3
        titles = [r["title"] for r in db.db.query("select title from articles")]
        assert len(titles) == 3 and all("\ufffd" in t for t in titles)
        name = db.db.execute("select name from sources where id = ?", [source.id]).fetchone()[0]
        assert name == "جيسون \ufffd"


def test_entry_that_cannot_be_read_is_skipped_and_named(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    import digests.feeds as feeds

    real = feeds.strip_html

    def fragile(text: str) -> str:
        if "مسموم" in text:
            raise ValueError("a parser bug")
        return real(text)

    monkeypatch.setattr(feeds, "strip_html", fragile)
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            '<item><title>سليم</title><link>http://e.com/1</link><guid>g1</guid></item>'
            '<item><title>مسموم</title><link>http://e.com/2</link><guid>g2</guid></item>'
            '<item><title>سليم آخر</title><link>http://e.com/3</link><guid>g3</guid></item>'
            '</channel></rss>').encode()
    read = read_entries(body, {"content-type": "application/rss+xml"}, "http://e.com/feed")
    assert [e.title for e in read.entries] == ["سليم", "سليم آخر"]
    assert read.skipped == ("g2",)
    assert "feed entry skipped" in caplog.text and "id=g2" in caplog.text


def test_helpers() -> None:
    assert fix_char_refs("a &#x41; &#xD800; &#1114112; &#65;") == "a &#x41; &#xFFFD; &#xFFFD; &#65;"
    assert fix_char_refs("&#" + "9" * 10000 + ";") == "&#xFFFD;"
    assert scrub("a\ud800b") == "a\ufffdb"
