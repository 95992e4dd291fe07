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

`revised_down` says whether a headline's toll went down from the one before it. Words chosen on
corpus_dev (benchmarks/toll_revisions.py): the generic «بعد أن كانت» / «انخفض عدد» alone fire
on poll figures, prices and unemployment; tied to a toll in the same sentence they do not.
"""

from __future__ import annotations

import re

from digests.arabic import normalize
from digests.story_outcomes import TOLL_WORDS, _measures

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d.,]*%)")  # «49» but not «49.6%» nor «3-1»'s parts
_SCORE = re.compile(r"\d+\s*[-–:]\s*\d+")
# a toll named in a sentence: the outcome module's toll words, «حصيلة», «عدد القتلى/الضحايا…»
_TOLL = TOLL_WORDS | frozenset(normalize(w) for w in ("الحصيلة", "حصيلة", "حصيلتها"))
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^.!?؟\n]+")
_PREFIXES = ("و", "ف", "ب", "ل", "ال", "وال", "بال", "لل")


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


def _has_toll(words: list[str]) -> bool:
    for w in words:
        if w in _TOLL or any(w.startswith(p) and w[len(p):] in _TOLL for p in _PREFIXES):
            return True
    return False


def states_revision(headline: str, text: str = "") -> bool:
    """Whether the report (`headline`, then `text`) says in so many words that a toll was
    revised (module doc): a revision phrase in a sentence that names a toll, or a headline
    opening «تصحيح:»."""
    if _CORRECTION.search(normalize(headline or "")):
        return True
    for sentence in _SENTENCE.findall(normalize(f"{headline or ''}\n{text or ''}")
                                      .translate(_DIGITS)):
        if any(p.search(sentence) for p in REVISIONS) and _has_toll(_WORD.findall(sentence)):
            return True
    return False


def toll_figures(headline: str) -> list[int]:
    """The figures of a headline that names a toll, in order (none when it names no toll):
    not a score, a percentage, an age, a sum or a time («31 عاما», «100 مليار»)."""
    text = normalize(headline or "").translate(_DIGITS)
    if not _has_toll(_WORD.findall(text)):
        return []
    measures = _measures(headline)
    text = _NOT_TOLL.sub(" ", _SCORE.sub(" ", text))
    return [int(n) for n in _NUMBER.findall(text) if n not in measures]


def revised_down(before: str, after: str) -> bool:
    """Whether headline `after` gives a lower toll than `before`: figure by figure when both
    give as many (none higher, one lower: «مقتل 52 وإصابة 80» → «مقتل 49 وإصابة 80»), else
    the highest figure lower."""
    old, new = toll_figures(before), toll_figures(after)
    if not old or not new:
        return False
    if len(old) == len(new):
        return all(b <= a for a, b in zip(old, new)) and any(b < a for a, b in zip(old, new))
    return max(new) < max(old)
