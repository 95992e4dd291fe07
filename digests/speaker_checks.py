"""Is a subject read at a speech cue a speaker: checks and trims of digests.cue_speakers.

`plausible_speaker` rejects a clause misread as a name («بـ"الذباب الإلكتروني"», «قائلين»,
«وعندما تسعى», «احتياجاتها»); `no_voice` and `bare_medium` mark a subject that is nobody who speaks
(«منهم», «الله تعالى») or a medium whose name was not read («شبكة» alone); `object_cut` cuts a
subject that ran into the object of «اتهم», «دعا», «طالب» …; `nominative` gives an accusative
subject kept from «إنّ/لكنّ» its nominative form. Pure functions of words and tokens
(digests.speakers).
"""

from __future__ import annotations

import itertools
import re

from digests.arabic import _freq
from digests.speakers import (
    CLAUSE_OPENERS,
    MANNER,
    Tok,
    addressee,
    possessed_object,
)
from digests.object_tails import named_object_start, sent_message
from digests.speaker_spans import SINGULAR_UN, document_object_cut
from digests.speaker_words import _BY_MEANS, masdar_act
from digests.speech import (
    CLAUSE_CONJ,
    PUBLISHING,
    cue_of,
    fold,
    strip_conj,
)

_ADDRESSEES = frozenset(
    "صحيفه جريده مجله وكاله قناه موقع شبكه اذاعه تلفزيون احدي احد الصحيفه الجريده المجله"
    " الوكاله القناه الموقع الشبكه الاذاعه التلفزيون الصحفيين الصحافيين صحفيين صحافيين".split())


# «ولخص أحدهم الموقف»: one of them speaks, as written (not a possessed noun). «بعضهم» (some of
# them) stays out: the group named before («محللون … لكن بعضهم حذر») is the better speaker.
_INDEFINITE = frozenset("احدهم احداهم احدهما احداهما احداهن".split())


# Words that never open a speaker: a comparative or amount («نقل أكثر من …»), an event noun
# («أعلنت سقوط مسلحين»), a particle or adverb («ربما», «لأنه», «تماما»). Folded.
_NOT_A_NAME_START = frozenset(
    "اكثر اقل سقوط مقتل لقد قد هل ربما بما ما وما بل لان لانه لانها لكي كي عاده تماما تحديدا حاليا"
    " واحدا قرابه زالت مازال مازالت يعتقد يتعين بشده بحراره بحق يمكن يجب ينبغي يبدو".split())
# First words that name no voice (folded): a preposition with its pronoun («منهم»: of them),
# God quoted in a column («قال الله تعالى»: scripture, not news speech).
_NO_VOICE = frozenset("منهم منها منه منهما منكم منا منهن الله بينهما بينهم بينها".split()) | frozenset(
    # «إلا أن خطوة تجديد العقد تؤكد أن …» (QA59-47): a step taken shows, the writer infers
    "خطوه خطوات".split()) | frozenset(
    # «وكشف انهيار نانبرغ أثناء عدة لقاءات … حجم الضغط» (QA59-28: «بحسب انهيار نانبرغ»): what
    # befell someone shows, it says nothing; the one it befell is not its subject
    "انهيار سقوط مقتل وفاه انفجار".split())
# Alone, a figure of speech in opinion columns («فقد كشفت الساحة أن», «أثبتت الأيام أن»).
_NO_VOICE_ALONE = frozenset("الساحه الايام الظروف الواقع".split()) | frozenset(
    # «انتقد الخميس، التصريحات التي أدلى بها X، واصفا إياها بأنها "…"» (6944), «واعتبر
    # التصريحات "مقززة …"» (5716): the verb's object; statements made are nobody who speaks
    # (one «التصريح» may be a statement speaking, as «البيان» is: «ومضى التصريح إلى القول»)
    "التصريحات".split()) | frozenset(
    # «يتساءل الجميع: لماذا …» (QA59-16, a column): «everyone» is the writer's figure, and
    # «بحسب الجميع، …» credits nobody
    "الجميع".split()) | frozenset(
    # «على إصدار نفي واضح قال فيه: "…"» (F43, seed 39, 2513: «— واضح»): an indefinite adjective
    # alone is the denial's description, the word before «قال فيه»; nobody of that name speaks
    "واضح واضحه صريح صريحه قاطع قاطعه مقتضب مقتضبه شديد شديده".split()) | frozenset(
    # «ذلك الدين … والذي يدعو الإنسان إلى أن يرعى حق جاره» (F44, seed 40, 978: a line with
    # «الإنسان» for its speaker): generic man is the one called on, never a voice of the news
    "الانسان المرء".split()) | frozenset(
    # «تصريحان وقرار قادم، تأكيد ملموس على أن …» (F44 corpus diff, 2929: «— ملموس»): the
    # verbal noun's adjective, as «واضح» above
    "ملموس ملموسه".split())
