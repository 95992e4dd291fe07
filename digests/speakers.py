"""Who is speaking: the speaker as written around a speech verb in news Arabic.

The subject written after the verb (VSO, «قال وزير الخارجية سامي الحسن»), up to a stop word,
punctuation, an addressee («للصحفيين»), an object («وقوف بلاده») or another verb; whether a
statement opens after «قال X،»; and `Speakers`, the named speakers so far, so that
«وأضاف»/«مضيفةً» find the last one of their grammatical gender. The subject written before the
verb (SVO, «روحاني قال لماكرون إن») and the noun a relative clause describes («الشهود الذين
قالوا») are digests.fronted_speakers. Pure functions over the words of one paragraph; the
tokens, the word lists and the tests of where a noun phrase ends are digests.speaker_words
(re-exported here).
"""

from __future__ import annotations

from digests.speaker_words import (  # re-exported: the word lists and noun-phrase ends
    CLAUSE_OPENERS,
    MANNER,
    MAX_SPEAKER_WORDS,
    NUMBER_WORDS,
    POSSESSED_OBJECTS,
    RELAYING,
    STAFF_NOUNS,
    Tok,
    _DESCRIBING_RE,
    _DOCUMENTS,
    _GOVERNING,
    _ORGANISATIONS,
    _PERCENT,
    _PUBLISHED_VIA,
    _THEN,
    _TITLE_HEADS,
    _WHEN,
    _glued_complementizer,
    _name_ali,
    _named_addressee,
    _object_word,
    _time_phrase,
    act_and_object,
    addressed_after,
    addressee,
    anonymity,
    is_abbreviation,
    masdar_act,
    now,
    possessed_object,
    tokens,
)
from digests.apposed_names import apposed_name, far_apposed_name, placed_name
from digests.placed_countries import country_placed_name
from digests.name_ends import (
    ANSWERS,
    RANKS,
    bi_al_name,
    dangling_title,
    describes_name,
    limit_end,
    plural_speech_participle,
    without_own_title,
)
from digests.skipped_objects import skip_object
from digests.speaker_spans import (
    asked_unnamed,
    bare_person,
    field_end,
    placed_title_end,
    plural_noun,
)
from digests.subject_phrases import ISSUABLE, issued_by, placed_in
from digests.speech import (
    ADDRESSEES,
    ATTRIBUTION_PREPS,
    EDGE_PUNCT,
    MEDIA_NOUNS,
    NAME_NOUNS,
    OBJECT_NOUNS,
    OBJECT_PRONOUNS,
    OFFICIALS,
    PREPOSITIONS,
    RELATIVES,
    SPEAKING,
    STATEMENT_NOUNS,
    STOP,
    cue_of,
    fold,
    is_complementizer,
    strip_prefix,
)


def _closing(toks: list[Tok], j: int, limit: int) -> int | None:
    """The token that closes the quote mark opening token `j` (within five words), or None."""
    for k in range(j, min(limit, j + 5)):
        raw = toks[k].raw.rstrip("،,:.;؛")
        if (k > j or len(raw) > 1) and raw.endswith(("\"", "”", "»")):
            return k
    return None


# «طالب/طالبة» read as a noun where a subject opens (folded).
_STUDENT = frozenset(("طالب", "طالبه"))
# Elatives that head a subject in construct: «أبرز/أكبر/أرفع متحدث …» (folded).
_FIRST_OF = frozenset("ابرز اكبر ارفع اعلي اقدم اهم كبير".split())


# «وأشار "يونايتد بيد" الخميس إلى أن» (F32): a weekday between a quoted subject and its clause.
_WEEKDAYS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس".split())


def _media_dual(norm: str) -> bool:
    """«قناتي», «صحيفتي», «وكالتي» (folded): two media in construct, whose names follow."""
    return norm.endswith("تي") and len(norm) >= 5 and norm[:-2] + "ه" in MEDIA_NOUNS


def _opens_clause(toks: list[Tok], j: int, limit: int) -> bool:
    """Token `j` (after a weekday) opens the said clause: «إن/أن», or «إلى أن»."""
    if j < limit and toks[j].norm in _WEEKDAYS:
        j += 1
    return j < limit and (is_complementizer(toks[j].norm) or (
        toks[j].norm == "الي" and j + 1 < limit and is_complementizer(toks[j + 1].norm)))


def _medium_adjective(toks: list[Tok], i: int, j: int) -> bool:
    """Token `j - 1` is a definite relative adjective («اليابانية») and a medium's noun
    («شبكة», «صحيفة») stands among the two words before it, from token `i` on."""
    adj = toks[j - 1].norm
    return (adj.startswith("ال") and adj.endswith(("يه", "ي")) and len(adj) >= 6
            and any({toks[m].norm, strip_prefix(toks[m].norm)} & MEDIA_NOUNS
                    for m in range(max(i, j - 3), j - 1)))


# What a body says in («وقالت "فتح" في بيان …»): after a quoted word or two right after the
# verb, these show the marks hold the subject's name, not speech. Folded.
_STATEMENT_PLACES = STATEMENT_NOUNS | frozenset("بيانها بيانه".split())


