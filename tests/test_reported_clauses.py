"""digests/reported_clauses.py: where a reported clause starts and ends, on invented sentences:
the attribution tail and the writer's turn cut off, a subject pronoun and a subjunctive kept
with their lead, and `own_pronoun` for the line a reader sees."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.reported_clauses import (
    _ATTRIBUTION_TAIL_RE,
    _TRAILING_CONJ_RE,
    _narrator_cut,
    _pronoun_subject,
    _singular_present,
    _subjunctive_kana,
    own_pronoun,
)
from digests.speakers import tokens


@pytest.mark.parametrize(("context", "text", "expected"), [
    ("قالت الهيئة إنها ألغت العقد مع الشركة", "ألغت العقد مع الشركة", "إنها"),
    # what is glued to it («و», «ب») is not shown
    ("قال الوزير وبأنها ألغت العقد", "ألغت العقد", "أنها"),
    # «إنه ينبغي»: impersonal, no one's act
    ("قال الوزير إنه ينبغي لإيران أن تتوقف", "ينبغي لإيران أن تتوقف", ""),
    ("قال الوزير إن الحكومة ألغت العقد", "الحكومة ألغت العقد", ""),
    ("قال الوزير كلاما", "غير موجود", ""),
])
def test_own_pronoun(context: str, text: str, expected: str) -> None:
    assert own_pronoun(context, text) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("الاتفاق سيوقع قريبا، إلا أن المعارضة رفضت ذلك", "الاتفاق سيوقع قريبا"),
    ("الأسعار سترتفع، وذلك بعد الضجة التي أثارتها تصريحاته", "الأسعار سترتفع"),
    ("الأسعار سترتفع، بينما أعربت وزارة التجارة عن قلقها", "الأسعار سترتفع"),
    # «إلا أن» answering the clause's own «رغم» is one statement
    ("رغم عدم توقيعه الاتفاق، إلا أن محاميه سيوقعه", "رغم عدم توقيعه الاتفاق، إلا أن محاميه سيوقعه"),
    ("المعبر سيفتح غدا أمام الشاحنات", "المعبر سيفتح غدا أمام الشاحنات"),
])
def test_narrator_cut(raw: str, expected: str) -> None:
    assert _narrator_cut(raw) == expected


def test_attribution_tail_and_trailing_conjunction_go() -> None:
    assert _ATTRIBUTION_TAIL_RE.sub("", "المعبر سيفتح غدا، بحسب ما قال في خطاب") == (
        "المعبر سيفتح غدا")
    assert _ATTRIBUTION_TAIL_RE.sub("", "المعبر سيفتح غدا، وفقا للوكالة") == "المعبر سيفتح غدا"
    assert _TRAILING_CONJ_RE.sub("", "المعبر سيفتح غدا في حين") == "المعبر سيفتح غدا"


def _pronoun(sentence: str, comp: str, gender: str = "") -> tuple[int | None, int]:
    toks = tokens(sentence)
    at = next(t for t in toks if t.raw == comp)
    return (_pronoun_subject(toks, at.end, sentence[at.end:].strip(), gender=gender),
            sentence.index(comp))


def test_pronoun_subject_kept_before_a_nominal_clause() -> None:
    got, comp = _pronoun("قال الوزير إنه فخور بمشاهد النصر", "إنه")
    assert got == comp
    got, comp = _pronoun("قال الوزير بأنه مستعد للحوار", "بأنه")
    assert got == comp + 1  # without the glued «ب»


def test_pronoun_subject_not_kept_before_the_speakers_own_verb() -> None:
    assert _pronoun("قال الوزير إنه سيزور المدينة", "إنه", "m")[0] is None


def test_pronoun_subject_kept_for_feeling_and_for_another_person() -> None:
    got, comp = _pronoun("قالت المعارضة إنها تخشى الفوضى", "إنها", "f")
    assert got == comp
    got, comp = _pronoun("يقول الخبراء إنها تهدد الاقتصاد", "إنها", "m")
    assert got == comp


def _subjunctive(sentence: str, comp: str) -> bool:
    toks = tokens(sentence)
    at = next(t for t in toks if t.raw == comp)
    return _subjunctive_kana(toks, at.end, sentence[at.end:].strip())


def test_subjunctive_after_an() -> None:
    assert _subjunctive("وترجح السلطات أن تكون الطائرة تحطمت", "أن")
    assert _subjunctive("ويتوقع الخبراء أن يعود السعر للارتفاع", "أن")
    assert not _subjunctive("وقالت السلطات إن الطائرة تحطمت", "إن")
    assert not _subjunctive("وقال الوزير إن يونس سيزور المدينة", "إن")


@pytest.mark.parametrize(("word", "expected"), [
    ("يعود", True), ("تتراجع", True), ("يونس", False), ("تركيا", False), ("يعودون", False)])
def test_singular_present(word: str, expected: bool) -> None:
    assert _singular_present(word) is expected


_PIECES = ["الاتفاق سيوقع قريبا", "، إلا أن المعارضة رفضت", "، بحسب ما قال", "، وذلك بعد الضجة",
           " رغم الخلاف", "، بينما قال الوزير", " والأسعار مستقرة", "، حيث قتل 5"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5))
def test_narrator_cut_keeps_a_prefix(pieces: list[str]) -> None:
    """The cut never adds or changes words: what is left is the clause's beginning."""
    raw = "".join(pieces)
    assert raw.startswith(_narrator_cut(raw))
    assert raw.startswith(_ATTRIBUTION_TAIL_RE.sub("", raw))
