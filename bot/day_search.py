"""A topic asked with a day word, «سوريا امبارح» / "Syria yesterday": that local day's stories
(QA47 Z4).

The day word was dropped like a word of asking and the answer was the topic's latest news, all of
it today's, with nothing said. The day runs midnight to midnight in the reader's zone, as
«مين فاز امبارح» does (bot.reader_clock). The search engine knows no time window: the topic's
best DAY_POOL stories are searched as of the day's end and those published that day kept (a very
common topic with more stories since than the pool holds would lose some: the count then says
«على الأقل»). A story is kept when the report the search shows for it is of that day. Nothing
that day: the latest news under a line that says so, not silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from bot.i18n import format_date, t
from bot.stories import Page, search_page
from digests.storage import Database

# the stories searched for a day's page (the reader's pages are cut from those of that day)
DAY_POOL = 100


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
    pool = search_page(db, query, offset=0, limit=DAY_POOL, now=min(now, end), muted=muted)
    kept = [d for d in pool.digests
            if d.published_at is not None and start <= d.published_at < end]
    if not kept:
        return None
    return replace(pool, digests=tuple(kept[offset:offset + limit]), total=len(kept),
                   total_exact=not pool.has_more, has_more=len(kept) > offset + limit,
                   suggestions=pool.suggestions if offset == 0 else ())


def day_key(key: str, day: date, today: date, lang: str) -> tuple[str, dict[str, str]]:
    """The text key and values that name `day` as today, yesterday or its date: `key`
    "topic_day" is «🗓 أخبار أمس (٢٧ مارس ٢٠٢٦) فقط.», "days_news" «📰 أخبار أمس — ٢٧ مارس ٢٠٢٦»
    (bot.texts_times)."""
    back = (today - day).days
    which = "today" if back == 0 else "yesterday" if back == 1 else "before"
    return f"{key}_{which}", {"date": format_date(datetime(day.year, day.month, day.day), lang)}


def day_title(day: date, today: date, lang: str) -> str:
    """The heading of a day's news, «📰 أخبار أمس — ٢٧ مارس ٢٠٢٦» (QA47 Z5: «📰 نشرة الأخبار»,
    as /digest, named no day)."""
    key, values = day_key("days_news", day, today, lang)
    return t(key, lang, **values)
