"""A bare title credited with a quote whose name the article set after it between commas before.

«وقرر القاضي، غوردن ويذرويل، أن …» then «وقال القاضي الذي بت في قضيتها … إنها "…"»: the digest
showed «— القاضي» (seed 29, 2610), a back-reference a reader of one quote cannot follow. The
first sentence is no speech (so no speaker was read from it), but it gave the title its name in
apposition. `apposed_before` finds the last «TITLE، NAME،» written before the quote for the bare
one-word title (a head of `digests.apposed_names.TITLES`, with «ال») and gives «TITLE NAME»; two
different names so written leave the word bare. Pure function of the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.apposed_names import name_run, title_word
from digests.speaker_words import tokens
from digests.speech import EDGE_PUNCT, fold
from digests.texts_before import texts_before

_GLUED = ("", "و", "ف")  # «وقرر القاضي،», «فالقاضي،»: the title itself, not «للقاضي»


def is_bare_title(speaker: str) -> bool:
    """«القاضي», «المدعية»: one definite word that heads a title."""
    words = speaker.split()
    if len(words) != 1 or not fold(speaker).startswith("ال"):
        return False
    return title_word(tokens(speaker)[0])


def apposed_before(paragraphs: Sequence[str], paragraph: int, start: int, speaker: str) -> str:
    """«القاضي غوردن ويذرويل» for the bare `speaker` of a quote at offset `start` of
    `paragraph`, from the last «القاضي، غوردن ويذرويل،» written before it; "" when none is
    written or two names differ."""
    key = fold(speaker)
    names: list[str] = []
    for _, text in texts_before(paragraphs, paragraph, start):
        toks = tokens(text)
        for m, t in enumerate(toks[:-1]):
            if t.raw[-1] not in "،," or not any(t.norm == g + key for g in _GLUED):
                continue
            end = name_run(toks, m + 1, len(toks))
            if not end or end - (m + 1) < 2:
                continue  # one word between commas may be a time or a place («، أمس،»)
            names.append(" ".join(toks[e].raw.strip(EDGE_PUNCT + "،,") for e in range(m + 1, end)))
    if not names or len({fold(n) for n in names}) > 1:
        return ""
    return f"{speaker} {names[-1]}"
