"""Cue words: whether the word at a token introduces speech, and as what (a verb, a participle,
an attribution «بحسب X»).

digests.speech_cues reads each token of a sentence through `cue_head`, then resolves the cue's
speaker and where its speech starts. This module settles only the word itself: the speech verbs
of digests.speech (`cue_of`) with the phrases that act as one («جاء فيها», «مضى إلى القول»,
«واصل حديثه:», «وصفته X بأنه»), read in what precedes them — after «ما» a verb is an
attribution («بحسب ما أعلنت»), after a preposition a verbal noun («رغم نفي X»), and a filler,
a hedge, a negation, a condition or a passive is no speech (`_not_speech`). Pure functions of
tokens (digests.speakers).
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.arabic import _freq
from digests.cue_window import Window
from digests.describer_subjects import described
from digests.speaker_checks import plausible_speaker
from digests.speaker_words import NUMBER_WORDS
from digests.speakers import Tok, subject
from digests.speech import (
    STOP,
    AFTER_MA_ONLY,
    ATTRIBUTION_PREPS,
    CLAUSE_CONJ,
    FILLERS,
    HEDGES,
    IMPERSONAL,
    IN_WHICH,
    NEGATIONS,
    PREPOSITIONS,
    RELATIVES,
    cue_of,
    is_complementizer,
    strip_conj,
)
from digests.speech_start import describes_document, host_noun, statement_of_account

_WENT_ON = frozenset("مضي مضت ذهب ذهبت".split())
# «وواصل X حديثه: "…"»: went on with his talk (folded, with or without «و»/«ف»).
_WENT_ON_TALKING = frozenset("واصل واصلت وواصل وواصلت فواصل فواصلت".split())
_TALK = frozenset("حديثه حديثها كلامه كلامها".split())
_AFTER_MA = frozenset(("ما", "لما", "حسبما", "بحسبما", "وحسبما"))
# Words a verb never follows: what looks like one after them is a verbal noun («رغم نفي X»).
_GOVERNING_WORDS = frozenset("رغم برغم ورغم بعد وبعد قبل مع عن في الي علي ضد".split())
# Verbal nouns of seeking someone's view; «رأي» after them is the noun. Folded, without «و/ف».
# («استطلاع رأي» is left: «وكان استطلاع رأي نشرته X أشار إلى أن …» is read whole elsewhere and
# the gold credits the poll, SK-internationalNews-361)
_SEEKING = frozenset("لمعرفه معرفه لاخذ اخذ لسماع سماع لاستمزاج استمزاج لتقصي تقصي".split())


@dataclass(frozen=True)
class Head:
    """The word that may be a cue, read at its token: what kind of cue and what precedes it."""

    norm: str
    kind: str  # 'verb' | 'part' | 'prep'
    gender: str
    prev: str  # the folded word before it in the sentence ("" at its start)


def cue_head(w: Window, k: int) -> Head | None:
    """The cue word at token `k`, its kind settled by what precedes it; None: no cue here."""
    toks, last = w.toks, w.last
    t = toks[k]
    norm, hit = cue_of(t.raw)
    if (hit is None and strip_conj(norm) == "جاء" and k + 1 < last
            and toks[k + 1].norm in IN_WHICH):
        hit = ("verb", "m")  # «نشر الاتحاد تغريدة جاء فيها "…"»: the post's words
    if hit is None and strip_conj(norm) in _WENT_ON and any(
            toks[m].norm.strip("،,:") in ("القول", "للقول")
            for m in range(k + 1, min(last, k + 6))):
        hit = ("verb", "f" if norm.endswith("ت") else "m")  # «ومضى التصريح إلى القول، "…"»
    if hit is None and norm in _WENT_ON_TALKING and any(
            toks[m].norm in _TALK and toks[m].raw.endswith(":")
            for m in range(k + 1, min(last, k + 7))):
        # «وواصل مهاجم الباطن حديثه: "…"» (K12: two key quotes lost): only with the talk
        # named and a colon; «واصل الجيش قصفه» stays narration.
        hit = ("verb", "f" if norm.endswith("ت") else "m")
    if hit is None and (_explained(toks, k, last) or _shown_between(toks, k, last)):
        hit = ("verb", "f" if norm.endswith("ت") else "m")
    if hit is None:
        hit = _by_saying(toks, k, last)
    describer = _describer(toks, k, last)  # («وصفه» is also a cue after «ما» only)
    if describer:
        # «في خطوة وصفتها رئيسة الوزراء تيريزا ماي بأنها "…"»: the subject written after the
        # verb and its object pronoun gives the description (QA11 7001: not the one named
        # before).
        hit = ("verb", described(norm) or "m")
    if (hit is None and norm not in ATTRIBUTION_PREPS) or host_noun(t.raw, hit):
        return None
    if describes_document(toks, k):
        return None  # «قال X، في بيان نقلت مقتطفات منه الوكالة، إنه …»: X speaks
    kind, gender = hit if hit else ("prep", "m")
    prev = toks[k - 1].norm if k > w.first else ""
    after_ma = prev in _AFTER_MA
    if kind == "verb" and after_ma:
        kind = "prep"  # «بحسب ما أعلنت الوزارة»: an attribution, not speech
    if kind == "verb" and (prev in _GOVERNING_WORDS or prev in ATTRIBUTION_PREPS):
        # «رغم نفي ترامب المتكرر أن …»: a verbal noun after a preposition; «يستمر وفق رأي
        # اللجنة، …، أي أن» (seed 25, 1584): «رأي» after «وفق/حسب» is «opinion», no verb
        return None
    if strip_conj(norm) == "راي" and strip_conj(prev) in _SEEKING:
        # «لمعرفة رأي الجنسين … وسألتهما: من هو …؟» (F53, QA80-2, 3284): «رأي» after a noun of
        # seeking is «opinion» sought, no verb: its genitive said nothing
        return None
    if not describer and _not_speech(toks, k, last, norm, prev, after_ma):
        return None
    if kind == "verb" and _books(toks, k, last, norm, prev):
        return None
    return Head(norm=norm, kind=kind, gender=gender, prev=prev)


# «اكتفى X بالقول إن …», «وتوجه X إلى Y بالقول: "…"» (M24's «بالقول إن» after another verb):
# verbs of saying no more, or of turning to someone, whose «بالقول» makes them speech. Folded,
# without «و/ف»; the verb's and its participle's gender.
_BY_SAYING_VERBS = {"اكتفي": "m", "اكتفت": "f", "توجه": "m", "توجهت": "f"}
_BY_SAYING_PARTS = {"مكتفيا": "m", "مكتفيه": "f", "مكتفين": "m", "متوجها": "m", "متوجهه": "f"}
_BY_SAYING = frozenset(("بالقول",))


def _by_saying(toks: list[Tok], k: int, last: int) -> tuple[str, str] | None:
    """The verb or participle at `k` of limiting oneself or turning to someone, with «بالقول»
    after it (within twelve words, no stop, colon or other cue between): a cue (F46, M24's
    left): «واكتفى متحدث باسم الشرطة بالقول إنه …», «مكتفية فقط بالقول إنها "…"», «وتوجه أردوغان
    إلى رئيس وزراء كوسوفو بالقول: "…"». None otherwise («اكتفى الفريق بالتعادل»)."""
    norm = toks[k].norm
    verb = _BY_SAYING_VERBS.get(strip_conj(norm)) or _BY_SAYING_VERBS.get(norm)
    part = _BY_SAYING_PARTS.get(norm)
    if verb is None and part is None:
        return None
    for m in range(k + 1, min(last, k + 13)):
        t = toks[m]
        if t.norm.rstrip("،,:") in _BY_SAYING:
            return ("verb", verb) if verb is not None else ("part", part or "m")
        if t.raw[-1] in ".:;؛!؟?" or any(q in t.raw for q in "\"“”«»") or cue_of(t.raw)[1]:
            return None
    return None


def _books(toks: list[Tok], k: int, last: int, norm: str, prev: str) -> bool:
    """«نقلا من كتب قديمة أن …», «من كتب التاريخ» (F36, session 19's left): «كتب» after «من»
    before an adjective in «ة» or a definite genitive is «books», no verb of writing."""
    if norm != "كتب" or prev not in ("من", "ومن") or k + 1 >= last:
        return False
    nxt = toks[k + 1]
    return nxt.norm.endswith("ه") or nxt.norm.startswith("ال")


def _explained(toks: list[Tok], k: int, last: int) -> bool:
    """«وأبان العمري أن …» (seed 28, 2276: «مبيناً أن» after it fell back to another speaker):
    «أبان» (stated) written with its hamza above — «إبان» is "during" — and a complementizer
    after its subject («أبان عن» is "revealed", no statement)."""
    if not toks[k].raw.lstrip("وف").startswith(("أبان", "أبانت")):
        return False
    for m in range(k + 1, min(last, k + 7)):
        if is_complementizer(toks[m].norm) and toks[m].norm[:1] in "اإأب":
            return m > k + 1
        if toks[m].raw[-1] in ":.;؛" or toks[m].raw[0] in "\"“«„" or toks[m].norm == "عن":
            return False
    return False


# «وبين/فبين» (folded): «and he explained» written without its shadda, or «and between».
_AND_BETWEEN = frozenset(("وبين", "فبين"))


def _shown_between(toks: list[Tok], k: int, last: int) -> bool:
    """«وبين الباحث أن …», «وبين مسؤولون أمريكيون أن …», «وبيَّن مدير البرنامج، أن …» (M24,
    finder_misses: «بيّن» without its shadda, or a shadda written after the fatha): the verb,
    a subject of one to four words and «أن» — never «وبين X وY» (between), a preposition,
    marks or another clause between."""
    if toks[k].norm not in _AND_BETWEEN or (k > 0 and toks[k - 1].norm.startswith("بين")):
        return False  # («تحد بيني وبين القراء أنك …»: between me and the readers)
    for m in range(k + 1, min(last, k + 6)):
        t = toks[m]
        if is_complementizer(t.norm) and t.norm[:1] in "اإأب" and not t.norm.startswith("و"):
            return m > k + 1 and not t.norm.endswith(("ك", "كم"))  # («أنك»: the reader)
        if (t.norm.startswith("و") or t.norm in STOP or t.raw[0] in "\"“«„"
                or t.raw[-1] in ":.;؛\"”»" or (t.raw[-1] in "،," and not (
                    m + 1 < last and is_complementizer(toks[m + 1].norm)))
                or cue_of(t.raw)[1] is not None):
            return False
    return False


def _describer(toks: list[Tok], k: int, last: int) -> bool:
    """Token `k` is «وصفته X بـ…/بأنه»: a describing verb with its object pronoun, a subject
    written after it, and the description after «ب»."""
    if described(toks[k].norm) is None or k + 1 >= last:
        return False
    nxt = toks[k + 1]
    if nxt.norm[:1] in "بل" or nxt.norm in STOP or cue_of(nxt.raw)[1] is not None:
        return False  # «وصفه بأنه», «وصفها لـ…»: the pronoun subject, named before
    name, j = subject(toks, k + 1, last)
    # («وصفته السفارة الروسية في لندن بأنه»: a place may come between)
    return bool(name) and plausible_speaker(name) and any(
        toks[m].norm[:1] == "ب" for m in range(j, min(last, j + 4)))


# «تساءل فيما إذا كان …»: whether, no condition.
WHETHER_WORDS = frozenset("ما فيما عما وما".split())
# Folded: a verb after them is a condition («لو»: also a name).
IF_WORDS = frozenset("اذا واذا فاذا".split())
# Form I verbs whose present with «يُ» is passive («يُزعم», «يُذكر»); forms II and IV take «يُ»
# in the active too («يُضيف», «يُؤكد»), so only these are read as passive. Folded.
_CAUGHT = frozenset("لفت لفتت يلفت تلفت".split())
_PASSIVE_FORM_I = frozenset("يزعم تزعم يذكر تذكر ينقل ينسب تنسب يعتقد يقال تقال".split())


# «اتُّهم/اتُّهمت»: unvoweled, the passive when no object stands before «بأن». Folded.
_ACCUSED = frozenset("اتهم اتهمت يتهم تتهم".split())
_OF_BEING = frozenset("بان بانه بانها بانهم بانهما بانهن".split())


def _accused_of(toks: list[Tok], k: int, last: int) -> bool:
    """«اتهم المعتقلون بأنهم …»: a definite plural in the nominative right after «اتهم», then
    «بأن» with no object between — the passive «were accused of being», which names no speaker
    (the active takes its object first: «اتهم الوزير المعارضة بأنها …»)."""
    if (k > 0 and (toks[k - 1].norm in RELATIVES or toks[k - 1].norm == "من")
            and k + 3 < last and toks[k + 3].norm in _OF_BEING
            and not any(toks[m].raw[-1] in "،,:;؛." or toks[m].norm in STOP
                        or cue_of(toks[m].raw)[1] is not None for m in (k + 1, k + 2))):
        # «جيرينوفسكي، الذي اتهم الضحايا المفترضين بأنهن "…"», «وهناك من يتهم اتحاد الكرة
        # بأنه …» (F38, corpus 3565, 5566): after a relative the accuser is its antecedent; the
        # two words after the verb are the accused, not a speaker
        return True
    if k + 2 >= last or toks[k + 2].norm not in _OF_BEING:
        return False
    word = toks[k + 1].norm
    if toks[k + 1].raw[-1] in "،,:" or word in STOP:
        return False
    if toks[k + 2].norm != "بان" and k > 0 and not (
            toks[k].norm[:1] in "وف" or toks[k - 1].raw[-1] in ".،,:؛"
            or toks[k - 1].norm in STOP or toks[k - 1].norm in CLAUSE_CONJ):
        return False  # «إن ممثل الادعاء اتهم برانسون بأنه …»: the accuser written before the verb
    # «بعدما اتهم الرئيس بأنه أكثر الداعمين …» (F38, seed 36, 6834: «بحسب الرئيس»): one word,
    # then «بأنه/بأنها» that takes it up, is the one accused, whether the verb is the passive
    # or its accuser is not written («اتهمه الرئيس بأنه» has its object glued to the verb).
    return toks[k + 2].norm != "بان" or (
        word.startswith("ال") and word.endswith("ون") and len(word) >= 6)


# «أضاف»: "added" when a count or a goal is its object («أضاف سواريز ثلاثة أهداف»). Folded.
_ADDED = frozenset("اضاف اضافت يضيف تضيف".split())
_GOALS = ("هدف", "اهداف", "الهدف", "الاهداف", "نقطه", "نقاط", "النقطه")
# Nouns of words before quote marks: «واستكملت بكلمات "…"» quotes them, it does not speak. Folded.
_WORDS_NOUNS = frozenset("بكلمات بكلمه بعباره بعبارات بجمله بالكلمات بالعباره كلمات عباره".split())


def _added_count(toks: list[Tok], k: int, last: int) -> bool:
    """«بينما أضاف لويس سواريز ثلاثة أهداف، لكن ميسي …» (seed 28, 1723): «أضاف» with a count
    or a goal as its object is "added", not speech. The count must follow a subject word («وأضاف
    ثلاثة من الخبراء أن» is a partitive subject); a goal may follow the verb at once («وأضاف
    الهدف الثاني»)."""
    for m in range(k + 1, min(last, k + 7)):
        t = toks[m]
        if (is_complementizer(t.norm) or t.raw[0] in "\"“«„(" or t.norm in PREPOSITIONS
                or t.norm in STOP or t.norm in RELATIVES):
            # («وأضاف الجيش في بيانه الرابع عشر نجاحه "…"»: where it was said; «وأضاف المدرب
            # الذي تأخر بهدف بعد ثلاث دقائق …»: a description of the speaker)
            return False
        if t.norm.startswith(_GOALS):
            return True
        if m > k + 1 and (t.norm in NUMBER_WORDS or t.norm.isdigit()) and not (
                len(t.norm) == 4 and t.norm.isdigit()):
            # a count before its noun («ثلاثة أهداف»); not a year («الفائز بكأس العالم 2006
            # "…"»), an age («تيفيز (34 عاماً)», «34 عاما»), nor a number the marks follow
            return (m + 1 < last and toks[m + 1].raw[0].isalpha() and t.raw[-1].isalnum()
                    and not toks[m + 1].norm.startswith(("عام", "سن")))
        if t.raw[-1] in "،,:.;؛":
            return False
    return False


# «تُحدِث/يُحدِث» (cause), written as «تحدّث» (spoke), and what they cause. Folded.
_CAUSE_FORMS = frozenset("تحدث يحدث".split())
_CAUSED = frozenset(
    "اثرا اثارا فرقا فارقا تغييرا تغيرا تغييرات ضررا اضرارا تحولا خللا اضطرابا ضجه صدمه"
    " تاثيرا ثوره زلزالا نقله فوضي طفره انقلابا توترا شرخا ازمه".split())


# «أخبر» (told) in forms that may be passive or the reader's («تخبر» is also «you tell»). Folded.
_TOLD_FORMS = frozenset("اخبر اخبرت تخبر".split())


def _told_or_yours(nxt: Tok) -> bool:
    """After «أخبر/أخبرت/تخبر», no one told but a preposition or «أن» («حين أخبرت في البداية أن
    ابنها قد "استشهد"»: she was told, corpus 6647), or «your X» («عندما تخبر صديقك في محادثة
    … أنه يحتاج …»: the reader telling a friend, corpus 3636): nobody's statement."""
    word = nxt.norm.rstrip("،,")
    if word in PREPOSITIONS or word in STOP or is_complementizer(word):
        return True
    return (word.endswith("ك") and not word.startswith("ال")
            and _freq().get(word[:-1], 0) >= _COMMON_STEM)


# How often the word before «ك» must be in the reference table to read «your X».
_COMMON_STEM = 20


# «ينبغي/يجب/لا بد أن …» before a verb of saying: what should be said, nobody's statement. Folded.
_MODALS = frozenset("ينبغي يجب يتعين يتوجب بد لابد".split()) | frozenset(
    "عليك عليكم".split())  # «عليك أن تخبر الصيدلي بأية أدوية …» (F46, corpus 6618): advice
# «ماذا كان يقول»: «كان» between the question word and the verb. Folded.
_WAS = frozenset("كان كانت يكون تكون سيكون".split())
# «علق/تعلق» + «ب…»: hung on, caught on, relates to — never "commented" (which takes «على»).
_HUNG = frozenset("علق علقت يعلق تعلق علقوا يعلقون تعلقت".split())
# «به/بها …» or «بال…» («بالشجرة»): not a name in «ب» («وعلق بيغيرستاين»), nor «بعض الصحف».
_BI_PRONOUNS = frozenset("به بها بهم بهما بهن".split())


def _not_speech(toks: list[Tok], k: int, last: int, norm: str, prev: str, after_ma: bool) -> bool:
    """«ويذكر أن» (a filler), «لا يزعمون أن» (denied speech), «يبدو أن» (a hedge), «وصفه» (a noun)."""
    hedge = strip_conj(norm) in HEDGES and k + 1 < last and is_complementizer(toks[k + 1].norm)
    if prev in ("ان", "أن") and k >= 2 and toks[k - 2].norm in ("دون", "بدون"):
        return True  # «حذفت ما كتبته دون أن توضح الأسباب»: "without explaining" (QA13 5175)
    if prev in ("ان", "أن") and any(strip_conj(toks[m].norm) in _MODALS
                                    for m in range(max(0, k - 4), k - 1)):
        # «وينبغي أيضا أن تلفت تلك الواقعة انتباه المستخدمين إلى أن …» (F38, seed 36, 54: shown
        # as the words of «خريطة سترافا»): what someone should say is the writer's advice
        return True
    if prev in IF_WORDS and not (k >= 2 and toks[k - 2].norm in WHETHER_WORDS):
        return True  # «تحدث إلى الصيدلي إذا اعتقدت أن …» (seed 21, 6618): a condition, not speech
    if norm in ("المتوقع", "والمتوقع"):
        return True  # «والمتوقع أن تتم الموافقة»: «it is expected», said by nobody
    if (strip_conj(norm) in _CAUGHT and k + 1 < last
            and toks[k + 1].norm.startswith(("انتباه", "الانتباه", "الانظار", "انظار", "نظر"))):
        return True  # «لفت انتباهي …»: caught the eye, no speech
    if strip_conj(norm) == "رد" and k + 1 < last and toks[k + 1].norm in ("فعل", "الفعل"):
        return True  # «أثار تبنيه رد فعل قويا لأن …»: a reaction (noun), no one replied
    if strip_conj(norm) in _TOLD_FORMS and k + 1 < last and _told_or_yours(toks[k + 1]):
        return True  # «حين أخبرت في البداية أن ابنها …», «عندما تخبر صديقك أنه …» (F46)
    if k + 1 < last and statement_of_account(norm, toks[k + 1].norm):
        return True  # «لتقديم كشف حساب للشعب المصري …: "…"» (F46): the noun, nobody revealed
    if (strip_conj(norm) in ("ترد", "يرد") and k + 2 < last and toks[k + 1].norm in ("علي", "في")
            and toks[k + 2].norm.startswith(("الموقع", "الصفحه", "الحساب", "القائمه", "موقع"))):
        return True  # «وترد على الموقع الرسمي للنادي رسالة "…"»: appears on, not «ردّ» (replied)
    if (strip_conj(norm) in _HUNG and k + 1 < last
            and (toks[k + 1].norm in _BI_PRONOUNS or toks[k + 1].norm.startswith("بال"))):
        return True  # «شجرة علقت بها عمامته:» (got caught on), not «علّق على» (commented)
    if prev == "ماذا" or (prev in _WAS and k >= 2 and toks[k - 2].norm == "ماذا"):
        # «ويكفى أن تعلموا ماذا كان يقول قادة الرياضة … عن الفريقين وكيف أن …» (seed 27,
        # 5378): «ماذا» is what was said; a later «أن» hangs on another verb
        return True
    if strip_conj(norm) in _ADDED and _added_count(toks, k, last):
        return True
    if (strip_conj(norm) in _CAUSE_FORMS and k + 1 < last
            and toks[k + 1].norm.rstrip("،,") in _CAUSED):
        # «أن الحميات تحدث أثرا متساويا» (F30, seed 30, 1090): «تُحدِث» (causes) with what
        # it causes, not «تحدّث» (spoke) with a subject.
        return True
    if toks[k].raw[0] in "\"“«„" and prev in _WORDS_NOUNS:
        # «وقامت الشركة بنشر تغريدة …، واستكملت بكلمات "قالوا إن …"» (seed 28, 5891): the verb
        # glued to the mark is the quoted words', not a cue whose subject is «واستكملت بكلمات»
        return True
    if strip_conj(norm) in _ACCUSED and _accused_of(toks, k, last):
        return True  # «كما اتُّهم المعتقلون بأنهم أعضاء في خلية» (seed 26, 2707): the accused
    raw = toks[k].raw.lstrip("وف")
    if raw[:2] in ("يُ", "تُ") and strip_conj(norm) in _PASSIVE_FORM_I:
        return True  # «صحفي محلي، يُزعم أنه اختطف»: «it is claimed», said by nobody named
    return (norm in FILLERS or prev in NEGATIONS or prev in IMPERSONAL or hedge or prev == "مما"
            or (not after_ma and (norm in AFTER_MA_ONLY or norm[1:] in AFTER_MA_ONLY)))
