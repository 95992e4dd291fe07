"""X101 (session 24), QA68-12 (S2): «latest first» broke for a person quiet for a few days: the
past-event lift (digests.search_order._past_event, X55: a finished event's big story first) put
«نتنياهو»'s 2 March, 22 and 18 February stories above 28 and 27 March. The lift is now for an
event only — most of the topic's headlines within a few days of one another — and a person or
a running topic, in the news all along, keeps latest first. On a real SQLite archive."""

from __future__ import annotations

from test_search import NOW, add

from digests.search import search
from digests.search_order import _one_event
from digests.storage import Database


def _first_page(database: Database, topic: str) -> list[int | None]:
    return [h.digest.article_id for h in
            search(database.db, topic, limit=5, now=NOW, fold_stories=True).hits]


def test_a_person_quiet_for_days_keeps_latest_first(database: Database) -> None:
    for n, source in enumerate(("BBC", "CNN", "RT")):  # a big story weeks ago
        add(database, 800 + n, f"الشرطة تستجوب نتنياهو رقم {n}", "استجوبت الشرطة نتنياهو.",
            days_ago=25, story_id=80, source=source)
    for n, age in enumerate((4, 7, 11, 15, 19)):  # his news all along since
        add(database, 810 + n, f"نتنياهو يقول شيئا رقم {n}", "قال نتنياهو.", days_ago=age)
    assert _first_page(database, "نتنياهو")[:2] == [810, 811]


def test_a_finished_event_still_lists_its_big_story_first(database: Database) -> None:
    for n, source in enumerate(("BBC", "CNN", "RT")):
        add(database, 900 + n, f"أوسكار 2018: الفائزون رقم {n}", "أعلنت جوائز أوسكار.",
            days_ago=20, story_id=90, source=source)
    for n, age in enumerate((19.5, 19, 12)):
        add(database, 910 + n, f"الأوسكار بعد الحفل رقم {n}", "قالت أكاديمية أوسكار.",
            days_ago=age)
    assert _first_page(database, "الاوسكار")[0] in (900, 901, 902)


def test_one_event_is_most_headlines_within_three_days() -> None:
    assert _one_event([20, 20, 20, 12, 19])
    assert not _one_event([4, 7, 11, 15, 19, 25, 25, 25])
    assert not _one_event([])
