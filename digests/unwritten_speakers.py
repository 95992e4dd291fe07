"""A cue's speaker written elsewhere than after it: before the verb, at «كان», at a publisher.

A bare or present verb («وقال إن», «تقول فيه», «الذين قالوا») names no subject after it; its
speaker is the noun a relative clause describes, the publisher of «بيانا قال فيه», the subject
between «كان» and the verb («وكان السفير قد أعلن»), the subject of the verb that opened the
sentence («وقدّر المعهد …، وقال إن») or the SVO subject before it (`unwritten_speaker`). The
publisher and «كان» readers serve digests.cue_speakers' `written_speaker` too (and
digests.vso_speakers, digests.reported_speakers). Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from digests.apposed_names import TITLES
from digests.fronted_speakers import amma_subject, antecedent, speaker_before
from digests.indefinite_speakers import indefinite_subject
from digests.relayed_speakers import after_lam
from digests.speaker_checks import plausible_speaker, tail_cut
from digests.speaker_guard import nonsense_speaker, shown_speaker
from digests.speakers import Tok, subject
from digests.speech import (
    CLAUSE_CONJ,
    IN_WHICH,
    PREPOSITIONS,
    PUBLISHING,
    RELATIVES,
    STATEMENTS,
    STOP,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)

_KANA = frozenset(("كان", "كانت", "كانوا"))
# «ومضت تقول "…"», «وراح يقول», «لا يزال المدير يرى أن» (F30, seed 30, 1748: «بحسب يزال
# المدير الفني»): a verb of going on before a present speech verb is no subject;
# the voice is the one speaking before (folded, «و»/«ف» stripped).
_WENT_ON_SAYING = frozenset("مضي مضت راح راحت ظل ظلت يزال تزال زال زالت".split())
ABOVE = frozenset("فوقها فوقه تحتها".split())  # «نشر X صورة … وكتب فوقها "…"»: X's caption


# «نشر X سلسلة تغريدات قال في إحداها "…"»: one of the posts the publisher put out.
_ONE_OF = frozenset("احداها احدها اخرها اولها احداهما".split())
_SERIES = frozenset("سلسله مجموعه عدد".split())


def _publisher(toks: list[Tok], k: int, first: int) -> str | None:
    """Who published the document of «… بيانا قال/جاء فيه» at token `k`: the subject of the
    publishing verb between `first` and `k` («نشر نيمار تغريدة», «الوزارة أصدرت بيانا»); ""
    when none is written, None when no publishing verb is there."""
    pub = next((m for m in range(k - 1, first - 1, -1)
                if strip_conj(toks[m].norm) in PUBLISHING), None)
    if pub is None:
        return None
    after = subject(toks, pub + 1, k)[0]
    while after.split() and fold(after.split()[-1]) in _SERIES:
        after = after.rsplit(" ", 1)[0] if " " in after else ""  # «X سلسلة تغريدات»
    if after:
        return after
    # «لكن رئاسة الأركان كانت أصدرت بيانا أشارت فيه …»: the publisher is written before.
    verb = pub - 1 if pub > first and strip_conj(toks[pub - 1].norm) in _KANA else pub
    return speaker_before(toks, verb, first)


# What one says «فيها» of, held by its author behind «لـ»: «كلمة لزعيم الجماعة …، قال فيها». Folded.
# Not «رسالة/حوار لـX» (a letter to X, an interview with X: X may be the one addressed).
_OWNED_DOCUMENTS = STATEMENTS | frozenset("كلمه خطاب خطابا بيانا".split())


def document_owner(toks: list[Tok], k: int, first: int) -> str:
    """«جاء عقب كلمة لزعيم جماعة "أنصار الله" عبدالملك الحوثي بمناسبة …، قال فيها إن …» (K17,
    corpus_dev CN-middleEast-374): no publishing verb, but the speech is the author's the «لـ»
    after the document names; "" when no such document is written before the verb at `k`."""
    for m in range(k - 1, first - 1, -1):
        if (strip_conj(toks[m].norm) in _OWNED_DOCUMENTS and m + 1 < k
                and toks[m + 1].raw.startswith("ل") and not toks[m + 1].raw.startswith("لم")):
            if fold(toks[m + 1].raw).startswith(("لاحق", "لل")):
                # «تغريدة لاحقة»: later; «تغريدة للخاطر», «بيان للأمانة العامة للهيئة»: the one
                # named before, whose fuller name the bare cue's fallback gives
                return ""
            owner = after_lam(toks, m + 1, k)[0]
            return owner if owner and plausible_speaker(owner) else ""
    return ""


# What a relative clause may say something in («الذي قال في تغريدة لاحقة،»). Folded.
_SAID_IN = STATEMENTS | frozenset("تصريح بيان تغريده رساله كلمه مقابله حديث مؤتمر".split())


def statement_relative(toks: list[Tok], k: int, first: int) -> str:
    """«… على الحرس الرئاسي، الذي قال في تغريدة لاحقة، قال فيها: "…"» (F46, dev
    CN-internationalNews-60): «قال فيها» after a relative clause set off by commas that names the
    statement («الذي/التي + a verb of saying + في + تغريدة/بيان …») is the relative's noun's, even
    after a preposition (a place names no tweet); "" when the words before `k` are otherwise."""
    if not (k - 1 > first and toks[k - 1].raw.endswith(("،", ","))):
        return ""
    for m in range(k - 4, max(first, k - 9), -1):
        if not (toks[m].norm in ("الذي", "التي") and toks[m - 1].raw.endswith(("،", ","))):
            continue
        hit = cue_of(toks[m + 1].raw)[1]
        if hit is None or hit[0] != "verb" or (hit[1] == "f") != (toks[m].norm == "التي") or (
                toks[m + 2].norm != "في" or strip_conj(toks[m + 3].norm) not in _SAID_IN):
            return ""  # (the verb agrees with the relative: «التي قال» is someone else's)
        words: list[str] = []
        for n in range(m - 1, max(first, m - 5) - 1, -1):
            t = toks[n]
            if (t.norm in PREPOSITIONS or t.norm in STOP or any(q in t.raw for q in "\"“”«»:")
                    or (n < m - 1 and t.raw[-1] in "،,.;؛")):
                break
            if (cue_of(t.raw)[1] or ("", ""))[0] == "verb" or (n == first and _opening_verb(t)):
                # «وهاجم المحتجون الحزب الحاكم، الذي قال …»: the read reached the sentence's
                # verb; its nominative plural subject («المحتجون») is no part of the object
                # the relative describes.
                plural = [i for i, w in enumerate(words[:-1])
                          if len(fold(w)) >= 5 and fold(w).endswith("ون")]
                words = words[plural[-1] + 1:] if plural else words
                break
            words.insert(0, t.raw.rstrip("،,"))
        name = " ".join(words)
        return name if name and plausible_speaker(name) else ""
    return ""


def _reported_publisher(toks: list[Tok], k: int, first: int, last: int) -> str:
    """Inside reported speech, «… أن X أصدر بيانا جاء فيه "…"» (QA13 3823): the body that
    issued the document speaks, not the agency that reported it; "" when the verb at `k` is not
    «قال/جاء فيه» after a publishing verb whose subject is written inside the clause."""
    if not (k + 1 < last and toks[k + 1].norm in IN_WHICH):
        return ""
    comp = next((m for m in range(k - 1, first - 1, -1) if is_complementizer(toks[m].norm)),
                None)
    if comp is None:
        return ""
    publisher = _publisher(toks, k, comp + 1)
    return publisher if publisher and plausible_speaker(publisher) else ""


def unwritten_speaker(toks: list[Tok], k: int, first: int, last: int, prev: str,
                       content_start: int | None, content_open: bool) -> str | None:
    """A verb's speaker written elsewhere than after it ("" when none); None: not a cue at all."""
    t = toks[k]
    in_one = (k + 2 < last and toks[k + 1].norm == "في" and toks[k + 2].norm in _ONE_OF)
    if k + 1 < last and (toks[k + 1].norm in IN_WHICH or in_one
                         or (strip_conj(t.norm) in ("كتب", "كتبت") and toks[k + 1].norm in ABOVE)):
        # «نشر نيمار تغريدة قال فيها: …», «أصدرت الشركة بيانا تقول فيه إنها …», also after an
        # opening phrase («وبعد الإعلان عن طرده، نشر ترامب تغريدة قال فيها»).
        publisher = _publisher(toks, k, first)
        if publisher is not None:
            return publisher
        owner = document_owner(toks, k, first) if toks[k + 1].norm in IN_WHICH else ""
        if owner:
            return owner
        tweeter = statement_relative(toks, k, first)
        if tweeter:
            return tweeter
    if prev in RELATIVES:
        if content_start is None:
            # «الوزراء الذين اتهموا بالفساد»: a relative clause without speech is no cue (and
            # names nobody a later «قائلا:» could mean).
            return None
        hit = cue_of(toks[k].raw)[1]
        if hit is not None and hit[0] == "verb" and toks[k - 1].norm in ("التي", "الذي") and (
                hit[1] == "f") != (toks[k - 1].norm == "التي"):
            # «الرياض التي قال إنه يرغب بأن تقوم …» (F13): the verb does not agree with the
            # noun, so its subject is someone else (the one speaking), not the noun described.
            return ""
        if _slain(toks, k, first, last):
            return ""  # «أعلن الجيش قتل X الذي قال إنه يقف وراء الهجوم» (F46): whom it said
        # «الشهود الذين قالوا إنهم …»: the speaker is the noun the relative clause describes.
        return antecedent(toks, k - 1, first)
    relative = indefinite_subject(toks, k, first) if not content_open else ""
    if relative:
        # «كلفت المحكمة خبيرا طبيا قال إن …» (F48, seed 42, 1312): the indefinite noun the bare
        # verb describes speaks, not «كان»'s subject nor the verb's before it.
        return relative
    contrast = _contrasted_subject(toks, k, first) if not content_open else ""
    if contrast:
        # «وكان عقد يونغ ينتهي الصيف المقبل، لكن يونايتد أكد أنه …» (seed 23, 5189): «لكن»
        # after a comma opens a clause of its own; its subject, not «كان»'s, speaks.
        return contrast
    if (not content_open and nearest_kana(toks, k, first) is not None
            and (kana := _kana_subject(toks, k, first))):
        # «وكان مسؤول كبير في وزارة الخارجية بريان هوك قد أعلن أن …», «وكان السفير قال إن …»:
        # the subject sits between «كان» and the verb (or «قد»).
        return kana
    if not content_open and t.norm.startswith(("و", "ف")):
        # «وقدّر المعهد الوطني شدة الهزة …، وقال إن …»: the subject of the verb that opens the
        # sentence goes on speaking, not the speaker named in an earlier sentence; «أما
        # شيروان بري، …، فقال "…"»: the one «أما» names (K12).
        return clause_subject(toks, k, first) or fronted_clause_subject(toks, k, first) or (
            amma_subject(toks, k, first) if t.norm.startswith("ف") else "") or (
            _kana_opener(toks, k, first))
    if not content_open and prev in _BUT_HE:
        but = _but_subject(toks, k, first, prev)
        if but:
            return but
    if not content_open and prev in _WHEN:
        when = _when_subject(toks, k, first)
        if when:
            return when
    if (k > first and strip_conj(toks[k - 1].norm) in _WENT_ON_SAYING
            and t.norm[:1] in "يت"):
        return ""  # «ومضت تقول "…"» (K12): the last named speaker goes on
    if (not content_open and not t.norm.startswith(("و", "ف"))
            and not (k + 1 < last and toks[k + 1].norm in IN_WHICH)):
        # An SVO main clause (never before «وقال»: a conjunction opens a new clause): «ويذكر أن
        # شركة X أعلنت أن …», «وكانت الوزارة قد أعلنت أن …». («كان له تصريح آخر، قال فيه:»
        # names the statement's author, not the word before.)
        before = speaker_before(toks, k, first, max_words=6)
        head, _, rest = before.partition(" ")
        if rest and strip_conj(fold(head)) in _WENT_ON_SAYING:
            return rest  # «وظل الوزير يقول إن …»: the minister, not «وظل الوزير»
        if nonsense_speaker(before):
            # «أما بالنسبة للفنان طلال مداح فقد أكد» (F32): the one it is about speaks;
            # «وبخصوص الكلفة الإجمالية، كشف أن»: the one speaking goes on.
            # «نتائج توصلت إليها لجنة …، خلصت إلى أن»: the body after the verb and its pronoun.
            return shown_speaker(before) or as_for(before)
        return before
    return ""


