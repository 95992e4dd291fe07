"""QA77-1 (session 26): a new source's backlog is backfill whichever poll stores it.

A source's first poll stores at most MAX_ENTRIES_PER_FEED entries, the newest, and leaves the
rest for the next polls. Those were stored as news and alerted to followers (items a day old,
published before the source was added: «📰 جديد»). Now every entry published before the source
was added is backfill (stored, searchable, never pushed), whichever poll stores it; only what
was published after goes to followers. A real poll against a feed served on 127.0.0.1.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from delivery_helpers import add_chat

from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

ADDED = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _title(i: int) -> str:
    """A headline naming سوريا, its other words its own (no two items in one story)."""
    pick = random.Random(i)
    words = ["".join(pick.choice(LETTERS) for _ in range(5)) for _ in range(4)]
    return f"سوريا: {' '.join(words)}"


def _feed(site: SampleSite, items: list[tuple[int, datetime]]) -> bytes:
    body = "".join(
        f"<item><title>{_title(i)}</title><link>{site.url(f'/n/{i}.html')}</link>"
        f"<guid>g{i}</guid><description>{_title(i)}، ملخص الخبر {i}</description>"
        f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate></item>"
        for i, when in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أرشيف'
            f'</title>{body}</channel></rss>').encode()


def _queued(database: Database) -> set[str]:
    """The links of the articles whose stories the outbox holds a delivery of."""
    return {row[0] for row in database.db.execute(
        "select a.url from outbox o join articles a on a.story_id = o.story_id")}


async def test_the_backlog_a_first_poll_left_over_is_never_pushed(
        database: Database, settings: Settings) -> None:
    capped = settings.replace(max_entries_per_feed=10, fetch_pages=False)
    # 25 items from 1 to 25 hours before the source was added: all inside the 48 h window
    backlog = [(i, ADDED - timedelta(hours=i + 1)) for i in range(25)]
    add_chat(database, 77, topics=("سوريا",))
    with SampleSite(with_sample=False) as site:
        site.add_route("/big.xml", Response(body=_feed(site, backlog),
                                                    content_type="application/rss+xml"))
        add_source(database, site.url("/big.xml"), settings=capped, now=ADDED)
        first = await poll_once(database, capped, now=ADDED + timedelta(minutes=1))
        assert first.new == 10 and first.dropped == 15 and not _queued(database)
        # an item published after the source was added comes with the next poll
        fresh = (100, ADDED + timedelta(minutes=10))
        site.add_route("/big.xml", Response(body=_feed(site, [fresh, *backlog]),
                                            content_type="application/rss+xml"))
        second = await poll_once(database, capped, now=ADDED + timedelta(minutes=16),
                                 only_due=False)
        assert second.new == 10 and second.dropped == 6
        third = await poll_once(database, capped, now=ADDED + timedelta(minutes=31),
                                only_due=False)
        assert third.new == 6 and third.dropped == 0
    stored = database.db.execute("select count(*) from articles").fetchone()[0]
    assert stored == 26
    # before: 15 backlog items, 17–25 h old, queued as news to the follower of سوريا
    assert _queued(database) == {site.url("/n/100.html")}
