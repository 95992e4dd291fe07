"""digests.number_words: counts written in words keyed as figures (brief S27), and the story
vector's keys behind digests.similarity.COUNT_KEYS / PLURAL_KEYS."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests import arabic, similarity
from digests.number_words import count_keys, value_of

# masculine-counted spellings (the feminine noun's form: «ثلاثة أيام») of 1–9, as the news writes them
_UNITS = {1: "واحد", 2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة",
          8: "ثمانية", 9: "تسعة"}
_TENS = {2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين",
         9: "تسعين"}
_HUNDREDS = {1: "مئة", 2: "مئتين", 3: "ثلاثمئة", 4: "أربعمئة", 5: "خمسمئة", 6: "ستمئة",
             7: "سبعمئة", 8: "ثمانمئة", 9: "تسعمئة"}


def spelled(n: int) -> str:
    """An Arabic spelling of 1 ≤ n ≤ 999 (the test's own, not the module's tables)."""
    hundreds, rest = divmod(n, 100)
    parts = [_HUNDREDS[hundreds]] if hundreds else []
    if rest:
        tens, unit = divmod(rest, 10)
        if rest == 10:
            words = "عشرة"
        elif rest < 10:
            words = _UNITS[unit]
        elif rest < 20:
            words = ("أحد" if unit == 1 else "اثنا" if unit == 2 else _UNITS[unit]) + " عشر"
        elif unit:
            words = f"{_UNITS[unit]} و{_TENS[tens]}"
        else:
            words = _TENS[tens]
        parts.append(words)
    return " و".join(parts)


@pytest.mark.parametrize(("words", "figures"), [
    ("خلال ثلاثين يوما", "خلال 30 يوما"),
    ("سجل أربعة أهداف", "سجل 4 أهداف"),
    ("فاز بستة أهداف", "فاز ب 6 أهداف"),  # «لهدف» (one goal) stays a word
    ("مقتل خمسة وعشرين شخصا", "مقتل 25 شخصا"),
    ("ثلاثة آلاف جندي", "3 آلاف جندي"),
    ("٣٠ يوما", "30 يوما"),
])
def test_a_count_in_words_keys_as_its_figure(words: str, figures: str) -> None:
    assert [k for k in count_keys(words) if k.isdigit()] == [
        k for k in arabic.analyze(figures) if k.isdigit()]


def test_a_score_word_after_bi_is_its_goals() -> None:
    assert count_keys("فاز بسداسية") == ["فاز", "6"]
    assert "3" not in count_keys("قمة ثلاثية في أنقرة")  # trilateral, not a score


def test_different_counts_stay_different() -> None:
    assert "30" in count_keys("ثلاثين يوما") and "40" not in count_keys("ثلاثين يوما")
    assert count_keys("أربعة أهداف")[0] != count_keys("خمسة أهداف")[0]
    assert count_keys("ثلاثة")[0] != count_keys("ثلاثين")[0]  # the analyzer keys «ثلاثون» as «ثلاث»


@pytest.mark.parametrize("text", [
    "يوم الاثنين", "أحد الجنود", "30 بالمئة", "لست أدري", "الثلاثاء والأربعاء",
    "عشرات القتلى", "الفصل الثالث",
])
def test_words_that_are_no_count_keep_their_keys(text: str) -> None:
    assert count_keys(text) == arabic.analyze(text)


@given(st.integers(min_value=1, max_value=999))
def test_every_spelled_number_reads_back(n: int) -> None:
    words = list(arabic.normalized_words(spelled(n)))
    assert value_of(words, 0) == (n, len(words))


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآ 0123456789٠١٢٣٤٥٦٧٨٩", max_size=40))
def test_one_key_a_word_and_figures_untouched(text: str) -> None:
    keys = count_keys(text)
    plain = arabic.analyze(text)
    assert len(keys) == len(plain)
    assert all(k == p for k, p in zip(keys, plain) if p.isdigit())


def test_story_vector_keys_behind_the_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    a = ("مقتل ثلاثين شخصا في انفجار", "قتل أربعة جنود خلال ثلاثين يوما")
    b = ("مقتل 30 شخصا في انفجار", "قتل 4 جنود خلال 30 يوما")
    today = similarity.similarity(similarity.story_vector(*a), similarity.story_vector(*b))
    monkeypatch.setattr(similarity, "COUNT_KEYS", "counts")
    counted = similarity.similarity(similarity.story_vector(*a), similarity.story_vector(*b))
    assert today < 0.9 and counted == pytest.approx(1.0)
    monkeypatch.setattr(similarity, "COUNT_KEYS", "counts10")  # 4 stays a word, 30 a figure
    assert "4" not in similarity.story_keys(b[1]) and "30" in similarity.story_keys(a[1])


def test_plural_keys_behind_the_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    assert similarity.story_keys("سقوط قتلى") == ["سقوط", "قتلي"]
    monkeypatch.setattr(similarity, "PLURAL_KEYS", True)
    assert similarity.story_keys("سقوط قتلى") == similarity.story_keys("سقوط قتيل")
