"""digests/direct_speakers.py: who speaks the words in quote marks, on invented paragraphs.

The module's functions take what digests.quotes.find_quotes has at hand (the paragraph, its
tokens, the sentence's cues, the marks' offsets); `_direct` below builds it the same way.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.direct_speakers import _asked_whether, _direct_speaker, _open_ended, _work_title
from digests.quote_marks import quote_spans, sentence_spans
from digests.speakers import Speakers, tokens
from digests.speech_cues import find_cues


def _direct(paragraphs: list[str], *, continuation: bool = False
            ) -> list[tuple[str, str, bool]]:
    """(the quoted words, their speaker, named) for each pair of marks, in reading order."""
    speakers = Speakers()
    out: list[tuple[str, str, bool]] = []
    for para in paragraphs:
        spans, _ = quote_spans(para, False, closes_at_break=True)
        toks = tokens(para)
        for s0, s1 in sentence_spans(para):
            cues = find_cues(para, toks, (s0, s1), speakers, spans, spans)
            for a, b in spans:
                if s0 <= a < s1:
                    speaker, named, _ = _direct_speaker(para, toks, cues, a, b, s1, speakers,
                                                        continuation=continuation)
                    out.append((para[a:b], speaker, named))
    return out


def test_the_cue_before_the_marks_speaks() -> None:
    assert _direct(['وقال وزير المالية سامي الحسن: "الميزانية ستكون متوازنة هذا العام".']) == [
        ("الميزانية ستكون متوازنة هذا العام", "وزير المالية سامي الحسن", True)]


def test_the_cue_after_the_marks_speaks_when_none_is_before() -> None:
    assert _direct(['"لن نسمح بانهيار الاقتصاد أبدا"، قال رئيس الوزراء كريم نصار في مؤتمر'
                    ' صحفي.']) == [
        ("لن نسمح بانهيار الاقتصاد أبدا", "رئيس الوزراء كريم نصار", True)]


def test_a_fronted_topic_in_marks_is_nobodys_words() -> None:
    assert _direct(['وحول الحادث و"توجيه الإساءات إلى العاملين في المستشفى" قال المدير إن'
                    ' التحقيق مستمر.']) == [
        ("توجيه الإساءات إلى العاملين في المستشفى", "", False)]


def test_marks_carried_on_take_the_last_speaker_unnamed() -> None:
    got = _direct(["وقالت الوزيرة ليلى حداد إن الوضع صعب.", '"نحن نعمل ليل نهار لإصلاح الشبكة"'],
                  continuation=True)
    assert got == [("نحن نعمل ليل نهار لإصلاح الشبكة", "الوزيرة ليلى حداد", False)]


def test_without_continuation_unattributed_marks_have_no_speaker() -> None:
    got = _direct(["وقالت الوزيرة ليلى حداد إن الوضع صعب.", '"نحن نعمل ليل نهار لإصلاح الشبكة"'])
    assert got == [("نحن نعمل ليل نهار لإصلاح الشبكة", "", False)]


def test_a_statement_in_construct_after_the_marks_speaks() -> None:
    assert _direct(['"هي وجبة مثالية لكل العائلة"، بحسب ما أضاف بيان المكتب الإعلامي.']) == [
        ("هي وجبة مثالية لكل العائلة", "بيان المكتب الإعلامي", True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("يتحول بشكل مفاجئ إلى التشدد، لافتاً إلى أنه", True),
    ("الميزانية ستكون متوازنة هذا العام", False),
    ("أنه", False),
])
def test_open_ended_marks_end_on_a_cue_and_its_complementizer(text: str, expected: bool) -> None:
    assert _open_ended(text) is expected


def test_work_title_after_author_and_work() -> None:
    para = 'وتساءل مؤلف كتاب "كيف تبني مدينة من الرمل في عشرة أيام" عما إذا كان ذلك ممكنا.'
    assert _work_title(para, para.index('"') + 1)
    para = 'وقال الوزير "نحن هنا من أجل الجميع".'
    assert not _work_title(para, para.index('"') + 1)


def test_asked_whether_points_at_the_asking_verb() -> None:
    para = 'وتساءل الكاتب فيما إذا كانت هذه الضغوط "لها علاقة بالانتخابات المقبلة؟".'
    toks = tokens(para)
    spans, _ = quote_spans(para, False, closes_at_break=True)
    cues = find_cues(para, toks, sentence_spans(para)[0], Speakers(), spans, spans)
    a = spans[0][0]
    assert _asked_whether(toks, cues, a) == para.index("تساءل")  # without its «و»
    para = 'وقال الكاتب إن هذه الضغوط "لها علاقة بالانتخابات المقبلة".'
    toks = tokens(para)
    spans, _ = quote_spans(para, False, closes_at_break=True)
    cues = find_cues(para, toks, sentence_spans(para)[0], Speakers(), spans, spans)
    assert _asked_whether(toks, cues, spans[0][0]) is None


_LEADS = ["وقال الوزير", "وأضافت المتحدثة باسم الشركة", "وحول الأزمة و", "وقال كريم نصار:",
          "وتساءل مؤلف كتاب", "", "وفي المساء"]
_TAILS = ["", "، قال المدير.", "، بحسب ما أضاف بيان المكتب الإعلامي.", "، وفقا لوكالة الأنباء."]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_LEADS), st.sampled_from(["نحن نعمل من أجل الجميع", "الوضع صعب جدا"]),
       st.sampled_from(_TAILS))
def test_a_speaker_is_words_of_the_paragraph(lead: str, words: str, tail: str) -> None:
    """Within one paragraph (no carried speaker), a speaker is "" or written in it."""
    para = f'{lead} "{words}"{tail}'.strip()
    for _, speaker, _ in _direct([para]):
        assert speaker == "" or speaker in para
