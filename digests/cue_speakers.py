"""Who speaks at a speech cue: the speaker written at it, or written elsewhere in its sentence.

digests.speech_cues finds a cue word; this reads its speaker as written: the subject after the
verb (VSO), the source after «نقلت الوكالة عن» or «نقلا عن», the subject before it (SVO, after a
pronoun, between «كان» and the verb), the noun a relative clause describes, the author of
«بيانا قال فيه». It also trims a subject that ran into the verb's object («رفضت إليسا
مصافحتها», «ولخص الفيديو الحرب») and rejects a clause misread as a name (`plausible_speaker`).
Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

import re

from digests.speakers import (
    CLAUSE_OPENERS,
    MANNER,
    RELAYING,
    Tok,
    addressee,
    antecedent,
    possessed_object,
    speaker_before,
    subject,
    tokens,
)
from digests.speech import (
    STOP,
    CLAUSE_CONJ,
    IN_WHICH,
    OBJECT_PRONOUNS,
    PUBLISHING,
    RELATIVES,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)

_KANA = frozenset(("كان", "كانت", "كانوا"))
_NEGATED = frozenset("لم ولم فلم لا ولا".split())
# Heads of a subject that is a person or a body by its title («متحدثة باسم فيسبوك», «الوزير»).
# Folded, without «ال».
_HUMAN_HEADS = frozenset(
    "متحدث متحدثه ناطق ناطقه مسؤول مسؤوله مصدر وزير وزيره رئيس رئيسه مدرب لاعب نجم مهاجم حارس"
    " مدير مديره سفير سفيره قائد زعيم محامي محاميه قاضي ملك امير شيخ نائب نائبه عضو مستشار"
    " مستشاره خبير باحث باحثه طبيب طبيبه وزاره حكومه شرطه جيش شركه منظمه هيئه".split())
# A pronoun written before the verb is its subject («لكنه قال», «وهو يؤكد»).
_PRONOUN_SUBJECTS = frozenset("لكنه ولكنه لكنها ولكنها وهو وهي فهو فهي".split())
_ADDRESSEES = frozenset(
    "صحيفه جريده مجله وكاله قناه موقع شبكه اذاعه تلفزيون احدي احد الصحيفه الجريده المجله"
    " الوكاله القناه الموقع الشبكه الاذاعه التلفزيون الصحفيين الصحافيين صحفيين صحافيين".split())
ABOVE = frozenset("فوقها فوقه تحتها".split())  # «نشر X صورة … وكتب فوقها "…"»: X's caption
_SUMMED = frozenset("لخص لخصت يلخص تلخص".split())
REFUSE = frozenset("رفض رفضت يرفض ترفض رافض رافضا رافضه".split())  # «رافضا اتهامات بأن …»
_DESCRIBE = frozenset("وصف وصفت يصف تصف ووصف ووصفت ويصف وتصف".split())
_DESCRIBED_RE = re.compile(r"^(?:وصف|وصفت|يصف|تصف)(?:ه|ها|هم|هما)$")


def described(norm: str) -> str | None:
    """«وصفته», «ووصفتها», «يصفه»: a describing verb with its object pronoun, whose subject is
    then written after it («وصفته السفارة بأنه …»); its gender, or None for another word."""
    for form in (norm, norm[1:] if norm[:1] in "وف" else ""):
        if form and _DESCRIBED_RE.match(form):
            return "f" if form.startswith(("وصفت", "تصف")) else "m"
    return None
RELAY_VERBS = frozenset(("نقل", "نقلت", "ينقل", "تنقل", "ونقل", "ونقلت"))
RELAYED_PRONOUNS = {"عنه": "m", "عنها": "f"}  # «نقلت الوكالة عنه»: his words, not the agency's
# «ولخص أحدهم الموقف»: one of them speaks, as written (not a possessed noun). «بعضهم» (some of
# them) stays out: the group named before («محللون … لكن بعضهم حذر») is the better speaker.
_INDEFINITE = frozenset("احدهم احداهم احدهما احداهما احداهن".split())


# Words that never open a speaker: a comparative or amount («نقل أكثر من …»), an event noun
# («أعلنت سقوط مسلحين»), a particle or adverb («ربما», «لأنه», «تماما»). Folded.
_NOT_A_NAME_START = frozenset(
    "اكثر اقل سقوط مقتل لقد قد هل ربما بما ما وما بل لان لانه لانها لكي كي عاده تماما تحديدا حاليا"
    " واحدا قرابه زالت مازال مازالت يعتقد يتعين بشده بحراره بحق".split())
# First words that name no voice (folded): a preposition with its pronoun («منهم»: of them),
# God quoted in a column («قال الله تعالى»: scripture, not news speech).
_NO_VOICE = frozenset("منهم منها منه منهما منكم منا منهن الله".split())
# Alone, a figure of speech in opinion columns («فقد كشفت الساحة أن», «أثبتت الأيام أن»).
_NO_VOICE_ALONE = frozenset("الساحه الايام الظروف الواقع".split())
# Prepositions as written («علي» with ي is also the name Ali).
_PREPS = frozenset("في على إلى الى من عن مع حول عبر بين لدى".split())
# Nouns that name a medium or a firm by the name written after them: alone they name nobody.
_BARE_MEDIA = frozenset("شبكه شركه قناه صحيفه محطه وكاله موقع مجله جريده اذاعه".split())
# «وفقا لتورنبول»: the «ل» of these prepositions is glued to the speaker.
_BY_LAM = frozenset("وفقا ووفقا وفق ووفق طبقا وطبقا".split())
# «نقلت الصحيفة بيانا لوزارة النقل قالت فيه»: the document's author speaks. Folded.
_DOCUMENTS = frozenset("بيانا تصريحا تصريحات رساله كلمه تغريده مقتطفات نص".split())


# Verbs whose subject is followed by an object («اتهم X تركيا بـ…», «دعا X المجتمع الدولي إلى
# …», «طالبت X بريطانيا بتفسير …»). Folded, without «و/ف».
OBJECT_VERBS = frozenset(
    "اتهم اتهمت يتهم تتهم دعا دعت يدعو تدعو طالب طالبت يطالب تطالب حث حثت يحث تحث حض حضت"
    " يحض تحض هدد هددت يهدد تهدد ابلغ ابلغت يبلغ تبلغ طمان طمانت يطمئن تطمئن حذر حذرت يحذر"
    " تحذر ناشد ناشدت يناشد تناشد حمل حملت يحمل تحمل هاجم هاجمت يهاجم تهاجم انتقد انتقدت"
    " ينتقد تنتقد".split())
# Words that open such an object: a country or capital, «المجتمع الدولي», «الولايات المتحدة».
_OBJECT_STARTS = frozenset(
    "تركيا بريطانيا روسيا ايران اسرائيل واشنطن موسكو طهران انقره لندن باريس فرنسا المانيا"
    " امريكا اميركا سوريا مصر قطر اليونان قبرص الصين اليابان المجتمع الولايات الامم دول الدول"
    " السلطات الحكومه الحكومات المواطنين الجميع الشعب الاطراف المسؤولين".split())
# Nouns whose genitive a country may be («سفير روسيا», «حكومة تركيا», «وكالة أنباء الإمارات»).
_GENITIVE_HEADS = frozenset(
    "رئيس رئيسه وزير وزيره سفير سفيره حكومه خارجيه ملك امير ولي مندوب مندوبه وزاره جيش"
    " برلمان سلطات شرطه بنك مصرف سفاره قنصل قنصليه ممثل ممثله مبعوث نائب رئاسه مجلس"
    " منتخب مدرب لاعب راديو اذاعه وكاله انباء مفتي عمده حاكم وزراء قوات مكتب وفد حزب شركه"
    " نادي صحيفه موقع عاصمه باسم قاده زعماء انصار اعداء خصوم مؤيدو مؤيدي حلفاء جيران شعب سكان"
    " اهالي مواطنو مواطني دوله جمهوريه مملكه سلطنه خبراء فريق لجنه بعثه هيئه مفوضيه".split())


_FAIL_RE = re.compile(r"^ال.ا..$")  # «الحاكم», «السابق»: the active participle of form I


def object_cut(norm: str, speaker: str) -> str:
    """After «اتهم», «دعا», «طالب» … the object follows the subject at once: cut it there.

    «واتهم أناستاسيادس تركيا بتبني …» → «أناستاسيادس»; «ودعا المومني المجتمع الدولي …» →
    «المومني»; «سفير روسيا» keeps its genitive.
    """
    if strip_conj(norm) not in OBJECT_VERBS:
        return speaker
    names = speaker.split()
    for n in range(1, len(names)):
        word, prev = fold(names[n]).lstrip("#"), fold(names[n - 1])
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


# Indefinite subjects seen in the accusative after «إنّ/لكنّ» («لكن استطلاعا للرأي كشف أن»,
# «إن مصدرا أمنيا قال»). Unvoweled, without tanween.
_ACCUSATIVE_HEADS = frozenset(
    "استطلاعا مصدرا مسؤولا تقريرا مسحا فريقا عددا خبيرا شاهدا دبلوماسيا".split())
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


def bare_medium(name: str) -> bool:
    """«شبكة», «صحيفة» alone: a medium whose name was written in a way not read («صحيفة
    »أكسبريس«»); the speaker is known to be unknown, so nobody else is put in its place."""
    return len(name.split()) == 1 and fold(name) in _BARE_MEDIA


# Pronouns of the first person: a subject that holds one is the writer, not a named speaker.
_FIRST_PERSON_WORDS = frozenset("انني اننا انا نحن لكنني لكننا فانني فاننا".split())


def no_voice(name: str) -> bool:
    """«منهم», «الله تعالى», «الساحة» alone, «بأخطائك»: a subject that is nobody who speaks
    (opinion columns: «فقد كشفت الساحة أن», «قال الله تعالى»); its speech is nobody's, and the
    last speaker is not put in its place."""
    words = name.split()
    if not words:
        return False
    first = words[0]
    norm = fold(first)
    return (norm in _NO_VOICE or (len(words) == 1 and norm in _NO_VOICE_ALONE)
            or (len(words) == 1 and norm[:1] in "بل" and len(norm) >= 5
                and first.rstrip("،,:.").endswith("ك")))  # «بأخطائك»: «your» errors


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
    if norm in ("اي", "كل", "جميع"):
        return False  # «نفى أي توجه للهيمنة …»: the object of a verb whose subject is a pronoun
    if norm[:1] in "وف" and strip_conj(norm) in PUBLISHING:
        return False  # «ونشرت وسائل الإعلام مقالات تشيد …»: a clause with its verb, no name
    if norm in ("الا", "غير", "بيد") or any(fold(w) in _FIRST_PERSON_WORDS for w in words):
        return False  # «الا انني اعترف الآن بأن»: the writer speaks in the first person
    if (norm in _NOT_A_NAME_START or norm in MANNER or strip_conj(norm) in CLAUSE_OPENERS
            or norm.rstrip("%٪").replace(",", "").isdigit()):
        return False  # «بحسب أكثر، …», «— مبتسما», «بحسب ولهذا، …», «83٪»
    if first in _PREPS or (first[:1] in "وف" and first[1:] in _PREPS):
        return False  # «بحسب ففي عام 2014، …»: a prepositional phrase, not a name
    if addressee(Tok(0, len(first), first, norm)):
        return False  # «— لتورنبول», «بحسب لأسباب عرضية، …»: whom it was said to, or why
    if bare_medium(name):
        return False  # «بحسب شبكة، …»: the medium's name was not read
    if no_voice(name):
        return False
    if norm[:1] == "ل" and (norm[1:] in _ADDRESSEES or norm[1:].removeprefix("ل") in _ADDRESSEES):
        return False  # «لمجلة كيكر», «لإحدى الصحف»: whom it was said to, not who said it
    for form in (first, first[:-2] if norm.endswith(("ين", "ون")) else ""):
        hit = cue_of(form)[1] if form else None
        if hit is not None and hit[0] == "part":
            return False  # «قائلا», «قائلين»: the participle, not its subject
    if (len(words) == 1 and len(norm) >= 5 and norm.endswith(("ها", "هم"))
            and norm not in _INDEFINITE):
        return False
    if len(words) == 1 and possessed_object(Tok(0, len(first), first, norm)):
        return False  # «أكد حصوله على عقد»: a possessed verbal noun, the verb's object
    if (norm[:1] == "ب" and len(norm) >= 4 and norm[1:2] not in ("ا", "و", "ي")
            and first.rstrip("،,:.").endswith("ه")):
        return False  # «بحبه لمدينته»: a preposition and a possessed noun
    return name.count("(") == name.count(")")


def after_lam(toks: list[Tok], m: int, last: int) -> tuple[str, int]:
    """The speaker written at token `m` behind a glued «ل»: «لوزارة النقل» → «وزارة النقل»,
    «للوزارة» → «الوزارة», «لـ"سانا"» → «"سانا"»; and the first token after it."""
    raw = toks[m].raw
    if toks[m].norm in OBJECT_PRONOUNS:
        return "", m + 1  # «وفقا له»: the one named before
    bare = raw[2:] if raw.startswith("لـ") else "ا" + raw[1:] if raw.startswith("لل") else raw[1:]
    if not bare:
        return "", m + 1
    head = tokens(bare)
    if len(head) != 1:
        return "", m + 1
    t = toks[m]
    lifted = Tok(t.start, t.end, bare, head[0].norm)
    return subject([*toks[:m], lifted, *toks[m + 1:]], m, last)


def summed_subject(norm: str, speaker: str) -> str:
    """After «لخص» the object follows a one-word subject at once: keep only the subject.

    «ولخّص الفيديو الحرب السورية …:», «ولخص أحدهم الموقف قائلا».
    """
    if strip_conj(norm) not in _SUMMED or len(speaker.split()) <= 1:
        return speaker
    one, two = speaker.split()[:2]
    if (fold(one).startswith("ال") or fold(one).endswith("هم")) and fold(two).startswith("ال"):
        return one
    return speaker


def refused_subject(norm: str, speaker: str) -> str:
    """After «رفض» the object follows the subject at once: cut it at a possessed noun.

    «رفضت إليسا مصافحتها قائلة "…"» names who speaks next, and «مصافحتها» is the object.
    """
    if strip_conj(norm) not in REFUSE:
        return speaker
    names = speaker.split()
    cut = next((n for n in range(1, len(names)) if len(fold(names[n])) >= 5
                and fold(names[n]).endswith(("ها", "هم", "هما"))), len(names))
    return " ".join(names[:cut])


def written_speaker(toks: list[Tok], k: int, first: int, last: int, kind: str, prev: str,
                     content_open: bool, named_before: bool) -> tuple[str, int] | None:
    """The speaker written at the cue (or "") and the first token after it; None: no cue here.

    `named_before`: an earlier cue of the sentence names its speaker (a «وقال» after it is
    coordinated: same speaker, nothing to read after the verb).
    """
    t = toks[k]
    norm = cue_of(t.raw)[0]
    speaker = ""
    j = k + 1
    coordinated = (kind == "verb" and t.norm.startswith("و") and k > first
                   and named_before and described(t.norm) is None)
    if (kind == "verb" and not content_open and not coordinated and prev == "قد"
            and norm not in RELAY_VERBS
            and any(strip_conj(toks[m].norm) in _KANA for m in range(max(first, k - 12), k))):
        kana = _kana_subject(toks, k, first)
        if kana:
            # «وكانت السلطات قد هددت النساء المحتجات بأنهن …»: the subject is written between
            # «كان» and «قد»; the words after the verb are its object.
            return kana, k + 1
    if (kind == "verb" and not content_open and strip_conj(norm) in OBJECT_VERBS
            and k + 1 < last and toks[k + 1].norm in IN_WHICH):
        # «فيديو اتهم فيه السلطات بمنعه»: «فيه» refers back; the words after it are the object.
        return "", k + 2
    if kind == "verb" and not content_open and not coordinated and not t.raw.endswith(":"):
        speaker, j = subject(toks, k + 1, last, after_verb=True)
        if norm in RELAY_VERBS:
            # «ونقلت الوكالة عن المتحدث X قوله …»: the speaker follows «عن».
            for m in range(k + 1, min(last, k + 8)):
                if toks[m].norm == "عن":
                    speaker, j = subject(toks, m + 1, last)
                    break
                if toks[m].norm in RELAYED_PRONOUNS:
                    # «ونقلت الوكالة عنه قوله»: the one relayed was named before.
                    speaker, j = "", m + 1
                    break
                if toks[m].norm == "لسان" and toks[m - 1].norm == "علي":
                    # «نقلت وسائل إعلام على لسان فريدمان»: the one whose words they are.
                    speaker, j = subject(toks, m + 1, last)
                    break
            else:
                if (j + 1 < last and toks[j].norm in _DOCUMENTS
                        and toks[j + 1].raw.startswith("ل")):
                    # «ونقلت صحيفة X بيانا لوزارة النقل قالت فيه»: the ministry speaks.
                    speaker, j = after_lam(toks, j + 1, last)
        elif j + 1 < last and toks[j].norm in RELAYING and toks[j + 1].norm == "عن":
            # «قالت الوكالة نقلا عن مصدر حكومي إن …»: the source relayed is the speaker.
            speaker, j = subject(toks, j + 2, last)
        if norm in _DESCRIBE and not (speaker and toks[j - 1].raw[-1] in "،,"):
            # «ووصف بولتون التدخل الروسي بأنه …»: subject and object run together after «وصف»;
            # only a subject set off by a comma («ووصف الرئيس، …، الهجوم») is trusted.
            speaker, j = "", k + 1
        if _considered_object(norm, speaker, toks, j, last):
            # «واعتبرت الخطوة "انتهاكا صارخا"»: «اعتبر X Y» — the definite noun right after the
            # verb is what was considered, its accusative predicate in the marks; the subject
            # is the pronoun (F8's leftover).
            speaker, j = "", k + 1
        if prev in _PRONOUN_SUBJECTS:
            # «ولكنه ينفي ممارسته …»: the subject is the pronoun; what follows the verb is its
            # object, never a speaker.
            speaker, j = "", k + 1
    elif kind == "verb" and content_open and (
            prev in CLAUSE_CONJ or (k > first and toks[k - 1].raw.endswith(("،", ",")))):
        speaker, j = subject(toks, k + 1, last)  # a new main clause, its own speaker
        if not speaker and prev not in CLAUSE_CONJ and not t.norm.startswith(("و", "ف")):
            # «أن X، نائب الوزير، أوضح أن …»: the subject is written before the verb.
            speaker = speaker_before(toks, k, first)
    elif kind == "verb" and content_open:
        # A verb inside reported speech: an SVO clause «X قال إن» re-attributes it, and
        # «…، وتابع أن …» starts the same speaker's next statement; other verbs are speech.
        follows = k + 1 < last and is_complementizer(toks[k + 1].norm)
        before = speaker_before(toks, k)
        after, after_end = subject(toks, k + 1, last)
        if before and not plausible_speaker(before) and after and after_end < last and (
                is_complementizer(toks[after_end].norm)):
            # «وبينما زعمت X أن الحريق كان لأسباب عرضية أكدت مصادر محلية أن …»: the words
            # before the verb end the first clause; its subject is written after it.
            before = after
        if t.norm.startswith("و") and follows:
            speaker = ""
        elif before and k + 3 < last and any(is_complementizer(toks[m].norm)
                                             for m in range(k + 1, min(last, k + 4))):
            speaker = before
        else:
            return None
    elif kind == "prep":
        # «بحسب ما قاله X», «وفقا لما نقلته X»: the verb after «ما» is the cue.
        if k + 1 < last and toks[k + 1].norm in {"ما", "لما"}:
            return None
        if norm in _BY_LAM and k + 1 < last and toks[k + 1].raw.startswith("ل"):
            speaker, j = after_lam(toks, k + 1, last)  # «ووفقا لتورنبول فإن …»
        else:
            speaker, j = subject(toks, k + 1, last)
    return speaker, j


_CONSIDER = frozenset("اعتبر اعتبرت يعتبر تعتبر".split())


def _considered_object(norm: str, speaker: str, toks: list[Tok], j: int, last: int) -> bool:
    """«اعتبرت الخطوة "انتهاكا …"»: one definite word after «اعتبر», then quote marks that open
    with an indefinite accusative: that word is the verb's first object, not its subject."""
    if strip_conj(norm) not in _CONSIDER or len(speaker.split()) != 1:
        return False
    if not fold(speaker).startswith("ال") or j >= last or toks[j].raw[:1] not in "\"“«„":
        return False
    first = toks[j].raw.lstrip("\"“«„").rstrip("\"”»،,.")
    bare = first.replace("\u064b", "")
    return bool(bare) and not bare.startswith("ال") and bare.endswith("ا") and len(bare) >= 4


