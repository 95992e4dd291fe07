"""Counts written in words read as figures: «ثلاثين يوما» is «30 يوما» (brief S27; pure).

The story vector (digests.similarity) keys every word by digests.arabic.analyze, so one report's
«ثلاثين يوما» and another's «30 يوما» share no key, nor «أربعة أهداف» and «4 أهداف» (the analyzer
keeps the figure «4» but content_keys drops one-letter keys). `count_keys` gives a text's keys
with each count written in words replaced by its figure:

- units 1–10 in both genders and cases («ثلاث», «ثلاثة», «اثنين», «اثنتان»), 11–19 («أحد عشر»,
  «خمسة عشر»), the tens («ثلاثون», «ثلاثين»), «خمسة وعشرون» (25), the hundreds («مئة»,
  «مئتين», «ثلاثمائة», «ثلاث مئة») and their sums («مئة وخمسون»);
- the proclitics و ف ب ل and the article («الثلاثة»: «the three» is still three);
- a match score in words after «ب» («بسداسية» is 6; bare «ثلاثية» is as often «trilateral»).

Left as they are: scale words («ألف», «آلاف», «مليون»: «3 آلاف» and «ثلاثة آلاف» already share
the scale's key once the 3 is a figure), ordinals («الثالث»), «عشرات» (dozens: no figure),
«أحد/إحدى» alone («أحد الجنود»: one of the soldiers), the percent «بالمئة», and weekdays
(«الثلاثاء», «الأربعاء» are other words). The analyzer's own keys are kept for every other word:
the output has one key per word of arabic.normalized_words, "" for the words a compound ate.

Measured, not adopted (session 21, benchmarks/README «Session 21 (brief S27)»): keyed alike, the
shared counts moved the stored stories by −2 same pairs and −1 wrong join on 24 folds; only
digests.similarity.COUNT_KEYS (off) calls this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests import arabic

__all__ = ["UNITS", "count_keys", "value_of"]

# normalized (digests.arabic.normalize: أ→ا, ة→ه, ى→ي) unit words; «احد/احدي» only in 11
UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثنتين": 2, "ثنتان": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
_TEEN_UNITS: dict[str, int] = {**{k: v for k, v in UNITS.items() if v < 10},
                               "احد": 1, "احدي": 1, "اثنا": 2, "اثنتا": 2}
_TENS: dict[str, int] = {
    f"{stem}{end}": value
    for stem, value in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60),
                        ("سبع", 70), ("ثمان", 80), ("تسع", 90))
    for end in ("ون", "ين")
}
_HUNDREDS: dict[str, int] = {"مئه": 100, "مائه": 100, "مئتين": 200, "مئتان": 200,
                             "مائتين": 200, "مائتان": 200}
for _unit, _value in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                      ("ثمان", 8), ("ثماني", 8), ("تسع", 9)):
    _HUNDREDS[f"{_unit}مئه"] = _HUNDREDS[f"{_unit}مائه"] = 100 * _value
# «فاز بسداسية»: goals in a score word, only after «ب»
_SCORE_WORDS: dict[str, int] = {"ثنائيه": 2, "ثلاثيه": 3, "رباعيه": 4, "خماسيه": 5,
                                "سداسيه": 6, "سباعيه": 7, "ثمانيه": 8}
_MONDAY = frozenset({"اثنين", "اثنان"})  # «الاثنين» is Monday far more often than «the two»
_CLITICS = ("وال", "فال", "بال", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل")


def _bare(word: str, table: dict[str, int], clitics: bool = True) -> tuple[int, str] | None:
    """(value, clitic) of `word` in `table`, as written or after one proclitic, else None.
    «ل» needs a longer rest («لست» is «I am not»); the article never goes with the hundreds
    («بالمئة» is a percent, «المئة» the hundred) nor with «اثنين» («يوم الاثنين»: Monday)."""
    if word in table:
        return table[word], ""
    for clitic in _CLITICS if clitics else ():
        rest = word[len(clitic):]
        if word.startswith(clitic) and rest in table:
            if clitic in ("ل", "ول") and len(rest) < 4:
                continue
            if clitic.endswith(("ال", "لل")) and (table is _HUNDREDS or rest in _MONDAY):
                continue
            return table[rest], clitic
    return None


def _simple(words: Sequence[str], i: int, clitics: bool = True) -> tuple[int, int, str] | None:
    """(value, words read, kind) of one number at words[i:]: a score word, hundreds, a teen
    (two words), a unit, «ثلاث مئة» (two words) or tens; None if words[i] is none of them."""
    word = words[i]
    score = _bare(word, _SCORE_WORDS, clitics)
    if score and score[1] in ("ب", "وب", "فب"):
        return score[0], 1, "score"
    if (found := _bare(word, _HUNDREDS, clitics)) is not None:
        return found[0], 1, "hundreds"
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if nxt in ("عشر", "عشره") and (teen := _bare(word, _TEEN_UNITS, clitics)) is not None:
        return 10 + teen[0], 2, "teen"
    if (unit := _bare(word, UNITS, clitics)) is not None:
        if unit[0] < 10 and nxt in ("مئه", "مائه"):
            return 100 * unit[0], 2, "hundreds"   # «ثلاث مئة»
        return unit[0], 1, "unit"
    if (tens := _bare(word, _TENS, clitics)) is not None:
        return tens[0], 1, "tens"
    return None


def _joined(words: Sequence[str], i: int) -> tuple[int, int, str] | None:
    """The number «و»-joined at words[i] («وعشرين», «وخمسة»), read without other clitics."""
    if i >= len(words) or not words[i].startswith("و") or len(words[i]) < 3:
        return None
    return _simple([words[i][1:], *words[i + 1:i + 2]], 0, clitics=False)


def value_of(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """(value, words read) of the count written in words at normalized words[i:], else None:
    «خمسة وعشرون» (a unit and its tens), «مئة وخمسون», «ثلاثمائة وخمسة وعشرين» (hundreds and
    what is under 100 after them)."""
    if i >= len(words) or (first := _simple(words, i)) is None:
        return None
    value, n, kind = first
    if kind == "unit" and value < 10:
        more = _joined(words, i + n)
        if more and more[2] == "tens":
            value, n = value + more[0], n + more[1]
    elif kind == "hundreds":
        more = _joined(words, i + n)
        if more and more[2] in ("unit", "teen", "tens"):
            value, n = value + more[0], n + more[1]
            if more[2] == "unit" and more[0] < 10:
                tens = _joined(words, i + n)
                if tens and tens[2] == "tens":
                    value, n = value + tens[0], n + tens[1]
    return value, n


def count_keys(text: str, small: bool = True) -> list[str]:
    """The analyzer's keys of `text` (one per normalized word), each count written in words
    keyed as its figure («ثلاثين» → «30»; a compound's later words → ""). With `small` False,
    counts under 10 keep their words' keys (only 10 or more become figures)."""
    words = list(arabic.normalized_words(text))
    keys = arabic.analyze(text)
    if len(keys) != len(words):  # one key a word by construction; never mix two segmentations
        return keys
    i = 0
    while i < len(words):
        found = value_of(words, i)
        if found is None or (not small and found[0] < 10):
            i += 1
            continue
        value, n = found
        keys[i] = str(value)
        for j in range(i + 1, i + n):
            keys[j] = ""
        i += n
    return keys
