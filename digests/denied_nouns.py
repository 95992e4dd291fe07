"""A denial whose object is a verbal noun: «نفى الجيش الألماني عزمه امتلاك أسلحة آلية» (F48, QA74-5).

«نفى X أن …» is a denial the finder keeps (kind "denial", shown «نفى X أن …»). Without «أن»
the verb takes a verbal noun with the subject's own pronoun («عزمه», «نيتها», «تورطه»): what
was denied is the noun and its object, up to the clause's end. Corpus 382 (Sky) led with «نفى
الجيش الألماني عزمه امتلاك أسلحة آلية وصفها البعض بأنها "…"، وفق ما نقلت رويترز …» and the
story's point was lost; the line is now «نفى الجيش الألماني عزمه امتلاك أسلحة آلية». The span
ends at a comma, a stop, quote marks, another cue («وصفها البعض …») or «وفق/بحسب»; three words
at least (the noun and its object).

Pure: a sentence's tokens and cues in, the denied span out (or None).
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speaker_words import Tok
from digests.speech import DENIALS, cue_of, fold, strip_conj
from digests.speech_cues import Cue

# Verbal nouns of intent or involvement a denial takes as its object, without their pronoun.
# Folded.
_INTENT = frozenset("عزم نيه اعتزام تورط ضلوع مسؤوليه علم مشاركه قيام تخطيط سعي رغبه".split())
_OWN = ("ه", "ها", "هم", "هما")
# Words that close the denied span: the writer's attribution after it. Folded.
_ATTRIBUTION = frozenset("وفق وفقا بحسب حسب حسبما طبقا نقلا".split())
# At least this many words: the noun and its object («عزمه امتلاك أسلحة»).
_MIN_WORDS = 3
_MAX_WORDS = 20


def _intent_noun(word: str) -> bool:
    f = fold(word)
    return any(f.endswith(p) and f[:-len(p)] in _INTENT for p in _OWN)


def denied_noun(para: str, toks: list[Tok], cue: Cue, sent_end: int,
                cues: Sequence[Cue]) -> tuple[int, int] | None:
    """(start, end) of the verbal noun a denial verb's named subject denies, or None."""
    if (cue.kind != "verb" or cue.content_start is not None or not cue.named
            or not cue.speaker or strip_conj(toks[cue.tok].norm) not in DENIALS):
        return None
    k = cue.end_tok
    if k >= len(toks) or toks[k].start >= sent_end or not _intent_noun(toks[k].raw):
        return None
    later = {c.tok for c in cues if c.tok > k}
    end = k
    for x in range(k, min(len(toks), k + _MAX_WORDS)):
        t = toks[x]
        if t.start >= sent_end or x in later or (x > k and cue_of(t.raw)[1] is not None):
            break
        if fold(t.raw) in _ATTRIBUTION or any(q in t.raw for q in "\"“”«»"):
            break
        end = x
        if t.raw.endswith(("،", ",", ".", "؛", ":")):
            break
    if end - k + 1 < _MIN_WORDS:
        return None
    return toks[k].start, toks[end].end - (1 if toks[end].raw[-1] in "،,.؛:" else 0)
