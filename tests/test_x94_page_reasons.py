"""QA63-6: the /sources line under a source whose pages fail named one reason («تحويلات كثيرة
جدًا (أكثر من 5)») though its pages failed for three; the admin raises MAX_REDIRECTS and fixes
none of the other two. Now each distinct reason is named, with Arabic-Indic figures in Arabic.
Real polls against a site on 127.0.0.1.
"""

from __future__ import annotations

from datetime import datetime, timezone

from bot.source_notes import page_note, page_trouble
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 12, 2, 2, 30, tzinfo=timezone.utc)


async def test_every_distinct_page_failure_is_named(database: Database,
                                                    settings: Settings) -> None:
    items = "".join(f"<item><title>خبر رقم {n} عن الموازنة</title><link>/{slug}</link>"
                    f"<description>ملخص الخبر رقم {n} عن الموازنة العامة.</description></item>"
                    for n, slug in enumerate(["loop.html", "gone.html", "photo.html",
                                              "loop2.html"]))
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موقع'
            f"</title><link>/</link>{items}</channel></rss>").encode()
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=feed, content_type="application/rss+xml"))
        for loop in ("/loop.html", "/loop2.html"):
            site.add_route(loop, Response(status=302, body=b"", headers={"Location": loop}))
        site.add_route("/gone.html", Response(status=404, body=b"<h1>404</h1>"))
        site.add_route("/photo.html", Response(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
                                               content_type="image/png"))
        source = add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW)
    trouble = page_trouble(database, NOW)[source.id]
    ar, en = page_note(trouble, "ar"), page_note(trouble, "en")
    assert "٤ من ٤" in ar
    assert "تحويلات كثيرة جدًا (أكثر من ٥)" in ar and "5" not in ar
    assert "404" in en and "redirects" in en and "image" in en.lower()
    assert en.count("redirects") == 1  # the same reason twice is named once
