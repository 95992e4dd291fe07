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
(digests.arabic.normalize), a و/ب/ل/ال prefix dropped. The numbers and the words of the dead and
the hurt are read by digests.tolls, as digests.toll_revisions reads them (REV s25).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digests.arabic import normalize, sentences
from digests.tolls import (COUNTED, DAYS_OF, DEAD, HURT, MEASURES, MONEY, bare, before_kind,
                           counted_kind, counts)

# The numbers (digits, thousands separators, multipliers, «من») and the words of the dead and
# the hurt are digests.tolls', shared with digests.toll_revisions (REV s25: two readers that
# disagreed); what this module adds is people, money and the kind each figure is.


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


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
# A sentence tells deaths (its bare counts of people are the dead): these, or the dead's nouns
_KILLED = _forms("قتل قتلت يقتل تقتل مقتل مصرع حصيلة الحصيلة لقي لقوا حتفهم حتفه توفي "
                 "وفاة ارتفاع سقوط سقط")
_TOKENS = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d]+")

Figure = tuple[str, float]  # (kind: dead, hurt, people, money; the value)


def _kind(word: str | None) -> str | None:
    """The kind of what a number counts: the dead, the hurt (digests.tolls), money, people."""
    if word is None:
        return None
    kind = counted_kind(word)
    if kind is not None:
        return kind
    forms = bare(word)
    return "money" if forms & MONEY else "people" if forms & PEOPLE else None


def figures(text: str) -> set[Figure]:
    """The figures of `text`: (kind, value) of each number followed by a unit word of a kind
    (after a multiplier and «من»), or preceded by a noun of death or injury («مقتل 28»; a count
    of people after one is of its kind: «إصابة 3 آلاف من الجنود» is 3000 hurt). A number whose
    unit is none of them (buses, hours, kilometres) gives none; nor a multiplied one without
    its unit or such a noun («100 مليار» alone: a sum of what, or a count of what, unsaid),
    nor a year («وقتل في سبتمبر 2014 جنود»: digests.tolls' `Count.year`)."""
    out: set[Figure] = set()
    for count in counts(text)[1]:
        if count.year or count.unit is not None and bare(count.unit) & (MEASURES | DAYS_OF):
            continue  # «على بعد 10 كيلومترات», «منذ 3 عقود», «في سبتمبر 2014» (X131), «7 أكتوبر»
        kind = _kind(count.unit)
        # the noun first: «مقتل 28», «وإصابة 150»; it names what a count of people is
        # («إصابة 3 آلاف من الجنود» is 3000 hurt, REV s26: it was people, and no toll)
        if kind in (None, "people"):
            kind = before_kind(count.before) or kind
        if kind is None and count.multiplied:
            continue
        if kind is not None:
            out.add((kind, count.value))
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
        words = {b for w in _TOKENS.findall(normalize(clause)) for b in bare(w)}
        deaths = bool(words & (_KILLED | COUNTED[DEAD]))
        for kind, value in figures(clause):
            if kind == "people" and deaths:
                kind = DEAD
            if kind in (DEAD, HURT):
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
