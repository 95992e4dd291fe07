"""QA44 T3: the same feed under another query string (a cache-buster «?n=3») or a #fragment is
no new source. One /addsource of `main.xml?n=1 … ?n=4` after `main.xml` added 20 copies in
QA44's probe; now each is answered «already added as N». A query that names another feed (the
site answers another body) still adds a source, and the fragment is never stored. The real bot
against the emulator, a local site serving the feeds, real httpx."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from cli.main import main
from digests import sources
from digests.storage import Database
from digests.feed_twins import path_key, siblings
from digests.models import Source
from digests.samplesite import Request, Response, SampleSite

_ITEM = ("<item><title>{t}</title><link>http://news.example/{slug}.html</link>"
         "<guid>http://news.example/{slug}.html</guid></item>")


def _feed(category: str) -> bytes:
    items = "".join(_ITEM.format(t=f"خبر {category} {i}", slug=f"{category}-{i}")
                    for i in range(3))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>أخبار {category}</title><link>http://news.example/</link>{items}"
            f"</channel></rss>").encode()


def _by_category(request: Request) -> Response:
    category = "رياضة" if "c=sport" in request.query else "سياسة"
    return Response(body=_feed(category), content_type="application/rss+xml; charset=utf-8")


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_a_cache_buster_or_fragment_is_the_same_source(tmp_path: Path) -> None:
    with SampleSite() as site:
        main_feed = site.feed_url("main")
        cat = site.add_route("/cat.xml", _by_category)
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            [first] = await h.say(ADMIN, f"/addsource {main_feed}", n=1, timeout=30)
            assert "أُضيف المصدر" in _plain(first.plain_text), first.plain_text
            links = [f"{main_feed}?n={i}" for i in range(1, 5)] + [f"{main_feed}#frag"]
            msgs = await h.say(ADMIN, "/addsource " + " ".join(links), n=len(links) + 2,
                               timeout=60)
            texts = [_plain(m.plain_text) for m in msgs]
            assert "أُضيف ٠، وتعذّر ٥" in texts[-1], texts
            assert sum("مضاف" in t for t in texts[1:-1]) == 5, texts
            # a query that names another feed adds it; its fragment is dropped when stored
            msgs = await h.say(ADMIN, f"/addsource {cat}?c=news {cat}?c=sport#top", n=4,
                               timeout=60)
            texts = [_plain(m.plain_text) for m in msgs]
            assert "أُضيف ٢، وتعذّر ٠" in texts[-1], texts
            urls = sorted(s.url for s in sources.list_sources(h.db))
            assert urls == sorted([main_feed, f"{cat}?c=news", f"{cat}?c=sport"]), urls
            # the same feed as «?c=news» under a cache-buster as well
            [again] = await h.say(ADMIN, f"/addsource {cat}?c=news&n=7", n=1, timeout=30)
            assert "مضاف" in _plain(again.plain_text), again.plain_text
            assert len(sources.list_sources(h.db)) == 3


def test_siblings_are_the_same_path_under_another_query() -> None:
    a = Source(id=1, url="https://x.example/feed.xml", name="a")
    b = Source(id=2, url="http://X.example/feed.xml?c=1", name="b")
    other = Source(id=3, url="https://x.example/other.xml", name="c")
    assert path_key("https://x.example/feed.xml?n=3#f") == path_key(b.url)
    assert siblings("https://x.example/feed.xml?n=3", [a, b, other]) == [a, b]
    assert siblings("https://x.example/feed.xml", [a, b, other]) == [b]


def test_the_cli_refuses_a_cache_buster_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for key in ("DATABASE_PATH", "SOURCES_FILE", "POLL_INTERVAL_MINUTES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "5")
    db = str(tmp_path / "cli.db")
    with SampleSite() as site:
        main_url = site.feed_url("main")
        assert main(["sources", "add", main_url, "--db", db]) == 0
        capsys.readouterr()
        assert main(["sources", "add", f"{main_url}?n=5", "--db", db]) == 1
        err = capsys.readouterr().err
        assert "already there as number 1" in err, err
        assert main(["sources", "add", "--no-check", f"{site.feed_url('world')}#x",
                     "--db", db]) == 0
    with Database(tmp_path / "cli.db") as opened:
        assert [s.url for s in sources.list_sources(opened)] == [main_url,
                                                                 site.feed_url("world")]
