"""Feed parsing: RSS 0.9x/1.0/2.0, Atom, JSON Feed, malformed and mis-encoded feeds."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.errors import ParseError
from digests.feeds import parse_feed, strip_html

BASE = "http://news.example/feeds/main.xml"

RSS20 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>نشرة</title>
<item><title>ماكرون يدعو طهران للضغط على دمشق</title><link>/news/1.html</link>
<guid isPermaLink="false">sharq-1</guid><pubDate>Sun, 25 Feb 2018 18:20:00 GMT</pubDate>
<dc:creator>قسم الأخبار</dc:creator>
<description>&lt;p&gt;دعا الرئيس الفرنسي &lt;b&gt;ماكرون&lt;/b&gt;
 نظيره الإيراني&lt;/p&gt;</description></item>
<item><title>بلا معرف</title><link>http://news.example/news/2.html</link>
<pubDate>Mon, 26 Feb 2018 09:00:00 +0300</pubDate></item>
</channel></rss>"""


def test_rss20_entries_with_relative_links_html_summary_and_dates() -> None:
    first, second = parse_feed(RSS20.encode(), {"Content-Type": "application/rss+xml"}, BASE)
    assert first.url == "http://news.example/news/1.html"
    assert first.title == "ماكرون يدعو طهران للضغط على دمشق"
    assert first.guid == "sharq-1"
    assert first.summary == "دعا الرئيس الفرنسي ماكرون نظيره الإيراني"
    assert first.published_at == datetime(2018, 2, 25, 18, 20, tzinfo=UTC)
    assert first.author == "قسم الأخبار"
    assert second.guid is None  # no GUID: dedup falls back to the URL
    assert second.published_at == datetime(2018, 2, 26, 6, 0, tzinfo=UTC)


def test_rss10_rdf() -> None:
    rdf = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://dw.example/"><title>DW</title><link>http://dw.example/</link>
<description>d</description></channel>
<item rdf:about="http://dw.example/a/1"><title>لبنان يوقع عقود الغاز</title>
<link>http://dw.example/a/1</link><dc:date>2018-02-09T12:00:00Z</dc:date>
<description>وقع لبنان</description></item></rdf:RDF>"""
    [entry] = parse_feed(rdf.encode(), {}, "http://dw.example/rss")
    assert entry.url == "http://dw.example/a/1"
    assert entry.title == "لبنان يوقع عقود الغاز"
    assert entry.published_at == datetime(2018, 2, 9, 12, tzinfo=UTC)


def test_rss091() -> None:
    rss = """<?xml version="1.0"?><rss version="0.91"><channel><title>t</title>
<link>http://old.example/</link><description>d</description><language>ar</language>
<item><title>خبر قديم</title><link>http://old.example/1</link><description>نص</description></item>
</channel></rss>"""
    [entry] = parse_feed(rss.encode(), {}, "http://old.example/rss")
    assert (entry.title, entry.url, entry.summary) == ("خبر قديم", "http://old.example/1", "نص")


def test_atom_with_alternate_link_author_and_offset() -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>المدى</title><id>urn:x</id>
<updated>2018-03-05T11:30:00Z</updated>
<entry><id>urn:madar:1</id><title>لودريان في طهران</title>
<link rel="alternate" href="http://madar.example/news/1.html"/>
<link rel="enclosure" href="http://madar.example/img.jpg"/>
<published>2018-03-05T14:30:00+03:00</published><updated>2018-03-05T15:00:00+03:00</updated>
<author><name>وكالة المدى</name></author><summary>وصل وزير الخارجية</summary></entry></feed>"""
    [entry] = parse_feed(atom.encode(), {}, "http://madar.example/atom")
    assert entry.url == "http://madar.example/news/1.html"
    assert entry.guid == "urn:madar:1"
    assert entry.published_at == datetime(2018, 3, 5, 11, 30, tzinfo=UTC)
    assert entry.author == "وكالة المدى"


def test_json_feed() -> None:
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "اقتصاد",
            "items": [{"id": "e-1", "url": "/news/oil.html", "title": "النفط يهبط",
                       "content_html": "<p>تراجعت أسعار <b>النفط</b></p>",
                       "date_published": "2018-03-02T13:20:00+00:00",
                       "authors": [{"name": "المدى الاقتصادي"}]},
                      {"id": "e-2", "title": "بلا رابط"}]}
    body = json.dumps(feed, ensure_ascii=False).encode()
    [entry] = parse_feed(body, {"Content-Type": "application/feed+json"}, "http://eco.example/f")
    assert entry.url == "http://eco.example/news/oil.html"
    assert entry.summary == "تراجعت أسعار النفط"
    assert entry.guid == "e-1"
    assert entry.author == "المدى الاقتصادي"
    assert entry.published_at == datetime(2018, 3, 2, 13, 20, tzinfo=UTC)


