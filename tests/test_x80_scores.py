"""X80 item 1 (R9's left): a score written «٣ـ٠» (a tatweel for the dash) or «٠-٣» (the other
order, as Arabic-Indic digits typed right to left are seen) was not read as the «3-0» it is:
«٣ـ٠» was no score query (the search answered every article holding «30»), a report writing
«٣ـ٠» was found by no score query (the index keys it «30»), and «٠-٣» found none of the «3-0»
reports. Real SQLite and the real index (test_search.add); invented articles."""

from __future__ import annotations

from test_search import NOW, add, ids

from digests.search import search
from digests.search_scores import holds_score, score_of
from digests.storage import Database


def _archive(database: Database) -> None:
    add(database, 1, "ريال مدريد يكتسح جيرونا", "فاز ريال مدريد على جيرونا 3-0 في الدوري.")
    add(database, 2, "برشلونة يهزم تشيلسي", "وتغلب برشلونة على تشيلسي بنتيجة ٣ـ٠ في دوري"
        " الأبطال.", days_ago=1)
    add(database, 3, "ليفربول يخسر", "خسر ليفربول أمام سيتي ٠-٣ على ملعبه.", days_ago=1.5)
    add(database, 4, "حصيلة", "سقط 30 قتيلا في 3ـ/6ـ وبعد 30 يوما عاد الهدوء.", days_ago=2)
    add(database, 5, "ريال مدريد يتعادل", "تعادل ريال مدريد مع خيتافي 1-1 بعد 30 دقيقة.",
        days_ago=2.5)


def test_every_order_and_the_tatweel_find_every_three_nil(database: Database) -> None:
    _archive(database)
    for typed in ("3-0", "٣ـ٠", "٠-٣", "0-3", "3ـ0"):
        result = search(database.db, typed, now=NOW)
        assert sorted(ids(result)) == [1, 2, 3], typed  # before: [1] or [4, 5] («30»)
        assert result.note is None, typed


def test_a_team_and_a_tatweel_score(database: Database) -> None:
    _archive(database)
    assert ids(search(database.db, "برشلونة 3-0", now=NOW)) == [2]  # before: []
    assert ids(search(database.db, "ريال مدريد ٣ـ٠", now=NOW)) == [1]  # before: [1, 5]
    assert ids(search(database.db, "ريال مدريد 1-1", now=NOW)) == [5]


def test_what_is_a_score() -> None:
    assert score_of("٣ـ٠") == ("3", "0") and score_of("3ـ0") == ("3", "0")
    assert score_of("3ـ/6ـ") is None
    assert holds_score("بنتيجة ٣ـ٠", ("3", "0")) and holds_score("٠-٣", ("3", "0"))
    assert not holds_score("في 3ـ/6ـ", ("3", "0")) and not holds_score("13ـ0", ("3", "0"))
    assert not holds_score("2018ـ3ـ0", ("3", "0"))
