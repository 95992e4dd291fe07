"""Review REV2 #7 and #8: two ways a host kept private-address trust it should not have had
(ALLOW_PRIVATE_SOURCES on).

#7: a poll trusted its source's host for the Fetcher's whole life; `run.py ingest` on its schedule
(digests.scheduler) keeps one Fetcher for every poll, so trust the database dropped later (a
re-add whose check found the host public) held until a restart. Now each poll trusts the rows
it reads, for that poll only.
#8: a link added unchecked (`sources add --no-check`, a sources-file line whose start check
failed, timed out or did not run) was trusted whatever it resolved to, so a public-looking
host unreachable at first start could later resolve to an internal address and be read. Now
its host's form decides (`local_by_form`), as for migration 054's old rows.

Real parts: an «internal» site on 127.0.0.2 (digests.samplesite), the real fetcher, poll and
sources-file check; a stand-in resolver names DNS hosts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from trustkit import NOW, flags, internal_site, names_answer_internal
from trustkit import fresh_trust_cache  # noqa: F401  (autouse: each test's own trust cache)

from digests import private_hosts
from digests.fetcher import Fetcher
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source, load_sources_file
from digests.storage import Database

NAMES = ("wiki.example", "feeds.example", "news.example")  # DNS names answering 127.0.0.2


@pytest.fixture
def internal(monkeypatch: pytest.MonkeyPatch) -> Iterator[SampleSite]:
    names_answer_internal(monkeypatch, NAMES)
    with internal_site("wiki.example") as site:  # the items on the feed's own host
        yield site


async def test_a_shared_fetcher_follows_trust_the_database_dropped(
        settings: Settings, database: Database, internal: SampleSite) -> None:
    """As digests.scheduler polls: one Fetcher for both polls, the row's trust dropped between
    them. The second poll is refused, the internal site not asked again (before: read)."""
    url = f"http://wiki.example:{internal.port}/secret.xml"
    source = add_source(database, url, settings=settings, now=NOW, require_dns=False,
                        private_host=True)  # typed, and it resolved private then
    async with Fetcher(settings) as fetcher:
        first = await poll_once(database, settings, now=NOW, fetcher=fetcher, only_due=False)
        assert (first.new, first.failed) == (1, 0)
        asked = internal.hits()
        assert asked >= 1
        with database.transaction() as tx:  # e.g. re-added, and its check found it public
            tx.execute("update sources set private_host = 0 where id = ?", [source.id])
        private_hosts.forget_cache()  # the 30 s cache of the database's hosts run out
        second = await poll_once(database, settings, now=NOW + timedelta(minutes=15),
                                 fetcher=fetcher, only_due=False)
    assert second.failed == 1 and second.new == 0
    assert internal.hits() == asked


async def test_a_link_added_unchecked_is_trusted_by_its_hosts_form_only(
        settings: Settings, database: Database, internal: SampleSite) -> None:
    """`sources add --no-check` (add_source without a check's finding): a public-looking name
    is not trusted, and its poll is refused when it resolves to 127.0.0.2 later."""
    public = f"http://news.example:{internal.port}/secret.xml"
    local = ["http://wiki.corp/rss", "http://127.0.0.1:8000/feed", "http://intranet/feed"]
    for url in (public, *local):
        add_source(database, url, settings=settings, now=NOW, require_dns=False)
    assert flags(database) == {public: 0, **{url: 1 for url in local}}
    with database.transaction() as tx:
        tx.execute("update sources set active = 0 where url != ?", [public])
    summary = await poll_once(database, settings, now=NOW, only_due=False)
    assert summary.failed == 1 and summary.new == 0
    assert internal.hits() == 0


def test_a_sources_file_line_whose_check_failed_is_not_trusted(
        tmp_path: Path, settings: Settings, database: Database, internal: SampleSite) -> None:
    """A file line whose start check failed (a 404 here, a site down at first start in life)
    keeps no trust; one whose check found it private is trusted; a file loaded without a
    check (inside a running loop) is judged by form as well."""
    down = f"http://news.example:{internal.port}/missing.xml"
    works = f"http://feeds.example:{internal.port}/secret.xml"
    listed = tmp_path / "sources.txt"
    listed.write_text(f"{down} خبر\n{works} لوحة\n", encoding="utf-8")
    load_sources_file(database, settings, NOW, listed)
    assert flags(database) == {down: 0, works: 1}
    unchecked = tmp_path / "more.txt"
    unchecked.write_text("http://wiki.example/a.xml\nhttp://wiki.lan/a.xml\n", encoding="utf-8")
    load_sources_file(database, settings, NOW, unchecked, check=False)
    assert flags(database) == {down: 0, works: 1, "http://wiki.example/a.xml": 0,
                                "http://wiki.lan/a.xml": 1}
