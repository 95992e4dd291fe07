"""The words around a speaker: the token, the word lists and the word tests that tell where a
speaker's noun phrase ends in news Arabic.

A paragraph's words (`Tok`, `tokens`); what is no part of a name or title: an addressee behind a
glued «ل» («لبوتين», «لعدد من الصحافيين»), a time («عام 2015», «الآن»), an adverb of manner
(«مازحا»), a possessed noun of speech («حديثه»), a prepositional object or verbal noun («بعدم
منح», «بارتكاب»), the words of asking not to be named («طلب عدم الكشف عن هويته»); and what is
(an abbreviated title «د.», the name «علي», a quoted organisation's name). digests.speakers reads
the subject with them (and re-exports the public names). Pure functions and frozen sets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digests.speech import OBJECT_NOUNS, STOP, fold, is_complementizer

MAX_SPEAKER_WORDS = 9
# «وصفته», «ووصفها»: a describing verb with its object pronoun, whose own subject follows.
_DESCRIBING_RE = re.compile(r"^[وف]?(?:وصف|وصفت|يصف|تصف)(?:ه|ها|هم|هما)$")
# A word and its comma are one token, and «إن/أن …» glued after the comma another: «مجلة بلاي
# بوي،إن الرئيس …» (F41, seed 37, 5888: the title and «إن» shown as the statement).
_TOKEN_RE = re.compile(r"[^\s،,]*[^\W\d_][،,](?=[وب]?[إأا]ن(?:ه|ها|هم|نا|ني)?(?:\s|$))|\S+")
# «د.», «أ.», «إ.», «م.», «أ.د.»: an abbreviated title or initial, not the end of a sentence.
_ABBREV_RE = re.compile(r"^(?:[\u0621-\u064a]\.){1,2}$")
# «رئيس "سيرك دو سولاي" دانيال لامار»: a title whose organisation is a short quoted name.
# Its own list, not OFFICE_HEADS | DELEGATE_HEADS (digests.title_heads): QA73-10 measured that
# union, and five corpus digests ran the speaker on into the medium after the title («المتحدثة
# لقناة "أن.تي.في" الروسية» for her name, «الوزيرة لشبكة "سي بي إس"…», «مسؤول لوكالة فرانس برس»).
_TITLE_HEADS = frozenset(
    "رئيس رئيسه مدير مديره مدرب قائد زعيم مؤسس باسم عضو ممثل امين نائب سفير".split())
# A medium's people, whose medium's name follows in quote marks («مراسل "العربية"»). Folded.
STAFF_NOUNS = frozenset(
    "مراسل مراسله مراسلو مراسلي مندوب مندوبه موفد موفده محرر محرره مذيع مذيعه مقدم مقدمه"
    " كاتب كاتبه معلق محلل".split())
# «قالت الوكالة نقلا عن مصدر …»: the words after «نقلا عن» name the real speaker.
RELAYING = frozenset("نقلا ونقلا".split())


# «مسؤول طلب عدم الكشف عن هويته»: asking not to be named, said of the speaker.
_ASKING = frozenset(
    "طلب طلبت طالبا طالبه رفض رفضت رافضا رافضه فضل فضلت مفضلا مفضله شريطه بشرط مشترطا دون بدون"
    .split())
_ASKING_FORMS = _ASKING | frozenset(p + w for p in "وفب" for w in _ASKING)
_IDENTITY = frozenset("هويته هويتها هويتهم هويتهما اسمه اسمها اسمهم اسماءهم اسمائهم".split())


def anonymity(toks: list[Tok], m: int, limit: int) -> bool:
    """Token `m` is part of «طلب عدم الكشف عن هويته», «رفض كشف اسمه»: no subject, no speech.

    The words describe the speaker; their verbs («رفض», «كشف», «ذكر») introduce nothing.
    """
    for s in range(max(0, m - 4), m + 1):
        if toks[s].norm not in _ASKING_FORMS:
            continue
        for e in range(s + 1, min(limit, s + 5)):
            if toks[e].norm in _IDENTITY:
                if m <= e:
                    return True
                break
    return False


# Indefinite nouns the preposition «على» takes in set phrases («على هامش القمة», «على خلفية»,
# «على رأس», «على صعيد»): after «علي» spelled with ي they say it is the preposition. Folded.
_ALA_OBJECTS = frozenset("هامش خلفيه راس سبيل صعيد حد حساب مدار مدي طول ضوء اثر وقع نحو".split())


def ali_before_name(toks: Sequence[Tok], j: int, limit: int, *, surname: bool = False) -> bool:
    """«علي» at token `j`, spelled with ي, before a name word («علي حسن خليل», «علي خامنئي»):
    the name Ali, not the preposition «على» spelled with ي before «أن», a stop word, a definite
    noun or a set phrase's noun («علي هامش القمة», «علي الأقل»). `surname`: where a name is
    expected (after a rank's first name, after «في سوريا» ending a title) a definite surname
    may follow («علي القحطاني», «علي الزعتري»). The one test of the speaker readers
    (`_name_ali`, digests.apposed_names, digests.name_ends, digests.placed_countries)."""
    if toks[j].raw != "علي" or j + 1 >= limit:
        return False
    nxt = toks[j + 1]
    return not (nxt.norm in STOP or nxt.norm in _ALA_OBJECTS
                or (nxt.norm.startswith("ال") and not surname)
                or is_complementizer(nxt.norm) or not nxt.raw[0].isalpha())


def _name_ali(toks: list[Tok], j: int, limit: int) -> bool:
    """«علي» at token `j` is a name (`ali_before_name`) where the paragraph writes «على» with ى
    elsewhere: a subject read after a verb needs that proof."""
    return ali_before_name(toks, j, limit) and any(
        t.raw.lstrip("و").startswith("على") for t in toks)


def _glued_complementizer(raw: str) -> bool:
    """«إن"السفارة»: a complementizer written against the opening quote mark."""
    head = re.split("[\"“«„]", raw, maxsplit=1)[0]
    return head != raw and bool(head) and is_complementizer(fold(head))


def is_abbreviation(raw: str) -> bool:
    """«د.» or «أ.د.»: a title or an initial written with a period."""
    return bool(_ABBREV_RE.match(raw))


@dataclass(frozen=True)
class Tok:
    """A whitespace-separated word with its offsets and folded form."""

    start: int
    end: int
    raw: str
    norm: str  # folded, one leading و/ف removed when that makes a known cue


def tokens(text: str) -> list[Tok]:
    """The words of a paragraph with their offsets."""
    return [Tok(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN_RE.finditer(text)]


_WHEN = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس مساء صباح"
                  " ليل ايضا كذلك مجددا".split())  # «وذكرت أيضا وكالة …»
# «وقد صرح وقتها لوسائل الإعلام:»: a time adverb before an addressee (no subject is written).
_THEN = frozenset("وقتها حينها يومها انذاك ساعتها حينئذ وقتئذ".split())
# «أوضح بجلاء أن»: an adverb of manner right after the verb, never its subject (QA11). Folded.
_MANNER_ADVERBS = frozenset(
    "بجلاء بوضوح بصراحه بشده بحزم بثقه بدقه باختصار بايجاز بحسم بتفصيل بمراره بحسره بغضب بفخر"
    " بصرامه".split())
# «أكد عام 2015 إنه», «حذرت العام الماضي من أن»: a year is when, not who. Folded.
_YEARS = frozenset("عام العام سنه السنه مطلع اواخر اوائل".split())
_YEAR_AFTER = frozenset("الماضي الماضيه المنصرم المنصرمه المقبل المقبله الجاري الحالي".split())


def _time_phrase(toks: list[Tok], i: int) -> int:
    """Tokens a year takes at `i` («عام 2015», «العام الماضي»), 0 when none is written there."""
    if i + 1 < len(toks) and toks[i].norm in _YEARS and (
            toks[i + 1].norm.isdigit() or toks[i + 1].norm in _YEAR_AFTER):
        return 2
    return 0


# Number words that head a partitive subject («قال ثلاثة من أولياء الأمور», «تسعة بالمئة ممن
# شملهم المسح»): the number alone names nobody (QA11). Folded.
NUMBER_WORDS = frozenset(
    "اثنان اثنين ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره ثلاث اربع خمس سبع ثماني تسع عشر"
    " عشرات مئات الاف".split())
_PERCENT = frozenset("بالمئه بالمائه".split())


_DOCUMENTS = frozenset("بيان تصريح".split())
_PUBLISHED_VIA = frozenset("نشر نشرته صدر صدرت نقلته نقلتها وزع وزعته بث بثته".split())


# Words that start with «ل» and a consonant and are not «ل» + a word: names («لبنان», not «ل» +
# «بنان») and nouns of the root («لجوء», «لقاء»). Folded.
_LAM_NAMES = frozenset(
    "لجنه لجان لبنان لندن لقجع لخضر لطفي لهيطه لحود لقمان لبني لميس لمي لمياء لطيفه لجين لحسن"
    " لجوء لقاء لقاءات لحظه لحظات لغه لغات لقب لهجه لقطه لقطات لحن لعبه لجنتي لبنانيون"
    " لبنانيين لبناني لبنانيه".split())


# Nouns whom a statement is made to, behind a glued «ل», even after the speaker's name:
# «قال ماتيس لعدد من الصحافيين», «كونتي لوسائل إعلام بريطانية», «مصدر عسكري لقناتي …». Folded.
_ADDRESSED = frozenset(
    "عدد وسائل مجموعه صحف صحيفتين صحيفتي قناتي قنوات وكالات مواقع اذاعات محطات الصحفيين"
    " الصحافيين صحفيين صحافيين مراسلين المراسلين سكان اسوشيتد"
    " طلاب طلبه انصار مؤيدي جمهور".split())  # «وقال ترامب لطلاب مدرسة …» (QA18 R9)
# Kin of another, told or apologised to after a name: «واعتذرت ماكدوغال لزوجة ترامب، ميلانيا،
# وقالت إنها» (F41, seed 37, 5888: «بحسب ماكدوغال لزوجة ترامب»). A person's kin is never the
# rest of a name or a title. Folded, without «ل».
_ADDRESSED |= frozenset("زوجه زوج والده والد عائله".split())


# Participles that govern «ل» («الهيئة المنظمة لوسائل الإعلام»): what follows is their object.
_GOVERNING = frozenset("المنظمه المنظم التابعه التابع المواليه الموالي المقربه المقرب".split())


def addressed_after(t: Tok) -> bool:
    """«لعدد», «لوسائل», «لجمهوره», «لزميله», «لقواته»: whom the speaker spoke to, written after
    the speaker's name; a possessed noun behind «ل» is never part of a name or title."""
    raw = t.raw.rstrip("،,:;؛.")
    if not raw.startswith("ل") or raw.startswith(("لـ", "لل")) or len(t.norm) < 4:
        return False
    return t.norm[1:] in _ADDRESSED or (
        len(t.norm) >= 5 and raw[1:2] not in ("ا", "و", "ي", "أ", "إ", "آ")
        and raw.endswith(("ه", "ها", "هم", "هن")) and not raw.endswith("الله"))


def addressee(t: Tok) -> bool:
    """«لتورنبول», «لبوتين», «لأحلام», «لمتابعيه»: «ل» glued to a name or noun, whom a statement
    was made to («قال لتورنبول»), never the speaker. A word whose «ل» is followed by a long
    vowel («لافروف», «لودريان», «ليونيل») or that is listed («لجنة», «لندن») is a name."""
    raw = t.raw.lstrip("\"“«(")
    if not raw.startswith("ل") or len(t.norm) < 4 or t.norm in _LAM_NAMES:
        return False
    if raw[1:2] in ("أ", "إ", "آ"):
        return True  # «لأحلام», «لإجراء»: «ل» + a word with hamza
    return raw[1:2] not in ("ا", "و", "ي", "ل", "ـ") and raw[1:2].isalpha()


def _named_addressee(toks: list[Tok], j: int, limit: int) -> bool:
    """Token `j` is «ل» glued to a name the paragraph also writes bare («قال سيبايوس لزيدان»
    where «زيدان» is written elsewhere): whom it was said to, after a name that is no title
    («المدير الفني لتوتنهام» keeps its club; «حمزة لبيض» is one name)."""
    raw = toks[j].raw.rstrip("،,:;؛.")
    prev = toks[j - 1]
    if (not raw.startswith("ل") or raw.startswith(("لل", "لـ")) or len(raw) < 4
            or prev.norm.startswith("ال") or prev.raw[-1:] in "،,:" or prev.norm in _TITLE_HEADS):
        return False
    bare = fold(raw[1:])
    return any(n != j and t.norm in (bare, "و" + bare) for n, t in enumerate(toks))


def now(t: Tok) -> bool:
    """«الآن» (now), written with or without madda; not the name «ألان» (Alan)."""
    return t.raw.rstrip("،,:;؛.").replace("\u064e", "") in ("الآن", "الان")


# Words that cannot belong to a name or title phrase once a speaker is written: a verb
# («السيسي سيكون سيد العالم»), an adverbial participle («صديقه مازحا»), a verbal noun or its
# plural opening the object («زيدان رغبته», «ماس انتقادات», «المملكة الأردنية اعتداءات»).
_CLAUSE_VERBS = frozenset(
    "كان كانت سيكون ستكون سيتم ستتم سيصبح ستصبح اصبح اصبحت بات باتت سيظل ستظل"
    " سيبقي ستبقي سياتي ستاتي".split())
MANNER = frozenset(
    "مازحا ممازحا ضاحكا ساخرا متهكما غاضبا شارحا باكيا مبتسما متعجبا مستغربا مفتخرا متفاخرا"
    " متحسرا صارخا هامسا".split())
_OBJECT_PLURALS = frozenset(
    "انتقادات اعتداءات تهديدات تحذيرات اتهامات مطالبات ضمانات".split())
# Words that open another clause («عندما كان …», «مهما كانت …», «كيف ستصبح …»).
CLAUSE_OPENERS = frozenset("عندما بعدما حينما اذا كيف لماذا مهما لهذا ولهذا".split())
_OBJECT_MASDARS = frozenset("سحب سقوط قتل مقتل".split())
# Indefinite verbal nouns that open the object clause of «أعلن/قرر/انتقد/اعتبر …» («أعلنت
# وزارة الخارجية الأمريكية بدء "…"», «أعلنت الحكومة البريطانية طرد 23 دبلوماسيا», QA19 N5).
# After a definite word they cannot be its genitive («منظمة حظر الأسلحة», «تحالف دعم الشرعية»
# follow an indefinite head), so they start the clause, never end a speaker. Folded; not
# «عودة», «زيادة» (surnames: «النائب أيمن عودة»).
CLAUSE_MASDARS = frozenset(
    "بدء اطلاق وقف تعليق استئناف انطلاق تاجيل الغاء اغلاق منع ارسال تشكيل تنظيم اقامه انسحاب"
    " انهاء توقيع تعيين اقاله تقديم رفع خفض تمديد فرض انشاء تخصيص تحويل شراء بيع تنفيذ اعاده"
    " اعتزام اعتماد تسليم اخلاء اعدام توقيف مصادره حجز حظر ادراج طرد ترحيل تجميد استنكار"
    " تخفيض اعفاء ايقاف تعزيز تقليص احاله توجيه افتتاح تكليف ابعاد استبعاد اعاره تجديد"
    " مقاطعه محاوله محاولات".split())  # («محاولة»: QA59-14, «واستنكر محاولة وسائل إعلامية …»)
# Verbal nouns that also head a body's name («تنظيم الدولة», «تشكيل …», «مقاطعة كيبيك»).
_MASDAR_BODIES = frozenset("تنظيم تشكيل مقاطعه".split())


# Verbal nouns that open the object of «أعلن/قرر …» when their own object, an act, follows
# («أعلن أردوغان فتح تحقيق لمعرفة …», X113, QA71-4: «— أردوغان فتح تحقيق لمعرفة الطلاب …»):
# after a name as after a definite word. Folded; «فتح» alone is the movement («حركة فتح»).
_OPENING_ACTS = (CLAUSE_MASDARS - _MASDAR_BODIES) | frozenset(("فتح", "اجراء"))
_INQUIRIES = frozenset("تحقيق تحقيقا تحقيقات".split())
# Heads a verbal noun may be the genitive of in a body's name («لجنة وقف إطلاق النار»). Folded.
_ACT_BODIES = frozenset("لجنه هيئه مجلس مكتب جهاز اداره وحده حركه منظمه".split())


def act_and_object(t: Tok, prev: Tok | None, nxt: Tok | None) -> bool:
    """«فتح تحقيق», «إجراء تحقيق», «وقف تنفيذ» after a subject's word: an indefinite verbal noun
    and the act it takes, the object of the verb before the subject, never more of its name."""
    return (prev is not None and nxt is not None and t.norm in _OPENING_ACTS
            and prev.norm not in _ACT_BODIES and t.raw[-1] not in "،,:;؛."
            and (nxt.norm in _INQUIRIES or nxt.norm in CLAUSE_MASDARS or _tafil_act(nxt.norm)))


# Words of the shape «تفعيل» that are no act: bodies, documents and media that speak, and
# names (Tawfiq, Tahsin, Taghrid, Taysir; the Tasnim agency and Tikrit, REV2). Folded.
_TAFIL_NOT_ACTS = frozenset(
    "تقرير تحقيق تحليل تلفزيون تحالف تجمع تنظيم تصريح تسجيل توفيق تحسين تغريد تيسير تسنيم"
    " تكريت".split())


def _tafil_act(norm: str) -> bool:
    """«تعطيل», «تمديد», «تأجيل» (folded): an indefinite verbal noun «تفعيل», an act."""
    return (len(norm) == 5 and norm[0] == "ت" and norm[3] == "ي" and norm[4] not in "اوي"
            and norm not in _TAFIL_NOT_ACTS)


def masdar_act(name: str) -> bool:
    """«بدء الرئيس اتخاذ خطوات …», «رفع سعر الفائدة أكثر»: a phrase opened by an indefinite
    verbal noun names an act, not a voice — read as a subject before a relative clause's verb
    («مع بدء الرئيس اتخاذ خطوات أكثر جرأة يقول إنها ضرورية», F37, seed 35, 5112)."""
    words = name.split()
    return len(words) >= 2 and fold(words[0]) in CLAUSE_MASDARS and (
        fold(words[0]) not in _MASDAR_BODIES)


_POSSESSIVE = ("هما", "هم", "ها", "ه")
# «ب» + these: a prepositional object («بعدم منح», «بذلك»), never part of a name.
_B_OBJECTS = frozenset(
    "عدم ذلك هذا هذه ما سبب فرض حل منع كل قرار مقتل موجب قيمه شرح قتل ضروره صعوبه سهوله اهميه"
    " اتخاذ".split())  # («وطالب بضرورة العمل», «وأقر المشاركون بصعوبة …», «هدد نادي X باتخاذ»)
_LONG = frozenset("اوي")


# A possessed noun of speech or state after a verb is its object («أكد حصوله على عقد», «قال في
# حديثه»), never a speaker; «عائلته», «محاموه», «وزارته» are. Folded.
POSSESSED_OBJECTS = frozenset(
    "حصوله حديثه حديثها كلامه كلامها كلمته كلمتها تصريحه تصريحها تصريحاته حالته تعبيره امامه"
    " هويته هويتها دراسته بيانه بيانها انتقاده تقريره تقريرها رسالته رسالتها توضيحه توضيحها"
    " رده ردها تعليقه تعليقها ترشحه ترشحها".split())  # («أعلن ترشحه», F37: corpus_dev 5882)


def possessed_object(t: Tok) -> bool:
    """«حديثه» (his talk), not «حديثة» (recent): a listed noun with the pronoun «ه»/«ها»."""
    return t.norm in POSSESSED_OBJECTS and t.raw.rstrip("،,:;؛.").endswith(("ه", "ها"))


# «ب» + the means or manner of speaking («بيده», «بنفسه», «برسالة»): never part of a name.
_BY_MEANS = frozenset(
    "بيده بيديه بيدها بنفسه بنفسها بانفسهم بصوته بصوتها براسه بلسانه بقلمه بصفته بصفتها"
    " باصبعه برساله بتغريده بتغريدات ببيان بتصريح بتصريحات بتقريرها بتقريره بخطاه".split())


# «ب» + the form the words took, bare or with its pronoun («أعلن أردوغان بخطاب له»,
# «بكلمته», «بمقابلة»; QA79-6): how it was said, never more of the name. Folded.
_SPEECH_FORMS = frozenset(
    "خطاب كلمه مقابله حديث تصريح تصريحات تغريده تغريدات بيان رساله مداخله منشور".split())


def _speech_form(norm: str) -> bool:
    """«بخطاب», «بخطابه», «بكلمتها» (folded): «ب» and a noun of the speech's form."""
    rest = norm[1:] if norm[:1] == "ب" else ""
    stems = {rest} | {rest[:-len(s)] for s in _POSSESSIVE if rest.endswith(s) and len(rest) > len(s)}
    # «بكلمته»: the ة of «كلمة» is written ت before the pronoun
    return any(st in _SPEECH_FORMS or (st.endswith("ت") and st[:-1] + "ه" in _SPEECH_FORMS)
               for st in stems if st)


def _object_word(t: Tok, prev: Tok | None) -> bool:
    """Token `t` opens the verb's object or another clause, not more of the speaker.

    `prev` is the word before it in the speaker (None at the speaker's first word).
    """
    norm = t.norm
    if t.raw.startswith(("بـ", 'ب"', "ب«", "ب“")):
        return True  # «سانتوس بـ"الانتخابات": a prepositional object in quote marks
    if norm in MANNER:
        return True  # «رد عليها مبتسما:»: how it was said, never who said it
    if prev is not None and (norm in _BY_MEANS or _speech_form(norm) or (
            t.raw.startswith("ب") and len(norm) >= 5
            and t.raw.rstrip("،,:;؛.").endswith(("ها", "هم", "هما")))):
        # «وأشار المتحدث بيده إلى», «أقر الكل بحبها»: a prepositional phrase, not the name
        return True
    if norm[:1] == "ب" and len(norm) > 2:
        rest = norm[1:]
        bare_raw = t.raw.rstrip("،,:;؛.")
        if prev is not None and rest[:1] not in _LONG and (
                (len(rest) >= 3 and bare_raw.endswith("ه") and not bare_raw.endswith("الله"))
                or (len(rest) == 4 and rest[0] == "ت" and rest[3] == "ي")
                or (len(rest) == 5 and rest[0] == "ت" and rest[2] == "ا")):
            # «بمنعه», «بشهادته», «بحبه», «بتبني», «بتجاوز»: a preposition and the verb's object
            # («محمد بري», «مايك بنس», «فوزي برهوم», «بلدية»: no such pattern)
            return True
        if prev is not None and rest in CLAUSE_MASDARS:
            # «وطالبت ميترا بوقف أي تعامل» (F37, seed 35, 4488: «— ميترا بوقف»): «ب» and a
            # verbal noun the verb takes as its object («بإطلاق», «بتعليق», «بطرد»), not a name
            return True
        if (rest in _B_OBJECTS or (rest.startswith("است") and len(rest) >= 6 and rest[-2] == "ا")
                or (len(rest) >= 6 and rest[0] == "ا" and rest[2] == "ت" and rest[4] == "ا")
                or (len(rest) == 6 and rest[0] == "م" and rest[2] == "ا" and rest[5] == "ه")
                or (len(rest) == 5 and rest[0] == "ت" and rest[3] == "ي" and rest[4] != "ا")):
            # «بعدم منح», «بانتظام», «بارتكاب», «باستمرار», «بمحاسبة», «بتغيير»: a preposition
            # and its verbal noun («جمشيد بارتشيزاده», «روزا بارترا», «باستاد»: no such pattern)
            return True
    if norm in CLAUSE_OPENERS:
        return True
    if prev is None:
        return False
    if norm == "الامر" and prev.norm not in ("ولي", "وولي", "اولياء", "واولياء") and not (
            len(prev.norm) >= 4 and prev.norm.endswith(("ه", "ات"))):
        # «ويوضح الباحثان أندرو أوزوالد وأوغونيو بروتو الأمر قائلين» (F36, seed 34, 5126):
        # «the matter» is what was explained («ولي الأمر», a guardian, is a speaker; so is a
        # noun that takes it as its genitive: «هيئة الأمر بالمعروف», «سلطات الأمر الواقع»,
        # review RG)
        return True
    if (norm in CLAUSE_MASDARS or _tafil_act(norm)) and prev.norm.startswith("ال"):
        # «وزارة الخارجية الأمريكية بدء "…"»: the object clause starts; so does any indefinite
        # verbal noun «تفعيل» after a definite word («وأعلنت الحكومة الفلسطينية تعطيل كافة
        # المؤسسات …», F45, QA70-3: «— الحكومة الفلسطينية تعطيل …»), which cannot be its genitive
        return True
    bare = next((norm[:-len(s)] for s in _POSSESSIVE if norm.endswith(s)
                 and len(norm) - len(s) >= 3), "")
    if bare.endswith("ت"):
        bare = bare[:-1] + "ه"  # «رغبته»: the ة of «رغبة» written as ت before the pronoun
    return (norm in _CLAUSE_VERBS or norm in MANNER or norm in _OBJECT_PLURALS
            or possessed_object(t)
            or norm in _OBJECT_MASDARS or (bare != "" and bare in OBJECT_NOUNS))


# «ومتحدث باسم حركة "الشباب"»: an organisation's name in quote marks is part of the speaker.
_ORGANISATIONS = frozenset(
    "حركه حزب تنظيم جماعه ائتلاف تحالف جبهه منظمه جمعيه مؤسسه شركه مجموعه مركز معهد نادي"
    " فصيل كتيبه لواء".split())
