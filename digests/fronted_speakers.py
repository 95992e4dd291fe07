"""The speaker written before the verb: SVO subjects, a relative clause's head, «أما X فقال».

«روحاني قال لماكرون إن …» names its speaker before the verb: `speaker_before` reads back from
the verb to a stop word, a preposition, a relative or a comma; a plural verb after «الذين …»
takes the relative clause's antecedent (`antecedent`), a sentence that opens on «X، الذي …،»
takes X, and «أما X، …، فقال» takes X (`amma_subject`). Pure functions over the words of one
paragraph (digests.speakers: the tokens and the subject after the verb).
"""

from __future__ import annotations

import re

from digests.arabic import _freq
from digests.speaker_checks import plausible_speaker
from digests.speaker_words import CLAUSE_OPENERS, MAX_SPEAKER_WORDS, STAFF_NOUNS, Tok
from digests.speech import (
    ATTRIBUTION_PREPS,
    CLAUSE_CONJ,
    EDGE_PUNCT,
    PREPOSITIONS,
    RELATIVES,
    STOP,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
    strip_prefix,
)


# How often a word must be in the reference table to be read as a common verb, not a name.
_COMMON = 20
_LEADS = frozenset("لكن ولكن بينما فيما كما اما واما بل".split())  # folded
_TOPIC = frozenset("اما واما بل وبل".split())
_OTHER = frozenset("اخري اخر الاخري الاخر اخرون الاخرون اخريات".split())  # folded
_PLURAL_RELATIVES = frozenset("الذين اللواتي".split())
# A statement (the words of digests.speech.STOP that name one) and what describes it: «بيان
# رسمي», «تصريحات صحفية», «رسالة مقتضبة». Folded.
_DOCUMENT_NOUNS = frozenset(
    "بيان بيانا تصريح تصريحا تصريحات تغريده تغريدات تقريرا خطابا رساله".split())
_DOCUMENT_ADJECTIVES = frozenset(
    "رسمي رسميا رسميه مشترك مشتركا مشتركه مقتضب مقتضبا مقتضبه صحفي صحفيا صحفيه صحافي صحافيا"
    " صحافيه مكتوب مكتوبا مكتوبه مطول مطولا مطوله منفصل منفصلا منفصله جديد جديدا جديده".split())
_TIME_PREPS = frozenset("قبل وقبل بعد وبعد منذ ومنذ قبيل عقب".split())
# Words of a date or time of day («والأحد قال إنه», «وفي اليوم الأول للمحاكمة ادعى أنه»,
# seed 22, 5256): the phrase they open is when, never who. Folded, without «و/ف».
_WHEN_WORDS = frozenset(
    "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم يوم امس غدا مساء صباح ليله"
    " الليله ظهر عصر فجر".split())
# Spans of time after «بعد/قبل» («بعد دقائق قليلة بلاغا ثانيا يقول فيه», 6247). Folded.
_SPANS = frozenset("دقائق ساعات ساعه ايام يومين اسابيع اسبوع اسبوعين اشهر شهر شهرين سنوات سنه"
                   " عامين اعوام لحظات".split())
# «وعن آلية العمل، بيّن أن …», «وحول الاتفاق، قال إن …»: a topic fronted before a bare verb
# (K12), whose noun is no subject. Folded.
_FRONTED_TOPIC = frozenset("وعن فعن وحول بشان وبشان".split())


