"""QA52 R9: a score written with the minus sign «−» (U+2212), a hyphen «‐» (U+2010) or the
Arabic «مقابل» («فاز 3 مقابل 0») was neither a score query nor a score in a text: «3−0» and
«3 مقابل 0» found nothing of a «3-0» report, and «3-0» did not find «فاز 3 مقابل 0». Real
SQLite and the real index (test_search.add); invented articles."""

from __future__ import annotations

from test_search import NOW, add, ids

from digests.search import search
from digests.search_scores import holds_score, score_of
from digests.storage import Database


def _archive(database: Database) -> None:
    add(database, 1, "ريال مدريد يكتسح جيرونا", "فاز ريال مدريد على جيرونا 3-0 في الدوري.")
    add(database, 2, "برشلونة يهزم تشيلسي", "وتغلب برشلونة على تشيلسي 3 مقابل 0 في دوري الأبطال.",
        days_ago=1)
    add(database, 3, "ليفربول يهزم سيتي", "فاز ليفربول 3−0 على سيتي.", days_ago=1.5)
    add(database, 4, "النفط يخسر", "خسر النفط 3 دولارات مقابل 0.5 في المخزون، و13 مقابل 0 أمس.",
        days_ago=2)


def test_every_way_of_writing_the_score_finds_every_match(database: Database) -> None:
    _archive(database)
    for typed in ("3-0", "3−0", "٣‐٠", "3 مقابل 0", "٣ مقابل ٠"):
        result = search(database.db, typed, now=NOW)
        assert sorted(ids(result)) == [1, 2, 3], typed


def test_a_team_and_a_score_written_with_versus(database: Database) -> None:
    _archive(database)
    for typed in ("برشلونة 3-0", "برشلونة 3 مقابل 0", "ريال مدريد 3 مقابل 0"):
        result = search(database.db, typed, now=NOW)
        assert len(ids(result)) == 1, typed
    assert ids(search(database.db, "برشلونة 3 مقابل 0", now=NOW)) == [2]


def test_what_is_a_score() -> None:
    assert score_of("3−0") == ("3", "0") and score_of("٣‐٠") == ("3", "0")
    assert score_of("فاز 3 مقابل 0") == ("3", "0")
    assert score_of("النفط مقابل الغذاء") is None
    assert holds_score("وفاز 3 مقابل 0 أمس", ("3", "0"))
    assert not holds_score("13 مقابل 0", ("3", "0"))
    assert not holds_score("3 مقابل 0.5", ("3", "0"))
