"""Brief X50 (2, 3): long feeds. /addsource reads a 100,000-entry feed as a poll does — cut
before parsing, off the event loop — so the bot keeps answering other chats while the admin's
check runs (X44 left it parsing the feed whole on the loop: ~24 s of silence for everyone).
Real PTB against the emulator, a real fetch from the local news site."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from botkit import ADMIN, READER, running_bot, sample_db

from digests import source_check, sources
from digests.feeds import read_entries
from digests.models import FeedEntry
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite

HUGE = 100_000
NOW = datetime(2018, 3, 10, 12, tzinfo=UTC)
RSS = {"content-type": "application/rss+xml"}


def huge_feed(count: int = HUGE) -> bytes:
    """An RSS feed of `count` short entries, newest first, links relative to the feed (~5 MB:
    under the 10 MB fetch cap)."""
    items = "".join(f"<item><title>n{i}</title><link>/n/{i}</link></item>"
                    for i in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>قناة طويلة</title>{items}</channel></rss>").encode()


async def test_addsource_of_a_100k_entry_feed_keeps_the_bot_answering(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.INFO, logger="bot.sources_admin")
    parsed_on: list[threading.Thread] = []
    kept: list[int] = []
    real = source_check.read_entries

    def read_entries_watched(*args: Any, **kwargs: Any) -> Any:
        parsed_on.append(threading.current_thread())
        read = real(*args, **kwargs)
        kept.append(len(read.entries))
        return read

    # Where the feed is parsed, not how long it takes: a parse on the event loop's thread holds
    # every chat's answers and the sender (X44 parsed the whole feed there: ~24 s of silence).
    monkeypatch.setattr(source_check, "read_entries", read_entries_watched)
    with SampleSite(with_sample=False) as site:
        url = site.add_route("/huge.xml", Response(body=huge_feed(),
                                                   content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            loop_thread = threading.current_thread()
            before = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, f"/addsource {url}")
            added = await h.emu.await_for(
                lambda: [m for m in h.emu.messages(ADMIN)[before:]
                         if "أُضيف المصدر" in m.plain_text], timeout=120)
            [help_answer] = await h.say(READER, "/help")
            new = [s for s in sources.list_sources(h.db) if s.url == url]
    assert help_answer.plain_text
    assert parsed_on and loop_thread not in parsed_on, parsed_on
    assert kept and max(kept) < HUGE  # cut before parsing, as a poll does
    assert added and len(new) == 1 and new[0].name == "قناة طويلة"
    said = [r.getMessage() for r in caplog.records if "source checked and added" in r.getMessage()]
    assert said and f"entries={HUGE}" in said[0], said  # every listed entry counted, not the cut


# ------------------------------------------------------------------ (3) the cut keeps the newest

def _dated_feed(count: int, *, oldest_first: bool = False, dated: bool = True) -> bytes:
    """`count` entries numbered by age (0 the newest), listed newest or oldest first."""
    start = datetime(2018, 3, 10, 10, tzinfo=UTC)
    order = reversed(range(count)) if oldest_first else range(count)
    items = "".join(
        f"<item><title>n{i}</title><link>/n/{i}</link>"
        + (f"<pubDate>{start - timedelta(minutes=i):%a, %d %b %Y %H:%M:%S GMT}</pubDate>"
           if dated else "") + "</item>" for i in order)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>أرشيف</title>{items}</channel></rss>").encode()


def _ages(entries: list[FeedEntry]) -> list[int]:
    return [int(e.url.rsplit("/", 1)[1]) for e in entries]


def test_a_cut_keeps_the_newest_end_of_a_dated_feed_whichever_its_order() -> None:
    newest_first = read_entries(_dated_feed(3000), RSS, "http://x.test/f", 1000)
    assert newest_first.cut == 2000 and _ages(newest_first.entries) == list(range(1000))
    oldest_first = read_entries(_dated_feed(3000, oldest_first=True), RSS, "http://x.test/f",
                                1000)
    assert sorted(_ages(oldest_first.entries)) == list(range(1000))
    # undated: which end is newest cannot be told, both ends are kept as before
    undated = read_entries(_dated_feed(3000, dated=False), RSS, "http://x.test/f", 1000)
    assert _ages(undated.entries) == list(range(500)) + list(range(2500, 3000))
    # a JSON Feed the same way
    items = [{"id": str(i), "url": f"http://x.test/n/{i}",
              "date_published": f"2018-03-{10 - i // 1440:02d}T{23 - (i // 60) % 24:02d}:"
                                f"{59 - i % 60:02d}:00Z"} for i in range(3000)]
    read = read_entries(json.dumps({"version": "https://jsonfeed.org/version/1.1",
                                    "items": items}).encode(), {"content-type": "application/json"},
                        "http://x.test/f", 1000)
    assert read.cut == 2000 and _ages(read.entries) == list(range(1000))


async def test_sources_says_how_many_entries_of_a_long_feed_are_skipped(
        tmp_path: Path) -> None:
    with SampleSite(with_sample=False) as site:
        url = site.add_route("/archive.xml", Response(body=_dated_feed(3000),
                                                      content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            source = sources.add_source(h.db, url, settings=h.settings, now=NOW)
            settings = h.settings.replace(fetch_pages=False)
            summary = await poll_once(h.db, settings, now=NOW)  # the sample's are not due
            report = next(r for r in summary.reports if r.source_id == source.id)
            assert report.new == settings.max_entries_per_feed
            [listing] = await h.say(ADMIN, "/sources")
    text = listing.plain_text
    assert "📜 تسرد الخلاصة ٣٠٠٠ خبر؛ تُقرأ أحدثها فقط (١٠٠٠) ويُترك ٢٠٠٠ أقدم" in text, text
    from bot.source_lines import cut_note
    assert cut_note(3000, 1000, "en") == (
        "📜 The feed lists 3000 entries; only the newest (1000) are read, 2000 older ones"
        " are skipped.")
