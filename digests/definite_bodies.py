"""A bare «الهيئة», «اللجنة», «المجلس», «المنظمة» that the article named definite before.

digests.bare_bodies gives a bare body the last one of its kind named with an indefinite head
(«هيئة الإذاعة البريطانية», «لجنة الانتخابات المركزية»). An article may name it definite
instead: «أصدرت الهيئة الوطنية العليا للمساءلة والعدالة في العراق …» then «وقالت الهيئة في
بيان: "…"» (seed 27, 2887: «— الهيئة»). `definite_name` reads that name — the head and the
definite words joined to it («الوطنية», «العليا», «للمساءلة», «والعدالة») — when every such
mention before the quote names the same body; two bodies of the kind («المحكمة الدستورية
العليا … المحكمة الإدارية») leave the word bare, as F24 did. Pure functions of the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speech import fold
from digests.texts_before import texts_before

# Bare bodies that may take a definite name written before (folded, with «ال»).
# F28 (seed 29, 5851): «قالت السفارة الصينية في واشنطن إن …» then «وأضافت السفارة قائلة».
DEFINITE_BODIES = frozenset("الهيئه اللجنه المجلس المنظمه المحكمه السفاره".split())
_GLUED = ("و", "ف", "ل", "ب", "ول", "وب")
_MAX_WORDS = 7  # words of the name after the head
_PUNCT = "،,.:;؛"


# Words in «ال» that are no part of a name: relatives, «إلى» folded, «الآن». Folded.
_NOT_JOINED = frozenset("التي الذي الذين اللذين اللتين اللواتي الي الا الان".split())


def _joined(word: str) -> bool:
    """A word that continues a definite name: «الوطنية», «للمساءلة», «والعدالة» (folded)."""
    if word in _NOT_JOINED or word.removeprefix("و") in _NOT_JOINED:
        return False
    return (word.startswith(("ال", "لل")) or (word.startswith("وال") and len(word) > 5)
            or word in _CONSTRUCT)


# «لشؤون» (folded): a genitive glued to «ل» that names the field («الهيئة العامة لشؤون
# الزراعة»). Words a cut name ends in («اللجنة المكلفة» [بالتفاوض]). Folded.
_CONSTRUCT = frozenset("لشؤون لشئون وشؤون".split())
_CUT_ENDS = frozenset("المكلف المكلفه الصادر الصادره".split())


def _joins(last: str, word: str) -> bool:
    """`word` continues a name ending in `last`. After a genitive («للرياضة») only «والـ…» or an
    adjective does: in «أيدت اللجنة الوطنية للرياضة القرار» «القرار» is the verb's object."""
    norm = fold(word.rstrip(_PUNCT))
    if not _joined(norm):
        return False
    return not (fold(last).startswith("لل") and norm.startswith("ال")
                and not norm.endswith(("ي", "يه")))


def _names(text: str, head: str) -> list[str]:
    """Every definite name of `head` («الهيئه») written in `text` with a word of its own."""
    words = text.split()
    out: list[str] = []
    for m, w in enumerate(words[:-1]):
        norm = fold(w)
        if (norm != head and not any(norm == p + head for p in _GLUED)) or w[-1:] in _PUNCT:
            continue
        name = [w[len(w) - len(head):] if norm != head else w]
        n = m + 1
        while n < len(words) and n - m <= _MAX_WORDS and _joins(name[-1], words[n]):
            name.append(words[n].rstrip(_PUNCT))
            if words[n][-1:] in _PUNCT:
                break
            n += 1
            if (n + 1 < len(words) and fold(name[-1]).startswith("لل") and words[n] == "على"
                    and fold(words[n + 1]).startswith("ال")):
                # «اللجنة السعودية للرقابة على المنشطات»: the field's own complement
                name.append(words[n])
                n += 1
        if len(name) >= 2:
            out.append(" ".join(name))  # (a cut name counts as a body, never given: below)
    return out


def _indefinite(norm: str, head: str) -> bool:
    """«لجنة», «ولجنة», «للجنة»: the head written indefinite (folded, without «ال»)."""
    return norm == head or any(norm == p + head for p in _GLUED)


def definite_name(paragraphs: Sequence[str], paragraph: int, start: int, head: str) -> str:
    """The one definite name of `head` written before offset `start` of paragraph
    `paragraph`; "" when none is written or when two differ."""
    names: list[str] = []
    for _, text in texts_before(paragraphs, paragraph, start):
        # «قالت #الهيئة_العامة_للطيران_المدني السعودية» (seed 29, 1141: «— الهيئة»): a hashtag
        # is read as the words it joins
        text = text.replace("_", " ").replace("#", "")
        names += _names(text, head)
        if any(_indefinite(fold(w.rstrip(_PUNCT)), head[2:]) for w in text.split()):
            # «رفضت اللجنة الأولمبية الدولية قرار لجنة الانضباط …، ورأت اللجنة» (F24's
            # guard): an indefinite body of the kind is named too; which one is not written
            return ""
    if not names or len({fold(n) for n in names}) > 1 or fold(names[-1].split()[-1]) in _CUT_ENDS:
        return ""
    return names[-1]