def test_json_that_is_not_a_json_feed_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_feed(b'{"hello": "world"}', {"Content-Type": "application/json"}, BASE)
    with pytest.raises(ParseError):
        parse_feed(b'{"items": [', {"Content-Type": "application/json"}, BASE)


@pytest.mark.parametrize("declare", ["xml", "header", "none"])
def test_windows_1256_feed(declare: str) -> None:
    title = "الغوطة الشرقية تحت القصف"
    decl = '<?xml version="1.0" encoding="windows-1256"?>' if declare == "xml" else ""
    rss = (f'{decl}<rss version="2.0"><channel><title>قناة</title><item><title>{title}</title>'
           f"<link>http://w.example/1</link><description>ملخص الخبر</description></item>"
           f"</channel></rss>").encode("cp1256")
    headers = {"Content-Type": "text/xml; charset=windows-1256"} if declare == "header" else {}
    [entry] = parse_feed(rss, headers, "http://w.example/rss")
    assert entry.title == title
    assert entry.summary == "ملخص الخبر"


def test_malformed_xml_keeps_what_was_recovered() -> None:
    broken = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
              + "<item><title>خبر & عاجل</title><link>http://b.example/1</link></item>".encode()
              + "<item><title>خبر ثان</title><link>http://b.example/2</link></item>".encode()
              + b"<item><title>unterminated")
    entries = parse_feed(broken, {}, "http://b.example/rss")
    assert [e.url for e in entries][:2] == ["http://b.example/1", "http://b.example/2"]
    assert entries[0].title == "خبر & عاجل"


@pytest.mark.parametrize("body", [b"<html><body><p>not a feed</p></body></html>", b"   ",
                                  b"\x00\x01\x02 garbage"])
def test_nothing_usable_is_a_parse_error(body: bytes) -> None:
    with pytest.raises(ParseError):
        parse_feed(body, {}, BASE)


def test_empty_valid_feed_has_no_entries() -> None:
    assert parse_feed(b'<rss version="2.0"><channel><title>x</title></channel></rss>') == []


def test_items_without_guid_or_link_fall_back_sensibly() -> None:
    rss = """<rss version="2.0"><channel><title>t</title>
<item><title>بلا رابط</title><description>x</description></item>
<item><title>رابط في المعرف</title><guid>http://g.example/9</guid></item></channel></rss>"""
    [entry] = parse_feed(rss.encode(), {}, "http://g.example/rss")
    assert entry.url == "http://g.example/9"


def test_strip_html_keeps_paragraph_breaks_and_entities() -> None:
    assert strip_html("<p>أ &amp; ب</p><p>ج<br>د</p>") == "أ & ب\nج\nد"


def test_strip_html_removes_tags_only_not_words_in_angle_brackets() -> None:
    """QA18 R15: «<قصف>» (escaped in the feed) vanished from a headline: any text between «<»
    and «>» was taken for a tag. Real tags, comments and CDATA marks still go."""
    assert strip_html("الغوطة & دوما: <قصف> مستمر") == "الغوطة & دوما: <قصف> مستمر"
    assert strip_html("ترامب < أوباما؟ و 3 > 2") == "ترامب < أوباما؟ و 3 > 2"
    assert strip_html('<a href="x">خبر</a> <IMG src=y /><!-- <p> -->تم') == "خبر تم"
    assert strip_html("<![CDATA[نص]]>") == "نص"
    assert strip_html("أ</div >ب") == "أ\nب"


def test_a_feed_title_with_a_word_in_angle_brackets_keeps_it() -> None:
    rss = """<rss version="2.0"><channel><title>t</title><item>
<title>الغوطة &amp; دوما: &lt;قصف&gt; مستمر لليوم السادس</title><link>http://a.example/1</link>
<description>&lt;p&gt;الوضع &lt;كارثي&gt; هناك&lt;/p&gt;</description></item></channel></rss>"""
    [entry] = parse_feed(rss.encode(), {}, "http://a.example/rss")
    assert entry.title == "الغوطة & دوما: <قصف> مستمر لليوم السادس"
    assert entry.summary == "الوضع <كارثي> هناك"


def test_arabic_pub_date_in_a_feed() -> None:
    rss = """<rss version="2.0"><channel><title>t</title><item><title>خبر</title>
<link>http://a.example/1</link><pubDate>الأحد 25 شباط/فبراير 2018 - 18:40</pubDate></item>
</channel></rss>"""
    [entry] = parse_feed(rss.encode(), {}, "http://a.example/rss")
    assert entry.published_at == datetime(2018, 2, 25, 18, 40, tzinfo=UTC)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_parse_feed_only_ever_raises_parse_error(body: bytes) -> None:
    try:
        entries = parse_feed(body, {}, BASE)
    except ParseError:
        return
    assert all(e.url.startswith("http") for e in entries)
