"""A definite body with its nationality credited with a quote: the one the article named so before.

«أعلن نادي نومانسيا الإسباني عن استدعاء …» then «وكتب النادي الإسباني على صفحته: …»: the digest
showed «— النادي الإسباني» (seed 28, 1594; F27's left), which names no club to a reader of one
quote. `named_with_nisba` gives «نادي نومانسيا الإسباني»: the last body of that head named before
the quote whose name ends in the same relative adjective, read strictly
(digests.statement_issuers.name_after: a quoted or one-word name, a definite genitive). Two
different bodies so named leave the words as written. When none is named with the adjective,
the one body of that head named before at all (F30's left, seed 30, 113: «جريدة "ديلي تلغراف"»
then «وقالت الصحيفة البريطانية»; «جريدة» is a «صحيفة») is meant, if exactly one is and its name
carries no adjective of its own. Pure function of the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speech import fold
from digests.statement_issuers import name_after, nisba
from digests.texts_before import texts_before

# Heads of bodies a nationality may follow («النادي الإسباني», «الصحيفة البريطانية»). Folded.
_HEADS = frozenset("نادي صحيفه وكاله موقع مجله قناه شبكه منظمه شركه جامعه حزب".split())
_GLUED = ("", "و", "ف", "ل", "ب")  # before the indefinite head: «ولنادي» is not read (two)
# Other heads that name the same kind of body («جريدة "ديلي تلغراف"» is a «صحيفة»). Folded.
_SAME_KIND = {"صحيفه": ("صحيفه", "جريده")}


def is_nisba_body(speaker: str) -> bool:
    """«النادي الإسباني», «الصحيفة البريطانية»: a definite head and one relative adjective."""
    words = [fold(w) for w in speaker.split()]
    return (len(words) == 2 and words[0].startswith("ال") and words[0][2:] in _HEADS
            and nisba(words[1]))


def named_with_nisba(paragraphs: Sequence[str], paragraph: int, start: int, speaker: str) -> str:
    """The body `speaker` («النادي الإسباني») means: «نادي نومانسيا الإسباني» named before
    offset `start` of `paragraph`; "" when none or two different ones are."""
    head, adjective = (fold(w) for w in speaker.split())
    head = head[2:]
    names: list[str] = []
    others: list[str] = []  # bodies of the kind named without that adjective
    for _, text in texts_before(paragraphs, paragraph, start):
        words = text.split()
        for m, w in enumerate(words):
            norm = fold(w.rstrip("،,.:"))
            lead = next((g for h in _SAME_KIND.get(head, (head,)) for g in _GLUED
                         if norm == g + h), None)
            if lead is None or w != w.rstrip("،,.:"):
                continue
            bare = w[len(lead):]
            name = name_after([*words[:m], bare, *words[m + 1:]], m)
            if len(name.split()) >= 3 and fold(name.split()[-1]) == adjective:
                names.append(name)
            elif len(name.split()) >= 2:
                others.append(name)
    if names:
        return "" if len({fold(n) for n in names}) > 1 else names[-1]
    kinds = {fold(n) for n in others}
    if len(kinds) != 1 or nisba(fold(others[-1].split()[-1].rstrip("،,.:"))):
        return ""
    return others[-1]