def _in_a_statement(toks: list[Tok], j: int, limit: int) -> bool:
    """Tokens `j`… read «في بيان/تصريح/مؤتمر …»: where a subject said it, so the one or two
    quoted words before them, right after the verb, are its name (QA59-41: «وقالت "فتح" في
    بيان صحفي …، إن …» was given to the presidency named before). Not one definite word: «وقال
    "السلطان" في مؤتمر صحفي» is a nickname of the one named before, who goes on."""
    return (j + 1 < limit and toks[j].norm == "في"
            and toks[j + 1].norm.rstrip("،,:") in _STATEMENT_PLACES)


_COURTS = frozenset("لمحكمه للمحكمه لقاض لقاضي لقاضيه".split())  # folded


# «ب» + another's words that a verb welcomes, praises or rejects («رحب X بتأكيدات Y أن …»):
# the clause after them is Y's. Folded; not «بتصريحات» («أدلى بتصريحات صحفية»: the means).
_RELAYED_WORDS = frozenset("بتاكيدات بتاكيد بتعهدات بتعهد بتطمينات بوعود باعلان".split())


def subject(toks: list[Tok], i: int, limit: int, *, after_verb: bool = False) -> tuple[str, int]:
    """The speaker written from token `i` (before `limit`): up to a stop word or punctuation.

    `after_verb`: token `i` follows a speech verb at once, so a quoted name set off by a comma
    («وقال "البنتاغون"، في بيان، إن») is its subject.
    """
    skipped = skip_object(toks, i)
    bare_verb = after_verb and skipped == i  # nothing between the verb and the subject
    colon = next((m for m in range(i, skipped) if toks[m].raw.endswith(":")), None)
    if colon is not None:
        # «وقال للصحفيين: نحن …», «تغريدة قال فيها: أنا …»: the colon opens the speech, so no
        # subject is written here (the words after it are what was said).
        return "", colon + 1
    if any(addressee(toks[m]) and not toks[m].norm[1:] in NAME_NOUNS
           for m in range(i, skipped)):
        # «قال لبوتين عبر …», «صرح لجون أفريك …»: the addressee comes first when the subject
        # is a pronoun; the words after it are the addressee's, not a speaker.
        return "", skipped
    i = skipped
    j = i
    glued = ""
    while j < limit and j - i < MAX_SPEAKER_WORDS:
        t = toks[j]
        if (j > i and t.norm in ("دون", "بدون") and j + 1 < limit
                and toks[j + 1].norm.startswith("ال")):
            break  # «وقال المكتب الصحفي دون الخوض في التفاصيل إن» (QA59-11): a manner, not a name
        closing = _closing(toks, j, limit) if t.raw[0] in "\"“«„" else None
        if closing is not None and (
                (j > i and {toks[j - 1].norm, strip_prefix(toks[j - 1].norm)} & MEDIA_NOUNS)
                or (j > i and _media_dual(toks[j - 1].norm))
                # «ذكرت وكالة انباء "كيودو" اليابانية» (F44, seed 40, 6439: «بحسب وكالة انباء»)
                or (j > i + 1 and toks[j - 1].norm == "انباء"
                    and bool({toks[j - 2].norm, strip_prefix(toks[j - 2].norm)} & MEDIA_NOUNS))
                # «قالت شبكة التلفزة اليابانية "ان.تي.في" إن» (F44, seed 40, 6439): a medium's
                # name of a word or two in marks after its relative adjective, then «إن/أن»
                or (j > i + 1 and closing - j < 2 and _medium_adjective(toks, i, j)
                    and _opens_clause(toks, closing + 1, limit))
                or (j == i + 1 and toks[i].norm in NAME_NOUNS)
                or (j > i and toks[j - 1].norm in _TITLE_HEADS and closing - j < 3)
                or (j > i and toks[j - 1].norm in _TITLE_HEADS and closing - j < 6
                    and _rank_and_name(toks, closing + 1, limit))
                or (j > i and toks[j - 1].norm in STAFF_NOUNS and closing - j < 4)
                or (j > i and toks[j - 1].norm in _ORGANISATIONS and closing - j < 3)
                or (j == i and bare_verb and closing == j and t.raw.endswith(("\"،", "”،", "»،")))
                or (j == i and closing - j < 4 and _opens_clause(toks, closing + 1, limit))
                or (j == i and bare_verb and closing - j < 2
                    and not (closing == j and t.raw.strip("\"“”«»„").startswith("ال"))
                    and _in_a_statement(toks, closing + 1, limit))):
            # «وذكر موقع "ساينس ألرت" العلمي أن …», «وقالت "موزيلا" إن …», «أشارت "ماركا" إلى
            # أن …»: a quoted name is
            # (part of) the speaker.
            dual = j > i and _media_dual(toks[j - 1].norm)
            j = closing + 1
            if (dual and toks[closing].raw[-1] not in "،,:;؛." and j < limit
                    and toks[j].raw.startswith(("و\"", "و«", "و“"))):
                # «مراسلة قناتي "العربية" و"الحدث"» (X113, QA71-8): two channels, both named
                second = _closing(toks, j, limit)
                if second is not None and second - j < 3:
                    closing, j = second, second + 1
            if toks[closing].raw[-1] in "،,:;؛." or (
                    closing > 1 and toks[closing - 1].norm == "انباء" and closing == j - 1
                    and not (j < limit and toks[j].norm.startswith("ال"))):
                # («وكالة أنباء "فارس" دعوة صفوي»: after the agency's name only its adjectives)
                break
            continue
        if (t.raw.startswith("(") and j > i
                and strip_prefix(toks[j - 1].norm) in NAME_NOUNS | MEDIA_NOUNS):
            # «وقالت شبكة (سي.بي.اس) إن»: the medium's name in brackets is part of the speaker.
            shut = next((m for m in range(j, min(limit, j + 3))
                         if toks[m].raw.rstrip("،,:;؛.").endswith(")")), None)
            if shut is not None:
                j = shut + 1
                if toks[shut].raw[-1] in "،,:;؛.":
                    break
                continue
        if (t.raw.startswith("»") and j > i and t.raw.rstrip("،,:;؛.").endswith("«")
                and strip_prefix(toks[j - 1].norm) in NAME_NOUNS | MEDIA_NOUNS):
            j += 1  # «أشارت صحيفة »أكسبريس« الإنجليزية»: guillemets written the other way
            if t.raw[-1] in "،,:;؛.":
                break
            continue
        if (j == i + 1 and t.norm == "في" and toks[i].norm in _OFFICIAL
                and (command := _command_end(toks, j + 1, limit))):
            # «ونقل التلفزيون عن مصدر في قيادة شرطة ريف دمشق أن …» (F38's left): the command's
            # name runs through indefinite nouns in construct up to the clause
            j = command
            break
        if j == i + 1 and ((t.norm in ("في", "من") and toks[i].norm in _MEMBER)
                           or (t.norm == "في" and toks[i].norm in _OFFICIAL
                               and j + 1 < limit and _a_body(toks[j + 1]))
                           or (t.norm == "من" and toks[i].norm in _SOME)):
            # «وقال عضو في اللجنة "…"»: a member is named by his body (QA13 3659: «— عضو»);
            # «ويقول عدد من الخبراء إنه …» by whom they are some of (QA13 1207: «بحسب عدد»).
            m = j + 1
            while (m < limit and m - j <= 3 and toks[m].raw[0] not in "\"“”«»„("
                   and toks[m].norm not in STOP and not cue_of(toks[m].raw)[1]
                   and not is_complementizer(toks[m].norm)
                   and (m == j + 1 or toks[m].norm.startswith("ال"))):
                m += 1
                if toks[m - 1].raw[-1] in "،,:;؛.":
                    break
            if m > j + 1:
                j = m
                break
        if _glued_after(t) and j + 1 < limit and toks[j + 1].raw[0].isalpha():
            # «وقال باخشوينعقب تدريبات يوم السبت:» (F43, seed 39, 6069: «— باخشوينعقب تدريبات»):
            # a typo glued «عقب» to the name; the name ends inside the word
            glued = t.raw[:-len("عقب")]
            j += 1
            break
        if anonymity(toks, j, limit):
            break  # «وقال مسؤول طلب عدم الكشف عن هويته إن …»: the subject ends before it
        if j > i and asked_unnamed(toks, j, limit):
            break  # «وقال مسؤولان أمريكيان طلبا عدم الكشف عن هويتيهما إن» (QA25 E2)
        placed_end = placed_title_end(toks, i, j, limit) if j > i else 0
        if placed_end:
            # «وقال الباحث في مجال الأمن الإلكتروني تروي هانت لبي بي سي إن» (QA25 E4: «الباحث»):
            # the title's place, then the name
            j = placed_end
            break
        field = field_end(toks, i, j, limit) if j > i else 0
        if field:
            # «ويقول القائمون على الدراسة إن» (seed 27, 1808: «القائمين»), «المشارك في إعداد
            # التقرير:» (5760), «أصغر ملياردير في العالم» (3198): the title's own field
            j = field
            break
        placed = placed_in(toks, i, j, limit)
        if placed:
            # «قال مصدر بالأمم المتحدة إن» (seed 26, 2150: «بحسب مصدر»), «أفاد مصدر مقرب من
            # التحقيق بأن» (5289: «مصدر مقرب»): where the anonymous source stands is his name
            j = placed
            break
        if (j > i or after_verb) and _name_ali(toks, j, limit):
            # «وزير المالية علي حسن خليل», «وقال علي محمد الغانم» (K12): the name «علي», not
            # the preposition «على» (which the paragraph writes with «ى»)
            j += 1
            continue
        if j > i and t.raw == "فان":
            j += 1  # «هيرمان فان رومبي»: «van» in a name, not «فإن»
            continue
        if (j > i + 1 and t.norm == "الماضي" and toks[j - 1].raw[-1].isalpha()
                and not toks[j - 1].norm.startswith("ال") and toks[j - 1].norm not in STOP
                and toks[j - 2].norm.startswith("ال")):
            # «المهندس محمد الماضي» (QA59-9: «— المهندس محمد»): after a title and a given
            # name «الماضي» is the family name, not «the past» of «العام الماضي»
            j += 1
            if t.raw[-1] in "،,:;؛.":
                break
            continue
        if is_abbreviation(t.raw):
            j += 1  # «قال د. محمد …»: the period of a title does not close the subject
            continue
        if (j == i and t.norm in _STUDENT and j + 1 < limit
                and (after_verb or (i > 0 and toks[i - 1].norm == "عن"))):
            # «ونقلت الوكالة عن طالبة الحقوق X قولها» (seed 24, 2094): the noun «a student»,
            # not the verb «طالب» (a verb never opens the subject after «عن» or a speech verb)
            j += 1
            continue
        if (j == i and t.norm in _DOCUMENTS and j + 1 < limit and toks[j + 1].norm[:1] == "ل"
                and len(toks[j + 1].norm) > 3 and toks[j + 1].norm not in OBJECT_PRONOUNS):
            j += 1  # «وقال بيان للسفارة»: the statement of its author speaks
            continue
        issued = issued_by(toks, j, limit) if j == i and t.norm in ISSUABLE else 0
        if issued:
            # «وأكد بيان صادر عن الوزارة أن» (K12): the statement issued by its author; «وأفاد
            # بيان مقتضب صدر عن مكتب رئيس المجلس، …، بأن» (seed 25, 2362) too
            j = issued
            continue
        if (j > i and t.norm.startswith("بال") and len(t.norm) <= 5
                and toks[j - 1].norm.startswith("ل") and t.raw[-1] in "،,:"):
            j += 1  # «المدير الفني لكريستال بالاس:»: the club's name, not «ب» + «ال»
            break
        if (j == i + 1 and t.norm.startswith("بال") and 5 <= len(t.norm) <= 6
                and t.raw[-1] in "،," and not toks[i].norm.startswith("ال")
                and toks[i].norm not in STOP and toks[i].norm not in _TITLE_HEADS
                and not cue_of(toks[i].raw)[1] and t.norm not in _BI_AL_WORDS):
            # «كشف جيمس بالوتا، رئيس نادي روما، عن …» (seed 27, 6748: «جيمس»): a first name
            # and the surname set off by its comma, not «ب» + «ال»
            j += 1
            break
        if (j > i and t.raw == "لـ" and j + 1 < limit and toks[j + 1].raw.startswith("#")
                and (toks[j - 1].norm in ("العام", "العامه")
                     or toks[j - 1].norm.removeprefix("ال") in _TITLE_HEADS)):
            # «قالت #كريستين_لاغارد المديرة العامة لـ #صندوق_النقد_الدولي» (seed 25, 2025: cut
            # at «لـ»): a title's body written as a hashtag is the title's own genitive
            j += 2
            if toks[j - 1].raw[-1] in "،,:;؛.":
                break
            continue
        if (j > i and len(t.norm) == 1 and t.norm != "و") or (
                j > i and addressed_after(t) and toks[j - 1].norm not in _GOVERNING):
            break  # «وتابعت المجلة إ،» (a stray letter); «قال ماتيس لعدد من الصحافيين»
        if is_complementizer(t.norm):
            break  # «هددت النساء المحتجات بأنهن …»: the clause starts
        if t.norm in ("الانتباه", "الانظار", "النظر"):
            # «ولفت الوزير الانتباه إلى أن …»: the object of «لفت»; «ولفت النظر إلى أن» names
            # no subject (QA11: «بحسب النظر، …»)
            break
        if (j > i and t.norm == "اي" and j + 1 < limit
                and toks[j + 1].norm not in ("بي", "سي", "ان", "تي", "ام")):
            break  # «ونفى طبيب المنتخب أي خلاف»: the object («أي بي سي» is a name)
        if j > i and t.norm in ("القول", "بالقول"):
            break  # «وأضاف مانينغ القول إن …» (QA13 2915): «the saying», the verb's object
        if j > i and t.norm == "ذات" and j + 1 < limit and toks[j + 1].norm in ("يوم", "مره"):
            break  # «وصفته مجلة فوربس ذات يوم بأنه»: «once», not part of the name
        if j > i and (now(t) or t.norm == "حاليا" or t.norm in _THEN):
            break  # «واعترف الوزير الآن بأن …»: a time adverb after the subject ends it
        if j > i and toks[i].norm in NUMBER_WORDS and (
                (j == i + 1 and (t.norm == "من" or t.norm in _PERCENT))
                or (j == i + 2 and toks[i + 1].norm in _PERCENT and t.norm == "ممن")):
            j += 1  # «ثلاثة من أولياء الأمور», «تسعة بالمئة ممن …»: the number's noun follows
            continue
        if (j > i + 2 and toks[i].norm in NUMBER_WORDS and toks[i + 1].norm == "من"
                and t.norm.isdigit() and j - i <= 5):
            j += 1  # «سبعة من بين كل 10 أشخاص»: the figure of the partitive
            continue
        if (j > i and j - i <= 2 and t.norm[2:] in _TOLD_TITLES and t.norm.startswith("لل")
                and not any(toks[m].norm.startswith(("ال", "و")) or toks[m].norm in _TITLE_HEADS
                            or toks[m].norm in STAFF_NOUNS or toks[m].norm.endswith("ه")
                            or toks[m].norm in _TOLD_TITLES or toks[m].norm in _AIDES
                            or toks[m].norm.endswith(("ون", "ين"))
                            for m in range(i, j))):
            break  # «وأكد سليم للرئيس الروسي أن» (F16): a bare name is no title of his
        if (j > i and t.norm.startswith("لل") and t.norm[2:] in _TOLD_MEDIA
                and (not any(strip_prefix(toks[m].norm).removeprefix("ال") in _TITLE_HEADS
                             or strip_prefix(toks[m].norm).removeprefix("ال") in STAFF_NOUNS
                             for m in range(max(i, j - 2), j))
                     # «وأضاف الأمين للموقع قائلا» (F43, seed 39, 2649: «— الأمين للموقع»): one
                     # definite word alone is a name or a bare title that told the medium; a
                     # title's medium follows a fuller title («المدير العام للقناة»)
                     or (j == i + 1 and toks[i].norm.startswith("ال")))):
            break  # «مسؤول قضائي للأسوشيتد برس», «كليفورد للشبكة»: the medium told (seed 21)
        if j > i and _named_addressee(toks, j, limit):
            break  # «قال سيبايوس لزيدان»: whom it was said to, named elsewhere in the paragraph
        if (j > i and t.norm in ("عنوان", "اسم", "معرف") and j + 1 < limit
                and toks[j + 1].norm in ("حسابه", "حسابها")):
            break  # «قال آخر عنوان حسابه @X "…"»: "whose account is", not part of the name
        if j > i and t.norm in _COURTS and j + 1 < limit and (
                is_complementizer(toks[j + 1].norm) or toks[j + 1].norm.endswith("يه")):
            # «وقال بو عنان لمحكمة إنه …», «مكتب المحقق مولر لمحكمة اتحادية إن …» (QA59-20): the
            # court he told («السكرتير العام لمحكمة كاس»: its name follows, the title's court)
            break
        if j > i and t.norm in ("له", "لها", "لهم", "لهما", "لنا"):
            # «وقال أردوغان له …», «رفاق له»: whom it was said to («ديف لي»: a name; «متحدث
            # … هو الميجور X»: «هو» introduces the name and stays)
            break
        if (j > i and t.norm in ("الصحفيين", "الصحافيين", "المراسلين")
                and toks[j - 1].norm in _BODIES_OF):
            j += 1  # «نقابة الصحفيين» (F18's left): the union's members, not whom it told
            continue
        if j > i and _titled_medium(toks, i, j):
            j += 1  # «الرئيس التنفيذي لشبكة …», «المدير العام للقناة»: the title's medium
            continue
        if j > i and ((describes_name(t.norm, toks[j - 1].norm, _TITLE_HEADS)
                       and not (j + 1 < limit and field_end(toks, i, j + 1, limit)))
                      or plural_speech_participle(t.norm) or t.norm in ANSWERS):
            break  # «كوماتشو المشارك في …», «مغردون إسبان قائلين» (F33): the name ends here
        if (t.norm in STOP or t.norm in OBJECT_NOUNS or not t.norm or t.norm in RELAYING
                or t.raw[0] in "\"“”«»„(:،,؛" or t.norm.isdigit()
                or t.norm in ADDRESSEES
                or (t.norm.startswith(("بال", "كال")) and not bi_al_name(t.norm))
                or t.raw.startswith("لـ")
                or cue_of(t.raw)[1]):
            break
        if t.norm.startswith("ل") and t.norm[1:] in NAME_NOUNS and not (
                j > i and toks[j - 1].norm in _BODY_RANKS and j + 1 < limit
                and toks[j + 1].norm.startswith("ال") and t.raw[-1] not in "،,:;؛."):
            # («المجلس الأعلى لتنظيم الإعلام», seed 31, 2920: a body's own «ل» genitive, not
            # «قال لتنظيم داعش»)
            break
        if j > i and (strip_prefix(t.norm) in RELATIVES and t.norm[:1] == "و"
                      or _DESCRIBING_RE.match(t.norm)):
            break  # «الخطوة والذي وصفته السفارة …»: a relative clause and its own subject
        if t.norm in ATTRIBUTION_PREPS or _glued_complementizer(t.raw):
            break  # «قال، بحسب الوكالة، …»; «وقال البيان إن"السفارة …»: the statement starts
        if j > i and (t.norm in SPEAKING
                      or (t.norm.startswith("است") and len(t.norm) >= 6)) and not (
                j == i + 1 and toks[i].norm in _FIRST_OF):
            # («قال أبرز متحدث عسكري إنه», seed 24, 7095: after an elative «the foremost …»
            # «متحدث» is the noun «spokesman», the subject's own head)
            # «قالت ماي متحدثة في …», «قال نصرالله وفقا لما نقلته …», «أعلن النادي استكمال …»
            break
        if j == i and t.norm.startswith("لل"):
            return "", i  # «وصفه للمرشد …»: a prepositional object, no speaker here
        if j == i and t.norm[:1] == "ل" and t.norm[1:] in _TOLD_GROUPS:
            # «… كيم جونغ أون، قال لوفد كوري جنوبي … إنه» (seed 26, 4549): whom he told, no
            # subject («لوفد» is «ل» + «وفد», not a name in «ل» such as «لوبان»)
            return "", i
        if t.raw.rstrip("،,:;؛.").endswith(("اً", "ًا", "ً")):
            break  # an accusative (tanween): the object of «اعتبر …», not the speaker
        if j > i and t.norm in _RELAYED_WORDS and j + 1 < limit and toks[j + 1].norm.startswith(
                "ال") and t.raw[-1] not in "،,:;؛.":
            # «ورحبت الفيدرالية بتأكيدات الشرطة البريطانية أنها تحقق …» (F37, seed 35, 5033:
            # «بحسب الفيدرالية بتأكيدات الشرطة البريطانية، …»): the assurances welcomed are the
            # police's; whose they are speaks when their clause follows
            relayed, end = subject(toks, j + 1, limit)
            if relayed and end < limit and is_complementizer(toks[end].norm):
                return relayed, end
        if _object_word(t, toks[j - 1] if j > i else None) or act_and_object(
                t, toks[j - 1] if j > i else None, toks[j + 1] if j + 1 < limit else None):
            break  # «النظام السوري بعدم منح …», «صديقه مازحا»: the speaker ended before it
        j += 1
        if t.raw[-1] in "،,:;؛.":  # punctuation closes the subject
            break
    if (j - i == MAX_SPEAKER_WORDS and j < limit and toks[j - 1].norm.startswith("ل")
            and toks[j - 1].raw[-1] not in "،,:;؛." and toks[j].norm.startswith("ال")
            and not toks[j].norm.endswith(("ين", "ون"))
            and toks[j].norm not in STOP and not cue_of(toks[j].raw)[1]):
        j += 1  # «… للأمم المتحدة للشؤون السياسية», «… لكرة القدم»: the title's last word
    if j - i == MAX_SPEAKER_WORDS:
        j = limit_end(toks, i, j, limit)  # a long title's name read to its end, or cut back
    words = [toks[k].raw for k in range(i, j)]
    if glued:
        words[-1] = glued
    if len(words) >= 3 and fold(words[-1]) in _TITLE_HEADS and j < limit and (
            toks[j].norm in ("هذه", "هذا", "تلك", "ذلك")):
        # «كارلوس نييتو مدير هذه المنظمة»: the title's own words were cut at «هذه»; the name
        # before it is whole, the title alone is not.
        words = words[:-1]
    if len(words) >= 3 and dangling_title(toks, j, limit):
        words = words[:-1]  # «وليد الطبطبائي النائب | في مجلس الأمة» (F32's 5939)
    if len(words) >= 3 and fold(words[-1]) in ("الصادر", "الصادره") and j < limit and (
            toks[j].norm in ("عن", "من")):
        # «كشف تقرير السعادة العالمي الصادر عن شبكة …» (seed 25, 4457: «… الصادر»): the
        # participle whose issuer was cut off dangles; the report's name is whole without it.
        words = words[:-1]
    if len(words) >= 2 and fold(words[-1]) in _ALL_OF:
        # «أكدت له عائلته وأصدقاؤه وكل من يقابله أنه» (F16's seed 19, 2371): «and everyone
        # who …» was cut at its relative; the ones named before it speak.
        words = words[:-1]
    named = apposed_name(toks, i, j, limit) if words else 0
    far, far_end = far_apposed_name(toks, i, j, limit) if words and not named else (0, 0)
    if words and not named and not far_end:
        # «الخبير السعودي في التجارة الدولية الدكتور فواز العلمي أن» (F30): the name after
        # the title's place, the place dropped as a far title's rest is
        far, far_end = placed_name(toks, i, j, limit)
        if not far_end:
            # «الممثل المقيم … في سوريا علي الزعتري في بيان» (QA50 E9): a country, then the name
            far, far_end = country_placed_name(toks, i, j, limit)
    if far_end:
        # «وقال الأستاذ في مركز … في جامعة كلية لندن، غاريث بارنز، المشارك …:» (5721): the
        # name after the long title's comma
        words = [*words, *(toks[k].raw.rstrip("،,:") for k in range(far, far_end))]
        j = far_end
    if named:
        # «وقال وزير الداخلية الأسترالي، بيتر دوتون، إن» (seed 27, 4721: «بحسب وزير الداخلية
        # الأسترالي»): the name set after the title's comma is the speaker's too
        words = [w.rstrip("،,:") for w in [*words, *(toks[k].raw for k in range(j, named))]]
        j = named
    words = without_own_title(words, toks[i - 1].norm if i > 0 else "")  # F32's 4659
    # «#الشرطة_البريطانية»: a hashtag is shown as the words it joins (QA11).
    words = [w.replace("_", " ").replace("#", "") for w in words]
    words = [w + words[n + 1] if w == "لـ" and n + 1 < len(words) else w
             for n, w in enumerate(words) if n == 0 or words[n - 1] != "لـ"]  # «لـصندوق …»
    speaker = " ".join(w for w in words if w.strip()).strip(EDGE_PUNCT + " ")
    if speaker.count('"') % 2 == 1 and words[-1].rstrip("،,:;؛.").endswith('"'):
        speaker += '"'  # keep a quoted name whole: «جريدة "تايمز"»
    if speaker.count("(") > speaker.count(")") and words[-1].rstrip("،,:;؛.").endswith(")"):
        speaker += ")"  # and a name in brackets: «شبكة (سي.بي.اس)»
    return speaker, j


