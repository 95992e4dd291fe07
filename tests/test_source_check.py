"""digests.source_check: feed links declared by pages, feed titles, and the check itself
against the sample site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from digests.errors import FetchError, SourceError
from digests.feeds import parse_feed
from digests.samplesite import Response, SampleSite, load_sample, render_feed
from digests.settings import Settings
from digests.source_check import (
    check_source,
    clean_title,
    feed_links,
    feed_title,
    misread_titles,
)
from digests.sources import add_source, get_source
from digests.storage import Database


def misread_title(body: bytes, headers: Mapping[str, str] | None = None) -> str | None:
    """The first of `misread_titles` (the mojibake one when the feed had both), or None: the
    product's own wrapper had only these tests to call it (QA73-12)."""
    return next(iter(misread_titles(body, headers)), None)


def test_feed_links_keeps_declared_feeds_in_order_absolute_and_once() -> None:
    html = ('<html><head><link rel="stylesheet" href="/s.css">'
            '<link rel="alternate" type="text/html" hreflang="en" href="/en/">'
            '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
            '<LINK REL="Alternate feed" TYPE="application/atom+xml; charset=utf-8" '
            'HREF="https://cdn.example/a.atom">'
            '<link rel="alternate" type="application/rss+xml" href="rss.xml">'
            '<link rel="alternate" type="application/rss+xml" href="javascript:x">'
            "</head><body></body></html>")
    assert feed_links(html, "https://news.example/ar/index.html") == [
        "https://news.example/rss.xml", "https://cdn.example/a.atom",
        "https://news.example/ar/rss.xml"]
    assert feed_links("<p>لا شيء هنا", "https://news.example/") == []


@pytest.mark.parametrize("slug", ["main", "world", "economy"])
def test_feed_title_of_every_sample_format(slug: str) -> None:
    feeds, articles = load_sample()
    feed = next(f for f in feeds if f["slug"] == slug)
    body = render_feed(feed, articles[:2], "http://127.0.0.1")
    assert feed_title(body) == feed["title"]


def test_feed_title_is_one_short_line_or_nothing() -> None:
    assert clean_title("  نشرة\n  الشرق\t") == "نشرة الشرق"
    long = clean_title("خبر " * 40)
    assert len(long) <= 81 and long.endswith("…") and "  " not in long
    assert feed_title(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>') == ""
    assert feed_title(b'{"items": []}', {"Content-Type": "application/feed+json"}) == ""


async def test_check_source_finds_the_feed_of_a_page(settings: Settings) -> None:
    with SampleSite() as site:
        page = site.add_route("/index.html", Response(
            body=b'<html><head><link rel="alternate" type="application/atom+xml" '
                 b'href="/feeds/world.atom"></head></html>'))
        direct = await check_source(site.feed_url("economy"), settings)
        found = await check_source(page, settings)
        with pytest.raises(SourceError) as not_feed:
            await check_source(site.article_url("ghouta-macron-rouhani"), settings)
        with pytest.raises(FetchError) as missing:
            await check_source(site.url("/nothing.xml"), settings)
    assert (direct.url, direct.title, direct.page_url) == (
        site.feed_url("economy"), "المدى الاقتصادي والرياضي", None)
    assert direct.entries > 0
    assert (found.url, found.title, found.page_url) == (
        site.feed_url("world"), "وكالة المدى — العالم العربي", page)
    assert not_feed.value.why is not None and not_feed.value.why.kind == "not_feed"
    assert not_feed.value.why.detail == "html"
    assert missing.value.why is not None
    assert (missing.value.why.kind, missing.value.why.detail) == ("http_status", "404")


_CUT = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'
        b"<item><title>broken")


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/html; charset=utf-8"])
async def test_a_feed_cut_off_mid_item_is_damaged_not_a_page(settings: Settings,
                                                             content_type: str) -> None:
    """RSS broken mid-item with nothing readable: «feed_broken» (the XML is bad), not «not a
    feed», whatever type the site says it is; also when a page points to it (QA5 N6)."""
    with SampleSite() as site:
        cut = site.add_route("/cut.xml", Response(body=_CUT, content_type=content_type))
        page = site.add_route("/index.html", Response(
            body=b'<html><head><link rel="alternate" type="application/rss+xml" '
                 b'href="/cut.xml"></head></html>'))
        with pytest.raises(SourceError) as direct:
            await check_source(cut, settings)
        with pytest.raises(SourceError) as pointed:
            await check_source(page, settings)
    for error in (direct.value, pointed.value):
        assert error.why is not None
        assert (error.why.kind, error.why.host) == ("feed_broken", f"127.0.0.1:{site.port}")


