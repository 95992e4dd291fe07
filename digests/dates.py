"""Dates in Arabic news: feed dates, page metadata and visible Arabic dates, always in UTC.

Arabic sites write months in two series: the Egyptian/Gulf transliterations (يناير … ديسمبر) and
the Levantine Syriac names (كانون الثاني … كانون الأول), often both («شباط/فبراير»), with Western
or Arabic-Indic digits (٠-٩, Persian ۰-۹). trafilatura's date finder reads none of this and
returns 1 January, so we map month names ourselves, handle the common «day month year [time]» form
directly, and hand anything else to dateparser. Every result is timezone-aware UTC; `parse_date`
reads a date without an offset as UTC, and `date_offset` says whether one was written, so that
`publication_time` can read such wall-clock times in the source's own offset (the rule is in its
docstring). `stored_time` is the date an article is kept under: its fetch time when it has no
date, one in the future, or one too old to be true (`implausibly_old`: the Unix epoch a CMS
writes for an empty date field, QA63-7). Pure: `now` is always passed in.
"""

from __future__ import annotations

import email.utils
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ـ": None})
_HARAKAT_RE = re.compile("[\u064b-\u0655\u0670\u200e\u200f\u061c]")

# Normalized spellings (alef forms folded) → month number. Two-word names come first so that
# «كانون الثاني» is not read as «الثاني» of something else.
_MONTHS: list[tuple[str, int]] = [
    ("كانون الثاني", 1), ("تشرين الاول", 10), ("تشرين الثاني", 11), ("كانون الاول", 12),
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("ابريل", 4), ("مايو", 5),
    ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("اغسطس", 8), ("اغسطوس", 8),
    ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12), ("دجنبر", 12),
    ("نونبر", 11), ("شتنبر", 9), ("غشت", 8), ("يوليوز", 7), ("ماي", 5), ("يونيو", 6),
    ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6), ("تموز", 7),
    ("اب", 8), ("ايلول", 9),
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
]
_MONTH_NUMBER = dict(_MONTHS)
_MONTH_ALT = "|".join(re.escape(name).replace(r"\ ", r"\s+")
                      for name, _ in sorted(_MONTHS, key=lambda m: -len(m[0])))
_MONTH = rf"(?<!\w)(?:{_MONTH_ALT})(?!\w)"
_TIME = (r"(?:\s*(?:-|،|,|الساعة|at|\|)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?"
         r"\s*(ص|م|صباحا|مساء|صباحًا|مساءً|am|pm|a\.m\.|p\.m\.)?)?")
# «25 شباط/فبراير 2018 - 18:40» and «25 فبراير، 2018».
_DMY_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_MONTH})(?:\s*[/(\-]\s*{_MONTH}\s*\)?)?\s*[,،]?\s*(\d{{4}})(?!\d)"
    + _TIME, re.IGNORECASE)
# «February 25, 2018».
_MDY_RE = re.compile(rf"({_MONTH})\s+(\d{{1,2}})\s*,?\s*(\d{{4}})(?!\d)" + _TIME, re.IGNORECASE)
# 2018-02-25 18:40:13 / 2018/02/25
_YMD_RE = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)")


def normalize_date_text(text: str) -> str:
    """Western digits, folded alef forms, no harakat/bidi marks, collapsed spaces."""
    text = _HARAKAT_RE.sub("", text.translate(_DIGITS).translate(_ALEF))
    return re.sub(r"\s+", " ", text).strip()


def _utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def month_keys() -> frozenset[str]:
    """The analysed keys (digests.arabic.analyze) of the month names: «مارس», «آذار», «كانون»…
    (a number after one is a year: digests.topic_match_units)."""
    from digests.arabic import analyze

    return frozenset(k for name, _ in _MONTHS for k in analyze(name)[:1])


def month_names() -> list[tuple[str, int]]:
    """The month names dates are read with (alef forms folded, lower case), both Arabic series
    and English, each with its month's number; two-word names first."""
    return list(_MONTHS)


def _month_number(name: str) -> int:
    return _MONTH_NUMBER[re.sub(r"\s+", " ", name.lower())]


def _build(year: int, month: int, day: int, hour: str | None, minute: str | None,
           second: str | None, ampm: str | None) -> datetime | None:
    h = int(hour) if hour else 0
    if ampm:
        pm = ampm.lower().startswith(("م", "p"))
        if pm and h < 12:
            h += 12
        elif not pm and h == 12:
            h = 0
    try:
        return datetime(year, month, day, h, int(minute or 0), int(second or 0),
                        tzinfo=timezone.utc)
    except ValueError:
        return None


