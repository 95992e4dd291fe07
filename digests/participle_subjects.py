"""Who speaks at a participle whose subject is not written at it («…، قائلا إن …»).

digests.speech_cues asks these when a participle («قائلا», «مؤكداً») has no subject of its own
and no cue of its sentence named one: the definite subject of the past verb that opens the
sentence («ونعتها الوزارة قائلة:»), the subject of «كان» and a present verb before it («كان
حجازي يحتفل …، مؤكداً»), or the one whose statements the sentence mentions («تصريحات لنتانياهو
…، قائلا إنهم …»). Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from digests.relayed_speakers import after_lam
from digests.speaker_checks import _adjective, plausible_speaker
from digests.speakers import Tok, subject
from digests.speech import PREPOSITIONS, STOP, cue_of, fold, strip_conj
from digests.unwritten_speakers import _opening_verb

# «تصريحات لـX», «في كلمة لـX»: a statement whose author is written behind a glued «ل». Folded.
_STATEMENT_NOUNS = frozenset("تصريح تصريحات تصريحا كلمه حديث مقابله".split())


def participle_subject(toks: list[Tok], k: int, first: int) -> str:
    """The definite subject of a past verb outside the speech lists that opens the sentence
    before the participle at token `k` («ونعتها الوزارة قائلة:», «وواصل الرئيس حديثه قائلا:»);
    "" when the sentence opens otherwise or the subject is not a definite noun."""
    if not 2 <= k - first <= 8 or not _opening_verb(toks[first]):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(first + 1, k)):
        return ""  # another cue between: its speaker is the participle's
    # «ونعتها وزارة الثقافة الفلسطينية قائلة:» (K12): a feminine head in construct with a
    # definite genitive is definite too.
    construct = (not toks[first + 1].norm.startswith("ال") and first + 2 < k
                 and toks[first + 1].raw.endswith("ة") and toks[first + 2].norm.startswith("ال"))
    if not toks[first + 1].norm.startswith("ال") and not construct:
        return ""
    name = subject(toks, first + 1, k)[0].split()
    if construct:
        rest = name[2:]
        cut = next((n for n, w in enumerate(rest) if not _adjective(fold(w))), len(rest))
        speaker = " ".join(name[:2 + cut]) if len(name) >= 2 else ""
        return speaker if speaker and plausible_speaker(speaker) else ""
    # The definite noun and what reads as its adjectives or genitive («الجيش الإسرائيلي», «البيت
    # الأبيض», «الهيئة الوطنية للانتخابات»); another definite noun is the verb's object
    # («ومددت الهيئة … الاقتراع», «وتوعد المحلل الرياضي الشخص الذي …»).
    cut = next((n for n, w in enumerate(name)
                if not fold(w).startswith(("ال", "لل")) or (n and not _adjective(fold(w)))),
               len(name))
    speaker = " ".join(name[:cut])
    return speaker if speaker and plausible_speaker(speaker) else ""


# Past verbs of what a study or poll found, after «كان X»: «وكان استطلاع لآراء الناخبين أظهر …،
# مشيراً إلى أن …» (seed 23, 2833). No speech cues (a cue between ends the search). Folded.
_FINDING = frozenset("اظهر اظهرت وجد وجدت رصد رصدت توصل توصلت بين بينت".split())


def kana_present_subject(toks: list[Tok], k: int, first: int, gender: str) -> str:
    """«في الوقت الذي كان حجازي يحتفل بنجاح …، مؤكداً أنه …» (QA13 5175), «وكان مودريتش قد
    عبّر … قائلاً:» (F32): the subject of «كان» and a present verb (or «قد») written before the participle at token `k`, of the participle's gender
    (one to three words, no other cue between); "" otherwise."""
    kanas = [m for m in range(max(first, k - 16), k)
             if strip_conj(toks[m].norm) in ("كان", "كانت")]
    # «وكان الرئيس الأميركي دونالد ترمب قد أعاد التأكيد أمس … على عزمه فرض رسوم …،
    # محذراً …» (QA59-26): a «كان» that opens the sentence governs a participle further on
    # too, and its subject may be a title and a name (up to five words before «قد»).
    opening = not kanas and strip_conj(toks[first].norm) in ("كان", "كانت") and (
        k - first <= 32)
    if opening:
        kanas = [first]
    if not kanas or ("f" if toks[kanas[-1]].norm.endswith("ت") else "m") != gender:
        return ""
    m = kanas[-1]
    if any(cue_of(toks[x].raw)[1] is not None for x in range(m + 1, k)):
        return ""
    # «وكان مودريتش قد عبّر … قائلاً:» (QA46 G2): «قد» and a past verb close the subject too.
    verb = next((x for x in range(m + 2, min(k, m + 7)) if toks[x].norm == "قد"), None) if (
        opening) else next((x for x in range(m + 2, min(k, m + 5))
                            if (toks[x].norm[:1] in "يت" and len(toks[x].norm) >= 4)
                            or toks[x].norm in _FINDING or toks[x].norm == "قد"), None)
    if verb is None or any(toks[x].raw[-1] in "،,:\"«»“”" for x in range(m + 1, verb)):
        return ""
    name = " ".join(toks[x].raw for x in range(m + 1, verb))
    return name if plausible_speaker(name) else ""


def statement_owner(toks: list[Tok], k: int, first: int) -> str:
    """«ويتوافق هذا الاقتراح مع تصريحات لنتانياهو في لقاء …، قائلا إنهم "…"» (QA13 3732): the
    author of statements named before the participle at token `k` («تصريحات لـX», up to 16
    words before it, no other cue between); "" otherwise."""
    for m in range(k - 2, max(first, k - 16) - 1, -1):
        if cue_of(toks[m].raw)[1] is not None:
            return ""  # another cue between: its speaker is the participle's
        if strip_conj(toks[m].norm) in _STATEMENT_NOUNS and toks[m + 1].raw.startswith("ل"):
            name, _ = after_lam(toks, m + 1, k)
            return name if name and plausible_speaker(name) else ""
    return ""


# «ليرد عليه X», «لتتدخل بعدها أحلام»: words between a purpose verb and its subject — or right
# after the subject («لتتدخل أحلام بعدها قائلة»). Folded.
_BEFORE_SUBJECT = frozenset("عليه عليها عليهم بعدها بعده حينها بدوره بدورها".split())
# «ليكون مستشاره …»: «كان» and «ليس» take a predicate, not a speaker. Folded, «ل» stripped.
_NOT_A_SPEAKING_VERB = frozenset("يكون تكون يصبح تصبح يبقي تبقي يظل تظل يست".split())
# Verbs whose object — whom one told, asked or urged — follows them at once. Folded, «ل» stripped.
_TELLING = frozenset(
    "يخبر تخبر يسال تسال يطالب تطالب يدعو تدعو يبلغ تبلغ يخاطب تخاطب ينصح تنصح يحث تحث"
    " يطلب تطلب يوجه توجه يبشر تبشر يحذر تحذر يعد تعد يهنئ تهنئ يشكر تشكر".split())


def purpose_subject(toks: list[Tok], k: int, first: int, gender: str) -> str:
    """«…، ليعلق بعدها وزير الدفاع الأمريكي، جيمس ماتيس، قائلا: "…"» (QA19 N1), «…، لترفض
    أحلام قائلة "…"»: a present verb with «لـ» after a comma and its subject written after it,
    right before the participle at token `k` of the same gender, is who speaks — not the source
    of an attribution («وفقا لأصدقاء …») or the voice quoted before; "" otherwise."""
    for v in range(k - 1, max(first, k - 9) - 1, -1):
        if cue_of(toks[v].raw)[1] is not None or any(q in toks[v].raw for q in "\"“”«»:"):
            return ""  # another cue (or speech) between: its speaker is the participle's
        raw = toks[v].raw
        if (raw[:2] in ("لي", "لت") and len(fold(raw)) >= 5 and raw[-1] not in "،,.:؛"
                and (v == first or toks[v - 1].raw.endswith(("،", ",")))):
            break
    else:
        return ""
    norm = fold(raw)
    if ("f" if norm.startswith("لت") else "m") != gender or norm.endswith(("وا", "ون", "ة", "ه")):
        return ""  # «لترتيب إجراءات ترحيلهم، مشيرا»: a verbal noun, not her verb
    if norm[1:] in _NOT_A_SPEAKING_VERB or norm[1:].startswith("يست") or norm[1:] in _TELLING:
        return ""  # («لتخبر مدير أعمالها قائلة»: whom she told follows the verb, not who)
    s = v + 1
    while s < k and toks[s].norm in _BEFORE_SUBJECT:
        s += 1
    name, j = subject(toks, s, k)
    while j < k and toks[j].norm in _BEFORE_SUBJECT:
        j += 1  # «لتتدخل أحلام بعدها قائلة»: the same adverb may follow the subject instead
    if not name or (j < k and not toks[j - 1].raw.endswith(("،", ","))):
        return ""  # the subject does not reach the participle: an object or a clause between
    rest = [toks[m].raw.rstrip("،,") for m in range(j, k)]
    if rest:
        # «وزير الدفاع الأمريكي، جيمس ماتيس،»: the title and the name set off after it.
        if len(rest) > 3 or not toks[k - 1].raw.endswith(("،", ",")) or any(
                fold(w) in STOP for w in rest):
            return ""
        name = f"{name} {' '.join(rest)}"
    return name if plausible_speaker(name) else ""


# How far a name that opens the sentence may stand before its participle (words).
_REACH = 24
# «لفت الانتباه/النظر إلى»: drew attention, no speech verb between the subject and the participle.
_ATTENTION = frozenset("الانتباه الانظار النظر".split())


def named_opener(toks: list[Tok], k: int, first: int, gender: str) -> str:
    """«وحرص كامبيو على لفت الانتباه إلى …، قائلا "…"», «وأبدى توفيق سعادته للتعاون …
    معتبراً أنه …» (seed 21: 2616, 518): a past verb outside the speech lists opens the sentence
    and a name of one or two words follows it, ended by a preposition or a possessed noun (its
    object): that name speaks at the participle at token `k` of the verb's gender, not the
    speaker named in an earlier sentence; "" otherwise."""
    if not 3 <= k - first <= _REACH or not _opening_verb(toks[first]):
        return ""
    if k - first > 10 and (not (_possessed(toks[first + 2]) or toks[first + 2].norm == "في") or any(
            toks[m].raw.endswith(("،", ",", ":", "؛")) or toks[m].norm in STOP
            and toks[m].norm.startswith("و") for m in range(first + 1, k - 1))):
        # «ونفذ ترامب تهديداته السابقة بفرض جمارك … على واردات الألومنيوم، قائلا إن» (seed 23,
        # 3767), «وبدأت تركيا في العشرين من فبراير حملة …، معتبرة أنها» (6061): past ten
        # words, only a one-word name ended by its object or «في» («علي» may be a name's own
        # word: «كاظم علي», 3370), and one stretch without a comma up to the participle's.
        return ""
    if ("f" if toks[first].norm.endswith("ت") else "m") != gender:
        return ""
    for m in range(first + 1, k):
        if cue_of(toks[m].raw)[1] is not None and not (
                m + 1 < k and toks[m + 1].norm in _ATTENTION):
            return ""  # another cue between: its speaker is the participle's
    end = next((m for m in range(first + 2, min(k, first + 4)) if _ends_name(toks[m])), None)
    if end is None:
        return ""
    words = toks[first + 1:end]
    if any(t.norm.startswith(("ال", "لل")) or t.norm in STOP or len(t.norm) < 3
           or t.raw[-1] in "،,:؛.\"«»“”()" or t.raw.endswith("ة") or cue_of(t.raw)[1] is not None
           for t in words):
        return ""  # «وشهدت المدينة …», «وتقدم …،»: no bare name written there
    name = " ".join(t.raw for t in words)
    return name if plausible_speaker(name) else ""


def _possessed(t: Tok) -> bool:
    """«تهديداته», «سعادتها»: a noun with a possessive pronoun, the verb's object for sure (a
    preposition ending a name may be a name's own word: «كاظم علي», corpus 3370)."""
    raw = t.raw.rstrip("،,")
    return len(t.norm) >= 5 and raw.endswith(("ه", "ها", "هم")) and not raw.endswith("ة")


