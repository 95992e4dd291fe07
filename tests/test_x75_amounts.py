"""Brief X75 item 2 (X72's «Left»): «2000 دولار» was read as a year, so «بمبلغ 2000 دولار»
(an allowance) stayed dollar news for a follower of «الدولار» and in its search. A number of a
year's form followed by a currency or unit is an amount unless a word of time comes before it
(«عام 2004 وريال مدريد» stays the club: digests.topic_match_units.counts); a date's day words
(digests.event_time) do not take «2000» of «20 مارس 2000 دولار» as the year. Search on real
SQLite and the real index (test_search.add); invented articles."""

from __future__ import annotations

from datetime import date, datetime, timezone

from test_search import NOW, add, ids
from test_x72_search import LONG_BODY

from digests import search_rank
from digests.arabic import analyze
from digests.event_time import references
from digests.models import Article
from digests.search import search
from digests.storage import Database
from digests.topic_match import alert_matches
from digests.topic_match_units import counts, without_units

FILLER = ("وقالت الوزارة إن الصرف يبدأ الشهر المقبل عبر مكاتب البريد في المحافظات.",)


def _report(title: str, *paragraphs: str) -> Article:
    return Article(id=1, source_id=1, source_name="مصدر", url="https://a.test/1", title=title,
                   paragraphs=tuple(paragraphs) + FILLER)


def test_a_year_shaped_amount_is_no_dollar_alert() -> None:
    stipend = _report("منحة بمبلغ 2000 دولار لكل أسرة نازحة",
                      "أعلنت الوزارة صرف منحة بمبلغ 2000 دولار لكل أسرة، و1500 دولار للطلاب.")
    assert not alert_matches("الدولار", stipend)
    # a year after a word of time is no amount: the club of «عام 2004 وريال مدريد»
    club = analyze("انتقل إلى صفوفه عام 2004 وريال مدريد يطارده")
    assert without_units(club, (("ريال",),)) == tuple(club)
    assert counts(analyze("بمبلغ 2000 دولار"), 1) and not counts(analyze("عام 2004 دولار"), 1)
    assert not counts(analyze("في آذار 1990 دولار"), 2)  # after a month: the year


def test_a_year_shaped_amount_is_a_passing_mention_in_search(database: Database) -> None:
    add(database, 1, "منحة بمبلغ 2000 دولار لكل أسرة",
        "أعلنت الوزارة صرف منحة بمبلغ 2000 دولار، و1990 دولار للطلاب. " + LONG_BODY,
        days_ago=0.1)
    add(database, 2, "الدولار يتراجع أمام اليورو", LONG_BODY, days_ago=2)
    result = search(database.db, "الدولار", now=NOW)
    assert ids(result) == [2, 1]  # before: the allowance first (the newest, «about»)
    _, tiers = search_rank.weigh(database.db, [(n, 1.0, None) for n in (1, 2)], (("دولار",),))
    assert tiers == {1: search_rank.PASSING, 2: search_rank.ABOUT}


def test_a_date_before_an_amount_takes_no_year() -> None:
    published = datetime(2018, 3, 18, 9, tzinfo=timezone.utc)
    said = references("تصرف الحكومة في 20 آذار/مارس 2000 دولار لكل أسرة", published)
    assert [r.first for r in said] == [date(2018, 3, 20)]  # before: 20 March 2000
    said = references("وقع الاتفاق في 20 مارس 2000 في جنيف", published)
    assert [r.first for r in said] == [date(2000, 3, 20)]  # a year it is
