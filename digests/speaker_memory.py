"""The named speakers so far in an article, and the gender their title gives them.

`Speakers` remembers who spoke, so that a bare «وأضاف»/«مضيفةً» or «وقالت» finds the last one of its
grammatical gender — never a broken plural («التقارير») for «قال», nor a man's title («الملحن …») for
«وقالت». Split from digests.speakers (brief SPLIT2, audit QA73-17), which reads a speaker from the
words of one paragraph; this is the memory the finder keeps across paragraphs. digests.speakers
re-exports both names.
"""

from __future__ import annotations

from digests.speaker_spans import bare_person, plural_noun
from digests.speaker_words import masdar_act
from digests.speech import fold
from digests.title_heads import MAN_HEADS as _MAN_HEADS, WOMAN_HEADS as _WOMAN_HEADS

# (_MAN_HEADS, _WOMAN_HEADS: heads that name a man or a woman, kept in digests.title_heads,
# QA73-10: a bare cue of the other gender never falls back on them.)


def person_of_other_gender(name: str, gender: str) -> bool:
    """«الملحن بليغ حمدي» for a feminine cue, «الممثلة …» for a masculine one."""
    words = name.split()
    head = fold(words[0]).removeprefix("ال") if words else ""
    return (gender == "f" and head in _MAN_HEADS) or (gender == "m" and head in _WOMAN_HEADS)


# Broken plurals a masculine singular pronoun never means (F42, seed 38, 4212: a bare «قال»
# two paragraphs after «وذكر الأطباء» / «وتقول التقارير» was shown «بحسب الأطباء»): plurals
# of things that speak («التقارير», «مصادر»: a feminine «وأضافت» goes on with them) and of
# people («الأطباء», «خبراء»). Folded, without «ال»; the first word only («رئيس الوزراء»).
_BROKEN_PLURALS = frozenset(
    "تقارير مصادر وسائل دراسات ابحاث بيانات اطباء علماء خبراء نشطاء شهود سكان اهالي زعماء"
    " وزراء سفراء".split())


def _things(name: str) -> bool:
    """«التقارير الإعلامية», «الأطباء»: a broken plural, which «قال» never means."""
    words = name.split()
    return bool(words) and fold(words[0]).removeprefix("ال") in _BROKEN_PLURALS


class Speakers:
    """The named speakers so far, to resolve «وأضاف»/«مضيفةً» to the last one of that gender."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        # The subject of a non-speech verb that opened the last sentence and named nobody else
        # (digests.sentence_openers.sentence_opener), with the genders its verb allows.
        self.opener: tuple[str, frozenset[str]] | None = None

    def add(self, name: str, gender: str) -> None:
        if masdar_act(name):
            # «فهم يتوقعون رفع سعر الفائدة أكثر» (F37): an act read as a subject is no one a
            # later bare «وقالت» could mean
            return
        self.seen.append((name, gender))

    def last(self, gender: str | None = None, *, singular: bool = False,
             plural: bool = False) -> str:
        """The last speaker of `gender`; `singular`: a singular verb's, so no plural noun
        («وقال» after «ويتهم المنتقدون …» is not «المنتقدون», seed 24, 3506); `plural`: a plural
        verb's («وأضافوا»), so never a person's bare name (`bare_person`) named last."""
        seen = [(n, g) for n, g in self.seen if not (singular and plural_noun(n)) and not (
            singular and gender == "m" and _things(n))]
        if plural and seen and bare_person(seen[-1][0]):
            return ""  # «وأضافوا» after only «فارادكار» spoke (F36, seed 34, 5849)
        for name, g in reversed(seen):
            if gender is None or g == gender:
                return name
        if seen and gender is not None and person_of_other_gender(seen[-1][0], gender):
            # «وقالت: "…"» after only «الملحن بليغ حمدي» was named (F32, corpus_dev 2613): a
            # person titled as a man is not the woman speaking; nobody is shown instead.
            return ""
        return seen[-1][0] if seen else ""
