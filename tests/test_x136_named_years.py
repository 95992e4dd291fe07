"""X136 (1): a year ending a name is no toll. «عملية سيناء 2018.. مقتل 30» was read by
digests.toll_revisions.toll_kinds (any figure of a headline naming a toll) as 2018 dead and 30
dead: four digits 1900–2100 right before punctuation, or after an operation's word, are a year
(digests.tolls' `Count.year`, `_named_year`). The property test is in tests/test_x121_tolls.py.
"""

from __future__ import annotations

from digests.story_outcomes import new_outcome
from digests.toll_revisions import DEAD, down_kinds, toll_kinds
from digests.tolls import counts


def test_an_operations_year_is_no_toll() -> None:
    # failed before: [(DEAD, 2018), (DEAD, 30)] and the like
    assert toll_kinds("عملية سيناء 2018.. مقتل 30") == [(DEAD, 30)]
    assert toll_kinds("عملية سيناء 2018: مقتل 30 مسلحا") == [(DEAD, 30)]
    assert toll_kinds("\"سيناء 2018\".. الجيش المصري يعلن مقتل 7 من قواته") == [(DEAD, 7)]
    assert toll_kinds("«عملية سيناء 2018» تقتل 30") == [(DEAD, 30)]
    assert toll_kinds("عملية سيناء ٢٠١٨ تقتل 30") == [(DEAD, 30)]  # the name goes on
    assert toll_kinds("مقتل 30 في عملية سيناء 2018") == [(DEAD, 30)]
    assert toll_kinds("عملية سيناء 2018.. جيش مصر يعلن مقتل ضابطين والقبض على 86 إرهابيا") \
        == [(DEAD, 86)]
    # the year made a higher toll than the headline after it: read as a revision down
    assert down_kinds("عملية سيناء 2018.. مقتل 30", "مقتل 32 في سيناء") == frozenset()
    assert not new_outcome(["مقتل 30 إرهابيا في سيناء"], "عملية سيناء 2018.. مقتل 30 إرهابيا")


def test_a_count_of_that_size_stays_a_toll() -> None:
    assert toll_kinds("مقتل 2000.") == [(DEAD, 2000)]
    assert toll_kinds("مقتل 1950") == [(DEAD, 1950)]
    assert toll_kinds("ارتفاع الحصيلة إلى 2000.. والبحث مستمر") == [(DEAD, 2000)]
    assert toll_kinds("مقتل 2018 شخصا في الزلزال") == [(DEAD, 2018)]
    assert toll_kinds("حصيلة القتلى تبلغ 2010، بحسب الدفاع المدني") == [(DEAD, 2010)]
    assert toll_kinds("مقتل 30 في عملية أمنية أسفرت عن اعتقال 2018 شخصا") == [(DEAD, 30),
                                                                        (DEAD, 2018)]
    # not four digits, or out of the years' range: a count
    assert [c.year for c in counts("عملية الفجر 300.. مقتل 5")[1]] == [False, False]
    assert [c.year for c in counts("عملية الفجر 2500.. مقتل 5")[1]] == [False, False]
    assert [c.year for c in counts("نسبة 2018% ")[1]] == [False]