def _ends_name(t: Tok) -> bool:
    """A word that a name before it does not run into: a preposition («على», «في», «بجزء») or a
    noun with a possessive pronoun («سعادته», «رأيها»): the verb's object or complement."""
    raw = t.raw.rstrip("،,")
    return (t.norm in PREPOSITIONS or (t.norm[:1] == "ب" and len(t.norm) >= 4)
            or (len(t.norm) >= 5 and raw.endswith(("ه", "ها", "هم")) and not raw.endswith("ة")))


# Verbs of asking and addressing after which «قائلا» gives the words (folded): «سأل X
# المقربين منه قائلاً "…"», «خاطب X جمهوره قائلا».
_ASKING = frozenset("سال سالت خاطب خاطبت عبر عبرت توجه توجهت ناشد ناشدت".split())


def reported_asker(toks: list[Tok], k: int, first: int, gender: str) -> str:
    """«وقالت صحيفة X إن إيسكو سأل المقربين منه قائلاً "…"» (F32, seed 32, 1895): inside a
    reported clause, the subject after «إن/أن» of a verb of asking of the participle's gender
    speaks at «قائلا» at token `k` (the paper reports his words); "" otherwise."""
    if not fold(toks[k].raw).startswith("قائل"):
        return ""
    comp = next((c for c in range(k - 1, max(first, k - 14) - 1, -1)
                 if toks[c].norm == "ان"), None)
    if comp is None:
        return ""
    verb = next((x for x in range(comp + 2, min(k, comp + 5))
                 if strip_conj(toks[x].norm) in _ASKING), None)
    if verb is None or (toks[verb].norm.endswith("ت")) != (gender == "f"):
        return ""
    if any(toks[x].raw[-1] in "،,:\"«»“”" for x in range(comp, verb)) or any(
            cue_of(toks[x].raw)[1] is not None for x in range(comp + 1, k)):
        return ""
    name = " ".join(toks[x].raw for x in range(comp + 1, verb))
    return name if plausible_speaker(name) else ""