_TOLD_GROUPS = frozenset("وفد وفود حشد حشود".split())  # folded, after «ل»
# The rank of a body whose name goes on with «ل» («المجلس الأعلى لتنظيم الإعلام», «اللجنة
# العليا لتنظيم …», «الهيئة الوطنية لتنظيم …»). Folded.
_BODY_RANKS = frozenset("الاعلي العليا الوطني الوطنيه العام العامه".split())
# «ب» + «ال» words that may close a subject before a comma («قال ترامب بالفعل،»). Folded.
_BI_AL_WORDS = frozenset("بالفعل بالطبع بالضبط بالذات بالمثل بالامس بالتالي بالقول بالكامل".split())

# Titles whom a name spoke to behind «لل» («سليم للرئيس الروسي»); after a title or a
# definite noun they are its genitive («المدير الفني للفريق», «مستشار للرئيس»). Folded.
_TOLD_TITLES = frozenset("رئيس وزير ملك امير امين مبعوث سفير مستشار مستشاره رئيسه وزيره".split())
# Media a speaker spoke to behind «لل» («للأسوشيتد برس», «للشبكة», «للصحيفة»); after a title they
# are its genitive («المدير العام للقناة»). Folded, without «لل».
_TOLD_MEDIA = frozenset("اسوشيتد شبكه صحيفه قناه وكاله اذاعه تلفزيون مجله موقع".split())
_ALL_OF = frozenset("وكل وجميع وسائر وبعض".split())  # folded; their noun or «من» follows
_AIDES = frozenset("متحدث ناطق مساعد كبير مسؤول مصدر مندوب ممثل معارض مؤيد منتقد".split())
# «عدد من الخبراء»: some of a group, named with it. Folded.
_SOME = frozenset(("عدد", "مجموعه", "العديد", "كثير"))  # («العديد من الإسرائيليين»: F18)
_MEMBER = frozenset("عضو عضوه اعضاء عنصر عناصر".split())  # folded («عناصر في القوات»: F33)
# «وقال مسؤول في الدفاع المدني بالغوطة: "فرقنا …"» (QA59-4: «— مسؤول»): an official named by
# the body he serves in, when «في» opens a body (not «في تصريح», «في بيان», «في غزة»).
# «وقال مصدر في الشرطة إن …» (F38's left: «— مصدر»): a source likewise, by the body he is in.
_OFFICIAL = OFFICIALS | frozenset("مصدر مصادر مصدران".split())
# The first words of a body's name (`_a_body`); quote_marks' titles before one are others. Folded.
_BODY_FIRST_WORDS = frozenset(
    "وزاره هيئه منظمه حركه حزب مكتب جماعه مجلس اداره شركه جهاز قوات لجنه سفاره الدفاع"
    " الحكومه الوزاره الجيش الشرطه الامم الاتحاد البيت الخارجيه الداخليه الرئاسه الحرس"
    " الهلال الصليب المعارضه التحالف".split())


