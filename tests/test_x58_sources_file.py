"""X58 (QA40 N13): the sources a SOURCES_FILE adds are checked as /addsource checks a link — a
page that declares its feed becomes that feed, a source takes its feed's title (not its host),
a link that does not work is kept (a passing outage must not drop it) and named in the log
with its reason. The real fetcher against a local site, a real SQLite archive."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests import sources
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.storage import Database

PAGE = ('<html><head><link rel="alternate" type="application/rss+xml" href="{feed}"></head>'
        '<body>قسم</body></html>')


def test_a_sources_file_is_checked_like_addsource(tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    with SampleSite() as site:
        page = site.add_route("/section.html", Response(
            body=PAGE.format(feed=site.feed_url("world")).encode()))
        missing = site.add_route("/gone.xml", Response(status=404))
        listing = tmp_path / "feeds.txt"
        listing.write_text(f"{site.feed_url('main')}\n{page}\n{missing}\n"
                           f"{site.feed_url('economy')} اقتصاد\n", encoding="utf-8")
        settings = Settings(database_path=tmp_path / "n.db", allow_private_sources=True,
                            fetch_timeout_seconds=5.0, sources_file=listing)
        with Database(settings.database_path) as db, caplog.at_level(logging.INFO):
            added = sources.load_sources_file(db, settings, datetime.now(UTC))
            got = {s.url: s.name for s in sources.list_sources(db)}
    assert len(added) == 4
    assert got[site.feed_url("main")] == "نشرة الشرق — الأخبار الرئيسية"  # its title
    assert site.feed_url("world") in got and page not in got  # the page's feed
    assert got[site.feed_url("world")] == "وكالة المدى — العالم العربي"
    assert got[site.feed_url("economy")] == "اقتصاد"  # the name the file gave stays
    assert missing in got  # kept: it may be a passing outage
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("does not work" in w and "gone.xml" in w for w in warned), warned
    assert any("broken=1" in r.getMessage() for r in caplog.records)
