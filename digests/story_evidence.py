"""Marks of event identity two reports' leads may share beyond their words' overlap (brief S24).

Pure functions, no I/O. The pair model sees bags of words and one USE vector a report; the
same-story pairs it refuses are previews and their event, two angles of one occasion, reactions
(benchmarks/README «Session 17 (brief S22)»). Three narrow marks a reader uses to say "the same
event" are read here from the headline and first sentence (`Lead` text), each as a set of keys
two reports either share or not:

- `figures`: a number with the word that counts it («43 قتيلا», «20 مليار دولار», «30 %»), years
  and month days left out (a date is not a fact of one event);
- `scores`: a match score («3-1», «4-صفر»), its two sides sorted (home/away order varies);
- `named_events`: an occasion noun with the word that names it («قمة الرياض», «نهائي كأس»,
  «مباراة الأهلي»).

`marks` bundles them; `shared` says which kinds two reports share. benchmarks/story_evidence_screen.py
counts, held out, the labelled pairs each kind marks among those the shipped step refuses.

Measured, not adopted (session 18): on the 21 development folds the shipped step refuses 382
candidate pairs (96 same); a shared score marks 4 same and 0 different of them, a shared figure 1
and 7, a named occasion 7 and 16 (benchmarks/README «Session 18 (brief S24)»). Too few to move the
stored recall by the STORY rule's 0.01, so the story step does not call this module; it stays as
the measured marks' one definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests import arabic

__all__ = ["EVENT_NOUNS", "Marks", "figures", "marks", "named_events", "scores", "shared"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")
# a number (thousands commas dropped), then an optional percent sign
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([%٪])?")
_SCORE = re.compile(r"(?<![\w.:/-])(\d{1,2}|صفر)\s*[-–]\s*(\d{1,2}|صفر)(?![\w.:/-]|\d)")
SCALES = frozenset({"الف", "الاف", "مليون", "ملايين", "مليار", "مليارات"})
# a number followed by one of these is a date, not a count
MONTHS = frozenset({"يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس",
                    "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان",
                    "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين"})
# occasions a report names («قمة …», «نهائي …»): the key and the word after it name one event
EVENT_NOUNS = frozenset({"قمه", "نهائي", "مباراه", "مؤتمر", "منتدي", "انتخابات", "استفتاء",
                         "كاس", "بطوله", "مهرجان", "معرض", "ديربي", "كلاسيكو", "مناورات",
                         "سباق", "جائزه"})
# goals in words, normalized (digests.arabic.normalize): «بستة أهداف», «بسداسية», «بهدفين»
_GOAL_WORDS = {"هدف": 1, "هدفين": 2, "هدفان": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6,
               "سبعه": 7, "ثنائيه": 2, "ثلاثيه": 3, "رباعيه": 4, "خماسيه": 5, "سداسيه": 6,
               "سباعيه": 7}
_NIL = {"نظيف", "نظيفه", "دون رد", "مقابل لا شيء"}
_WORD_SCORE = re.compile(
    r"(?<!\w)ب(\d{1,2}|" + "|".join(sorted(_GOAL_WORDS, key=len, reverse=True)) + r")"
    r"(?: اهداف)? (لمثلهما|لمثله|نظيفه|نظيف|دون رد|مقابل لا شيء|(?:مقابل |ل)(\d{1,2}|"
    + "|".join(sorted(_GOAL_WORDS, key=len, reverse=True)) + r")(?!\w))")
_PERCENT = {"مئه", "بالمئه", "بالمائه", "مائه"}


@dataclass(frozen=True)
class Marks:
    """One report's lead, as the keys of each kind of mark."""

    figures: frozenset[str] = frozenset()
    scores: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()


def _content(text: str) -> list[str]:
    return [k for k in arabic.analyze(text) if not arabic.is_stop(k)]


def figures(text: str) -> frozenset[str]:
    """«N unit» keys of the counts `text` states. A year (1900–2100 alone, or any number before a
    month), a single unit (0 or 1), a side of a score and a number with no word after it are not
    counts."""
    plain = text.translate(_DIGITS)
    in_score = {i for m in _SCORE.finditer(plain) for i in range(m.start(), m.end())}
    out = set()
    for m in _NUMBER.finditer(plain):
        if m.start() in in_score:
            continue  # a side of a match score (`scores`), not a count
        number = m.group(1).replace(",", "")
        value = float(number)
        after = _content(plain[m.end():m.end() + 40])[:3]
        if m.group(2):
            out.add(f"{number} %")
            continue
        while after and after[0].replace(".", "").isdigit():
            after = after[1:]
        if not after or after[0] in MONTHS or value <= 1:
            continue
        if 1900 <= value <= 2100 and number.isdigit():
            continue  # a year («عام 2018»), even when a word follows it
        unit = after[:2] if after[0] in SCALES and len(after) > 1 else after[:1]
        if unit[0] in _PERCENT:
            unit = ["%"]
        out.add(" ".join([number, *unit]))
    return frozenset(out)


def _goals(word: str) -> int | None:
    return int(word) if word.isdigit() else _GOAL_WORDS.get(word)


def scores(text: str) -> frozenset[str]:
    """Match scores in figures («3-1», «4-صفر») or words («بسداسية مقابل هدف», «بهدفين لمثلهما»,
    «بهدف لمثله»,
    «بثلاثية نظيفة»), each side sorted: «1-3» and «3-1» are one result."""
    plain = text.translate(_DIGITS)
    out = set()
    for m in _SCORE.finditer(plain):
        a, b = (0 if s == "صفر" else int(s) for s in m.groups())
        out.add("-".join(map(str, sorted((a, b)))))
    for m in _WORD_SCORE.finditer(arabic.normalize(plain)):
        first = _goals(m.group(1))
        second = (first if m.group(2) in ("لمثلهما", "لمثله") else 0 if m.group(2) in _NIL
                  else _goals(m.group(3) or ""))
        if first is not None and second is not None:
            out.add("-".join(map(str, sorted((first, second)))))
    return frozenset(out)


def named_events(text: str) -> frozenset[str]:
    """«noun name» keys of the occasions `text` names: an EVENT_NOUNS key and the next content
    key («قمه رياض», «نهائي كاس», «مباراه اهلي»)."""
    keys = _content(text)
    return frozenset(f"{k} {keys[i + 1]}" for i, k in enumerate(keys[:-1])
                     if k in EVENT_NOUNS and keys[i + 1] not in EVENT_NOUNS)


def marks(title: str, first_sentence: str) -> Marks:
    """The marks of one report's lead (its headline and first sentence)."""
    text = f"{title}\n{first_sentence}"
    return Marks(figures(text), scores(text), named_events(text))


def shared(a: Marks, b: Marks) -> frozenset[str]:
    """The kinds of mark ("figure", "score", "event") both leads carry with the same key."""
    kinds = {"figure": a.figures & b.figures, "score": a.scores & b.scores,
             "event": a.events & b.events}
    return frozenset(kind for kind, common in kinds.items() if common)
