"""QA29 A8: a feed far longer than a poll keeps is cut before feedparser reads it
(digests.feed_cut): the first and last entries kept, a shape it cannot cut safely parsed whole.
A real poll against the sample site on 127.0.0.1."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
import pytest

from digests.feed_cut import PARSE_MIN, cut_items, entry_spans, parse_limit
from digests.feeds import parse_feed
from digests.models import FeedEntry
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import feed_title, misread_titles
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, tzinfo=UTC)
RSS = {"content-type": "application/rss+xml"}


def _items(count: int, base: str = "http://x.test", oldest_first: bool = False) -> str:
    order = reversed(range(count)) if oldest_first else range(count)
    return "".join(
        f"<item><title>خبر {i}</title><link>{base}/n/{i}.html</link><guid>g{i}</guid>"
        f"<pubDate>{(datetime(2018, 3, 10, 10, tzinfo=UTC) - timedelta(minutes=i)):%a, %d %b %Y %H:%M:%S GMT}"
        f"</pubDate></item>" for i in order)


def _rss(items: str, title: str = "قناة") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title>{items}</channel></rss>").encode()


def _numbers(entries: list[FeedEntry]) -> list[int]:
    return [int(re.search(r"/n/(\d+)", e.url).group(1)) for e in entries]  # type: ignore[union-attr]


def test_the_first_and_last_entries_are_kept_and_the_rest_parses_as_before() -> None:
    body = _rss(_items(50))
    cut, dropped = cut_items(body, 10)
    assert dropped == 40
    entries = parse_feed(cut, RSS, "http://x.test/f")
    # dated newest first: the newest end is kept (X50); undated feeds keep both ends (below)
    assert _numbers(entries) == list(range(10))
    whole = parse_feed(body, RSS, "http://x.test/f")
    assert entries == whole[:10]  # the same entries, read the same way
    assert not feedparser.parse(cut).get("bozo")  # well-formed after the cut
    assert parse_feed(body, RSS, "http://x.test/f", max_entries=10) == entries
    assert cut_items(body, 50) == (body, 0)  # no longer than the limit: untouched


def test_entries_in_cdata_or_comments_are_text_and_odd_shapes_are_not_cut() -> None:
    text = "<description><![CDATA[<item>not an entry</item><entry>]]></description>"
    items = "".join(f"<item><title>t{i}</title><link>http://x.test/n/{i}</link>{text}"
                    f"<!-- <item> --></item>" for i in range(30))
    spans = entry_spans(_rss(items))
    assert spans is not None and len(spans) == 30
    cut, dropped = cut_items(_rss(items), 6)
    assert dropped == 24 and _numbers(parse_feed(cut, RSS)) == [0, 1, 2, 27, 28, 29]
    assert "not an entry" in parse_feed(cut, RSS)[-1].summary  # the CDATA kept whole
    nested = _rss("<item><item></item></item>" * 30)
    assert entry_spans(nested) is None and cut_items(nested, 6) == (nested, 0)
    unclosed = _rss("<item><title>t</title>" * 30)
    assert cut_items(unclosed, 6) == (unclosed, 0)
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title>' + "".join(
        f'<entry><title>e{i}</title><link href="http://x.test/n/{i}"/><id>i{i}</id></entry>'
        for i in range(30)) + "</feed>").encode()
    cut, dropped = cut_items(atom, 4)
    assert dropped == 26 and _numbers(parse_feed(cut, {"content-type": "application/atom+xml"})
                                      ) == [0, 1, 28, 29]


def test_the_limit_leaves_room_for_known_entries() -> None:
    assert parse_limit(200) == PARSE_MIN == 1000 and parse_limit(1000) == 5000


def test_a_title_is_read_without_parsing_every_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    body = _rss(_items(60_000), title="أخبار &amp; تقارير")
    fed: list[int] = []
    real = feedparser.parse

    def parse_watched(data: Any, *args: Any, **kwargs: Any) -> Any:
        fed.append(len(data))
        return real(data, *args, **kwargs)

    # what feedparser is given, not how long it takes (three whole parses took ~35 s before;
    # benchmarks/feed_cut.py measures the time)
    monkeypatch.setattr(feedparser, "parse", parse_watched)
    assert feed_title(body, RSS) == "أخبار & تقارير"
    assert misread_titles(body, RSS) == ()
    assert fed and max(fed) < len(body) // 100, (fed, len(body))


async def test_a_poll_of_a_long_feed_parses_the_limit_and_stores_the_newest(
        database: Database, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    capped = settings.replace(max_entries_per_feed=10)
    with SampleSite(with_sample=False) as site:
        base = site.url("").rstrip("/")
        site.add_route("/long.xml", Response(body=_rss(_items(3000, base, oldest_first=True)),
                                             content_type="application/rss+xml"))
        add_source(database, site.url("/long.xml"), settings=capped, now=NOW)
        with caplog.at_level(logging.WARNING):
            report = await poll_once(database, capped, now=NOW)
        pages = [r for r in site.requests if r.path.startswith("/n/")]
    assert report.reports[0].entries == PARSE_MIN  # 3,000 listed, 1,000 read (all before)
    assert report.new == 10 and len(pages) <= 10
    stored = {int(re.search(r"/n/(\d+)", u).group(1))  # type: ignore[union-attr]
              for (u,) in database.db.execute("select url from articles")}
    assert stored == set(range(10))  # the newest, from the tail of an oldest-first feed
    assert any("feed cut before parsing" in r.getMessage() and "dropped=2000" in r.getMessage()
               for r in caplog.records)


def test_markup_left_open_stops_the_scan_at_once() -> None:
    # one pass over the bytes: «<!--» or «<item» by the hundred thousand cost no rescans
    items = _items(3000)
    for junk in ("<!--", "<item ", "<![CDATA[", "<!DOCTYPE x ["):
        body = _rss(items + junk * 200_000)
        cut, dropped = cut_items(body, 100)  # (its time: benchmarks/feed_cut.py)
        if junk == "<item ":  # no «>»: not a tag, the feed's entries are cut as usual
            assert dropped == 2900
        else:
            assert (cut, dropped) == (body, 0), junk
