"""A toll revised *down*, said in so many words (QA48 R10; pure).

A site corrects a toll in the article itself: «مقتل 40» → 49 → 52 each reach a reader once
(digests.correction_updates: a headline's mark goes once, so a site flipping 49 ↔ 52 does not
flood). Then the sources revise it down to a figure the reader was sent before (52 → 49): the
mark of «مقتل 49» went already, and the reader kept the wrong, higher 52. Telling every such
change would reopen the flapping, so a downward revision is told only when the report itself
says it is one (`states_revision`): a sentence that names a toll (a toll word of
digests.story_outcomes, «حصيلة», «عدد») and says it was revised —

- «… بعد أن كانت [أعلنت] 52» (a figure within six words),
- «خفضت/عدّلت/صححت/راجعت [السلطات] الحصيلة/عدد …»,
- «تراجع/انخفض عدد القتلى/الحصيلة … إلى …»,
- «وليس 52 …» / «وليس … كما أعلن سابقا / في وقت سابق»,
- «الحصيلة المعدلة/المصححة/المنقحة», or a headline opening «تصحيح:».

`down_kinds` says which of a headline's tolls went down from the one before it. Words chosen on
corpus_dev (benchmarks/toll_revisions.py): the generic «بعد أن كانت» / «انخفض عدد» alone fire
on poll figures, prices and unemployment; tied to a toll in the same sentence they do not.

Deaths and injuries are two tolls (X80): a headline's figures are compared kind by kind
(`toll_kinds`: «مقتل 52 وإصابة 80» is 52 dead, 80 hurt), never the dead of one headline with
the hurt of the other («مقتل 52 وإصابة 80» → «مقتل 60» was a revision down: 60 < 80), and a
revision is stated of the kind that went down: «وارتفع عدد الجرحى إلى 95 بعد أن كان 80» says
the injuries went up, not that the deaths were revised (`states_revision`'s `kinds`); a sentence
naming no kind («خفضت السلطات الحصيلة») speaks of any.
"""

from __future__ import annotations

import re

from digests.arabic import normalize
from digests.story_outcomes import TOLL_WORDS
from digests.tolls import (DAYS_OF, DEAD, HURT, MEASURES, MONEY, bare, before_kind, counted_kind,
                           counts, named_kind, plain)

# The two tolls (X80) are digests.tolls' DEAD and HURT, read by its words (shared with
# digests.story_figures, REV s25); «حصيلة», «مدنيين» name neither
__all__ = ["DEAD", "HURT", "REVISIONS", "down_kinds", "states_revision", "toll_figures",
           "toll_kinds"]
_SCORE = re.compile(r"\d+\s*[-–:]\s*\d+")
# a toll named in a sentence: the outcome module's toll words, «حصيلة», «عدد القتلى/الضحايا…»
_TOLL = TOLL_WORDS | frozenset(normalize(w) for w in ("الحصيلة", "حصيلة", "حصيلتها"))
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^.!?؟\n]+")


def _arabic_normalized(pattern: str) -> str:
    """`pattern` with its Arabic words normalized as the text is, its escapes left alone
    (normalize lower-cases: «\\S» would become «\\s»)."""
    return re.sub(r"[\u0600-\u06FF]+", lambda m: normalize(m.group()), pattern)


# the revision phrases, normalized (alef, ya and ta marbuta folded: «بعد ان كانت»)
REVISIONS = tuple(re.compile(_arabic_normalized(p)) for p in (
    # a figure, not a time («بعد أن كان الهجوم قد بدأ 3 مساء»: a «كان … قد» past, QA52 R4)
    r"(?<!\w)بعد\s+أن\s+كان(?:ت)?\s+(?:(?!قد\s)\S+\s+){0,5}?(?<!الساعة\s)\d+(?![\d:])"
    r"(?!\s*(?:مساء|صباحا|صباح|ظهرا|عصرا|فجرا|ليلا|الساعة|ساعة|ساعات|دقيقة|دقائق|يوما|أيام|عاما|سنة|سنوات))",
    # «خفضت السلطات الحصيلة», «وتم تعديل عدد القتلى إلى 49» (the verbal noun, QA52 R4)
    r"(?<!\w)[وف]?(?:خفض|خفضت|يخفض|تخفض|عدل|عدلت|يعدل|تعدل|صحح|صححت|يصحح|تصحح|راجع|راجعت"
    r"|تعديل|تخفيض|تصحيح|مراجعة)"
    r"\s+(?:\S+\s+){0,2}?(?:ال)?(?:حصيلة|عدد)(?!\w)",
    r"(?<!\w)[وف]?(?:تراجع|تراجعت|انخفض|انخفضت|هبط|هبطت)\s+(?:\S+\s+){0,1}?(?:ال)?(?:حصيلة|عدد)"
    r"\s+(?:\S+\s+){0,5}?إلى(?!\w)",
    r"(?<!\w)وليس\s+\d+(?!\d|\s*(?:ساعة|عام|عاما|سنة|سنوات|دقيقة|دقائق|يوما|أيام|%))",
    r"(?<!\w)وليس\s+(?:\S+\s+){0,5}?كما\s+(?:\S+\s+){0,2}?(?:سابقا|في\s+وقت\s+سابق|من\s+قبل)",
    r"(?<!\w)(?:ال)?حصيلة\s+(?:\S+\s+)?(?:المعدلة|المصححة|المنقحة)(?!\w)",
    # «وكانت الحصيلة السابقة 52», «وكانت حصيلة سابقة أشارت إلى 52» (QA52 R4)
    r"(?<!\w)(?:ال)?حصيلة\s+(?:ال)?سابقة(?!\w)",
))
# a count of events or places, not of people: «في 3 هجمات», «3 غارات», «في 5 محافظات» (QA52 R4)
_NOT_TOLL = re.compile(_arabic_normalized(
    r"(?<!\w)(?:في\s+|خلال\s+)?\d+\s+(?:هجمات|هجوم|هجومين|غارات|غارة|تفجيرات|تفجير|انفجارات"
    r"|انفجار|عمليات|ضربات|مناطق|مدن|محافظات|ولايات|قرى|بلدات|احياء|دول|مواقع|حوادث|حادث)(?!\w)"
    r"|(?<!\w)في\s+\d+(?!\d)"))
