"""The scheduled jobs after a wall-clock jump (QA43 C1, C7).

PTB's JobQueue is APScheduler, which plans on the wall clock: `run_repeating`'s next run is a
wall time. When NTP sets a clock that ran ahead back by D, that time lies D in the future and
no scheduled poll ran for D (QA43 C1: 0 polls in 4 minutes after −1 h, a day after −1 day, while
/sources said «الجلب التالي: خلال ٥٧ دقيقة»). A forward jump made APScheduler skip the daily
purge as «missed» (C7). digests.poll_clock fixed the sources' stored times, not the job.

`watch(queue)` runs beside the bot on asyncio's monotonic timer (which no clock step moves) and
compares the wall clock with the monotonic one every CHECK_SECONDS, as the sender's planner does
(bot.delivery_plan.Planner.clock_jumped). When they part by CLOCK_JUMP or more, `replan` plans the
jobs again from the wall clock's now: the poll runs at once (then every interval by the right
clock), and the daily purge runs at once when the jump skipped its hour, else at its next hour
by the right clock; after a jump ahead past the send window (maybe a broken clock) it runs no
more until the clock has held a day (bot.jobs.PurgeHold; QA48 R5: +10 days purged today's
buttons for good). Alerts, updates and daily digests wait in the outbox, not on the JobQueue:
the sender re-plans those (outbox_states.replan_held).

The admins are told of a jump back of TOLD_JUMP or more, and of a jump forward that can push new
articles out of the send window (X69): an article is sent only while it looks younger than
PUSH_WINDOW at the bot's «now», so after a jump J forward one that reaches the bot more than
PUSH_WINDOW − J after its publication is stored and never sent. Whether that happens is read from
the articles stored lately (`recent_lags`: how long after publication each reached the bot):
told when any of them would have been pushed out (`pushed_out`), or when the jump is past the
window itself (every new article); a jump that no recent article's lag reaches stays quiet (a VM
waking from a suspend shows as a small step forward too).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from telegram.ext import JobQueue

from bot.delivery_plan import CLOCK_JUMP
from bot.jobs import POLL_JOB, PURGE_HOUR, PURGE_JOB, PurgeHold
from digests.article_store import PUSH_WINDOW
from digests.storage import Database

log = logging.getLogger(__name__)

CHECK_SECONDS = 5.0  # how often the clocks are compared (a poll waits at most this after a jump)
TOLD_JUMP = timedelta(minutes=30)  # a clock set back this far is told to the admins too
# CLOCK_JUMP: a step the sender's planner also re-plans for. PUSH_WINDOW: an article published
# longer before the bot's «now» is stored but not sent (backfill). The age rule is kept (QA43 C7,
# decided): from its own two clocks the bot cannot tell whether a jump forward broke the clock or
# fixed one that was behind, so it does not second-guess the article's age; it tells the admins.

RECENT_ARTICLES = 500  # the articles stored lately whose lags a forward jump is weighed by

Tell = Callable[[str], Awaitable[object]]
Lags = Callable[[], Sequence[timedelta]]


def utc_now() -> datetime:
    """The wall clock, as APScheduler reads it (a test shifts it here and in APScheduler)."""
    return datetime.now(timezone.utc)


def skipped_daily(start: datetime, end: datetime, at: timedelta = PURGE_HOUR) -> bool:
    """True when a daily time `at` (after UTC midnight) lies in (start, end]: a forward jump from
    `start` to `end` went over it, so the daily job of that time did not run."""
    if end <= start:
        return False
    if end - start >= timedelta(days=1):
        return True
    day = datetime(start.year, start.month, start.day, tzinfo=timezone.utc)
    return any(start < d + at <= end for d in (day, day + timedelta(days=1)))


def replan(queue: JobQueue[Any], jump: timedelta, now: datetime) -> list[str]:
    """Plan the poll and the purge again after the wall clock moved by `jump` to `now`; the names
    of the jobs set to run at once. Idempotent: a second call only moves them again."""
    at_once = []
    if jump > PUSH_WINDOW:  # maybe a broken clock: no purge by it until it holds (QA48 R5)
        PurgeHold.hold()
    elif jump < timedelta(0):
        PurgeHold.release()
    for job in queue.get_jobs_by_name(POLL_JOB):
        job.job.modify(next_run_time=now)  # then every interval from now (an interval trigger)
        at_once.append(POLL_JOB)
    for job in queue.get_jobs_by_name(PURGE_JOB):
        if timedelta(0) < jump <= PUSH_WINDOW and skipped_daily(now - jump, now):
            job.job.modify(next_run_time=now)
            at_once.append(PURGE_JOB)
        else:  # its next hour by the right clock (set back: not a day or more away)
            job.job.modify(next_run_time=job.job.trigger.get_next_fire_time(None, now))
    return at_once


def recent_lags(db: Database, limit: int = RECENT_ARTICLES) -> list[timedelta]:
    """How long after its publication each of the last `limit` articles reached the bot (stored
    − published; a date ahead of the store counts as 0), for those it could send: younger than
    PUSH_WINDOW when stored. Articles without a date are left out."""
    lags = []
    for published, fetched in db.db.execute(
            "select published_at, fetched_at from articles where published_at is not null"
            " order by id desc limit ?", [limit]).fetchall():
        try:
            lag = datetime.fromisoformat(fetched) - datetime.fromisoformat(published)
        except (TypeError, ValueError):
            continue
        if lag <= PUSH_WINDOW:
            lags.append(max(lag, timedelta(0)))
    return lags


def pushed_out(jump: timedelta, lags: Sequence[timedelta],
               window: timedelta = PUSH_WINDOW) -> int:
    """How many of `lags` a forward `jump` takes past the send `window` (0 for a jump back): an
    article that reached the bot `lag` after publication looks `lag + jump` old after it."""
    if jump <= timedelta(0):
        return 0
    return sum(1 for lag in lags if lag <= window < lag + jump)


def told(jump: timedelta, lags: Sequence[timedelta]) -> bool:
    """Whether the admins hear of this jump: back TOLD_JUMP or more; forward past the window,
    or far enough that an article of the recent lags would not have been sent."""
    return -jump >= TOLD_JUMP or jump > PUSH_WINDOW or pushed_out(jump, lags) > 0


def _span(seconds: float, lang: str, minutes_below: float = 1.0) -> str:
    """A length of time in days, hours or (under `minutes_below` hours) minutes
    (bot.texts_alerts)."""
    from bot.i18n import amount

    minutes = round(abs(seconds) / 60)  # a measured jump is a few ms off its size
    if minutes >= 48 * 60:  # «٣ أيام», «١٠ أيام» (QA48 R9: «٣ يوم»)
        return amount(round(minutes / 1440), lang, "day")
    if minutes >= minutes_below * 60:
        return amount(round(minutes / 60), lang, "hour")
    return amount(max(1, minutes), lang, "minute")


def jump_text(jump: timedelta, lags: Sequence[timedelta] = ()) -> str:
    """The admins' message for a jump, Arabic first then English (bot.texts_alerts): a forward
    jump within the window says from what lag articles are no longer sent, and how many of the
    recent ones arrived that late."""
    from bot.i18n import amount, num, t

    late = pushed_out(jump, lags)
    parts = []
    for lang in ("ar", "en"):
        way = t("clock_jump_forward" if jump > timedelta(0) else "clock_jump_back", lang)
        text = t("clock_jump", lang, direction=way, size=_span(jump.total_seconds(), lang))
        if jump > PUSH_WINDOW:
            text += " " + t("clock_jump_ahead", lang)
        elif late:
            text += " " + t("clock_jump_late", lang,
                            lag=_span((PUSH_WINDOW - jump).total_seconds(), lang, 2.0),
                            k=num(late, lang), n=amount(len(lags), lang, "article"))
        parts.append(text)
    return "\n\n".join(parts)


async def watch(queue: JobQueue[Any], tell: Tell | None = None, lags: Lags | None = None
                ) -> None:
    """Compare the wall clock with the monotonic one every CHECK_SECONDS until cancelled; on a
    jump, log one WARNING and `replan` the jobs; with `tell`, a jump `told` says is also told to
    the admins (`lags`: the recent articles' lags, read before the re-planned poll stores any).
    A failure is logged and the watch goes on."""
    seen: float | None = None  # wall − monotonic, seconds
    while True:
        await asyncio.sleep(CHECK_SECONDS)
        now = utc_now()
        offset = now.timestamp() - time.monotonic()
        if seen is not None and abs(offset - seen) >= CLOCK_JUMP.total_seconds():
            jump = timedelta(seconds=offset - seen)
            recent: Sequence[timedelta] = ()
            if lags is not None and jump > timedelta(0):
                try:
                    recent = lags()
                except Exception:  # the jump is still re-planned, told by the window alone
                    log.exception("clock jump: the recent articles could not be read")
            try:
                at_once = replan(queue, jump, now)
            except Exception:  # the next jump is still watched
                log.exception("clock jump: the scheduled jobs could not be re-planned")
            else:
                log.warning("clock jump: the wall clock moved %+.0f s against the monotonic "
                            "clock now=%s; scheduled jobs re-planned at_once=%s",
                            jump.total_seconds(), now.isoformat(), ",".join(at_once) or "-")
            # told: a clock set back, or ahead far enough to keep articles from being sent; a
            # smaller step forward is also what a suspended VM shows on waking
            if tell is not None and told(jump, recent):
                try:
                    await tell(jump_text(jump, recent))
                except Exception:  # told or not, the jobs are re-planned
                    log.exception("clock jump: the admins could not be told")
        seen = offset
