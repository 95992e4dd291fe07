"""A title's country after «في», then the name (QA50 E9, F35).

«وشدد الممثل المقيم لأنشطة الأمم المتحدة في سوريا علي الزعتري في بيان …» was shown «الممثل
المقيم لأنشطة الأمم المتحدة»: the subject stops at «في», and digests.apposed_names.placed_name
reads a place of definite words only («في التجارة الدولية»). A country written without «ال»
(«سوريا», «لبنان») may be that place when a name of two or three words follows it and the name is
closed at once by where it was said («في بيان», «خلال», «أمام»), a comma or the statement. The
country stays with the title («… في سوريا علي الزعتري»): it says where the title is held. Pure function of tokens (digests.speakers).
"""

from __future__ import annotations

from digests.apposed_names import _name_word, _statement_at, title_word
from digests.event_frame import PLACES
from digests.speaker_words import Tok, ali_before_name
from digests.speech import fold, is_complementizer


# Words that open where a statement was made, closing the name before them. Folded.
_SETTINGS = frozenset("في خلال امام لدي عبر اثناء".split())


def country_placed_name(toks: list[Tok], i: int, j: int, limit: int) -> tuple[int, int]:
    """(where «في COUNTRY NAME» starts, where the name ends) after a title, or (0, 0).

    `toks[i:j]` is the subject read, a title, stopped at «في» (token `j`)."""
    if (not (i < j < limit - 3) or toks[j].norm != "في" or toks[j - 1].raw[-1] in "،,:.;؛"
            or not title_word(toks[i])):
        return 0, 0
    place = toks[j + 1]
    if place.norm.startswith("ال") or fold(place.norm) not in PLACES or not place.raw[-1].isalpha():
        return 0, 0
    first = j + 2
    for e in range(first, min(limit, first + 3)):
        # «علي» written with «ي» before a name word opens a name (Ali); other stop words end it
        if not (_name_word(toks, e, limit)
                or (e == first and ali_before_name(toks, e, limit, surname=True))):
            return 0, 0
        if e == first and toks[e].norm.startswith("ال"):
            return 0, 0
        if e == first:
            continue
        closed = toks[e].raw[-1] in "،,:"
        nxt = e + 1
        if closed or (nxt < limit and (toks[nxt].norm in _SETTINGS or _statement_at(toks, nxt, limit)
                                       or is_complementizer(toks[nxt].norm))):
            return j, e + 1
    return 0, 0
