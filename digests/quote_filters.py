"""Which quote candidates are no statement: the filters of digests.quotes's finder.

A phrase quoted inside a reported clause (`_embedded`: the clause is the quote), a short noun
phrase in quote marks set in the writer's own sentence (`_fragment`), marks whose first word the
writer's sentence governs (`_governed_opening`: «أن "تكون …"», «على "ربط …"»), a bare list of
nouns (`_bare_list`), a heading (`_is_heading`), and a "speaker" that is figures or a misread
clause (`_is_data`). About two thirds of quoted spans in Arabic news are short names, so these
matter more than the finder. Pure functions of a paragraph, its tokens and its speech cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.describer_subjects import described
from digests.quote_marks import word_count
from digests.speaker_checks import OBJECT_VERBS
from digests.speaker_words import CLAUSE_MASDARS
from digests.speakers import Tok
from digests.speech import (
    NOT_SPEAKERS,
    RELATIVES,
    STOP,
    fold,
    is_complementizer,
    strip_conj,
    strip_prefix,
)
from digests.speech_cues import Cue

MAX_EMBEDDED_WORDS = 8
MAX_HEADING_WORDS = 15  # a line this short without final punctuation is a heading
_END_PUNCT = frozenset(".!?؟…:")
_SENTENCE_END_RE = re.compile(r"[.!?؟…]\s")
_PHRASE_PREPS = frozenset("في من عن مع حول عبر بين".split())
_NOT_NAMES = frozenset("اسمه اسمها هو هي هم هما نحن انا انت ذلك هذا هذه".split())
# Subjects of «يقول/يشير» that are no person and no source: a proverb, a colour on a chart.
_THINGS = frozenset("مثل امثال لون الوان".split()
                    # «وأشارت حاشية صغيرة»، «بحسب رقم»، «تؤكد التعزيزات العسكرية أن» (QA18 R8, R11)
                    + "حاشيه رقم تعزيزات".split()
                    # «لكن محتوى الرسالة يكشف عن أنها كانت تحفيزية» (QA39 #28): the writer's
                    # inference from what a message held, nobody's statement
                    + "محتوي فحوي مضمون".split())


def _is_heading(para: str) -> bool:
    """A short line without final punctuation: a sub-heading or a related article's title."""
    text = para.strip().rstrip("\"'»”’) ")
    # A body line ends with a stop (often inside the closing mark) or goes on from the last
    # one («وقال …»); a heading does neither.
    return (bool(text) and text[-1] not in _END_PUNCT and not text.startswith("و")
            and word_count(text) <= MAX_HEADING_WORDS)


