"""The speech lexicon: Arabic speech verbs and the words around quotes, in folded spelling.

What `digests.quotes` needs to read news Arabic: the speech verbs in their past, feminine, plural,
present and participle forms (with و/ف prefixed), the complementizers إن/أن/بأن, and the word
classes that end a speaker («في», «خلال», «للصحفيين», an object noun) or mark quote marks as a
name or a slogan (صحيفة، وكالة، حملة، «بعنوان» …). Pure data and small lookups; no I/O.
"""

from __future__ import annotations

import re
import unicodedata

_PAST_MASC = (
    "قال اضاف اكد اوضح شدد اعلن دعا حض حث طالب اعتبر راي صرح اشار لفت افاد ذكر تابع اردف نفي"
    " حذر كشف نقل ابلغ اعرب تساءل زعم لاحظ اختتم ختم علق اقر اعترف توقع هدد وعد ادعي استطرد"
    " اكمل كتب غرد نوه جدد رد اشاد انتقد اتهم وصف طمان رجح استبعد المح شكك تعهد"
    " هاجم تحدث خلص اصر اهاب ندد استنكر رحب ادان تضمن رفض لخص"
    # «أعلم X أن» (informed), as «أبلغ» (F41, QA59-20's Hamdallah); «الله أعلم», «لا أعلم»,
    # «أعلم أن» (I know) are no cue (digests.speech_cues._no_one_speaks)
    " اعلم"
    # «أخبر X أن» (told), as «أبلغ» (F46, M24's left: «وأخبر مسؤول أمريكي رويترز أن …»)
    " اخبر"
).split()

_PRESENT_STEMS = (
    "قول ضيف ؤكد وضح شدد علن دعو حض حث طالب عتبر ري صرح شير لفت فيد ذكر تابع ردف نفي حذر كشف"
    " نقل عرب تساءل زعم لاحظ ختتم علق قر عترف توقع هدد دعي ستطرد كمل كتب غرد نوه جدد رد"
    " شيد نتقد تهم صف رجح ستبعد لمح شكك تعهد"
    " هاجم تحدث خلص صر هيب ندد ستنكر رحب دين"
    " خبر"  # «يخبر/تخبر» (F46)
).split()

_PARTICIPLES = (
    "مضيف مؤكد موكد موضح مشدد معتبر مشير لافت قائل متابع محذر معرب منوه مطالب داعي مستطرد"
    " مردف متسائل مبين مجدد معلن مختتم ناقل كاشف مشيد مبدي مستنكر منتقد مطمئن مرحب معلق"
    " مجيب مهدد متوعد متهم ناف نافي رافض واصف مذكر مستدرك"
).split()

# Verbs that are often nouns or non-speech («طالب لجوء», «ذكر الله»): their subject becomes the
# "last speaker" only when speech follows.
AMBIGUOUS = frozenset(
    "طالب ذكر رد نقل كتب وصف وعد جدد تابع كشف ختم اختتم توقع لاحظ تعهد"
    " هاجم تحدث خلص اصر اهاب ندد استنكر رحب ادان رفض اعلم اخبر"
    # «أورد» cites (a source's text, not always its statement)
    " اورد".split())

# «قال X، …» sets a statement off with a comma as with «:» (these verbs only).
# Not «تابع»: after a comma it is "followed, watched" as often as "went on" (QA9 N4: «تابع X
# خسارة فريقه من المدرجات»); with «:» or «إن» it still opens speech.
SAY = frozenset("قال قالت اضاف اضافت يقول تقول يضيف تضيف".split())

SPEAKING = frozenset("متحدث متحدثا متحدثه متحدثين".split())

# Passive or impersonal frames: «لم يتم كشف …» names nobody.
IMPERSONAL = frozenset("يتم تم سيتم ويتم وتم".split())

# «نشر X تغريدة قال فيها …»: the publisher is the speaker of what the post says.
PUBLISHING = frozenset(
    "نشر نشرت اصدر اصدرت بث بثت وجه وجهت ارسل ارسلت القي القت عقد عقدت كتب كتبت".split())