# Adjectives of a careful, deep or hidden reading: after a definite noun, the writer's. Folded.
_READINGS = frozenset(
    "الدقيق الدقيقه المتاني المتانيه العميق العميقه المعمق المعمقه الخفي الخفيه الضمني"
    " الضمنيه".split())
# The article's own figures: a data noun with «the previous/aforementioned» («تؤكد الأرقام
# السابقة أن …», F48, seed 42, 5552) is the writer reading what he listed, nobody's voice. Folded.
_DATA_NOUNS = frozenset("الارقام الاحصاءات الاحصائيات المعطيات المعلومات المؤشرات النتائج"
                        " الوقائع الحقائق الامثله الشواهد المعطيات".split())
_ABOVE = frozenset("السابقه السالفه المذكوره الانفه الوارده اعلاه".split())
# Prepositions as written («علي» with ي is also the name Ali).
_PREPS = frozenset("في على إلى الى من عن مع حول عبر بين لدى".split())
# Nouns that name a medium or a firm by the name written after them: alone they name nobody.
_BARE_MEDIA = frozenset("شبكه شركه قناه صحيفه محطه وكاله موقع مجله جريده اذاعه".split())


# Verbs whose subject is followed by an object («اتهم X تركيا بـ…», «دعا X المجتمع الدولي إلى
# …», «طالبت X بريطانيا بتفسير …»). Folded, without «و/ف».
OBJECT_VERBS = frozenset(
    "اتهم اتهمت يتهم تتهم دعا دعت يدعو تدعو طالب طالبت يطالب تطالب حث حثت يحث تحث حض حضت"
    " يحض تحض هدد هددت يهدد تهدد ابلغ ابلغت يبلغ تبلغ طمان طمانت يطمئن تطمئن حذر حذرت يحذر"
    " تحذر ناشد ناشدت يناشد تناشد حمل حملت يحمل تحمل هاجم هاجمت يهاجم تهاجم انتقد انتقدت"
    " ينتقد تنتقد اخبر اخبرت يخبر تخبر".split())
# Words that open such an object: a country or capital, «المجتمع الدولي», «الولايات المتحدة».
_OBJECT_STARTS = frozenset(
    "تركيا بريطانيا روسيا ايران اسرائيل واشنطن موسكو طهران انقره لندن باريس فرنسا المانيا"
    " امريكا اميركا سوريا مصر قطر اليونان قبرص الصين اليابان المجتمع الولايات الامم دول الدول"
    " السلطات الحكومه الحكومات المواطنين الجميع الشعب الاطراف المسؤولين"
    " حراس لاعبي اللاعبين الجماهير المشجعين"  # «حذر الحارس X حراس المونديال من …»
    " اعضاء".split())  # «دعا رئيس الفيفا جاني إنفانتينو أعضاء المجلس إلى» (seed 24, 2700)
# Titles that are a person alone when definite («الرئيس», «المدعي»). Folded, without «ال».
_TITLE_OBJECTS = frozenset("رئيس وزير مدعي نائب سفير قاضي مدير مستشار وزيره رئيسه".split())
# Nouns whose genitive a country may be («سفير روسيا», «حكومة تركيا», «وكالة أنباء الإمارات»).
_GENITIVE_HEADS = frozenset(
    "رئيس رئيسه وزير وزيره سفير سفيره حكومه خارجيه ملك امير ولي مندوب مندوبه وزاره جيش"
    " برلمان سلطات شرطه بنك مصرف سفاره قنصل قنصليه ممثل ممثله مبعوث نائب رئاسه مجلس"
    " منتخب مدرب لاعب راديو اذاعه وكاله انباء مفتي عمده حاكم وزراء قوات مكتب وفد حزب شركه قائد مدير"
    " نادي صحيفه موقع عاصمه باسم قاده زعماء انصار اعداء خصوم مؤيدو مؤيدي حلفاء جيران شعب سكان"
    " اهالي مواطنو مواطني دوله جمهوريه مملكه سلطنه خبراء فريق لجنه بعثه هيئه مفوضيه".split())


