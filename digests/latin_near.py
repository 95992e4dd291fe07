"""The known English names nearest to a Latin spelling no table maps: «Idleb» → «Idlib».

digests.topic_names maps a few hundred English names (folded: «Ghuta», «alghouta», «Erdoğan»)
to their Arabic topics; a spelling one or two letters away («Idleb», «Gouta», «Aleppoo») was
told «write the name as Arabic news writes it», which an English reader cannot do (QA51 L5).
`near_topics` finds the names a spelling is close to: both sides are folded as the table folds
them (digests.topic_names_more.fold), then loosened the way Arabic names are transliterated
(`loose`: «gh»/«g», «kh»/«k», «q»/«k», «e»/«i», «o»/«u», a final «h» after a vowel), and
compared by edit distance (a transposition counts one), allowing more for a longer name. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digests.topic_names import ALL_TOPICS, is_latin
from digests.topic_names_more import fold

MAX_NEAR = 3  # names offered: more would read as a list, not a guess
_SEPARATORS = re.compile(r"[\s_\-.,;:!?'\"«»()#@]+")
_PAIRS = (("gh", "g"), ("kh", "k"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("q", "k"),
          ("e", "i"), ("o", "u"), ("y", "i"), ("w", "u"))
_FINAL_H = re.compile(r"(?<=[aiu])h\b")
_DOUBLE = re.compile(r"([a-z])\1+")


def loose(name: str) -> str:
    """A folded lower-case name as its sounds are written in Latin transliterations of Arabic:
    the letters written two ways made one («Hodeidah» and «Hudaydah» → «hudaida»)."""
    for two, one in _PAIRS:
        name = name.replace(two, one)
    return _DOUBLE.sub(r"\1", _FINAL_H.sub("", name))


def allowed(length: int) -> int:
    """Edits a spelling of `length` letters may be from a name: none under four letters
    («Kim» is no «Kima»), one up to six, two beyond."""
    return 0 if length < 4 else 1 if length <= 6 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance of `a` and `b` with transpositions (optimal string alignment); any value
    over `limit` is returned as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, str], ...]:
    """(loose form, Arabic topic) of every English name of the tables, each form once."""
    seen: dict[str, str] = {}
    for english, arabic in ALL_TOPICS.items():
        seen.setdefault(loose(fold(english)), arabic)
    return tuple(seen.items())


def near_topics(text: str, limit: int = MAX_NEAR) -> list[str]:
    """The Arabic topics whose English names are nearest to Latin `text`: those at the least
    distance found, each once, in the tables' order, at most `limit`; [] for Arabic text and
    when none is near. (A name the tables know as written is its own nearest: callers ask only
    for a spelling they do not map.)"""
    if not is_latin(text):
        return []
    words = [w for w in _SEPARATORS.sub(" ", text.lower()).split() if w != "the"]
    folded = fold(" ".join(words)) if words else ""
    typed = loose(folded)
    if not typed:
        return []
    most = allowed(len(folded.replace(" ", "")))
    found: dict[str, int] = {}
    for name, arabic in _names():
        # a short name («IMF», «UN») is no near miss of a longer spelling («Yemn»)
        near = min(most, allowed(len(name.replace(" ", ""))))
        d = distance(typed, name, near)
        if d <= near and d < found.get(arabic, most + 1):
            found[arabic] = d
    # the nearest only: «Raqqah» is «Raqqa», not also «Makkah» and «Rafah» one letter away
    best = min(found.values(), default=0)
    return [topic for topic, d in found.items() if d == best][:limit]

