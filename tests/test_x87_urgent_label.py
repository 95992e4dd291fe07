"""X87 (QA58-7): «عاجل» was handled two ways. «&lt;i&gt;عاجل&lt;/i&gt;: انفجار في …» lost the label,
«&lt;b&gt;عاجل&lt;/b&gt; زلزال بقوة 5.2 درجات يضرب جنوب إيران» kept it glued to the headline once
the tags were gone («عاجل زلزال …»), in /digest, /push and search. Now a leading «عاجل» (or «خبر
عاجل», "BREAKING") before a headline of three words or more is dropped with no separator too.
Pure, and the real poller reading a local feed into a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.headline import clean_headline
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, 9, 0, tzinfo=UTC)


def test_a_leading_urgent_label_goes_with_or_without_a_separator() -> None:
    quake = "زلزال بقوة 5.2 درجات يضرب جنوب إيران"
    for typed in (f"عاجل {quake}", f"عاجل: {quake}", f"خبر عاجل {quake}"):
        assert clean_headline(typed) == quake, typed
    assert clean_headline("BREAKING quake hits Iran today") == "quake hits Iran today"
    for kept in ("عاجل", "عاجل جدا", "Breaking barriers in the region today"):
        assert clean_headline(kept) == kept, kept


async def stored_headlines(database: Database, settings: Settings, feed_title: str,
                           page_title: str, paragraph: str) -> list[str]:
    """The headlines stored by the real poller from a local feed of one item titled
    `feed_title` (as the feed writes it), whose page has `page_title` and `paragraph`."""
    with SampleSite(with_sample=False) as site:
        site.add_route("/q.html", Response(body=render_page({
            "title": page_title, "published": NOW.isoformat(), "paragraphs": [paragraph],
            "author": "مراسل"}, "").encode(), content_type="text/html; charset=utf-8"))
        site.add_route("/f.xml", Response(body=(
            '<rss version="2.0"><channel><title>t</title><item>'
            f'<title>{feed_title}</title><link>{site.url("/q.html")}</link><guid>q</guid>'
            f'<pubDate>{NOW:%a, %d %b %Y %H:%M:%S GMT}</pubDate></item></channel></rss>'
        ).encode(), content_type="application/rss+xml; charset=utf-8"))
        add_source(database, site.url("/f.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW, only_due=False)
    return [r[0] for r in database.db.execute("select headline from articles")]


async def test_a_feed_titles_urgent_label_in_tags_is_dropped(database: Database,
                                                             settings: Settings) -> None:
    headlines = await stored_headlines(
        database, settings, "&lt;b&gt;عاجل&lt;/b&gt; زلزال بقوة 5.2 درجات يضرب جنوب إيران",
        "زلزال بقوة 5.2 درجات يضرب جنوب إيران",
        "ضرب زلزال بقوة 5.2 درجات جنوب إيران صباح اليوم دون أنباء عن ضحايا.")
    assert headlines == ["زلزال بقوة 5.2 درجات يضرب جنوب إيران"], headlines