def _glued_after(t: Tok) -> bool:
    """«باخشوينعقب»: a name of three letters or more with «عقب» (after) glued to it by a typo —
    not a word of the root «عقب» («المعقب», «المتعقب», «يتعقب»: «عقب» after «م», «ت» or «ي»)."""
    norm = t.norm
    return (norm.endswith("عقب") and len(norm) >= 7
            and norm[:-3][-1:] not in ("ت", "م", "ي") and t.raw[-1].isalpha())


def _rank_and_name(toks: list[Tok], j: int, limit: int) -> bool:
    """A rank and a name follow at token `j` («العميد حسين …»): after «قائد "…"» the marks held
    the unit's name («أعلن قائد "اللواء السادس حرس حدود" العميد حسين حسان الغمري أن»: Q40's
    3060, «— قائد»), however long, since the man it heads is named after it."""
    return (j + 1 < limit and toks[j - 1].raw[-1] not in "،,:;؛." and toks[j].norm in RANKS
            and toks[j].raw[-1] not in "،,:;؛." and not toks[j + 1].norm.startswith("ال")
            and toks[j + 1].norm not in STOP and not cue_of(toks[j + 1].raw)[1])


# Commands and directorates named by the indefinite nouns in construct after them («قيادة
# شرطة ريف دمشق», «مديرية صحة حلب»). Folded.
_COMMANDS = frozenset("قياده مديريه".split())


