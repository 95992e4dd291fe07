"""digests.quote_marks: quote-mark spans, names vs speech, trimming that keeps marks paired."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digests.quote_marks import (
    TRIM_MARK,
    is_name_or_slogan,
    quote_marks_balanced,
    quote_spans,
    sentence_spans,
    tidy,
    trim,
    word_count,
)


def inner(text: str) -> list[str]:
    spans, _ = quote_spans(text, carried_open=False)
    return [text[a:b] for a, b in spans]


def test_guillemets_and_straight_quotes_pair_within_a_paragraph() -> None:
    text = 'قال الوزير «نحن هنا» ثم أضاف "لن نغادر أبدا" وختم “هذا وعد”'
    assert inner(text) == ["نحن هنا", "لن نغادر أبدا", "هذا وعد"]


def test_an_opener_left_unpaired_closes_at_the_paragraph_end() -> None:
    """QA18 R7 (f16): a quote never spans a paragraph break; the next paragraph starts outside
    quotes and its first mark, glued to the word before it, is the lost closer."""
    text = 'وقال: "سنواصل العمل حتى النهاية'
    spans, left_open = quote_spans(text, carried_open=False)
    assert left_open is True
    assert text[spans[-1][0]:spans[-1][1]] == "سنواصل العمل حتى النهاية"
    nxt = 'وهذا وعد للجميع" وانتهى الخطاب ثم قال "سنعود إلى هنا قريبا".'
    spans2, left2 = quote_spans(nxt, carried_open=True, closes_at_break=True)
    assert [nxt[a:b] for a, b in spans2] == ["سنعود إلى هنا قريبا"]
    assert left2 is False
    # Story keys (digests.shared_speech) still read the quote on to its closer.
    spans3, _ = quote_spans(nxt, carried_open=True)
    assert nxt[spans3[0][0]:spans3[0][1]] == "وهذا وعد للجميع"


def test_f16_the_paragraph_after_an_open_quote_pairs_its_own_marks() -> None:
    """QA18 R7: «وقال منسق … إن استهداف المدنيين "يجب أن يتوقف"» after a paragraph that left a
    quote open: its own marks pair, the writer's words before them are no quote."""
    nxt = 'وقال المنسق في بيان إن استهداف المدنيين "يجب أن يتوقف حالا" في الغوطة.'
    spans, left = quote_spans(nxt, carried_open=True, closes_at_break=True)
    assert [nxt[a:b] for a, b in spans] == ["يجب أن يتوقف حالا"]
    assert left is False


def test_a_paper_name_in_marks_is_a_name_but_speech_after_a_colon_is_not() -> None:
    paper = 'ونقلت صحيفة "الشرق الأوسط" الخبر'
    a = paper.index('"') + 1
    assert is_name_or_slogan(paper, a, paper.index('"', a))
    speech = 'وقال المتحدث: "الشرق الأوسط يحتاج إلى السلام الآن"'
    a = speech.index('"') + 1
    assert not is_name_or_slogan(speech, a, speech.index('"', a))


def test_a_long_quotation_after_a_paper_noun_is_what_the_paper_said() -> None:
    text = 'وكتبت صحيفة "إن الحكومة لن تقبل بأي تسوية لا تضمن حقوق جميع المواطنين في البلاد"'
    a = text.index('"') + 1
    assert not is_name_or_slogan(text, a, text.rindex('"'))


def test_word_count_ignores_figures_and_punctuation() -> None:
    assert word_count("قتل 25 شخصا ، في 2018 .") == 3


def test_sentence_spans_locate_sentences_in_the_paragraph() -> None:
    text = "وصل الوزير إلى بيروت. ثم التقى الرئيس، وتحدثا طويلا."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["وصل الوزير إلى بيروت.", "ثم التقى الرئيس، وتحدثا طويلا."]


def test_trim_cuts_at_a_word_and_marks_the_cut() -> None:
    text = "كلمة " * 100
    out = trim(text.strip(), 60)
    assert out.endswith(TRIM_MARK)
    assert len(out) <= 60 + len(TRIM_MARK)
    assert text.startswith(out[: -len(TRIM_MARK)])


@given(st.lists(st.sampled_from(["قال", "إن", "«", "»", '"', "“", "”", "الوضع", "صعب،"]),
                min_size=1, max_size=120))
def test_trim_never_leaves_a_quote_mark_unpaired(parts: list[str]) -> None:
    text = " ".join(parts)
    if quote_marks_balanced(text):
        assert quote_marks_balanced(trim(text, 40))


def test_trim_closes_marks_that_hold_most_of_a_long_clause() -> None:
    """«المحكمة "استندت …"» cut inside the marks kept only «المحكمة …»: the marks opened
    early are closed after the cut instead."""
    text = 'المحكمة "' + " ".join(["استندت في حكمها"] * 30) + '"'
    out = trim(text, 120)
    assert out.startswith('المحكمة "استندت') and out.endswith(TRIM_MARK + '"')
    assert quote_marks_balanced(out) and len(out) <= 120 + len(TRIM_MARK) + 1


def test_trim_closes_only_a_mark_that_opened() -> None:
    """Hypothesis found «قال قال قال » » " " " …» (a straight mark that closes, after
    guillemets written the other way): closing it again left three straight marks; the cut
    ends before it instead."""
    text = 'قال قال قال » » " " " قال قال قال قال « « "'
    assert quote_marks_balanced(trim(text, 40))


def test_f15_a_mark_that_closes_a_pair_and_opens_a_nested_one() -> None:
    # «"أ ب. "ج د". هـ و "ز ح"»: the second mark opens a quote nested in the first (its closer
    # lost) and the third closes it; the writer's «هـ و» stays outside, «ز ح» pairs on.
    text = 'قال "أ ب. "ج د". هـ و "ز ح" ثم'
    spans, left_open = quote_spans(text, False)
    assert [text[a:b] for a, b in spans] == ["أ ب. ", "ز ح"]
    assert not left_open


def test_f15_a_mark_that_can_only_close_starts_no_pair() -> None:
    # corpus 2275: «قائلا: أ ب!"، ثم قال "ج د"، وقال "هـ و"» — the first opener was never
    # written; «ج د» and «هـ و» still pair, the writer's «ثم قال» stays outside.
    text = 'قائلا: أ ب!"، ثم قال "ج د"، وقال "هـ و".'
    spans, _ = quote_spans(text, False)
    assert [text[a:b] for a, b in spans] == ["ج د", "هـ و"]


def test_f16_tidy_shows_hashtags_as_words_and_drops_an_opening_conjunction() -> None:
    """QA18 R11, R18: what a reader sees of a quote."""
    assert tidy("#عقوبات إضافية على #روسيا قريبا جدا") == "عقوبات إضافية على روسيا قريبا جدا"
    assert tidy("وفي دعوة الحكومة إلى الحوار ما يكفي") == "في دعوة الحكومة إلى الحوار ما يكفي"
    assert tidy("بيد أن الفريق استمر في تقديم أداء جيد") == "الفريق استمر في تقديم أداء جيد"
    assert tidy('" "لكي يكون الحل شاملا للجميع"') == "لكي يكون الحل شاملا للجميع"
    assert tidy("وزارة الخارجية قالت ذلك") == "وزارة الخارجية قالت ذلك"  # a noun, not «و»
    assert tidy("لكن ذلك صعب") == "لكن ذلك صعب"  # too little would be left
    assert tidy("بلاده أن بلاده مستعدة للموافقة") == "بلاده مستعدة للموافقة"
