"""`run.py ingest` without the bot: poll due sources on a schedule with APScheduler.

The bot schedules the same `poll_once` through PTB's JobQueue (which wraps APScheduler); this
module is the stand-alone loop. One Database and one Fetcher live for the whole run; a poll that
is still running when the next is due is skipped (max_instances=1, coalesce) rather than stacked.
Stopping (Ctrl-C, SIGTERM) cancels a poll in progress at once, as the bot does: what it stored
stays stored, a page not fetched yet is fetched at the next poll; one INFO line, no traceback.
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

STOP_TIMEOUT_SECONDS = 10.0  # a cancelled poll finishes the article being stored, then stops


async def run_scheduled(settings: Settings, *, stop: asyncio.Event,
                        progress: Callable[[SourceReport], None] | None = None,
                        on_poll: Callable[[PollSummary], None] | None = None,
                        clock: Callable[[], datetime] | None = None) -> int:
    """Poll now and then every POLL_INTERVAL_MINUTES until `stop` is set; returns polls run."""
    now_fn = clock or (lambda: datetime.now(timezone.utc))
    polls = 0
    running: set[asyncio.Task[None]] = set()
    with Database(settings.database_path) as db:
        async with Fetcher(settings) as fetcher:
            async def tick() -> None:
                nonlocal polls
                task = asyncio.current_task()
                if task is not None:
                    running.add(task)
                try:
                    summary = await poll_once(db, settings, now=now_fn(), fetcher=fetcher,
                                              progress=progress)
                except asyncio.CancelledError:
                    # the run is stopping: end quietly (APScheduler logs a cancelled job as an
                    # ERROR with a traceback)
                    log.info("scheduled poll stopped; what it stored stays stored")
                    return
                except Exception:  # the schedule must survive a failed poll
                    log.exception("scheduled poll failed")
                    return
                finally:
                    running.discard(task)
                polls += 1
                if on_poll is not None:
                    on_poll(summary)

            scheduler = AsyncIOScheduler(timezone=timezone.utc)
            # the first run «now» on APScheduler's own clock, the wall clock, not `clock`: a
            # pinned clock's past time would be a missed run (misfire_grace_time) and the
            # first poll skipped (QA73-7 looked at this; `clock` dates the polls' work only)
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
                await _cancel(running)
    return polls


async def _cancel(running: set[asyncio.Task[None]]) -> None:
    """Cancel the poll in progress (if any) and let it end before the database closes."""
    tasks = [task for task in running if not task.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=STOP_TIMEOUT_SECONDS)


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