def _command_end(toks: list[Tok], k: int, limit: int) -> int:
    """Where «قيادة/مديرية» at token `k` and its indefinite nouns in construct end, when the
    clause («أن/إن», marks) follows them at once or a comma or colon closes them (at most four
    words: «قيادة الجيش السوري», «قيادة شرطة ريف دمشق»); else 0."""
    if k >= limit or toks[k].norm not in _COMMANDS or toks[k].raw[-1] in "،,:;؛.":
        return 0
    m = k + 1
    definite = False  # the construct ends on a definite noun, then its adjectives
    while m < limit and m - k <= 4:
        t = toks[m]
        if (not t.raw.rstrip("،,:").isalpha() or t.norm in STOP or cue_of(t.raw)[1]
                or is_complementizer(t.norm) or (definite and not t.norm.startswith("ال"))):
            break
        definite = definite or t.norm.startswith("ال")
        m += 1
        if t.raw[-1] in "،,:":
            break
    if m == k + 1 or m >= limit:
        return 0
    after = toks[m]
    return m if (toks[m - 1].raw[-1] in "،,:" or is_complementizer(after.norm)
                 or after.raw[0] in "\"“«„") else 0


def _a_body(t: Tok) -> bool:
    """`t` opens the name of a body («وزارة …», «الدفاع المدني», «الأمم المتحدة»)."""
    return t.norm in _BODY_FIRST_WORDS


