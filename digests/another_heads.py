"""A bare «آخر» credited with a quote: «another» of the one the quote before was credited to.

«غرد شاب قائلا "…". في حين قال آخر …» and «وعلق أحد المستخدمين "…"، بينما أضاف آخر "…"»: the
finder keeps «آخر» as written (tests/test_f18_speakers, tests/test_quotes: only an indefinite head
named last in its own sentence, «مسؤول أميركي … قال آخر», is borrowed there, by
digests.speech_cues). A digest shows one quote out of its article, where «— آخر» names nobody (F26's
and F27's left). `another_of` gives it the head of the quote read just before it: «شاب آخر»
from «شاب», «مستخدم آخر» from «أحد المستخدمين» (a sound plural's singular). With no such head
(«وكتب البعض …، وأضاف آخر:», «الوزير»: a definite head is one person) the word stays as written:
no line is dropped for it. Pure function of the candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.speech import fold

if TYPE_CHECKING:
    from digests.quotes import Candidate

# People one of many can be, written indefinite («شاب», «مغرد»). Folded.
_PEOPLE = frozenset(
    "شاب شابه رجل امراه مغرد مغرده مستخدم مستخدمه مواطن مواطنه طالب طالبه متظاهر متظاهره"
    " ناشط ناشطه مشجع مشجعه معلق معلقه مسؤول مصدر شاهد مسافر مسافره ساكن ساكنه".split())


def _singular(plural: str) -> str:
    """«المستخدمين» → «مستخدم», «المشجعون» → «مشجع» (sound masculine plurals, raw); "" else."""
    word = plural.removeprefix("ال")
    if not plural.startswith("ال") or not word.endswith(("ين", "ون")) or len(word) < 5:
        return ""
    single = word[:-2]
    return single if fold(single) in _PEOPLE else ""


def another_of(prior: Sequence[Candidate], speaker: str) -> str:
    """«HEAD آخر» for a bare «آخر» after a quote credited to «HEAD» or «أحد HEADـين»; ""."""
    if fold(speaker) != "اخر" or not prior:
        return ""
    words = prior[-1].speaker.split()
    if len(words) == 1 and fold(words[0]) in _PEOPLE:
        return f"{words[0]} {speaker}"
    if len(words) == 2 and fold(words[0]) == "احد":
        single = _singular(words[1])
        return f"{single} {speaker}" if single else ""
    return ""