def find_date(text: str) -> datetime | None:
    """The first explicit calendar date (with its time, if given) written in `text`, or None.

    Only full dates count (day, month and year); used for visible dates in pages and related
    blocks, where a bare number must not become a date.
    """
    norm = normalize_date_text(text)
    best: tuple[int, datetime] | None = None
    for regex, kind in ((_DMY_RE, "dmy"), (_MDY_RE, "mdy"), (_YMD_RE, "ymd")):
        match = regex.search(norm)
        if not match:
            continue
        g = match.groups()
        if kind == "dmy":
            dt = _build(int(g[2]), _month_number(g[1]), int(g[0]), g[3], g[4], g[5], g[6])
        elif kind == "mdy":
            dt = _build(int(g[2]), _month_number(g[0]), int(g[1]), g[3], g[4], g[5], g[6])
        else:
            dt = _build(int(g[0]), int(g[1]), int(g[2]), g[3], g[4], g[5], None)
        if dt is not None and (best is None or match.start() < best[0]):
            best = (match.start(), dt)
    return best[1] if best else None


def _parse_machine(text: str) -> datetime | None:
    """ISO 8601 and RFC 822 dates (feeds, meta tags, JSON-LD): the fast, exact path."""
    candidate = text.strip()
    iso_text = candidate.replace("Z", "+00:00") if candidate.endswith("Z") else candidate
    try:
        return _utc(datetime.fromisoformat(iso_text))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(candidate)
    except (TypeError, ValueError, IndexError):
        parsed = None
    return _utc(parsed) if parsed is not None else None


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    # Imported late: loading dateparser's language data takes about a second.
    import dateparser

    return dateparser