_FAIL_RE = re.compile(r"^ال.ا..$")  # «الحاكم», «السابق»: the active participle of form I


# The people of the subject, with his pronoun: the object of «حذر/دعا/طالب …» when they follow
# it («حذر ميسي مدربه …», «دعا الرئيس مواطنيه إلى …»). Folded.
_RELATION_OBJECTS = frozenset(fold(w) for w in (
    "مدربه مدربها زملاءه زملائه زميله زميلها رفاقه رفاقها لاعبيه لاعبيها أنصاره أنصارها"
    " مواطنيه مواطنيها نظيره نظيرها مساعديه مساعديها أتباعه أتباعها حلفاءه حلفائه حلفاءها"
    " حلفائها شعبه شعبها جمهوره جماهيره جماهيرها أبناءه أبنائه").split())


def object_cut(norm: str, speaker: str) -> str:
    """After «اتهم», «دعا», «طالب» … the object follows the subject at once: cut it there.

    «واتهم أناستاسيادس تركيا بتبني …» → «أناستاسيادس»; «ودعا المومني المجتمع الدولي …» →
    «المومني»; «سفير روسيا» keeps its genitive.
    """
    verb = strip_conj(norm)
    if verb not in OBJECT_VERBS:
        return speaker
    # «ودعا البيان منسق الشؤون الإنسانية …، مارك لوكوك، "…"» (QA25 E1): whom it called on
    speaker = document_object_cut(speaker)
    names = speaker.split()
    if names and fold(names[0]) in _FEMININE_OBJECTS and not verb.endswith("ت") \
            and not verb.startswith("ت"):
        # «وحذر الدول الإفريقية من …» (K12): a masculine verb takes no feminine plural subject;
        # the subject is the one named before, the words after the verb whom he warned.
        return ""
    if (len(names) > 1 and all(fold(w).startswith("ال") and fold(w)[2:] in _TITLE_OBJECTS
                               for w in names[:2])):
        # «انتقد الرئيس المدعي العام، …، فقال "…"» (F14's seed 17, 1146): one definite title
        # after another is whom he attacked, not his own title.
        return names[0]
    cut = next((n for n, w in enumerate(names) if fold(w.rstrip("،,:")) in _RELATION_OBJECTS), None)
    if cut is not None:
        # «حذر ميسي مدربه فالفيردي وزملاءه من أن …»: whom he warned, his own people.
        return " ".join(names[:cut])
    cut = named_object_start(names, _GENITIVE_HEADS)
    if cut:
        # «اتهم الرئيس الأمريكي دونالد ترامب الحرس الثوري …», «حثت السلطات الأسترالية الناس»
        # (QA50 E1): a body or people after the name, the one accused or urged
        names = names[:cut]
        speaker = " ".join(names)
    for n in range(1, len(names)):
        word, prev = fold(names[n]).lstrip("#"), fold(names[n - 1])
        if (prev.startswith("ال") and prev.endswith("ون")
                and len(prev) >= 6 and prev not in SINGULAR_UN and not word.startswith("ال")
                and not word.startswith("لل") and word not in _EMPHATIC):
            # «وأبلغ المحققون ساركوزي أنه …» (F16's skipped list): a definite plural subject
            # takes no indefinite word after it; the one told starts there, and after «اتهم،
            # دعا، حذر …» the one accused («ويتهم المنتقدون بوتن … بإخفاء», seed 24, 3506).
            return " ".join(names[:n])
        if (word in _GOVERNMENT and prev not in _GENITIVE_HEADS and not prev.startswith("ال")
                and not (prev.startswith("م") and prev.endswith(("ي", "و")))
                and n + 1 < len(names)):
            # «وطالبت شركة موانئ دبي حكومة جيبوتي "بأن …"» (F41, seed 37, 1308): an indefinite
            # «حكومة X» after a name that heads no genitive is the one urged or accused
            # («رئيس حكومة …», «ممثلي حكومة …» keep it)
            return " ".join(names[:n])
        if (word in _OBJECT_STARTS and prev not in _GENITIVE_HEADS
                and not prev.endswith("ات")
                and not (prev.endswith("ه") and not prev.startswith("ال"))
                and not (prev.endswith("ي") and not prev.startswith("ال"))
                and not (prev.startswith("م") and prev.endswith("و"))):
            # («منظمة الأمم المتحدة», «محققي/محققو الأمم المتحدة»: a noun in construct before it)
            return " ".join(names[:n])
        if (n >= 2 and prev.startswith("ال") and (prev.endswith(("ي", "يه")) or prev == "المتحده")
                and word.startswith("ال") and len(word) >= 6 and not _adjective(word)
                and not _FAIL_RE.match(word)):
            # «واتهم محققو الأمم المتحدة الشركة بأنها …»: after the subject's relative adjective
            # (or «المتحدة») a long definite noun starts the object; «العام», «الخاص», «الحاكم»,
            # «السابق» are adjectives still.
            return " ".join(names[:n])
    return speaker


