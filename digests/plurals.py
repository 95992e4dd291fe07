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
(brief X49). Session 27 (brief X137, QA78-4) adds common news nouns, sound feminine plurals among
them, each pair read one by one (its comment in the table).
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
    # Session 27 (brief X137, QA78-4: «غارة» 73 and «غارات» 227 shared 34; an alert on «غارة»
    # missed «غارات جوية …»). Articles holding each key in the 7,213-article corpus, then how
    # many hold both. Broken plurals first, then sound feminine plurals named one by one — still
    # no rule for «ات»: each pair below was read, and its singular is that noun, not «his …»
    # («قراره/قرارات», «عمله/عملات» left out). Left out as one form mostly another word:
    # «عقوبة» (a penalty: «عقوبة الإعدام», a ban; 102) / «عقوبات» (sanctions, 250), «ضربة» (a
    # blow) / «ضربات», «جامعة» («جامعة الدول العربية») / «جامعات», «مسيرة» (a march) /
    # «مسيرات» (drones too), «محافظة» («المحافظة على») / «محافظات», «قاعدة» (a rule) / «قواعد»,
    # «علاقة» («لا علاقة له») / «علاقات», «عملية» / «عمليات» («غرفة العمليات»), «وزارة» /
    # «وزارات», «مقاتلة» / «مقاتلات»; under 6 articles: «زلزال/زلازل» (19/5), «ناقلة» (12/8).
    ("معركة", "معارك"),      # 115 / 193, 22 both
    ("شخص", "أشخاص"),        # 693 / 545, 133
    ("رهينة", "رهائن"),      # 14 / 45, 8
    ("هجوم", "هجمات"),       # 750 / 325, 138 («هجمة» itself is rare)
    ("صحيفة", "صحف"),        # 685 / 118, 53
    ("جريمة", "جرائم"),      # 157 / 161, 28
    ("تهمة", "تهم"),         # 94 / 115, 22
    ("قذيفة", "قذائف"),      # 23 / 62, 10
    ("جائزة", "جوائز"),      # 103 / 75, 31
    ("مجزرة", "مجازر"),      # 34 / 15, 5
    ("حريق", "حرائق"),       # 45 / 20, 9
    ("سفينة", "سفن"),        # 51 / 42, 15
    ("فضيحة", "فضائح"),      # 102 / 24, 4
    ("كارثة", "كوارث"),      # 77 / 30, 2
    ("عاصفة", "عواصف"),      # 70 / 17, 10
    ("مباراة", "مباريات"),   # 1,070 / 545, 385
    ("غارة", "غارات"),       # 73 / 227, 34
    ("مظاهرة", "مظاهرات"),   # 21 / 64, 7
    ("تظاهرة", "تظاهرات"),   # 27 / 43, 6
    ("طائرة", "طائرات"),     # 225 / 243, 58
    ("مخيم", "مخيمات"),      # 25 / 20, 3
    ("دبابة", "دبابات"),     # 25 / 32, 2
    ("سيارة", "سيارات"),     # 214 / 241, 68
    ("شركة", "شركات"),       # 803 / 479, 248
    ("حكومة", "حكومات"),     # 1,102 / 100, 24
    ("منظمة", "منظمات"),     # 534 / 203, 64
    ("حملة", "حملات"),       # 477 / 75, 29
    ("محادثة", "محادثات"),   # 27 / 201, 6
    ("مروحية", "مروحيات"),   # 23 / 19, 1
    ("شاحنة", "شاحنات"),     # 53 / 37, 11
    ("حافلة", "حافلات"),     # 67 / 40, 8
    ("مستوطنة", "مستوطنات"),  # 18 / 17, 5
    ("سفارة", "سفارات"),     # 186 / 18, 7
    ("صفقة", "صفقات"),       # 184 / 68, 16
    ("عبوة", "عبوات"),       # 56 / 43, 11
    ("مبادرة", "مبادرات"),   # 139 / 64, 18
    ("اتفاقية", "اتفاقيات"),  # 162 / 75, 30
    ("تغريدة", "تغريدات"),   # 272 / 66, 28
    ("أزمة", "أزمات"),       # 394 / 67, 15
    ("مستشفى", "مستشفيات"),  # 257 / 94, 29
    ("اشتباك", "اشتباكات"),  # 21 / 103, 2
    ("انفجار", "انفجارات"),  # 118 / 18, 4
    ("تفجير", "تفجيرات"),    # 94 / 20, 5
    ("احتجاج", "احتجاجات"),  # 71 / 144, 21
    ("ميليشيا", "ميليشيات"),  # 125 / 316, 52
    ("مناورة", "مناورات"),   # 12 / 31, 0
    ("شائعة", "شائعات"),     # 35 / 53, 4
    ("محطة", "محطات"),       # 147 / 53, 9
    ("بلدة", "بلدات"),       # 276 / 87, 37
    ("دراسة", "دراسات"),     # 278 / 124, 39
    ("محاكمة", "محاكمات"),   # 89 / 15, 2
    ("إصابة", "إصابات"),     # 378 / 138, 27
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
