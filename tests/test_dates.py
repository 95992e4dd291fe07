"""Arabic and machine dates to timezone-aware UTC."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from digests.dates import find_date, parse_date

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
