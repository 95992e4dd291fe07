"""A speaker the article itself names as a substance is no one (QA79-15).

«وقال نوفيتشوك في تغريدة "يجب أن نحتج …"» (a source's slip for the Czech president) made a
nerve agent the speaker: «… — نوفيتشوك». The same article writes «غاز الأعصاب نوفيتشوك»
twice. A one- or two-word speaker that the article writes right after a noun of a substance
(«غاز», «مادة», «عقار», «الأعصاب» …) is a thing, not a voice: its quote is not shown with it
(nor without it: a digest never shows a quote with no speaker). Pure function of the speaker and
the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speech import fold

# Nouns a substance's name is written after («غاز الأعصاب نوفيتشوك», «مادة الريسين», «عقار
# الترامادول»). Folded, with and without «ال».
_SUBSTANCE_NOUNS = frozenset(
    w for stem in "غاز ماده مواد عقار دواء سم مبيد مخدر اعصاب".split() for w in (stem, "ال" + stem))
_PUNCT = "،,.:;؛\"'«»“”()"


def substance(speaker: str, paragraphs: Sequence[str]) -> bool:
    """True when the article writes `speaker` right after a substance's noun somewhere."""
    name = speaker.split()
    if not name or len(name) > 2:
        return False
    for para in paragraphs:
        words = [w.strip(_PUNCT) for w in para.split()]
        for k in range(1, len(words) - len(name) + 1):
            if words[k:k + len(name)] == name and fold(words[k - 1]) in _SUBSTANCE_NOUNS:
                return True
    return False
