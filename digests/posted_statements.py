"""A bare «البيان» after a statement posted on a body's page: the body that posted it.

«… استقالته من منصبه، حسبما أعلنت الرئاسة على صفحتها بموقع "فيسبوك". وأوضح البيان أن …»
(F24's left, 5460: «— البيان»): no «بيان» was named before, but the sentence before says who
posted the statement. `posted_by` reads the subject of a speech verb (or «حسبما/كما أعلنت»)
written right before «على/عبر/في موقعها/صفحتها/حسابها», in the quote's paragraph or the one
before it. Pure functions of the paragraphs (digests.bare_bodies asks it last).
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speaker_checks import plausible_speaker
from digests.speakers import subject, tokens
from digests.speech import cue_of, strip_conj
from digests.texts_before import texts_before

# «موقعها», «صفحته الرسمية», «حسابها»: where a body posts (folded).
_PAGES = frozenset("موقعها موقعه صفحتها صفحته حسابها حسابه".split())
_ON = frozenset("علي عبر في".split())
_REACH = 8  # words from the verb to «على موقعها»


def posted_by(paragraphs: Sequence[str], paragraph: int, start: int) -> str:
    """The subject of the last «قالت/أعلنت X على موقعها/صفحتها» before offset `start` of
    `paragraph` (or in the paragraph before); "" when none is written."""
    for _, text in texts_before(paragraphs, paragraph, start, backward=True, depth=2):
        toks = tokens(text)
        for k in range(len(toks) - 1, 1, -1):
            if toks[k].norm not in _PAGES or toks[k - 1].norm not in _ON:
                continue
            for m in range(k - 2, max(-1, k - 2 - _REACH), -1):
                if cue_of(toks[m].raw)[1] is None and strip_conj(toks[m].norm) != "نشرت":
                    continue
                name, j = subject(toks, m + 1, k - 1)
                if name and j == k - 1 and plausible_speaker(name):
                    return name
                break
    return ""
