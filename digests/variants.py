"""Spelling variants of names in the news: «ترامب» and «ترمب» are one man.

Arabic newsrooms transliterate foreign names by house style: Al Arabiya writes «ترمب» and
«بوتين», Sky News Arabia «ترامب» and «بوتن». A reader who types one spelling must find (and, once
subscribed, be sent) the stories written with the other. The table below is curated from
evidence, not generated: benchmarks/search_variants.py lists every pair of index keys one
transliteration step apart (a long vowel dropped, غ/ج س/ش ت/ط ك/ق swapped) that the corpus
attests, with the cosine of their contexts and whether the sources split between them; the pairs
kept here are names of people, places and organisations whose contexts agree (cosine ≥ 0.45,
mostly ≥ 0.6) and whose sources split. Measured pairs of ordinary words (صحافي/صحفي, موقع/مواقع,
اعلان/اعلن) are left out on purpose: they are different words or grammar, not spellings.

A few spellings readers type but the corpus never uses are listed beside a measured group
(«جوتيريش», «ماكرن»): they cost nothing and find the name. Alef with or without hamza
(«أردوغان/إردوغان/اردوغان») needs no entry: digests.arabic.normalize folds it already.

`alternatives(key)` is applied to query keys by digests.query, so both the archive search and
subscription matching (`article_matches`) see every spelling.
"""

from __future__ import annotations

from functools import lru_cache

from digests.arabic import run_keys

# (spellings of one name, most common first) — cosine of contexts in the corpus, sources.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("ترامب", "ترمب"),                         # 0.87; ترمب: Al Arabiya 147 of 152
    ("بوتين", "بوتن"),                         # 0.94; بوتن: Sky News Arabia 58 of 61
    ("نتنياهو", "نتانياهو"),                   # 0.86; نتانياهو: Sky News, France 24
    ("غوتيريس", "غوتيريش", "غوتيرس", "جوتيريش"),  # 0.93 / 0.67; جوتيريش typed by readers
    ("ماكرون", "ماكرن"),                       # ماكرن: a reader's spelling, 0 in the corpus
    ("أنغيلا", "أنجيلا"),                      # 0.95 (Angela Merkel)
    ("جونغ", "جونج"),                          # 0.95 (Kim Jong-un)
    ("سيرغي", "سيرجي"),                        # 0.86 (Sergei Lavrov, Sergei Skripal)
    ("سكريبال", "سكريبل"),                     # 0.84
    ("زاخاروفا", "زخاروفا"),                   # 0.76
    ("كتالونيا", "كاتالونيا"),                 # 0.73
    ("هيلي", "هايلي"),                         # 0.69 (Nikki Haley)
    ("غاريد", "جاريد"),                        # 0.78 (Jared Kushner)
    ("غرينبلات", "جرينبلات"),                  # 0.49 (Jason Greenblatt)
    ("عراقجي", "عرقجي"),                       # 0.70 (Abbas Araghchi)
    ("كامبريدج", "كمبريدج", "كمبردج", "كامبردج"),  # 0.88 / 0.70 (Cambridge Analytica)
    ("هارفارد", "هارفرد"),                     # 0.62
    ("غرينتش", "جرينتش"),                      # 0.80
    ("بطرسبرغ", "بطرسبرج"),                    # 0.63
    ("مرسيليا", "مارسيليا"),                   # 0.47
    ("الكونغرس", "الكونجرس"),                  # 0.58
    ("إنستغرام", "إنستجرام"),                  # 0.65
    ("غوارديولا", "جوارديولا"),                # 0.57
    ("رودريغو", "رودريجو"),                    # 0.70
)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """Index key → the keys of every spelling of its name (itself first)."""
    table: dict[str, tuple[str, ...]] = {}
    for group in GROUPS:
        keys = list(dict.fromkeys(k for spelling in group for k in run_keys(spelling)))
        for k in keys:
            table[k] = (k, *(other for other in keys if other != k))
    return table


def alternatives(key: str) -> tuple[str, ...]:
    """The key and the keys of the other spellings of the same name («ترمب» → ترمب, ترامب)."""
    return _table().get(key, (key,))


def has_variants(key: str) -> bool:
    """Whether the key is a name with other spellings in the table."""
    return key in _table()
