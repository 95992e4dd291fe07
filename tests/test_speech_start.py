"""digests.speech_start: where the speech a cue introduces starts."""

from __future__ import annotations

from digests.quote_marks import quote_spans
from digests.speakers import tokens
from digests.speech_start import comma_start, host_noun, marked_start


def start_of(para: str, subject_words: int) -> int | None:
    """marked_start for the verb opening `para`, its subject `subject_words` long."""
    toks = tokens(para)
    spans, _ = quote_spans(para, carried_open=False)
    return marked_start(toks, 0, 1 + subject_words, len(toks), "", spans)


def rest(para: str, start: int | None) -> str | None:
    return None if start is None else para[start:].strip()


def test_speech_starts_after_the_complementizer() -> None:
    para = "وقال الوزير إن الخطة جاهزة."
    assert rest(para, start_of(para, 1)) == "الخطة جاهزة."


def test_speech_starts_after_ila_anna() -> None:
    para = "مشيرا إلى أن الخطة جاهزة."
    assert rest(para, start_of(para, 0)) == "الخطة جاهزة."


def test_a_colon_on_the_verb_opens_speech_at_once() -> None:
    para = "قائلا: سنعود قريبا."
    assert rest(para, start_of(para, 0)) == "سنعود قريبا."


def test_a_colon_after_the_subject_opens_speech() -> None:
    para = "وقال الوزير في المؤتمر: سنعود قريبا."
    assert rest(para, start_of(para, 1)) == "سنعود قريبا."


def test_quote_marks_of_direct_speech_open_it_at_the_mark() -> None:
    para = "وقال الوزير «سنعود قريبا» ثم غادر."
    assert rest(para, start_of(para, 1)) == "«سنعود قريبا» ثم غادر."


def test_illa_anna_is_the_writers_however_not_speech() -> None:
    assert start_of("وقال الوزير إلا أن الأمر صعب.", 1) is None


def test_an_adverbial_anna_is_skipped_for_the_statement_after_it() -> None:
    para = "وقال الوزير بعد أن وصل إن الأمر صعب."
    assert rest(para, start_of(para, 1)) == "الأمر صعب."


def test_a_hedge_before_anna_ends_the_search() -> None:
    assert start_of("ودعا الرئيس إلى انتخابات يبدو أنها محسومة.", 1) is None


def test_another_speech_verb_first_ends_the_search() -> None:
    assert start_of("ورد الوزير على سؤال وقال إن الأمر صعب.", 1) is None


def test_a_negated_verb_says_nothing_and_the_search_goes_on() -> None:
    para = "وأوضح المصدر الذي لم تذكر اسمه أن الأمر صعب."
    assert rest(para, start_of(para, 1)) == "الأمر صعب."


def test_a_comma_after_the_subject_stands_for_a_colon() -> None:
    para = "وقال الوزير، الوضع صعب جدا."
    toks = tokens(para)
    assert rest(para, comma_start(toks, 2, len(toks))) == "الوضع صعب جدا."


def test_an_occasion_between_commas_moves_the_start_past_the_second() -> None:
    para = "وقال قائد الشرطة، في مؤتمر صحفي الجمعة، تم طرد المتظاهرين."
    toks = tokens(para)
    assert rest(para, comma_start(toks, 3, len(toks))) == "تم طرد المتظاهرين."


def test_no_comma_or_no_statement_after_it_is_no_start() -> None:
    toks = tokens("وقال الوزير إن الوضع صعب.")
    assert comma_start(toks, 2, len(toks)) is None
    toks = tokens("وقال الوزير، في بيان، إن الوضع صعب.")
    assert comma_start(toks, 2, len(toks)) is None
    toks = tokens("وقال الوزير،")
    assert comma_start(toks, 2, len(toks)) is None


def test_host_noun_is_the_masculine_possessed_noun_not_the_participle() -> None:
    assert host_noun("مضيفه:", ("part", "f"))
    assert not host_noun("مضيفة:", ("part", "f"))
    assert not host_noun("مضيفه", ("verb", "f"))


def test_the_letters_of_cnn_are_no_complementizer() -> None:
    from digests.speakers import tokens
    from digests.speech_start import marked_start
    para = "وقال الوزير لمحطة سي إن إن الأميركية إن التهريب يبدأ من البحر"
    toks = tokens(para)
    start = marked_start(toks, 0, 2, len(toks), "", [])
    assert start is not None and para[start:].strip().startswith("التهريب")
    para = "وانتقد الرئيس الوجود الأجنبي في تصريحات بثتها شبكة إن تي في الخاصة"
    toks = tokens(para)
    assert marked_start(toks, 0, 2, len(toks), "", []) is None
    para = "وقال في تصريحات لشبكة سي إن بي سي إن التعريفات سيكون لها أثر ضئيل"
    toks = tokens(para)
    start = marked_start(toks, 0, 1, len(toks), "", [])
    assert start is not None and para[start:].strip().startswith("التعريفات")


def test_a_comma_after_a_subordinate_verb_opens_no_statement() -> None:
    from digests.speakers import tokens
    from digests.speech_start import comma_start
    toks = tokens("قبل أن يضيف سمير الهدف السادس، والثالث له في المباراة")
    assert comma_start(toks, 5, len(toks), 2) is None
    toks = tokens("وقال الوزير، الوضع صعب جدا")
    assert comma_start(toks, 2, len(toks), 0) is not None
