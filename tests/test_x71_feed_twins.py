"""QA49 M5: the same feed with «www.», a trailing «/» or another scheme is no new source. X65's
query-twin check (digests.feed_twins) now folds them in `path_key`, so such a link is fetched and
compared with the source and refused as «already added» when it serves the same feed; another
feed at a near path is still added. The real bot against the emulator, a local site, real httpx.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.feed_twins import path_key, siblings
from digests.models import Source
from digests.samplesite import Request, Response, SampleSite

_FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
         "<title>مصدر إضافي</title><link>http://news.example/</link>"
         "<item><title>خبر {n}</title><link>http://news.example/{n}.html</link></item>"
         "</channel></rss>")


def _serve(n: int) -> object:
    def answer(request: Request) -> Response:
        return Response(body=_FEED.format(n=n).encode(),
                        content_type="application/rss+xml; charset=utf-8")
    return answer


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_www_a_trailing_slash_and_the_scheme_are_folded() -> None:
    a = Source(id=7, url="http://news.example/feeds/extra.xml", name="a")
    other = Source(id=8, url="http://news.example/feeds/other.xml", name="b")
    for near in ("https://www.news.example/feeds/extra.xml/", "http://WWW.news.example/feeds/"
                 "extra.xml?utm_source=x", "http://news.example/feeds/extra.xml/"):
        assert path_key(near) == path_key(a.url), near
        assert siblings(near, [a, other]) == [a], near
    # the scheme alone: an exact duplicate already (digests.sources.find_source), no fetch
    assert siblings("https://news.example/feeds/extra.xml", [a, other]) == []
    assert path_key("http://wwwnews.example/feeds/extra.xml") != path_key(a.url)
    assert path_key("http://news.example/") == "news.example"


async def test_a_trailing_slash_copy_is_refused_another_feed_added(tmp_path: Path) -> None:
    with SampleSite() as site:
        site.add_route("/feeds/extra.xml", _serve(1))
        site.add_route("/feeds/extra.xml/", _serve(1))  # the same feed
        site.add_route("/feeds/other.xml/", _serve(2))  # another feed
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            [first] = await h.say(ADMIN, f"/addsource {site.url('/feeds/extra.xml')}", n=1,
                                  timeout=30)
            assert "أُضيف المصدر" in _plain(first.plain_text), first.plain_text
            [again] = await h.say(ADMIN, f"/addsource {site.url('/feeds/extra.xml/')}", n=1,
                                  timeout=30)
            assert "مضاف" in _plain(again.plain_text), again.plain_text
            [other] = await h.say(ADMIN, f"/addsource {site.url('/feeds/other.xml/')}", n=1,
                                  timeout=30)
            assert "أُضيف المصدر" in _plain(other.plain_text), other.plain_text
            assert len(sources.list_sources(h.db)) == 2
