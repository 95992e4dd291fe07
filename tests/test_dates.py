"""Arabic and machine dates to timezone-aware UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests.dates import (
    FUTURE_TOLERANCE,
    PLAUSIBLE_SINCE,
    date_offset,
    find_date,
    learn_offset,
    parse_date,
    publication_time,
    stored_time,
)

UTC = timezone.utc


@pytest.mark.parametrize(("text", "expected"), [
    # Egyptian/Gulf month names, both spellings of April, June, July
    ("الأحد 25 فبراير 2018", datetime(2018, 2, 25, tzinfo=UTC)),
    ("1 أبريل 2018", datetime(2018, 4, 1, tzinfo=UTC)),
    ("1 ابريل 2018", datetime(2018, 4, 1, tzinfo=UTC)),
    ("12 يونيه 2020", datetime(2020, 6, 12, tzinfo=UTC)),
    ("3 يوليو 2019", datetime(2019, 7, 3, tzinfo=UTC)),
    ("9 أغسطس 2017", datetime(2017, 8, 9, tzinfo=UTC)),
    ("31 ديسمبر 2018", datetime(2018, 12, 31, tzinfo=UTC)),
    # Levantine names, including the two-word ones and the «شباط/فبراير» pair
    ("٢٥ كانون الثاني ٢٠١٨", datetime(2018, 1, 25, tzinfo=UTC)),
    ("الأحد 25 شباط/فبراير 2018 - 18:40", datetime(2018, 2, 25, 18, 40, tzinfo=UTC)),
    ("5 آذار 2018", datetime(2018, 3, 5, tzinfo=UTC)),
    ("5 اذار 2018", datetime(2018, 3, 5, tzinfo=UTC)),
    ("10 نيسان 2018", datetime(2018, 4, 10, tzinfo=UTC)),
    ("6 أيار 2018", datetime(2018, 5, 6, tzinfo=UTC)),
    ("1 حزيران 2018", datetime(2018, 6, 1, tzinfo=UTC)),
    ("14 تموز 2018", datetime(2018, 7, 14, tzinfo=UTC)),
    ("3 آب 2019 الساعة 5:30 م", datetime(2019, 8, 3, 17, 30, tzinfo=UTC)),
    ("20 أيلول 2018", datetime(2018, 9, 20, tzinfo=UTC)),
    ("7 تشرين الأول 2017", datetime(2017, 10, 7, tzinfo=UTC)),
    ("7 تشرين الثاني 2017", datetime(2017, 11, 7, tzinfo=UTC)),
    ("24 كانون الأول 2017", datetime(2017, 12, 24, tzinfo=UTC)),
    # Arabic-Indic and Persian digits
    ("٨ مارس ٢٠١٨ ١٠:١٥", datetime(2018, 3, 8, 10, 15, tzinfo=UTC)),
    ("۱۲ ابريل ۲۰۱۸", datetime(2018, 4, 12, tzinfo=UTC)),
    # machine formats: ISO with offset (converted to UTC), RFC 822, plain SQL-ish
    ("2018-02-25T21:40:00+03:00", datetime(2018, 2, 25, 18, 40, tzinfo=UTC)),
    ("2018-02-25T18:40:00Z", datetime(2018, 2, 25, 18, 40, tzinfo=UTC)),
    ("Sun, 25 Feb 2018 18:40:00 GMT", datetime(2018, 2, 25, 18, 40, tzinfo=UTC)),
    ("Sun, 25 Feb 2018 20:40:00 +0200", datetime(2018, 2, 25, 18, 40, tzinfo=UTC)),
    ("2019-08-18 14:55:10", datetime(2019, 8, 18, 14, 55, 10, tzinfo=UTC)),
    ("February 25, 2018", datetime(2018, 2, 25, tzinfo=UTC)),
])
def test_parse_date(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is not None


@pytest.mark.parametrize("text", ["", "   ", "بلا تاريخ", "2017", "12", None])
def test_no_date_is_none(text: str | None) -> None:
    assert parse_date(text) is None


def test_relative_dates_need_a_reference_time() -> None:
    now = datetime(2018, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_date("منذ ساعتين") is None
    assert parse_date("منذ ساعتين", now=now) == datetime(2018, 3, 1, 10, 0, tzinfo=UTC)


def test_find_date_in_running_text_takes_the_first_full_date() -> None:
    text = "نشر في الخميس 8 مارس 2018 وحدّث في 9 مارس 2018"
    assert find_date(text) == datetime(2018, 3, 8, tzinfo=UTC)
    assert find_date("قتل 19 مدنيا في 30 يوما") is None


def test_twelve_hour_clock_morning_and_evening() -> None:
    assert parse_date("5 مارس 2018 12:10 ص") == datetime(2018, 3, 5, 0, 10, tzinfo=UTC)
    assert parse_date("5 مارس 2018 9:10 مساء") == datetime(2018, 3, 5, 21, 10, tzinfo=UTC)


@pytest.mark.parametrize(("text", "offset"), [
    ("2018-02-25T21:40:00+03:00", 180),
    ("2018-02-25T18:40:00Z", 0),
    ("2018-02-25T13:10:00-05:30", -330),
    ("Sun, 25 Feb 2018 18:40:00 GMT", 0),
    ("Sun, 25 Feb 2018 20:40:00 +0200", 120),
    ("٢٠١٨-٠٢-٢٥T٢١:٤٠:٠٠+٠٣:٠٠", 180),  # Arabic-Indic digits
    ("Sun, 25 Feb 2018 18:40:00 -0000", None),  # RFC 822: "-0000" means the zone is unknown
    ("Sun, 25 Feb 2018 18:40:00", None),
    ("2019-08-18 14:55:10", None),
    ("الأحد 25 شباط/فبراير 2018 - 18:40", None),  # visible dates carry no offset
    ("", None),
    (None, None),
])
def test_date_offset(text: str | None, offset: int | None) -> None:
    assert date_offset(text) == offset


EXACT = datetime(2018, 3, 5, 13, 45, tzinfo=UTC)
WALL = datetime(2018, 3, 5, 16, 45, tzinfo=UTC)  # «16:45» on a +03:00 site, read as UTC
LATER = datetime(2018, 3, 6, tzinfo=UTC)


@pytest.mark.parametrize(("feed", "feed_offset", "page", "page_offset", "source", "expected"), [
    # 1. the feed's date with an offset wins, whatever the page says
    (EXACT, 0, WALL, None, 180, EXACT),
    (EXACT, 180, EXACT + timedelta(hours=1), 0, None, EXACT),
    # 2. else the page's exact date
    (WALL, None, EXACT, 60, 180, EXACT),
    (None, 0, EXACT, 0, 180, EXACT),
    # 3. else a wall-clock time in the source's learned offset (the feed's first) …
    (None, 0, WALL, None, 180, EXACT),
    (WALL, None, WALL + timedelta(hours=5), None, 180, EXACT),
    # … or the default when nothing was learned (here 0: read as UTC, the old rule)
    (None, 0, WALL, None, None, WALL),
    # 5. nothing to go on
    (None, 0, None, None, 180, None),
    (None, None, None, 0, None, None),
])
def test_publication_time_rule(feed: datetime | None, feed_offset: int | None,
                               page: datetime | None, page_offset: int | None,
                               source: int | None, expected: datetime | None) -> None:
    assert publication_time(feed, feed_offset, page, page_offset, source_offset=source,
                            default_offset=0, now=LATER) == expected


def test_publication_time_default_offset_and_the_future() -> None:
    assert publication_time(None, 0, WALL, None, source_offset=None, default_offset=180,
                            now=LATER) == EXACT
    # 4. a wall-clock reading after `now` is `now`: the offset assumed was too far west
    just_now = datetime(2018, 3, 5, 14, 0, tzinfo=UTC)
    assert publication_time(None, 0, WALL, None, source_offset=None, default_offset=0,
                            now=just_now) == just_now
    # an exact date is never moved
    assert publication_time(WALL, 0, None, None, source_offset=None, default_offset=0,
                            now=just_now) == WALL


def test_learn_offset_prefers_page_evidence_then_the_feed() -> None:
    pairs = [(EXACT, WALL), (EXACT + timedelta(hours=2), WALL + timedelta(hours=2, minutes=1)),
             (EXACT, EXACT)]  # one page that writes UTC: outvoted
    assert learn_offset(pairs, [0, 0, 0]) == 180
    # Not evidence: an "updated" time (not a whole quarter hour away), a date without a time.
    updated = [(EXACT, WALL + timedelta(minutes=7)), (EXACT, WALL + timedelta(hours=1, minutes=52)),
               (EXACT, datetime(2018, 3, 5, tzinfo=UTC))]
    assert learn_offset(updated, [60]) == 60
    assert learn_offset(updated + [(EXACT, WALL)], [60]) == 180
    assert learn_offset([], [180, 180, 0, None]) == 180
    assert learn_offset([], [None, None]) is None
    assert learn_offset([(EXACT, EXACT + timedelta(days=3))], []) is None  # not an offset
    assert learn_offset([], [60, 120]) == 60  # a tie: the smaller, whatever the order
    assert learn_offset([], [120, 60]) == 60
    assert learn_offset([(EXACT, EXACT - timedelta(hours=5))], []) == -300


@given(feed=st.none() | st.datetimes(timezones=st.just(UTC)),
       feed_offset=st.none() | st.integers(-840, 840),
       page=st.none() | st.datetimes(timezones=st.just(UTC)),
       page_offset=st.none() | st.integers(-840, 840),
       source=st.none() | st.integers(-840, 840),
       now=st.datetimes(min_value=datetime(1990, 1, 1), timezones=st.just(UTC)))
def test_publication_time_invariants(feed: datetime | None, feed_offset: int | None,
                                     page: datetime | None, page_offset: int | None,
                                     source: int | None, now: datetime) -> None:
    try:
        got = publication_time(feed, feed_offset, page, page_offset, source_offset=source,
                               default_offset=0, now=now)
    except OverflowError:
        return  # wall times at the very ends of the calendar cannot be shifted
    if feed is None and page is None:
        assert got is None
        return
    assert got is not None and got.utcoffset() == timedelta(0)
    exact = [d for d, o in ((feed, feed_offset), (page, page_offset))
             if d is not None and o is not None]
    if exact:
        assert got == exact[0]
    else:
        wall = feed if feed is not None else page
        assert wall is not None
        assert got <= now and abs(got - min(wall, now)) <= timedelta(hours=14)


@given(when=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)),
       minutes=st.integers(-14 * 4, 14 * 4).map(lambda quarters: quarters * 15),
       rfc=st.booleans())
def test_a_written_offset_is_read_back_with_its_date(when: datetime, minutes: int,
                                                     rfc: bool) -> None:
    from email.utils import format_datetime

    aware = when.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=minutes)))
    text = format_datetime(aware) if rfc else aware.isoformat()
    assert date_offset(text) == minutes
    assert parse_date(text) == aware
    naive = text.rsplit(" ", 1)[0] if rfc else aware.replace(tzinfo=None).isoformat()
    assert date_offset(naive) is None


_FETCHED = datetime(2026, 11, 29, 15, 0, tzinfo=timezone.utc)


def test_stored_time_is_the_fetch_time_for_no_date_or_a_future_one() -> None:
    """QA8 F8: «2035-01-01» is not stored as 2035; a missing date reads as the fetch time."""
    assert stored_time(None, _FETCHED) == _FETCHED
    assert stored_time(datetime(2035, 1, 1, 10, tzinfo=timezone.utc), _FETCHED) == _FETCHED
    soon = _FETCHED + timedelta(minutes=20)  # a clock a little ahead is left alone
    assert stored_time(soon, _FETCHED) == soon
    earlier = datetime(2005, 5, 1, tzinfo=timezone(timedelta(hours=3)))  # 1990: no date (X94)
    assert stored_time(earlier, _FETCHED) == earlier and stored_time(
        earlier, _FETCHED).tzinfo == timezone.utc


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1),
                    timezones=st.just(timezone.utc)) | st.none())
def test_stored_time_is_never_past_the_tolerance(published: datetime | None) -> None:
    when = stored_time(published, _FETCHED)
    assert when <= _FETCHED + FUTURE_TOLERANCE
    assert when == (published if published is not None and PLAUSIBLE_SINCE <= published
                    <= _FETCHED + FUTURE_TOLERANCE else _FETCHED)
