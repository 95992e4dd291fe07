"""X121 (REV s25 #2/#3): one toll reader, digests.tolls, for digests.toll_revisions and
digests.story_figures.

The two modules each read numbers and the words of the dead and the hurt, and disagreed:
toll_revisions read «1,200» as 1 and «٣٬٠٠٠» as 3 and 0, so a toll rising from 900 to «1,200»
looked revised down; story_figures read «مقتل 52 وإصابة 80» as 52 hurt, toll_revisions
«52 وفاة و80 إصابة» as 80 dead.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digests.story_figures import figures, tolls
from digests.toll_revisions import DEAD, HURT, down_kinds, toll_kinds
from digests.tolls import counts

_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_toll_revisions_reads_thousands_separators() -> None:
    # failed before: [(DEAD, 1)] and [(DEAD, 3), (DEAD, 0)]
    assert toll_kinds("ارتفاع حصيلة الزلزال إلى 1,200 قتيل") == [(DEAD, 1200)]
    assert toll_kinds("مقتل ٣٬٠٠٠ شخص في الفيضانات") == [(DEAD, 3000)]
    assert toll_kinds("مقتل 1٬200 وإصابة ٢,٥٠٠ في الزلزال") == [(DEAD, 1200), (HURT, 2500)]


def test_a_toll_rising_past_a_thousand_is_no_revision_down() -> None:
    # failed before: 900 → «1,200» was read 900 → 1, a toll revised down
    assert down_kinds("ارتفاع حصيلة الزلزال إلى 900 قتيل",
                      "ارتفاع حصيلة الزلزال إلى 1,200 قتيل") == frozenset()
    assert down_kinds("مقتل 900 شخص في الزلزال", "مقتل ١٬٢٠٠ شخص في الزلزال") == frozenset()
    assert down_kinds("ارتفاع حصيلة الزلزال إلى 1,200 قتيل",
                      "ارتفاع حصيلة الزلزال إلى 900 قتيل") == {DEAD}


def test_both_readers_tell_the_dead_from_the_hurt_alike() -> None:
    # failed before: story_figures read 52 hurt (the «وإصابة» after it), toll_revisions 80 dead
    for text in ("مقتل 52 وإصابة 80 في انفجار", "52 وفاة و80 إصابة في انفجار",
                 "770 قتيلا وأكثر من 4 آلاف جريح بالغوطة"):
        by_kind: dict[str, set[float]] = {}
        for kind, n in toll_kinds(text):
            by_kind.setdefault(kind, set()).add(float(n))
        assert tolls(text) == by_kind, text
    assert toll_kinds("مقتل رقيب شرطة وجرح 4 أشخاص في تفجير") == [(HURT, 4)]


def test_each_caller_keeps_its_own_rules() -> None:
    # toll_revisions: any figure of a headline naming a toll, not a time, an age, a sum, a
    # percentage, a count of events or a multiplied count of something else
    assert toll_kinds("ارتفاع الحصيلة إلى 52") == [(DEAD, 52)]
    assert toll_kinds("مقتل 3 خلال 24 ساعة في 5 هجمات") == [(DEAD, 3)]
    assert toll_kinds("مقتل 40% من السكان") == []
    assert toll_kinds("40 ألف جريمة حوثية ضد المدنيين") == []
    assert toll_kinds("برشلونة يعلن غياب بوسكيتس 3 أسابيع بسبب الإصابة") == []
    # story_figures: only a figure with its unit word; people and sums too
    assert figures("ارتفاع الحصيلة إلى 52") == set()
    assert figures("57 حافلة تقل أكثر من 3,000 شخص") == {("people", 3000.0)}
    assert figures("مساعدات بقيمة 2,5 مليون دولار") == {("money", 2_500_000.0)}
    assert figures("70% من الأسر") == set()


_SEPARATED = st.integers(min_value=1_000, max_value=999_999_999).map(
    lambda n: (n, f"{n:,}"))


@given(_SEPARATED, st.sampled_from([",", "٬"]), st.booleans(),
       st.sampled_from(["قتيلا", "شخصا", "جريحا"]))
def test_a_number_with_thousands_separators_reads_as_itself(
        written: tuple[int, str], separator: str, arabic_digits: bool, unit: str) -> None:
    n, text = written
    text = text.replace(",", separator)
    if arabic_digits:
        text = text.translate(_ARABIC)
    headline = f"ارتفاع حصيلة الزلزال إلى {text} {unit}"
    assert [c.value for c in counts(headline)[1]] == [n]
    assert [v for _k, v in toll_kinds(headline)] == [n]
    assert {v for _k, v in figures(headline)} == {float(n)}


# X136: a year ending a name (four digits 1900–2100 before punctuation, or after an operation's
# word) is never a toll, whatever the name, the mark and the toll after it
@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=999),
       st.sampled_from(["عملية سيناء", "العملية الشاملة سيناء", "\"سيناء", "معركة الموصل",
                        "حملة درع الوطن", "مناورات درع الخليج", "عاصفة الحزم"]),
       st.sampled_from(["..", ":", "،", " -", "\".."]), st.booleans())
def test_a_year_ending_a_name_is_never_a_toll(year: int, toll: int, name: str, mark: str,
                                              arabic_digits: bool) -> None:
    written = str(year).translate(_ARABIC) if arabic_digits else str(year)
    headline = f"{name} {written}{mark} مقتل {toll} مسلحا"
    assert toll_kinds(headline) == [(DEAD, toll)]
    assert toll_kinds(f"عملية سيناء {written} تقتل {toll}") == [(DEAD, toll)]