def parse_date(text: str | None, *, languages: Sequence[str] = ("ar", "en"),
               now: datetime | None = None) -> datetime | None:
    """Parse a date written by a machine or a person, in Arabic or English, into UTC.

    Args:
        text: the date text («الأحد 25 شباط/فبراير 2018 - 18:40», «2018-02-25T18:40:00+03:00»,
            «Sun, 25 Feb 2018 18:40:00 GMT», «منذ ساعتين» …).
        languages: dateparser languages for the fallback.
        now: the reference time for relative dates («منذ ساعتين»); without it they return None.

    Returns:
        A timezone-aware UTC datetime, or None when nothing date-like was found.
    """
    if not text or not text.strip():
        return None
    machine = _parse_machine(text)
    if machine is not None:
        return machine
    norm = normalize_date_text(text)
    machine = _parse_machine(norm)
    if machine is not None:
        return machine
    found = find_date(norm)
    if found is not None:
        return found
    if re.fullmatch(r"[\d\s/.-]{1,10}", norm):
        return None  # a bare number or year is not a date
    if len(norm) > 80 or not re.search(r"\d|امس|اليوم|منذ|yesterday|today|ago", norm):
        return None
    settings: dict[str, object] = {"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True,
                                   "TO_TIMEZONE": "UTC", "PREFER_DATES_FROM": "past"}
    if now is not None:
        settings["RELATIVE_BASE"] = now.astimezone(timezone.utc).replace(tzinfo=None)
    elif re.search(r"امس|اليوم|منذ|yesterday|today|ago", norm):
        return None  # a relative date without a reference time would use the wall clock
    try:
        parsed = _dateparser().parse(text.translate(_DIGITS), languages=list(languages),
                                     settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    return _utc(parsed) if parsed is not None else None


MAX_OFFSET_MINUTES = 14 * 60  # the widest UTC offsets in use are -12:00 and +14:00


def date_offset(text: str | None) -> int | None:
    """The UTC offset, in minutes, written with a machine date (ISO 8601 or RFC 822).

    «2018-02-25T21:40:00+03:00» → 180, «… GMT» and «…Z» → 0; None when the text carries no
    offset (RFC 822 «-0000» means "unknown" and counts as none), is not a machine date (visible
    Arabic dates never carry one) or is empty.
    """
    if not text or not text.strip():
        return None
    candidate = normalize_date_text(text)
    iso_text = candidate[:-1] + "+00:00" if candidate.endswith("Z") else candidate
    try:
        parsed: datetime | None = datetime.fromisoformat(iso_text)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(candidate)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed is None or parsed.tzinfo is None:
        return None
    offset = parsed.utcoffset()
    if offset is None:
        return None
    return int(offset.total_seconds() // 60)


def learn_offset(pairs: Iterable[tuple[datetime, datetime]], feed_offsets: Iterable[int | None]
                 ) -> int | None:
    """A source's local UTC offset (minutes), learned from what one poll saw; None if nothing.

    Args:
        pairs: (exact time from the feed, the page's wall-clock time read as UTC) for entries
            whose feed date has an offset and whose page date has none: their difference,
            rounded to a quarter hour, is how the site writes its pages, the best evidence.
        feed_offsets: the offsets the feed's dates were written with (None: none written),
            used when there are no pairs.

    The most common value wins (ties: the smallest, so the answer does not depend on order).
    A pair is evidence only when its difference is a whole quarter hour (to the minute: a page
    showing a later "updated" time is not) within ±14 h, and the page gave a time of day (a
    date alone reads as midnight and says nothing about the offset).
    """
    samples = Counter[int]()
    for exact, wall in pairs:
        if (wall.hour, wall.minute, wall.second) == (0, 0, 0):
            continue
        difference = (wall - exact).total_seconds() / 60
        minutes = round(difference / 15) * 15
        if abs(difference - minutes) <= 1.0 and abs(minutes) <= MAX_OFFSET_MINUTES:
            samples[minutes] += 1
    if not samples:
        samples.update(o for o in feed_offsets if o is not None and abs(o) <= MAX_OFFSET_MINUTES)
    if not samples:
        return None
    return min(samples, key=lambda minutes: (-samples[minutes], minutes))


def publication_time(feed: datetime | None, feed_offset: int | None, page: datetime | None,
                     page_offset: int | None, *, source_offset: int | None,
                     default_offset: int, now: datetime) -> datetime | None:
    """When an article was published, in UTC, from what its feed entry and its page say.

    `feed`/`page` are dates as `parse_date` returns them (a date written without an offset is its
    wall-clock time read as UTC) and `feed_offset`/`page_offset` the offset each was written with
    (`date_offset`; None: none written). The rule:

    1. the feed's date when it carries an offset (exact);
    2. else the page's date when it carries one (exact);
    3. else a wall-clock time, the feed's first, then the page's, read in the source's local
       offset: `source_offset` (learned from its feeds and pages, see `learn_offset`), or
       `default_offset` (SOURCE_UTC_OFFSET_MINUTES) when nothing was learned;
    4. a wall-clock reading that lands after `now` is taken as `now` (an article is not published
       in the future: the offset assumed was too far west);
    5. None when neither has a date.
    """
    if feed is not None and feed_offset is not None:
        return feed
    if page is not None and page_offset is not None:
        return page
    wall = feed if feed is not None else page
    if wall is None:
        return None
    offset = source_offset if source_offset is not None else default_offset
    return min(_utc(wall) - timedelta(minutes=offset), _utc(now))


# How far past its fetch an article's date may lie before it is taken as wrong: clocks and
# time zones err by minutes, not by hours (a feed dated 2035 would rank first for years).
FUTURE_TOLERANCE = timedelta(hours=1)


# No news site's feed lists a story from before this: a date earlier is a placeholder (1970-01-01,
# the Unix epoch WordPress/Drupal write for an empty date; 0001-01-01; 1900-01-01).
PLAUSIBLE_SINCE = datetime(2000, 1, 1, tzinfo=timezone.utc)
# An entry that first appears after its source's first day yet is dated this long before the
# source was added is a site's wrong date, not an old story surfacing. Generous on purpose: a
# site re-listing a months-old story («most read») must not turn it into news pushed as new.
OLD_BEFORE_ADDED = timedelta(days=365)
FIRST_DAY = timedelta(days=1)


def implausibly_old(published: datetime, fetched: datetime,
                    source_added: datetime | None = None) -> bool:
    """Whether `published` is a site's placeholder rather than a date: before PLAUSIBLE_SINCE, or
    (for an entry fetched after its source's first day) OLD_BEFORE_ADDED before the source was
    added. Entries a new source's feed lists on its first day keep any date from 2000 on: the
    archive takes every entry whatever its age."""
    published = _utc(published)
    if published < PLAUSIBLE_SINCE:
        return True
    if source_added is None:
        return False
    added = _utc(source_added)
    return _utc(fetched) >= added + FIRST_DAY and published < added - OLD_BEFORE_ADDED


def stored_time(published: datetime | None, fetched: datetime,
                source_added: datetime | None = None) -> datetime:
    """The date an article is stored, shown and ordered by: its publication time, or its fetch
    time when it has none, one more than FUTURE_TOLERANCE after the fetch, or one
    `implausibly_old` (a wrong date).

    The renderers, search order, stories and the outbox then read one date that is always set,
    never a placeholder («— UTC», «١ يناير ١٩٧٠») and never in the future.
    """
    fetched = _utc(fetched)
    if published is None or _utc(published) > fetched + FUTURE_TOLERANCE:
        return fetched
    if implausibly_old(published, fetched, source_added):
        return fetched
    return _utc(published)
