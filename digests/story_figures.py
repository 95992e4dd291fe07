"""A report's figures with their unit words: what a toll, a count of people or a sum is (pure;
QA71-2, QA71-3).

digests.story_outcomes reads a figure as a bare number beside a toll word of the headline, so
two things were never told:

- a same-story report whose *lead* gives the toll («… ارتفاع حصيلة القتلى إلى 28 مدنياً،
  إضافة إلى أكثر من 200 مصاب …») under a headline told in words («وابل القصف … يحصد المزيد من
  الأرواح»): `new_lead_figure` says whether the lead's toll (the dead, the hurt) is higher than
  any the chat's headlines and leads gave of it — a higher count, not any count, so another
  source's retelling of the same or an older, lower figure stays no update;
- a site correcting a count of people or a sum in place («57 حافلة تقل أكثر من 3000 شخص» →
  «… 80 حافلة … 5000 شخص»): `changed_figure` says whether a count of people (the dead, the hurt,
  evacuees, detainees, fighters …) or a sum of money changed — not any number (the buses, a
  date, an hour, an age).

A figure is a number followed by its unit word, after a multiplier («3 آلاف شخص» is 3000 people,
«100 مليون دولار» a sum) and «من» («10 من الجنود»); words are read normalized
(digests.arabic.normalize), a و/ب/ل/ال prefix dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digests.arabic import normalize, sentences

# Arabic-Indic digits, and the Arabic decimal separator «٫» as a point
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")
# A thousands separator («1,200», «٣٬٠٠٠»: three digits after it) goes; any other comma is a
# decimal one («2,5 مليون»). Read as a point, «1,200» was 1.2 (a toll rising past a thousand
# was no update) and «3,000» told as a correction of «3000».
_THOUSANDS = re.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")
_TOKENS = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d]+")


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# The dead: a count beside these is a death toll
DEAD = _forms("قتيلا قتيل قتلى ضحية ضحايا جثة جثث وفاة وفيات")
# The hurt
HURT = _forms("جريحا جريح جرحى مصابا مصاب مصابين مصابون اصابة اصابات")
# People counted: the dead's count when the sentence tells deaths (`lead_tolls`), and what a
# correction of a count of people is about (`changed_figure`)
PEOPLE = _forms(
    "شخص شخصا اشخاص مدني مدنيا مدنيين مدنيون طفل طفلا اطفال امراة نساء رجل رجلا رجال "
    "نازح نازحا نازحين نازحون مهجر مهجرا مهجرين لاجئ لاجئا لاجئين لاجئون مهاجر مهاجرا "
    "مهاجرين معتقل معتقلا معتقلين سجين سجينا سجناء اسير اسيرا اسرى رهينة رهائن مقاتل "
    "مقاتلا مقاتلين مسلح مسلحا مسلحين جندي جنديا جنود عسكريا عسكريين عنصرا عناصر "
    "مواطن مواطنا مواطنين ساكن نسمة عائلة عائلات اسرة اسر طالب طالبا طلاب عامل عاملا عمال "
    "متظاهر متظاهرا متظاهرين محتج محتجا محتجين ناخب ناخبا ناخبين موظف موظفا موظفين "
    "حاج حاجا حجاج مصل مصليا مصلين زائر زائرا زوار سائح سائحا سياح")
# Money: a count of these (after a multiplier or not) is a sum
MONEY = _forms("دولار دولارا دولارات يورو جنيه جنيها جنيهات ريال ريالا ريالات درهم درهما "
               "دراهم دينار دينارا دنانير ليرة ليرات روبل ين يوان فرنك استرليني")
_MULTIPLIERS = {**dict.fromkeys(_forms("الف الاف آلاف"), 1_000),
                **dict.fromkeys(_forms("مليون ملايين"), 1_000_000),
                **dict.fromkeys(_forms("مليار مليارات بليون"), 1_000_000_000)}
# A sentence tells deaths (its bare counts of people are the dead): these, or DEAD's
_KILLED = _forms("قتل قتلت يقتل تقتل مقتل مصرع حصيلة الحصيلة لقي لقوا حتفهم حتفه توفي "
                 "وفاة ارتفاع سقوط سقط")
_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")

Figure = tuple[str, float]  # (kind: dead, hurt, people, money; the value)


def _bare(word: str) -> set[str]:
    """`word` and its forms without a prefix («والقتلى» → «القتلى», «قتلى»)."""
    out = {word}
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            out.add(word[len(p):])
    return out


def _kind(word: str) -> str | None:
    forms = _bare(word)
    for kind, vocabulary in (("dead", DEAD), ("hurt", HURT), ("money", MONEY),
                             ("people", PEOPLE)):
        if forms & vocabulary:
            return kind
    return None


_DEATH_NOUNS = _forms("مقتل مصرع وفاة")
_HURT_NOUNS = _forms("اصابة اصابات جرح")


def _before(word: str) -> str | None:
    """The kind of a count a noun before it gives: «مقتل 28» the dead, «إصابة 150» the hurt."""
    forms = _bare(word)
    return "dead" if forms & _DEATH_NOUNS else "hurt" if forms & _HURT_NOUNS else None


def figures(text: str) -> set[Figure]:
    """The figures of `text`: (kind, value) of each number followed by a unit word of a kind
    (after a multiplier and «من»), or preceded by a noun of death or injury («مقتل 28»). A
    number whose unit is none of them (buses, hours, years) gives none."""
    digits = _THOUSANDS.sub("", (text or "").translate(_ARABIC_DIGITS))
    tokens = _TOKENS.findall(normalize(digits))
    out: set[Figure] = set()
    for i, tok in enumerate(tokens):
        if not tok[:1].isdigit():
            continue
        try:
            value = float(tok.replace(",", "."))
        except ValueError:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j] in _MULTIPLIERS:
            value *= _MULTIPLIERS[tokens[j]]
            j += 1
            if j >= len(tokens) or _kind(tokens[j]) is None:
                continue  # «100 مليار» alone: a sum of what, or a count of what, unsaid
        if j < len(tokens) and tokens[j] == "من":
            j += 1
        kind = _kind(tokens[j]) if j < len(tokens) else None
        if kind is None and i > 0:  # the noun first: «مقتل 28», «وإصابة 150»
            kind = _before(tokens[i - 1])
        if kind is not None:
            out.add((kind, value))
    return out


def lead_sentence(text: str) -> str:
    """A report's lead: the first sentence of its body (only the first 600 characters are
    read, as digests.leads does)."""
    return next(iter(sentences((text or "")[:600])), "")


# Where a clause ends: a semicolon, or a conjunction that opens another event («فيما نزح 5000
# مدني» after «قتل 3 جنود»). Not a comma: «قتل، الأربعاء، 12 شخصا» is one clause.
_CLAUSES = re.compile(r"[؛;]|\b(?:فيما|بينما|في حين)\b")


def tolls(text: str) -> dict[str, set[float]]:
    """The tolls `text` gives, by kind («dead», «hurt»): counts of people read as the dead when
    their clause tells deaths («ارتفاع حصيلة القتلى إلى 28 مدنياً»: 28 dead; «200 مصاب»: 200
    hurt); none when it tells neither. By clause, not by sentence (REV s25): «قتل 3 جنود …،
    فيما نزح أكثر من 5000 مدني» is 3 dead, not 5000."""
    out: dict[str, set[float]] = {}
    for clause in _CLAUSES.split(text or ""):
        words = {b for w in _TOKENS.findall(normalize(clause)) for b in _bare(w)}
        deaths = bool(words & (_KILLED | DEAD))
        for kind, value in figures(clause):
            if kind == "people" and deaths:
                kind = "dead"
            if kind in ("dead", "hurt"):
                out.setdefault(kind, set()).add(value)
    return out


def new_lead_figure(told: Iterable[str], lead: str) -> bool:
    """Whether `lead` (a report's first sentence) gives a toll higher than every toll of its
    kind in `told` (the headlines and leads the chat was sent of the story), or any toll when
    they gave none: «عشرات القتلى» then «ارتفاع حصيلة القتلى إلى 28 مدنياً» (QA71-2). The
    same or a lower count is another source's retelling, not an update; so is a first count of
    the hurt after a count of the dead (a detail added)."""
    new = tolls(lead)
    if not new:
        return False
    had: dict[str, set[float]] = {}
    for text in told:
        for kind, values in tolls(text).items():
            had.setdefault(kind, set()).update(values)
    if not had:  # «عشرات القتلى», «قتلى في…»: the first figure of the toll
        return True
    # a kind the chat had no figure of beside one it had («28 قتيلا» then «… و200 مصاب»):
    # a detail a retelling adds, not a toll that rose
    return any(max(values) > max(had[kind]) for kind, values in new.items() if kind in had)


def changed_figure(before: Iterable[str], after: str) -> bool:
    """Whether `after` (a corrected headline) gives a count of people or a sum none of `before`
    (what the chat read of the story) gave of its kind: «3000 شخص» → «5000 شخص» (QA71-3). A
    count of things (buses, missiles) or a bare number is none; neither is a figure dropped."""
    def counts(text: str) -> set[tuple[bool, float]]:
        # the dead, the hurt, people: all counts of people («مقتل 10» reworded «مقتل 10
        # أشخاص» changed nothing); a sum apart
        return {(kind == "money", value) for kind, value in figures(text)}

    had = set().union(*(counts(t) for t in before)) if before else set()
    return bool(counts(after) - had)
