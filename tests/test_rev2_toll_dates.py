"""REV2 s26 (review of X131/X132's toll readers): a day of a month is no toll, and a thousand
in the accusative after a number («45 ألفا», «11 مليونا») multiplies it.

«مقتل 5 في هجوم 7 أكتوبر» read as 5 and 7 dead (digests.toll_revisions.toll_kinds), and
«إلى 45 ألفا» as 45, so «44 ألف» then «45 ألفا» was a toll revised down.
"""

from __future__ import annotations

from digests.story_figures import figures
from digests.toll_revisions import DEAD, HURT, down_kinds, toll_kinds
from digests.tolls import counts


def test_a_day_of_a_month_is_no_toll() -> None:
    # failed before: [(DEAD, 5), (DEAD, 7)] and [(DEAD, 3), (DEAD, 7)]
    assert toll_kinds("مقتل 5 في هجوم 7 أكتوبر") == [(DEAD, 5)]
    assert toll_kinds("مقتل 3 في غارة يوم 7 كانون الثاني") == [(DEAD, 3)]
    assert toll_kinds("مقتل 4 وإصابة 9 منذ 25 ماي") == [(DEAD, 4), (HURT, 9)]
    assert toll_kinds("قتل 3000 شخص في 11 سبتمبر") == [(DEAD, 3000)]
    assert down_kinds("مقتل 12 في هجوم 7 أكتوبر", "مقتل 12 في هجوم 7 أكتوبر") == frozenset()
    assert figures("مقتل 5 في هجوم 7 أكتوبر") == {(DEAD, 5.0)}
    # a month's count of people stays a toll
    assert toll_kinds("مقتل 7 في أكتوبر") == [(DEAD, 7)]


def test_a_thousand_in_the_accusative_multiplies() -> None:
    # failed before: 45 and 11
    assert [c.value for c in counts("ارتفاع عدد القتلى إلى 45 ألفا")[1]] == [45_000]
    assert [c.value for c in counts("نزوح 11 مليونا")[1]] == [11_000_000]
    assert [(c.value, c.multiplied) for c in counts("45 ألفاً")[1]] == [(45_000, True)]
    # failed before: {dead} (44,000 then 45)
    assert down_kinds("مقتل 44 ألف شخص في غزة", "مقتل 45 ألفا في غزة") == frozenset()
    assert toll_kinds("مقتل 45 ألفا في غزة") == [(DEAD, 45_000)]
    # «ألفا» alone is still no number (X132: 1000 or 2000 unvowelled)
    assert counts("قتل ألفا جندي")[1] == []
