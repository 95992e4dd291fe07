"""At most MAX_ENTRIES_PER_FEED new entries of one feed are stored per poll (QA29 A3: a
20,000-item feed cost 19,762 page requests in one poll). The newest are kept, the count left
over is logged and reported, and the next poll takes the rest while the feed still lists them.
A real poll against the sample site on 127.0.0.1; /ingest through the real bot and emulator.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.models import FeedEntry
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.errors import ConfigError
from digests.settings import Settings
from digests.source_work import newest
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, tzinfo=UTC)


def _feed(site: SampleSite, count: int) -> bytes:
    """`count` items, item i published i hours before 10 March 2018 (item 0 the newest),
    listed oldest first, so that the feed's order is not what picks them."""
    items = []
    for i in reversed(range(count)):
        when = (datetime(2018, 3, 10, 10, tzinfo=UTC) - timedelta(hours=i)
                ).strftime("%a, %d %b %Y %H:%M:%S GMT")
        items.append(f"<item><title>خبر رقم {i}</title><link>{site.url(f'/n/{i}.html')}</link>"
                     f"<guid>g{i}</guid><description>ملخص الخبر {i}</description>"
                     f"<pubDate>{when}</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>قناة'
            f'</title>{"".join(items)}</channel></rss>').encode()


def _stored(database: Database) -> set[int]:
    rows = database.db.execute("select url from articles").fetchall()
    return {int(re.search(r"/n/(\d+)\.html", row[0]).group(1)) for row in rows}  # type: ignore


async def test_a_poll_stores_the_newest_entries_and_leaves_the_rest_for_the_next(
        database: Database, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    capped = settings.replace(max_entries_per_feed=10)
    with SampleSite(with_sample=False) as site:
        site.add_route("/big.xml", Response(body=_feed(site, 25),
                                            content_type="application/rss+xml"))
        add_source(database, site.url("/big.xml"), settings=capped, now=NOW)
        with caplog.at_level(logging.WARNING, logger="digests.source_work"):
            first = await poll_once(database, capped, now=NOW)
        assert first.new == 10 and first.dropped == 15
        assert _stored(database) == set(range(10))  # the newest ten, by date
        pages = [r for r in site.requests if r.path.startswith("/n/")]
        assert len(pages) <= 10  # one request per kept entry at most, none for the rest
        assert any("dropped=15" in r.getMessage() for r in caplog.records)
        # the feed's validators were not kept: the next poll reads it whole and goes on
        second = await poll_once(database, capped, now=NOW, only_due=False)
        assert second.new == 10 and second.dropped == 5
        third = await poll_once(database, capped, now=NOW, only_due=False)
        assert third.new == 5 and third.dropped == 0
        assert _stored(database) == set(range(25))
        fourth = await poll_once(database, capped, now=NOW, only_due=False)
        assert fourth.new == 0 and fourth.reports[0].status == "unchanged"


def test_newest_keeps_the_feed_order_and_puts_undated_entries_last() -> None:
    base = datetime(2018, 3, 10, tzinfo=UTC)
    entries = [FeedEntry(title=f"t{i}", url=f"http://x.test/{i}", guid=None,
                         published_at=None if i % 3 == 0 else base + timedelta(hours=i))
               for i in range(9)]
    kept, dropped = newest(entries, 4)
    assert dropped == 5 and [e.title for e in kept] == ["t4", "t5", "t7", "t8"]
    kept, dropped = newest(entries, 7)  # the dated six, then the first undated one
    assert dropped == 2 and [e.title for e in kept] == ["t0", "t1", "t2", "t4", "t5", "t7", "t8"]
    assert newest(entries, 9) == (entries, 0)


def test_the_cap_is_a_setting() -> None:
    assert Settings().max_entries_per_feed == 200
    read = Settings.from_env({"MAX_ENTRIES_PER_FEED": "50"}, env_file=None)
    assert read.max_entries_per_feed == 50
    for bad in ("0", "-1", "many", "1000000"):
        with pytest.raises(ConfigError):
            Settings.from_env({"MAX_ENTRIES_PER_FEED": bad}, env_file=None)


async def test_ingest_reports_the_entries_left_for_the_next_poll(tmp_path: Path) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/big.xml", Response(body=_feed(site, 12),
                                            content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1}),
                               max_entries_per_feed=5) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, site.url("/big.xml"), settings=h.settings,
                               now=datetime.now(UTC))
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            arabic = h.emu.messages(ADMIN)[-1].plain_text
            await h.say(ADMIN + 1, "/ingest", language_code="en")  # a second admin, in English
            await h.until(lambda: "Poll finished" in h.emu.messages(ADMIN + 1)[-1].plain_text, 20)
            english = h.emu.messages(ADMIN + 1)[-1].plain_text
    assert "تُرك ٧ من الأخبار الأقدم للجلب التالي" in arabic and "MAX_ENTRIES_PER_FEED" in arabic
    assert "(2 older entries left for the next poll" in english
