"""QA52 R4: X74's words for a toll revised down (digests.toll_revisions). Missed: the verbal noun
«وتم تعديل عدد القتلى إلى 49» and «وكانت الحصيلة السابقة 52»; fired on «بعد أن كان الهجوم قد بدأ
3 مساء» (a time, in a «كان … قد» past); and «في 3 هجمات» was read as a toll figure, so «مقتل 52
شخصا في 3 هجمات» → «مقتل 49 شخصا في 4 هجمات» was not a toll revised down. Pure."""

from __future__ import annotations

import pytest

from digests.toll_revisions import down_kinds, states_revision, toll_figures


@pytest.mark.parametrize("text", [
    "وتم تعديل عدد القتلى إلى 49 شخصا.",
    "وجرى تخفيض عدد الضحايا إلى 49.",
    "وكانت الحصيلة السابقة 52 قتيلا.",
    "وكانت حصيلة سابقة أشارت إلى 52 قتيلا.",
    "وقتل 49 شخصا بعد أن كانت السلطات أعلنت مقتل 52.",  # X74's, still
])
def test_a_stated_revision_is_read(text: str) -> None:
    assert states_revision("مقتل 49 شخصا في هجوم", text)


@pytest.mark.parametrize("text", [
    "وقتل 49 شخصا بعد أن كان الهجوم قد بدأ 3 مساء.",
    "وقتل 49 شخصا بعد أن كان الهجوم بدأ الساعة 3.",
    "وقتل 49 شخصا بعد أن كانت المواجهات استمرت 3 ساعات.",
])
def test_a_time_is_no_revision(text: str) -> None:
    assert not states_revision("مقتل 49 شخصا في هجوم", text)


def test_a_count_of_attacks_is_no_toll() -> None:
    assert toll_figures("مقتل 52 شخصا في 3 هجمات") == [52]
    assert toll_figures("مقتل 12 في 3 غارات على الغوطة") == [12]
    assert down_kinds("مقتل 52 شخصا في 3 هجمات", "مقتل 49 شخصا في 4 هجمات")
    assert not down_kinds("مقتل 49 شخصا في 3 هجمات", "مقتل 52 شخصا في 4 هجمات")
    assert toll_figures("مقتل 3 في هجوم") == [3]  # the toll before «في» stays
