"""The stand-alone ingest schedule (APScheduler) polls at once and keeps going until stopped."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from digests.pipeline import PollSummary
from digests.samplesite import SampleSite
from digests.scheduler import run_scheduled
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database


async def test_first_poll_runs_immediately_then_stops(settings: Settings) -> None:
    with SampleSite() as site:
        with Database(settings.database_path) as db:
            add_source(db, site.feed_url("main"), settings=settings,
                       now=datetime.now(timezone.utc))
        stop = asyncio.Event()
        summaries: list[PollSummary] = []

        def on_poll(summary: PollSummary) -> None:
            summaries.append(summary)
            stop.set()

        polls = await asyncio.wait_for(run_scheduled(settings, stop=stop, on_poll=on_poll), 30)
    assert polls == 1
    assert summaries[0].new == 4
