"""Brief X50 (2, 3): long feeds. /addsource reads a 100,000-entry feed as a poll does — cut
before parsing, off the event loop — so the bot keeps answering other chats while the admin's
check runs (X44 left it parsing the feed whole on the loop: ~24 s of silence for everyone).
Real PTB against the emulator, a real fetch from the local news site."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db

from digests import sources
from digests.samplesite import Response, SampleSite

HUGE = 100_000


def huge_feed(count: int = HUGE) -> bytes:
    """An RSS feed of `count` short entries, newest first, links relative to the feed (~5 MB:
    under the 10 MB fetch cap)."""
    items = "".join(f"<item><title>n{i}</title><link>/n/{i}</link></item>"
                    for i in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>قناة طويلة</title>{items}</channel></rss>").encode()


async def _tick(stalls: list[float], step: float = 0.02) -> None:
    """How late each of the loop's 20-ms wake-ups came: the loop's stalls."""
    while True:
        at = time.monotonic()
        await asyncio.sleep(step)
        stalls.append(time.monotonic() - at - step)


async def test_addsource_of_a_100k_entry_feed_keeps_the_bot_answering(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.sources_admin")
    with SampleSite(with_sample=False) as site:
        url = site.add_route("/huge.xml", Response(body=huge_feed(),
                                                   content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            before = len(h.emu.messages(ADMIN))
            stalls: list[float] = []
            ticker = asyncio.ensure_future(_tick(stalls))
            asked = time.monotonic()
            h.emu.send_user_message(ADMIN, f"/addsource {url}")
            added = await h.emu.await_for(
                lambda: [m for m in h.emu.messages(ADMIN)[before:]
                         if "أُضيف المصدر" in m.plain_text], timeout=120)
            checked = time.monotonic() - asked
            ticker.cancel()
            [help_answer] = await h.say(READER, "/help")
            new = [s for s in sources.list_sources(h.db) if s.url == url]
    assert help_answer.plain_text
    # the event loop (every chat's answers, the sender) never stood still behind the check
    assert max(stalls) < 1.5, f"the bot stood still {max(stalls):.1f} s (check: {checked:.1f} s)"
    assert added and len(new) == 1 and new[0].name == "قناة طويلة"
    assert checked < 5.0, f"the check took {checked:.1f} s"
    said = [r.getMessage() for r in caplog.records if "source checked and added" in r.getMessage()]
    assert said and f"entries={HUGE}" in said[0], said  # every listed entry counted, not the cut