@pytest.mark.parametrize("typed, candidates", [
    ("www.example.com/feed", ("https://www.example.com/feed", "http://www.example.com/feed")),
    ("example.com", ("https://example.com", "http://example.com")),
    ("127.0.0.1:8080/rss?x=1",
     ("https://127.0.0.1:8080/rss?x=1", "http://127.0.0.1:8080/rss?x=1")),
    (" https://x.example/a ", ("https://x.example/a",)),
    ("http://", ("http://",)),  # a scheme alone stays what was typed: validation refuses it
    ("ftp://x.example", ("ftp://x.example",)), ("notaurl", ("notaurl",)),
    ("two words.com", ("two words.com",)),
])
def test_a_link_without_a_scheme_is_tried_as_https_then_http(typed: str,
                                                              candidates: tuple[str, ...]) -> None:
    from digests.source_check import link_candidates

    assert link_candidates(typed) == candidates


async def test_check_link_falls_back_to_http_only_when_https_cannot_connect(
        settings: Settings) -> None:
    """The sample site speaks plain HTTP: https:// to it fails to connect (no TLS there), so
    http:// is tried and works. A site that answers https:// (here: a 404) is not tried again
    with http://."""
    from digests.source_check import check_link, link_candidates

    with SampleSite() as site:
        typed = site.feed_url("main").removeprefix("http://")
        tried: list[str] = []
        checked = await check_link(link_candidates(typed), settings, tried=tried)
        assert tried == ["https://" + typed, "http://" + typed]
        assert checked.url == site.feed_url("main") and checked.entries > 0
        tried = []
        with pytest.raises(FetchError) as missing:
            await check_link((site.url("/nothing.xml"), site.url("/other.xml")), settings,
                             tried=tried)
        assert tried == [site.url("/nothing.xml")]
        assert missing.value.why is not None and missing.value.why.kind == "http_status"
        tried = []
        with pytest.raises(FetchError) as refused:  # both refused: the last one's error
            await check_link(link_candidates("127.0.0.1:9/feed.xml"), settings, tried=tried)
        assert len(tried) == 2 and refused.value.why is not None
        assert refused.value.why.kind == "refused"


_TITLE = "خلاصة يونيكود معلن أنها ويندوز"
_ITEM = "المغرب يفتتح أكبر محطة للطاقة الشمسية"


def _mislabelled_feed(encoding: str, declared: str) -> bytes:
    return (f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel>'
            f"<title>{_TITLE}</title><link>http://127.0.0.1/</link>"
            f"<item><title>{_ITEM}</title><link>http://127.0.0.1/a.html</link></item>"
            "</channel></rss>").encode(encoding)


@pytest.mark.parametrize("encoding, declared", [
    ("utf-8", "windows-1256"),  # valid UTF-8 that says windows-1256 (QA8 F2)
    ("windows-1256", "utf-8"),  # the reverse: legacy bytes that say UTF-8
    ("windows-1256", "windows-1256"),  # honest legacy bytes
    ("utf-8", "utf-8"),
])
async def test_a_mislabelled_feed_gets_its_title_decoded_as_its_entries(
        settings: Settings, encoding: str, declared: str) -> None:
    """The source's name is decoded once, with the encoding decision its entries get: a UTF-8
    feed declaring windows-1256 (in the XML and the header) is not named in mojibake (QA8 F2)."""
    body = _mislabelled_feed(encoding, declared)
    with SampleSite() as site:
        url = site.add_route("/feed.xml", Response(
            body=body, content_type=f"application/rss+xml; charset={declared}"))
        checked = await check_source(url, settings)
    assert (checked.title, checked.entries) == (_TITLE, 1)
    headers = {"Content-Type": f"application/rss+xml; charset={declared}"}
    assert feed_title(body, headers) == _TITLE == feed_title(body)
    assert [e.title for e in parse_feed(body, headers)] == [_ITEM]


