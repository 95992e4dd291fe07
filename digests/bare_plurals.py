"""A bare definite plural credited with a quote («— المحققون»): the group an earlier quote named.

«قال محققون تابعون للأمم المتحدة، الخميس، إن …» then «وذكر المحققون في تقرير أن …» (F26's
left, 4439): the digest showed «بحسب المحققين», whose «the» points back to a group a reader of
one line never saw. `named_plural` gives the last earlier speaker that is the same plural,
indefinite, with its description («محققون تابعون للأمم المتحدة»). Only a sound plural of people
in «ون/ين» («المحققون», «المسؤولين»); a speaker seen before in another plural leaves the word
bare. Pure function of the candidates already read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.speech import fold

if TYPE_CHECKING:
    from digests.quotes import Candidate

_ENDS = ("ون", "ين")


def _stem(word: str) -> str:
    """«محققون», «المحققين» → «محقق» (folded, without «ال»); "" for no sound plural."""
    norm = fold(word).removeprefix("ال")
    if len(norm) < 5 or not norm.endswith(_ENDS):
        return ""
    return norm[:-2]


def is_bare_plural(speaker: str) -> bool:
    """«المحققون», «المسؤولين»: one definite word, a sound plural."""
    words = speaker.split()
    return len(words) == 1 and fold(speaker).startswith("ال") and bool(_stem(speaker))


def named_plural(prior: Sequence[Candidate], speaker: str) -> str:
    """The last earlier speaker that is `speaker`'s plural written indefinite with more words
    («محققون تابعون للأمم المتحدة»); "" when none was."""
    stem = _stem(speaker)
    for c in reversed(prior):
        words = c.speaker.split()
        if (len(words) >= 2 and not fold(words[0]).startswith("ال")
                and _stem(words[0]) == stem):
            return c.speaker
    return ""