IN_WHICH = frozenset("فيه فيها فيهم فيهما فيهن".split())  # «رسالتين … قال فيهما» (F38)
# Subjects that state facts rather than speak («تشير الأرقام إلى أن», «أظهرت الصور أن»).
NOT_SPEAKERS = frozenset(
    "احصاءات احصائيات ارقام تقديرات مؤشرات معطيات نتائج صور لقطات مشاهد اثار معلومات".split())
NEGATIONS = frozenset("لا ولا لم ولم لن ولن".split())

# The writer's own fillers: «ويذكر أن …», «يشار إلى أن …».
FILLERS = frozenset("يذكر ويذكر يشار ويشار".split())
# Impersonal frames right before أن: «ويرجح أن …» (it is likely that), «يتوقع أن …» (it is
# expected), «مما يعني أن …» (which means): the writer's hedge, nobody's statement.
HEDGES = frozenset("يرجح يتوقع يعني يفترض يبدو".split())

# Words that carry no speaker: the subject stops at any of them.
STOP = frozenset((
    "في خلال امام عبر علي على من عن مع الي الى حول بشان بخصوص يوم اليوم امس غدا الاحد الاثنين"
    " الثلاثاء الاربعاء الخميس الجمعه السبت مساء صباح ليله الليله ظهر عصر لدي لدى بعد قبل منذ"
    " ان انه انها انهم انهما اننا اني بان بانه بانها بانهم بانهما باننا وان وانه وانها"
    " الذي التي الذين اللذان اللتان بدوره بدورها ايضا كذلك اليوم بيان تصريح تصريحات مؤتمر"
    " كلمه حديث مقابله مداخله لقاء رساله تغريده تغريدات حسابه حسابها صفحته صفحتها انذاك حينها وقت"
    " رسالتين رسالتان تغريدتين تغريدتان"  # the dual (F38: «وكتب X رسالتين نشرهما موقع …»)
    " ما ماذا لا لم لن قد هذا هذه ذلك تلك هنا هناك نحو حوالي بينما حيث كما او ثم"
    " سوف"  # «فإن أشعب سوف يعتبر من …» (F43, seed 39, 3654: «— أشعب سوف»): a particle, as «قد»
    " الشهر الاسبوع السنه الماضي الماضيه المقبل المقبله الجاري"
    " ردا تعليقا جوابا اجابه بقوله بقولها بقولهم بالقول البالغ البالغه قوله قولها قولهم قولهما"
    " قبيل عقب اثناء فور اثر عند بعيد ضمن طوال قبلها بعدها وقتها يومها ساعتها حينئذ وقتئذ"
    " عشيه"  # «وكان راموس صرح عشية المباراة، …، أن» (M24): on the eve of, a time as «قبيل»
    " الصحفيين الصحافيين المراسلين"  # «وأبلغ كونتي الصحفيين:»: the addressee
    # adverbs: «قال ترامب بشكل متكرر إن …», «كشفت مؤخرا أن …»
    " بشكل بصوره بقوه مجددا مرارا مؤخرا حاليا لاحقا رسميا علنا صراحه كثيرا دائما"
    " فان فانه فانها فانهم وهو وهي وهم سابقا فهو فهي فهم"
    " مخاطبا مخاطبه متوجها متوجهه موجها"  # «وتابع مخاطبا الرئيس»: whom he spoke to
    # what was published: «أصدرت الشركة بيانا قالت فيه», «عقد ترمب مؤتمرا صحفيا قال فيه»
    " بيانا تصريحا مؤتمرا خطابا رسائل مقالا منشورا تسجيلا شريطا مقطعا فيديو تقريرا صوره صورا"
    " وحول وفي وعن ومن ومع وعلي وخلال وبشان وعقب وبعد وقبل"  # «وبحسب أردان فإن "…"»: the statement begins
    # «وتحدث غرانت خارج المحكمة»، «وتوقعت BP وبحلول عام 2040، أن» (QA25 E2): where and when
    " خارج وخارج بحلول وبحلول"
).split())

