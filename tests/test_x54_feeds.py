"""QA35 L2 and L3: a feed over MAX_BODY_BYTES keeps its whole entries (or says what to do), and a
feed that moved for good (301/308 at REDIRECT_ADOPT_POLLS polls in a row) gets its new URL.

Real parts: the local sample site (real HTTP), the real fetcher and poll (digests.pipeline), real
SQLite, and the real bot on the emulator for what /sources says.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.reasons import reason_text
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source, get_source
from digests.storage import Database
from tests.botkit import ADMIN, running_bot

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
CAP = 20_000


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as s:
        yield s


def _rss(site: SampleSite, n: int, *, preamble: bytes = b"", text: int = 400) -> bytes:
    items = b"".join(
        (f"<item><title>خبر رقم {i}</title><link>{site.url(f'/a/{i}.html')}</link>"
         f"<guid>g{i}</guid><pubDate>Mon, 02 Nov 2026 0{i % 9}:00:00 GMT</pubDate>"
         f"<description>{'نص ' * text}</description></item>\n").encode()
        for i in range(n))
    return (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            b"<title>Big Feed</title><link>http://x/</link>" + preamble + items
            + b"</channel></rss>")


def _settings(path: Path, **changes: object) -> Settings:
    return Settings(database_path=path, allow_private_sources=True, fetch_pages=False,
                    fetch_timeout_seconds=5.0, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("chunked", [False, True])
async def test_a_feed_over_the_cap_keeps_its_whole_entries(
        tmp_path: Path, site: SampleSite, chunked: bool,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    body = _rss(site, 40)
    assert len(body) > 2 * CAP
    headers = {"Content-Encoding": "identity"} if chunked else {}
    site.add_route("/big.xml", Response(body=body, content_type="application/rss+xml",
                                        headers=headers))
    settings = _settings(tmp_path / "n.db", max_body_bytes=CAP)
    with Database(settings.database_path) as db:
        source = add_source(db, site.url("/big.xml"), settings=settings, now=NOW)
        summary = await poll_once(db, settings, now=NOW)
        stored = [r[0] for r in db.db.execute("select title from articles order by id")]
        after = get_source(db, source.id)
    assert summary.failed == 0
    assert 3 <= len(stored) < 40  # the entries read whole before the cap, each complete
    assert stored[0] == "خبر رقم 0" and all(t.startswith("خبر رقم ") for t in stored)
    assert after is not None and after.consecutive_failures == 0
    assert any("read in part" in r.getMessage() and "MAX_BODY_BYTES" in r.getMessage()
               for r in caplog.records)


async def test_a_feed_with_no_whole_entry_before_the_cap_says_what_to_do(
        tmp_path: Path, site: SampleSite) -> None:
    body = _rss(site, 5, preamble=b"<!-- " + b"x" * (3 * CAP) + b" -->")
    site.add_route("/pad.xml", Response(body=body, content_type="application/rss+xml"))
    path = tmp_path / "n.db"
    settings = _settings(path, max_body_bytes=CAP)
    with Database(path) as db:
        source = add_source(db, site.url("/pad.xml"), settings=settings, now=NOW)
        summary = await poll_once(db, settings, now=NOW)
        failed = get_source(db, source.id)
    assert summary.failed == 1 and failed is not None
    said = reason_text(failed.last_error_why, "ar")
    assert "MAX_BODY_BYTES" in said and "أرسل رابط الخلاصة نفسها" not in said
    assert "MAX_BODY_BYTES" in reason_text(failed.last_error_why, "en")
    async with running_bot(path, max_body_bytes=CAP) as h:
        answer = await h.say(ADMIN, "/sources")
        assert "MAX_BODY_BYTES" in answer[0].text and "الخلاصة نفسها" not in answer[0].text


def _redirect(site: SampleSite, path: str, status: int, target: str) -> None:
    site.add_route(path, Response(status=status, headers={"Location": site.url(target)},
                                  conditional=False))


async def test_a_permanent_redirect_seen_three_polls_in_a_row_is_stored(
        tmp_path: Path, site: SampleSite, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    site.add_route("/new.xml", Response(body=_rss(site, 2, text=5),
                                        content_type="application/rss+xml", conditional=False))
    _redirect(site, "/old.xml", 301, "/new.xml")
    _redirect(site, "/temp.xml", 302, "/new2.xml")
    site.add_route("/new2.xml", Response(body=_rss(site, 2, text=5),
                                         content_type="application/rss+xml", conditional=False))
    path = tmp_path / "n.db"
    settings = _settings(path)
    with Database(path) as db:
        moved = add_source(db, site.url("/old.xml"), settings=settings, now=NOW)
        temporary = add_source(db, site.url("/temp.xml"), settings=settings, now=NOW)
        for hour in range(2):  # two polls: counted, not stored
            await poll_once(db, settings, now=NOW + timedelta(hours=hour), only_due=False)
        assert get_source(db, moved.id).url == site.url("/old.xml")  # type: ignore[union-attr]
        for hour in range(2, 6):
            await poll_once(db, settings, now=NOW + timedelta(hours=hour), only_due=False)
        assert get_source(db, moved.id).url == site.url("/new.xml")  # type: ignore[union-attr]
        # a 302 is followed, never stored
        assert get_source(db, temporary.id).url == site.url("/temp.xml")  # type: ignore[union-attr]
    logged = [r.getMessage() for r in caplog.records if "moved permanently" in r.getMessage()]
    assert len(logged) == 1 and "to=" + site.url("/new.xml") in logged[0]
    async with running_bot(path) as h:
        answer = "\n".join(m.text for m in await h.say(ADMIN, "/sources"))
        assert "انتقلت الخلاصة نهائيًا" in answer and site.url("/old.xml") in answer


async def test_a_moved_feed_whose_new_address_another_source_has_is_left(
        tmp_path: Path, site: SampleSite) -> None:
    site.add_route("/new.xml", Response(body=_rss(site, 2, text=5),
                                        content_type="application/rss+xml", conditional=False))
    _redirect(site, "/old.xml", 308, "/new.xml")
    path = tmp_path / "n.db"
    settings = _settings(path)
    with Database(path) as db:
        moved = add_source(db, site.url("/old.xml"), settings=settings, now=NOW)
        add_source(db, site.url("/new.xml"), settings=settings, now=NOW)
        for hour in range(4):
            await poll_once(db, settings, now=NOW + timedelta(hours=hour), only_due=False)
        assert get_source(db, moved.id).url == site.url("/old.xml")  # type: ignore[union-attr]


def test_a_cut_feed_is_closed_by_its_own_root_element() -> None:
    """Review RD: the closing tag was chosen in a fixed order (rss before RDF before feed), so an
    Atom feed quoting «<rss …>» in its text was closed with «</channel></rss>», and an RSS 1.0
    feed whose root is not written «rdf:RDF» with a mismatched «</rdf:RDF>»: feedparser read
    the entries but flagged the document malformed."""
    import feedparser

    from digests.feed_prefix import whole_entries

    entry = ("<entry><title>t{0}</title><id>urn:{0}</id><link href='http://x.test/{0}'/>"
             "<content type='html'><![CDATA[<rss version='2.0'> in the text]]></content></entry>")
    atom = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>f</title>" + "".join(entry.format(i) for i in range(3)) + "<entry><tit")
    item = ("<item RDF:about='http://x.test/{0}'><title>t{0}</title>"
            "<link>http://x.test/{0}</link></item>")
    rdf = ("<?xml version='1.0'?><RDF:RDF xmlns:RDF='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
           " xmlns='http://purl.org/rss/1.0/'><channel RDF:about='x'>"
           "<title>f</title></channel>" + "".join(item.format(i) for i in range(3)) + "<item>")
    for body, closer in ((atom, b"</feed>"), (rdf, b"</RDF:RDF>")):
        cut = whole_entries(body.encode())
        assert cut is not None and cut[1] == 3
        assert cut[0].rstrip().endswith(closer), cut[0][-40:]
        parsed = feedparser.parse(cut[0])
        assert not parsed.bozo and len(parsed.entries) == 3, parsed.get("bozo_exception")