_CORRECTION = re.compile(_arabic_normalized(r"^\W*تصحيح\s*[:：\-–]"))


def _kinds_named(words: list[str]) -> set[str]:
    return {k for w in words if (k := named_kind(w)) is not None}


def _has_toll(words: list[str]) -> bool:
    return any(bare(w) & _TOLL for w in words)


def states_revision(headline: str, text: str = "",
                    kinds: frozenset[str] | None = None) -> bool:
    """Whether the report (`headline`, then `text`) says in so many words that a toll was
    revised (module doc): a revision phrase in a sentence that names a toll — one of `kinds`
    (DEAD, HURT: the tolls that went down) or no kind at all, when `kinds` is given — or a
    headline opening «تصحيح:»."""
    if _CORRECTION.search(normalize(headline or "")):
        return True
    for sentence in _SENTENCE.findall(plain(f"{headline or ''}\n{text or ''}")):
        words = _WORD.findall(sentence)
        if not any(p.search(sentence) for p in REVISIONS) or not _has_toll(words):
            continue
        named = _kinds_named(words)
        if kinds is None or not named or named & kinds:
            return True
    return False


def toll_kinds(headline: str) -> list[tuple[str, int]]:
    """The figures of a headline that names a toll, in order, each with the toll it counts
    (DEAD or HURT; none when it names no toll): the counted noun after it («52 قتيلا»), else the
    nearest toll word before it («مقتل 52 وإصابة 80», «ارتفاع حصيلة الجرحى إلى 95»), else DEAD
    («ارتفاع الحصيلة إلى 52»). Numbers as digests.tolls reads them: «1,200» and «٣٬٠٠٠» are
    1200 and 3000, «4 آلاف جريح» and «إصابة 4 آلاف» 4000 hurt. Not a score, a percentage, an
    age, a sum, a time, a distance, a weight, a year or a fraction («31 عاما», «100 مليار», «40
    ألف جريمة», «على بعد 10 كيلومترات», «20 طنا», «منذ سبتمبر 2014», «2.5»), nor a count of
    events or places («في 3 هجمات»)."""
    text = plain(headline)
    if not _has_toll(_WORD.findall(text)):
        return []
    text = _NOT_TOLL.sub(" ", _SCORE.sub(" ", text))
    out = []
    for count in counts(text)[1]:
        unit = bare(count.unit) if count.unit else set()
        kind = counted_kind(count.unit)
        # «20 ألف ضحية» and «إصابة 3 آلاف من الجنود» (a verbal noun just before, REV s26) are
        # tolls, «40 ألف جريمة», «100 مليار» and «ونزوح 50 ألف شخص» are not
        if count.multiplied and kind is None:
            kind = before_kind(count.before)
        if count.percent or count.year or not count.whole or (
                unit & (MEASURES | DAYS_OF | MONEY)) or (count.multiplied and kind is None):
            continue
        for word in reversed(_WORD.findall(text[:count.start])):
            if kind is not None:
                break
            kind = named_kind(word)
        out.append((kind or DEAD, int(count.value)))
    return out


def toll_figures(headline: str) -> list[int]:
    """The figures of a headline that names a toll, in order (`toll_kinds` without kinds)."""
    return [n for _kind_of, n in toll_kinds(headline)]


def down_kinds(before: str, after: str) -> frozenset[str]:
    """The tolls (DEAD, HURT) headline `after` gives lower than `before`, each compared with
    its own kind only: figure by figure when both give as many of it (none higher, one lower:
    «مقتل 52» → «مقتل 49»), else its highest figure lower. A kind one headline does not give
    is not compared."""
    old, new = toll_kinds(before), toll_kinds(after)
    down = set()
    for kind in {k for k, _n in old} & {k for k, _n in new}:
        was = [n for k, n in old if k == kind]
        now = [n for k, n in new if k == kind]
        if len(was) == len(now):
            if all(b <= a for a, b in zip(was, now)) and any(b < a for a, b in zip(was, now)):
                down.add(kind)
        elif max(now) < max(was):
            down.add(kind)
    return frozenset(down)