_GOVERNMENT = frozenset("حكومه حكومات".split())  # folded, indefinite: in construct with a country
_HAPPENED = frozenset("حصلت حصل وقعت وقع جرت جري".split())  # folded: «a massacre happened»
# Plurals of things and bodies that a masculine verb cannot take as its subject. Folded.
_FEMININE_OBJECTS = frozenset("الدول دول الحكومات السلطات الحكومه".split())
# «themselves/all» after a plural (definite singulars in «ون»: speaker_spans.SINGULAR_UN).
_EMPHATIC = frozenset("انفسهم جميعهم كلهم".split())


# A participle that opens a description of the subject with its own object («النادي المنتمي إلى
# …», «دروغبا … والبالغ عمره 39 عاما»): the speaker ends before it. Folded.
_DESCRIPTION_OPENERS = frozenset("المنتمي المنتميه والمنتمي البالغ والبالغ البالغه والبالغه".split())
# Condemning verbs whose object, an event, follows the subject at once («ودانت الوزارة الأحداث»).
_CONDEMN = frozenset("دان دانت ادان ادانت يدين تدين ندد نددت يندد تندد استنكر استنكرت".split())
_EVENT_OBJECTS = frozenset(
    "الاحداث الهجوم الهجمات الحادث الحادثه الاعتداء الاعتداءات التفجير التفجيرات القصف الغارات"
    " الضربات القرار الخطوه العمليه".split())
_DEMAND = frozenset("طالب طالبت يطالب تطالب".split())


# Participles that name what one is known or called as («المعروف بـ/بأنه», «الملقب بـ»);
# left last in a subject, their complement was cut. Folded.
_DANGLING = frozenset(
    "المعروف المعروفه الملقب الملقبه المشهور المشهوره المعروفين"
    # «وكالة خبر التابعة لحزب …», «صحيفة "سبورت" الإسبانية المقربة من …» (F31, seed 31,
    # 3122): the adjective without what the body belongs or is close to
    " التابع التابعه المقرب المقربه الموالي المواليه المحسوب المحسوبه"
    # «وتقول منظمة ( Born Free) المعنية بالحياة البرية إن» (F41–F43's left, 210): «concerned
    # with» without what the body is concerned with
    " المعني المعنيه".split())


# Heads of a second title joined after the first («… ونقيب الصحفيين»). Folded.
_JOINED_HEADS = frozenset("نقيب رئيس رئيسه وزير وزيره امين مدير مديره عضو نائب قائد".split())


def tail_cut(norm: str, speaker: str) -> str:
    """The subject without the words after it that are not it (QA18 R2, R9, R11).

    «دروغبا قائد ساحل العاج السابق والبالغ عمره» → «دروغبا قائد ساحل العاج السابق» (a
    description with its number); after «دان/ندد» the event condemned («وزارة الخارجية الأحداث»
    → «وزارة الخارجية»); after «طالب» the demand opened by «بـ» + a definite or feminine noun
    («وزارة الخارجية بهدنة فورية …» → «وزارة الخارجية»).
    """
    words = speaker.split()
    cut = next((n for n in range(1, len(words)) if fold(words[n]) in _DESCRIPTION_OPENERS), None)
    if cut is not None:
        words = words[:cut]
    if len(words) >= 3 and fold(words[-1].rstrip("،,.")) in _DANGLING:
        # «وقال ديمتري كيسليوف المعروف بأنه أكثر مقدمي البرامج …» (seed 29, 3837: «ديمتري
        # كيسليوف المعروف»): the subject stopped at «بأنه»; the participle without what it
        # is known as says nothing
        words = words[:-1]
    if len(words) >= 3 and words[-1].startswith("و") and fold(words[-1][1:]) in _JOINED_HEADS:
        # «رئيس المجلس الأعلى لتنظيم الإعلام ونقيب» (seed 31, 2920): a second title joined by
        # «و» whose own words were cut off; the first speaker is whole without it
        words = words[:-1]
    verb = strip_conj(norm)
    if verb in _CONDEMN and len(words) > 1 and fold(words[-1].rstrip("،,.")) in _EVENT_OBJECTS:
        words = words[:-1]
    if verb in _DEMAND:
        cut = next((n for n in range(1, len(words)) if words[n].startswith("ب") and (
            fold(words[n])[1:3] == "ال" or words[n].rstrip("،,.").endswith("ة"))), None)
        if cut is not None:
            words = words[:cut]
    return " ".join(words)


