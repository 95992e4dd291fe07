"""REV s24 finding 1 (security): with ALLOW_PRIVATE_SOURCES on, every stored source's host was
trusted for private addresses, including a redirect target the bot adopted after repeated 301s
and a host that was public when added and later resolves to an internal address (rebinding):
polls then read the internal service into readers' digests. Now only a host the operator typed
that resolved private when added (or one private by its very form, for old rows) is trusted.

Real parts: sites on 127.0.0.1 and an «internal» one on 127.0.0.2 (digests.samplesite), the real
fetcher, check, migration and feed-move code; a stand-in resolver names a DNS host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db
from trustkit import NOW, feed_response, flags, internal_site, names_answer_internal
from trustkit import fresh_trust_cache  # noqa: F401  (autouse: each test's own trust cache)

from digests import feed_moves, private_hosts
from digests.errors import NashraError
from digests.fetcher import Fetcher
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source
from digests.sources import add_source
from digests.storage import Database


@pytest.fixture
def internal() -> Iterator[SampleSite]:
    with internal_site() as site:
        yield site


async def _poll_refused(settings: Settings, url: str) -> bool:
    async with Fetcher(settings) as fetcher:
        try:
            await fetcher.fetch(url, stored=True)
        except NashraError as exc:
            return exc.why is not None and exc.why.kind == "private_address"
    return False


async def test_an_adopted_move_to_another_private_host_gains_no_trust(
        settings: Settings, database: Database, internal: SampleSite) -> None:
    """A source's site 301s its feed to 127.0.0.2 until the bot adopts it: the row keeps the new
    address, but its host is the site's word, and polls there are refused (before: read)."""
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", feed_response(site.base_url))
        checked = await check_source(site.url("/feed.xml"), settings)
        assert checked.private_host  # typed, and resolved to 127.0.0.1
        source = add_source(database, checked.url, settings=settings, now=NOW,
                            require_dns=False, private_host=checked.private_host)
    target = internal.url("/secret.xml")
    move = None
    for _ in range(12):
        move = feed_moves.note(database, source.id, target, 3)
        if move is not None and move.stored:
            break
    assert move is not None and move.stored
    assert flags(database) == {target: 0}
    assert await _poll_refused(settings, target)
    summary = await poll_once(database, settings, now=NOW)  # the real poll of the moved source
    assert summary.failed == 1 and summary.new == 0
    assert internal.hits() == 0


async def test_a_move_within_the_same_host_keeps_its_trust(
        settings: Settings, database: Database) -> None:
    source = add_source(database, "http://intranet.example:8080/a.xml", settings=settings,
                        now=NOW, require_dns=False, private_host=True)
    for _ in range(12):
        move = feed_moves.note(database, source.id, "http://intranet.example:8080/b.xml", 3)
        if move is not None and move.stored:
            break
    assert flags(database) == {"http://intranet.example:8080/b.xml": 1}
    assert private_hosts.source_hosts(settings.database_path) == {"intranet.example"}


async def test_a_host_public_when_added_is_not_trusted_when_it_rebinds(
        settings: Settings, database: Database, internal: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """feeds.example was public when added (its check found no private address); it now
    answers 127.0.0.2: the poll is refused and the internal service never asked. A host that
    resolved private when the operator added it is trusted."""
    names_answer_internal(monkeypatch, ("feeds.example", "wiki.example"))
    rebound = f"http://feeds.example:{internal.port}/secret.xml"
    add_source(database, rebound, settings=settings, now=NOW, require_dns=False,
               private_host=False)
    assert await _poll_refused(settings, rebound)
    assert internal.hits() == 0
    typed = f"http://wiki.example:{internal.port}/secret.xml"
    checked = await check_source(typed, settings)  # the operator typed it; it was private
    assert checked.private_host and checked.url == typed
    add_source(database, typed, settings=settings, now=NOW, require_dns=False,
               private_host=checked.private_host)
    assert private_hosts.source_hosts(settings.database_path) == {"wiki.example"}
    assert not await _poll_refused(settings, typed)


async def test_a_public_name_is_not_marked_private(settings: Settings) -> None:
    """A check that reached only a public-looking name on a public address: never marked."""
    seen = private_hosts.PrivateHosts(True, None)
    seen.trust("http://news.example/feed")
    assert seen.seen_private == set()


def test_old_rows_are_decided_by_their_host_s_form(tmp_path: Path) -> None:
    """Migration 054: how an old row came (typed, declared, adopted) is unknown, so only a host
    that no public DNS can rebind keeps its trust."""
    db = Database(tmp_path / "old.db")
    urls = ["http://127.0.0.1:8000/feed", "http://10.1.2.3/rss", "http://localhost/feed",
            "http://wiki/feed", "http://wiki.corp/rss", "http://intranet.example.com/feed",
            "https://www.bbc.com/arabic/index.xml", "http://[::1]:9000/feed",
            "http://169.254.169.254/latest/"]
    for i, url in enumerate(urls):
        db.db.execute("insert into sources (url, name, added_at, active, consecutive_failures)"
                      " values (?, ?, ?, 1, 0)", [url, f"s{i}", NOW.isoformat()])
    db.db.execute("update sources set private_host = null")
    private_hosts.m054_private_source_hosts(db.db)
    assert flags(db) == {urls[0]: 1, urls[1]: 1, urls[2]: 1, urls[3]: 1, urls[4]: 1,
                          urls[5]: 0, urls[6]: 0, urls[7]: 1, urls[8]: 0}
    names = [r[0] for r in db.db.execute("select name from _migrations")]
    assert "054_private_source_hosts" in names
    db.close()


async def test_addsource_records_the_typed_host_as_private(
        tmp_path: Path, internal: SampleSite) -> None:
    """The bot: a page on 127.0.0.1 declaring its own feed is the typed host, found private."""
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", feed_response(site.base_url))
        site.add_route("/page1", Response(body=(
            f'<html><head><link rel="alternate" type="application/rss+xml" '
            f'href="{site.url("/feed.xml")}"></head><body>x</body></html>').encode()))
        async with running_bot(sample_db(tmp_path)) as h:
            await h.say(ADMIN, f"/addsource {site.url('/page1')}")
            await h.settle()
            row = h.db.db.execute("select private_host from sources where url = ?",
                                  [site.url("/feed.xml")]).fetchone()
    assert row is not None and row[0] == 1
