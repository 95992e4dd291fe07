"""digests.speaker_words: a paragraph's tokens and the word tests that end a speaker's phrase."""

from __future__ import annotations

from digests import speakers
from digests.speaker_words import (
    Tok,
    addressed_after,
    addressee,
    anonymity,
    is_abbreviation,
    now,
    possessed_object,
    tokens,
)


def tok(word: str) -> Tok:
    (one,) = tokens(word)
    return one


def test_tokens_keep_offsets_and_fold() -> None:
    text = "قال  د. أحمد"
    toks = tokens(text)
    assert [t.raw for t in toks] == ["قال", "د.", "أحمد"]
    assert all(text[t.start:t.end] == t.raw for t in toks)
    assert toks[2].norm == "احمد"  # folded: the hamza's alif is bare


def test_speakers_reexports_the_words() -> None:
    assert speakers.tokens is tokens and speakers.Tok is Tok and speakers.anonymity is anonymity


def test_abbreviations_and_now() -> None:
    assert is_abbreviation("د.") and is_abbreviation("أ.د.")
    assert not is_abbreviation("محمد.") and not is_abbreviation("د")
    assert now(tok("الآن")) and now(tok("الان،"))
    assert not now(tok("ألان"))  # the name Alan


def test_whom_it_was_said_to_behind_a_glued_lam() -> None:
    assert addressee(tok("لتورنبول")) and addressee(tok("لأحلام"))
    assert not addressee(tok("لافروف"))  # «ل» and a long vowel: a name
    assert not addressee(tok("لجنة"))  # listed: a noun of its own
    assert addressed_after(tok("لعدد")) and addressed_after(tok("لوسائل"))
    assert addressed_after(tok("لجمهوره"))  # a possessed noun behind «ل»
    assert not addressed_after(tok("لبنان")) and not addressed_after(tok("للصحفيين"))


def test_a_possessed_noun_of_speech_is_an_object() -> None:
    assert possessed_object(tok("حديثه")) and possessed_object(tok("تصريحها،"))
    assert not possessed_object(tok("حديثة"))  # recent


def test_asking_not_to_be_named() -> None:
    toks = tokens("وقال دبلوماسي طلب عدم الكشف عن هويته إن المحادثات تعثرت")
    assert all(anonymity(toks, m, len(toks)) for m in range(2, 7))  # «طلب» … «هويته»
    assert not anonymity(toks, 1, len(toks)) and not anonymity(toks, 7, len(toks))
    assert not anonymity(toks, 2, 5)  # «هويته» lies past the limit
