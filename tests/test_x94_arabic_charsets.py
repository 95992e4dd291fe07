"""QA63-8 / QA63-1: Arabic feeds and pages under a wrong charset label, or none, read right.

A windows-1256 feed served `charset=iso-8859-1` (the Apache/IIS default) was stored as
«ÇáãÍßãÉ ÊÕÏÑ …»; an ISO-8859-6 one with no charset, or a wrong `utf-8`, as «èزêر انهانêة …»
(the fallback was windows-1256 only). Real polls against a news site on 127.0.0.1, real
feedparser and SQLite.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from archivekit import get_article_by_url

from digests.charset_guess import arabic_codec
from digests.encoding import decode, detect_encoding
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source, get_source
from bot.reasons import reason_text
from digests.errors import NashraError
from digests.source_check import check_source, feed_title
from digests.storage import Database

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
NAME = "جريدة الشروق"
TITLE = "المحكمة تصدر حكمها في قضية الفساد"
TEXT = ("وقال مسؤول في وزارة الصحة إن الحصيلة ارتفعت بعد غارات استهدفت أحياء سكنية في المدينة،"
        " مشيرا إلى أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض.")


def _feed(encoding: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel>'
            f"<title>{NAME}</title><link>/</link><description>x</description><item>"
            f"<title>{TITLE}</title><link>/a.html</link><guid>a1</guid>"
            f"<pubDate>Wed, 02 Dec 2026 01:00:00 GMT</pubDate><description>{TEXT}</description>"
            "</item></channel></rss>").encode(encoding)


def _page(encoding: str) -> bytes:
    paragraphs = "".join(f"<p>{TEXT} {i}</p>" for i in range(4))
    return (f'<!doctype html><html lang="ar"><head><title>{TITLE}</title></head><body><article>'
            f"<h1>{TITLE}</h1>{paragraphs}</article></body></html>").encode(encoding)


CASES = [  # (body encoding, charset in the Content-Type header)
    ("cp1256", "iso-8859-1"),  # QA63-8
    ("cp1256", "windows-1252"),
    ("iso-8859-6", None),  # QA63-1
    ("iso-8859-6", "utf-8"),
    ("iso-8859-6", "iso-8859-1"),
    ("iso-8859-6", "windows-1256"),  # labelled the other Arabic charset
    ("cp1256", "iso-8859-6"),
]


@pytest.mark.parametrize(("encoding", "charset"), CASES)
async def test_an_arabic_feed_and_page_under_a_wrong_label_are_read_right(
        database: Database, settings: Settings, encoding: str, charset: str | None) -> None:
    suffix = f"; charset={charset}" if charset else ""
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=_feed(encoding),
                                             content_type="text/xml" + suffix))
        site.add_route("/a.html", Response(body=_page(encoding),
                                           content_type="text/html" + suffix))
        headers = {"content-type": "text/xml" + suffix}
        assert feed_title(_feed(encoding), headers) == NAME
        source = add_source(database, site.url("/feed.xml"), settings=settings, now=NOW,
                            title=feed_title(_feed(encoding), headers))
        summary = await poll_once(database, settings, now=NOW)
        assert summary.new == 1
        article = get_article_by_url(database, site.url("/a.html"))
    assert article is not None
    assert article.title == TITLE
    assert TEXT + " 0" in article.paragraphs
    assert article.page_ok
    stored = get_source(database, source.id)
    assert stored is not None and stored.name == NAME


async def test_a_source_named_in_mojibake_by_an_older_poll_gets_its_real_name(
        database: Database, settings: Settings) -> None:
    """Sources added before the fix carry the mojibake name («ÌÑíÏÉ ÇáÔÑæÞ»): it was read
    from the feed, nobody typed it, so the next poll renames it."""
    headers = "text/xml; charset=iso-8859-1"
    misread = NAME.encode("cp1256").decode("latin-1")
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=_feed("cp1256"), content_type=headers))
        site.add_route("/a.html", Response(body=_page("cp1256"), content_type="text/html"))
        source = add_source(database, site.url("/feed.xml"), settings=settings, now=NOW,
                            title=misread)
        assert source.name == misread
        await poll_once(database, settings, now=NOW)
    stored = get_source(database, source.id)
    assert stored is not None and stored.name == NAME


def test_a_latin_page_under_latin_1_stays_latin() -> None:
    body = "Café crème: à la française, naïve élève - «déjà vu»".encode("latin-1")
    assert detect_encoding(body, {"content-type": "text/html; charset=iso-8859-1"}) == "iso8859-1"
    assert decode(body, {"content-type": "text/html; charset=iso-8859-1"}).startswith("Café")
    assert arabic_codec(body) is None


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6"])
def test_a_short_title_alone_is_told_apart(encoding: str) -> None:
    for text in ("صحيفة الأيام", "وزير المالية يعلن موازنة جديدة", "أخبار اليوم"):
        assert decode(text.encode(encoding)) == text


RUSSIAN = ("Президент заявил сегодня, что переговоры о прекращении огня продолжатся на следующей"
           " неделе в столице")


@pytest.mark.parametrize(("encoding", "charset"), [("cp1251", None), ("koi8-r", None),
                                                   ("cp1251", "windows-1256")])
async def test_a_feed_no_arabic_charset_reads_is_refused_not_stored_garbled(
        database: Database, settings: Settings, encoding: str, charset: str | None) -> None:
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title><item>'
            f"<title>{RUSSIAN}</title><link>/a.html</link><guid>a1</guid>"
            f"<description>{RUSSIAN}</description></item></channel></rss>").encode(encoding)
    suffix = f"; charset={charset}" if charset else ""
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=feed, content_type="text/xml" + suffix))
        source = add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 0
    assert database.db.execute("select count(*) from articles").fetchone()[0] == 0
    stored = get_source(database, source.id)
    assert stored is not None and stored.last_error_why is not None
    assert stored.last_error_why.kind == "unreadable_text"
    assert "windows-1256" in (stored.last_error or "")


async def test_a_page_no_arabic_charset_reads_keeps_its_feed_entry(
        database: Database, settings: Settings) -> None:
    page = (f"<html><head><title>{RUSSIAN}</title></head><body><article><h1>{RUSSIAN}</h1>"
            + f"<p>{RUSSIAN}</p>" * 4 + "</article></body></html>").encode("cp1251")
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=_feed("utf-8"), content_type="text/xml"))
        site.add_route("/a.html", Response(body=page, content_type="text/html"))
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW)
        article = get_article_by_url(database, site.url("/a.html"))
        error = database.db.execute("select page_error from articles").fetchone()[0]
    assert article is not None and article.title == TITLE and not article.page_ok
    assert article.text == TEXT
    assert "ترميز" in error and "encoding" in error


async def test_addsource_of_such_a_feed_says_why(settings: Settings) -> None:
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title><item>'
            f"<title>{RUSSIAN}</title><link>/a.html</link></item></channel></rss>").encode("koi8-r")
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=feed, content_type="text/xml"))
        with pytest.raises(NashraError) as caught:
            await check_source(site.url("/feed.xml"), settings)
    assert caught.value.why is not None and caught.value.why.kind == "unreadable_text"
    assert "لم تُضف" in reason_text(caught.value.why, "ar", adding=True)
    assert "not added" in reason_text(caught.value.why, "en", adding=True)
