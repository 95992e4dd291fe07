"""X135 (after X134, QA77-1): an UNDATED feed's backlog is backfill whichever poll stores it.

X134 made an article published before its source was added backfill, by its date; an undated
entry has none, so the older entries a capped first poll left were alerted by the next polls.
The first poll now records the keys of what it listed (digests.source_backlog), and of what the
parse cut left unread (digests.feed_cut.dropped_part): a later poll storing one of them stores
backfill, while an entry that truly appears after the add is alerted. Real polls against a feed
served on 127.0.0.1.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from delivery_helpers import add_chat

from digests import feed_cut
from digests.feed_cut import cut_items, dropped_part
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

ADDED = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
RSS = "application/rss+xml"


def _title(i: int) -> str:
    """A headline naming سوريا, its other words its own (no two items in one story)."""
    pick = random.Random(1000 + i)
    words = ["".join(pick.choice(LETTERS) for _ in range(5)) for _ in range(4)]
    return f"سوريا: {' '.join(words)}"


def _feed(site: SampleSite, items: list[int]) -> bytes:
    """An RSS feed of `items`, newest first, none dated (no pubDate)."""
    body = "".join(
        f"<item><title>{_title(i)}</title><link>{site.url(f'/n/{i}.html')}</link>"
        f"<guid>g{i}</guid><description>{_title(i)}، ملخص الخبر {i}</description></item>"
        for i in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>بلا تواريخ'
            f'</title>{body}</channel></rss>').encode()


def _queued(database: Database) -> set[str]:
    """The links of the articles whose stories the outbox holds a delivery of."""
    return {row[0] for row in database.db.execute(
        "select a.url from outbox o join articles a on a.story_id = o.story_id")}


def _backlog_rows(database: Database) -> int:
    return int(database.db.execute("select count(*) from source_backlog").fetchone()[0])


async def test_an_undated_feeds_leftover_backlog_is_never_pushed_and_news_still_is(
        database: Database, settings: Settings) -> None:
    capped = settings.replace(max_entries_per_feed=10, fetch_pages=False)
    backlog = list(range(25))  # 25 undated items listed when the source is added
    add_chat(database, 77, topics=("سوريا",))
    with SampleSite(with_sample=False) as site:
        site.add_route("/undated.xml", Response(body=_feed(site, backlog), content_type=RSS))
        add_source(database, site.url("/undated.xml"), settings=capped, now=ADDED)
        first = await poll_once(database, capped, now=ADDED + timedelta(minutes=1))
        assert first.new == 10 and first.dropped == 15 and not _queued(database)
        assert first.reports[0].backfill == 10
        # two items appear after the add, at the head of the feed, still undated
        site.add_route("/undated.xml", Response(body=_feed(site, [101, 100, *backlog]),
                                                content_type=RSS))
        second = await poll_once(database, capped, now=ADDED + timedelta(minutes=16),
                                 only_due=False)
        assert second.new == 10 and second.dropped == 7
        assert second.reports[0].backfill == 8  # the two new ones are news
        third = await poll_once(database, capped, now=ADDED + timedelta(minutes=31),
                                only_due=False)
        assert third.new == 7 and third.dropped == 0 and third.reports[0].backfill == 7
        # after the backlog: an undated item that appears now is news again
        site.add_route("/undated.xml", Response(body=_feed(site, [102, 101, 100, *backlog]),
                                                content_type=RSS))
        fourth = await poll_once(database, capped, now=ADDED + timedelta(minutes=46),
                                 only_due=False)
        assert fourth.new == 1 and fourth.reports[0].backfill == 0
    stored = database.db.execute("select count(*) from articles").fetchone()[0]
    assert stored == 28
    # before: the 15 undated backlog items the first poll left were queued as news
    assert _queued(database) == {site.url(f"/n/{i}.html") for i in (100, 101, 102)}
    assert _backlog_rows(database) == 0  # drained: nothing left to match


async def test_entries_the_parse_cut_left_unread_are_backlog_when_a_later_poll_reads_them(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # a poll parses 20 entries at most (feed_cut.parse_limit): an undated feed of 30 is cut to
    # its first 10 and last 10; the 10 in the middle are never read at the first poll
    monkeypatch.setattr(feed_cut, "PARSE_MIN", 20)
    capped = settings.replace(max_entries_per_feed=4, fetch_pages=False)
    window = list(range(30))
    add_chat(database, 78, topics=("سوريا",))
    with SampleSite(with_sample=False) as site:
        site.add_route("/window.xml", Response(body=_feed(site, window), content_type=RSS))
        add_source(database, site.url("/window.xml"), settings=capped, now=ADDED)
        first = await poll_once(database, capped, now=ADDED + timedelta(minutes=1))
        assert first.new == 4 and not _queued(database)
        # the feed keeps 30 items: three new ones at its head push its three oldest out, and
        # the cut's last 10 now hold three of the middle entries the first poll never read
        later = [202, 201, 200, *window[:27]]
        site.add_route("/window.xml", Response(body=_feed(site, later), content_type=RSS))
        stored = {row[0] for row in database.db.execute("select url from articles")}
        polls = 0
        while polls < 6:  # every entry read, its head's and its tail's: 16, 4 a poll
            polls += 1
            await poll_once(database, capped, now=ADDED + timedelta(minutes=1 + 15 * polls),
                            only_due=False)
        stored = {row[0] for row in database.db.execute("select url from articles")} - stored
    middle = {site.url(f"/n/{i}.html") for i in (17, 18, 19)}
    assert middle <= stored  # read at a later poll, as the feed moved them into its tail
    # before: those three were alerted as news; only what appeared after the add is
    assert _queued(database) == {site.url(f"/n/{i}.html") for i in (200, 201, 202)}


def test_dropped_part_holds_what_the_cut_drops_nearest_its_kept_tail() -> None:
    items = "".join(f"<item><link>http://x.test/{i}</link></item>" for i in range(30))
    body = f"<rss><channel><title>t</title>{items}</channel></rss>".encode()
    kept, cut = cut_items(body, 20)
    part, count = dropped_part(body, 20, 4)
    assert cut == 10 and count == 4
    assert part.count(b"<item>") == 4 and b"/16<" in part and b"/19<" in part
    assert b"/15<" not in part and b"/20<" not in part
    assert part.startswith(b"<rss><channel><title>t</title><item>")
    assert part.endswith(b"</item></channel></rss>")
    assert b"/19<" not in kept and b"/20<" in kept
    assert dropped_part(body, 40, 4) == (body, 0)
