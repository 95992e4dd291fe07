"""X54's left (item 4): a feed over MAX_BODY_BYTES that lists its oldest entries first keeps only
its oldest whole entries; the poll says so (a WARNING naming MAX_BODY_BYTES) and /sources shows it
under the source, in Arabic and English; a newest-first feed over the cap gets no such line.

Real parts: the local sample site (real HTTP), the real fetcher and poll, real SQLite, the real bot
on the emulator."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import set_language
from tests.botkit import ADMIN, running_bot

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
CAP = 20_000


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as s:
        yield s


def _rss(site: SampleSite, n: int, oldest_first: bool) -> bytes:
    def date(i: int) -> str:
        hours = i if oldest_first else n - i  # hours after a day ago
        return f"{NOW - timedelta(days=1) + timedelta(hours=hours):%a, %d %b %Y %H:%M:%S GMT}"
    items = b"".join(
        (f"<item><title>خبر رقم {i}</title><link>{site.url(f'/a/{i}.html')}</link>"
         f"<guid>g{i}</guid><pubDate>{date(i)}</pubDate>"
         f"<description>{'نص ' * 400}</description></item>\n").encode() for i in range(n))
    return (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            b"<title>Big Feed</title><link>http://x/</link>" + items + b"</channel></rss>")


@pytest.mark.parametrize("oldest_first", [True, False])
async def test_an_oldest_first_feed_over_the_cap_is_said_in_the_log_and_sources(
        tmp_path: Path, site: SampleSite, oldest_first: bool,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    site.add_route("/big.xml", Response(body=_rss(site, 40, oldest_first),
                                        content_type="application/rss+xml"))
    path = tmp_path / "n.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_pages=False,
                        fetch_timeout_seconds=5.0, max_body_bytes=CAP)
    with Database(path) as db:
        add_source(db, site.url("/big.xml"), settings=settings, now=NOW)
        summary = await poll_once(db, settings, now=NOW)
    assert summary.failed == 0 and summary.new >= 3
    said = any("oldest entries first" in r.getMessage() and "MAX_BODY_BYTES" in r.getMessage()
               for r in caplog.records)
    assert said == oldest_first
    async with running_bot(path, max_body_bytes=CAP) as h:
        await h.say(ADMIN, "/sources")
        set_language(h.db, ADMIN, "en")
        await h.say(ADMIN, "/sources", language_code="en")
        if oldest_first:  # waited for, not slept (CI hardening): the list may be several messages
            await h.until(lambda: any("lists its oldest entries first" in m.text
                                      for m in h.emu.messages(ADMIN)))
        await asyncio.sleep(0.5)
        told = [m.text for m in h.emu.messages(ADMIN)]
    assert any("ترتّب الأقدم أولًا" in x for x in told) == oldest_first
    assert any("lists its oldest entries first" in x for x in told) == oldest_first
