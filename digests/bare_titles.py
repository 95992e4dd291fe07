"""A bare trade credited with a quote («— الممثل», «— المخرجة»): the person the article named by
that trade before (QA25 E6).

«توصل الممثل هيو غرانت إلى تسوية …» then «وقال الممثل إن …»: the digest showed «الممثل», a
back-reference a reader of one quote cannot follow. `named_trade` finds the last «الممثل هيو
غرانت» written before the quote (the trade, its relative adjectives, then the name) and gives
that whole phrase. Only the trades of `digests.speech.TRADES` (actor, director, writer, singer
…): a bare «الرجل» or «المرأة» names nobody the article titled. Pure function of the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speech import EDGE_PUNCT, OBJECT_PRONOUNS, STOP, TRADES, cue_of, fold
from digests.texts_before import texts_before

_LEADS = ("", "و", "ل", "ب", "ف")  # glued before «ال»: «والممثل», «للممثل» is «ل» + «لممثل»


def is_bare_trade(speaker: str) -> bool:
    """«الممثل», «الفنّانة»: one definite word of a trade."""
    words = speaker.split()
    norm = fold(speaker)
    return len(words) == 1 and norm.startswith("ال") and norm[2:] in TRADES


def _trade_at(word: str, trade: str) -> bool:
    norm = fold(word)
    return any(norm == lead + "ال" + trade for lead in _LEADS) or norm == "لل" + trade


def _name_word(raw: str) -> bool:
    """A word that may be part of a name: not definite, no stop word, no speech verb, no object
    pronoun («جمهورها», «استئنافها») nor accusative («حداً»)."""
    norm = fold(raw)
    bare = raw.rstrip("،,.:")
    return (len(norm) > 1 and not norm.startswith("ال") and norm not in STOP
            and not norm.isdigit() and cue_of(raw)[1] is None and raw[0] not in "\"“”«»("
            and not norm.endswith(("ها", "هم", "هما")) and not bare.endswith(("اً", "ً"))
            and not norm.startswith("وو")  # «ووجه له سؤالا»: «and he addressed»
            and not (norm.endswith("ون") and norm.startswith(("ي", "ت", "سي", "ست"))))


def _boundary(raw: str) -> bool:
    """A word a name ends before: a stop word, a definite word, one glued to «ل/ب» («لصنع»,
    «بالجائزة»: not «و», which opens names such as «واتسون»), a speech verb."""
    norm = fold(raw)
    return (norm in STOP or norm.startswith("ال") or cue_of(raw)[1] is not None
            or (len(norm) > 3 and norm[0] in "لب") or raw[0] in "\"“”«»(")


def _nisba(raw: str) -> bool:
    norm = fold(raw.rstrip("،,.:"))
    return norm.startswith("ال") and norm.endswith(("ي", "يه")) and len(norm) >= 5


def _phrase(words: list[str], m: int, speaker: str) -> str:
    """«الممثل [الأمريكي] هيو غرانت» from the trade word at `m`; "" without a name after it."""
    n = m + 1
    while n < len(words) and words[n - 1][-1] not in "،,.:" and _nisba(words[n]):
        n += 1  # «المخرجة الفرنسية …»
    if words[n - 1][-1] in "،,.:":
        return ""
    start = n
    # a name of two words (first and last name) closed by punctuation, the paragraph's end or
    # a word no name goes on with (a verb's «له» after it says the two words were a verb's);
    # one word only when punctuation or the end closes it
    for size in (2, 1):
        n = start + size
        if n > len(words) or not all(_name_word(w) for w in words[start:n]):
            continue
        if any(w[-1] in "،,.:" for w in words[start:n - 1]):
            continue
        if words[n - 1][-1] in "،,.:" or n == len(words) or (
                size == 2 and _boundary(words[n]) and fold(words[n]) not in OBJECT_PRONOUNS):
            break
    else:
        return ""
    # the trade as the quote's speaker wrote it, then the adjectives and the name
    return " ".join([speaker, *words[m + 1:n]]).strip(EDGE_PUNCT + " ")


def named_trade(paragraphs: Sequence[str], paragraph: int, start: int, speaker: str) -> str:
    """The last «TRADE NAME» written before offset `start` of `paragraph` for the bare
    `speaker`'s trade; "" when the article titled nobody so."""
    trade = fold(speaker)[2:]
    for _, text in texts_before(paragraphs, paragraph, start, backward=True):
        words = text.split()
        for m in range(len(words) - 1, -1, -1):
            if _trade_at(words[m], trade):
                found = _phrase(words, m, speaker)
                if found:
                    return found
    return ""