# Bodies named by their members («نقابة الصحفيين», «رابطة المراسلين»). Folded.
_BODIES_OF = frozenset("نقابه اتحاد جمعيه رابطه لجنه هيئه منظمه نادي مرصد".split())


def _titled_medium(toks: list[Tok], i: int, j: int) -> bool:
    """Token `j` is «لـ/لل» + a medium that a title before it governs: the title's head alone
    («مدير للشبكة») or a definite head and its adjective («الرئيس التنفيذي لشبكة التواصل
    الاجتماعي», «المدير العام للقناة»: F18's left, corpus 37). «قال لشبكة CNN» and «رئيس
    الوزراء للصحيفة» (a whole title) name whom he told."""
    t = toks[j]
    if t.norm[:1] != "ل" or t.raw[-1] in "،,:" or not (
            t.norm[1:] in _TOLD_MEDIA or (t.norm[:2] == "لل" and t.norm[2:] in _TOLD_MEDIA)):
        return False
    if j - 1 == i:
        return toks[i].norm.removeprefix("ال") in _TITLE_HEADS
    head, adjective = toks[j - 2], toks[j - 1].norm
    return (j - 2 >= i and head.norm.startswith("ال") and head.norm[2:] in _TITLE_HEADS
            and (adjective in ("العام", "العامه")
                 or (adjective.startswith("ال") and adjective.endswith("ي"))))