# «نشر X سلسلة تغريدات قال في إحداها "…"»: one of the posts the publisher put out.
_ONE_OF = frozenset("احداها احدها اخرها اولها احداهما".split())
_SERIES = frozenset("سلسله مجموعه عدد".split())


def unwritten_speaker(toks: list[Tok], k: int, first: int, last: int, prev: str,
                       content_start: int | None, content_open: bool) -> str | None:
    """A verb's speaker written elsewhere than after it ("" when none); None: not a cue at all."""
    t = toks[k]
    in_one = (k + 2 < last and toks[k + 1].norm == "في" and toks[k + 2].norm in _ONE_OF)
    if k + 1 < last and (toks[k + 1].norm in IN_WHICH or in_one
                         or (strip_conj(t.norm) in ("كتب", "كتبت") and toks[k + 1].norm in ABOVE)):
        # «نشر نيمار تغريدة قال فيها: …», «أصدرت الشركة بيانا تقول فيه إنها …», also after an
        # opening phrase («وبعد الإعلان عن طرده، نشر ترامب تغريدة قال فيها»).
        pub = next((m for m in range(k - 1, first - 1, -1)
                    if strip_conj(toks[m].norm) in PUBLISHING), None)
        if pub is not None:
            after = subject(toks, pub + 1, k)[0]
            while after.split() and fold(after.split()[-1]) in _SERIES:
                after = after.rsplit(" ", 1)[0] if " " in after else ""  # «X سلسلة تغريدات»
            if after:
                return after
            # «لكن رئاسة الأركان كانت أصدرت بيانا أشارت فيه …»: the publisher is written before.
            verb = pub - 1 if pub > first and strip_conj(toks[pub - 1].norm) in _KANA else pub
            return speaker_before(toks, verb, first)
    if prev in RELATIVES:
        if content_start is None:
            # «الوزراء الذين اتهموا بالفساد»: a relative clause without speech is no cue (and
            # names nobody a later «قائلا:» could mean).
            return None
        # «الشهود الذين قالوا إنهم …»: the speaker is the noun the relative clause describes.
        return antecedent(toks, k - 1, first)
    if (not content_open
            and any(strip_conj(toks[m].norm) in _KANA for m in range(max(first, k - 12), k))
            and _kana_subject(toks, k, first)):
        # «وكان مسؤول كبير في وزارة الخارجية بريان هوك قد أعلن أن …», «وكان السفير قال إن …»:
        # the subject sits between «كان» and the verb (or «قد»).
        return _kana_subject(toks, k, first)
    if not content_open and t.norm.startswith(("و", "ف")):
        # «وقدّر المعهد الوطني شدة الهزة …، وقال إن …»: the subject of the verb that opens the
        # sentence goes on speaking, not the speaker named in an earlier sentence.
        return clause_subject(toks, k, first)
    if (not content_open and not t.norm.startswith(("و", "ف"))
            and not (k + 1 < last and toks[k + 1].norm in IN_WHICH)):
        # An SVO main clause (never before «وقال»: a conjunction opens a new clause): «ويذكر أن
        # شركة X أعلنت أن …», «وكانت الوزارة قد أعلنت أن …». («كان له تصريح آخر، قال فيه:»
        # names the statement's author, not the word before.)
        return speaker_before(toks, k, first, max_words=6)
    return ""


