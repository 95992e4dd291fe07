"""digests.quote_filters: which quote candidates are no statement (headings, lists, data)."""

from __future__ import annotations

from digests import quotes
from digests.quote_filters import (
    MAX_HEADING_WORDS,
    _bare_list,
    _is_data,
    _is_heading,
    _predicate,
    _present_verb,
)


def test_quotes_reexports_the_filters() -> None:
    assert quotes.MAX_HEADING_WORDS == MAX_HEADING_WORDS
    assert quotes._is_heading is _is_heading and quotes._is_data is _is_data


def test_a_short_line_without_final_punctuation_is_a_heading() -> None:
    assert _is_heading("أوباما يقول إن الاتفاق سيئ")
    assert not _is_heading("قال الوزير إن الاتفاق سيئ.")
    assert not _is_heading("وقال الوزير إن الاتفاق سيئ")  # goes on from the line before
    assert not _is_heading(" ".join(["كلمة"] * (MAX_HEADING_WORDS + 1)))


def test_a_bare_list_of_nouns_states_nothing() -> None:
    assert _bare_list("القدس، الحدود، الأمن، المستوطنات، اللاجئين")
    assert not _bare_list("القدس، الحدود")  # too short to be a list
    assert not _bare_list("القدس، الحدود، الأمن، يجب حلها")  # a verb: a statement


def test_figures_and_misread_clauses_are_no_speaker() -> None:
    assert _is_data("") and _is_data("اسمه") and _is_data("فإنهم")
    assert not _is_data("تقديرات جامعة كولومبيا") and not _is_data("روحاني")


def test_predicates_and_present_verbs() -> None:
    assert _predicate("يمكن استخدامها") and _predicate("حققنا الهدف")
    assert not _predicate("الدولة في حالة رائعة")
    assert _present_verb("يحظر") and _present_verb("ستودّع") and _present_verb("وسيبقى")
    assert not _present_verb("الحكومة")
