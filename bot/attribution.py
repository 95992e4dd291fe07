"""Who said a paraphrase, in Arabic that stays grammatical: «بحسب» + the speaker in the genitive
where its case is certain, else the speaker after the clause, where it takes no case (pure).

A reported quote's speaker is written as the article had it, the subject of «قال»: nominative.
After «بحسب» it is genitive, which Arabic script shows on a few words only:
- sound masculine plurals «مسؤولون» → «مسؤولين» (their construct «مسؤولو» → «مسؤولي»),
- duals «الشاهدان» → «الشاهدين», «مسؤولان أميركيان» → «مسؤولين أميركيين»,
- the five nouns «أبو زياد» → «أبي زياد»,
- and the adjectives that agree with them («مسؤولين أميركيين مطلعين»).
Words ending in -ون or -ان are just as often names or singulars («ماكرون», «التلفزيون», «البيان»,
«زيدان»), and a broken plural in -ون («شؤون») never changes. `genitive` converts what it knows and
returns None when a word could be either: the caller then writes «الفقرة — المتحدث», which needs
no case at all.

A denial (kind "denial") is the clause the speaker denied, from its «أن»: it is shown as the
article had it, «نفى X أن يكون …» (`denial`), with «نفت» for a speaker feminine by its form
(«وزارة», «السلطات»), and in English "X denied: أن …" (`denied_by`); never «بحسب X، …», which
would state what X denied.

The paraphrase itself: when it begins with the complementizer («إنه يعمل…», kept from «قال: إنه…»),
«بحسب X،» needs «فإنه»; when it speaks in the first person («نحن لسنا…», «لكننا قررنا»), it is the
speaker's own words and is shown as a direct quote (`first_person`).
"""

from __future__ import annotations

import re

# Sound masculine plurals that speak in the news («قال مسؤولون»), without «ال». Relative
# adjectives in -يون («دبلوماسيون», «أمريكيون») follow one rule (`_is_plural`).
_PLURALS = frozenset({
    "مسؤولون", "مسئولون", "مسؤلون", "ناشطون", "مراقبون", "محللون", "المحلّلون", "محلّلون",
    "معارضون", "مسلحون", "متظاهرون", "مستوطنون", "مقاتلون", "مسعفون", "مواطنون", "لاجئون",
    "نازحون", "منظمون", "متحدثون", "مشرعون", "عاملون", "موظفون", "مفاوضون", "محققون", "باحثون",
    "مستثمرون", "مدافعون", "معلمون", "مزارعون", "متابعون", "منتقدون", "مؤيدون", "مشاركون",
    "آخرون", "كثيرون", "ممثلون", "قائمون", "مراسلون", "متعاملون", "مدعون", "مستخدمون", "تابعون",
    "بارزون", "مغردون", "معتقلون", "محامون", "مطلعون", "سابقون", "مؤرخون", "قيمون", "مهاجرون",
    "فارون", "منشقون", "ناجون", "سائحون", "مصدرون", "لاعبون", "معدون", "مطورون", "مستشارون",
    "منتجون", "مسافرون", "مصرفيون", "مقربون", "مختصون", "متخصصون", "متطوعون", "مندوبون",
    "منسقون", "محتجون", "مدونون", "مرشحون", "منافسون", "معنيون", "مسيحيون", "مؤسسون", "مطلعون",
    "مهندسون", "مفتشون", "محافظون", "مخرجون", "مدربون", "مشجعون", "صحفيون", "صحافيون",
    "يمنيون", "تونسيون", "تشاديون", "محلفون",
})
# Words in -يون that are not plurals.
_NOT_PLURAL = frozenset({"تلفزيون", "تليفزيون", "تلفيزيون", "مليون", "بليون", "تريليون", "ليون",
                         "نابليون", "صهيون", "كليون", "أنيون", "ليبراسيون", "ناسيون"})