# Words in و- that are nouns or names, not «و» + a verb («وزير الخارجية …»). Folded.
_WAW_NOUNS = frozenset(
    "وزير وزراء وكيل والد والده وفد وفق وفقا ولي وسط وقت وسائل واشنطن وليد وائل وجدي وديع وحيد"
    " وهبي ولد وجه وحده وكاله ولايه وزاره وثيقه ورقه وضع وصول وقوع وجود".split())


# Bare cues that go on from the clause before: «وقال», «وأضافت» (past tense, said of its subject).
_GOING_ON = frozenset(
    "قال قالت اضاف اضافت اكد اكدت اوضح اوضحت تابع تابعت اشار اشارت لفت لفتت شدد شددت"
    " قالوا اضافوا اكدوا اوضحوا".split())


def _opening_verb(t: Tok) -> bool:
    """«وقدّر», «وطلبت», «فشدد»: a word that reads as «و/ف» + a past verb opening a sentence."""
    norm = t.norm
    return (norm[:1] in "وف" and 4 <= len(norm) <= 6 and not norm[1:].startswith("ال")
            and norm[1:2] != "ي" and norm not in STOP and norm[1:] not in STOP
            and not t.raw.rstrip("،,:;؛.").endswith("ة") and norm not in _WAW_NOUNS
            and norm[1:] not in _WAW_NOUNS and strip_conj(norm) not in _KANA
            and cue_of(t.raw)[1] is None and not any(c in t.raw for c in "،,:\"«»"))