def _embedded(para: str, cues: Sequence[Cue], a: int, toks: list[Tok],
              speech: Sequence[tuple[int, int]]) -> bool:
    """True when the quote marks at `a` hold a short phrase inside a reported clause.

    «قال إن الإجراءات تهدف لمعاقبة الصين على "أعوام من السرقة …"»: the quoted phrase is part of
    the reported statement, which is the quote (gold rule 2); «قال إن "…"» is direct speech, and
    so is a long quotation the clause leads into («حض روحاني على … "لوضع حد للهجمات …"»).
    """
    close = min((i for i in (para.find(m, a) for m in "\"“”»") if i >= 0), default=len(para))
    short = word_count(para[a:close]) <= MAX_EMBEDDED_WORDS
    lead = para[:max(0, a - 1)].split()[-1:]
    if _SENTENCE_END_RE.search(para[a:close]) and lead != ["لـ"]:
        return False  # a quotation of whole sentences is direct speech, whatever leads into it
    # «يأتي في "ضوء كثافة …"»: marks opened after a preposition go on the writer's phrase
    # («دعا إلى "…"», «حث على "…"» open the verb's own complement: direct speech).
    mid_phrase = bool(lead) and lead[0].isalpha() and fold(lead[0]) in _PHRASE_PREPS
    for c in cues:
        cs = c.content_start
        if cs is None or cs >= a or toks[c.tok].start >= a:
            continue
        later = [d for d in cues if d.content_start is not None and d.tok > c.tok]
        if later and toks[later[0].tok].start < a:
            continue  # the next statement has begun before the marks
        # «تتعاطى معها بجدية …» after «إن قطر» (QA13 3250), «لا يعني …» after «أن تنويع مصادر
        # الدخل» (6370), «قد تمت دراسته» after «، وأن قرار فرض رسوم»: marks that open on a verb,
        # a particle or a pronoun whose subject (or verb) is outside them; alone, the quote reads
        # as the speaker's own conduct or means nothing. (Not after a bare «أن»: «أكد أن "لا
        # …"»; «وأنها "لا تشكل خطرا"» leaves «it» outside.)
        verb_inside = (bool(lead) and not lead[0].endswith((":", "،", ","))
                       and fold(lead[0]).lstrip("وبل") not in ("ان", "اذ")
                       and _opens_on_verb(para[a:close]))
        if verb_inside and word_count(para[cs:a - 1]) >= 1:
            return True
        if lead and lead[0] == "لـ" and word_count(para[cs:a - 1]) >= 3:
            # «في ارتكابه لـ"جنايات الاتجار …"» (QA13 1958): marks glued to «لـ» after a noun
            # of the clause hold its complement; the clause is the statement.
            return True
        # After an earlier quotation in the same clause («حذر X "…"موضحا أن "…"») the marks open
        # a new statement whose cue the first quote's marks hid (a scare-quoted word does not).
        if any(cs <= x and y < a for x, y in speech):
            return False
        between = word_count(para[cs:a - 1])
        # «أكد أن روسيا "ليست هي من بادر …"»: the quote is the predicate of a reported clause
        # whose subject stands before the marks; without it the words read cut.
        subject_first = (bool(lead) and fold(lead[0]).startswith("ال") and between <= 3
                         and not lead[0].endswith((":", "،", ",")))  # «صاحب أحد الفنادق:"…"»
        # «أنها ستودّع "27 طفلاً …"», «إن قرار ترامب يحظر "…"»: the clause's verb stands
        # outside the marks, which hold only its object; the clause is the statement (QA10).
        # (not after a comma: «… من ليفربول، "…"» sets the quotation off from the clause)
        verb_first = (1 <= between <= 4 and close < len(para)
                      and not para[cs:a - 1].rstrip(" \"“«„").endswith(("،", ","))
                      and any(_present_verb(w) for w in para[cs:a - 1].split()))
        return ((between >= 1 and (short or subject_first))
                or (mid_phrase and between >= 2) or verb_first)
    return False


# Words that open the occasion or time between a speech verb's subject and its quote marks
# («وقال بارنييه في تغريدة "…"», «حثت الصين، الجمعة، واشنطن على "…"»). Folded.
_OCCASION = frozenset(
    "في خلال عبر امام علي لدي اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت"
    " مساء صباح".split())
MIN_SET_IN_WORDS = 6  # a marked phrase this long, or with a predicate, may stand on its own
# Words that make a phrase a statement: particles, pronouns, «كان», modals. Folded.
_PREDICATE_WORDS = frozenset(
    "لا لم لن ليس ليست ليسوا هو هي هم هما نحن انا انت ان انه انها اننا انني كان كانت كانوا"
    " قد لقد سوف يجب ينبغي يمكن هناك ثمه هذا هذه ذلك تلك لدي لديك لديه لديها لدينا لديهم عندي"
    " عندنا".split())


_VERB_PARTICLES = frozenset("لا لن لم ليس ليست قد سوف".split())
# Names in «لي/لت» that a purpose clause («لينضم», «لتصبح») could be taken for. Folded.
_L_NAMES = frozenset("ليفربول ليبيا ليبي ليبيه ليون ليونيل ليستر ليتوانيا".split())


# Feminine presents of form I that open marks after their subject («أن عدم تحرك المنظمات
# "تزيد من مخاوف …"», QA13 2568); a bare «ت» opens nouns too («تقرير», «تحرك»). Folded.
_T_VERBS = frozenset(
    "تزيد تعد تمثل تشكل تبقي تظل تعني تضم تاتي تسعي تصل تبدو تفوق تهدد تضر تحتاج"
    " تملك تمنع تسمح تعكس تقع تقف".split())