def _related_subject(toks: list[Tok], verb: int, first: int) -> str:
    """«ولكن العلماء الذين قاموا بالدراسة لفتوا الانتباه إلى أن»: a plural verb after a
    relative clause has the clause's antecedent as its subject, the clause with it (QA: the
    speaker was «الانتباه»); "" when the words before the verb are otherwise."""
    if not toks[verb].norm.endswith("وا"):
        return ""
    rel = next((m for m in range(verb - 2, max(first, verb - 6) - 1, -1)
                if toks[m].norm in _PLURAL_RELATIVES), None)
    if rel is None or rel <= first or any(
            cue_of(toks[m].raw)[1] is not None or toks[m].raw[-1] in "،,:\"«»"
            for m in range(rel, verb)):
        return ""
    name = antecedent(toks, rel, first).split()
    while name and fold(name[0]) in ("لكن", "ولكن", "بينما", "فيما", "كما", "اما", "واما"):
        name = name[1:]
    whole = name + [toks[m].raw for m in range(rel, verb)]
    if not name or len(whole) > MAX_SPEAKER_WORDS:
        return ""
    return " ".join(whole).strip(EDGE_PUNCT + " ")


def _present_verb_opening(word: str) -> bool:
    """«ويسعى», «وتأمل»: «و» + a present verb the reference table knows well (a name such as
    «ويليام» is no «و» + a word of its own)."""
    norm = fold(word)
    return (len(norm) >= 4 and norm[0] == "و" and norm[1] in "يت"
            and _freq().get(norm[1:], 0) >= _COMMON and cue_of(word)[1] is None)


def _head_of_relative(toks: list[Tok], verb: int, first: int) -> str:
    """«محمود أحمد، الذي تسلط عليه الأضواء بسبب اعتقال مساعديه، حميد وجواد، تساءل …»: the
    sentence opens on a name set off by «، الذي/التي …،» and the verb comes after a comma: the
    name is the subject, not the apposition to the relative clause's object (QA13 4985). ""
    when the sentence opens otherwise."""
    if verb - first < 4 or not toks[verb - 1].raw.endswith(("،", ",")):
        return ""
    rel = next((m for m in range(first + 1, verb - 1) if toks[m].norm in RELATIVES), None)
    if rel is None or not toks[rel - 1].raw.endswith(("،", ",")):
        return ""
    words = [toks[m].raw for m in range(first, rel)]
    if not words or len(words) > MAX_SPEAKER_WORDS - 2 or any(
            toks[m].norm in STOP or toks[m].norm in PREPOSITIONS or toks[m].raw[-1] in "،,:"
            or strip_conj(toks[m].norm) in ATTRIBUTION_PREPS or toks[m].norm in ATTRIBUTION_PREPS
            or cue_of(toks[m].raw)[1] is not None or any(q in toks[m].raw for q in "\"“”«»")
            for m in range(first, rel - 1)):
        return ""
    while words and fold(words[0]) in _LEADS:
        words = words[1:]  # «لكن الديمقراطيين، الذين يعارضون …، يقولون»
    if len(words) >= 2 and _present_verb_opening(words[0]):
        # «ويسعى السيسي، الذي كان قائدا للجيش …، إلى فترة …، أكد أنه» (QA59-45: «بحسب ويسعى
        # السيسي»): the sentence opens on its verb; its subject is the name after it
        words = words[1:]
    name = " ".join(words).strip(EDGE_PUNCT + " ")
    return "" if not name or fold(name.split()[0]) in CLAUSE_OPENERS else name


def _quoted_medium(toks: list[Tok], k: int, first: int) -> int | None:
    """Token `k` closes a medium's name in quote marks that follows a reporter («مراسل
    "العربية"», «مراسلة "سكاي نيوز عربية"»): the reporter's token, else None."""
    if not toks[k].raw.rstrip("،,").endswith(("\"", "”", "»")):
        return None
    for m in range(k, max(first, k - 3) - 1, -1):
        if toks[m].raw[:1] in "\"“«":
            staff = m - 1
            if staff >= first and toks[staff].norm in STAFF_NOUNS | {
                    "و" + n for n in STAFF_NOUNS}:
                return staff
            return None
    return None


# A broken plural of the pattern «فواعيل» in the accusative, with its alif («صواريخا»,
# «جواسيسا»): an object a relative verb describes («صواريخا قال إن إيران هربتها»), never a
# speaker.
_BROKEN_ACCUSATIVE = re.compile(r"^[^ا]وا.ي.ا$")