def clause_subject(toks: list[Tok], k: int, first: int) -> str:
    """The definite subject of the verb that opens the sentence («وقدّر المعهد الوطني …»), when
    the bare cue at token `k` («وقال إن») goes on from it in the same gender; else ""."""
    if (k - first < 3 or not _opening_verb(toks[first])
            or strip_conj(toks[k].norm) not in _GOING_ON):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(first + 1, k)):
        return ""
    if not toks[first + 1].norm.startswith("ال"):
        return ""
    verb_f = toks[first].norm.endswith("ت")
    cue_f = cue_of(toks[k].raw)[1] == ("verb", "f")
    if verb_f != cue_f:
        return ""  # «وشهدت المدينة احتجاجات، وقال …»: another subject
    name = subject(toks, first + 1, k)[0].split()
    # Only the definite words: «وردد المحتجون شعارات ضد …» — the object follows the subject.
    cut = next((n for n, w in enumerate(name) if not fold(w).startswith(("ال", "لل"))), len(name))
    speaker = " ".join(name[:cut])
    return speaker if speaker and plausible_speaker(speaker) else ""


_AFAL_RE = re.compile(r"^الا...$")  # «الأبيض», «الأعلى» (not «فعيل»: «الرئيس» is a noun)


def _adjective(word: str) -> bool:
    """A folded definite word that reads as an adjective or a genitive after a noun: a relative
    adjective («الإسرائيلي», «الوطنية»), «أفعل» («الأبيض»), «المتحدة», or a
    noun behind «لل» («للانتخابات»)."""
    return (word.endswith(("ي", "يه")) or word.startswith("لل") or word == "المتحده"
            or bool(_AFAL_RE.match(word)))


