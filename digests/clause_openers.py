"""The subject of a sentence's non-speech verb, which a bare cue later in that sentence means (F52).

«ولدى مغادرة السجن، لوّح عيتاني بعلامة النصر، وقال إنه …», «وأحصى المرصد عشرات القتلى، وقال
إن …», «وتطرق ماتيس الثلاثاء إلى الهجوم مؤكدا أن …»: the one who did the first thing in the
sentence goes on speaking in it, not the voice named last before it (development gold, session
28: of the wrong carried speakers, most have the gold's voice written in the cue's own sentence).
digests.sentence_openers reads that subject only when it is titled or set off by a comma, and
remembers it for the next sentences too. Here, for this sentence's bare cues only (carried, not
ranked as written): a bare name or a one-word definite body that is part of a speaker named
before («ماتيس» of «الوزير جيم ماتيس»), a titled subject after a fronted time or place («وفي وقت
لاحق، تراجعت شركة …»), and a name set off by a comma whose first word folds like a definite
noun («أليستر غراهام،»). Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.sentence_openers import _HUMAN_HEADS, verb_genders
from digests.speaker_checks import plausible_speaker, tail_cut
from digests.speakers import Tok, subject
from digests.speech import TRADES, fold
from digests.title_heads import MAN_HEADS, WOMAN_HEADS

# Heads of a person by title or trade, never read here without the name after them. Folded,
# without «ال».
_PERSON_HEADS = _HUMAN_HEADS | TRADES | MAN_HEADS | WOMAN_HEADS

# Prepositions that open a fronted adverbial set off by a comma before the verb («وفي وقت
# لاحق،», «ولدى مغادرة سجن رومية،», «وبعد الإعلان عن القمة،»). Folded, without «و».
_ADVERBIAL = frozenset("في لدي بعد عقب خلال قبل اثر منذ مع".split())


def _verb_at(toks: list[Tok], first: int, last: int) -> int | None:
    """Where the sentence's verb is: at `first`, or after a fronted adverbial and its comma."""
    lead = toks[first].norm
    lead = lead[1:] if lead[:1] in "وف" and lead[1:] in _ADVERBIAL else lead
    if lead not in _ADVERBIAL:
        return first
    comma = next((m for m in range(first, min(last, first + 7))
                  if toks[m].raw.endswith(("،", ","))), None)
    return None if comma is None else comma + 1


def _named_before(name: str, seen: Sequence[str]) -> bool:
    """`name` is a whole-word part of a speaker already named («عيتاني» of «زياد عيتاني»)."""
    part = f" {fold(name)} "
    return any(part in f" {fold(n)} " for n in seen)


def clause_opener(toks: list[Tok], first: int, last: int,
                  seen: Sequence[str]) -> tuple[str, frozenset[str]] | None:
    """The subject of the non-speech verb that opens the sentence (with its genders), for a
    sentence `sentence_opener` reads none in: a bare name of one or two words, or one definite
    word followed by its object, that is part of a speaker named before (`seen`); a titled
    subject after a fronted adverbial; a name set off by a comma. None otherwise."""
    i = _verb_at(toks, first, last)
    if i is None or i + 1 >= last:
        return None
    verb = toks[i]
    stem = verb.norm[1:] if verb.norm[:1] in "وف" and len(verb.norm) >= 4 else verb.norm
    if i == first and verb.norm[:1] not in "وف":
        return None
    genders = verb_genders(verb, stem)
    if genders is None:
        return None
    name, j = subject(toks, i + 1, last)
    set_off = j - 1 > i and toks[j - 1].raw.endswith(("،", ","))
    words = tail_cut(verb.norm, name).split()
    if not words:
        return None
    head = fold(words[0])
    if i > first and head.removeprefix("ال") in _HUMAN_HEADS and len(words) <= 4:
        # «وفي وقت لاحق، التقى رئيس الوزراء اللبناني، سعد الحريري، …، وقال»: a titled
        # subject after a fronted time or place, as `sentence_opener` reads it at the start
        name = " ".join(words)
        return (name, genders) if plausible_speaker(name) else None
    if words[0].startswith("ال"):  # (spelled: «أليستر» folds to «اليستر» but is a name)
        # «وثق المرصد مقتل 18 مدنيا»: one definite word, then its indefinite object
        if (len(words) < 2 or fold(words[1]).startswith("ال") or len(head) < 5
                or head.endswith(("ون", "ين", "ي")) or head[2:] in _PERSON_HEADS):
            # «وتداول المستخدمون …، وقالت» (a plural), «ونعى الفنان …» (a title without
            # its name: digests.sentence_openers reads the titled name when it is written),
            # «وخرج الكرواتي إيفان راكيتيتش …» (a nisba before the name it describes)
            return None
        words = words[:1]
    else:
        # «لوّح عيتاني بعلامة النصر»: a bare name, then «ب» or a preposition's object
        words = words[:2] if len(words) >= 2 and not fold(words[1]).startswith(("ب", "ال")) \
            else words[:1]
        if any(fold(x).startswith(("ب", "ل")) for x in words) or head in _PERSON_HEADS:
            return None  # «ورد وزير الخارجية …»: a title alone, which many named share
    name = " ".join(words).rstrip("،,")
    if not words[0].startswith("ال") and set_off and len(name.split()) == len(
            name_words := tail_cut(verb.norm, subject(toks, i + 1, last)[0]).rstrip("،,").split()
    ) and len(name_words) <= 3 and not any(x.startswith("ال") for x in name_words):
        # «وأبدى أليستر غراهام، من شركة …، دهشته …، مشيرا»: a name set off by a comma (what
        # `sentence_opener` reads, but «أليستر», «ألكسندر» fold to a definite «ال…» there)
        return (name, genders) if plausible_speaker(name) else None
    if not _named_before(name, seen):
        # «وأبدى تعليق …», «ونشرت شبكات …», «ووصل السباب أوجه …»: a word no cue named
        # before is more often the verb's object or a thing than a voice
        return None
    return (name, genders) if plausible_speaker(name) else None