def _opens_on_verb(text: str) -> bool:
    """The marked words open on a present or future verb or a particle of one («تتعاطى معها
    …», «لن تتراجع …»), which needs its subject, or on a noun whose pronoun refers back outside
    them («احتلالها من قبل …»)."""
    words = text.strip(" \"“”«»„").split()
    first = fold(words[0]) if words else ""
    if len(first) >= 5 and first.endswith(("ها", "هم", "هما")) and not first.startswith("ال"):
        return True  # «أن عفرين قد جرى "احتلالها من قبل …"»: «its» refers outside the marks
    # («تتعاطى», «تستعد»: the feminine present of forms V, VI and X; a bare «ت» opens nouns too)
    return bool(words) and (_present_verb(words[0]) or first in _VERB_PARTICLES
                            or first in _T_VERBS
                            or (len(first) >= 5 and first.startswith(("تت", "تست")))
                            # «شارك في التدريبات "لينضم بالتالي إلى …"»: a purpose clause
                            or (len(first) >= 5 and first.startswith(("لي", "لت"))
                                and first not in _L_NAMES))


def _present_verb(word: str) -> bool:
    """«يحظر», «ستودّع», «وسيبقى»: a present or future verb by its prefix."""
    norm = fold(word)
    norm = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    return len(norm) >= 4 and (norm[0] == "ي" or (norm[0] == "س" and norm[1] in "يتن"))


def _predicate(text: str) -> bool:
    """The phrase holds a verb or a predicate: a particle, a pronoun or «كان» («لا يوجد أدنى
    دليل», «الدولة في حالة رائعة» do not pass; «حققنا …», «يمكن استخدامها» do), a present or
    future verb («يحظر», «ستودّع»), a past verb of the first person plural («حققنا»)."""
    for n, w in enumerate(text.split()):
        norm = fold(w).lstrip("وف") if len(fold(w)) > 3 else fold(w)
        if norm in _PREDICATE_WORDS or fold(w) in _PREDICATE_WORDS:
            return True
        if (n and norm[:1] == "ت" and len(norm) >= 4 and not norm.endswith(("ه", "ات", "ي"))):
            return True  # «مئات الأيادي تمتد للمس النساء»: a present verb after its subject
        if len(norm) >= 4 and (norm[0] == "ي" or (norm[0] == "س" and norm[1] in "يتن")
                               or (norm.endswith("نا") and not norm.startswith("ال"))):
            return True
    return False


def _fragment(para: str, toks: list[Tok], cues: Sequence[Cue], a: int, text: str,
              s0: int) -> bool:
    """A short noun phrase in quote marks set inside the writer's own sentence («تم نقلهم إلى
    "أحد مراكز الإقامة المؤقتة"», «استراتيجية "أقصى قدر من الضغط"»): not a statement (QA11).

    Kept: a phrase of `MIN_SET_IN_WORDS` words or more, one with a predicate, one that opens
    its sentence or follows a speech verb and its subject, a complementizer or a colon.
    """
    if word_count(text) >= MIN_SET_IN_WORDS or _predicate(text):
        return False
    if not para[s0:max(s0, a - 1)].strip(" \"“”«„،,"):
        return False  # «"…"، قال X»: the sentence opens with the quote
    at = next((k for k, t in enumerate(toks) if t.start <= a - 1 < t.end), None)
    if at is None or at == 0:
        return False
    prev = toks[at - 1]
    if is_complementizer(prev.norm) or prev.raw.endswith(":"):
        return False  # «أكد أن "…"», «قالت:"…"»
    # «وقال بينيت "…"», «وأضاف"…"»: the marks right after a speech verb and its subject, or a
    # few words after a verb whose speech has not started («وقال بارنييه في تغريدة "…"»)
    if prev.norm == "و" and at >= 2 and toks[at - 2].raw.rstrip("،,")[-1:] in "\"”»":
        return False  # «كتب عليها "شكرا أيها القائد"، و"رحلة سعيدة …"»: one more of a list
    # («وقال المحامي للصحافيين "…"»: one word between, whom it was said to)
    return not any(c.end_tok == at or c.tok in (at, at - 1)
                   or (c.content_start in (None, toks[at].start) and c.tok < at <= c.end_tok + 6
                       and (at - c.end_tok == 1 or toks[c.end_tok].norm in _OCCASION or (
                           prev.norm in ("الي", "علي") and strip_conj(toks[c.tok].norm)
                           in OBJECT_VERBS)))
                   for c in cues if c.kind != "prep")


# Nouns of feeling a speaker «expresses» with his pronoun («أعرب عن قلقه "العميق إزاء …"»): the
# marks go on with its adjective, a phrase of the writer's sentence. Folded, without the pronoun.
_FEELINGS = frozenset("قلق اسف ارتياح ترحيب تقدير استياء غضب امتنان تضامن رفض شكر ادانه".split())
_SET_IN_MAX = 5  # words: a longer span glued to the writer's words may still be a statement


