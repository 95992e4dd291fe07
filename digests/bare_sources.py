"""A bare «المصدر» credited with a quote: the source the article described before (brief F20).

Reports name an unnamed source once, indefinite — «وقال مصدر أمني بوزارة الداخلية إن …»,
«كشف مصدر رسمي في التحالف العربي عن …», «حسبما قال مصدر مطلع» — then write «وأضاف المصدر أن
…». A compact digest shows one quote out of its article, where «— المصدر» says nothing;
`described_source` gives the last description written before the quote. It reads strictly: the
word «مصدر» (or «المصدر» with its own description, «المصدر الرئاسي الفرنسي»), then adjectives
(«أمني», «مسؤول», «مطلع») and at most one prepositional phrase («في التحالف العربي», «بوزارة
الداخلية», «قريب من التحقيق»); a source that is only «مصدر» or a plural («مصادر مطلعة») leaves
«المصدر» as written. Pure functions of the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speech import fold
from digests.texts_before import texts_before

# Adjectives of an unnamed source that are not relative adjectives («أمني» is). Folded.
_ADJECTIVES = frozenset(
    "مسؤول مسئول مطلع رسمي مقرب قريب موثوق رفيع كبير بارز داخلي خاص وثيق عليم عام عامه"
    " اعلي المستوي".split())  # («رفيع المستوى», «القيادة العامة», «المجلس الأعلى»)
# Prepositions that start the source's place («في التحالف», «من المجلس», «مطلع على التحقيق»).
_PREPOSITIONS = frozenset("في من علي داخل لدي ضمن".split())  # folded (ى→ي)
# Glued prepositions of a place («بوزارة الداخلية», «بالتحالف العربي»).
_GLUED = ("ب",)
# Words that end a description whatever follows (relative pronouns, particles). Folded.
_STOPS = frozenset("الذي التي ان انه انها بان عن نفسه ذاته".split())
_MAX_WORDS = 7
# An unnamed official who may be «the source» a later «وتابع المصدر» means. Folded. (Not
# speech.OFFICIALS: «مسئول» is spelled here too, and «مسؤولة» is not read.)
_OFFICIALS = frozenset("مسؤول مسئول".split())


def _clean(word: str) -> str:
    return fold(word.rstrip("،,.:؛\"”»"))


def _ends(word: str) -> bool:
    """The word closes a clause (a comma or a full stop after it)."""
    return word.endswith(("،", ",", ".", ":", "؛"))


def _adjective(norm: str) -> bool:
    """An indefinite adjective of a source («أمني», «مصري», «مسؤول»)."""
    if norm in _ADJECTIVES:
        return True
    return not norm.startswith(("ال", "و", "ل")) and norm.endswith("ي") and len(norm) >= 4


def _definite_adjective(norm: str) -> bool:
    """A definite relative adjective («الرئاسي», «الفرنسي») or «المسؤول»/«المطلع»."""
    return norm.startswith("ال") and (
        norm[2:] in _ADJECTIVES or (norm.endswith(("ي", "يه")) and len(norm) >= 5))


def _place(words: list[str], n: int) -> int:
    """The end of a prepositional phrase at `n` («في التحالف العربي», «بوزارة الداخلية»,
    «من التحقيق»): the preposition, a definite noun (or an indefinite one and its definite
    genitive), then relative adjectives; `n` when none is read."""
    if n >= len(words):
        return n
    norm = _clean(words[n])
    if norm in _PREPOSITIONS and not _ends(words[n]):
        head = n + 1
        if head >= len(words):
            return n
        noun = _clean(words[head])
    elif norm.startswith(_GLUED) and len(norm) > 3:
        head, noun = n, norm[1:]
    else:
        return n
    if noun in _STOPS or noun.startswith(("لل", "ل")) and not noun.startswith("ال"):
        return n
    end = head + 1
    if not noun.startswith("ال"):
        # an indefinite head needs its definite genitive («بوزارة الداخلية», «في مكتب الرئيس»)
        if _ends(words[head]) or end >= len(words) or not _clean(words[end]).startswith("ال"):
            return n
        end += 1
    while end < len(words) and not _ends(words[end - 1]) and _definite_adjective(
            _clean(words[end])):
        end += 1
    return end


def _description(words: list[str], m: int) -> str:
    """The source described at `m` («مصدر أمني بوزارة الداخلية», «المصدر الرئاسي الفرنسي»);
    "" when the word there describes nobody («مصدر قلق», «المصدر» alone, «المصدر نفسه»)."""
    definite = _clean(words[m]).endswith("المصدر")
    is_adjective = _definite_adjective if definite else _adjective
    n = m + 1
    while n < len(words) and not _ends(words[n - 1]) and is_adjective(_clean(words[n])):
        n += 1
    if not _ends(words[n - 1]):
        n = _place(words, n)
    if n == m + 1 or n - m > _MAX_WORDS:
        return ""
    # (the head without a glued conjunction or preposition: «ومصدر», «لمصدر»)
    return " ".join(["المصدر" if definite else "مصدر", *words[m + 1:n]]).rstrip("،,.:؛")


def _mention(norm: str) -> str:
    """"one" for «مصدر»/«المصدر» (with a glued conjunction or preposition), "many" for a plural
    source («مصادر»), "" otherwise."""
    for base, kind in (("مصدر", "one"), ("المصدر", "one"), ("مصادر", "many"),
                       ("المصادر", "many")):
        if norm == base or (norm.endswith(base) and len(norm) - len(base) <= 2
                            and all(ch in "وفلب" for ch in norm[: len(norm) - len(base)])):
            return kind
    return ""


def _official(words: list[str], m: int) -> bool:
    """Word `m` is an unnamed official of his own («مسؤول عسكري», «ومسؤول في …»), not a
    source's adjective («مصدر مسؤول», «مصدر إماراتي مسؤول», «مصدر حوثي مسؤول»)."""
    norm = _clean(words[m])
    if norm.lstrip("و") not in _OFFICIALS:
        return False
    return not any(_mention(_clean(words[x])) for x in range(max(0, m - 3), m))


def described_source(paragraphs: Sequence[str], paragraph: int, start: int) -> str:
    """The last unnamed source described before `start` of `paragraphs[paragraph]` (see the
    module's docstring); "" when the last one written is a plural or not read strictly. A bare
    «وأضاف المصدر» before is passed over: it is the same source."""
    for _, text in texts_before(paragraphs, paragraph, start, backward=True):
        words = text.split()
        for m in range(len(words) - 1, -1, -1):
            kind = _mention(_clean(words[m]))
            if not kind:
                if _official(words, m):
                    # «بحسب ما أعلن مسؤول عسكري رفيع. وتابع المصدر أن …» (F36, seed 34, 1326):
                    # an unnamed official named since may be «the source»; not an earlier one.
                    return ""
                continue
            if kind == "many":
                return ""
            found = _description(words, m)
            if found:
                return found
            if not _clean(words[m]).endswith("المصدر"):
                after = _clean(words[m + 1]) if m + 1 < len(words) else ""
                if after in ("قلق", "رزق", "دخل", "تهديد", "الهام") or after.startswith("ال"):
                    continue  # «مصدر قلق», «مصدر الدخل»: no source of news
                return ""  # an indefinite source not read strictly: an earlier one is not meant
    return ""