def test_misread_title_is_only_for_utf8_declaring_a_legacy_charset() -> None:
    """The mojibake name an older poll gave (QA8 F2), so a later poll can rename the source;
    None for every feed that was named right."""
    header = {"Content-Type": "application/rss+xml; charset=windows-1256"}
    assert misread_title(_mislabelled_feed("utf-8", "windows-1256"), header) == \
        "ط®ظ„ط§طµط© ظٹظˆظ†ظٹظƒظˆط¯ ظ…ط¹ظ„ظ† ط£ظ†ظ‡ط§ ظˆظٹظ†ط¯ظˆط²"
    for encoding, declared in (("windows-1256", "utf-8"), ("windows-1256", "windows-1256"),
                               ("utf-8", "utf-8")):
        headers = {"Content-Type": f"application/rss+xml; charset={declared}"}
        assert misread_title(_mislabelled_feed(encoding, declared), headers) is None


# A WordPress-style feed: the channel title escaped twice, as QA10 F1's test site served it.
_ESCAPED_FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                 "<title>أخبار &amp;quot;المحلية&amp;quot; &#x2014; اختبار &amp;amp; تجربة</title>"
                 "<item><title>خبر</title><link>{link}</link></item></channel></rss>")
_UNESCAPED = 'أخبار "المحلية" — اختبار & تجربة'
_AS_STORED = "أخبار &quot;المحلية&quot; — اختبار &amp; تجربة"  # the name session 5 stored


def test_a_title_escaped_twice_is_decoded() -> None:
    """QA10 F1: «&amp;quot;» reached the source's name as «&quot;» (feedparser decodes once)."""
    body = _ESCAPED_FEED.format(link="http://127.0.0.1/a").encode()
    assert feed_title(body) == _UNESCAPED
    assert clean_title("T &amp; &#1575; &lt;b&gt;") == "T & ا"  # a tag is no name (QA56-4)
    # JSON Feed has no XML escaping of its own: its title is decoded once
    assert feed_title(b'{"title": "A &quot;B&quot; &amp; C", "items": []}',
                      {"Content-Type": "application/feed+json"}) == 'A "B" & C'
    # the cut at TITLE_CHARS comes after decoding: no entity is cut in half
    long = clean_title("&quot;" + "خبر " * 30)
    assert long.startswith('"') and "&" not in long
    # the old reading is what a poll renames; a feed without entities has none
    assert misread_titles(body) == (_AS_STORED,) and misread_title(body) == _AS_STORED
    plain = _ESCAPED_FEED.replace("&amp;quot;", "").replace("&#x2014; ", "").replace(
        "&amp;amp; ", "").format(link="http://127.0.0.1/a").encode()
    assert misread_titles(plain) == () and misread_title(plain) is None


@pytest.mark.parametrize("named, expected", [
    (_AS_STORED, _UNESCAPED),                      # named by its feed before the fix: renamed
    ("اسم &quot;كتبه&quot; المشرف", "اسم &quot;كتبه&quot; المشرف"),  # typed: left alone
])
async def test_a_source_named_with_visible_entities_is_renamed_at_its_next_poll(
        settings: Settings, named: str, expected: str) -> None:
    """QA10 F1: a source named by a feed title that kept its entities takes the decoded title
    at its next poll, in a real SQLite file; a name an admin typed is never replaced."""
    from datetime import UTC, datetime

    from digests.pipeline import poll_once

    now = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
    db = Database(settings.database_path)
    try:
        with SampleSite() as site:
            url = site.add_route("/wp.xml", Response(
                body=_ESCAPED_FEED.format(link=site.url("/a.html")).encode(),
                content_type="application/rss+xml; charset=utf-8"))
            source = add_source(db, url, settings=settings, now=now, name=named)
            await poll_once(db, settings, now=now, only_due=False)
        renamed = get_source(db, source.id)
        assert renamed is not None and renamed.name == expected
    finally:
        db.close()


def test_a_mislabelled_feed_with_entities_lists_both_older_names() -> None:
    """A UTF-8 feed declaring windows-1256 whose title is escaped twice was named in mojibake
    with entities before session 5, and with entities before session 6: both are older names."""
    body = ('<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel>'
            "<title>نشرة &amp;quot;الخليج&amp;quot;</title></channel></rss>").encode()
    headers = {"Content-Type": "application/rss+xml; charset=windows-1256"}
    assert feed_title(body, headers) == 'نشرة "الخليج"'
    mojibake, escaped = misread_titles(body, headers)
    assert escaped == "نشرة &quot;الخليج&quot;"
    assert "&quot;" in mojibake and "الخليج" not in mojibake
    assert misread_title(body, headers) == mojibake  # what digests.source_work compares today
