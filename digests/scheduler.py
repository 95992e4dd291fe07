"""`run.py ingest` without the bot: poll due sources on a schedule with APScheduler.

The bot schedules the same `poll_once` through PTB's JobQueue (which wraps APScheduler); this
module is the stand-alone loop. One Database and one Fetcher live for the whole run; a poll that
is still running when the next is due is skipped (max_instances=1, coalesce) rather than stacked.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from digests.fetcher import Fetcher
from digests.pipeline import PollSummary, SourceReport, poll_once
from digests.settings import Settings
from digests.storage import Database

log = logging.getLogger(__name__)


async def run_scheduled(settings: Settings, *, stop: asyncio.Event,
                        progress: Callable[[SourceReport], None] | None = None,
                        on_poll: Callable[[PollSummary], None] | None = None,
                        clock: Callable[[], datetime] | None = None) -> int:
    """Poll now and then every POLL_INTERVAL_MINUTES until `stop` is set; returns polls run."""
    now_fn = clock or (lambda: datetime.now(timezone.utc))
    polls = 0
    with Database(settings.database_path) as db:
        async with Fetcher(settings) as fetcher:
            async def tick() -> None:
                nonlocal polls
                try:
                    summary = await poll_once(db, settings, now=now_fn(), fetcher=fetcher,
                                              progress=progress)
                except Exception:  # the schedule must survive a failed poll
                    log.exception("scheduled poll failed")
                    return
                polls += 1
                if on_poll is not None:
                    on_poll(summary)

            scheduler = AsyncIOScheduler(timezone=timezone.utc)
            scheduler.add_job(tick, "interval", minutes=settings.poll_interval_minutes,
                              next_run_time=datetime.now(timezone.utc), max_instances=1,
                              coalesce=True, id="nashra-poll")
            scheduler.start()
            log.info("ingest scheduler started interval_minutes=%s",
                     settings.poll_interval_minutes)
            try:
                await stop.wait()
            finally:
                scheduler.shutdown(wait=False)
    return polls


def run_forever(settings: Settings, *, progress: Callable[[SourceReport], None] | None = None,
                on_poll: Callable[[PollSummary], None] | None = None) -> None:
    """Block polling on the schedule until interrupted (Ctrl-C / SIGTERM)."""
    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # not on the main thread / platform
                pass
        await run_scheduled(settings, stop=stop, progress=progress, on_poll=on_poll)

    asyncio.run(main())