PREPOSITIONS = frozenset("الي الى علي على في من عن مع حول عبر بين لدي لدى".split())

# Nouns that introduce a name in quote marks (paper, channel, campaign …), not speech.
NAME_NOUNS = frozenset((
    "صحيفه صحيفتي جريده مجله وكاله قناه موقع شبكه اذاعه تلفزيون راديو حمله حملات برنامج"
    " كتاب فيلم مسلسل روايه عمليه عمليات مبادره منظمه جمعيه حركه حزب تنظيم جماعه ائتلاف"
    " تحالف جبهه لواء كتيبه فصيل مؤتمر منتدي مهرجان معرض قمه اتفاق اتفاقيه خطه مشروع"
    " قانون قرار وثيقه اعلان عنوان بعنوان وسم هاشتاغ هاشتاج شعار شعارات لافته لافتات"
    " هتاف هتافات منصه تطبيق شركه مجموعه فرقه مركز معهد مؤسسه صندوق جائزه بطوله كاس"
    " كتابه مقال مقاله تقرير دراسه ماركه علامه نادي فريق مسابقه مباراه اغنيه قصيده"
    " مسرحيه عرض نشره صفحه حساب مدونه لقب اسم مسمي يسمي تسمي المسمي المسماه ملف"
    " عملاق مطعم فندق سفينه حامله طائره صاروخ صواريخ منظومه نظام مناورات تمرين"
).split())

# Nouns after which quote marks hold a title or slogan whatever its length.
TITLE_NOUNS = frozenset("عنوان بعنوان عنوانها عنوانه شعار شعارات وسم هاشتاغ هاشتاج لافته لافتات"
                         " اسم باسم مسمي".split())

# Nouns that name a medium or campaign even a few words before the quote marks.
MEDIA_NOUNS = frozenset(
    "صحيفه جريده مجله وكاله قناه موقع شبكه اذاعه حمله عمليه شعار عنوان بعنوان وسم هاشتاغ".split())

SLOGAN_VERBS = frozenset("هتف هتفوا يهتفون مرددين رددوا رفعوا رافعين كتب كتبت حملت تحمل".split())

ATTRIBUTION_PREPS = frozenset("بحسب حسب وبحسب وحسب وفق وفقا ووفق ووفقا بحسبما حسبما".split())

COUNTER_CUES = frozenset(
    "نفي نفت ينفي تنفي رد ردت يرد ترد ردا نافيا نافيه رفض رفضت يرفض ترفض المقابل بالمقابل"
    " جهته جهتها جانبه جانبها بدوره بدورها انتقد انتقدت ندد نددت اتهم اتهمت".split())

# Denial verbs: their reported clause is the proposition denied, not the speaker's statement.
DENIALS = frozenset("نفي نفت ينفي تنفي نفوا ينفون نافيا نافيه انكر انكرت ينكر تنكر".split())

# The nouns of a statement the speaker finders share, in named parts where their tables differ.
# Issued statements («بيان», «تصريحات», «تغريدة»): in every such table. Folded.
STATEMENTS = frozenset("بيان تصريحات تغريده".split())
# Where a statement is spoken («في تصريح», «في مؤتمر صحفي», «في حديث», «في مقابلة»). Folded.
STATEMENT_TALKS = frozenset("تصريح مؤتمر حديث مقابله".split())
# What a statement was said in («في بيان», «في كلمة», «في رسالة» …): the parts above, a letter
# and a speech. Folded.
STATEMENT_NOUNS = STATEMENTS | STATEMENT_TALKS | frozenset("رساله كلمه".split())
# An unnamed official («مسؤول», «مسؤولة»). Folded, without «ال».
OFFICIALS = frozenset("مسؤول مسؤوله".split())

_HARAKAT_RE = re.compile("[\u064b-\u065f\u0670\u0640]")