# Verbal nouns of killing, whose object is no voice. Folded.
_KILLINGS = frozenset("قتل اغتيال تصفيه اعدام".split())


def _slain(toks: list[Tok], k: int, first: int, last: int) -> bool:
    """«ولاحقا أعلن الجيش الإسرائيلي قتل الشاب الفلسطيني أحمد جرار الذي قال إنه يقف وراء
    الهجوم» (F46, seed 41, 4625: «بحسب الفلسطيني أحمد جرار»): the relative after the object of
    a verbal noun of killing, with a «إنه/إنها» that refers back to it, is «whom it said»: the
    one who killed him speaks, not the man killed. The verbal noun follows a word of the
    sentence (no «و/ف», not its first word) within six words, with no punctuation between."""
    if not (k + 1 < last and toks[k + 1].norm in _HIM_HER):
        return False
    for m in range(k - 2, max(first, k - 8), -1):
        t = toks[m]
        if t.raw[-1] in "،,:.؛" or any(q in t.raw for q in "\"“”«»"):
            return False
        if t.norm in _KILLINGS:
            return m > first and toks[m - 1].raw[-1].isalpha()
    return False


_HIM_HER = frozenset("انه انها".split())  # folded


# «… عندما اعتبر أن»: a time clause whose verb names no subject. Folded.
_WHEN = frozenset("عندما حين حينما".split())
_QAD = frozenset("قد فقد وقد ولقد لقد".split())


