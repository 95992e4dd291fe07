"""QA48 R11: the same feed under `localhost` beside `127.0.0.1` is no new source: digests.
feed_twins.path_key folds the loopback's two spellings, so the link is fetched and compared
with the source (X65/X71's twin check) and refused as «already added»; another feed on the same
host is still added. The real bot against the emulator, a local site, real httpx."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.feed_twins import path_key
from digests.samplesite import Request, Response, SampleSite

_FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
         "<title>مصدر محلي</title><link>http://news.example/</link>"
         "<item><title>خبر {n}</title><link>http://news.example/{n}.html</link></item>"
         "</channel></rss>")


def _serve(n: int) -> object:
    def answer(request: Request) -> Response:
        return Response(body=_FEED.format(n=n).encode(),
                        content_type="application/rss+xml; charset=utf-8")
    return answer


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_the_loopback_spellings_share_a_key() -> None:
    assert path_key("http://localhost:8123/feeds/a.xml") == path_key(
        "http://127.0.0.1:8123/feeds/a.xml")
    assert path_key("http://localhost.example/feeds/a.xml") != path_key(
        "http://127.0.0.1/feeds/a.xml")


async def test_the_same_feed_under_localhost_is_refused(tmp_path: Path) -> None:
    with SampleSite() as site:
        site.add_route("/feeds/main.xml", _serve(1))
        site.add_route("/feeds/other.xml", _serve(2))
        main = site.url("/feeds/main.xml")
        assert "127.0.0.1" in main
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            [first] = await h.say(ADMIN, f"/addsource {main}", n=1, timeout=30)
            assert "أُضيف المصدر" in _plain(first.plain_text), first.plain_text
            [again] = await h.say(ADMIN, f"/addsource {main.replace('127.0.0.1', 'localhost')}",
                                  n=1, timeout=30)
            assert "مضاف" in _plain(again.plain_text), again.plain_text
            other = site.url("/feeds/other.xml").replace("127.0.0.1", "localhost")
            [added] = await h.say(ADMIN, f"/addsource {other}", n=1, timeout=30)
            assert "أُضيف المصدر" in _plain(added.plain_text), added.plain_text
            assert len(sources.list_sources(h.db)) == 2
