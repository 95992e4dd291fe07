"""digests/unwritten_speakers.py: a cue's speaker written elsewhere than after it — the
publisher of «بيانا قال فيه», the noun a relative clause describes, the subject at «كان», the
subject of the verb that opened the sentence, the SVO subject — on invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import digests.unwritten_speakers as us
from digests.speakers import Tok, tokens

_COMPLEMENTIZERS = ("ان", "انه", "انها")


def _at(toks: list[Tok], word: str, nth: int = 0) -> int:
    return [i for i, t in enumerate(toks) if t.raw.rstrip("،,:") == word][nth]


def _unwritten(sentence: str, verb: str, nth: int = 0, *, content_open: bool = False
               ) -> str | None:
    """`unwritten_speaker` at `verb`, its speech starting after the next «أن/إن»."""
    toks = tokens(sentence)
    k = _at(toks, verb, nth)
    start = next((t.end for t in toks[k + 1:] if t.norm in _COMPLEMENTIZERS), None)
    return us.unwritten_speaker(toks, k, 0, len(toks), toks[k - 1].norm if k else "", start,
                                content_open)


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    # the publisher of «بيانا قالت فيه»
    ("ونشرت الوزارة بيانا قالت فيه إن الحدود مغلقة", "قالت", "الوزارة"),
    # the noun a relative clause describes
    ("وقال الشهود الذين قالوا إن الانفجار كان قويا", "قالوا", "الشهود"),
    # the subject between «كان» and «قد» + the verb
    ("وكان السفير قد أعلن أن السفارة ستغلق", "أعلن", "السفير"),
    # ... also past an aside opening on a relative
    ("وكان الجيش الأميركي، الذي صعد من جهوده في المنطقة، قد قال إن الهجوم انتهى", "قال",
     "الجيش الأميركي"),
    # the definite subject of the verb that opened the sentence, same gender
    ("وقدر المعهد الوطني للإحصاء عدد السكان بعشرة ملايين، وقال إن النمو تباطأ", "وقال",
     "المعهد الوطني للإحصاء"),
    # the subject of the negated verb before «لكنه»
    ("لم يؤكد الجيش الإسرائيلي حصيلة القتلى لكنه أعلن أن الهجوم انتهى", "أعلن",
     "الجيش الإسرائيلي"),
    # after a fronted phrase, a feminine verb's subject goes on at «وقالت»
    ("وفي بداية الأسبوع وضعت الحكومة خطة جديدة، وقالت إنها ستنفذ قريبا", "وقالت", "الحكومة"),
    # the SVO subject written before a present verb
    ("وفي المساء، الوزير يرى أن الوضع مستقر", "يرى", "الوزير"),
])
def test_unwritten_speaker(sentence: str, verb: str, expected: str) -> None:
    assert _unwritten(sentence, verb) == expected


@pytest.mark.parametrize(("sentence", "verb"), [
    # another subject (of the other gender) opened the sentence
    ("وشهدت المدينة احتجاجات كبيرة، وقال إن النمو تباطأ", "وقال"),
    # «ومضت تقول»: the last named speaker goes on
    ("ومضت تقول إن الوضع مستقر", "تقول"),
])
def test_no_speaker_written(sentence: str, verb: str) -> None:
    assert _unwritten(sentence, verb) == ""


def test_nearest_kana_and_its_reach() -> None:
    toks = tokens("وكان السفير قد أعلن أن السفارة ستغلق")
    k = _at(toks, "أعلن")
    assert us.nearest_kana(toks, k, 0) == 0
    assert us.kana_reach(toks, k, 0) == 0
    toks = tokens("وقال السفير إن السفارة ستغلق")
    assert us.nearest_kana(toks, 0, 0) is None


def test_as_for() -> None:
    assert us.as_for("بالنسبة للفنان طلال مداح") == "الفنان طلال مداح"
    assert us.as_for("في الأسبوع الماضي") == ""


def test_document_owner_behind_the_glued_lam() -> None:
    toks = tokens("جاء ذلك عقب كلمة لزعيم الحزب سامر حداد بمناسبة العيد، قال فيها إن البلاد"
                  " بخير")
    assert us.document_owner(toks, _at(toks, "قال"), 0) == "زعيم الحزب سامر حداد"


def test_interview_owner_is_who_answers() -> None:
    toks = tokens("جاء ذلك في مقابلة لسامر حداد مع قناة الأخبار حيث قال: لن نتراجع")
    assert us.interview_owner(toks, _at(toks, "قال"), 0) == "سامر حداد"


@pytest.mark.parametrize(("sentence", "expected"), [
    # after a preposition (unchanged by the rule below)
    ("واعتدى المحتجون على الحزب الحاكم، الذي قال في تغريدة لاحقة، قال فيها إن المهاجمين"
     " مأجورون", "الحزب الحاكم"),
    # the sentence's verb and its nominative plural subject are no part of the noun
    ("وهاجم المحتجون الحزب الحاكم، الذي قال في تغريدة لاحقة، قال فيها إن المهاجمين مأجورون",
     "الحزب الحاكم"),
    ("وانتقد النواب المعارضون الحزب الحاكم، الذي قال في بيان لاحق، قال فيه إن المهاجمين"
     " مأجورون", "الحزب الحاكم"),
])
def test_statement_relative_is_only_the_relatives_noun(sentence: str, expected: str) -> None:
    toks = tokens(sentence)
    assert us.statement_relative(toks, _at(toks, "قال", 1), 0) == expected


_WORDS = ["وكان", "السفير", "قد", "الذين", "بيانا", "ونشرت", "الوزارة", "لكنه", "لم", "يؤكد",
          "الجيش", "،", "في", "الأسبوع", "وضعت", "الحكومة", "حيث", "مقابلة", "لسامر", "مع"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=10),
       st.sampled_from(["قال", "وقال", "وقالت", "أعلن", "يرى", "قالوا"]),
       st.sampled_from(["إن الوضع مستقر", "فيه إن الوضع مستقر", ": الوضع مستقر"]))
def test_a_speaker_is_words_of_the_sentence(before: list[str], verb: str, rest: str) -> None:
    sentence = " ".join([*before, verb, rest])
    toks = tokens(sentence)
    k = len(before)
    start = next((t.end for t in toks[k + 1:] if t.norm in _COMPLEMENTIZERS), None)
    got = us.unwritten_speaker(toks, k, 0, len(toks), toks[k - 1].norm if k else "", start,
                               False)
    assert got is None or got == "" or all(w in sentence for w in got.split())