WHERE = frozenset("حيث وحيث".split())  # «… حيث قال:»
# An interview given: «مقابلة لـX مع Y» (X answers Y). Folded.
_INTERVIEWS = frozenset("مقابله حوار لقاء حديث".split())


def interview_owner(toks: list[Tok], k: int, first: int) -> str:
    """«جاء ذلك في مقابلة لكلابر مع CNN حيث قال: "…"» (F44 corpus diff, 4191): an interview
    «لـX مع Y» written before «حيث» + the bare verb at `k` is X's, the one who answers; ""
    when none is written (a «لـX» without «مع» may be the one interviewed for, K17)."""
    for m in range(k - 2, first - 1, -1):
        if strip_conj(toks[m].norm) not in _INTERVIEWS or m + 2 >= k:
            continue
        if not toks[m + 1].raw.startswith("ل") or toks[m + 1].raw.startswith(("لل", "لم")):
            return ""
        owner, end = after_lam(toks, m + 1, k)
        if end < k and toks[end].norm == "مع" and owner and plausible_speaker(owner):
            return owner
        return ""
    return ""


def _when_subject(toks: list[Tok], k: int, first: int) -> str:
    """«فقد تعرض الجنرال لانتقاد الرئيس مؤقتاً عندما اعتبر أن …» (F44, F43's left 2513):
    the bare verb after «عندما/حين» goes on with the subject of the «قد» + verb clause it
    closes (within twelve words, no comma between); "" otherwise."""
    qad = next((m for m in range(k - 2, max(first, k - 12) - 1, -1) if toks[m].norm in _QAD),
               None)
    if qad is None or qad + 2 >= k - 1 or any(
            toks[x].raw.endswith(("،", ",", ".", ":", "؛")) for x in range(qad, k - 1)):
        return ""
    if cue_of(toks[qad + 1].raw)[1] is not None:
        return ""  # «وقد قال X …» is a cue of its own, read there
    words = subject(toks, qad + 2, k - 1)[0].split()
    cut = next((n for n in range(1, len(words)) if words[n][:1] in "لب"), len(words))
    name = " ".join(words[:cut])  # «الجنرال لانتقاد الرئيس»: what befell him ends the name
    return name if name and plausible_speaker(name) else ""