def _writers_phrase(para: str, a: int, b: int, text: str) -> bool:
    """Marks that finish or open a phrase of the writer's sentence (QA18 R2, R7): «قلقه "العميق
    إزاء التصعيد"» (the adjective of a noun outside the marks), or a short span whose closing
    mark is glued to the next word («إن "من المحتمل أن خمسة"روس قد قتلوا»: the sentence goes on)."""
    before = para[:max(0, a - 1)].split()
    if before:
        word = fold(before[-1])
        bare = next((word[:-len(p)] for p in ("ها", "ه", "هم") if word.endswith(p)), "")
        if bare and strip_conj(bare) in _FEELINGS | {w[:-1] + "ت" for w in _FEELINGS if w.endswith("ه")}:
            return True
    if (word_count(text) <= _SET_IN_MAX and b < len(para) and para[b] in "\"”»"
            and para[b + 1:].lstrip().startswith(("بـ\"", "ب\"", "بـ«", "ب«", "بـ“", "ب“"))):
        # «وطالبت المنظمة "جميع الأطراف المتنازعة" بـ"السماح …"» (F16's seed 19, 3375): whom
        # the demand is made of; the demand in the next marks is the statement.
        return True
    if (fold(text.split()[0]) == "علي" and b < len(para) and para[b] in "\"”»"
            and re.match(r"\s*[أا]ن\s+[يت]\S{2,}", para[b + 1:])):
        # «وأن "على النظام السوري كنظام وكمعارضة" أن يدركا …» (F43, seed 39, 2649): «على X
        # أن يفعل» (X must do) — the marks hold only «on X», its «أن» and verb after them
        return True
    return (word_count(text) <= _SET_IN_MAX and b + 1 < len(para)
            and para[b] in "\"”»" and para[b + 1].isalpha())


# The words of a bare answer («لا على الإطلاق», «نعم بالتأكيد», «كلا أبدا»). Folded.
_ANSWER_WORDS = frozenset("لا نعم كلا ابدا طبعا بالطبع بالتاكيد قطعا مطلقا تماما علي الاطلاق".split())


def bare_answer(text: str) -> bool:
    """«وقال فيرمينو بعدما تعرض لسؤال حول شعوره بأي ضغوط …: لا على الإطلاق.» (F36, seed 34,
    5403: «بحسب فيرمينو، لا على الإطلاق»): an answer of a few words, yes or no, says nothing
    without the question; its line read as a denial of the line above it."""
    words = [fold(w.strip("\"“”«»„.!؟?،,")) for w in text.split()]
    return 0 < len(words) <= 3 and all(w in _ANSWER_WORDS for w in words) and words[0] in (
        "لا", "نعم", "كلا", "ابدا", "طبعا", "بالطبع", "بالتاكيد")


def _bare_list(text: str) -> bool:
    """«القدس، الحدود، الأمن، المستوطنات، اللاجئين»: a list of single nouns in quote marks
    (the issues, the names) states nothing; a statement has a verb or a predicate somewhere."""
    items = [i.strip(" .!؟?") for i in re.split("[،,]", text)]
    return (len([i for i in items if i]) >= 4 and all(len(i.split()) == 1 for i in items if i)
            and not _predicate(text))


# «أن "تكون دولة منتجة …"»: a subjunctive opened by «أن» outside the marks.
_KANA_SUBJUNCTIVE = frozenset("تكون يكون تكونا يكونا يكونوا تكن يكن".split())
_LIST_PREPS = frozenset("من في علي عن الي ل ب".split())  # «وكذلك من أجل …». Folded.
_AN_RAW = frozenset({"أن", "وأن", "بأن", "لأن", "ان", "وان"})
_PREP_RAW = frozenset({"على", "إلى", "الى", "علي", "في", "عن", "من"})
_MA_RAW = frozenset({"ما", "لما", "بما", "مما", "عما", "فيما"})
# Nouns of compound prepositions («على خلفية», «في إطار», «بسبب»): marks right after them open
# on the phrase they govern, as after «على/في» (F30's left, 2802). Folded.
_PREP_NOUNS = frozenset("خلفيه اطار ضوء سياق بسبب جراء نتيجه اثر عقب".split())
# Quantifiers that open the object of the noun before the marks («على محاسبة "كل من …"»).
_QUANTIFIERS = frozenset("كل جميع".split())


