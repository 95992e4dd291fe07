"""Whether a clause speaks in the first person («نحن لسنا…», «حققنا», «لديّ نقاش»), outside
any quote it holds (pure).

A reported clause in the first person is the speaker's own words, not a paraphrase
(bot.attribution shows it as direct speech); a writer whose own sentences speak so is writing a
column (digests.quotes). The word lists were read from the corpus: unvoweled entries are first
person whatever their vowels, voweled ones only as written («لستُ», not «لست» for six), and
«ـنا» (we, our) has a stop list of nouns in «ن» in the accusative, names and duals.
"""

from __future__ import annotations

import re

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