def participle_subject(toks: list[Tok], k: int, first: int) -> str:
    """The definite subject of a past verb outside the speech lists that opens the sentence
    before the participle at token `k` («ونعتها الوزارة قائلة:», «وواصل الرئيس حديثه قائلا:»);
    "" when the sentence opens otherwise or the subject is not a definite noun."""
    if not 2 <= k - first <= 8 or not _opening_verb(toks[first]):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(first + 1, k)):
        return ""  # another cue between: its speaker is the participle's
    if not toks[first + 1].norm.startswith("ال"):
        return ""
    name = subject(toks, first + 1, k)[0].split()
    # The definite noun and what reads as its adjectives or genitive («الجيش الإسرائيلي», «البيت
    # الأبيض», «الهيئة الوطنية للانتخابات»); another definite noun is the verb's object
    # («ومددت الهيئة … الاقتراع», «وتوعد المحلل الرياضي الشخص الذي …»).
    cut = next((n for n, w in enumerate(name)
                if not fold(w).startswith(("ال", "لل")) or (n and not _adjective(fold(w)))),
               len(name))
    speaker = " ".join(name[:cut])
    return speaker if speaker and plausible_speaker(speaker) else ""


def _kana_subject(toks: list[Tok], k: int, first: int) -> str:
    """The subject written between the nearest «كان» before token `k` and the verb."""
    m = max(m for m in range(max(first, k - 12), k) if strip_conj(toks[m].norm) in _KANA)
    if any(cue_of(toks[x].raw)[1] is not None for x in range(m + 1, k)):
        return ""  # another verb between them: «كان» belongs to another clause
    if m + 1 < k and toks[m + 1].norm.startswith("ل"):
        return ""  # «كان لأردوغان تصريح»: «كان لـ» means «had», not a subject
    if toks[k - 1].norm == "قد":
        return subject(toks, m + 1, k - 1)[0]
    if (m > first and toks[m - 1].norm in RELATIVES) or any(
            toks[x].norm in CLAUSE_CONJ for x in range(m + 1, k)):
        return ""  # «الذي كان يدير …», «كان … عندما صرح»: «كان» is another clause's
    return subject(toks, m + 1, k)[0]