def as_for(phrase: str) -> str:
    """«بالنسبة للفنان طلال مداح» → «الفنان طلال مداح»; "" for any other fronted phrase."""
    words = phrase.split()
    if len(words) < 2 or fold(words[0]).lstrip("وف") != "بالنسبه" or words[1][:1] != "ل":
        return ""
    second = "ال" + words[1][2:] if words[1].startswith("لل") else words[1][1:]
    name = " ".join([second] + words[2:])
    return name if plausible_speaker(name) else ""


def _contrasted_subject(toks: list[Tok], k: int, first: int) -> str:
    """The subject between «، لكن» and the verb at `k` (one to four words, after a «كان» of
    the clause before it); "" otherwise."""
    kana = [m for m in range(max(first, k - 16), k) if strip_conj(toks[m].norm) in _KANA]
    if not kana:
        return ""
    but = next((m for m in range(k - 1, kana[-1], -1) if toks[m].norm in ("لكن", "ولكن")
                and toks[m - 1].raw.endswith(("،", ","))), None)
    if but is None or not 1 <= k - but - 1 <= 4:
        return ""
    name = " ".join(toks[m].raw for m in range(but + 1, k)).strip("،, ")
    if any(t.raw[-1] in "،,:\"«»“”" or cue_of(t.raw)[1] is not None for t in toks[but + 1:k]):
        return ""
    return name if plausible_speaker(name) else ""


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
    titled = toks[first + 1].norm in TITLES
    if not toks[first + 1].norm.startswith("ال") and not titled:
        return ""
    verb_f = toks[first].norm.endswith("ت")
    cue_f = cue_of(toks[k].raw)[1] == ("verb", "f")
    if verb_f != cue_f:
        return ""  # «وشهدت المدينة احتجاجات، وقال …»: another subject
    name = subject(toks, first + 1, k)[0].split()
    # Only the definite words: «وردد المحتجون شعارات ضد …» — the object follows the subject.
    cut = next((n for n, w in enumerate(name) if not fold(w).startswith(("ال", "لل"))), len(name))
    if titled:
        # «ونعى رئيس بوركينا فاسو مارك كابوريه المخرج الكبير، وقال إن» (F42, seed 38, 658): a
        # title in construct and its name, then the object — a definite title after the name
        # (a definite word alone may be a surname: «حيدر العبادي»). No such object: not read.
        cut = next((n for n in range(3, len(name))
                    if fold(name[n]).startswith("ال") and fold(name[n])[2:] in TITLES
                    and not fold(name[n - 1]).startswith(("ال", "لل", "و"))), 0)
        if not cut:
            return ""
    # «ودانت وزارة الخارجية الأميركية الأحداث. وقالت إن» (QA18 R11): what it condemned is out.
    speaker = tail_cut(toks[first].norm, " ".join(name[:cut]))
    return speaker if speaker and plausible_speaker(speaker) else ""


