"""digests/reported_speakers.py: who speaks at a speech verb inside reported speech (after an
«إن/أن» still open), on invented sentences. `speaker_in_speech` returns the speaker and the
first token after it, or None when the verb is part of the speech."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.reported_speakers import speaker_in_speech
from digests.speakers import tokens
from digests.speech import cue_of


def _in_speech(sentence: str, verb: str) -> tuple[str, str | None] | None:
    """The speaker at `verb` and the word after the reading (None: the end), or None."""
    toks = tokens(sentence)
    k = next(i for i, t in enumerate(toks) if t.raw == verb)
    got = speaker_in_speech(toks, k, 0, len(toks), cue_of(toks[k].raw)[0],
                            toks[k - 1].norm if k else "")
    if got is None:
        return None
    return got[0], toks[got[1]].raw if got[1] < len(toks) else None


def test_a_new_main_clause_after_a_comma_has_its_own_speaker() -> None:
    assert _in_speech("وقال الوزير إن المعبر سيفتح غدا، وأضاف المتحدث باسم الوزارة أن"
                      " الشاحنات جاهزة", "وأضاف") == ("المتحدث باسم الوزارة", "أن")


def test_the_subject_written_before_the_verb_after_a_comma() -> None:
    got = _in_speech("وقالت الصحيفة إن سامي حداد، نائب الوزير، أوضح أن الخطة جاهزة", "أوضح")
    assert got is not None and got[0].startswith("سامي حداد")


def test_an_svo_clause_after_that_reattributes() -> None:
    """«ونقلت الوكالة أن X قال على حسابه إنه …»: X speaks, not the agency that relayed it."""
    assert _in_speech("وذكرت الوكالة أن النائب العام سامي حداد قال على حسابه إنه سيحقق في"
                      " القضية", "قال") == ("النائب العام سامي حداد", "على")


def test_but_x_said_answers_the_voice_before() -> None:
    got = _in_speech("وكان الوزير قد أعلن أن الاتفاق قريب، لكن مكتب الرئيسة قال في بيان: لا"
                     " اتفاق بعد", "قال")
    assert got is not None and got[0] == "مكتب الرئيسة"


@pytest.mark.parametrize(("sentence", "verb"), [
    ("وقال الوزير إن الحكومة تريد السلام وتعمل من أجله", "وتعمل"),
    # what the clause's own subject indicates is the voice's claim, not a new voice
    ("وقالت الشركة إن الأرقام تشير إلى أن المبيعات ارتفعت", "تشير"),
])
def test_other_verbs_inside_the_clause_are_speech(sentence: str, verb: str) -> None:
    assert _in_speech(sentence, verb) is None


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("وقال الوزير إن الطرق مقطوعة والسكان يقولون إنهم بلا كهرباء", "يقولون", "السكان"),
    ("وقالت الصحيفة إن الجيش انسحب والأهالي المحليون يؤكدون أن القصف توقف", "يؤكدون",
     "الأهالي المحليون"),
    # a title and its name, then «و»: both speak, the words are not cut
    ("وقال الوزير إن الرئيس ترامب والسيدة الأولى يقولان إن الوضع مستقر", "يقولان",
     "الرئيس ترامب والسيدة الأولى"),
])
def test_a_coordinated_svo_clause_names_only_its_subject(sentence: str, verb: str,
                                                         expected: str) -> None:
    """«إن الطرق مقطوعة والسكان يقولون إنهم …»: the residents speak, not the clause before."""
    got = _in_speech(sentence, verb)
    assert got is not None and got[0] == expected


_WORDS = ["الوزير", "المتحدث", "باسم", "الوزارة", "سامي", "حداد", "،", "لكن", "أن", "إن",
          "على", "حسابه", "مكتب", "الرئيسة", "في", "بيان:", "الخطة", "جاهزة"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8),
       st.sampled_from(["قال", "وأضاف", "أوضح", "تشير", "وتابع"]),
       st.lists(st.sampled_from(_WORDS), max_size=6))
def test_a_speaker_is_words_of_the_sentence(before: list[str], verb: str,
                                            after: list[str]) -> None:
    sentence = " ".join(["وقال", "الوزير", "إن", *before, verb, *after])
    toks = tokens(sentence)
    k = 3 + len(before)
    got = speaker_in_speech(toks, k, 0, len(toks), cue_of(verb)[0], toks[k - 1].norm)
    if got is not None:
        speaker, j = got
        assert k < j <= len(toks)
        assert speaker == "" or all(w in sentence for w in speaker.split())
