"""QA29 A8: a page nested deeper than libxml2's 256 levels lost its whole text (0 characters,
no error). It is read without its wrapper tags now, or refused with the reason (digests.page_depth).
A real poll against the sample site on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.errors import ParseError
from digests.page_depth import parse_document, unwrapped
from digests.pages import extract_page
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, tzinfo=UTC)
SAID = "قال المتحدث إن القصف استمر طوال الليل على البلدات المحاصرة في ريف دمشق."
AFTER = "وفي ختام الصفحة فقرة أخرى طويلة بما يكفي لتعد من نص الخبر نفسه."


def _deep(depth: int, tag: str = "div") -> str:
    return (f"<html><head><title>عنوان الخبر</title></head><body>{f'<{tag}>' * depth}"
            f"<p>{SAID}</p>{f'</{tag}>' * depth}<p>{AFTER}</p></body></html>")


@pytest.mark.parametrize("depth", [10, 255, 256, 300, 10_000, 200_000])
def test_a_deep_page_keeps_its_text(depth: int) -> None:
    page = extract_page(_deep(depth), "http://x.test/a")
    assert page.paragraphs == (SAID, AFTER)  # before: () from depth 255 on
    assert page.title == "عنوان الخبر"


def test_wrappers_of_every_kind_are_taken_out_and_words_stay_whole() -> None:
    html = ("<body>" + '<section class="a"><span style="x"><font>' * 200 + "<p>كل<b>مة</b> "
            "واحدة</p>" + "</font></span></section>" * 200 + "</body>")
    assert "كلمة واحدة" in parse_document(html).text_content()
    assert unwrapped('<div id="a"><p>x</p></div>') == "\n<p>x</p>\n"


def test_a_page_deep_in_other_tags_is_refused_with_the_reason() -> None:
    with pytest.raises(ParseError, match="nests deeper than 256 levels"):
        extract_page(_deep(400, "ul><li"), "http://x.test/a")


async def test_a_poll_stores_the_text_of_a_deep_page(database: Database,
                                                      settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        page = site.add_route("/deep.html", Response(body=_deep(5000).encode()))
        flat = site.add_route("/lists.html", Response(body=_deep(400, "ul><li").encode()))
        feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ق'
                f"</title><item><title>خبر عميق</title><link>{page}</link><description>ملخص"
                f"</description></item><item><title>خبر القوائم</title><link>{flat}</link>"
                f"<description>ملخص آخر</description></item></channel></rss>").encode()
        site.add_route("/f.xml", Response(body=feed, content_type="application/rss+xml"))
        add_source(database, site.url("/f.xml"), settings=settings, now=NOW)
        report = await poll_once(database, settings, now=NOW)
    assert report.new == 2
    rows = dict(database.db.execute("select title, body from articles").fetchall())
    assert SAID in rows["خبر عميق"] and AFTER in rows["خبر عميق"]  # before: the summary only
    error = database.db.execute("select page_error from articles where title = 'خبر القوائم'"
                                ).fetchone()[0]
    assert "nests deeper than 256 levels" in error  # said, not 0 characters without a word