def plural_verb_object(norm: str, speaker: str) -> str:
    """The subject read after verb `norm`: none when the verb has its plural ending.

    «قد أعلنوا تنظيم مسيرة» (F16's skipped list): «أعلنوا» holds its subject; «تنظيم مسيرة»
    is its object, never a speaker. Only for words written after the verb (a subject before
    it, «مسؤولين كبار اعتبروا أن», agrees with it).
    """
    return "" if plural_verb(norm) else speaker


def plural_verb(norm: str) -> bool:
    """The cue verb `norm` (folded) has its plural ending («قالوا», «وأضافوا», «وصفوا»)."""
    # «وصفوا»: the verb's own «و» (وصف) is no conjunction, so the stripped form is short (F49,
    # corpus 797: «زعماء دينيين … وصفوا مشروع القانون بأنه» was «— مشروع القانون»)
    return any(len(v) >= 5 and v.endswith("وا") for v in (strip_conj(norm), norm))


# Finite verbs seen right after a subject the reading ran over (QA21 R5): a clause that
# describes it with no relative pronoun («فتاة تبلغ من العمر», «مستشار أجنبي يعمل لدى»,
# «تقرير نشره موقع», «فصيل تطلق على نفسها») or the subject's own predicate after «كان» («وكان
# مجلس الأمن الدولي تبنى السبت قرارا»), and «قد» before one. Folded, closed list: an unvoweled
# masculine past verb cannot be told from a name or noun by its shape («تكون» of «هانوا تِكوِن»).
_TAIL_VERBS = frozenset(
    "تبني تبنت يتبني تتبني ترغب يرغب شمل شملت يشمل تشمل تبلغ يبلغ يعمل تعمل نشر نشرت"
    " نشرته نشرها تطلق يطلق يشتبه ويحمل يحمل تحمل قد".split())
# What is left of «ولم يرغب» without its verb names nobody. Folded.
_PARTICLES = frozenset("لم ولم لا ولا لن ولن قد وقد".split())


# Present verbs that describe an indefinite body by its aim or field («حملة أميركية تهدف لمنع
# …», «هيئة سورية معارضة تنشط في …», «منظمة تعنى بـ…»). Folded.
_DESCRIBING_VERBS = frozenset(
    "تهدف يهدف تسعي يسعي تعني يعني تهتم يهتم تدافع يدافع تنشط ينشط تعمل يعمل تتخذ يتخذ"
    " ترصد يرصد تراقب يراقب".split())


def describing_verb_cut(speaker: str) -> str:
    """An indefinite plural subject described by a clause with no relative pronoun ends before
    its verb: «محققون دوليون يجمعون أدلة» → «محققون دوليون» (QA13 6400); «يـ…ون» after the
    first word is a present verb of the plural («يجمعون»), not part of the name. A subject
    never ends in a finite verb of `_TAIL_VERBS` («مجلس الأمن الدولي تبنى» → «مجلس الأمن
    الدولي», «كليتشدار أوغلو قد» → «كليتشدار أوغلو»; QA21 R5)."""
    names = speaker.split()
    for n in range(1, len(names)):
        word = fold(names[n])
        if ((word.startswith("ي") and word.endswith("ون") and len(word) >= 5
             or word in _DESCRIBING_VERBS) and not fold(names[0]).startswith("ال")):
            # also «حملة أميركية تهدف لمنع» → «حملة أميركية» (F31, seed 31, 462): a singular
            # body described by what it aims at or does
            return " ".join(names[:n])
    if len(names) > 1 and fold(names[-1]) in _TAIL_VERBS and (
            len(names) > 2 or fold(names[0]) not in _PARTICLES):
        return " ".join(names[:-1])
    return speaker


