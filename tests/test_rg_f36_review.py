"""Review RG (session 21) of F36 (a512c89): two of its speaker rules misfired on other articles.

* «الأمر» after a name is the verb's object («… بروتو الأمر قائلين»), but a noun that takes
  «الأمر» as its genitive is a speaker's name: «سلطات الأمر الواقع» (the de facto
  authorities), «هيئة الأمر بالمعروف» (the religious police) were cut to «سلطات», «هيئة».
* A plural verb («وأضافوا») never goes on with a person's bare name, but «حركة طالبان»,
  «جماعة الحوثي»… are groups a plural verb does go on with: their line lost its speaker.

Invented sentences through the real finder (digests.quotes.find_quotes).
"""

from __future__ import annotations

import pytest

from digests.quotes import find_quotes
from digests.speaker_spans import bare_person


def _speakers(paragraph: str) -> list[str]:
    return [c.speaker for c in find_quotes([paragraph])]


@pytest.mark.parametrize(("para", "speaker"), [
    ("وقالت سلطات الأمر الواقع في صنعاء إن الهجوم استهدف مواقع عسكرية تابعة للتحالف في"
     " المنطقة.", "سلطات الأمر الواقع"),
    ("وأوضح رئيس هيئة الأمر بالمعروف الشيخ عبد الرحمن السند أن الهيئة لن تتوقف عن عملها"
     " مهما حدث.", "رئيس هيئة الأمر"),
], ids=["de-facto-authorities", "religious-police"])
def test_a_noun_that_takes_al_amr_keeps_it_in_the_speaker(para: str, speaker: str) -> None:
    assert _speakers(para) == [speaker]  # before: «سلطات», «رئيس هيئة»


def test_al_amr_after_a_name_is_still_the_object() -> None:
    # Guard: F36's case (5126) and «ولي الأمر» stay as F36 left them.
    para = ('ويوضح الباحثان أندرو أوزوالد وأوغونيو بروتو الأمر قائلين إنهما وجدا الإجابة في جينات'
            ' الإنسان التي تتحكم في مستوى السعادة لديه.')
    assert not any(s.endswith("الأمر") for s in _speakers(para))
    guardian = "وقال ولي الأمر أحمد محمود إن المدرسة لم تبلغه بما حدث لابنه داخل الفصل صباح الأحد."
    assert _speakers(guardian) == ["ولي الأمر أحمد محمود"]


@pytest.mark.parametrize("group", ["حركة طالبان", "جماعة بوكو حرام", "قوات سوريا الديمقراطية",
                                   "حزب العمال"], ids=["taliban", "boko-haram", "sdf", "labour"])
def test_a_group_is_no_bare_person(group: str) -> None:
    assert not bare_person(group)


def test_a_plural_verb_goes_on_with_a_movement() -> None:
    para = ('وقالت حركة طالبان في بيان إن مقاتليها سيطروا على المنطقة. وأضافوا أن القتال سيستمر'
            ' حتى انسحاب القوات الأجنبية من البلاد.')
    assert _speakers(para) == ["حركة طالبان", "حركة طالبان"]  # before: the second line dropped


def test_a_plural_verb_after_one_person_still_has_no_speaker() -> None:
    # Guard: F36's rule itself (5849's shape).
    para = ('وقال عباس إن الفلسطينيين لن يقبلوا بالوساطة الأمريكية بعد اليوم. وأضافوا أن القرار'
            ' نهائي ولا رجعة فيه على الإطلاق.')
    assert _speakers(para) == ["عباس"]
