"""X131 (X128's note): a year is no toll. «سبتمبر 2014» (a month name, Arabic, Levantine or
Maghrebi, then a year), «عام 2014», «سنة 2014», «منذ 2014» were read as 2014 dead by both toll
readers (digests.toll_revisions.toll_kinds, digests.story_figures.figures/tolls) and as a new
figure of a same-day headline (digests.story_outcomes.new_outcome), through
digests.tolls.counts (`Count.year`).
"""

from __future__ import annotations

from digests.story_figures import figures, new_lead_figure, tolls
from digests.story_outcomes import new_outcome
from digests.toll_revisions import DEAD, HURT, down_kinds, toll_kinds
from digests.tolls import counts


def _years(text: str) -> list[int]:
    return [int(c.value) for c in counts(text)[1] if c.year]


def test_a_year_after_a_month_name_or_year_word_is_marked() -> None:
    # failed before: Count had no `year`
    assert _years("منذ سبتمبر 2014") == [2014]
    assert _years("في أيلول 2014") == [2014]
    assert _years("في أيلول/سبتمبر 2014") == [2014]
    assert _years("في سبتمبر (أيلول) 2014") == [2014]
    assert _years("في كانون الثاني 2015") == [2015]
    assert _years("في 11 سبتمبر 2001") == [2001]
    assert _years("في عام 2014") == [2014]
    assert _years("في العام 2014") == [2014]
    assert _years("لعام 2014") == [2014]
    assert _years("سنة 2014") == [2014]
    assert _years("ومنذ 2014، عندما بدأت") == [2014]
    assert _years("خلال عامي 2014 و2015") == [2014, 2015]
    assert _years("في رمضان 1439") == [1439]


def test_what_is_no_year() -> None:
    assert _years("مقتل 2014 شخصا") == []
    assert _years("قتل 3000 شخص في 11 سبتمبر") == []
    assert _years("منذ 3 أعوام") == []  # a duration: MEASURES already
    assert _years("منذ 30 عاما") == []
    assert _years("الأمين العام و2014") == []  # «و» after a word, not after a year


def test_a_year_is_no_toll_in_a_headline() -> None:
    # failed before: 2014 dead after each
    assert toll_kinds("مقتل 39 عاملا اختطفهم تنظيم الدولة عام 2014") == [(DEAD, 39)]
    assert toll_kinds("مقتل 5 جنود في أعنف هجوم منذ أيلول 2014") == [(DEAD, 5)]
    assert toll_kinds("مقتل 3 في غارة هي الأعنف منذ 2014") == [(DEAD, 3)]
    assert toll_kinds("مقتل 7 وإصابة 20 في أسوأ هجوم منذ سنة 2016") == [(DEAD, 7), (HURT, 20)]
    # the year made a higher toll of the headline before: 52 → 60 read as a revision down
    assert down_kinds("مقتل 52 جنديا في هجوم هو الأعنف منذ سبتمبر 2014",
                      "مقتل 60 جنديا في الهجوم") == frozenset()
    # a toll of that size stays one
    assert toll_kinds("مقتل 2014 شخصا في الزلزال") == [(DEAD, 2014)]


def test_a_year_is_no_toll_in_a_lead() -> None:
    # failed before: {dead: {2014}} (a count of people after the year)
    assert tolls("وقتل في سبتمبر 2014 جنود أمريكيون في هجوم مماثل") == {}
    assert tolls("قتل 5 جنود في أسوأ هجوم منذ سبتمبر 2014 قتلى فيه مدنيون") == {DEAD: {5.0}}
    assert figures("وكانت الجماعة قد خطفت في عام 2014 مدنيين") == set()
    # a lead naming an older attack's date is no higher toll than the 30 dead the chat had
    assert not new_lead_figure(["مقتل 30 في هجوم على قاعدة عسكرية"],
                               "وقتل في أيلول 2014 جنود في هجوم مماثل على القاعدة")


def test_a_year_is_no_new_figure_of_a_same_day_headline() -> None:
    # failed before: each was a same-day update (2014 a number beside a toll word the chat's
    # headline had not given)
    assert not new_outcome(["مقتل 39 عاملا مصريا في ليبيا"],
                           "مقتل 39 عاملا اختطفهم تنظيم الدولة عام 2014")
    assert not new_outcome(["مقتل 5 جنود في هجوم"], "مقتل 5 جنود في أعنف هجوم منذ أيلول 2014")
    assert not new_outcome(["مقتل 5 جنود في هجوم"], "مقتل 5 جنود في أعنف هجوم منذ ٢٠١٤")
    # another toll still is one
    assert new_outcome(["مقتل 5 جنود في هجوم"], "مقتل 7 جنود في أعنف هجوم منذ أيلول 2014")