EDGE_PUNCT = "\"'“”«»„()[]{}.,،؛;:!?؟…-–—*#"

def fold(word: str) -> str:
    """A word in a comparable spelling: no harakat/tatweel, hamza forms as ا, ى→ي, ة→ه."""
    word = unicodedata.normalize("NFKC", word)
    word = _HARAKAT_RE.sub("", word)
    word = word.translate(_FOLD_TABLE)
    return word.strip(EDGE_PUNCT)

_FOLD_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                             "ؤ": "ؤ", "ی": "ي", "ک": "ك"})

def _build_cues() -> dict[str, tuple[str, str]]:
    """folded form -> (cue kind, gender): 'verb' (its subject follows) or 'part' (participle)."""
    cues: dict[str, tuple[str, str]] = {}
    for v in _PAST_MASC:
        cues[v] = ("verb", "m")
        fem = v[:-1] + "ت" if v[-1] in "اي" else v + "ت"
        cues[fem] = ("verb", "f")
        # «بحسب ما أوضحه»: the object pronoun of «ما» (only after «ما», see _find_cues).
        cues.setdefault(v + "ه", ("verb", "m"))
        # Plural «قالوا», «دعوا»: the subject is written before or is a pronoun.
        cues.setdefault(v[:-1] + "وا" if v[-1] in "اي" else v + "وا", ("verb", "m"))
    for s in _PRESENT_STEMS:
        cues["ي" + s] = ("verb", "m")
        cues["ت" + s] = ("verb", "f")
        cues.setdefault("ي" + s + "ون", ("verb", "m"))
    for p in _PARTICIPLES:
        cues[p] = ("part", "m")
        cues[p + "ا"] = ("part", "m")
        cues[p + "ه"] = ("part", "f")
    return cues

_CUES = _build_cues()
# «الرجل متهم بالانتماء … وبالمشاركة في "…"» (F14's seed 17, 5781): bare «متهم» is the passive
# «accused»; the speaker's «accusing» is the accusative «متهما».
del _CUES["متهم"]
# «"البرغوث" مطالب بهز شباك تشلسي» (F31, seed 31, 834): bare «مطالب» is the passive «required»
# or the noun «demands»; the speaker's «demanding» is «مطالبا» (none of the 23 bare ones of the
# development corpus is a speaker's).
del _CUES["مطالب"]
# «وبينت اللجنة أن …»: only the feminine past (masculine «بين» is «between»).
_CUES["بينت"] = ("verb", "f")

# Two-letter verbs that keep their cue after «و»/«ف» («وحث», «فحض»; not «ورد», «وعد»).
_SHORT_ROOTS = frozenset(("حث", "حض"))

# «بيّن» (explained) written with its shadda; bare «بين» is «between». Folded.
_EXPLAINED = frozenset(("بين", "وبين", "فبين"))

# «ليرد/ليجيب X بقوله:»: «لـ» before a reply verb tells what came next, not a purpose.
_REPLY_AFTER = frozenset("ليرد لترد ليجيب لتجيب".split())
# Duals of the common verbs of saying («وأضافا: "…"», «قالتا إن …»; holdout14's key quote
# after «وأضافا:» had no cue): a fixed list, as «حذرا», «صرحا», «اقرا», «ردا», «نقلا» are words of
# their own. Two speakers are never one carried from before (digests.speech_cues).
DUALS = frozenset(v + end for v in "قال اضاف اكد اوضح اعلن اشار شدد اعتبر".split()
                  for end in ("ا", "تا"))
for _dual in DUALS:
    _CUES[_dual] = ("verb", "f" if _dual.endswith("تا") else "m")
