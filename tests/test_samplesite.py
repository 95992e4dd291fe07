"""The shipped sample news site: feeds, pages, conditional GET, extensible routes."""

from __future__ import annotations

from datetime import datetime, timezone

import httpx

from digests.feeds import parse_feed
from digests.pages import extract_page
from digests.samplesite import Request, Response, SampleSite, visible_arabic_date


def test_feeds_pages_and_conditional_get() -> None:
    with SampleSite() as site, httpx.Client() as client:
        assert site.base_url.startswith("http://127.0.0.1:")
        counts = []
        for url in site.feed_urls:
            response = client.get(url)
            assert response.status_code == 200 and response.headers["etag"]
            entries = parse_feed(response.content, response.headers, url)
            counts.append(len(entries))
            for entry in entries:
                page = client.get(entry.url)
                assert page.status_code == 200
                assert extract_page(page.text, entry.url).paragraphs
            again = client.get(url, headers={"If-None-Match": response.headers["etag"]})
            assert again.status_code == 304 and again.content == b""
            since = client.get(url, headers={"If-Modified-Since":
                                             response.headers["last-modified"]})
            assert since.status_code == 304
        assert counts == [4, 4, 3]
        assert client.get(site.url("/nowhere")).status_code == 404
        assert site.hits(status=304) == 6


def test_publish_changes_the_feed_and_routes_are_extensible() -> None:
    with SampleSite() as site, httpx.Client() as client:
        before = client.get(site.feed_url("world")).headers["etag"]
        url = site.publish(slug="x", feed="world", title="خبر جديد", paragraphs=["نص."],
                           published=datetime(2018, 3, 12, tzinfo=timezone.utc))
        after = client.get(site.feed_url("world"), headers={"If-None-Match": before})
        assert after.status_code == 200 and url.encode() in after.content
        site.add_route("/echo", lambda request: Response(body=request.headers["x-test"].encode(),
                                                         conditional=False))
        assert client.get(site.url("/echo"), headers={"X-Test": "نعم".encode().hex()}).text == \
            "نعم".encode().hex()
        assert isinstance(site.requests[-1], Request) and site.requests[-1].path == "/echo"


def test_visible_arabic_date_uses_both_month_series() -> None:
    dt = datetime(2018, 3, 5, 16, 45, tzinfo=timezone.utc)
    assert visible_arabic_date(dt) == "الاثنين 5 آذار/مارس 2018 - 16:45"
    assert visible_arabic_date(dt, indic_digits=True) == "الاثنين ٥ آذار/مارس ٢٠١٨ - ١٦:٤٥"