_HE_WHO = frozenset("هو هي وهو وهي".split())  # before a relative: an aside on the speaker


def opens_statement(toks: list[Tok], j: int, last: int) -> bool:
    """After «قال X،»: does a statement start at token `j` (not «في بيان، إن …», not a date)?"""
    t = toks[j]
    if t.norm in STOP or t.norm in PREPOSITIONS or t.norm.isdigit() or not t.norm:
        return False
    if t.raw[0] in "\"“”«„(":
        return False  # quote marks: direct speech, handled as such
    if t.norm in _PUBLISHED_VIA:
        return False  # «وقال بيان للسفارة، نشر على صفحتها …»: how the statement came out
    if t.norm in _HE_WHO and j + 1 < last and toks[j + 1].norm in ("الذي", "التي", "من"):
        # «وقال هوهوان، هو الذي أشرف على الدراسة …، "…"» (F41, seed 37, 4411): «he who …»
        # describes the speaker, as a relative clause does; it is no statement
        return False
    # An «إن» or another cue a few words on means this was a parenthesis, not the statement.
    return not any(is_complementizer(toks[m].norm) or cue_of(toks[m].raw)[1] is not None
                   for m in range(j, min(last, j + 6)))


# Heads that name a man or a woman (folded, without «ال»): a bare cue of the other gender never
# falls back on them.
_MAN_HEADS = frozenset(
    "ملحن مخرج رئيس وزير مدرب لاعب نجم مهاجم حارس مدير سفير قائد زعيم محامي قاضي ملك امير شيخ"
    " مستشار خبير باحث طبيب متحدث ناطق ممثل مغني فنان كاتب شاعر صحفي اعلامي رجل".split())
