"""X72 (QA46 G1/G3, G5): what a sports and economy reader's searches show first.

- «الدولار»'s first result was the box office «"النمر الأسود" يحصد مليار دولار»: a currency
  named as the unit of an amount (digests.topic_match_units) is a passing mention in search,
  found still, after the articles about the currency; «الريال» put riyal fines at #2 and #3.
Real SQLite and the real index (test_search.add), invented articles."""

from __future__ import annotations

from test_search import NOW, add, ids

from digests import search_rank
from digests.search import search
from digests.storage import Database

LONG_BODY = " ".join(["وقال المحللون إن الأسواق تترقب قرارات البنوك المركزية هذا الأسبوع."] * 12)


def test_a_dollar_amount_comes_after_the_dollars_news(database: Database) -> None:
    add(database, 1, "فيلم يحصد مليار دولار منذ بداية عرضه",
        "حصد الفيلم مليار دولار، وجمع 200 مليون دولار في أسبوعه الأول. " + LONG_BODY,
        days_ago=0.1)
    add(database, 2, "الذهب يتراجع", "تراجع الذهب مع صعود الدولار، وقال متعاملون إن الدولار قوي. " + LONG_BODY,
        days_ago=2)
    add(database, 3, "سعر الدولار في البنوك", LONG_BODY, days_ago=3)
    result = search(database.db, "الدولار", now=NOW)
    assert ids(result) == [3, 2, 1]  # before: the box office first (the newest, «about»)
    assert result.total == 3  # still found
    _, tiers = search_rank.weigh(database.db, [(n, 1.0, None) for n in (1, 2, 3)],
                                 (("دولار",),))
    assert tiers == {1: search_rank.PASSING, 2: search_rank.OTHER, 3: search_rank.ABOUT}
    assert search_rank.tiers_of(database.db, [(n, 1.0, None) for n in (1, 2, 3)],
                                (("دولار",),)) == tiers


def test_riyal_fines_come_after_the_club(database: Database) -> None:
    add(database, 1, "إلزام النادي بتسديد 250 ألف ريال", "ألزمت اللجنة النادي بدفع 250 ألف"
        " ريال للاعب. " + LONG_BODY, days_ago=0.1)
    add(database, 2, "الريال يفوز على جيرونا", "فاز الريال بستة أهداف. " + LONG_BODY,
        days_ago=2)
    assert ids(search(database.db, "الريال", now=NOW)) == [2, 1]


def test_a_score_is_one_token_and_never_widened(database: Database) -> None:
    """QA46 G5: «3-0» was padded with every article holding a 3 and a 0; «6-3» matched a
    Putin report's «جيرينوفسكي (6,3)» and «6,3 مليون نازح»."""
    add(database, 1, "برشلونة يهزم تشيلسي", "وتغلب برشلونة على تشيلسي 3-0، وهي نتيجة كبيرة.")
    add(database, 2, "النفط يخسر", "خسر النفط 3 دولارات في أسبوع، وتراجع المخزون 0 برميل.",
        days_ago=0.5)
    add(database, 3, "ديون لبنان", "بلغت الديون 80 مليار دولار، بنسبة 3 0 في المئة.", days_ago=2)
    add(database, 4, "أوساكا تحرز اللقب", "فازت أوساكا 6-3 و6-2 في النهائي.")
    add(database, 5, "النتائج الأولية للانتخابات", "وحل جيرينوفسكي ثالثا (6,3) بالمئة،"
        " ونزح 6,3 مليون شخص.", days_ago=0.2)
    add(database, 6, "قمة الدوري", "انتهت المباراة بنتيجة (٣ - ٠) لصالح الفريق.", days_ago=3)
    for typed in ("3-0", "٣-٠", "3 - 0"):
        result = search(database.db, typed, now=NOW)
        assert sorted(ids(result)) == [1, 6] and result.total == 2, typed  # no «more» padding
        assert result.note is None
    assert ids(search(database.db, "6-3", now=NOW)) == [4]
    assert ids(search(database.db, "5-4", now=NOW)) == []