# «هناك/ثمة» with «و/ف» joined (STOP holds the bare words).
_THERE_JOINED = frozenset("فهناك وهناك فهنالك وهنالك فثمه وثمه".split())


# A pronoun subject before a predicate noun («وهي خطوة …»). Folded.
_PRONOUN_SUBJECTS = frozenset("هي وهي هو وهو فهي فهو".split())


def speaker_before(toks: list[Tok], verb: int, first: int = 0, *, max_words: int = 4) -> str:
    """SVO: «روحاني قال لماكرون إن …», the named subject written before a verb."""
    related = _related_subject(toks, verb, first)
    if related:
        return related
    head = _head_of_relative(toks, verb, first)
    if head:
        return head
    words: list[str] = []
    k = verb - 1
    while k >= first and len(words) < max_words:
        t = toks[k]
        if t.norm in {"قد", "وقد", "فقد", "لقد"} and k == verb - 1:  # «الوزارة قد أعلنت»
            k -= 1
            continue
        if cue_of(t.raw)[1] is not None or t.norm in {"كان", "وكان", "كانت", "وكانت"}:
            break
        if t.norm in CLAUSE_OPENERS or strip_prefix(t.norm) in CLAUSE_OPENERS:
            if words:
                break
            return ""  # «ولهذا كتبت اليوم …»: a conjunction, not a subject
        if t.norm in {"لكن", "ولكن"} and words:
            break  # «ولكن أحد محاميه قال إن»: the subject follows the conjunction
        if t.norm in _TOPIC:
            break  # «أما هارون فقال», «بل أوضح»: the subject, if any, follows the particle
        if t.norm in _TIME_PREPS or strip_conj(t.norm) in _TIME_PREPS:
            return ""  # «وقبل أسبوعين كتبت», «فبعد زيارته … قال»: a time phrase, not a subject
        if t.norm.startswith(("لكن", "ولكن", "لان", "ولان")) or (
                k == verb - 1 and t.norm.endswith("ه") and is_complementizer(t.norm)):
            return ""  # «لكنه قال إن», «إنه قال»: a pronoun, the same speaker
        staffed = _quoted_medium(toks, k, first)
        if staffed is not None:
            # «لكن مراسل "العربية" أفاد»: the reporter and his medium's name in quote marks.
            words[:0] = [toks[m].raw for m in range(staffed, k + 1)]
            k = staffed - 1
            continue
        if any(q in t.raw for q in "\"“”«»") or (k == verb - 1 and t.norm in CLAUSE_CONJ):
            return ""  # a quoted title or «عندما صرح»: no subject written before the verb
        if t.norm in PREPOSITIONS or t.norm in RELATIVES or t.norm in _FRONTED_TOPIC or (
                k < verb - 1 and strip_prefix(t.norm) in RELATIVES):
            # «… إلى أدلة متزايدة تشير إلى أن»: the object of a preposition; «التي تضم …»: a
            # relative clause, not a speaker.
            return ""
        if k == verb - 1 and t.norm.startswith(("بال", "كال")):
            return ""  # «بالفعل، يلفت …»: an adverb, not a subject
        if strip_conj(t.norm) in _WHEN_WORDS and len(words) <= 3:
            return ""  # «والأحد قال», «اليوم الأول للمحاكمة ادعى»: a time phrase, no subject
        if t.norm in STOP or is_complementizer(t.norm) or t.norm in _THERE_JOINED:
            break  # «فهناك فريق يرى أن»: the subject is «فريق», «هناك» is no part of it
        if t.raw.rstrip("،,:;؛.").endswith(("اً", "ًا", "ً")) or _BROKEN_ACCUSATIVE.match(t.norm):
            break  # an accusative: «جزئياً»; «استعرض … صواريخا قال إن …» (QA13 6243)
        if t.raw[-1] in "،,:" and not (k == verb - 1 and t.raw[-1] in "،,"):
            if t.raw[-1] in "،," and toks[verb - 1].raw[-1] in "،,":
                # «وكان بولت، حامل الرقم القياسي، أعلن»: the words between the commas describe
                # the subject written before them, which is the speaker.
                name = speaker_before(toks, k + 1, first, max_words=max_words)
                if name:
                    # Title and name on either side of the comma («وزير الخارجية، بوريس
                    # جونسون، قال», «بولت، حامل الرقم القياسي، أعلن»): keep both.
                    between = " ".join(words).strip(EDGE_PUNCT + " ")
                    both = f"{name} {between}"
                    return both if len(both.split()) <= MAX_SPEAKER_WORDS - 1 else name
            break  # «…، مارك كيميت، قال إن»: a comma right before the verb ends an apposition
        words.insert(0, t.raw)
        k -= 1
    if (words and k >= first and strip_conj(toks[k].norm) in _TIME_PREPS
            and (toks[k + 1].norm.endswith(("ه", "ها", "هم", "هما"))
                 or toks[k + 1].norm in _SPANS)):
        # «بعد زيارته للسجن عام 2015 قال» (seed 24, 4041): the time phrase, cut short, of his
        # own deed («بعد نشر تقرير لخبراء أفاد بأن» reads on: the report speaks)
        return ""
    name = " ".join(words).strip(EDGE_PUNCT + " ")
    if not name:
        return amma_subject(toks, verb, first)
    if k >= first and toks[k].norm in ("وقت", "الوقت"):
        # «وفي وقت سابق، رجحت تقارير …», «بيان صدر في وقت سابق قال إن» (F38, corpus 723:
        # «بحسب سابق»): the reading stopped at «وقت»; what is left is the time's adjective
        return ""
    if (k >= first and toks[k].norm in _PRONOUN_SUBJECTS and len(words) == 1
            and toks[verb].norm.endswith(("وا", "ون"))):
        # «…، وهي خطوة قالوا إنها ستحسن …» (F38, corpus 2729: «— خطوة»): the noun is the
        # pronoun's predicate, «which is a step they said …», a plural verb's subject is not
        # written («كاتب المقال وهو نيكولا أبيل يقول»: «وهو» brings in the name, kept)
        return ""
    if (len(words) == 1 and fold(name) in _OTHER and k >= first and toks[k].raw[-1].isalpha()
            and not is_complementizer(toks[k].norm) and toks[k].norm not in _LEADS):
        # «"…"، هذه رسالة أخرى تدعو إلى …» (F30, seed 30, 995): «أخرى» describes the noun
        # before it, which the reading stopped at; an adjective alone says nobody.
        return ""
    if (len(words) == 1 and fold(name) in _DOCUMENT_ADJECTIVES and k >= first
            and toks[k].norm in _DOCUMENT_NOUNS):
        # «إصدار بيان رسمي تؤكد بأنه سيعاقب …» (F31, seed 31, 5615): the reading stopped at
        # the statement; what is left describes it, and says nobody.
        return ""
    if name.count('"') % 2 == 1 and words[-1].rstrip("،,").endswith('"'):
        name += '"'  # keep a quoted name whole: «مراسل "العربية"»
    return name


