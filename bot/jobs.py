"""The bot's scheduled jobs: polling the sources, and the daily purge.

`schedule_jobs(app, settings, poll_sources=…)` puts them on the Application's JobQueue (bot.app
calls it when it builds the bot): `poll_job` every POLL_INTERVAL_MINUTES, the first one
FIRST_POLL_SECONDS after the start, and `purge_job` daily at 03:30 UTC. Both are planned on the
wall clock; bot.clock_watch plans them again when that clock jumps (QA43 C1, C7). A chat's time
zone needs no job: its offset is read from the zone when it is used (bot.zones.chat_offset).
"""

from __future__ import annotations

import asyncio
import logging
import time as monotonic_time
from datetime import datetime, time, timedelta, timezone
from typing import Any

from telegram.ext import ContextTypes

from bot import callbacks, hold_expiry, source_alerts
from bot.ingests import prune_ingests
from bot.ptb_types import App
from bot.runtime import Runtime, runtime
from digests import outbox_upkeep
from digests.settings import Settings
from digests.storage import FAULTS, fault_in, fault_of

log = logging.getLogger(__name__)

FIRST_POLL_SECONDS = 5.0
POLL_JOB = "poll-sources"
PURGE_JOB = "purge-callbacks"
PURGE_HOUR = timedelta(hours=3, minutes=30)  # after UTC midnight, daily
# After the wall clock jumped far ahead (bot.clock_watch: past the send window, «maybe a broken
# clock»), the purge waits until the clock has held this long (monotonic): it ages buttons and
# finished deliveries by the wall clock, and a +10-day step deleted today's buttons for good,
# though the clock was put back 25 s later (QA48 R5). A jump back (the clock corrected) ends it.
PURGE_HOLD_SECONDS = 24 * 3600.0


class PurgeHold:
    """Since when (monotonic) the purge waits for the clock to hold; None: it does not wait."""

    since: float | None = None

    @classmethod
    def hold(cls, at: float | None = None) -> None:
        """The clock jumped far ahead: purges wait PURGE_HOLD_SECONDS from now."""
        cls.since = monotonic_time.monotonic() if at is None else at

    @classmethod
    def release(cls) -> None:
        """The clock was set back (corrected): purges run again."""
        cls.since = None

    @classmethod
    def held(cls, now: float | None = None) -> bool:
        """Whether a purge now would age rows by a clock that jumped ahead lately."""
        now = monotonic_time.monotonic() if now is None else now
        return cls.since is not None and now - cls.since < PURGE_HOLD_SECONDS


def schedule_jobs(app: App, settings: Settings, *, poll_sources: bool) -> None:
    """The scheduled poll (unless `poll_sources` is off) and the daily purge, when the
    Application has a JobQueue."""
    if app.job_queue is None:
        return
    if poll_sources:
        # The first run is given as the job's next_run_time, which APScheduler keeps: left to
        # the interval trigger, it is worked out when the scheduler starts, and a start longer
        # than FIRST_POLL_SECONDS (bootstrap retries, a slow network or host) moved the first
        # poll a whole interval on (S20 FL). A run met late goes all the same, once.
        first = datetime.now(timezone.utc) + timedelta(seconds=FIRST_POLL_SECONDS)
        app.job_queue.run_repeating(poll_job, interval=settings.poll_interval_minutes * 60,
                                    first=first, name=POLL_JOB,
                                    job_kwargs={"next_run_time": first, "coalesce": True,
                                                "misfire_grace_time": None})
    # both plan on the wall clock: bot.clock_watch re-plans them after a clock jump (QA43 C1)
    PurgeHold.release()  # a new start has seen no jump yet
    hour, rest = divmod(int(PURGE_HOUR.total_seconds()), 3600)
    app.job_queue.run_daily(purge_job, time=time(hour, rest // 60, tzinfo=timezone.utc),
                            name=PURGE_JOB)


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Scheduled poll of the due sources, as a background task (skipped while an admin's
    /ingest or the previous scheduled poll runs).

    The job only starts the task: PTB's stop waits for running jobs, and a poll waiting for a
    site that never answers kept a stopping bot up to FETCH_TIMEOUT_SECONDS (QA15 N4). As a
    task (`Runtime.spawn`) it is cancelled at stop like /ingest's: what is stored stays
    stored, a page half-fetched is fetched again at the next poll."""
    rt = runtime(context)
    if any(task is not None and not task.done() for task in (rt.ingest_task, rt.poll_task)):
        return
    rt.poll_task = rt.spawn(scheduled_poll(rt, context.bot), "scheduled-poll")


async def scheduled_poll(rt: Runtime, bot: Any = None) -> None:
    """Poll the due sources once; wake the sender when something new was stored; with `bot`,
    tell the admins of sources failing for SOURCE_ALERT_HOURS or back (bot.source_alerts)."""
    from digests.pipeline import poll_once

    began = monotonic_time.monotonic()  # a refused poll waited on the lock from here
    try:
        summary = await poll_once(rt.db, rt.settings, now=rt.now(), only_due=True)
    except asyncio.CancelledError:
        log.info("scheduled poll stopped with the bot; what it stored stays stored")
        raise
    except Exception as exc:
        fault = fault_of(exc)
        if fault is None:
            log.exception("scheduled poll failed")
        else:  # the poll could not even start its record: once a minute, no traceback
            FAULTS.report(fault, "scheduled poll", level=logging.ERROR, logger=log)
            # the admins' alert (bot.db_alerts): the next try is a poll interval away, so
            # the refusal lasts until a write works (QA48 R3)
            rt.writes.refused(fault, began=began, lasting=True)
        return
    # a poll writes (its record, each source's health): the admins' alert learns from it
    refused = next((k for k in (fault_in(r.error) for r in summary.reports) if k), None)
    if refused is None:
        rt.writes.worked()
    else:
        rt.writes.refused(refused, began=began, lasting=True)
    log.info("scheduled poll sources=%d new=%d failed=%d", len(summary.reports), summary.new,
             summary.failed)
    if rt.sender is not None and summary.new:
        rt.sender.wake()
    if bot is not None:
        await source_alerts.after_poll(rt, bot)


async def purge_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Daily: forget button ids older than a week; prune finished deliveries and answered
    /ingest requests (QA16 N2: both only grew), a batch at a time, updates handled between;
    end the holds of chats that removed the bot more than HELD_CHAT_DAYS ago."""
    rt = runtime(context)
    if PurgeHold.held():
        log.warning("daily purge skipped: the wall clock jumped far ahead lately; buttons and "
                    "deliveries are kept until it holds hold_hours=%.0f", PURGE_HOLD_SECONDS / 3600)
        return
    removed = callbacks.purge(rt.db, now=rt.now())
    log.info("callbacks purged count=%d", removed)
    now = rt.now()
    while outbox_upkeep.prune(rt.db, now, max_batches=1) == outbox_upkeep.PRUNE_BATCH:
        await asyncio.sleep(0)
    prune_ingests(rt.db, now)
    # X74: a chat that removed the bot more than HELD_CHAT_DAYS ago stops holding rows even
    # when nobody asks /stats (which runs the same expiry).
    hold_expiry.try_expire(rt.db, now, rt.settings.held_chat_days)
