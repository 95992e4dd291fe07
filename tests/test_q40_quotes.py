"""Brief Q40 (QA59): quote spans, marks and repeats a demanding reader found, and two headline slips.

Invented sentences of the shapes QA59 read in the corpus; each test fails before its fix.
"""

from __future__ import annotations

import pytest

from digests.headline import clean_headline

LEAD = "نص الخبر الأول في الصفحة. ثم جملة ثانية."


# QA59-21: invisible direction controls copied from the page are no part of a headline.
@pytest.mark.parametrize(("title", "expected"), [
    ("\u200f\u202bقرار حكومي بتسريع سداد مستحقات المقاولين", "قرار حكومي بتسريع سداد مستحقات المقاولين"),
    ("ارتفاع أسعار الشحن 14\u200e% في الربع الأول", "ارتفاع أسعار الشحن 14% في الربع الأول"),
    ("الوزير\u202d:\u202c لا زيادة في الضرائب هذا العام", "الوزير: لا زيادة في الضرائب هذا العام"),
    ("\u200f مصر.. افتتاح أكبر محطة لتحلية المياه", "مصر.. افتتاح أكبر محطة لتحلية المياه"),
    ("عنوان \u2067بعزل\u2069 و\u061cعلامة", "عنوان بعزل وعلامة"),
])
def test_direction_controls_leave_the_headline(title: str, expected: str) -> None:
    assert clean_headline(title, LEAD) == expected


def test_the_joiners_stay() -> None:
    # (ZWNJ and ZWJ are the writer's: only the direction controls go)
    assert clean_headline("كلمة\u200cأخرى في العنوان الجديد", LEAD) == "كلمة\u200cأخرى في العنوان الجديد"


# QA59-38: «شاهد» before a definite noun is the verb, the noun its object; stripped, the headline
# is an accusative or a phrase with no verb.
@pytest.mark.parametrize("title", [
    "شاهد اللاعبين وهم يحتفلون بالكأس في شوارع المدينة",
    "شاهد الرجل بمواجهة السيل.. دقائق من الرعب",
    "شاهد الجنود أثناء عبورهم النهر تحت القصف",
])
def test_watch_before_a_definite_object_stays(title: str) -> None:
    assert clean_headline(title, LEAD) == title


@pytest.mark.parametrize(("title", "expected"), [
    ("شاهد وزير الخارجية يغادر القاعة غاضبا", "وزير الخارجية يغادر القاعة غاضبا"),
    ("شاهد ماذا فعل الحكم بعد نهاية المباراة", "ماذا فعل الحكم بعد نهاية المباراة"),
    ("شاهد لحظة انهيار الجسر في المدينة", "لحظة انهيار الجسر في المدينة"),
])
def test_the_teaser_watch_still_goes(title: str, expected: str) -> None:
    assert clean_headline(title, LEAD) == expected
