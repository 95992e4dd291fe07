"""A topic asked with a day word, «سوريا امبارح» / "Syria yesterday": that local day's stories
(QA47 Z4).

The day word was dropped like a word of asking and the answer was the topic's latest news, all of
it today's, with nothing said. The day runs midnight to midnight in the reader's zone, as
«مين فاز امبارح» does (bot.reader_clock). The search engine knows no time window, and a very
common topic is ranked among its newest matches by id (digests.search_candidates), whatever the
`now` it is searched at: X70's pool of the best 100 stories held none of an older day («سوريا»
ten days back: nothing, with five stories that day; brief X75). The pool is now sized to every
article stored since the day's first (ids grow with ingest time, so it holds every match of the
day), up to DAY_SCAN articles (past it the count says «على الأقل»); a day with no article at all
is answered at once. Only the reports published that day are listed, folded by story and by
event among themselves (digests.search's `within`): a story or event that spans midnight is
listed by its report of that day (QA76-19: X124's event fold, run on the whole pool, put the
day's report under an entry of the next day, and the day filter dropped both). Nothing that
day: the latest news under a line that says so, not silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from bot.i18n import format_date, t
from bot.stories import Page, search_page
from digests.models import iso
from digests.storage import Database

# the fewest stories searched for a day's page (the reader's pages are cut from those of that day)
DAY_POOL = 100
# the most: a day further back than this many stored articles is searched among its newest
DAY_SCAN = 3000


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The day's start and end (UTC), midnight to midnight in `zone` (a day of a clock change
    is 23 or 25 hours long)."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def day_page(db: Database, query: str, day: date, zone: tzinfo, *, offset: int, limit: int,
             now: datetime, muted: frozenset[int] = frozenset()) -> Page | None:
    """The page `offset` of `query`'s stories published on `day` (the reader's `zone`), or None
    when the day has none. Raises QueryError as `search_page` does."""
    start, end = day_bounds(day, zone)
    size = _pool_size(db, start, end)
    if size is None:  # no article that day at all
        return None
    # the day's reports alone are folded by story and event: folded first, a story or event
    # that spans midnight hid the day's report under another day's (QA76-19)
    pool = search_page(db, query, offset=0, limit=min(size, DAY_SCAN), now=min(now, end),
                       muted=muted, within=(start, end))
    kept = [d for d in pool.digests
            if d.published_at is not None and start <= d.published_at < end]
    if not kept:
        return None
    return replace(pool, digests=tuple(kept[offset:offset + limit]), total=len(kept),
                   total_exact=size <= DAY_SCAN or not pool.has_more,
                   has_more=len(kept) > offset + limit,
                   suggestions=pool.suggestions if offset == 0 else ())


def _pool_size(db: Database, start: datetime, end: datetime) -> int | None:
    """How many stories to search so that every match published in [start, end) is among the
    candidates: the articles stored since the day's first one (at least DAY_POOL), or None when
    no article was published that day (two index reads: articles(published_at), then ids)."""
    first = db.db.execute("select min(id) from articles where published_at >= ?"
                          " and published_at < ?", [iso(start), iso(end)]).fetchone()[0]
    if first is None:
        return None
    since = db.db.execute("select count(*) from articles where id >= ?", [first]).fetchone()[0]
    return max(DAY_POOL, int(since))


def day_key(key: str, day: date, today: date, lang: str) -> tuple[str, dict[str, str]]:
    """The text key and values that name `day` as today, yesterday or its date: `key`
    "topic_day" is «🗓 أخبار أمس (٢٧ مارس ٢٠٢٦) فقط.», "days_news" «📰 أخبار أمس — ٢٧ مارس ٢٠٢٦»
    (bot.texts_times)."""
    back = (today - day).days
    which = ("today" if back == 0 else "yesterday" if back == 1 else "future" if back < 0
             else "before")  # a day not come yet: «أخبار ٥ آذار ٢٠٣٠» (X87)
    return f"{key}_{which}", {"date": format_date(datetime(day.year, day.month, day.day), lang)}


def day_title(day: date, today: date, lang: str) -> str:
    """The heading of a day's news, «📰 أخبار أمس — ٢٧ مارس ٢٠٢٦» (QA47 Z5: «📰 نشرة الأخبار»,
    as /digest, named no day)."""
    key, values = day_key("days_news", day, today, lang)
    return t(key, lang, **values)
