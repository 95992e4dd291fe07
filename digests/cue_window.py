"""The words of a sentence that may be speech cues: the sentence's tokens outside quote marks.

A verb inside quote marks is the quoted voice's words, not a cue. Straight quotes are paired as
written, and a pair the writer left unclosed (the marks open or close against a word) is not
trusted to hold speech. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digests.speakers import Tok


@dataclass(frozen=True)
class Window:
    """The tokens of one sentence outside quote marks, and the spans that hold direct speech."""

    toks: list[Tok]
    first: int  # first token of the sentence
    last: int  # one past its last token
    speech: Sequence[tuple[int, int]]
    quoted: frozenset[int] = frozenset()  # tokens inside quote marks mid-sentence: never cues


def _well_paired(para: str, a: int, b: int) -> bool:
    """The marks around para[a:b] open and close it as written (guillemets always do).

    A straight quote the writer forgot to close («بأنه "هتلر …، وقال إنه "يريد …"») pairs the
    wrong marks: the span's closing mark then stands before a word, or its opening mark after
    one, and the words between are the writer's.
    """
    if not para or a == 0 or para[a - 1] == "«":
        return True
    opens_wrong = a < len(para) and para[a].isspace() and a >= 2 and not para[a - 2].isspace()
    closes_wrong = (0 < b < len(para) - 1 and para[b - 1].isspace()
                    and para[b + 1].isalnum())
    return not (opens_wrong or closes_wrong)


def _in_marks(t: Tok, spans: Sequence[tuple[int, int]]) -> bool:
    """The word is inside quote marks, after their first word.

    The first word glued to the opening mark may still be a cue: in «أن غوتيريس "يدين بشدة …"»
    the quoted verb is what the subject before it said.
    """
    return any(a <= t.start < b for a, b in spans)


def cue_window(toks: list[Tok], sent: tuple[int, int], spans: Sequence[tuple[int, int]],
               speech: Sequence[tuple[int, int]], para: str = "") -> Window | None:
    """The sentence's tokens as a window; None when every word of it is inside quote marks."""
    s0, s1 = sent
    inside = [k for k, t in enumerate(toks) if t.start >= s0 and t.end <= s1]
    here = [sp for sp in spans if sp[0] < s1 and sp[1] > s0]
    paired = [sp for sp in here if _well_paired(para, *sp)]
    quoted = frozenset(k for k in inside if _in_marks(toks[k], paired)) if paired else frozenset()
    idx = [k for k in inside if not any(a <= toks[k].start < b for a, b in here)]
    if not idx:
        return None
    return Window(toks, idx[0], idx[-1] + 1, speech, quoted)
