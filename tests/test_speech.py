"""digests.speech: the lexicon of speech verbs, complementizers and word classes."""

from __future__ import annotations

import pytest

from digests.speech import cue_of, fold, is_complementizer, strip_conj, strip_prefix


@pytest.mark.parametrize("word, kind, gender", [
    ("قال", "verb", "m"), ("قالت", "verb", "f"), ("وقالت", "verb", "f"), ("فأضاف", "verb", "m"),
    ("أكّدت", "verb", "f"), ("دعت", "verb", "f"), ("رأى", "verb", "m"), ("نفت", "verb", "f"),
    ("يقول", "verb", "m"), ("تقول", "verb", "f"), ("يقولون", "verb", "m"), ("قالوا", "verb", "m"),
    ("مضيفًا", "part", "m"), ("مضيفةً", "part", "f"), ("مشيرا", "part", "m"),
    ("قائلا:", "part", "m"),
])
def test_speech_verb_forms(word: str, kind: str, gender: str) -> None:
    assert cue_of(word)[1] == (kind, gender)


@pytest.mark.parametrize("word", ["الوزير", "وزير", "قصف", "يبلغ", "يعد", "في", "ورد"])
def test_other_words_are_not_cues(word: str) -> None:
    assert cue_of(word)[1] is None


def test_fold_and_complementizers() -> None:
    assert fold("«إنّ»") == "ان"
    assert fold("الغُوطةُ،") == "الغوطه"
    for word in ("إن", "أن", "بأن", "إنه", "أنها", "بأنهم", "وأن"):
        assert is_complementizer(fold(word)), word
    for word in ("إنسان", "أنباء", "بيان"):
        assert not is_complementizer(fold(word)), word


def test_prefixes() -> None:
    assert strip_prefix("بالصحيفه") == "صحيفه"
    assert strip_prefix("وكاله") == "كاله"  # why callers test both forms
    assert strip_conj("وقال") == "قال" and strip_conj("قال") == "قال"


def test_k12_explained_with_its_shadda_is_a_cue_between_is_not() -> None:
    assert cue_of("وبيّن")[1] == ("verb", "m")
    assert cue_of("بيّن")[1] == ("verb", "m")
    assert cue_of("بين")[1] is None  # «between»
    assert cue_of("وبين")[1] is None
    assert cue_of("تبيّن")[1] is None  # «it turned out»: a finding, not speech