def amma_subject(toks: list[Tok], verb: int, first: int) -> str:
    """«أما النائب X، عضو البرلمان، فقد قال لـ CNN، إنه …», «أما شيروان بري، أحد …، فقال "…"»
    (K12): the noun after «أما» (up to its comma) is the subject of «فقد» + verb or of a verb
    with «ف»; "" when the verb is not so introduced."""
    glued = toks[verb].norm.startswith("ف")
    if not glued and (verb - 1 < first or toks[verb - 1].norm != "فقد"):
        return ""
    end = verb if glued else verb - 1
    amma = next((m for m in range(end - 1, first - 1, -1) if toks[m].norm in ("اما", "واما")),
                None)
    if amma is None and glued:
        return _lost_amma(toks, verb, first)
    if amma is None or verb - amma > 20 or amma + 1 >= end:
        return ""
    words: list[str] = []
    for m in range(amma + 1, min(end, amma + 1 + MAX_SPEAKER_WORDS)):
        raw = toks[m].raw
        if cue_of(raw)[1] is not None or any(q in raw for q in "\"“”«»"):
            return ""
        words.append(raw.rstrip("،,"))
        if raw[-1:] in "،,":
            break
    else:
        if not glued or end - amma - 1 > MAX_SPEAKER_WORDS:
            return ""  # («أما هارون فقد قال»: read before the verb as any subject)
    return " ".join(words)


