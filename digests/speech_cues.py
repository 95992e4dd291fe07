"""Speech cues of a sentence: the verbs that introduce a statement, who speaks, where speech starts.

A cue is a speech verb («قال», «وأضافت», «يؤكد»), a participle («مشيرا», «مضيفةً:») or an
attribution («بحسب X», which names a source but introduces no speech). For each cue the finder
needs three things, resolved here in reading order:

* the speaker as written: the subject after the verb (VSO, the common order), before it (SVO,
  «أن X، نائب الوزير، أوضح»), between «كان» and the verb, the noun a relative clause describes,
  the author of «بيانا قال فيه»; or, for a bare cue («وأضاف»), the last named speaker;
* where the speech starts: after إن/أن/بأن/إلى أن, after «:», at quote marks right after the
  verb, or after a comma («وقال الوزير، الوضع صعب»);
* whether it is a counter-voice («من جهته», a denial), which the ranking likes.

Words inside quote marks are speech, not cues. Where the speech starts is read by
digests.speech_start. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from digests.speakers import (
    RELAYING,
    Speakers,
    Tok,
    anonymity,
    antecedent,
    speaker_before,
    subject,
)
from digests.speech import (
    AFTER_MA_ONLY,
    AMBIGUOUS,
    ATTRIBUTION_PREPS,
    CLAUSE_CONJ,
    COUNTER_CUES,
    FILLERS,
    HEDGES,
    IMPERSONAL,
    IN_WHICH,
    NEGATIONS,
    PUBLISHING,
    RELATIVES,
    SAY,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)
from digests.speech_start import comma_start, host_noun, marked_start

_KANA = frozenset(("كان", "كانت", "كانوا"))
# A pronoun written before the verb is its subject («لكنه قال», «وهو يؤكد»).
_PRONOUN_SUBJECTS = frozenset("لكنه ولكنه لكنها ولكنها وهو وهي فهو فهي".split())
_ADDRESSEES = frozenset(
    "صحيفه جريده مجله وكاله قناه موقع شبكه اذاعه تلفزيون احدي احد الصحيفه الجريده المجله"
    " الوكاله القناه الموقع الشبكه الاذاعه التلفزيون الصحفيين الصحافيين صحفيين صحافيين".split())
_WENT_ON = frozenset("مضي مضت ذهب ذهبت".split())
_ABOVE = frozenset("فوقها فوقه تحتها".split())  # «نشر X صورة … وكتب فوقها "…"»: X's caption
_SUMMED = frozenset("لخص لخصت يلخص تلخص".split())
_REFUSE = frozenset("رفض رفضت يرفض ترفض".split())
_CONTAIN = frozenset("تضمن تضمنت يتضمن تتضمن".split())
_DESCRIBE = frozenset("وصف وصفت يصف تصف ووصف ووصفت ويصف وتصف".split())
_RELAY_VERBS = frozenset(("نقل", "نقلت", "ينقل", "تنقل", "ونقل", "ونقلت"))
# Verbal nouns of speech that take a clause («إعلان X أن», «تحذيره من أن»), folded.
_VERBAL_NOUNS = frozenset(
    "اعلان تحذير تاكيد اصرار اتهام اتهامات ادعاء ادعاءات مزاعم زعم اعتراف اقرار تشديد".split())
_VERBAL_NOUN_FORMS = frozenset(p + n for p in ("", "و", "ب", "ل", "وب", "ول") for n in _VERBAL_NOUNS)
_NOT_IN_A_NAME = frozenset("ضد وسط مفاده مفادها القائله القائل".split())
_RELAYED_PRONOUNS = {"عنه": "m", "عنها": "f"}  # «نقلت الوكالة عنه»: his words, not the agency's
_AFTER_MA = frozenset(("ما", "لما", "حسبما", "بحسبما", "وحسبما"))
# «ولخص أحدهم الموقف»: one of them speaks, as written (not a possessed noun). «بعضهم» (some of
# them) stays out: the group named before («محللون … لكن بعضهم حذر») is the better speaker.
_INDEFINITE = frozenset("احدهم احداهم احدهما احداهما احداهن".split())


@dataclass(frozen=True)
class Cue:
    """One speech cue of a sentence, with its speaker resolved."""

    tok: int  # token index of the verb / participle / preposition
    kind: str  # 'verb' | 'part' | 'prep'
    gender: str
    speaker: str
    content_start: int | None  # char offset where the speech starts (after إن/أن/«:»)
    counter: bool
    named: bool  # the speaker is written here, not carried from an earlier cue
    end_tok: int = 0  # first token after the cue and its written subject


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
    if norm[:1] == "ل" and (norm[1:] in _ADDRESSEES or norm[1:].removeprefix("ل") in _ADDRESSEES):
        return False  # «لمجلة كيكر», «لإحدى الصحف»: whom it was said to, not who said it
    for form in (first, first[:-2] if norm.endswith(("ين", "ون")) else ""):
        hit = cue_of(form)[1] if form else None
        if hit is not None and hit[0] == "part":
            return False  # «قائلا», «قائلين»: the participle, not its subject
    if (len(words) == 1 and len(norm) >= 5 and norm.endswith(("ها", "هم"))
            and norm not in _INDEFINITE):
        return False
    return name.count("(") == name.count(")")


@dataclass(frozen=True)
class _Window:
    """The tokens of one sentence outside quote marks, and the spans that hold direct speech."""

    toks: list[Tok]
    first: int  # first token of the sentence
    last: int  # one past its last token
    speech: Sequence[tuple[int, int]]
    quoted: frozenset[int] = frozenset()  # tokens inside quote marks mid-sentence: never cues


def _well_paired(para: str, a: int, b: int) -> bool:
    """The marks around para[a:b] open and close it as written (guillemets always do).

    A straight quote the writer forgot to close («بأنه "هتلر …، وقال إنه "يريد …"») pairs the
    wrong marks: the span's closing mark then stands before a word, or its opening mark after
    one, and the words between are the writer's.
    """
    if not para or a == 0 or para[a - 1] == "«":
        return True
    opens_wrong = a < len(para) and para[a].isspace() and a >= 2 and not para[a - 2].isspace()
    closes_wrong = (0 < b < len(para) - 1 and para[b - 1].isspace()
                    and para[b + 1].isalnum())
    return not (opens_wrong or closes_wrong)


def _in_marks(t: Tok, spans: Sequence[tuple[int, int]]) -> bool:
    """The word is inside quote marks, after their first word.

    The first word glued to the opening mark may still be a cue: in «أن غوتيريس "يدين بشدة …"»
    the quoted verb is what the subject before it said.
    """
    return any(a <= t.start < b for a, b in spans)


@dataclass(frozen=True)
class _Head:
    """The word that may be a cue, read at its token: what kind of cue and what precedes it."""

    norm: str
    kind: str  # 'verb' | 'part' | 'prep'
    gender: str
    prev: str  # the folded word before it in the sentence ("" at its start)


def find_cues(para: str, toks: list[Tok], sent: tuple[int, int],
              speakers: Speakers, spans: Sequence[tuple[int, int]] = (),
              speech: Sequence[tuple[int, int]] = ()) -> list[Cue]:
    """Speech cues of one sentence, in order, with their speakers resolved.

    Args:
        para: the paragraph.
        toks: its tokens (digests.speakers.tokens).
        sent: the sentence's (start, end) character span.
        speakers: the article's named speakers so far; cues that name one add it.
        spans: every quote-mark span of the paragraph (words inside are not cues).
        speech: the spans that hold direct speech (quote marks right after a verb start speech).
    """
    w = _window(toks, sent, spans, speech, para)
    if w is None:
        return []
    cues: list[Cue] = []
    content_open = False  # inside someone's reported speech: nested verbs are theirs
    k = w.first
    while k < w.last:
        cue, k = _cue_at(w, k, content_open, cues, speakers)
        if cue is not None:
            cues.append(cue)
            content_open = content_open or cue.content_start is not None
    return cues


def _window(toks: list[Tok], sent: tuple[int, int], spans: Sequence[tuple[int, int]],
            speech: Sequence[tuple[int, int]], para: str = "") -> _Window | None:
    """The sentence's tokens as a window; None when every word of it is inside quote marks."""
    s0, s1 = sent
    inside = [k for k, t in enumerate(toks) if t.start >= s0 and t.end <= s1]
    here = [sp for sp in spans if sp[0] < s1 and sp[1] > s0]
    paired = [sp for sp in here if _well_paired(para, *sp)]
    quoted = frozenset(k for k in inside if _in_marks(toks[k], paired)) if paired else frozenset()
    idx = [k for k in inside if not any(a <= toks[k].start < b for a, b in here)]
    if not idx:
        return None
    return _Window(toks, idx[0], idx[-1] + 1, speech, quoted)


def _cue_at(w: _Window, k: int, content_open: bool, cues: Sequence[Cue],
            speakers: Speakers) -> tuple[Cue | None, int]:
    """The cue at token `k` (None: no cue there) and the token to read next.

    Only a cue that is kept touches `speakers`: every test that can reject the word comes first.
    """
    skip = None, k + 1
    if k in w.quoted:
        # «وقال: "… وذكرت التقارير أن …"»: a verb quoted mid-sentence is the quoted voice's
        # words; the enclosing direct quote is the statement.
        return skip
    if not content_open:
        noun = _verbal_noun_cue(w, k, speakers)
        if noun is not None:
            return noun, max(k + 1, noun.end_tok)
    head = _head(w, k)
    if head is None or anonymity(w.toks, k, w.last):
        return skip  # «رفض كشف هويته»: asking not to be named says nothing
    found = _written_speaker(w.toks, k, w.first, w.last, head.kind, head.prev, content_open, cues)
    if found is None:
        return skip
    speaker, j = found
    relayed = next((_RELAYED_PRONOUNS[w.toks[m].norm] for m in range(k + 1, j)
                    if w.toks[m].norm in _RELAYED_PRONOUNS), None)
    if not speaker and relayed is not None and head.norm in _RELAY_VERBS:
        head = replace(head, gender=relayed)  # «ونقلت الوكالة عنه»: the last «he» speaks
    if k + 1 < w.last and w.toks[k + 1].norm in _ABOVE:
        speaker = ""  # «وكتب فوقها»: the caption's author is the one who published it
    content_start = _speech_start(w, k, j, head, speaker)
    speaker = _summed_subject(head.norm, speaker)
    if _reports_no_statement(w, k, head.norm, content_start):
        return skip
    speaker = _refused_subject(head.norm, speaker)
    if content_start is not None and any(c.content_start == content_start for c in cues):
        # Two cues before one «إن»: the speech is the first one's («قالت X، التي تبلغ …، إن»).
        return None, max(k + 1, j)
    if not speaker and head.kind == "verb":
        unwritten = _unwritten_speaker(w.toks, k, w.first, w.last, head.prev, content_start,
                                       content_open)
        if unwritten is None:
            return skip
        speaker = unwritten
    if speaker and not plausible_speaker(speaker):
        speaker = ""  # a misread clause: better the clause's or the last named speaker
    speaker, named = _resolved_speaker(speaker, head, content_start, cues, speakers)
    counter = head.norm in COUNTER_CUES or any(
        w.toks[m].norm in COUNTER_CUES for m in range(max(w.first, k - 3), k))
    return Cue(tok=k, kind=head.kind, gender=head.gender, speaker=speaker,
               content_start=content_start, counter=counter, named=named, end_tok=j), max(k + 1, j)


def _verbal_noun_cue(w: _Window, k: int, speakers: Speakers) -> Cue | None:
    """«وإعلان الوزير أن …», «تحذير المنظمة من أن …»: a verbal noun, its subject, its clause.

    Gold rule: a masdar with a clause is speech. Only a subject written after the noun counts
    (a glued pronoun, «تحذيرها», guesses its referent too often), and the clause must follow
    that subject at once.
    """
    toks, last = w.toks, w.last
    if toks[k].norm not in _VERBAL_NOUN_FORMS:
        return None
    speaker, j = subject(toks, k + 1, last)
    if not speaker or not plausible_speaker(speaker) or not _voice_like(speaker):
        return None
    m = j + 1 if j < last and toks[j].norm in ("من", "علي", "الي") else j
    if not (m < last and is_complementizer(toks[m].norm) and toks[m].norm[:1] in "اب"):
        return None
    speakers.add(speaker, "m")
    return Cue(tok=k, kind="verb", gender="m", speaker=speaker, content_start=toks[m].end,
               counter=False, named=True, end_tok=m + 1)


def _voice_like(speaker: str) -> bool:
    """A subject that can be a voice: not a figure, a state («حالة الطوارئ»), a prepositional
    phrase («لرئيس المجلس …»), nor a clause run on («كيسليوف ضد بريطانيا», «… مفادها»)."""
    words = [fold(x) for x in speaker.split()]
    return (not words[0].isdigit() and words[0][:1] != "ل" and words[0] != "حاله"
            and not any(x in _NOT_IN_A_NAME or x.startswith("و") and (
                x[1:] in _VERBAL_NOUNS or x[1:].removesuffix("ها") in _VERBAL_NOUNS
                or x[1:].removesuffix("ه") in _VERBAL_NOUNS) for x in words))


def _head(w: _Window, k: int) -> _Head | None:
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
    if (hit is None and norm not in ATTRIBUTION_PREPS) or host_noun(t.raw, hit):
        return None
    kind, gender = hit if hit else ("prep", "m")
    prev = toks[k - 1].norm if k > w.first else ""
    after_ma = prev in _AFTER_MA
    if kind == "verb" and after_ma:
        kind = "prep"  # «بحسب ما أعلنت الوزارة»: an attribution, not speech
    if _not_speech(toks, k, last, norm, prev, after_ma):
        return None
    return _Head(norm=norm, kind=kind, gender=gender, prev=prev)


def _speech_start(w: _Window, k: int, j: int, head: _Head, speaker: str) -> int | None:
    """Where the cue's speech starts; an attribution («بحسب X») introduces none."""
    if head.kind == "prep":
        return None
    start = marked_start(w.toks, k, j, w.last, head.prev, w.speech)
    if (start is None and head.kind == "verb" and speaker
            and strip_conj(head.norm) in SAY):
        # Only a verb of saying with its subject written lets a comma stand for «:».
        start = comma_start(w.toks, j, w.last)
    return start


def _summed_subject(norm: str, speaker: str) -> str:
    """After «لخص» the object follows a one-word subject at once: keep only the subject.

    «ولخّص الفيديو الحرب السورية …:», «ولخص أحدهم الموقف قائلا».
    """
    if strip_conj(norm) not in _SUMMED or len(speaker.split()) <= 1:
        return speaker
    one, two = speaker.split()[:2]
    if (fold(one).startswith("ال") or fold(one).endswith("هم")) and fold(two).startswith("ال"):
        return one
    return speaker


def _reports_no_statement(w: _Window, k: int, norm: str, content_start: int | None) -> bool:
    """True for «رفض» with a clause (what was refused) and «تضمن» whose clause is not speech."""
    if strip_conj(norm) in _REFUSE:
        # «رفض الكرملين إشارات بأنه …» reports what was refused, not a statement.
        return content_start is not None
    if strip_conj(norm) not in _CONTAIN:
        return False
    # «وتضمن بيان للمتحدث … الأحد أن …» is speech; «تضمنت التهم تلقي "…"» and «تضمن للأندية
    # حقها، أي أن» are not: the complementizer must close the verb's clause.
    toks = w.toks
    return content_start is None or not any(
        toks[m].end == content_start and is_complementizer(toks[m].norm)
        and not any(toks[x].raw[-1] in "،,\"“”«»" for x in range(k, m))
        for m in range(k + 1, min(w.last, k + 10)))


def _refused_subject(norm: str, speaker: str) -> str:
    """After «رفض» the object follows the subject at once: cut it at a possessed noun.

    «رفضت إليسا مصافحتها قائلة "…"» names who speaks next, and «مصافحتها» is the object.
    """
    if strip_conj(norm) not in _REFUSE:
        return speaker
    names = speaker.split()
    cut = next((n for n in range(1, len(names)) if len(fold(names[n])) >= 5
                and fold(names[n]).endswith(("ها", "هم", "هما"))), len(names))
    return " ".join(names[:cut])


def _resolved_speaker(speaker: str, head: _Head, content_start: int | None,
                      cues: Sequence[Cue], speakers: Speakers) -> tuple[str, bool]:
    """The cue's speaker and whether it is written here; records a named speaker in `speakers`.

    A cue without a written speaker takes its clause's (a participle) or the last named one.
    """
    if speaker:
        # An attribution («بحسب X») or an ambiguous verb without speech names no speaker
        # that a later «وأضاف» could mean.
        if head.kind != "prep" and (content_start is not None or head.norm not in AMBIGUOUS):
            speakers.add(speaker, head.gender)
        return speaker, True
    # A participle's subject is its clause's: «رد مكابي على طرده مشيرا إلى أن …» is
    # McCabe speaking even when someone else spoke last.
    earlier = next((c.speaker for c in reversed(cues) if c.named and c.speaker), "")
    speaker = earlier if head.kind == "part" and earlier else speakers.last(head.gender)
    if head.kind == "part" and earlier and content_start is not None and (
            not speakers.seen or speakers.seen[-1][0] != earlier):
        # «هاجم X … قائلا إن …»: the stance verb named X; what X said makes X the one a
        # later «وتابع» or «حيث قال:» means.
        speakers.add(earlier, head.gender)
    return speaker, False


def _not_speech(toks: list[Tok], k: int, last: int, norm: str, prev: str, after_ma: bool) -> bool:
    """«ويذكر أن» (a filler), «لا يزعمون أن» (denied speech), «يبدو أن» (a hedge), «وصفه» (a noun)."""
    hedge = strip_conj(norm) in HEDGES and k + 1 < last and is_complementizer(toks[k + 1].norm)
    return (norm in FILLERS or prev in NEGATIONS or prev in IMPERSONAL or hedge or prev == "مما"
            or (not after_ma and (norm in AFTER_MA_ONLY or norm[1:] in AFTER_MA_ONLY)))


def _written_speaker(toks: list[Tok], k: int, first: int, last: int, kind: str, prev: str,
                     content_open: bool, cues: Sequence[Cue]) -> tuple[str, int] | None:
    """The speaker written at the cue (or "") and the first token after it; None: no cue here."""
    t = toks[k]
    norm = cue_of(t.raw)[0]
    speaker = ""
    j = k + 1
    coordinated = (kind == "verb" and t.norm.startswith("و") and k > first
                   and any(c.named for c in cues))
    if kind == "verb" and not content_open and not coordinated and not t.raw.endswith(":"):
        speaker, j = subject(toks, k + 1, last)
        if norm in _RELAY_VERBS:
            # «ونقلت الوكالة عن المتحدث X قوله …»: the speaker follows «عن».
            for m in range(k + 1, min(last, k + 8)):
                if toks[m].norm == "عن":
                    speaker, j = subject(toks, m + 1, last)
                    break
                if toks[m].norm in _RELAYED_PRONOUNS:
                    # «ونقلت الوكالة عنه قوله»: the one relayed was named before.
                    speaker, j = "", m + 1
                    break
        elif j + 1 < last and toks[j].norm in RELAYING and toks[j + 1].norm == "عن":
            # «قالت الوكالة نقلا عن مصدر حكومي إن …»: the source relayed is the speaker.
            speaker, j = subject(toks, j + 2, last)
        if norm in _DESCRIBE and not (speaker and toks[j - 1].raw[-1] in "،,"):
            # «ووصف بولتون التدخل الروسي بأنه …»: subject and object run together after «وصف»;
            # only a subject set off by a comma («ووصف الرئيس، …، الهجوم») is trusted.
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
        speaker, j = subject(toks, k + 1, last)
    return speaker, j


def _unwritten_speaker(toks: list[Tok], k: int, first: int, last: int, prev: str,
                       content_start: int | None, content_open: bool) -> str | None:
    """A verb's speaker written elsewhere than after it ("" when none); None: not a cue at all."""
    t = toks[k]
    if k + 1 < last and (toks[k + 1].norm in IN_WHICH
                         or (strip_conj(t.norm) in ("كتب", "كتبت") and toks[k + 1].norm in _ABOVE)):
        # «نشر نيمار تغريدة قال فيها: …», «أصدرت الشركة بيانا تقول فيه إنها …», also after an
        # opening phrase («وبعد الإعلان عن طرده، نشر ترامب تغريدة قال فيها»).
        pub = next((m for m in range(k - 1, first - 1, -1)
                    if strip_conj(toks[m].norm) in PUBLISHING), None)
        if pub is not None:
            return subject(toks, pub + 1, k)[0]
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
    if (not content_open and not t.norm.startswith(("و", "ف"))
            and not (k + 1 < last and toks[k + 1].norm in IN_WHICH)):
        # An SVO main clause (never before «وقال»: a conjunction opens a new clause): «ويذكر أن
        # شركة X أعلنت أن …», «وكانت الوزارة قد أعلنت أن …». («كان له تصريح آخر، قال فيه:»
        # names the statement's author, not the word before.)
        return speaker_before(toks, k, first, max_words=6)
    return ""


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