def _list_tail(text: str) -> bool:
    """«"وكذلك من أجل جنح …"» (QA13 1958, after «وأضاف:» too): «and also for …» goes on from a
    list written before the marks; alone it says nothing."""
    words = text.strip(" \"«»“”(").split()
    return len(words) > 1 and fold(words[0]) in ("وكذلك", "كذلك") and fold(words[1]) in _LIST_PREPS


def _governed_opening(toks: list[Tok], cues: Sequence[Cue], a: int, text: str) -> str:
    """Quote marks set where the writer's sentence governs their first word, so that the
    phrase means nothing alone whatever its length (QA13 1206, 2414, 3280): a subjunctive after
    «أن» («أن "تكون دولة منتجة …"»), a verbal noun after a preposition of a verb that is no
    speech cue («ستساعد مصر على "ربط الغاز …"»), «من» explaining a «ما» («لما أظهره أمير قطر
    "من تسليط الضوء …"»), or an object with its tanween written after a verb that is no cue
    («صلاح سجل "هدفًا على الأقل …"»). Kept: anything right after a speech cue («دعا إلى "…"»,
    «أكد أن "…"») or a complementizer that opens a clause.

    Returns "drop" (the phrase is no quote), "clause" (the reported clause that holds the marks
    is the statement; the phrase only where there is none) or "" (a quote)."""
    words = text.split()
    at = next((k for k, t in enumerate(toks) if t.start <= a - 1 < t.end), None)
    if not words or at is None or at == 0:
        return ""
    prev, first = toks[at - 1], words[0].strip("\"«»“”(")
    if _charge(toks, at, first) or _grounds(toks, at):
        return "drop"  # «واتهم الزعماء إسرائيل "بهجوم ممنهج …"»: the charge, not a statement
    if _act_object(toks, cues, at, first):
        return "drop"
    if fold(first) in ("باي", "بايه") and not text.rstrip(" .\"»”").endswith(("؟", "?")):
        # «أن مريم لم تبلغ السائق "بأي مخاوف …"» (F14's seed 17, 4579): «of any …» is the
        # object of a verb outside the marks; the reported clause that holds them is the
        # statement, the phrase never alone («"بأي حق …؟"», a question, is kept).
        return "clause" if any(c.content_start is not None and c.content_start < a
                               for c in cues) else "drop"
    if (fold(first) in ("وذلك", "ذلك") and len(words) > 1
            and fold(words[1])[:1] in "بل" and len(fold(words[1])) >= 4):
        return "drop"  # «وتابع في بيانه "وذلك بقيامه بإشارات …"»: the end of a sentence before
    if (at >= 3 and prev.norm in ("بانه", "بانها") and described(toks[at - 2].norm) is not None
            and toks[at - 3].norm in RELATIVES and len(words) > 1
            and fold(first).rstrip("اه") in ("واحد", "احد", "احدي") and fold(words[1]) == "من"):
        # «والرياض التي وصفها بأنها "واحدةً من أكبر القوى …"» (QA13 2299): «one of …», said of
        # the antecedent outside the marks, names nothing alone («القرار الذي وصفه بأنه "غير
        # ودي …"» is kept: F9).
        return "drop"
    nisba = fold(first)
    if (prev.norm.lstrip("وب") in _IT_IS and word_count(text) < MIN_SET_IN_WORDS
            and not _predicate(text) and len(nisba) >= 4 and not nisba.startswith("ال")
            and nisba.endswith(("ي", "يه"))):
        # «وأشار إلى صاروخ … وقال إنه "إيراني من نوع قيام"» (QA13 6212): a relative adjective
        # whose subject is the pronoun outside the marks; «"إيراني من نوع قيام" — المتحدث»
        # says nothing alone («أنها "الآن في طريقها …"», «وأنه "نفى كل التهم"» do).
        return "drop"
    if any(c.tok <= at - 1 <= c.end_tok + 1 or c.content_start == toks[at].start
           for c in cues if c.kind != "prep"):
        return ""  # «دعا إلى "…"», «وقال بينيت "…"»: the speech starts at the marks
    if prev.raw in _AN_RAW:
        if first in _KANA_SUBJUNCTIVE:
            return "drop"
        if _opens_on_verb(first) and any(c.content_start is not None
                                         and c.content_start < toks[at - 1].start for c in cues):
            # «وأكد أنه لا يمكن لأي دولة أن "تستعيض عن الميزات …"» (F38, seed 36, 2802: shown
            # «"تستعيض عن …"», the negation lost): a subjunctive after the «أن» of the writer's
            # or the speaker's frame; the reported clause that holds the marks is the statement.
            return "clause"
        return ""
    if first == "من":
        return "drop" if prev.raw not in _PREP_RAW and any(
            t.raw in _MA_RAW for t in toks[max(0, at - 5):at]) else ""
    # The two rules below only where a reported clause holds the marks, which then stands as
    # the statement («فقالت إنها … ستساعد مصر على "ربط …"»); a phrase with no such clause
    # («أعلن المرصد عن "77 قتيلا …"») is left as it was.
    if not any(c.content_start is not None and c.content_start < a for c in cues):
        return ""
    if prev.norm.lstrip("و") in _BECAME and fold(first)[:1] in "يت" and len(fold(first)) >= 4:
        # «أكد X أن مصر أصبحت "تمتلك كل المقومات …"» (QA13 1206): the subject and its verb
        # stand outside the marks; the reported clause that holds them is the statement.
        return "clause"
    if fold(first) in _QUANTIFIERS and prev.raw.endswith("ة") and prev.norm not in _PREP_NOUNS:
        # «أن القاهرة ستعمل على محاسبة "كل من يثبت تقصيره …"» (F31, seed 31, 4486): the
        # quantifier opens the object of the verbal noun before the marks; the clause is the
        # statement (after a verb, «تدعو "كل الأطراف …"», the marks stay a quote).
        return "clause"
    if prev.raw in _PREP_RAW or prev.norm in _PREP_NOUNS:
        if _predicate(" ".join(words[:1])) or any(
                c.tok < at for c in cues if c.kind != "prep"
                and c.content_start is None and at - c.end_tok <= 6):
            return ""
        return "clause"
    if first in _PREP_RAW and not is_complementizer(prev.norm) and prev.raw[-1:] not in ":،,":
        # «بأن الزعماء اتفقوا على اتخاذ إجراءات "على مختلف المستويات …"» (QA18 R2): marks that
        # open on a preposition after the writer's noun finish his phrase; the clause is the
        # statement.
        return "clause"
    return "clause" if (
        first.endswith(("ًا", "اً")) and fold(first).rstrip("ا") not in _ADVERB_STEMS
        and not is_complementizer(prev.norm) and prev.raw[-1:] not in ":،,") else ""