def _lost_amma(toks: list[Tok], verb: int, first: int) -> str:
    """«نائب السكرتير الإعلامي للبيت الأبيض فاكتفى بالقول إنه …» (F46, dev CN-internationalNews-60:
    the sentence's «أما» left in the paragraph before): a sentence that opens on its subject,
    then the verb with «ف», names that subject — a title or name of up to MAX_SPEAKER_WORDS
    words, no «و/ف» before it, no stop word, preposition, cue, mark or comma in it."""
    if not 1 <= verb - first <= MAX_SPEAKER_WORDS or toks[first].norm[:1] in "وف":
        return ""
    words = [toks[m] for m in range(first, verb)]
    if any(t.norm in STOP or t.norm in PREPOSITIONS or strip_conj(t.norm) in ATTRIBUTION_PREPS
           or cue_of(t.raw)[1] is not None or any(q in t.raw for q in "\"“”«»()")
           or t.raw[-1] in "،,:.;؛" for t in words):
        return ""
    name = " ".join(t.raw for t in words)
    return name if plausible_speaker(name) else ""


# Posts a relative clause may describe («التغريدات التي انتقد فيها X»): their author speaks,
# and the posts name nobody.
_POSTS = frozenset("التغريدات التغريده التدوينه التدوينات المنشور".split())


# A share of those polled («36 بالمئة», «40 في المئة»), read whole: digests.speaker_checks.SHARE_RE
# without its ranges («38 إلى 58 …»).
_SHARE_RE = re.compile(r"^[\d٠-٩]+(?:[.,][\d٠-٩]+)?(?:%|٪| ?بال?مئة| ?بالمائة| في ال?مئة| في المائة)$")


# A verbal noun of a request or a stance heading a genitive («طلب/مطالبة/رغبة/موقف X»): the
# relative clause after it describes X, who holds the view, not the act. Folded.
_ACT_HEADS = frozenset("طلب مطالبه رغبه موقف اعتراض احتجاج اقتراح مقترح اصرار اتهام اتهامات"
                       " مطالبات طلبات شكوي دعوه".split())


