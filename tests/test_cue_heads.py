"""digests/cue_heads.py: whether the word at a token introduces speech, and as what (a verb, a
participle, an attribution), on invented sentences read as one window."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.cue_heads import Head, cue_head
from digests.cue_window import Window
from digests.speakers import tokens


def _heads(sentence: str) -> list[tuple[str, str, str]]:
    """(word, kind, gender) of every cue head of the sentence, in order."""
    toks = tokens(sentence)
    w = Window(toks, 0, len(toks), ())
    out: list[tuple[str, str, str]] = []
    for k, t in enumerate(toks):
        head = cue_head(w, k)
        if head is not None:
            out.append((t.raw, head.kind, head.gender))
    return out


@pytest.mark.parametrize(("sentence", "expected"), [
    ("وقال الوزير إن المعبر سيفتح", [("وقال", "verb", "m")]),
    ("وقالت الوزيرة إن المعبر سيفتح", [("وقالت", "verb", "f")]),
    # after «ما» a verb is an attribution
    ("بحسب ما أعلنت الوزارة فإن المعبر سيفتح", [("بحسب", "prep", "m"), ("أعلنت", "prep", "f")]),
    ("وفقا للوزارة فإن الحل قريب", [("وفقا", "prep", "m")]),
    # phrases that act as a speech verb
    ("ونشر الاتحاد تغريدة جاء فيها أن المباراة تأجلت", [("جاء", "verb", "m")]),
    ("ومضى الوزير إلى القول إن الوضع صعب", [("ومضى", "verb", "m")]),
    ("وواصل المدرب حديثه: نحن جاهزون", [("وواصل", "verb", "m")]),
    ("واكتفى متحدث باسم الشرطة بالقول إنه لا تعليق", [("واكتفى", "verb", "m")]),
    ("في خطوة وصفتها الوزيرة بأنها تاريخية", [("وصفتها", "verb", "f")]),
    ("وأضاف مؤكدا أن الحل قريب", [("وأضاف", "verb", "m"), ("مؤكدا", "part", "m")]),
])
def test_cue_heads(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _heads(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "رغم نفي الوزير أن المعبر مغلق",  # a verbal noun after a preposition
    "وواصل الجيش قصفه للمدينة",  # going on with something else than talk
    "واكتفى الفريق بالتعادل في المباراة",  # no «بالقول»
])
def test_no_cue(sentence: str) -> None:
    assert _heads(sentence) == []


def test_head_keeps_the_word_before() -> None:
    toks = tokens("بحسب ما أعلنت الوزارة")
    head = cue_head(Window(toks, 0, len(toks), ()), 2)
    assert isinstance(head, Head)
    assert (head.kind, head.gender, head.prev) == ("prep", "f", "ما")


_WORDS = ["وقال", "قالت", "الوزير", "رغم", "نفي", "بحسب", "ما", "أعلنت", "إن", "أن", "جاء",
          "فيها", "مؤكدا", "وفقا", "للوزارة", "بالقول", "واكتفى", "حديثه:", "وواصل", "في"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
def test_every_head_is_well_formed(words: list[str]) -> None:
    """Any sentence: each head is a verb, participle or attribution of a gender, its `prev` the
    word before it, and a word after a preposition is never read as a verb."""
    toks = tokens(" ".join(words))
    w = Window(toks, 0, len(toks), ())
    for k in range(len(toks)):
        head = cue_head(w, k)
        if head is None:
            continue
        assert head.kind in ("verb", "part", "prep") and head.gender in ("m", "f")
        assert head.prev == (toks[k - 1].norm if k else "")
        if k and toks[k - 1].norm in ("رغم", "في"):
            assert head.kind != "verb"
