"""A UTF-8 feed or page with a stray byte stays UTF-8 (QA29 A4: one `\\xff` turned a whole
declared-UTF-8 feed into windows-1256 mojibake). A real poll against a server on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from archivekit import get_article_by_url

from digests.encoding import decode, detect_encoding, mostly_utf8
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, tzinfo=UTC)
TITLE = "الغوطة الشرقية: هدنة إنسانية لخمس ساعات يوميا"
TEXT = "أعلنت الأمم المتحدة أن الهدنة الإنسانية في الغوطة الشرقية لم تسمح بدخول المساعدات بعد."


@pytest.mark.parametrize(("declared", "header"), [
    ("xml", "text/xml"), ("header", "text/xml; charset=utf-8"), ("both", "text/xml; charset=utf-8"),
    ("none", "text/xml")])
async def test_a_stray_byte_keeps_the_feed_and_the_page_utf8(
        database: Database, settings: Settings, declared: str, header: str) -> None:
    decl = '<?xml version="1.0" encoding="utf-8"?>' if declared in {"xml", "both"} else ""
    feed = (decl + '<rss version="2.0"><channel><title>قناة</title><item>'
            f"<title>{TITLE}</title><link>/a.html</link><guid>a</guid>"
            "<pubDate>Sat, 10 Mar 2018 10:00:00 GMT</pubDate></item></channel></rss>"
            ).encode() + b"<!-- \xff -->"
    meta = '<meta charset="utf-8">' if declared != "none" else ""
    page = (f"<html><head>{meta}<title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
            f"<p>{TEXT}</p><p>\x00</p></article></body></html>").encode().replace(b"\x00", b"\xc7")
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=feed, content_type=header))
        site.add_route("/a.html", Response(body=page, content_type=header.replace("xml", "html")))
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        summary = await poll_once(database, settings, now=NOW)
        assert summary.new == 1
        article = get_article_by_url(database, site.url("/a.html"))
    assert article is not None
    assert article.title == TITLE
    assert TEXT in article.paragraphs


def test_windows_1256_labelled_utf8_is_still_read_as_windows_1256() -> None:
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss><title>{TITLE}</title></rss>'
            ).encode("cp1256")
    assert not mostly_utf8(body)
    assert detect_encoding(body, {"content-type": "text/xml; charset=utf-8"}) == "cp1256"
    assert TITLE in decode(body)


def test_a_declared_legacy_charset_still_wins_over_mostly_utf8() -> None:
    body = ('<?xml version="1.0" encoding="windows-1256"?><t>' + TITLE + "</t>").encode() + b"\xff"
    assert mostly_utf8(body) and detect_encoding(body) == "cp1256"


def test_mostly_utf8_wants_many_valid_characters_per_bad_byte() -> None:
    assert mostly_utf8(TITLE.encode() + b"\xff")
    assert not mostly_utf8("غوطة".encode() + b"\xff")  # four letters: too little evidence
    assert not mostly_utf8(TITLE.encode())  # nothing invalid: plain UTF-8, not this rule
    assert decode(TITLE.encode() + b"\xff") == TITLE + "\ufffd"