# «لكنه/لكنها» right before a bare cue: the pronoun is the subject of the sentence's verb.
_BUT_HE = frozenset("لكنه ولكنه لكنها ولكنها".split())
# A negation before a present verb opening the sentence («لم يؤكد الجيش …»). Folded.
_NOT = frozenset("لم ولم لا ولا".split())


def _but_subject(toks: list[Tok], k: int, first: int, prev: str) -> str:
    """«لم يؤكد الجيش الإسرائيلي حصيلة القتلى لكنه أعلن أن …» (F42, dev holdout13
    FR-middleEast-163: the army's words shown as the media's): the definite subject of the
    negated verb that opens the sentence, in the pronoun's gender; else ""."""
    if k - first < 4 or toks[first].norm not in _NOT or toks[k - 1].norm != prev:
        return ""
    verb = toks[first + 1]
    if verb.norm[:1] not in "يت" or not toks[first + 2].norm.startswith("ال"):
        return ""
    if (verb.norm[:1] == "ت") != prev.endswith("ها"):
        return ""  # «لم تؤكد الشرطة … لكنه»: another subject
    if any(cue_of(toks[m].raw)[1] is not None or toks[m].raw[-1] in "،,:.\"«»“”"
           for m in range(first + 2, k - 1)):  # («لم يؤكد» itself may be a cue)
        return ""
    name = subject(toks, first + 2, k - 1)[0].split()
    cut = next((n for n, w in enumerate(name) if not fold(w).startswith(("ال", "لل"))), len(name))
    speaker = " ".join(name[:cut])
    return speaker if speaker and plausible_speaker(speaker) else ""


# Prepositions that open a fronted phrase of time or place before the sentence's verb. Folded.
_FRONTING = frozenset("في وفي خلال وخلال بعد وبعد منذ ومنذ قبل وقبل".split())


