"""A country's adjective beside a word is also its name in a search (QA57-13).

«الانتخابات اللبنانية» found nothing while «انتخابات لبنان» found the story («لبنان: القوى
السياسية تسابق المهل لتشكيل اللوائح الانتخابية»), and "Lebanon elections", which the bot reads
as «الانتخابات اللبنانية», found nothing either. A news story names the country more often than
its adjective (لبنان / اللبنانية …), so a query's nisba adjective after another word is searched
as the adjective or the country: «الانتخابات اللبنانية» is «انتخابات (لبنانيه أو لبنان)».

Only the small table below, and only after another word: an adjective alone («السورية») is
searched as typed; «السعودية» is the country's own name, not listed; «تركي» (also the name Turki)
is read only as an adjective after a word. The keys are the analyzer's (digests.arabic): the
masculine «اللبناني»/«اللبنانيين» key as «لبناني», the feminine «اللبنانية» as «لبنانيه». Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from digests.arabic import STOP_WORDS, run_keys

# The adjective's key without its «ي» → the country as the news writes it.
COUNTRIES: Mapping[str, str] = {
    "لبنان": "لبنان", "سور": "سوريا", "مصر": "مصر", "عراق": "العراق", "اردن": "الأردن",
    "فلسطين": "فلسطين", "يمن": "اليمن", "ليب": "ليبيا", "سودان": "السودان", "تونس": "تونس",
    "جزائر": "الجزائر", "مغرب": "المغرب", "قطر": "قطر", "كويت": "الكويت", "امارات": "الإمارات",
    "ايران": "إيران", "ترك": "تركيا", "روس": "روسيا", "اسرائيل": "إسرائيل", "امريك": "أمريكا",
    "اميرك": "أميركا", "فرنس": "فرنسا", "بريطان": "بريطانيا", "المان": "ألمانيا",
    "صين": "الصين", "بحرين": "البحرين",
}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Adjective key (masculine and feminine) → the country's key."""
    out: dict[str, str] = {}
    for base, country in COUNTRIES.items():
        keys = run_keys(country)
        if len(keys) != 1:
            continue
        for adjective in (base + "ي", base + "يه"):
            out[adjective] = keys[0]
    return out


def country_names(keys: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Per adjective key in `keys` written after another word (not a stop-word), the key of
    its country: («انتخابات», «لبنانيه») → {«لبنانيه»: («لبنان»,)}."""
    out: dict[str, tuple[str, ...]] = {}
    for before, key in zip(keys, keys[1:]):
        country = _table().get(key)
        if country is not None and before not in STOP_WORDS and before != key:
            out[key] = (country,)
    return out