# Singular nouns (and adjectives) whose dual speaks in the news: «الشاهدان», «مصدران».
_DUAL_BASES = frozenset({
    "شاهد", "مسؤول", "مسئول", "مصدر", "جندي", "زوج", "أخ", "أخت", "بيان", "ناشط", "مطلع",
    "دبلوماسي", "وزير", "رئيس", "زعيم", "طرف", "جانب", "خبير", "محلل", "مراقب", "ضابط", "قيادي",
    "نائب", "مسعف", "طبيب", "صحفي", "صحافي", "مراسل", "مواطن", "لاعب", "مدرب", "محقق", "باحث",
    "موظف", "عضو", "قائد", "حزب", "تقرير", "مصرف", "بنك", "مستشار", "سفير", "متحدث", "مبعوث",
    "شقيق", "شقيقة", "والد", "مصدرا", "اثن", "اثنت",
})
_FIVE_NOUNS = {"أبو": "أبي", "ذو": "ذي", "أخو": "أخي", "حمو": "حمي", "ذوو": "ذوي"}
_PREFIXES = ("وال", "ال", "و")
_PUNCT = "\"'«»“”()#[]،,:."  # around a word of the speaker («#ماكرون», «"الدون»)


def _split(word: str) -> tuple[str, str]:
    """(prefix, core): «والمسؤولون» → («وال», «مسؤولون»). A prepositional prefix (ب، ل، ك)
    is not split: such a word is already genitive, and no rule below touches it."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return prefix, word[len(prefix):]
    return "", word


def _is_plural(core: str, definite: bool = False) -> bool:
    """A sound masculine plural in the nominative: listed, or a relative adjective in -يون
    (without «ال», one in ي-/ت- may be a verb: «يعنيون»; «اليمنيون» is not)."""
    if core in _PLURALS:
        return True
    return (core.endswith("يون") and len(core) > 4 and core not in _NOT_PLURAL
            and (definite or not core.startswith(("ي", "ت"))))


def _is_dual(core: str, definite: bool, after_dual: bool) -> bool:
    """A dual in the nominative: a known noun's dual, a feminine dual in -تان, or an adjective
    agreeing with a dual just converted («مسؤولان أميركيان»)."""
    if not core.endswith("ان") or len(core) < 4 or core in _KNOWN_AN:
        return False
    base = core[:-2]
    if base in _DUAL_BASES or (base.endswith("ت") and base[:-1] + "ة" in _DUAL_BASES):
        return True
    if after_dual:
        return True
    # «الأميركيان», «الروسيان»: relative adjectives with the article.
    return definite and len(base) > 3 and base.endswith("ي")


def _name_on(core: str) -> bool:
    """A name in -ون: listed, or a Latin name in -سون («جونسون», «نيكسون»), where an Arabic
    plural in -سون is a participle in م- («مدرسون», «مؤسسون»)."""
    return core in _KNOWN_ON or (core.endswith("سون") and not core.startswith("م"))


def _governed(core: str) -> bool:
    """A word after a preposition joined to it («للشؤون», «لشؤون»): already genitive, so an
    ending in -ون is a broken plural or a name, never a nominative."""
    return core.startswith(("لل", "بال", "كال")) or (core[:1] in "بلك" and core[1:] in _KNOWN_ON)


def _verb(core: str) -> bool:
    """An imperfect verb in the plural («يعملون»): part of a clause, not of the name."""
    return core.startswith(("ي", "ت")) and core.endswith("ون") and core not in _PLURALS


def genitive(speaker: str) -> str | None:
    """The speaker as it reads after «بحسب», or None when its case cannot be settled.

    «مسؤولون أميركيون مطلعون» → «مسؤولين أميركيين مطلعين»; «الشاهدان» → «الشاهدين»; «أبو زياد»
    → «أبي زياد»; «التلفزيون الرسمي», «ماكرون», «البيان» unchanged; «جونسون» or «ثرون» (a name,
    or a plural not listed?) → None.
    """
    words = speaker.split(" ")
    out: list[str] = []
    agreeing = ""  # "pl" / "du" while the words read agree with a converted plural / dual
    quoted = False  # inside a name in quote marks («صحيفة "لا ناسيون"»): left as it is
    clause = False  # after a verb with its object («تقرير أعده خبراء…»): a subject, not ours
    for i, raw in enumerate(words):
        word = raw.lstrip(_PUNCT)
        lead = raw[:len(raw) - len(word)]
        word = word.rstrip(_PUNCT)
        trail = raw[len(lead) + len(word):]
        prefix, core = _split(word)
        definite = prefix.endswith("ال")
        follows = ""
        opens = any(q in lead for q in "\"«“")
        closes = any(q in trail for q in "\"»”")
        if quoted or opens:
            quoted = not closes
            out.append(raw)
            agreeing = ""
            continue
        if clause:
            if genitive(raw) != raw:
                return None  # «دراسة أجراها باحثون»: «باحثون» is the verb's subject
            out.append(raw)
            continue
        if i == 0 and not prefix and _MARKS_RE.sub("", core) in _ACCUSATIVE_INDEFINITE:
            # «لكن استطلاعا للرأي كشف أن»: the subject kept its accusative from «لكنّ»/«إنّ»;
            # after «بحسب» it is genitive, with no alif of tanween.
            core = _MARKS_RE.sub("", core)[:-1]
        elif core in _FIVE_NOUNS and not prefix.endswith("ال"):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            # The head («أبو زياد») or a title's name («القيادي أبو زياد»); after a first name it
            # is a family name («محمود أبو رميلة»), and «أبو ظبي» is a city: both stay.
            if nxt and "ظبي" not in nxt and (i == 0 or words[i - 1].startswith(("ال", "وال"))):
                core = _FIVE_NOUNS[core]
        elif core.endswith("ون") and (definite or not _verb(core)):
            known = core in _NOT_PLURAL or _name_on(core) or _governed(core)
            if _is_plural(core, definite) or (agreeing == "pl" and len(core) > 4 and not known):
                core, follows = core[:-2] + "ين", "pl"
            elif not known:
                return None  # «ثرون»: a name, or a plural not listed
        elif core.endswith("و") and len(core) > 3 and core + "ن" in _PLURALS:
            core, follows = core[:-1] + "ي", "pl"  # «مسؤولو الوزارة» → «مسؤولي الوزارة»
        elif _is_dual(core, definite, agreeing == "du"):
            core, follows = core[:-2] + "ين", "du"
        elif core.endswith("ان") and i == 0 and not definite and core not in _KNOWN_AN:
            return None  # a head in -ان that may be a dual («شاهدان»?) or a name («زيدان»)
        elif (core.endswith("تان") and not core.endswith("ستان") and not agreeing
              and core not in _KNOWN_AN):
            return None  # «قناتا تلفزيون حكوميتان»: a dual adjective whose noun we did not see
        agreeing = follows
        out.append(lead + prefix + core + trail)
        clause = i > 0 and word.endswith(("ه", "ها", "هم")) and word not in _NOT_OBJECT
    return " ".join(out)


# Words in ه that are not a verb with its object pronoun.
_NOT_OBJECT = frozenset({"الله", "وجه", "شبه", "الاتجاه", "مياه", "انتباه", "فقيه", "نبيه"})

# Names and singulars in -ون / -ان seen as speakers, which keep their form.
_KNOWN_ON = frozenset({
    "ماكرون", "شارون", "هارون", "زيتون", "قانون", "تلفزيون", "بنتاغون", "البنتاغون", "جون", "مون",
    "دون", "ليون", "يون", "سون", "فون", "أون", "كلينتون", "تيلرسون", "جونسون", "هودسون", "إيفرتون",
    "فودافون", "بولتون", "هندرسون", "هاميلتون", "سنغلتون", "تومبسون", "هايدون", "دينيسون",
    "جيمسون", "ماسون", "جيسون", "أليسون", "شانون", "كليمون", "خيخون", "طرابزون", "ساوثامبتون",
    "سيغوردسون", "تيدستون", "انيستون", "نيلسون", "أندرسون", "كاميرون", "سايمون", "سيمون", "شؤون",
    "سجون", "فنون", "عيون", "بالون", "رامون", "بويغديمون", "بيدمون", "ريمون", "بوفون", "ألاركون", "كينجدون", "ثرون", "لون", "كون",
    "نيوتن", "صابون", "مأذون", "فرعون", "الفرعون", "مضمون", "كانون", "تعاون", "عون", "تهاون",
})
_KNOWN_AN = frozenset({
    "زيدان", "أردوغان", "إردوغان", "اردوغان", "سلمان", "سلطان", "رضوان", "سكان", "عيان", "بيان",
    "طيران", "إيران", "لبنان", "عمان", "السودان", "رمضان", "ستيفان", "مروان", "عدنان", "جبران",
    "سرحان", "علوان", "عمران", "شعبان", "عنان", "خان", "جان", "سان", "كان", "مان", "ألان", "إيفان",
    "جوناثان", "داميان", "أنطوان", "رايان", "سوزان", "جوليان", "لودريان", "دريان", "طالبان",
    "فريدمان", "غريزمان", "جريزمان", "ناينغولان", "ميليغان", "جيرمان", "جرمان", "أولدمان",
    "برافمان", "داروسمان", "شنايدمان", "بومان", "آسمان", "ايسمان", "حميدان", "عجلان", "الرميان",
    "زلاتان", "غالان", "لوبان", "دوغان", "غندوغان", "مخيتاريان", "ميريجانيان", "كوانجيان",
    "برلمان", "ميدان", "إعلان", "ديوان", "كيان", "أركان", "الفاتيكان", "فاتيكان", "غانغان",
    "تشان", "شان", "سينان", "شيبان", "الإخوان", "إخوان", "اليونان", "اليابان", "فنان", "مهرجان",
    "استبيان", "ائتمان", "إنسان", "ميلان", "أفغان", "ألمان", "غارديان", "هيومان", "طهران",
    "قطان", "يان", "هيرمان", "ديلان", "هوهوان", "حسبان", "عثمان", "سليمان", "حسان", "غسان",
    "عدنان", "قحطان", "نعمان", "لقمان", "جوردان", "جوردن", "شيران", "كيوان", "رحمان", "الرحمن", "بيان", "أمان",
})

# Words that put a clause in the first person: the speaker's own words, not a paraphrase.
_FIRST_PERSON = frozenset({
    "أنا", "نحن", "إنني", "إننا", "إني", "أنني", "أننا", "لأنني", "لأننا", "لكنني", "لكننا",
    "لسنا", "لستُ", "لدينا", "لديّ", "علينا", "عليّ", "كنا", "كنتُ", "قررنا", "قررتُ",
    "نريد", "أريد", "أعتقد", "نعتقد", "أشعر", "نشعر", "أعرف", "نعرف", "أتمنى", "نتمنى", "أظن",
    "نظن", "نحتاج", "أحتاج", "سنقوم", "سأقوم", "سنواصل", "سنعمل", "سأعمل", "أستطيع", "نستطيع",
    "يمكنني", "يمكننا", "بإمكاننا", "بإمكاني", "أرى", "نرى", "أقول", "نقول", "لنا", "منا", "معنا",
    "عندنا", "بلادنا", "فريقنا", "شعبنا", "أنفسنا", "نفسي", "أحظى", "نعطي", "أختار", "سنبقى",
    "سأبقى", "أحسست", "فزنا", "خسرنا", "لعبنا", "انتصرنا", "حاولنا", "نحاول", "أحاول", "معي",
    # Unvoweled, yet first person in a paraphrase («قال إنه كنت متوقعا…» is never "you were").
    "كنت", "قمت", "أكون", "سأكون",  # not «لست»: «لِستّ مباريات» (for six)
})
# Entries whose unvoweled form is also another word («علي» Ali, «لست» for six, «قررت» she
# decided): first person only when the text writes the vowel that tells them apart. Compared with
# the word as written (tatweel dropped, marks kept), in the order the marks are written.
_FIRST_PERSON_VOWELED = frozenset({"لديّ", "عليّ", "لستُ", "كنتُ", "قررتُ", "إليّ"})
# A word in «ـنا» (us, our) that is no first person: «هنا» (here), a noun or adjective whose
# own last letter is «ن» in the accusative («مواطنا», «ممكنا», «علنا»), a name («أثينا»), or a
# dual verb («تمكنا», «أعلنا»: the two of them). Words in «ـانا/ـونا/ـينا» are left out by
# form («أحيانا», «مليونا», «ديونا», «مارادونا», «أثينا») but for those listed in _NA_YES.
_NA_NOT = frozenset({
    "هنا", "وهنا", "دينا", "مخزنا", "مواطنا", "مستوطنا", "مكونا", "أمنا", "بطنا", "كفربطنا",
    "علنا", "ساكنا", "آمنا", "ممكنا", "معلنا", "متعاونا", "مطمئنا", "تحسنا", "توازنا", "تضامنا",
    "تزامنا", "راهنا", "شأنا", "إذنا", "مدنا", "مؤنا", "سفنا", "طعنا", "حسنا", "ثمنا", "وطنا",
    "سجنا", "لحنا", "ركنا", "وزنا", "زمنا", "قرنا", "طنا", "حزنا", "دفنا", "سكنا", "موطنا",
    "مسكنا", "ضمنا", "كريشنا", "تمكنا", "أعلنا", "اعلنا", "يعلنا", "تعلنا", "معلنا", "متمكنا",
    "مؤمنا", "كامنا", "باطنا", "متينا", "لكنا", "فنا", "عينا", "حينا", "أذنا", "رهنا", "شحنا",
    "مضمونا", "محصنا", "متزامنا", "متوازنا", "ممتنا", "مرهونا", "لبنا", "جبنا", "تبنا",
    "قطنا", "دهنا", "متدينا", "معينا", "مبينا", "مزمنا", "منا", "أثناء",
    # Idioms of the narrator, not the speaker's «we»: «مجموعتنا الشمسية», «كوكبنا», «يومنا هذا»,
    # «رحل عن عالمنا», «في عصرنا».
    "مجموعتنا", "كوكبنا", "يومنا", "عالمنا", "عصرنا", "أرضنا", "زمننا",
})
_NA_YES = frozenset({"تعازينا", "إلينا", "علينا", "لدينا", "أيدينا", "فينا", "رأينا", "تلقينا",
                     "نادينا", "قضينا", "أنهينا", "بقينا", "مشينا", "أعطينا", "مضينا"})


def _we_suffix(word: str) -> bool:
    """«حققنا», «بدأنا», «حياتنا», «مسيرتنا»: a verb or noun with «ـنا» (we, our); not «هنا»,
    «مواطنا», «أحيانا», «مليونا», nor a word of three letters («لنا», «منا» are listed)."""
    if word in _NA_YES:
        return True
    return (len(word) >= 4 and word.endswith("نا") and word not in _NA_NOT
            and not word.endswith(("انا", "ونا", "ينا", "ءنا"))
            and not word.startswith(("ال", "لل", "بال", "كال")))  # «الزنا»: «ال» takes no «ـنا» of ours
# First-person words the list above lacked (QA11 6586, «بحسب ليوناردو، علاقتي … مني … جئت»):
# prepositions with «ـي», nouns a player or official speaks of as his own, and verbs whose «ـني»
# is «me». Each reads as the first person whatever its vowels. Unvoweled.
_FIRST_PERSON_MORE = frozenset({
    "مني", "عني", "بنفسي", "لنفسي", "علاقتي", "منزلي", "حياتي", "مسيرتي",
    "عائلتي", "زوجتي", "رأيي", "زملائي", "أولادي", "ابني", "ابنتي", "أمي", "وجودي", "وطني", "مهنتي", "تجربتي",
    "مشواري", "بلادي", "أصدقائي", "جمهوري", "جئت", "أتيت", "استقبلني", "يسعدني",
    "يشرفني", "جعلني", "منحني", "أعطاني", "دفعني", "يهمني", "بالنسبة لي",
}) - {"وطني", "جمهوري"}  # «وطني»/«جمهوري» are also adjectives: «الحزب الوطني», «مرشح جمهوري»
# Present verbs of the third person that end in «ني» without being «… me» («يعني», «يبني»).
_NOT_ME = frozenset({
    "يعني", "تعني", "سيعني", "ستعني", "يبني", "تبني", "سيبني", "ستبني", "يثني", "تثني", "يغني",
    "تغني", "يستثني", "تستثني", "يستغني", "تستغني", "يعتني", "تعتني", "يتواني", "تتواني", "يدني",
    "تدني", "يمني", "يميني", "يجني", "تجني", "ينثني", "يلوني", "تلوني", "يكفي"})


_SUFFERED_AFTER = frozenset({"التي", "الذي", "أن", "ان", "بعدما", "ما"})


def _me_verb(word: str) -> bool:
    """«يحفزني», «تحبني», «تنتابني»: a present verb with the object pronoun «ني» (me); not
    «يعني», «تعاني» («ـاني» is a verb's or a noun's own ending) nor «يمني» (Yemeni)."""
    return (word[:1] in "يت" and word.endswith("ني") and len(word) >= 5
            and word[-3] not in "ايو" and word not in _NOT_ME)


_INNER_QUOTE_RE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_WORD_RE = re.compile(r"[\u0621-\u0652\u0670-\u06d3ـ]+")
_MARKS_RE = re.compile("[\u064b-\u0652ـ]")  # harakat and tatweel: «معيّنة» is not «معي»
_COMPLEMENTIZERS = frozenset({"إن", "إنه", "إنها", "إنهم", "إنهن", "إنهما", "إنكم"})


_NEGATIONS = frozenset({"لا", "لن", "لم", "ولا", "ولن", "ولم", "فلا", "فلن", "فلم"})
# Nouns in ن- that follow «لا» («لا نية لديه», «لا نهاية لها»): not a verb in «نحن».
_NOUNS_IN_NUN = frozenset({
    "نية", "نهاية", "نتيجة", "نسبة", "نوع", "نظام", "نحو", "نفس", "نقاش", "نص", "نقطة", "نشاط",
    "نجاح", "نقص", "نظير", "نفوذ", "نزاع", "نقاط", "نتائج", "نهائيا", "نهائياً", "نصيب"})


def first_person(text: str) -> bool:
    """True when the paraphrase speaks in the first person outside any quote it holds
    («نحن لسنا المرشح الأقرب», «لا أحظى في فريقي…», «لن نضمن شيئا»: a negated verb in ن-)."""
    outside = _INNER_QUOTE_RE.sub(" ", text)
    if "بالنسبة لي" in _MARKS_RE.sub("", outside):
        return True
    prev = ""
    written = [w.replace("ـ", "") for w in _WORD_RE.findall(outside)]
    words = [_MARKS_RE.sub("", w) for w in written]
    for n, word in enumerate(words):
        if (written[n] in _FIRST_PERSON_VOWELED
                or written[n][1:] in _FIRST_PERSON_VOWELED and written[n][:1] in "وف"):
            return True  # «لستُ قلقا», «ولديّ نقاش»: the vowel says «I»
        bare = word[1:] if word[:1] in "وف" and len(word) > 3 else word
        # «بأننا», «لأننا», «كأننا», «وبأننا»: a preposition before the word of «we».
        inner = bare[1:] if bare[:1] in "بلك" and len(bare) > 4 else bare
        if _we_suffix(bare) or (inner != bare and _we_suffix(inner) and (
                inner in _FIRST_PERSON or inner.startswith(("أن", "إن", "ان")))):
            return True
        if inner in _FIRST_PERSON:
            return True
        if word == "مني" and (prev in _SUFFERED_AFTER or (
                n + 1 < len(words) and words[n + 1].startswith("ب"))):
            prev = word
            continue  # «الهزائم التي مني بها»: «مُني» (suffered), not «منّي» (from me)
        if (word in _FIRST_PERSON or bare in _FIRST_PERSON or word in _FIRST_PERSON_MORE
                or bare in _FIRST_PERSON_MORE or _me_verb(bare)):
            return True
        if (prev in _NEGATIONS and word.startswith("ن") and len(word) >= 3
                and word not in _NOUNS_IN_NUN):
            return True
        prev = word
    return False


# Names and places in -ين, which a clause may start with in any case.
_NAMES_IN = frozenset({"فلسطين", "الصين", "البحرين", "بنيامين", "حسين", "ياسين", "تشرين",
                       "بين", "حين", "الدين", "الحسين", "أمين", "الأمين", "ماكين", "لينين",
                       "بوتين", "كرملين", "الكرملين", "برلين", "جنين", "يقين", "اليمين"})


# Indefinite nouns that start a clause cut from «قال إن عددًا من…» in the accusative (seen in the
# corpus); adverbs in -ًا («كثيرا ما», «طبقا لـ») and names («روسيا», «ناديا») are not here.
_ACCUSATIVE_INDEFINITE = frozenset({
    "عددا", "رجلا", "قصفا", "وفدا", "هجوما", "انفجارا", "دولا", "شخصا", "اجتماعا", "زلزالا",
    "طفلا", "جنديا", "مزيدا", "جنرالا", "جنودا", "واحدا", "شابا", "فريقا", "مسؤولا", "موظفا",
    "فلسطينيا", "مدنيا", "مسلحا", "صاروخا", "حريقا", "تقريرا", "قرارا", "اتفاقا", "جزءا",
    "مواطنا", "لاجئا", "مقاتلا", "ضابطا", "رئيسا", "وزيرا", "شرطيا", "عنصرا", "عناصرا",
    "تحقيقا", "جهودا", "استطلاعا", "مسحا",
})
# «هناك تحقيقا …», «ثمة جهودا …»: a fronted predicate before an accusative noun, cut from «أن هناك».
_THERE = frozenset({"هناك", "هنالك", "ثمة", "ثمّة"})
# Adverbs and adverbial accusatives in «-ًا» that open a clause in any case («دائماً ما»,
# «استنادًا إلى»): no «إنّ» was cut before them. Unvoweled.
_ADVERBS_IN_AN = frozenset({
    "دائما", "ائما", "أيضا", "ايضا", "استنادا", "علما", "طبقا", "وفقا", "نظرا", "تقريبا", "حاليا",
    "مثلا", "خصوصا", "جدا", "فعلا", "أولا", "اولا", "ثانيا", "ثالثا", "أخيرا", "اخيرا", "مؤخرا",
    "عموما", "غالبا", "أحيانا", "احيانا", "كثيرا", "قليلا", "سابقا", "لاحقا", "قريبا", "تحديدا",
    "شكرا", "تبعا", "فضلا", "ردا", "تماشيا", "انطلاقا", "بدلا", "حفاظا", "تجنبا", "حرصا", "سعيا",
    "منعا", "تعبيرا", "احتراما", "تأكيدا", "إضافة", "اضافة", "حتما", "أبدا", "ابدا", "غدا",
    "يوميا", "سنويا", "رسميا", "عمليا", "نسبيا", "تدريجيا", "شخصيا", "مجددا", "مجانا", "معا",
    "سويا", "جميعا", "ربما", "لاسيما", "أساسا", "اساسا", "إجمالا", "اجمالا", "حرفيا", "فورا",
    "صباحا", "مساء", "ليلا", "نهارا", "تماما", "مطلقا", "خلافا", "وصولا", "عوضا", "إلحاقا",
})


def _there_accusative(word: str) -> bool:
    """The noun after «هناك/ثمة» in the accusative, unvoweled or not («فسادا», «ديونا»,
    «"شكوكا»): cut from «أن هناك». Not a broken plural in «ـايا» («قضايا»), a definite noun or a
    number; an adverb («هناك أيضا») gets «فإن» too, which reads as well."""
    bare = _MARKS_RE.sub("", word)
    return (len(bare) >= 3 and bare.endswith("ا") and not bare.endswith("ايا")
            and not bare.startswith("ال") and not bare[:1].isdigit())


def _accusative_start(text: str) -> bool:
    """The clause starts with a noun in the accusative: it was cut from «قال إن اللاعبين…»
    («اللاعبين يجب أن…», «الحالتين لا تشكلان», «السكان الفلسطينيين بحاجة», «عددا من المسلحين
    قتلوا»), which reads wrong without its «إنّ»."""
    words = [w.strip("\"«»“”(") for w in text.split()[:2]] or [""]
    first = words[0]
    if _MARKS_RE.sub("", first) in _ACCUSATIVE_INDEFINITE:
        return True
    if first.endswith(("اً", "ًا")) and _MARKS_RE.sub("", first) not in _ADVERBS_IN_AN:
        return True  # «ألماً جسدياً حاداً أجبرها», «حرباً محتملة … ستكون»: the tanween is written
    if first in _THERE and len(words) > 1 and _there_accusative(words[1]):
        return True  # «هناك تحقيقا في الموضوع», «هناك فسادا»: «فإن هناك فسادا»
    if first in _NAMES_IN or not first.endswith("ين") or len(first) < 5:
        return first.startswith("ال") and len(words) > 1 and words[1].endswith("يين")
    return first.startswith("ال") or first.startswith("م")  # «المسلحين», «مسلحين»


# «أنه فخور…», kept from «قال بأنه فخور…»: after «بحسب X،» or alone it reads «إنه».
_AN_FORMS = frozenset({"أنه", "أنها", "أنهم", "أنهما", "أنهن"})


def _as_inna(text: str) -> str:
    """«أنه فخور…» → «إنه فخور…»: a clause that stands alone opens with «إنّ», not «أنّ»."""
    first, _, rest = text.partition(" ")
    if first in _AN_FORMS and rest:
        return "إ" + first[1:] + " " + rest
    return text


def after_bihasab(text: str) -> str:
    """The paraphrase after «بحسب X،»: «إنه يعمل…» (or «أنه يعمل…») becomes «فإنه يعمل…» (a
    clause after «بحسب» that starts with «إنّ» takes «ف»), and one cut from «إنّ» gets it back
    («اللاعبين يجب…» → «فإن اللاعبين يجب…»); anything else as written."""
    text = _as_inna(text)
    first = text.split(" ", 1)[0]
    if first.rstrip("،,:") in _COMPLEMENTIZERS:
        return "ف" + text
    return "فإن " + text if _accusative_start(text) else text


def standalone(text: str) -> str:
    """The paraphrase as a sentence of its own (before «— المتحدث»): «أنه فخور…» reads «إنه
    فخور…», and one cut from «إنّ» with an accusative subject gets it back («إن اللاعبين يجب…»)."""
    text = _as_inna(text)
    return "إن " + text if _accusative_start(text) else text


# Feminine heads without «ة»: titles and words a denial's speaker may start with. Unvoweled.
_FEMININE_HEADS = frozenset({
    "إسرائيل", "موسكو", "واشنطن", "طهران", "أنقرة", "دمشق", "بكين", "باريس", "لندن", "برلين",
    "القاهرة", "الرياض", "الدوحة", "بغداد", "إيران", "مصر", "الصين", "اليابان", "قطر", "الهند",
    "فرنسا", "أمريكا", "أميركا", "كندا", "الكويت", "تونس", "الجزائر", "بيونغ", "سيول", "كييف",
    "هي", "إدارة"})
# Countries in «-يا» («تركيا», «روسيا», «سوريا») are feminine; a man's name in «-يا» is rare.
_MASCULINE_IN_YA = frozenset({"زكريا"})
_PLURAL_F_RE = re.compile(r"^(?:و?ال)?[\u0621-\u064a]{2,}ات$")


def denial_verb(speaker: str, clause: str = "") -> str:
    """«نفى» or «نفت», as a verb before its subject agrees with it: feminine for a head noun in
    «ة» («وزارة الخارجية», «الحكومة»), a plural in «ات» («السلطات»), or a capital or country
    named as a state («موسكو», «إسرائيل»); masculine otherwise («المسؤولون», «الوزير»).

    A bare name that shows no gender («كامبريدج أناليتيكا», a company; «ساركوزي», a man) takes
    the gender of the pronoun the denied `clause` opens with, which refers back to it: «أنها
    أنجزت …» → «نفت», «أنه كان …» → «نفى» (QA13: «وتنفي كامبريدج أناليتيكا أنها …» was shown
    «نفى»)."""
    head = speaker.split(" ", 1)[0].strip(_PUNCT) if speaker.split() else ""
    if head.endswith("ة") or head in _FEMININE_HEADS or _PLURAL_F_RE.match(head) or (
            head.endswith("يا") and len(head) >= 4 and head not in _MASCULINE_IN_YA):
        return "نفت"
    opening = clause.split(" ", 1)[0] if clause else ""
    if (opening in ("أنها", "إنها", "بأنها") and not head.startswith(("ال", "وال"))
            and _MARKS_RE.sub("", head) not in _MASCULINE_HEADS):
        return "نفت"
    return "نفى"


# Heads that are masculine whatever the clause says («نفى وزير الخارجية أنها …»: she is
# someone else). Unvoweled.
_MASCULINE_HEADS = frozenset(
    "وزير رئيس عضو نادي نائب مدير متحدث ناطق مسؤول مصدر سفير قائد زعيم مستشار محامي مدرب"
    " لاعب نجم حزب جيش مكتب مجلس اتحاد بيان مرشد أمين".split())


def _as_anna(text: str) -> str:
    """«إنه …» (a clause kept from «نفى إنه») reads «أنه …» after «نفى X»."""
    return "أ" + text[1:] if text.startswith("إن") else text


def denial_parts(text: str, speaker: str) -> tuple[str, str]:
    """(«نفى المسؤولون», «أن يكون لهم أي علاقة»): who denied, and the clause denied."""
    return f"{denial_verb(speaker, _as_anna(text))} {speaker}", _as_anna(text)


def denial(text: str, speaker: str) -> str:
    """The denied clause with its speaker: «نفى المسؤولون أن يكون لهم أي علاقة» (Arabic line)."""
    who, clause = denial_parts(text, speaker)
    return f"{who} {clause}"


def denied_by(speaker: str) -> str:
    """The English label of a denial: "X denied" (the clause follows, in Arabic)."""
    return f"{speaker} denied"