# Verbal nouns of an act reported «عن» («أفاد المرصد عن استهداف …»). Folded.
_ACTS = CLAUSE_MASDARS | frozenset(
    "استهداف مقتل اعتقال قصف سقوط اصابه هجوم تدمير مهاجمه ضبط اسقاط رصد تسجيل".split())


# Verbal nouns of a move, reported as the object of «ذكر/أعلن X وصول …». Folded.
_MOVES = frozenset("وصول دخول خروج انسحاب عوده انتشار".split())


def _act_object(toks: list[Tok], cues: Sequence[Cue], at: int, first: str) -> bool:
    """«وأفاد مدير المرصد … عن استهداف إحدى هذه الخلايا "آلية عسكرية تركية …"» (F38, seed 36,
    5343): marks opening on a bare noun after «عن», a verbal noun of an act and its genitive
    (no comma, no clause between) hold the act's object — the writer's sentence goes on inside
    them and the words mean nothing alone. The cue before has no clause of its own (its speech
    would start at the marks)."""
    word = fold(first)
    if (not word or first.startswith("ال") or _opens_on_verb(first) or word in STOP
            or word in _PREDICATE_WORDS or word.isdigit()):
        return False
    if at >= 2 and toks[at - 1].norm in _MOVES and toks[at - 2].raw[-1] not in "،,:":
        # «ذكرت وكالة الأنباء السورية "سانا" وصول "مجموعات من القوات الشعبية إلى منطقة
        # عفرين"» (F41, QA59-39): the verbal noun the verb takes as its object, right before
        # the marks, and its genitive inside them — a noun phrase, no statement
        return any(c.kind == "verb" and c.tok < at - 1 and (
            c.content_start is None or c.content_start >= toks[at].start)
            and not any(toks[m].raw[-1] in "،,:;؛." or is_complementizer(toks[m].norm)
                        for m in range(c.tok + 1, at - 1)) for c in cues)
    for p in range(at - 2, max(0, at - 6) - 1, -1):
        if toks[p].norm == "عن":
            break
        if toks[p].raw[-1] in "،,:;؛." or is_complementizer(toks[p].norm):
            return False
    else:
        return False
    return (toks[p + 1].norm in _ACTS and toks[p].raw[-1] not in "،,:"
            and not any(toks[m].raw[-1] in "،,:;؛." or is_complementizer(toks[m].norm)
                        for m in range(p + 1, at))
            and any(c.kind == "verb" and c.tok < p and (
                c.content_start is None or c.content_start >= toks[at].start) for c in cues))


