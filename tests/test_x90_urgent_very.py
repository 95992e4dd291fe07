"""X90 (QA61-2, check only): QA61 saw «عاجل جدا: استقالة الحكومة اللبنانية» shown everywhere as
«جدا: استقالة الحكومة اللبنانية». b1bf680 (review REV) keeps the label whole where it goes on
(«عاجل جدا»); this pins QA61's own headline, pure and through the real poller and a local feed
into a real SQLite file. Passes on b1bf680 (no fix here)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.headline import clean_headline
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, 9, 0, tzinfo=UTC)
TITLE = "عاجل جدا: استقالة الحكومة اللبنانية"


def _not_garbled(shown: str) -> bool:
    return shown in (TITLE, "استقالة الحكومة اللبنانية")


def test_very_urgent_is_not_cut_to_very() -> None:
    assert _not_garbled(clean_headline(TITLE)), clean_headline(TITLE)


async def test_a_feed_title_very_urgent_is_stored_whole(database: Database,
                                                        settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/q.html", Response(body=render_page({
            "title": "استقالة الحكومة اللبنانية", "published": NOW.isoformat(),
            "paragraphs": ["قدم رئيس الحكومة اللبنانية استقالة حكومته اليوم إلى رئيس الجمهورية."],
            "author": "مراسل"}, "").encode(), content_type="text/html; charset=utf-8"))
        site.add_route("/f.xml", Response(body=(
            '<rss version="2.0"><channel><title>t</title><item>'
            f'<title>{TITLE}</title><link>{site.url("/q.html")}</link><guid>q</guid>'
            f'<pubDate>{NOW:%a, %d %b %Y %H:%M:%S GMT}</pubDate></item></channel></rss>'
        ).encode(), content_type="application/rss+xml; charset=utf-8"))
        add_source(database, site.url("/f.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW, only_due=False)
    headlines = [r[0] for r in database.db.execute("select headline from articles")]
    assert len(headlines) == 1 and _not_garbled(headlines[0]), headlines
