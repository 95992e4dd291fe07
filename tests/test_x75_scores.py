"""Brief X75 item 3 (RC's review of X72): a score query could still be widened. «ريال مدريد
3-0» was no score query (only a score alone was), so it answered with every Real Madrid report
holding a «3» and a «0» anywhere; and a lone score found nowhere fell to the no-match branches
(«5-4»: the oil report, «لم نجد «4» في الأرشيف…»). A short query holding one score keeps only
the articles writing that score as a score (with the query's other words), and is never widened,
dropped or searched by names. Real SQLite and the real index (test_search.add); invented
articles."""

from __future__ import annotations

from test_search import NOW, add, ids

from digests.search import search
from digests.search_scores import score_of
from digests.storage import Database


def _archive(database: Database) -> None:
    add(database, 1, "ريال مدريد يكتسح جيرونا", "فاز ريال مدريد على جيرونا 3-0 في الدوري.")
    add(database, 2, "ريال مدريد يتعادل مع خيتافي", "تعادل ريال مدريد مع خيتافي في الدقيقة 90"
        " بعد 3 فرص ضائعة، ورصيده 0 انتصارات خارج ملعبه.", days_ago=0.5)
    add(database, 3, "برشلونة يهزم تشيلسي", "وتغلب برشلونة على تشيلسي 3-0 في دوري الأبطال.",
        days_ago=1)
    add(database, 4, "النفط يخسر", "خسر النفط 5 دولارات في أسبوع، وتراجع المخزون 3 براميل.",
        days_ago=2)


def test_a_team_and_a_score_keep_only_the_score(database: Database) -> None:
    _archive(database)
    for typed in ("ريال مدريد 3-0", "ريال مدريد ٣-٠", "3 - 0 ريال مدريد"):
        result = search(database.db, typed, now=NOW)
        assert ids(result) == [1] and result.total == 1, typed  # before: [1, 2]
        assert result.note is None, typed
    assert sorted(ids(search(database.db, "3-0", now=NOW))) == [1, 3]


def test_a_score_found_nowhere_is_nothing_not_a_dropped_word(database: Database) -> None:
    _archive(database)
    for typed in ("5-4", "ريال مدريد 5-4"):
        result = search(database.db, typed, now=NOW)
        assert ids(result) == [] and result.note is None, typed  # before: the oil report
        assert not result.dropped, typed


def test_what_is_a_score_query() -> None:
    assert score_of("ريال مدريد 3-0") == ("3", "0")
    assert score_of("٣-٠") == ("3", "0")
    assert score_of("موسم 2017-2018") is None  # a season, no score
    assert score_of("ريال مدريد") is None
    assert score_of("3-0 و 2-1") is None  # two scores: no one score to keep
    long_text = " ".join(["وقال المدرب إن الفريق لعب جيدا"] * 4) + " وفاز 3-0"
    assert score_of(long_text) is None  # a pasted text is searched by its names