def fronted_clause_subject(toks: list[Tok], k: int, first: int) -> str:
    """«وفي بداية هذا الأسبوع وضعت الحكومة السعودية …، وقالت إنه» (QA46 G2, FR-middleEast-156:
    «بحسب ترامب»): after a fronted phrase, the definite subject of a feminine past verb goes on
    at a feminine bare «وقالت» of the same sentence; "" otherwise (masculine verbs are not read:
    a past masculine verb is not told from a noun by its shape)."""
    if toks[first].norm not in _FRONTING or cue_of(toks[k].raw)[1] != ("verb", "f") or (
            strip_conj(toks[k].norm) not in _GOING_ON):
        return ""
    verb = next((v for v in range(first + 2, min(k - 1, first + 7))
                 if _past_feminine(toks[v].raw) and toks[v + 1].norm.startswith("ال")
                 and toks[v].norm not in STOP and toks[v - 1].norm not in PREPOSITIONS), None)
    if verb is None or any(t.raw[-1] in "،,:\"«»“”" for t in toks[first:verb]):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(verb, k)):
        return ""
    name = subject(toks, verb + 1, k)[0].split()
    cut = next((n for n, w in enumerate(name) if not fold(w).startswith(("ال", "لل"))), len(name))
    speaker = tail_cut(toks[verb].norm, " ".join(name[:cut]))
    return speaker if speaker and plausible_speaker(speaker) else ""


_DECLARED = frozenset("صرح صرحت اعلن اعلنت كشف كشفت ذكر ذكرت".split())  # folded, with _GOING_ON


def _kana_opener(toks: list[Tok], k: int, first: int) -> str:
    """«وكان بوفون، حارس مرمى يوفنتوس، قد أبدى في مقابلات …، بعض القابلية …، وصرح مؤخرا أنه
    …» (seed 21, 1905): the sentence opens on «وكان X قد» + a verb; a bare «وصرح» of its gender,
    after a comma and farther than `_kana_subject` looks, goes on with X; "" otherwise."""
    if strip_conj(toks[first].norm) not in ("كان", "كانت") or not toks[k - 1].raw.endswith(
            ("،", ",")) or strip_conj(toks[k].norm) not in _GOING_ON | _DECLARED:
        return ""
    qad = next((m for m in range(first + 2, min(k, first + 10)) if toks[m].norm == "قد"), None)
    if qad is None or (strip_conj(toks[first].norm) == "كانت") != (
            cue_of(toks[k].raw)[1] == ("verb", "f")):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(first + 1, k)):
        return ""  # another cue between: its speaker goes on
    name = subject(toks, first + 1, qad)[0]
    return name if name and plausible_speaker(name) else ""


def kana_reach(toks: list[Tok], k: int, first: int) -> int:
    """Where «كان» of the verb at `k` may stand: twelve words back, or twelve before an aside
    set off by commas that opens on a relative between the subject and «، قد» («وكان الجيش
    الأميركي، الذي صعد من جهوده …، قد قال إن»: F37's left 6206, F38)."""
    if k - 2 > first and toks[k - 1].norm == "قد" and toks[k - 2].raw.endswith(("،", ",")):
        aside = next((r for r in range(k - 2, max(first, k - 32), -1)
                      if toks[r].norm in RELATIVES and toks[r - 1].raw.endswith(("،", ","))),
                     None)
        if aside is not None and not any(toks[x].raw.endswith(("،", ",", ".", ":"))
                                         for x in range(aside, k - 2)):
            return max(first, aside - 12)
    if (k - 2 > first and toks[k - 1].raw.endswith(("،", ","))
            and strip_conj(toks[first].norm) in _KANA):
        # «وكان عبد الله المطلق، أحد كبار رجال الدين وعضو هيئة …، قال إن "…"» (F44, seed 40,
        # 901): the sentence opens on «كان» + a name of up to four words closed by a comma,
        # then one aside closed by the comma right before the verb.
        named = next((x for x in range(first + 1, min(first + 5, k - 2))
                      if toks[x].raw.endswith(("،", ","))), None)
        if named is not None and k - 1 - named <= _MAX_ASIDE and not any(
                toks[x].raw.endswith(("،", ",", ".", ":", "؛")) for x in range(named + 1, k - 1)):
            return first
    return max(first, k - 12)


_MAX_ASIDE = 20  # words of an apposition between «كان X،» and its verb


def nearest_kana(toks: list[Tok], k: int, first: int) -> int | None:
    """The nearest «كان» before token `k` within `kana_reach`, or None."""
    return next((m for m in range(k - 1, kana_reach(toks, k, first) - 1, -1)
                 if strip_conj(toks[m].norm) in _KANA), None)


