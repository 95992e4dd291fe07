"""Singular and broken plural of common news nouns: «سعر النفط» finds «أسعار النفط» (QA33 S2).

The analyzer's `stem` (digests.arabic) joins only sound masculine plurals («المسلحين» →
«مسلح»); a broken plural is another word shape («سعر/أسعار», «صاروخ/صواريخ», «قتيل/قتلى»), and
no stemmer here reads it: a light Arabic stemmer merges unrelated words («عالم» world and
«علماء» scholars, «بطل» and «دوري أبطال أوروبا»). So a small table, read like the spellings of
a name (digests.variants.alternatives): a query key in it is also searched, followed and alerted
as its other number, in a phrase too («سعر النفط» is also «أسعار النفط»).

Kept: nouns readers search by and the news writes in both numbers — each form in at least 6
articles of the corpus (corpus_dev, 7,030 articles; counts of the index keys beside each pair) —
whose two forms mean the same thing. Left out on purpose: pairs whose one form is mostly another
word or a fixed name — «عالم» (world, 1,438) / «علماء» (scholars), «بطل» / «أبطال» (509, mostly
«دوري أبطال أوروبا»), «وزير» / «وزراء» («رئيس الوزراء», «مجلس الوزراء»), «نائب» / «نواب»
(«مجلس النواب»), «دولة» / «دول» («الدولة الإسلامية»), «سلطة» / «سلطات» («السلطة الفلسطينية»),
«هدف» (a goal) / «أهداف», «مصدر» (an exporter too) / «مصادر», «لقب» / «ألقاب» (the analyzer
keys «ألقاب» as «قاب»); and sound feminine plurals («سيارة/سيارات»): a rule for «ات» would
merge far more than these. benchmarks/search_quality.py and QA33's «سعر النفط» measure it
(brief X49).
"""

from __future__ import annotations

from functools import lru_cache

from digests.arabic import run_keys

# (singular, broken plural) as written; articles holding each key in corpus_dev.
PLURALS: tuple[tuple[str, str], ...] = (
    ("سعر", "أسعار"),        # 119 / 233
    ("صاروخ", "صواريخ"),     # 102 / 213
    ("سجن", "سجون"),         # 239 / 40
    ("سجين", "سجناء"),       # 8 / 30
    ("طفل", "أطفال"),        # 117 / 329
    ("قتيل", "قتلى"),        # 85 / 281
    ("جريح", "جرحى"),        # 12 / 123
    ("أسير", "أسرى"),        # 6 / 20
    ("سلاح", "أسلحة"),       # 270 / 444
    ("سوق", "أسواق"),        # 282 / 159
    ("حزب", "أحزاب"),        # 508 / 74
    ("بنك", "بنوك"),         # 153 / 74
    ("مصرف", "مصارف"),       # 24 / 15
    ("سفير", "سفراء"),       # 210 / 19
    ("زعيم", "زعماء"),       # 293 / 57
    ("مدينة", "مدن"),        # 1,245 / 285
    ("قرية", "قرى"),         # 106 / 95
    ("شارع", "شوارع"),       # 110 / 107
    ("منزل", "منازل"),       # 137 / 81
    ("مسجد", "مساجد"),       # 55 / 29
    ("كنيسة", "كنائس"),      # 53 / 26
    ("مدرسة", "مدارس"),      # 159 / 142
    ("نادي", "أندية"),       # 642 / 286
    ("قائد", "قادة"),        # 279 / 177
    ("عضو", "أعضاء"),        # 189 / 391
    ("جندي", "جنود"),        # 51 / 165
    ("ضابط", "ضباط"),        # 76 / 71
    ("حادث", "حوادث"),       # 255 / 110
    ("مشروع", "مشاريع"),     # 404 / 117
    ("قانون", "قوانين"),     # 463 / 203
    ("فيلم", "أفلام"),       # 100 / 78
    ("نجم", "نجوم"),         # 416 / 170
    ("شهيد", "شهداء"),       # 10 / 14
    ("ضحية", "ضحايا"),       # 73 / 212
    ("مليون", "ملايين"),     # 730 / 311
    ("خبير", "خبراء"),       # 77 / 259
    ("رسالة", "رسائل"),      # 294 / 123
    # a sound feminine plural, named here as the one exception to the rule above (QA68-9:
    # «الانتخاب» found 62 of QA68's corpus, only «انتخاب فلان», «انتخابات» 382); its singular is
    # no other word, and «انتخابه» (his election) keys apart from both
    ("انتخاب", "انتخابات"),
)


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Index key → the key of its other number."""
    table: dict[str, str] = {}
    for singular, plural in PLURALS:
        [one], [many] = run_keys(singular), run_keys(plural)
        table[one], table[many] = many, one
    return table


def other_number(key: str) -> str | None:
    """The key of the other number of a noun of `PLURALS` («سعر» → «اسعار», «قتلي» → «قتيل»),
    else None."""
    return _table().get(key)