def antecedent(toks: list[Tok], rel: int, first: int) -> str:
    """The noun phrase (up to three words) just before the relative pronoun at `rel`."""
    words: list[str] = []
    k = rel - 1
    while k >= first and len(words) < 3:
        t = toks[k]
        # «إلى جانب رئيس الوزراء البولندي، الذي قال إنه» (F42, seed 38, 5242): a comma right
        # before the relative sets it off from its noun (`_set_off`); any earlier one ends it.
        if (t.norm in STOP or t.norm in PREPOSITIONS or cue_of(t.raw)[1] is not None
                or (t.raw[-1] in "،,:." and not (k == rel - 1 and t.raw[-1] in "،,"))
                or t.norm in ATTRIBUTION_PREPS or t.norm in _POSTS):
            break  # «… وفق عبد الله التي أوضحت»: the attribution is not part of the name
        words.insert(0, t.raw)
        k -= 1
    if len(words) > 1 and strip_conj(fold(words[0])) in _VSO_VERBS:
        words = words[1:]  # «عمل بوتين الذي وصف …»: the main verb before its subject
    if len(words) > 1 and strip_conj(fold(words[0])) in _ACT_HEADS:
        words = words[1:]  # «رغم طلب غينيا الاستوائية التي ترى …» (F53, QA80-6): the act's maker
    cut = next((n for n in range(1, len(words))
                if words[n].startswith("لل") and len(words[n]) > 4), 0)
    if cut:
        # «أنها هدف للقوات الحكومية التي تقول إنها …» (F14's seed 17, 4366): the relative
        # describes the object of «لـ», not the indefinite noun it hangs on.
        words = ["ال" + words[cut][2:]] + words[cut + 1:]  # «للقوات» → «القوات»
    if words and k > first and toks[k].norm in ("من", "ممن"):
        # «بنحو 36 بالمئة من المشاركين الذين قالوا إنهم …» (QA39 #44): the share speaks;
        # «بحسب المشاركين، …» alone states the opposite of the figure.
        for n in (2, 3, 4):
            if k - n < first:
                break
            share = " ".join(toks[m].raw for m in range(k - n, k))
            if _SHARE_RE.fullmatch(share):
                words = share.split() + [toks[k].raw] + words
                break
    if words and toks[rel - 1].raw[-1] in "،,":
        words = _set_off(words, toks, k, first, toks[rel].norm)
    return " ".join(words).strip(EDGE_PUNCT + " ")


# «كان/وكان» opening the words before a set-off relative: the sentence's verb, no name. Folded.
_WAS = frozenset("كان وكان كانت وكانت".split())


def _set_off(words: list[str], toks: list[Tok], k: int, first: int, rel: str) -> list[str]:
    """The noun phrase before «، الذي/التي» (F42): none after a preposition («في البحر
    الأحمر، التي أكدت», «في أواخر يناير، التي تقول»: the place or time is no speaker) or in
    marks alone; without a leading «وكان», without a feminine head before «الذي» («رواية
    القاسمي، الذي» is al-Qasimi's) or a leading adjective, and only the name after «بمنافسه»
    («الإطاحة بمنافسه فيدرر، الذي»)."""
    if (k >= first and toks[k].norm in PREPOSITIONS) or words[0][:1] in "\"“«":
        return []  # (a name in marks alone: as often a work, «"نظرية كل شيء"، التي ترجح أن»)
    if len(words) > 1 and fold(words[0]) in _WAS:
        words = words[1:]
    if (len(words) > 1 and fold(words[0]).startswith("ال") and fold(words[0]).endswith(("ي", "يه"))
            and not fold(words[1]).startswith("ال")):  # («الطاهي الشهير» is no adjective and name)
        # «المتحدثة باسم الخارجية الروسية ماريا زاخاروفا، التي»: three words read back begin
        # on the title's adjective («الروسية ماريا زاخاروفا»); the name is shown alone
        words = words[1:]
    if len(words) > 1 and rel in ("الذي", "الذين") and fold(words[0]).endswith("ه"):
        words = words[1:]
    by = next((n for n in range(len(words) - 1, -1, -1) if fold(words[n]).startswith("ب")
               and fold(words[n]).endswith("ه") and len(fold(words[n])) >= 5), None)
    if by is not None:
        words = words[by + 1:]
    name = " ".join(words).strip(EDGE_PUNCT + " ")
    return words if name and plausible_speaker(name) else []


# Past verbs (not of speech) that open a clause before their subject, which a relative clause
# then describes («…، عمل بوتين الذي وصف تفكك الاتحاد بأنه "…"، على ترميم …», QA13 4878).
# Folded.
_VSO_VERBS = frozenset(
    "عمل عملت سعي سعت حاول حاولت عاد عادت واصل واصلت تمكن تمكنت نجح نجحت فشل فشلت ظل ظلت"
    " بقي بقيت اراد ارادت استطاع استطاعت".split())
