"""X132 (QA76-9): compound numbers in words and figures are one toll.

Arabic wires write 3,500 as «3 آلاف و500» and 1,200 as «ألف و200»; digests.tolls read the last
part alone (500, 200), so a rising toll compared lower («مقتل 1,200» → «3 آلاف و500 قتيل» was
a revision down), and a thousand written as a word («ألفي قتيل») was no number at all. Pure."""

from __future__ import annotations

import pytest

from digests.story_figures import figures, tolls
from digests.toll_revisions import down_kinds, toll_kinds


@pytest.mark.parametrize(("headline", "kinds"), [
    ("ارتفاع حصيلة زلزال كرمان إلى 3 آلاف و500 قتيل", [("dead", 3500)]),
    ("مقتل ألف و200 شخص", [("dead", 1200)]),
    ("ارتفاع عدد القتلى إلى ألف و200", [("dead", 1200)]),
    ("ارتفاع حصيلة الزلزال إلى ألفين و100 قتيل", [("dead", 2100)]),
    ("ارتفاع حصيلة الزلزال إلى ألفي قتيل", [("dead", 2000)]),
    ("مقتل ألف شخص في الفيضانات", [("dead", 1000)]),
    # two tolls, not one: the noun before and the one after name different ones
    ("مقتل 3 آلاف و500 جريح", [("dead", 3000), ("hurt", 500)]),
    # a round figure stays a multiplied one (a count of whom, unsaid): no toll
    ("نزوح 2 مليون و500 ألف شخص ومقتل 3", [("dead", 3)]),
    ("مقتل 52 قتيلا و80 جريحا", [("dead", 52), ("hurt", 80)]),  # as before
])
def test_toll_kinds_read_the_whole_number(headline: str, kinds: list[tuple[str, int]]) -> None:
    assert toll_kinds(headline) == kinds


def test_a_rising_toll_in_words_is_no_revision_down() -> None:
    assert down_kinds("مقتل 1,200 شخص في زلزال كرمان",
                      "ارتفاع حصيلة زلزال كرمان إلى 3 آلاف و500 قتيل") == frozenset()
    assert down_kinds("ارتفاع حصيلة الزلزال إلى ألفي قتيل",
                      "مقتل 1,500 في الزلزال") == frozenset({"dead"})


def test_story_figures_read_them_alike() -> None:
    assert figures("مقتل ألف و200 شخص") == {("dead", 1200)}
    assert tolls("ارتفعت الحصيلة إلى 3 آلاف و500 قتيل") == {"dead": {3500}}
    assert figures("وصل ألفان و300 جريح إلى المستشفيات") == {("hurt", 2300)}
    assert figures("قتل ألفا جندي") == set()  # 1000 or 2000 unvowelled: not read