_CUES["يجيب"] = ("verb", "m")
# M24 (finder_misses «no cue the finder knows», a clause after أن): participles of speech
# written only in the accusative of a circumstance («، شارحا أن», «، ذاكراً بأن», «مبرزا أن»,
# «مدعياً أن»): the bare forms are nouns («ذاكرة» memory, «المدعي» the prosecutor), so only
# these are cues. (Not «مرجحا»: «ليس مرجحا أن» inside a speaker's own words is a judgement,
# and «يرون»: the subjects written before it read badly — «القرار أسعد كثيرين ممن» — M24's
# corpus diff.)
for _part in ("شارح", "ذاكر", "مبرز", "مدعي"):
    _CUES[_part + "ا"] = ("part", "m")
for _part in ("شارحه", "مبرزه"):
    _CUES[_part] = ("part", "f")
_CUES["تجيب"] = ("verb", "f")
# «وأوردت الصحيفة أن …», «ويورد التقرير أن …» (F34: development gold quotes with no cue): only
# opening its clause with «و», the verb before its subject; a bare «أوردت» after its subject
# («وكالة "تسنيم" … أوردت مقالات مأخوذة من …») cites texts, and its object read as the speaker.
# («ينص/قضت/أظهرت … أن» were tried too: more figures and rulings than statements.)
for _form, _gender in (("واورد", "m"), ("واوردت", "f"), ("ويورد", "m"), ("وتورد", "f")):
    _CUES[_form] = ("verb", _gender)

AFTER_MA_ONLY = frozenset(v + "ه" for v in _PAST_MASC) - frozenset(_PAST_MASC)

def cue_of(raw: str) -> tuple[str, tuple[str, str] | None]:
    """Folded token and its cue entry, trying without a leading و/ف/ل conjunction."""
    norm = fold(raw)
    hit = _CUES.get(norm)
    doubled = norm[1:] == "رد" and "\u0651" in raw  # «وردّ» (and replied), not «ورد» (came)
    if hit is None and (len(norm) > 3 or norm[1:] in _SHORT_ROOTS or doubled) and norm[0] in "وف":
        hit = _CUES.get(norm[1:])
    if hit is None and norm in _REPLY_AFTER:
        hit = _CUES.get(norm[1:])  # «…، ليرد الأمير بقوله: "…"» (F14's left): «and he replied»
    if hit is not None and strip_conj(norm) == "تنقل" and "\u0651" in raw:
        hit = None  # «تنقّل من قرية إلى أخرى» (QA25 E2): «moved», not «تنقل» (she relays)
    if hit is None and norm in _EXPLAINED and "\u064a\u0651" in raw:
        hit = ("verb", "m")  # «وبيّن البرنامج أنه …» (K12): the shadda tells «explained» from «between»
    return norm, hit

def is_complementizer(norm: str) -> bool:
    if norm.startswith("و") and len(norm) > 2:
        norm = norm[1:]
    if norm.startswith("ب") and norm[1:3] == "ان":
        norm = norm[1:]
    return norm in {"ان", "انه", "انها", "انهم", "انهما", "اننا", "اني", "انهن", "انكم", "انك"}

def strip_prefix(word: str) -> str:
    for prefix in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ك", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word

# Whom a statement was made to («قال للصحفيين»): never part of the speaker.
ADDRESSEES = frozenset(
    "للصحفيين للصحافيين للصحافه للاعلاميين للصحيفه للوكاله للقناه للموقع للتلفزيون للاذاعه"
    " لصحافيين لصحفيين لمراسلين للمراسلين للحضور للجمهور للمشاركين للمسؤولين للنواب للطلاب للجنود للمحكمه للقاضي"
    " لرويترز لفرانس لسكاي لبي لسي لوكاله لصحيفه لقناه لموقع لشبكه لمجله لاذاعه لتلفزيون"
    " لمراسل لمراسله لمراسلنا لوكالات لراديو لمحطه"
    " لنظيره لنظيرته لنظرائه"  # «العبادي لنظيره التركي»: his counterpart, addressed
    # «قول السيسي لضباط وجنود التقى بهم "…"» (F45, QA70-9): the soldiers he spoke to
    " لضباط لجنود لضباطه لجنوده".split())