# Indefinite subjects seen in the accusative after «إنّ/لكنّ» («لكن استطلاعا للرأي كشف أن»,
# «إن مصدرا أمنيا قال»). Unvoweled, without tanween.
_ACCUSATIVE_HEADS = frozenset(
    "استطلاعا مصدرا مسؤولا تقريرا مسحا فريقا عددا خبيرا شاهدا دبلوماسيا متحدثا ناطقا".split())
_TANWEEN_RE = re.compile("[\u064b\u0640]")


def nominative(speaker: str) -> str:
    """The speaker as the subject of «قال»: an accusative kept from «إنّ/لكنّ» loses its alif
    («استطلاعا للرأي» → «استطلاع للرأي», «مصدرا أمنيا» → «مصدر أمني»); others as written."""
    words = speaker.split(" ")
    if not words or _TANWEEN_RE.sub("", words[0]) not in _ACCUSATIVE_HEADS:
        return speaker
    out = [_TANWEEN_RE.sub("", words[0])[:-1]]
    agreeing = True
    for w in words[1:]:
        bare = _TANWEEN_RE.sub("", w)
        # Adjectives agree («أمنيا» → «أمني»); anything else ends the agreement.
        agreeing = agreeing and bare.endswith("ا") and len(bare) > 3 and not bare.startswith("ال")
        out.append(bare[:-1] if agreeing else w)
    return " ".join(out)


# Indefinite subjects that «و» joins to the clause before («…، ومصادر أمنية قالت إن»). Folded.
_JOINED_SUBJECTS = frozenset(
    "مصادر مصدر مسؤول مسؤولون مسؤولين شهود شاهد ناشطون ناشطين خبراء خبير سكان مراقبون محللون"
    " تقارير اطباء مسعفون مسعفين دبلوماسيون مصادرنا".split())
# Words in «وال» that are nouns, not «و» + «ال» («والد الضحية», «والدة», «والي»). Folded.
_WAL_NOUNS = frozenset("والد والده والدها والدته والي والاس والتر".split())
# How often a definite word after «ف» must be in the reference table to be read as a word.
_COMMON_WORD = 20


def colon_cut(speaker: str) -> str:
    """The subject up to the word its speech began in: «عصمان مايدمي لفرانس24:"الأفواج» →
    «عصمان مايدمي» (whom he spoke to is dropped with it), «الوزير:"نحن» → «الوزير»,
    «قائلة:"لا» → "" (QA13 1320; the quote marks were glued to the colon)."""
    words = speaker.split()
    at = next((n for n, w in enumerate(words) if ":" in w.rstrip(":")), None)
    if at is None:
        return speaker
    head = words[at].split(":", 1)[0]
    keep = words[:at]
    if head and not addressee(Tok(0, len(head), head, fold(head))):
        keep.append(head)
    return " ".join(keep)


def conjunction_cut(speaker: str) -> str:
    """«ومصادر أمنية» → «مصادر أمنية», «والشرطة» → «الشرطة»: a subject written before its
    verb after a comma keeps the «و» that joins its clause to the one before (F11's leftover:
    «بحسب ومصادر أمنية، …»); names in «و» («وليد», «والد الضحية») are left as written."""
    words = speaker.split()
    if (words and words[0].startswith("فال") and len(words[0]) >= 6
            and _freq().get(fold(words[0][1:]), 0) >= _COMMON_WORD):
        # «…، فالرئيس السيسي يقول في مؤتمر …:» (F46, seed 41, 5493): «ف» + a common definite
        # word joins the clause; names in «فال» («فالفيردي», «فالنسيا») are no common word
        return " ".join([words[0][1:]] + words[1:])
    if not words or not words[0].startswith("و") or len(words[0]) < 4:
        return speaker
    rest = fold(words[0][1:])
    if fold(words[0]) in _WAL_NOUNS:
        return speaker
    if rest in _JOINED_SUBJECTS or (rest.startswith("ال") and len(rest) >= 5):
        return " ".join([words[0][1:]] + words[1:])
    return speaker


def bare_medium(name: str) -> bool:
    """«شبكة», «صحيفة» alone: a medium whose name was written in a way not read («صحيفة
    »أكسبريس«»); the speaker is known to be unknown, so nobody else is put in its place."""
    return len(name.split()) == 1 and fold(name) in _BARE_MEDIA


