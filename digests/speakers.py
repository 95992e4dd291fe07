"""Who is speaking: the speaker as written around a speech verb in news Arabic.

The subject written after the verb (VSO, «قال وزير الخارجية سامي الحسن»), up to a stop word,
punctuation, an addressee («للصحفيين»), an object («وقوف بلاده») or another verb; and whether a
statement opens after «قال X،». The subject written before the verb (SVO, «روحاني قال لماكرون
إن») and the noun a relative clause describes («الشهود الذين قالوا») are
digests.fronted_speakers. Pure functions over the words of one paragraph; the tokens, the word
lists and the tests of where a noun phrase ends are digests.speaker_words, and `Speakers` (the
named speakers so far, for «وأضاف»/«مضيفةً») is digests.speaker_memory — both re-exported here.
The tests `subject` makes at one token are digests.subject_parts; its finishing step (the words
once the end is found) is digests.subject_text.
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
from digests.name_ends import (
    ANSWERS,
    bi_al_name,
    describes_name,
    plural_speech_participle,
)
from digests.skipped_objects import skip_object
from digests.speaker_spans import (
    asked_unnamed,
    field_end,
    placed_title_end,
)
from digests.subject_phrases import ISSUABLE, issued_by, placed_in
from digests.speech import (
    ADDRESSEES,
    ATTRIBUTION_PREPS,
    MEDIA_NOUNS,
    NAME_NOUNS,
    OBJECT_NOUNS,
    OBJECT_PRONOUNS,
    OFFICIALS,
    PREPOSITIONS,
    RELATIVES,
    SPEAKING,
    STOP,
    cue_of,
    is_complementizer,
    strip_prefix,
)
from digests.speaker_memory import Speakers, person_of_other_gender  # re-exported
from digests.subject_parts import (
    _TOLD_MEDIA,
    _a_body,
    _closing,
    _command_end,
    _glued_after,
    _in_a_statement,
    _media_dual,
    _medium_adjective,
    _opens_clause,
    _rank_and_name,
    _titled_medium,
)
from digests.subject_text import finished_subject


# «طالب/طالبة» read as a noun where a subject opens (folded).
_STUDENT = frozenset(("طالب", "طالبه"))
# Elatives that head a subject in construct: «أبرز/أكبر/أرفع متحدث …» (folded).
_FIRST_OF = frozenset("ابرز اكبر ارفع اعلي اقدم اهم كبير".split())


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
    return finished_subject(toks, i, j, limit, glued)


_TOLD_GROUPS = frozenset("وفد وفود حشد حشود".split())  # folded, after «ل»
# The rank of a body whose name goes on with «ل» («المجلس الأعلى لتنظيم الإعلام», «اللجنة
# العليا لتنظيم …», «الهيئة الوطنية لتنظيم …»). Folded.
_BODY_RANKS = frozenset("الاعلي العليا الوطني الوطنيه العام العامه".split())
# «ب» + «ال» words that may close a subject before a comma («قال ترامب بالفعل،»). Folded.
_BI_AL_WORDS = frozenset("بالفعل بالطبع بالضبط بالذات بالمثل بالامس بالتالي بالقول بالكامل".split())

# Titles whom a name spoke to behind «لل» («سليم للرئيس الروسي»); after a title or a
# definite noun they are its genitive («المدير الفني للفريق», «مستشار للرئيس»). Folded.
_TOLD_TITLES = frozenset("رئيس وزير ملك امير امين مبعوث سفير مستشار مستشاره رئيسه وزيره".split())
_AIDES = frozenset("متحدث ناطق مساعد كبير مسؤول مصدر مندوب ممثل معارض مؤيد منتقد".split())
# «عدد من الخبراء»: some of a group, named with it. Folded.
_SOME = frozenset(("عدد", "مجموعه", "العديد", "كثير"))  # («العديد من الإسرائيليين»: F18)
_MEMBER = frozenset("عضو عضوه اعضاء عنصر عناصر".split())  # folded («عناصر في القوات»: F33)
# «وقال مسؤول في الدفاع المدني بالغوطة: "فرقنا …"» (QA59-4: «— مسؤول»): an official named by
# the body he serves in, when «في» opens a body (not «في تصريح», «في بيان», «في غزة»).
# «وقال مصدر في الشرطة إن …» (F38's left: «— مصدر»): a source likewise, by the body he is in.
_OFFICIAL = OFFICIALS | frozenset("مصدر مصادر مصدران".split())


# Bodies named by their members («نقابة الصحفيين», «رابطة المراسلين»). Folded.
_BODIES_OF = frozenset("نقابه اتحاد جمعيه رابطه لجنه هيئه منظمه نادي مرصد".split())


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
