"""What /sources and /addsource tell an admin about fetching (QA20 O4, O5).

- A source just added is fetched at once (`fetch_now`: the scheduled poll of the due sources is
  started, and a source never polled is due), or the answer says when it will be: the next
  scheduled poll, or /ingest once the running poll is over (`first_fetch_line`).
- /sources says when the next scheduled poll is (`next_poll_line`), as `run.py sources list`
  does.
- A source whose article pages are refused (over the page cap, errors) shows as healthy by its
  feed, yet its stories have no lead and no quotes: /sources says so under it, with the reason
  stored with those articles (`page_trouble`, `page_note`).
- /ingest with a link says it takes none, and what to do for one page (`ingest_link_note`).

The words are bot.i18n strings (Arabic, English), laid out by bot.admin.text_lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from telegram.ext import ContextTypes

from bot.i18n import amount, num, t
from bot.jobs import POLL_JOB, poll_job  # the scheduled poll's job: its name, what it runs
from bot.runtime import Runtime, runtime
from digests.reader_text import links_in
from digests.models import iso
from digests.storage import Database

PAGE_WINDOW = timedelta(days=1)  # pages of the articles fetched this recently are looked at


def _poll_job(context: ContextTypes.DEFAULT_TYPE) -> object | None:
    queue = context.job_queue
    if queue is None:
        return None
    jobs = queue.get_jobs_by_name(POLL_JOB)
    return jobs[0] if jobs else None


def next_poll_at(context: ContextTypes.DEFAULT_TYPE) -> datetime | None:
    """When the scheduled poll runs next (None: this process does not poll on a schedule)."""
    job = _poll_job(context)
    when = getattr(job, "next_t", None)
    return when if isinstance(when, datetime) else None


def in_words(when: datetime | None, now: datetime, lang: str) -> str:
    """«خلال ١٢ دقيقة» / "within 12 min", or «لا جلب مجدول» when there is none."""
    if when is None:
        return t("next_poll_none", lang)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    minutes = max(1, math.ceil((when - now).total_seconds() / 60))
    return t("next_poll_within", lang, minutes=amount(minutes, lang, "minute"))  # QA50 E10


def ingest_link_note(args: Sequence[str] | None, lang: str) -> str | None:
    """What /ingest says of a link typed after it (QA50 E11: it polled every source and said
    nothing of the link): it takes none, and what to do for one page. None without a link."""
    if not any(links_in(a) for a in args or ()):
        return None
    return t("ingest_no_link", lang)


# bot_data key: this process polls only when asked (the offline demo, bot.demo), so /sources
# says so where the live bot says when the next poll comes (QA60-21)
ON_DEMAND_KEY = "polls_on_demand"


def next_poll_line(context: ContextTypes.DEFAULT_TYPE, now: datetime, lang: str) -> str | None:
    """/sources' line about the next scheduled poll (None when nothing is scheduled, unless the
    process polls on demand only: then that, and /ingest)."""
    when = next_poll_at(context)
    if when is None:
        return t("next_poll_on_demand", lang) if context.bot_data.get(ON_DEMAND_KEY) else None
    return t("next_poll", lang, when=in_words(when, now, lang))


def polling(rt: Runtime) -> bool:
    """Whether a poll (an admin's /ingest or the scheduled one) is running now."""
    return any(task is not None and not task.done() for task in (rt.ingest_task, rt.poll_task))


@dataclass(frozen=True)
class FirstFetch:
    """What became of a new source's first fetch: "now" (the poll started), "running" (a poll
    without it runs), "later" (no poll is scheduled in this process); and the next poll."""

    kind: str
    next_poll: datetime | None


async def fetch_now(context: ContextTypes.DEFAULT_TYPE) -> FirstFetch:
    """After /addsource: start the scheduled poll of the due sources now (the new one is due:
    never polled) when nothing polls and this process polls on a schedule."""
    rt = runtime(context)
    when = next_poll_at(context)
    if _poll_job(context) is None:
        return FirstFetch("later", when)
    if polling(rt):
        return FirstFetch("running", when)
    await poll_job(context)
    return FirstFetch("now", when)


def first_fetch_line(first: FirstFetch, now: datetime, lang: str, *,
                     resumed: bool = False) -> str:
    """The line a new source's confirmation ends with, in `lang` (`resumed`: a removed source
    added again, fetched before: not «for the first time»)."""
    if first.kind == "now":
        return t("fetching_now_again" if resumed else "fetching_now", lang)
    return t("fetch_after_running" if first.kind == "running" else "fetch_later", lang,
             when=in_words(first.next_poll, now, lang))


def added_during_poll(db: Database) -> int:
    """Active sources added since the running poll started (it chose its sources then), never
    polled yet (times are kept to the second: one added in that second counts)."""
    row = db.db.execute(
        "select count(*) from sources where active = 1 and last_polled_at is null and added_at >="
        " (select max(started_at) from polls where finished_at is null)").fetchone()
    return int(row[0] or 0)


@dataclass(frozen=True)
class PageTrouble:
    """A source's article pages fetched in the last PAGE_WINDOW: how many failed, of how many,
    and the latest failure's stored reason (Arabic / English), with the other failures' reasons
    (`others`, newest first: QA63-6, three different failures were shown as the latest one)."""

    failed: int
    total: int
    error: str
    others: tuple[str, ...] = ()


# The distinct reasons one line names at most: the newest ones.
PAGE_REASONS = 3


def page_trouble(db: Database, now: datetime) -> dict[int, PageTrouble]:
    """Sources at least half of whose recent articles were stored from the feed alone, their
    page refused (over MAX_BODY_BYTES, an error), by source id."""
    since = iso(now - PAGE_WINDOW)
    rows = db.db.execute(
        """select source_id, count(*), sum(page_status != 'ok' and page_error is not null)
           from articles where fetched_at >= ? group by source_id""", [since]).fetchall()
    troubles: dict[int, PageTrouble] = {}
    for source, total, failed in rows:
        if not failed or 2 * int(failed) < int(total):
            continue
        errors = [str(r[0]) for r in db.db.execute(
            "select page_error from articles where source_id = ? and page_status != 'ok'"
            " and page_error is not null and fetched_at >= ? order by id desc limit 200",
            [source, since])]
        if errors:
            troubles[int(source)] = PageTrouble(int(failed), int(total), errors[0],
                                                tuple(errors[1:]))
    return troubles


def page_reason(error: str, lang: str) -> str:
    """A stored page error («عربي / English: URL») in `lang`, without the page's link (it names
    one article, and may be long)."""
    arabic, sep, english = error.partition(" / ")
    chosen = arabic if lang == "ar" or not sep else english
    for cut in (": http://", ": https://"):
        chosen = chosen.split(cut, 1)[0]
    return chosen.strip()


def page_note(trouble: PageTrouble, lang: str) -> str:
    """The line under a source whose pages fail."""
    reasons = list(dict.fromkeys(page_reason(error, lang)
                                 for error in (trouble.error, *trouble.others)))
    return t("pages_failing", lang, failed=num(trouble.failed, lang),
             total=num(trouble.total, lang),
             reason=("؛ " if lang == "ar" else "; ").join(reasons[:PAGE_REASONS]))
