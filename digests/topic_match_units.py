"""A currency named as a unit of an amount is not the currency's news (brief X72, QA46 G1/G3).

«ترامب يطالب ممثلة إباحية بتعويض قدره 20 مليون دولار», «5 ملايين دولار لأسرة سجين», «إلزام
الشباب بتسديد 250 ألف ريال»: a currency word right after a number or an amount word (digits,
مليون/مليار/ألف/آلاف, a number word) measures something else. QA46's reader of «الدولار» got 35
such articles of 45 in five days (23 of 25 in a second window); «الريال», what fans call Real
Madrid, carried riyal fines and spending. The currency itself — «سعر الدولار», «الدولار
الأمريكي», «ارتفع الدولار», «مقابل الدولار» — still counts.

A number of a year's form («2000», «1990») before a currency is a year only after a word of
time («عام 2004 وريال مدريد», «موسم 2017»; the analyzer drops the «و» that would tell it), an
amount otherwise («بمبلغ 2000 دولار», an allowance: X72's «Left»; brief X75).

For the lone «ريال» (the club's name among fans) a riyal named by its country («الريال
السعودي/اليمني/القطري…») is the currency too: a reader who follows the currency types it so.

Only mentions are blanked (their key replaced by ""), as digests.longer_names does: alerts
(digests.topic_match.alert_matches) and search's tiers (digests.search_rank) count what is
left. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from digests.arabic import STOP_WORDS, analyze

CURRENCIES = ("دولار", "يورو", "ريال", "جنيه", "دينار", "ليرة", "درهم", "روبل", "يوان")
AMOUNT_WORDS = ("مليار", "مليارات", "ملياري", "مليون", "ملايين", "مليوني", "ألف", "آلاف",
                "ألفا", "تريليون", "تريليوني", "تريليونات", "ترليون", "بليون", "بلايين", "مئة",
                "مائة", "مئات", "مائتي", "مئتي", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة",
                "سبعة", "ثمانية", "تسعة", "عشرة", "عشر", "عشرين", "ثلاثين", "أربعين", "خمسين",
                "ستين", "سبعين", "ثمانين", "تسعين", "نصف", "ربع", "بضعة", "بضع")
# a riyal named by its country is the currency, not the club (the lone «ريال» only)
RIYAL_COUNTRIES = ("السعودي", "اليمني", "القطري", "العماني", "الإيراني", "البرازيلي")
RIYAL = "ريال"
# a year-like number after these is a year: «عام 2004 وريال مدريد», «موسم 2017», «منذ 1990»
YEAR_WORDS = ("عام", "العام", "سنة", "السنة", "موسم", "الموسم", "منذ", "حتى", "مطلع", "نهاية",
              "بداية", "أواخر", "أوائل", "صيف", "شتاء", "ربيع", "خريف", "مواليد", "مونديال")
# units a number counts besides the currencies (a number before them is an amount, no year)
UNITS = ("طن", "أطنان", "برميل", "براميل", "كيلومتر", "كيلوغرام", "كيلو", "متر", "ميل",
         "هكتار", "لتر", "ميغاواط")


def _keys(words: Sequence[str]) -> frozenset[str]:
    # the analyzer reads a few amount words as a common word («ألفي» → «في»): never those
    return frozenset(k for w in words for k in analyze(w) if k not in STOP_WORDS)


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return _keys(CURRENCIES), _keys(AMOUNT_WORDS), _keys(RIYAL_COUNTRIES)


@lru_cache(maxsize=1)
def _time_keys() -> tuple[frozenset[str], frozenset[str]]:
    from digests.dates import month_keys  # late: the date module loads dateparser lazily

    return _keys(YEAR_WORDS) | month_keys(), _keys(UNITS) | _tables()[0]


def _year_form(key: str) -> bool:
    return key.isdigit() and len(key) == 4 and key[:2] in ("19", "20")


def is_amount(key: str) -> bool:
    """Whether an analyzed key counts something: it holds a digit («20», «ب60») or is an
    amount word («مليار», «آلاف», «خمسه»). A year is none: «عام 2004 وريال مدريد» (the
    analyzer drops the «و» that would tell it) is the club (AL-sport-611)."""
    if _year_form(key):
        return False
    return any(c.isdigit() for c in key) or key in _tables()[1]


def counts(keys: Sequence[str], i: int) -> bool:
    """Whether the key at `i` counts what follows it: an amount (`is_amount`), or a number of a
    year's form not after a word of time («بمبلغ 2000 دولار»; «عام 2004 وريال» is a year)."""
    key = keys[i]
    if is_amount(key):
        return True
    return _year_form(key) and (i == 0 or keys[i - 1] not in _time_keys()[0])


def is_unit(word: str) -> bool:
    """Whether a written word is a currency or a unit of measure («دولار», «بالدولار», «طن»):
    a number right before it is an amount, never a year (digests.event_time)."""
    return any(k in _time_keys()[1] for k in analyze(word)[:1])


def currency_phrases(phrases: Sequence[Sequence[str]]) -> bool:
    """Whether a topic's phrases name a currency (so its unit mentions are to be blanked)."""
    currencies = _tables()[0]
    return any(k in currencies for p in phrases for k in p)


def without_units(keys: Sequence[str], phrases: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """`keys` with each currency key of the topic that is a unit blanked: right after an amount
    key («20 مليون دولار»), or, for the lone «ريال», named by its country («الريال اليمني»)."""
    out = tuple(keys)
    if not currency_phrases(phrases):
        return out
    currencies, _amounts, countries = _tables()
    topic_keys = {k for p in phrases for k in p} & currencies
    lone_riyal = any(tuple(p) == (RIYAL,) for p in phrases)
    return tuple("" if k in topic_keys and (
        (i > 0 and counts(out, i - 1))
        or (lone_riyal and k == RIYAL and i + 1 < len(out) and out[i + 1] in countries))
        else k for i, k in enumerate(out))


def without_units_text(padded: str, phrases: Sequence[Sequence[str]]) -> str:
    """`without_units` over a space-separated key string (the search index's title_keys and
    body_keys), keeping its padding; the string itself when the topic is no currency."""
    if not currency_phrases(phrases):
        return padded
    kept = " ".join(without_units(padded.split(), phrases))
    return f" {kept} " if padded.startswith(" ") else kept
