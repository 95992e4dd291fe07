"""REV s25: a figure written with a thousands separator is read as the number it is.

digests.story_figures (X114) read «1,200» as 1.2 and «٣٬٠٠٠» as 0: a toll rising from 900 to
«1,200» was no update, and a headline rewritten from «3000 شخص» to «3,000 شخص» in place was
told as a corrected count.
"""

from __future__ import annotations

import pytest

from digests.story_figures import changed_figure, figures, new_lead_figure, tolls


# «مقتل» before a count of people makes it the dead (X128: «إصابة 3 آلاف من الجنود» is 3000 hurt)
@pytest.mark.parametrize(("text", "kind", "value"), [
    ("مقتل 1,200 شخص", "dead", 1200.0),
    ("إجلاء ٣٬٠٠٠ شخص", "people", 3000.0),
    ("إجلاء 1,250,000 شخص", "people", 1_250_000.0),
    ("مقتل 2٫5 ألف شخص", "dead", 2500.0),
    ("مقتل 2,5 ألف شخص", "dead", 2500.0),  # a decimal comma: not three digits after it
    ("مقتل 1200 شخص", "dead", 1200.0),
])
def test_separators_are_read_as_written(text: str, kind: str, value: float) -> None:
    assert figures(text) == {(kind, value)}


def test_a_toll_rising_past_a_thousand_is_an_update() -> None:
    assert new_lead_figure(["مقتل 900 شخص"], "ارتفاع حصيلة القتلى إلى 1,200 قتيل")


def test_the_same_count_rewritten_with_a_separator_is_no_correction() -> None:
    assert not changed_figure(["إجلاء 3000 شخص"], "إجلاء 3,000 شخص")
    assert changed_figure(["إجلاء 3,000 شخص"], "إجلاء 3,500 شخص")


def test_people_counted_beside_a_death_in_another_clause_are_not_the_dead() -> None:
    """«قتل 3 جنود …، فيما نزح أكثر من 5000 مدني»: 5000 displaced, not 5000 dead (the whole
    sentence told deaths, so every count of people in it was read as the dead)."""
    lead = "قتل 3 جنود في القصف، فيما نزح أكثر من 5000 مدني من المنطقة"
    assert tolls(lead) == {"dead": {3.0}}
    assert not new_lead_figure(["مقتل 3 جنود في قصف"], lead)


@pytest.mark.parametrize(("lead", "dead"), [
    ("ارتفاع حصيلة القتلى إلى 28 مدنياً، إضافة إلى أكثر من 200 مصاب", {28.0}),
    ("لقي 4 أشخاص حتفهم في الحادث", {4.0}),
    ("قتل 3 جنود و5000 مدني في القصف", {3.0, 5000.0}),
])
def test_people_counted_in_the_clause_that_tells_deaths_are_the_dead(
        lead: str, dead: set[float]) -> None:
    assert tolls(lead)["dead"] == dead


def test_a_count_after_commas_of_time_or_source_is_still_the_dead() -> None:
    assert tolls("قتل، الأربعاء، 12 شخصا في غارة") == {"dead": {12.0}}
