"""digests/vso_speakers.py: the subject written after a sentence's speech verb, corrected, on
invented sentences (`speaker_after_verb` gets the tokens, the verb's index, the sentence's
bounds, the verb's cue form and the word before it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.speakers import tokens
from digests.speech import cue_of
from digests.vso_speakers import speaker_after_verb, titled


def _after(sentence: str, verb: str) -> tuple[str, str | None]:
    """The speaker read after `verb` and the word the reading stopped at (None: the end)."""
    toks = tokens(sentence)
    k = next(i for i, t in enumerate(toks) if t.raw == verb)
    norm = cue_of(toks[k].raw)[0]
    speaker, j = speaker_after_verb(toks, k, 0, len(toks), norm, toks[k - 1].norm if k else "")
    return speaker, toks[j].raw if j < len(toks) else None


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("وقال وزير الخارجية سامي الحسن إن المحادثات مستمرة", "وقال", "وزير الخارجية سامي الحسن"),
    # «بعض» names nobody without its noun
    ("وقال بعض التقارير إن الاتفاق قريب", "وقال", "بعض التقارير"),
    # a share of those polled, with «من …» up to its «إن»
    ("قال 48 بالمئة من المشاركين في الاستطلاع إن الوضع سيئ", "قال",
     "48 بالمئة من المشاركين في الاستطلاع"),
    # unnamed reports are the subject of a verb of reporting
    ("وتفيد تقارير إعلامية بأن الوزير سيستقيل", "وتفيد", "تقارير إعلامية"),
    # an indefinite plural right before «اعتبروا»
    ("ما أثار انتقاد مسؤولين كبار في البرلمان اعتبروا أن القرار خاطئ", "اعتبروا",
     "مسؤولين كبار في البرلمان"),
    # a document in construct with its owner
    ("وقال بيان الجيش إن القصف توقف", "وقال", "بيان الجيش"),
])
def test_speaker_after_verb(sentence: str, verb: str, expected: str) -> None:
    assert _after(sentence, verb)[0] == expected


def test_the_same_source_names_nobody_out_of_its_article() -> None:
    assert _after("وأضاف المصدر نفسه أن الاجتماع تأجل", "وأضاف") == ("", "أن")


def test_whom_he_told_is_not_the_speaker() -> None:
    assert _after("وأبلغ الوزير الصحفيين أن المعبر سيفتح", "وأبلغ")[0] == "الوزير"
    assert _after("وأبلغت الوزيرة الشرطة أن سيارتها سرقت", "وأبلغت")[0] == "الوزيرة"


def test_the_one_urged_is_not_the_speaker() -> None:
    assert _after("وحث وزير المالية سامر حداد على استغلال الفرصة", "وحث") == ("", "وزير")


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("وحث الرئيس المستثمرين على العودة إلى البلاد", "وحث", ("الرئيس", "المستثمرين")),
    ("وطالبت الوزيرة المواطنين بالهدوء", "وطالبت", ("الوزيرة", "المواطنين")),
    # a relative adjective in the plural is the subject's own, not whom they urged
    ("وحث القادة الأوروبيين على العودة إلى المفاوضات", "وحث", ("القادة الأوروبيين", "على")),
])
def test_the_urging_subject_with_its_object_keeps_the_subject(
        sentence: str, verb: str, expected: tuple[str, str | None]) -> None:
    """«وحث الرئيس المستثمرين على …»: a definite plural after a definite singular is whom he
    urged, so the president is the subject, not a title with its name."""
    assert _after(sentence, verb) == expected


def test_a_pronoun_before_the_verb_is_its_subject() -> None:
    assert _after("ولكنه ينفي أن يكون قد التقى الوفد", "ينفي") == ("", "أن")


def test_titled() -> None:
    toks = tokens("وزير المتحدث سامي")
    assert [titled(t) for t in toks] == [True, True, False]


_WORDS = ["وزير", "الخارجية", "سامي", "الحسن", "بعض", "التقارير", "48", "بالمئة", "من",
          "تقارير", "المصدر", "نفسه", "الصحفيين", "على", "إن", "أن", "بيان", "الجيش", "،"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["وقال", "وأبلغ", "وحث", "وتفيد", "وأضاف", "اعتبروا", "ووصف"]),
       st.lists(st.sampled_from(_WORDS), max_size=10))
def test_a_speaker_is_a_run_of_the_sentence(verb: str, words: list[str]) -> None:
    """The speaker is "" or words of the sentence as written, and the reading stops after the
    verb."""
    sentence = " ".join(["ثم", verb, *words])
    toks = tokens(sentence)
    speaker, j = speaker_after_verb(toks, 1, 0, len(toks), cue_of(verb)[0], toks[0].norm)
    assert speaker == "" or speaker in sentence
    assert 1 < j <= len(toks)