# Pronouns of the first person: a subject that holds one is the writer, not a named speaker.
_FIRST_PERSON_WORDS = frozenset("انني اننا انا نحن لكنني لكننا فانني فاننا".split())


# A share of those polled written as the subject: «48 بالمئة», «38 إلى 58 في المئة», «1.8%».
SHARE_RE = re.compile(r"^[\d٠-٩]+(?:[.,][\d٠-٩]+)?(?: (?:إلى|الى|و|-) [\d٠-٩]+(?:[.,][\d٠-٩]+)?)?"
                      r"(?:%|٪| ?بال?مئة| ?بالمائة| في ال?مئة| في المائة)(?=\s|$|[،,])")


def no_voice(name: str) -> bool:
    """«منهم», «الله تعالى», «الساحة» alone, «بأخطائك»: a subject that is nobody who speaks
    (opinion columns: «فقد كشفت الساحة أن», «قال الله تعالى»); its speech is nobody's, and the
    last speaker is not put in its place."""
    words = name.split()
    if not words:
        return False
    first = words[0]
    norm = fold(first)
    if first.rstrip("،,").endswith(("%", "٪")):
        return True  # «بينما قال 1.8% فقط إنهم يؤيدون …»: a share of those polled, no voice
    if len(words) == 2 and norm in ("كل", "لكل") and fold(words[1]) in _NO_VOICE:
        # «وبات يعتبر كل منهما أنه الأحق …» (QA59-23): «each of them», two parties at once;
        # the last speaker (the press review's «الكاتب») is not put in their place
        return True
    definite = itertools.takewhile(lambda w: fold(w).startswith("ال"), words[1:])
    if norm.startswith("ال") and any(fold(w) in _READINGS for w in definite):
        # «يكشف التحليل الدقيق لطرائف أشعب، أنه …», «والنقد الاجتماعي الخفي، الذي يشير إلى
        # أن …» (F43's and F44's left, 3654): a careful or hidden reading is the writer's own
        # figure, nobody who speaks (a study's «التحليل» alone stays a source)
        return True
    if norm in _DATA_NOUNS and any(fold(w) in _ABOVE for w in words[1:3]):
        # «تؤكد الأرقام السابقة أن المملكة شهدت …» (F48, seed 42, 5552): «the figures above» are
        # the writer's own list; «بحسب الأرقام السابقة، …» names no source
        return True
    return (norm in _NO_VOICE or (len(words) == 1 and norm in _NO_VOICE_ALONE)
            or (len(words) == 1 and norm[:1] in "بل" and len(norm) >= 5
                and first.rstrip("،,:.").endswith("ك")))  # «بأخطائك»: «your» errors


# A song's lyrics and tunes with their pronoun («وكتب كلماتها X»): the object of «كتب», read
# first in the subject (seed 21, 518). Folded.
_CREDITS = frozenset("كلماتها كلماته كلماتهم الحانها الحانه لحنها لحنه".split())


# One who speaks for another, with «her/their»: «محاميها», «متحدثهم» (not «والدها»: her father
# is most often the one named last).
_HER_PERSON_RE = re.compile(
    r"^(?:محامي|محامو|متحدث|متحدثت|مستشار|مساعد|وكيل)"
    r"(?:ها|هم|هما)$")