def sentence_opener(toks: list[Tok], first: int, last: int) -> tuple[str, frozenset[str]] | None:
    """The subject of a verb outside the speech lists that opens the sentence, when it names a
    person or a body (a title, or a name set off by a comma or an age), with the genders the
    verb allows; None otherwise.

    «وتقدم كاراغر (40 عاما) باعتذار …، قائلا», «وتتعامل ميليسا برونتي، محاضرة …» and «ولم
    تناقش متحدثة باسم فيسبوك …، إلا أنها أكدت» name the one a bare «وأضاف», «وتقول» or
    «وقالت» after them means (QA11 3815, 5105, 366), not the speaker named before them.
    """
    i = first
    negated = toks[i].norm in _NEGATED
    if negated:
        i += 1
    if i + 1 >= last:
        return None
    verb = toks[i]
    stem = verb.norm
    if not negated:
        if stem[:1] not in "وف" or len(stem) < 4:
            return None
        stem = stem[1:]
    if (not 3 <= len(stem) <= 6 or stem.startswith("ال") or stem in STOP or stem in _KANA
            or fold(verb.raw) in _WAW_NOUNS or stem in _WAW_NOUNS
            or cue_of(verb.raw)[1] is not None
            or any(c in verb.raw for c in "،,:\"«»()") or not verb.raw[-1].isalpha()):
        return None
    if stem.endswith("ت") and not stem.startswith("ت"):
        genders = frozenset("f")
    elif stem.startswith("ت"):
        genders = frozenset("mf")  # «تقدّم» (he stepped up) or «تتعامل» (she deals)
    else:
        genders = frozenset("m")
    name, j = subject(toks, i + 1, last)
    words = name.split()
    if not words or not plausible_speaker(name):
        return None
    head = fold(words[0])
    if head.removeprefix("ال") in _HUMAN_HEADS:
        if len(words) >= 3 and fold(words[1]) == "باسم":
            return " ".join(words[:3]), genders
        return (name, genders) if len(words) <= 4 else None
    set_off = toks[j - 1].raw.endswith(("،", ",")) or (j < last and toks[j].raw.startswith("("))
    if (head.startswith("ال") or not set_off or len(words) > 3
            or any(fold(w).startswith("ال") or fold(w).endswith("ات") for w in words)):
        return None
    return name, genders