def _kana_subject(toks: list[Tok], k: int, first: int, kana: int | None = None) -> str:
    """The subject written between the nearest «كان» before token `k` and the verb (`kana`:
    that «كان», when the caller has found it with `nearest_kana`)."""
    m = kana if kana is not None else nearest_kana(toks, k, first)
    if m is None:
        return ""  # (never: every caller has seen a «كان» in reach first)
    if any(cue_of(toks[x].raw)[1] is not None for x in range(m + 1, k)):
        return ""  # another verb between them: «كان» belongs to another clause
    if m + 1 < k and toks[m + 1].norm.startswith("ل"):
        return ""  # «كان لأردوغان تصريح»: «كان لـ» means «had», not a subject
    if toks[k - 1].norm == "قد":
        return subject(toks, m + 1, k - 1)[0]
    if m + 1 < k and toks[m + 1].norm in ("تقارير", "التقارير"):
        return _reports(toks, m + 1, k)
    hit = cue_of(toks[k].raw)[1]
    if toks[k].norm.startswith("و") and toks[k - 1].raw.endswith(("،", ",")) and (
            (strip_conj(toks[m].norm) == "كانت") != (hit is not None and hit[1] == "f")
            or any(toks[x].norm in ("هي", "هو", "هم") for x in range(m + 1, k))):
        # «وكانت الأمتار الأخيرة هي الأشد إرهاقا، ويوضح:»: «كان» closed its own clause (its
        # predicate a pronoun's, its gender not the verb's); «وكانت النيابة أحالت …، وقالت»
        # goes on with the same subject.
        return ""
    if (m > first and toks[m - 1].norm in RELATIVES) or any(
            toks[x].norm in CLAUSE_CONJ for x in range(m + 1, k)):
        return ""  # «الذي كان يدير …», «كان … عندما صرح»: «كان» is another clause's
    name, end = subject(toks, m + 1, k)
    if (m + 1 < end < k and toks[end - 1].raw.endswith(("،", ","))
            and not toks[k - 1].raw.endswith(("،", ",")) and toks[k - 1].norm not in STOP
            and not is_complementizer(toks[k - 1].norm)):
        # «فقديما كانت كرتهم سريعة ومختصرة، التمريرات طويلة، بناء على فلسفة تقول إن …» (F36,
        # seed 34, 4096): «كان»'s words closed by a comma and the verb after other words, not
        # after a comma of an aside nor «قبل أن»: the verb is theirs («فلسفة تقول»), not «كان»'s
        # subject's («وكان أبو الفتوح أحد كوادر …، قبل أن يقول إنه …» stays his).
        return ""
    words = name.split()
    if strip_conj(toks[m].norm) == "كانت" and len(words) > 1 and fold(words[0]).startswith("ال"):
        # «وكانت النيابة أحالت المتهمين …، وقالت إن» (F14's left, corpus 1249): «كانت»'s
        # subject ends at its own past verb, a feminine «…ت» after the definite noun.
        cut = next((n for n in range(1, len(words)) if _past_feminine(words[n])), 0)
        if cut:
            name = " ".join(words[:cut])
    return name


def _reports(toks: list[Tok], i: int, k: int) -> str:
    """«وكانت تقارير لمنظمات دولية ومحلية مهتمة بـ…، أكدت أن» (F18's left, corpus 1790): the
    reports are «كان»'s subject with the words that say whose (to a comma, four words at most);
    elsewhere «تقارير» after a verb is its object and ends a subject (speech.OBJECT_NOUNS)."""
    words: list[str] = []
    for x in range(i, min(k, i + 4)):
        raw = toks[x].raw
        if cue_of(raw)[1] is not None or any(q in raw for q in "\"“”«»"):
            break
        words.append(raw.rstrip("،,"))
        if raw.endswith(("،", ",")):
            break
    return " ".join(words)


def _predicate_word(word: str) -> bool:
    """«محتجزا», «خلالهما»: an accusative predicate of «كان» or a preposition with its pronoun —
    «كان محتجزا خلالهما لدى الشرطة أبلغ المحققون ساركوزي» names no subject between them."""
    norm = fold(word.rstrip("،,"))
    return (len(norm) >= 4 and not norm.startswith("ال") and norm.endswith("ا")
            and not norm.endswith(("ها", "هما"))) or norm.endswith(("هما", "هم", "ها"))


def _past_feminine(word: str) -> bool:
    """«أحالت», «اعتقلت»: an indefinite word ending in «ت» (not «ـات», a plural noun)."""
    norm = fold(word)
    return (len(norm) >= 4 and norm.endswith("ت") and not norm.endswith("ات")
            and not norm.startswith("ال"))
