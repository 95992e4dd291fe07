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
article had it, «نفى X أن يكون …» (`denial_parts`), with «نفت» for a speaker feminine by its form
(«وزارة», «السلطات»), and in English "X denied: أن …" (`denied_by`); never «بحسب X، …», which
would state what X denied.

The paraphrase itself: when it begins with the complementizer («إنه يعمل…», kept from «قال: إنه…»),
«بحسب X،» needs «فإنه»; when it speaks in the first person («نحن لسنا…», «لكننا قررنا»), it is the
speaker's own words and is shown as a direct quote (`first_person`).
"""

from __future__ import annotations

import re

from digests.first_person import _MARKS_RE, first_person
from digests.speech import cue_of, fold
from digests.title_heads import DEPUTY, MAN_HEADS

__all__ = ["after_bihasab", "denial", "denial_parts", "denial_verb", "denied_alone", "denied_by",
           "first_person", "genitive", "hedged", "hedged_parts", "standalone"]

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
# «فال» as «وال»: a speaker read with its conjunction («فالتلفزيون»: QA55-4); a bare «ف» is not
# split, too many words start with it («فرعون», «فنان»)
_PREFIXES = ("وال", "فال", "ال", "و")
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
            if nxt and "ظبي" not in nxt and (i == 0 or words[i - 1].startswith(("ال", "وال", "فال"))):
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

_COMPLEMENTIZERS = frozenset({"إن", "إنه", "إنها", "إنهم", "إنهن", "إنهما", "إنكم"})


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
    "تحقيقا", "جهودا", "استطلاعا", "مسحا", "مبلغا", "رتلا",  # «مبلغا قدره …» (QA13 4165)
    "سائقا", "لاعبا", "صحفيا", "صحافيا", "مصدرا", "طالبا",  # «سائقا في موكب …» (QA18 R2)
})
# The broken plural «أفعال» in the accusative, unvoweled («أشخاصا», «أطفالا», «أموالا»): never a
# verb or an adverb; a name of that shape («أستانا») reads as well after «فإن».
_AFAALAN_RE = re.compile(r"^[أا][\u0628-\u064a]{2}ا[\u0628-\u064a]ا$")
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
    if _AFAALAN_RE.match(_MARKS_RE.sub("", first)) and first not in _ADVERBS_IN_AN:
        return True  # «أشخاصا عانوا», «أطفالا قتلوا»: a broken plural «أفعالًا» (X113, QA71-7)
    if first.endswith(("اً", "ًا")) and _MARKS_RE.sub("", first) not in _ADVERBS_IN_AN:
        return True  # «ألماً جسدياً حاداً أجبرها», «حرباً محتملة … ستكون»: the tanween is written
    bare = _MARKS_RE.sub("", first)
    if (len(words) > 1 and words[1] == "من" and len(bare) >= 4 and bare.endswith("ا")
            and not bare.startswith("ال") and bare not in _ADVERBS_IN_AN):
        return True  # «بعضا من نحو 11 ألف محتج رشقوا» (QA79-7): a part «من» a whole, cut from «أن»
    if (len(words) > 1 and len(first) >= 5 and first.endswith("ين") and first not in _NAMES_IN
            and not first.startswith("ال") and len(words[1]) >= 4 and words[1].endswith("وا")):
        return True  # «ناخبين أجبروا على الحضور» (QA79-7): a sound plural before its plural verb
    if first in _THERE and len(words) > 1 and _there_accusative(words[1]):
        return True  # «هناك تحقيقا في الموضوع», «هناك فسادا»: «فإن هناك فسادا»
    if first in _NAMES_IN or not first.endswith("ين") or len(first) < 5:
        return first.startswith("ال") and len(words) > 1 and words[1].endswith("يين")
    return first.startswith("ال") or first.startswith("م")  # «المسلحين», «مسلحين»


# «أنه فخور…», kept from «قال بأنه فخور…»: after «بحسب X،» or alone it reads «إنه».
# «انه يقوم…» written without its hamza (seed 27's verb clauses keep their «إنه», F26) too.
_AN_FORMS = frozenset({"أنه", "أنها", "أنهم", "أنهما", "أنهن", "انه", "انها", "انهم", "انهما", "انهن"})


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
            and fold(head) not in _MASCULINE_HEADS):
        return "نفت"
    return "نفى"


# Heads that are masculine whatever the clause says («نفى وزير الخارجية أنها …»: she is
# someone else): a man's title or trade (digests.title_heads, QA73-10), a delegate's, and
# bodies named by a masculine noun. Folded.
_MASCULINE_HEADS = MAN_HEADS | DEPUTY | frozenset(
    "عضو امين مسؤول ممثل مندوب مصدر مرشد نادي حزب جيش مكتب مجلس اتحاد بيان".split())


def _as_anna(text: str) -> str:
    """«إنه …» (a clause kept from «نفى إنه») reads «أنه …» after «نفى X»."""
    return "أ" + text[1:] if text.startswith("إن") else text


def denial_parts(text: str, speaker: str) -> tuple[str, str]:
    """(«نفى المسؤولون», «أن يكون لهم أي علاقة»): who denied, and the clause denied."""
    return f"{denial_verb(speaker, _as_anna(text))} {speaker}", _as_anna(text)


_THAT_RE = re.compile(r"^(?:ب?أن|ب?أنّ)\s+")


# A verb in the subjunctive after «أن» («أن يكون», «أن تكون», «أن يتدخل», «أن تستخدم»): without
# its «أن» it is no sentence (QA74-7: "X denied: يكون هناك دليل …" read "there is evidence").
_SUBJUNCTIVE_RE = re.compile(r"^ب?أن\s+(?:يكون|تكون|يكونا|تكونا|يكونوا|[يت]\S{2,}وا|ي\S{3,}"
                             r"|تت\S{3,}|تست\S{2,})(?:\s|$)")


def denied_alone(text: str) -> str:
    """The denied clause after an English frame, "X denied: …" (QA68-14: "X denied: أن ترامب
    أقام …" was neither language): without its «أن/بأن» («ترامب أقام …»), «أنه …» read «إنه …»
    as `standalone` does; but «أن» + a subjunctive verb keeps its «أن» («أن يكون لهم أي علاقة»:
    «يكون …» alone states what was denied, QA74-7)."""
    clause = _as_anna(text)
    if _SUBJUNCTIVE_RE.match(clause):
        return clause.removeprefix("ب")
    return standalone(_THAT_RE.sub("", clause, count=1))


def denied_by(speaker: str) -> str:
    """The English label of a denial: "X denied" (the clause follows, in Arabic)."""
    return f"{speaker} denied"


# A reported clause kept with its verb because it is a subjunctive after «أن» («ترجح السلطات أن
# تكون الطائرة تحطمت», «أعربوا عن أملهم في أن يكون القرار …»: digests.quotes).
_HEDGED_RE = re.compile(r"^\S+(?: \S+){0,15}? (?:في |على |ب|من )?[أا]ن (?:يكون|تكون|يكونا|تكونا|يكونوا"
                        r"|[يت]\S{2,}وا|ي\S{3,}|تت\S{3,}|تست\S{2,})(?:\s|$)")


def hedged(text: str) -> bool:
    """The paraphrase holds its own verb of judging, hoping or expecting before «أن يكون …»:
    it is shown as written, never after «بحسب X،», which would state what was only judged
    likely («بحسب السلطات، تكون الطائرة تحطمت», QA13 743)."""
    first = text.split(" ", 1)[0]
    if _DESCRIBING_RE.match(text):
        return True  # «واصفةً "دفع الرشى"، بأنه أمر "بالغ الخطورة"»: what she described, as
        # written (QA13 2122: «بحسب X، أمر "بالغ الخطورة"» lost what was described)
    return bool(_HEDGED_RE.match(text) or _WHETHER_RE.match(text)) and cue_of(first)[1] is not None


# «تساءل في رسالة فيما إذا كانت هذه الضغوط "لها علاقة …؟"»: what was asked, with its verb.
_WHETHER_RE = re.compile(r"^\S+(?: \S+){0,10}? (?:فيما |ما )?إذا (?:كان|كانت|كانوا)\s")


# «واصفا X بأنه …», and «وصف X Y بأنه …» kept from its verb (digests.reported_clauses, F22).
# «اتهم X Y بأنه …» too (F27: seed 27's 3142, seed 28's 3088).
_DESCRIBING_RE = re.compile(r"^(?:واصف(?:ا|اً|ًا|ة|ةً|ين)?|وصفوا|يصفون|وصف|وصفت|يصف|تصف"
                            r"|[اأ]تهم|[اأ]تهمت|يتهم|تتهم) .{1,120}? ب[أا]ن(?:ه|ها|هم)"
                            r"(?:\s|$)")


def hedged_parts(text: str, speaker: str) -> tuple[str, str]:
    """(the line, the speaker to show after it or ""): the speaker written right after the
    verb («ترجح السلطات أن …») is in the line already; else it follows («أعربوا عن أملهم في
    أن يكون …» — المصادر)."""
    words = text.split(" ", 1)
    rest = words[1] if len(words) > 1 else ""
    return text, "" if speaker and rest.startswith(speaker) else speaker