_WOMAN_HEADS = frozenset(
    "ملحنه مخرجه رئيسه وزيره مدربه لاعبه نجمه مديره سفيره محاميه قاضيه ملكه اميره شيخه"
    " مستشاره باحثه طبيبه متحدثه ناطقه ممثله مغنيه فنانه كاتبه شاعره صحفيه اعلاميه سيده"
    " امراه فتاه".split())


def person_of_other_gender(name: str, gender: str) -> bool:
    """«الملحن بليغ حمدي» for a feminine cue, «الممثلة …» for a masculine one."""
    words = name.split()
    head = fold(words[0]).removeprefix("ال") if words else ""
    return (gender == "f" and head in _MAN_HEADS) or (gender == "m" and head in _WOMAN_HEADS)


# Broken plurals a masculine singular pronoun never means (F42, seed 38, 4212: a bare «قال»
# two paragraphs after «وذكر الأطباء» / «وتقول التقارير» was shown «بحسب الأطباء»): plurals
# of things that speak («التقارير», «مصادر»: a feminine «وأضافت» goes on with them) and of
# people («الأطباء», «خبراء»). Folded, without «ال»; the first word only («رئيس الوزراء»).
_BROKEN_PLURALS = frozenset(
    "تقارير مصادر وسائل دراسات ابحاث بيانات اطباء علماء خبراء نشطاء شهود سكان اهالي زعماء"
    " وزراء سفراء".split())


def _things(name: str) -> bool:
    """«التقارير الإعلامية», «الأطباء»: a broken plural, which «قال» never means."""
    words = name.split()
    return bool(words) and fold(words[0]).removeprefix("ال") in _BROKEN_PLURALS


class Speakers:
    """The named speakers so far, to resolve «وأضاف»/«مضيفةً» to the last one of that gender."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        # The subject of a non-speech verb that opened the last sentence and named nobody else
        # (digests.sentence_openers.sentence_opener), with the genders its verb allows.
        self.opener: tuple[str, frozenset[str]] | None = None

    def add(self, name: str, gender: str) -> None:
        if masdar_act(name):
            # «فهم يتوقعون رفع سعر الفائدة أكثر» (F37): an act read as a subject is no one a
            # later bare «وقالت» could mean
            return
        self.seen.append((name, gender))

    def last(self, gender: str | None = None, *, singular: bool = False,
             plural: bool = False) -> str:
        """The last speaker of `gender`; `singular`: a singular verb's, so no plural noun
        («وقال» after «ويتهم المنتقدون …» is not «المنتقدون», seed 24, 3506); `plural`: a plural
        verb's («وأضافوا»), so never a person's bare name (`bare_person`) named last."""
        seen = [(n, g) for n, g in self.seen if not (singular and plural_noun(n)) and not (
            singular and gender == "m" and _things(n))]
        if plural and seen and bare_person(seen[-1][0]):
            return ""  # «وأضافوا» after only «فارادكار» spoke (F36, seed 34, 5849)
        for name, g in reversed(seen):
            if gender is None or g == gender:
                return name
        if seen and gender is not None and person_of_other_gender(seen[-1][0], gender):
            # «وقالت: "…"» after only «الملحن بليغ حمدي» was named (F32, corpus_dev 2613): a
            # person titled as a man is not the woman speaking; nobody is shown instead.
            return ""
        return seen[-1][0] if seen else ""
