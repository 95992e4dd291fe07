"""A title written before a non-speech verb speaks at the participle after it.

«لكن المتحدث باسم الرئاسة التركية، إبراهيم قالن، سارع إلى رفض العرض، قائلا إن …» (corpus
6957): the sentence opens with its subject, a title and the name set after it, then a past
verb outside the speech lists («سارع») and the participle («قائلا») whose speaker is that
subject. digests.participle_subjects reads only sentences that open with the verb, so the
participle fell back on the subject of the article's first sentence («رفضت تركيا عرضا …»),
read three paragraphs earlier. Pure functions over the tokens of `digests.speakers`.
"""

from __future__ import annotations

from digests.apposed_names import name_run, title_word
from digests.speakers import Tok, subject
from digests.speech import PREPOSITIONS, STOP, cue_of, strip_conj

# Words that may open the sentence before its subject. Folded.
_OPENERS = frozenset("لكن ولكن غير".split())
_MAX_GAP = 12  # words from the verb to the participle


def _past_verb(t: Tok) -> bool:
    """«سارع», «سارعت», «عاد», «ردت»: a short word that reads as a past verb (no «ال», no
    punctuation, no stop word, no speech cue)."""
    norm = t.norm
    return (3 <= len(norm) <= 6 and not norm.startswith(("ال", "ي", "ت", "ن", "لل"))
            and norm not in STOP and t.raw[-1] not in "،,:;؛.\"«»“”"
            and not t.raw.endswith("ة") and cue_of(t.raw)[1] is None)


def fronted_title(toks: list[Tok], k: int, first: int, gender: str) -> str:
    """The title (and the name after its comma) that opens the sentence before a past verb of
    `gender`, the participle at token `k` following that verb; "" otherwise."""
    s = first + 1 if strip_conj(toks[first].norm) in _OPENERS else first
    if s >= k or not title_word(toks[s]) or not toks[s].norm.startswith("ال"):
        return ""
    name, j = subject(toks, s, k)
    if not name or j >= k:
        return ""
    if toks[j - 1].raw[-1] in "،,":
        end = name_run(toks, j, k)
        if not end:
            return ""
        name = " ".join([name, *(toks[m].raw.rstrip("،,") for m in range(j, end))])
        j = end
    verb = toks[j]
    if not _past_verb(verb) or ("f" if verb.norm.endswith("ت") else "m") != gender:
        return ""
    if k - j > _MAX_GAP or any(toks[m].raw[-1] in ".؛:" or (
            cue_of(toks[m].raw)[1] is not None and toks[m - 1].norm not in PREPOSITIONS)
            for m in range(j + 1, k)):
        # another cue between is its own speaker's («إلى رفض العرض»: a verbal noun, no cue)
        return ""
    return name
