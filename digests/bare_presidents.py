"""A bare «الرئيس» credited with a quote: the one president the article named before (seed 28).

«غير أن الرئيس الأميركي دونالد ترامب اختار …» then «وقال الرئيس خلال تجمع …: "…"»: the digest
showed «— الرئيس», a back-reference a reader of one quote cannot follow (seed 28, 3595).
`named_president` gives the phrase «الرئيس الأميركي دونالد ترامب» when every president the text
before the quote names is that one: each «الرئيس» written with a nationality or a name must
carry the same nationality and the same name. Two presidents («التقى الرئيس المصري … بالرئيس
الفرنسي …») leave the word bare, as does a text that names none. Pure function of the
paragraphs; the phrase is read as digests.bare_titles reads a trade's.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.bare_titles import _boundary, _name_word, _nisba
from digests.speech import EDGE_PUNCT, STOP, fold

_BARE = frozenset(("الرئيس", "الرئيسه"))
_FORMS = frozenset(lead + "الرئيس" + end for lead in ("", "و", "ب", "ف", "ل")
                   for end in ("", "ه")) | {"للرئيس", "للرئيسه"}


def is_bare_president(speaker: str) -> bool:
    """«الرئيس», «الرئيسة»: the one word, definite."""
    return fold(speaker) in _BARE


def _recurs(word: str, words: Sequence[str], m: int) -> bool:
    """`word` (a surname) is written elsewhere than at index `m`, maybe after «و/ل/ب»."""
    key = fold(word.rstrip("،,.:"))
    return any(n != m and fold(w.rstrip("،,.:")).removeprefix("و").removeprefix("ل")
               .removeprefix("ب") == key for n, w in enumerate(words))


def _surname(word: str) -> bool:
    norm = fold(word.rstrip("،,.:"))
    return _name_word(word) or (norm.startswith("ال") and norm not in STOP and len(norm) > 4
                                and not word.rstrip("،,.:").endswith(("اً", "ً")))


def _named(words: list[str], m: int, speaker: str, after: list[str]) -> str:
    """«الرئيس [الأميركي] دونالد ترامب» from the word at `m`; "" without a name after it."""
    n = m + 1
    while n < len(words) and words[n - 1][-1] not in "،,.:" and _nisba(words[n]):
        n += 1
    if words[n - 1][-1] in "،,.:" or n >= len(words) or not _name_word(words[n]):
        return ""
    sizes = (3,) if fold(words[n]) == "عبد" else (2, 1)
    for size in sizes:
        end = n + size
        if end > len(words) or not all(_surname(w) for w in words[n + 1:end]):
            continue
        if any(w[-1] in "،,.:" for w in words[n:end - 1]):
            continue
        closed = words[end - 1][-1] in "،,.:" or end == len(words) or _boundary(words[end])
        if (size > 1 or closed) and _recurs(words[end - 1], [*words[end:], *after], -1):
            return " ".join([speaker, *words[m + 1:end]]).strip(EDGE_PUNCT + " ")
    return ""


def named_president(paragraphs: Sequence[str], paragraph: int, start: int, speaker: str) -> str:
    """The «الرئيس [nisba] NAME» phrase for the bare `speaker` before offset `start` of
    `paragraph`, when the text before names one president only; "" otherwise."""
    text = " ".join([*paragraphs[:paragraph], paragraphs[paragraph][:start]])
    words = text.split()
    after = " ".join([paragraphs[paragraph][start:], *paragraphs[paragraph + 1:]]).split()
    found: list[str] = []
    nisbas: set[str] = set()
    for m, word in enumerate(words):
        if fold(word.rstrip("،,.:")) not in _FORMS:
            continue
        if m + 1 < len(words) and word[-1] not in "،,.:" and _nisba(words[m + 1]):
            nisbas.add(fold(words[m + 1].rstrip("،,.:")))
        phrase = _named(words, m, speaker, after)
        if phrase:
            found.append(phrase)
    names = {" ".join(w for w in p.split()[1:] if not _nisba(w)) for p in found}
    if len(names) != 1 or len(nisbas) > 1:
        return ""
    return found[-1]