def plausible_speaker(name: str) -> bool:
    """False for a subject misread from a clause: «بـ"الذباب الإلكتروني"», «قائلين», «وعندما
    تسعى», «احتياجاتها», «عالمي (بمدرب» — a name does not open with a glued preposition, a
    participle or a conjunction, is not one possessed noun, and keeps its brackets paired.
    Indefinite speakers as written («أحدهم», «أحد السكان», «مصدر») are speakers."""
    words = name.split()
    if not words:
        return False
    first = words[0]
    norm = fold(first)
    if first.startswith(("بـ", "لـ", 'ب"', "ب«", "ل«", 'ل"')) or strip_conj(norm) in CLAUSE_CONJ:
        return False
    if first.startswith(("كأ", "كإ", "كـ")) and len(words) >= 2:
        return False  # «إلا أنه كأخ أكبر لها يعتبر أن» (seed 28, 2561): «as …», no name
    if norm in _BY_MEANS:
        return False  # «أدلى X بتصريح أكد من خلاله …» (F44 corpus diff, 2929): the means
    if ":" in name.rstrip(" :"):
        return False  # «كتبت قائلة:"لا أزال …"» (QA13 1320): the speech began inside the subject
    if any(fold(w.rstrip("،,")) in _HAPPENED for w in words[1:]):
        return False  # «وتقول مجزرةٌ حقيقية حصلت …» (F16's skipped list): a clause, not a name
    if sent_message(words):
        return False  # «تهنئة وجهها بمناسبة عيد النوروز» (QA50 E1): the message, not who sent it
    if norm in _CREDITS:
        return False  # «وكتب كلماتها مجدي مهنا وصورها»: a song's credits, no one speaking
    if masdar_act(name):
        return False  # «بحسب بدء الرئيس اتخاذ خطوات …» (F37, seed 35, 5112): an act, no voice
    if norm in ("اي", "كل", "جميع"):
        return False  # «نفى أي توجه للهيمنة …»: the object of a verb whose subject is a pronoun
    if norm[:1] in "وف" and strip_conj(norm) in PUBLISHING:
        return False  # «ونشرت وسائل الإعلام مقالات تشيد …»: a clause with its verb, no name
    if norm in ("الا", "غير", "بيد") or any(fold(w) in _FIRST_PERSON_WORDS for w in words):
        return False  # «الا انني اعترف الآن بأن»: the writer speaks in the first person
    if (norm in _NOT_A_NAME_START or norm in MANNER or strip_conj(norm) in CLAUSE_OPENERS
            or (norm.rstrip("%٪").replace(",", "").isdigit()
                and not (SHARE_RE.match(name) and not first.endswith(("%", "٪"))))):
        return False  # «بحسب أكثر، …», «— مبتسما», «بحسب ولهذا، …», «83٪»
    if first in _PREPS or (first[:1] in "وف" and first[1:] in _PREPS):
        return False  # «بحسب ففي عام 2014، …»: a prepositional phrase, not a name
    if addressee(Tok(0, len(first), first, norm)):
        return False  # «— لتورنبول», «بحسب لأسباب عرضية، …»: whom it was said to, or why
    if bare_medium(name):
        return False  # «بحسب شبكة، …»: the medium's name was not read
    if no_voice(name):
        return False
    if norm[:1] == "ل" and norm[1:] in _GENITIVE_HEADS:
        return False  # «بحسب لوزارة العدل، …»: «to/for the ministry», not who said it
    if norm[:1] == "ل" and (norm[1:] in _ADDRESSEES or norm[1:].removeprefix("ل") in _ADDRESSEES):
        return False  # «لمجلة كيكر», «لإحدى الصحف»: whom it was said to, not who said it
    for form in (first, first[:-2] if norm.endswith(("ين", "ون")) else ""):
        hit = cue_of(form)[1] if form else None
        if hit is not None and hit[0] == "part":
            return False  # «قائلا», «قائلين»: the participle, not its subject
    if (len(words) == 1 and len(norm) >= 5 and norm.endswith(("ها", "هم"))
            and norm not in _INDEFINITE and not _HER_PERSON_RE.match(first.rstrip("،,:"))):
        # («الاتفاقية التي يقول محاميها إنها …», F41, seed 37, 5888: «her lawyer» speaks, shown
        # as written as «محاميه» is, not the man named last)
        return False
    if len(words) == 1 and possessed_object(Tok(0, len(first), first, norm)):
        return False  # «أكد حصوله على عقد»: a possessed verbal noun, the verb's object
    if (norm[:1] == "ب" and len(norm) >= 4 and norm[1:2] not in ("ا", "و", "ي")
            and first.rstrip("،,:.").endswith("ه")):
        return False  # «بحبه لمدينته»: a preposition and a possessed noun
    return name.count("(") == name.count(")")


_AFAL_RE = re.compile(r"^الا...$")  # «الأبيض», «الأعلى» (not «فعيل»: «الرئيس» is a noun)


def _adjective(word: str) -> bool:
    """A folded definite word that reads as an adjective or a genitive after a noun: a relative
    adjective («الإسرائيلي», «الوطنية»), «أفعل» («الأبيض»), «المتحدة», or a
    noun behind «لل» («للانتخابات»)."""
    return (word.endswith(("ي", "يه")) or word.startswith("لل") or word == "المتحده"
            or bool(_AFAL_RE.match(word)))