# «أصبح/بات/صار» (became) right before marks that open on a present verb. Folded.
_BECAME = frozenset("اصبح اصبحت اصبحوا بات باتت باتوا صار صارت صاروا اضحي اضحت".split())
# «إنه/أنها …» right before the marks: the phrase is only their predicate. Folded.
_IT_IS = frozenset("انه انها انهم انهما".split())
# «اتهم X بـ…»: verbs of accusing, whose «ب» phrase names the charge. Folded, without «و/ف».
_ACCUSE = frozenset("اتهم اتهمت يتهم تتهم اتهموا يتهمون".split())
# «مطالبا الحكومة "بتحمل مسؤولياتها …"»: what was demanded, which says nothing alone. Folded.
_DEMAND = frozenset("طالب طالبت يطالب تطالب طالبوا يطالبون مطالبا مطالبه مطالبين".split())


def _charge(toks: list[Tok], at: int, first: str) -> bool:
    """The marks open on the «ب» of a charge a few words after «اتهم» («واتهم الزعماء في بيان
    إسرائيل "بهجوم ممنهج …"», QA13 1658), or of a demand after «طالب/مطالبا» («مطالباً الحكومة
    "بتحمل مسؤولياتها …"»): "of a systematic attack" says nothing alone, and the accused (the
    one asked) stays outside the marks."""
    glued = toks[at].raw.startswith(("بـ", "ب\"", "ب«"))
    if not (glued or (first.startswith("ب") and not first.startswith("بأن") and len(first) > 3
                      and not is_complementizer(fold(first)))):
        return False
    return any(strip_conj(toks[m].norm) in _ACCUSE or strip_conj(toks[m].norm) in _DEMAND
               for m in range(max(0, at - 7), at))


def _grounds(toks: list[Tok], at: int) -> bool:
    """The marks open right after «بسبب/بحجة» a few words after «اتهم» («واتهم X تركيا بتبني
    "…" بسبب "عرقلتها الفعلية …"», F30's left, 6543): the grounds of the charge, a phrase of
    the writer's sentence that says nothing alone."""
    return at > 0 and toks[at - 1].norm in ("بسبب", "بحجه") and any(
        strip_conj(toks[m].norm) in _ACCUSE for m in range(max(0, at - 12), at - 1))


# Adverbs in «-ًا» a quote may open with («أيضاً», «دائماً»), folded without their alif.
_ADVERB_STEMS = frozenset("ايض دائم حالي تقريب غالب فعل خصوص مثل جد اول اخير مؤخر عموم كثير"
                          " قليل سابق لاحق قريب تحديد شكر طبق وفق نظر علم استناد تمام حتم ابد"
                          " رسمي عملي شخصي مجدد مع جميع".split())


def _is_data(speaker: str) -> bool:
    """«تشير الأرقام إلى أن …»: bare figures and estimates state facts, nobody speaks.

    With their source written («تقديرات جامعة كولومبيا») they speak like a report does. A
    speaker that opens with a particle, pronoun or relative («فإنهم», «اسمه», «والتي») is a
    misread clause, not a name.
    """
    words = speaker.split()
    if not words:
        return True
    first = fold(words[0])
    bare = strip_conj(first)
    if is_complementizer(bare) or bare in _NOT_NAMES or bare in RELATIVES or (
            bare[:1] == "ف" and is_complementizer(bare[1:])):
        return True
    if strip_prefix(bare) in _THINGS:
        return True  # «كما يقول المثل …», «ويشير اللون الأحمر إلى أن …»: nobody speaks
    if len(words) != 1:
        return False
    return strip_prefix(first) in NOT_SPEAKERS or first in NOT_SPEAKERS
