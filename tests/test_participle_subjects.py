"""digests/participle_subjects.py: who speaks at a participle («قائلا», «مؤكداً») whose subject
is not written at it, on invented sentences. Each function gets the tokens, the participle's
index and the sentence's first token, and returns the speaker or ""."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests import participle_subjects as ps
from digests.speakers import Tok, tokens


def _at(toks: list[Tok], prefix: str) -> int:
    """The index of the first token that starts with `prefix` (the participle)."""
    return next(i for i, t in enumerate(toks) if t.raw.startswith(prefix))


def _run(sentence: str, participle: str, fn: str, *gender: str) -> str:
    toks = tokens(sentence)
    result: str = getattr(ps, fn)(toks, _at(toks, participle), 0, *gender)
    return result


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ونعتها الوزارة قائلة: إنه فقد كبير", "الوزارة"),
    ("وواصل الرئيس حديثه قائلا: لن نتراجع", "الرئيس"),
    # a feminine head in construct with a definite genitive is definite too
    ("ونعتها وزارة الثقافة الفلسطينية قائلة: كان مبدعا", "وزارة الثقافة الفلسطينية"),
])
def test_participle_subject_is_the_opening_verbs_definite_subject(sentence: str,
                                                                  expected: str) -> None:
    assert _run(sentence, "قائل", "participle_subject") == expected


def test_participle_subject_needs_a_verb_opening_the_sentence() -> None:
    assert _run("وفي المساء خرج الناس إلى الشوارع قائلين إنهم سعداء", "قائلين",
                "participle_subject") == ""


def test_kana_present_subject_of_the_participles_gender() -> None:
    sentence = "وكان الوزير يتفقد المعبر، مؤكداً أنه سيفتح قريبا"
    assert _run(sentence, "مؤكد", "kana_present_subject", "m") == "الوزير"
    assert _run(sentence, "مؤكد", "kana_present_subject", "f") == ""


def test_kana_present_subject_closed_by_qad() -> None:
    assert _run("وكانت سلمى قد عبرت عن فرحها قائلة: هذا يوم جميل", "قائلة",
                "kana_present_subject", "f") == "سلمى"


def test_statement_owner_is_the_author_behind_the_glued_lam() -> None:
    assert _run("ويتوافق هذا الاقتراح مع تصريحات لرئيس البلدية في لقاء صحفي، قائلا إنهم"
                " مستعدون", "قائلا", "statement_owner") == "رئيس البلدية"


def test_purpose_subject_after_the_purpose_verb() -> None:
    assert _run("وانتهى الاجتماع، ليعلق بعدها وزير الدفاع قائلا: كان لقاء مثمرا", "قائلا",
                "purpose_subject", "m") == "وزير الدفاع"
    assert _run("وانتهى الاجتماع، لتتدخل بعدها الوزيرة قائلة: كان لقاء مثمرا", "قائلة",
                "purpose_subject", "f") == "الوزيرة"


def test_purpose_subject_not_whom_she_told() -> None:
    """«لتخبر X قائلة»: X is whom she told, not who speaks."""
    assert _run("وانتهى الاجتماع، لتخبر مديرة المكتب قائلة: كان لقاء مثمرا", "قائلة",
                "purpose_subject", "f") == ""


def test_purpose_subject_of_the_other_gender_is_nobody() -> None:
    assert _run("وانتهى الاجتماع، لتتدخل سلمى قائلة: كان لقاء مثمرا", "قائلة",
                "purpose_subject", "f") == "سلمى"
    assert _run("وانتهى الاجتماع، لتتدخل سلمى قائلة: كان لقاء مثمرا", "قائلة",
                "purpose_subject", "m") == ""


@pytest.mark.parametrize(("sentence", "gender", "expected"), [
    ("وانتهى الاجتماع، لتتدخل سلمى بعدها قائلة: كان لقاء مثمرا", "f", "سلمى"),
    ("وانتهى الاجتماع، ليعلق الوزير بدوره قائلا: كان لقاء مثمرا", "m", "الوزير"),
    # whom she told, with the adverb after it, is still not who speaks
    ("وانتهى الاجتماع، لتخبر مديرة المكتب بعدها قائلة: كان لقاء مثمرا", "f", ""),
    # an object between the subject and the adverb: the subject does not reach the participle
    ("وانتهى الاجتماع، ليشكر الوزير الحضور بعدها قائلا: كان لقاء مثمرا", "m", ""),
])
def test_purpose_subject_with_the_adverb_after_the_subject(sentence: str, gender: str,
                                                           expected: str) -> None:
    """«لتتدخل سلمى بعدها قائلة»: the adverb of «لتتدخل بعدها سلمى» may follow the subject."""
    participle = "قائلة" if gender == "f" else "قائلا"
    assert _run(sentence, participle, "purpose_subject", gender) == expected


def test_named_opener_is_the_bare_name_after_the_opening_verb() -> None:
    assert _run("وحرص سامر على لفت الانتباه إلى الخطر، قائلا إن الوضع صعب", "قائلا",
                "named_opener", "m") == "سامر"
    assert _run("وأبدت ليلى سعادتها بالتعاون معتبرة أنه خطوة مهمة", "معتبرة",
                "named_opener", "f") == "ليلى"


def test_named_opener_not_a_definite_noun() -> None:
    assert _run("وشهدت المدينة على احتفالات كبيرة، قائلة إنها فرحة", "قائلة",
                "named_opener", "f") == ""


def test_reported_asker_inside_the_papers_clause() -> None:
    assert _run("وقالت صحيفة الأخبار إن المدرب سأل اللاعبين قائلاً: هل أنتم جاهزون", "قائل",
                "reported_asker", "m") == "المدرب"
    assert _run("وقالت صحيفة الأخبار إن المدرب سأل اللاعبين قائلاً: هل أنتم جاهزون", "قائل",
                "reported_asker", "f") == ""


_WORDS = ["وقال", "ونعتها", "الوزارة", "وكان", "الوزير", "يتفقد", "قد", "عبر", "تصريحات",
          "لرئيس", "البلدية", "ليعلق", "بعدها", "سامر", "على", "إن", "المدرب", "سأل", "في",
          "الجيش", "الإسرائيلي", "سعادته", "،", "وحرص"]
_FUNCTIONS = ["participle_subject", "statement_owner"]
_GENDERED = ["kana_present_subject", "purpose_subject", "named_opener", "reported_asker"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14),
       st.sampled_from(["قائلا", "قائلة", "مؤكدا", "مشيرة"]))
def test_every_speaker_is_words_of_the_sentence(words: list[str], participle: str) -> None:
    """Whatever the words, a speaker read is "" or a run of the sentence's own words."""
    sentence = " ".join(words + [participle, "إن", "الوضع", "صعب"])
    toks = tokens(sentence)
    k = next(i for i, t in enumerate(toks) if t.raw == participle)
    gender = "f" if participle.endswith("ة") else "m"
    for fn in _FUNCTIONS:
        got = getattr(ps, fn)(toks, k, 0)
        assert got == "" or got in sentence, (fn, got)
    for fn in _GENDERED:
        got = getattr(ps, fn)(toks, k, 0, gender)
        assert got == "" or got in sentence, (fn, got)
