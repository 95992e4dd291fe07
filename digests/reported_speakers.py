"""Who speaks at a speech verb inside reported speech (after an «إن/أن» still open).

A new main clause after a comma or a conjunction («…، وأضاف …», «…، كما وصف …») has its own
speaker, written after the verb or before it («أن X، نائب الوزير، أوضح أن …»); another verb
inside the clause is speech unless an SVO clause re-attributes it («… أن النائب العام X قال على
حسابه إنه»), a document's publisher speaks, or «، لكن X قال:» answers the voice before
(`speaker_in_speech`). digests.cue_speakers calls it for a cue whose reported clause is open.
Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

import re

from digests.describer_subjects import _DESCRIBE, _described_by
from digests.fronted_speakers import speaker_before
from digests.speaker_checks import plausible_speaker
from digests.speakers import Tok, subject
from digests.speech import (
    CLAUSE_CONJ,
    IN_WHICH,
    RELATIVES,
    STOP,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)
from digests.speech_start import informed_far
from digests.title_heads import OFFICE_HEADS
from digests.unwritten_speakers import _publisher, _reported_publisher, statement_relative


# «حذّر X بأنه …»: X is warned. Folded, without «و/ف».
_WARN = frozenset("حذر حذرت".split())
_OF_IT = frozenset("بانه بانها بانهم بانهما".split())


def _warned(toks: list[Tok], j: int, last: int) -> bool:
    """A «بأنه/بأنها» within a few tokens after the noun that ends at `j`, with no other verb
    or complementizer before it: the noun is the object of a verb of warning."""
    for m in range(j, min(last, j + 12)):
        if toks[m].norm in _OF_IT:
            return True
        if is_complementizer(toks[m].norm) or cue_of(toks[m].raw)[1] is not None:
            return False
    return False


def speaker_in_speech(toks: list[Tok], k: int, first: int, last: int, norm: str,
                      prev: str) -> tuple[str, int] | None:
    """The speaker written at the verb `k` (cue form `norm`, the word before it `prev`) inside
    a reported clause, and the first token after it; None: the verb is part of the speech."""
    t = toks[k]
    speaker, j = "", k + 1
    if prev in CLAUSE_CONJ or (k > first and toks[k - 1].raw.endswith(("،", ","))):
        # a new main clause, its own speaker; «…"، وأضاف: مر وقت طويل …» (K12): after the
        # colon on the verb come the words said, never a subject
        if k + 1 < last and toks[k + 1].norm in IN_WHICH and not t.norm.startswith(("و", "ف")):
            # «… أن أجهزة الاستخبارات اعترضت محادثات بين X، الذي تسميه وسائل الإعلام "شيف"
            # الرئيس الروسي، فلاديمير بوتين، قال فيها …» (QA19 N1): «فيها» refers back to a
            # noun the reported clause described, so the name before the comma is no subject;
            # only a document's publisher speaks («…، أصدر بيانا، قال فيه»); else nobody
            # written here (digests.speech_cues ends the reported clause at the verb).
            publisher = _publisher(toks, k, first) or statement_relative(toks, k, first)
            return (publisher if publisher and plausible_speaker(publisher) else ""), k + 2
        speaker, j = ("", k + 1) if t.raw.endswith(":") else subject(toks, k + 1, last)
        if speaker and strip_conj(norm) in _WARN and _warned(toks, j, last):
            # «…، وحذرت الحكومات في كل أنحاء العالم، …، بأنها ستتعرض لعقوبات» (QA39 #4): the
            # noun after «حذر» that «بأنها» takes up is the one warned; the verb goes on the
            # reported clause's speech.
            return None
        if norm in _DESCRIBE and speaker and toks[j - 1].raw[-1] not in "،,":
            # «…، كما وصف العلاقات مع إيران بأنها "…"»: as after a sentence's «وصف»
            # (digests.vso_speakers)
            speaker, j = _described_by(toks, k, speaker, j, last)
        if not speaker and prev not in CLAUSE_CONJ and not t.norm.startswith(("و", "ف")):
            # «أن X، نائب الوزير، أوضح أن …»: the subject is written before the verb; «إن X،
            # الذي …، أقر بأنه …» (seed 21, 5336): X, not the relative clause's last words.
            speaker = (_relative_head(toks, k, first, last)
                       or speaker_before(toks, k, first))
        return speaker, j
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
    elif before and k + 1 < last and (toks[k + 1].norm in STOP or follows) and _genitive_of_fi(
            toks, k, before):
        # «مؤكداً أن هذا التقدم الملحوظ في علاج الخلل بالموازنة العامة يشير إلى أن …» (F41,
        # seed 37, 5120: «بحسب علاج الخلل …»): with no subject after the verb («يشير إلى أن»,
        # not «قالت تقارير إنها»), the four words read before it are the genitive of «في»
        # inside a longer noun phrase; no new voice
        return None
    elif before and _evidence_of_clause(toks, k, before, last):
        # «قالت شبكة التلفزة اليابانية "ان.تي.في" إن الاجراءات الامنية المشددة تشير الى ان
        # مسؤولا كبيرا وصل …» (F44, seed 40, 6439: «بحسب الاجراءات الامنية المشددة»): what
        # the clause's own subject indicates is the voice's claim, not a new voice
        return None
    elif before and k + 3 < last and (any(is_complementizer(toks[m].norm)
                                          for m in range(k + 1, min(last, k + 4)))
                                      or informed_far(toks, k, last)) and (
            whole := _whole_before(toks, k, before)):
        speaker = whole
    elif reported := _reported_subject(toks, k, last):
        # «ونقلت الوكالة أن النائب العام طارق وليام صعب قال على حسابه تويتر إنه "…"»: the
        # subject between «أن» and the verb speaks, whatever words come before his «إنه»
        # (QA13 6620: the quote went to the agency that relayed it).
        speaker = reported
    elif publisher := _reported_publisher(toks, k, first, last):
        speaker = publisher
    elif before and _rebuttal(toks, k, before, last):
        # «وكان X قد أعلن أن …، لكن مكتب الرئيسة قال في بيان: "…"»: the contrasted clause
        # is a new voice answering X, not X's words (QA13 4165).
        speaker = before
    else:
        return None
    return speaker, j


# Present verbs of indicating (folded): «تشير/يشير/تدل/يدل إلى/على أن».
_INDICATE = frozenset("تشير يشير تدل يدل".split())
_TO_ON = frozenset("الي علي".split())


def _evidence_of_clause(toks: list[Tok], k: int, before: str, last: int) -> bool:
    """The verb at `k` is «تشير/يدل إلى/على أن» and the words `before` it follow the reported
    clause's own «إن/أن» right away: the clause's subject indicates, nobody new speaks."""
    m = k - len(before.split()) - 1
    return (toks[k].norm in _INDICATE and k + 2 < last and toks[k + 1].norm in _TO_ON
            and is_complementizer(toks[k + 2].norm) and m >= 0
            and is_complementizer(toks[m].norm))


def _genitive_of_fi(toks: list[Tok], k: int, before: str) -> bool:
    """The four words read before the verb at `k` follow «في» that follows a noun («التقدم
    الملحوظ في علاج الخلل بالموازنة العامة»): a genitive inside a noun phrase, no subject."""
    n = len(before.split())
    m = k - n - 1
    return (n >= 4 and m > 0 and toks[m].norm in _OF_PREPS and toks[m - 1].raw[-1].isalpha()
            and toks[m - 1].norm not in STOP and not is_complementizer(toks[m - 1].norm)
            and cue_of(toks[m - 1].raw)[1] is None)


def _cut_short(toks: list[Tok], k: int, before: str, max_words: int) -> bool:
    """The `max_words` words read before the verb at `k` are the tail of a longer noun phrase:
    the word before them is neither punctuated nor a stop word, a complementizer or a cue."""
    n = len(before.split())
    m = k - n - 1
    if n < max_words or m < 0:
        return False
    t = toks[m]
    return not (t.raw[-1] in "،,:;؛.\"”»" or t.norm in STOP or is_complementizer(t.norm)
                or t.norm.endswith(("ها", "هم", "هما"))  # «اتهامات أطلقها X يؤكد» (4402)
                or cue_of(t.raw)[1] is not None or strip_conj(t.norm) in ("ان", "لكن"))


def _whole_before(toks: list[Tok], k: int, before: str) -> str:
    """The subject read before a verb inside a reported clause, read on past four words when it
    was cut («… أن رئيس الوزراء الإسرائيلي بنيامين نتنياهو صرح بأنه»); "" when it is still the
    tail of a longer noun phrase («… وإن التزام الشركة نحو تقديم تجربة نقية وآمنة مدعومة
    بالأندرويد العصري يؤكد أن», seed 24, 1912: the commitment's words, not a speaker)."""
    if strip_conj(fold(before.split()[-1])) in RELATIVES | _PLURAL_RELATIVES:
        # «إن التلميذات … اللاتي ذكرت تقارير إن» (1361), «بأنه يريد تغيير إقراره السابق والذي
        # قال فيه إنه» (6737): the relative's own verb, no subject written before it
        return ""
    words = before.split()
    joined = _coordinated_clause(words)
    if joined:
        # «إن الطرق مقطوعة والسكان يقولون إنهم …»: a definite noun and its indefinite
        # predicate close the reported clause; «و» + the definite noun after them opens the
        # next one, and only that noun speaks (not «الطرق مقطوعة والسكان»).
        tail = " ".join([words[joined][1:], *words[joined + 1:]])
        return tail if plausible_speaker(tail) else ""
    named = next((n for n in range(len(words) - 2, 0, -1) if fold(words[n]) in ("هو", "هي")), 0)
    if named:
        # «تصريحات لمتحدث باسم حملة بوتين هو أندريه كوندراشوف قال إن» (5091): the name «هو»
        # introduces is the one who speaks.
        return " ".join(words[named + 1:])
    if not _cut_short(toks, k, before, 4):
        return before
    longer = speaker_before(toks, k, max_words=6)
    extra = longer.split()[:len(longer.split()) - len(before.split())]
    if (extra and plausible_speaker(longer) and not _cut_short(toks, k, longer, 6)
            and not any(_PRESENT_PLURAL.match(fold(w)) for w in extra)):
        return longer
    return ""


def _coordinated_clause(words: list[str]) -> int:
    """The index of «والـX» in the words read before a verb when the two words before it are
    a definite noun and an indefinite one — a subject and its predicate («الطرق مقطوعة
    والسكان»), not a name's own «و» («وزارة الخارجية والتعاون الدولي», «سامي حداد والوزير») or
    a title and its name («الرئيس ترامب والسيدة الأولى»): 0."""
    for n in range(2, len(words)):
        w, pred, head = fold(words[n]), fold(words[n - 1]), fold(words[n - 2])
        if (w.startswith("وال") and len(w) >= 5 and head.startswith("ال")
                and head.removeprefix("ال") not in OFFICE_HEADS  # «الرئيس ترامب والسيدة …»
                and not pred.startswith("ال") and pred.isalpha() and pred not in STOP
                and (n == 2 or fold(words[n - 3]) in STOP or is_complementizer(fold(words[n - 3])))):
            return n
    return 0


_OF_PREPS = frozenset(("في",))  # folded: a phrase inside a noun phrase («العديد من X» is X)
# Feminine plural relatives digests.speech.RELATIVES lacks (so a subject read ran into them).
_PLURAL_RELATIVES = frozenset(("اللاتي", "اللائي"))
# «يحاربون», «تقولان»: a present verb of a plural or dual subject (the clause's predicate, so
# the words before the next verb are no subject: «إن المقاتلين يحاربون للتصدي … ووصف», 2296).
_PRESENT_PLURAL = re.compile(r"^[يت]\w{2,}(?:ون|ان)$")


def _relative_head(toks: list[Tok], k: int, first: int, last: int) -> str:
    """Inside a reported clause, «… إن رجل الأعمال X، الذي لعب دور الوسيط …، أقر بأنه …»: the
    words from the clause's «إن/أن» up to «، الذي/التي» are the subject of the verb at `k`
    (after a comma), when its own «أن/إن» follows within six words; "" otherwise."""
    if not toks[k - 1].raw.endswith(("،", ",")) or not any(
            is_complementizer(toks[m].norm) for m in range(k + 1, min(last, k + 7))):
        return ""
    comp = next((m for m in range(k - 1, first - 1, -1) if is_complementizer(toks[m].norm)), None)
    if comp is None:
        return ""
    rel = next((m for m in range(comp + 2, k) if toks[m].norm in RELATIVES
                and toks[m - 1].raw.endswith(("،", ","))), None)
    if rel is None or any(cue_of(toks[m].raw)[1] is not None for m in range(comp + 1, rel)):
        return ""
    words = [toks[m].raw for m in range(comp + 1, rel)]
    name = " ".join(words).strip("،, ")
    if not 1 <= len(words) <= 9 or any(q in name for q in "\"«»“”:") or not plausible_speaker(name):
        return ""
    return name


def _reported_subject(toks: list[Tok], k: int, last: int) -> str:
    """The SVO subject of the verb at `k` when «أن» opens it («… أن X قال …»), up to six words,
    and the verb's own «إن/أن» or colon follows within seven words without a comma; else ""."""
    name = speaker_before(toks, k, max_words=6)
    n = len(name.split())
    if not name or k - n - 1 < 0 or toks[k - n - 1].norm not in ("ان", "بان", "وان"):
        return ""
    if k + 1 >= last or not (toks[k + 1].norm in _WHERE_SAID or toks[k + 1].norm[:1] == "ل"):
        return ""  # «أن X أبلغ السفير ضرورة أن …»: an object, then another clause's «أن»
    for m in range(k + 1, min(last, k + 8)):
        if is_complementizer(toks[m].norm) or toks[m].raw.endswith(":"):
            return name if plausible_speaker(name) else ""
        if toks[m].raw[-1] in "،,\"«»“”" or cue_of(toks[m].raw)[1] is not None:
            return ""
    return ""


_WHERE_SAID = frozenset("في علي عبر خلال امام".split())  # «قال على حسابه …», «في تغريدة»
_BUT = frozenset("لكن ولكن".split())


def _rebuttal(toks: list[Tok], k: int, before: str, last: int) -> bool:
    """The verb at `k` inside reported speech is «، لكن X قال …:»: «لكن» after a comma, then
    the subject `before`, then a colon within six words (the new voice's own words follow)."""
    n = len(before.split())
    at = k - n - 1
    if at < 1 or toks[at].norm not in _BUT or not toks[at - 1].raw.endswith(("،", ",")):
        return False
    return plausible_speaker(before) and any(
        toks[m].raw.endswith(":") for m in range(k, min(last, k + 7)))
