"""The stand-alone ingest schedule (APScheduler) polls at once and keeps going until stopped."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime, timezone

import pytest

from digests.pipeline import PollSummary
from digests.samplesite import Response, SampleSite
from digests.scheduler import run_scheduled
from digests.settings import Settings
from digests.sources import add_source, get_source
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


async def test_stopping_during_a_poll_cancels_it_quietly(
        settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    """`run.py ingest` stopped while a site keeps the poll waiting: the poll is cancelled, one
    INFO line, no ERROR with a traceback (APScheduler logged the cancelled job so), and the
    source is not recorded as failed (it is polled again at the next start)."""
    gate, arrived = threading.Event(), threading.Event()

    def held(request: object) -> Response:
        arrived.set()
        gate.wait(30)
        return Response(body=b"<rss/>")

    try:
        with SampleSite(with_sample=False) as site:
            site.add_route("/silent.xml", held)
            with Database(settings.database_path) as db:
                source = add_source(db, site.url("/silent.xml"), settings=settings,
                                    now=datetime.now(timezone.utc))
            stop = asyncio.Event()
            with caplog.at_level(logging.INFO):
                run = asyncio.create_task(run_scheduled(settings, stop=stop))
                assert await asyncio.to_thread(arrived.wait, 30)
                stop.set()
                polls = await asyncio.wait_for(run, 30)
    finally:
        gate.set()
    assert polls == 0
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert any("scheduled poll stopped" in r.getMessage() for r in caplog.records)
    with Database(settings.database_path) as db:
        after = get_source(db, source.id)
    assert after is not None and after.last_error is None and after.consecutive_failures == 0
