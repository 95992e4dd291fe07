"""Review REV (session 22) of X87's 09b1967: a leading «عاجل» with no separator is dropped
before a headline of three words or more, but also where the label goes on — «عاجل جدا: زلزال …»
became «جدا: زلزال …», «خبر عاجل من دمشق عن الهدنة» «من دمشق عن الهدنة», «عاجل ومهم …» «ومهم …»
(kept whole before 09b1967). A label is dropped only before a headline's own first word, not
before «جدا», a preposition or an «و» adjective that continue it."""

from __future__ import annotations

import pytest

from digests.headline import clean_headline


@pytest.mark.parametrize("title", [
    "عاجل جدا: زلزال يضرب جنوب إيران", "خبر عاجل من دمشق عن الهدنة",
    "عاجل ومهم للغاية من الرئاسة السورية", "عاجل من دمشق: الهدنة تبدأ غدا",
    "عاجل في بيروت انفجار قرب المرفأ", "عاجل جداً زلزال يضرب جنوب إيران"])
def test_a_label_that_goes_on_is_not_cut_from_its_tail(title: str) -> None:
    shown = clean_headline(title)
    assert shown.startswith(("عاجل", "خبر عاجل")), shown


def test_a_label_before_the_headline_still_goes() -> None:
    assert clean_headline("عاجل وزير الخارجية يصل إلى دمشق") == "وزير الخارجية يصل إلى دمشق"
    assert clean_headline("عاجل زلزال بقوة 5.2 درجات يضرب جنوب إيران") == (
        "زلزال بقوة 5.2 درجات يضرب جنوب إيران")
