"""QA38 A2: a page listing thousands of related links cost O(links²) CPU and stored every link
(4.7 MB of related_json per article). Now the links read and kept are capped and the reading
is linear — measured in benchmarks/related_links.py, not here: tests never assert times.

Real parts: a local site over HTTP (digests.samplesite), the real poll (digests.pipeline.poll_once,
the real fetcher and page extraction), real SQLite.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digests.pages import MAX_RELATED_KEPT
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _page(n: int) -> str:
    items = "".join(f'<li><a href="/r/{i}.html">خبر ذو صلة رقم {i}</a> <time datetime='
                    f'"2026-11-1{i % 9}T10:00:00+03:00">x</time></li>' for i in range(n))
    return ('<html><head><meta charset="utf-8"><title>t</title></head><body><article>'
            '<h1>عنوان عن الغوطة</h1><p>'
            + "قال المتحدث إن القصف على الغوطة الشرقية استمر طوال الليل. " * 5
            + f"</p><section><h2>مواضيع ذات صلة</h2><ul>{items}</ul></section></article>"
            "</body></html>")


def test_a_flood_of_related_links_stores_a_few(tmp_path: Path) -> None:
    settings = Settings(database_path=tmp_path / "n.db", allow_private_sources=True,
                        fetch_timeout_seconds=10.0)
    with SampleSite(with_sample=False) as site, Database(tmp_path / "n.db") as db:
        feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T'
                f"</title><link>{site.url('/')}</link><item><title>خبر عن الغوطة</title>"
                f"<link>{site.url('/a.html')}</link><guid>a</guid><pubDate>"
                f"{(NOW - timedelta(minutes=5)).strftime('%a, %d %b %Y %H:%M:%S +0000')}"
                "</pubDate></item></channel></rss>").encode()
        site.add_route("/feed.xml", Response(body=feed, content_type="application/rss+xml"))
        site.add_route("/a.html", Response(body=_page(8000).encode()))
        add_source(db, site.url("/feed.xml"), settings=settings, now=NOW)
        summary = asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        assert [r.new for r in summary.reports] == [1]
        row = db.db.execute("select related_json, body from articles").fetchone()
        related = json.loads(row[0])
        assert len(related) == MAX_RELATED_KEPT
        assert related[0]["url"].endswith("/r/0.html") and related[0]["title"] == "خبر ذو صلة رقم 0"
        assert len(row[0]) < 5000
        assert "خبر ذو صلة" not in row[1]  # the block is still cut out of the body