# Verbal nouns that open the object of «أكد/أعلن …» when no complement follows («أكد الوزير
# وقوف بلاده …»): the speaker ends before them.
OBJECT_NOUNS = frozenset(
    "وقوف حرص رفض دعم اهميه ضروره استعداد التزام تمسك ترحيب تضامن موقف عزم رغبه"
    " استمرار مواصله قدره نجاح فشل صحه تقارير التقارير"
    " استعداده رفضه دعمه تمسكه حرصه قرار خطوه"
    " وجود عدم ادانه ادانته تاييد تاييده ثقه ثقته حاجه تشكيله تدخل"
    # «نفى رئيس الوزراء ارتكاب أي مخالفات»: what was done, denied or condemned
    " ارتكاب اجراء اتخاذ انتهاك استخدام امتلاك اعتقال اغتيال اختطاف احتجاز"
    " فتره"  # «وذكر السيسي فترة حكم مرسي … قائلاً:» (QA59-45): what he mentioned
    # «وأكد متحدث باسم فيسبوك تلقي الشركة للرسالة وقال إنها تدرسها» (F43, seed 39, 5953): the
    # receipt confirmed, not part of the spokesman's name
    " تلقي استلام"
    # «وأعلن العراق الانتصار على التنظيم …» (F43's corpus diff, 1738: «— العراق الانتصار»)
    " الانتصار"
    .split())

# Conjunctions that open a new main clause inside a sentence («…، فيما قال الجيش إن …»).
CLAUSE_CONJ = frozenset("فيما بينما وبينما كما وكما حين عندما بعدما ثم حيث اذ".split())

RELATIVES = frozenset("التي الذي الذين اللذين اللتين اللواتي".split())

OBJECT_PRONOUNS = frozenset(
    "عليه عليها عليهم له لها لهم لنا لي لك لكم منه منها اليه اليها اليهم عنه عنها عنهم"
    " فيه فيها فيهم به بها بهم"
    # the dual and the feminine plural (F38, seed 36: «رسالتين … قال فيهما إن» read «فيهما»)
    " عليهما لهما منهما اليهما عنهما فيهما بهما عليهن لهن منهن اليهن عنهن فيهن بهن".split())

def strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm

# A past speech verb after the reported clause («…، ودعا إلى …», «…، وأورد البيان أن …»): the
# writer's narration resumes (QA25 E7). Past forms only, of the verbs that are seldom anything
# else: not AMBIGUOUS ones («ونقلت رجلين إلى المستشفى», «وردت» came) save the feminine of a few
# that are speech whatever follows, not «رأى» (saw), and the writer's «أورد», «استشهد»,
# «أضفتُ», «قلتُ».
_RESUMING = [v for v in _PAST_MASC if v not in AMBIGUOUS and v != "راي"]
PAST_SPEECH = frozenset(
    _RESUMING
    + [v[:-1] + "ت" if v[-1] in "اي" else v + "ت" for v in _RESUMING]
    + [v[:-1] + "وا" if v[-1] in "اي" else v + "وا" for v in _RESUMING]
    + "ذكرت وصفت كشفت رفضت ادانت نددت رحبت هاجمت استنكرت اصرت اهابت".split()
    + "اورد اوردت استشهد استشهدت اضفت قلت".split())

# Heads of a subject that is a person by trade, beside digests.sentence_openers' titles: «وتسلم
# الممثل جوردان بيل جائزته …» then «وقال "…"» is the actor speaking (QA25 E5). Folded, no «ال».
TRADES = frozenset(
    "ممثل ممثله مخرج مخرجه كاتب كاتبه روائي روائيه شاعر شاعره مغني مغنيه مطرب مطربه فنان"
    " فنانه ملحن منتج منتجه رسام نحات مصور مصوره موسيقار عازف مؤلف مؤلفه صحفي صحفيه"
    " اعلامي اعلاميه مذيع مذيعه رياضي بطل بطله عداء عداءه سباح سباحه ملاكم".split())
