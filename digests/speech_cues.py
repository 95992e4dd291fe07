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

Words inside quote marks are speech, not cues (digests.cue_window). Whether a word is a cue,
and of what kind, is read by digests.cue_heads; the speaker as written by digests.cue_speakers;
where the speech starts by digests.speech_start. Pure functions of tokens
(digests.speakers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from digests.cue_speakers import written_speaker
from digests.cue_window import Window, cue_window
from digests.describer_subjects import (
    REFUSE,
    describer_only,
    refused_subject,
    refuser,
    summed_subject,
)
from digests.relayed_speakers import RELAY_VERBS, RELAYED_PRONOUNS
from digests.speaker_checks import (
    bare_medium,
    colon_cut,
    conjunction_cut,
    describing_verb_cut,
    no_voice,
    nominative,
    object_cut,
    plausible_speaker,
    plural_verb_object,
    tail_cut,
)
from digests.cue_referents import made_by, seen_head, the_one
from digests.fronted_titles import fronted_title
from digests.participle_subjects import (
    kana_present_subject,
    named_opener,
    participle_subject,
    purpose_subject,
    reported_asker,
    statement_owner,
)
from digests.sentence_openers import _HUMAN_HEADS as HUMAN_HEADS, sentence_opener
from digests.speaker_spans import plural_verb, singular_verb, writer_said
from digests.passive_subjects import (
    considered,
    considered_marks,
    considering_subject,
    written_thing,
)
from digests.speakers import Speakers, Tok, anonymity, subject
from digests.speech import (
    AMBIGUOUS,
    ATTRIBUTION_PREPS,
    COUNTER_CUES,
    DENIALS,
    DUALS,
    IN_WHICH,
    SAY,
    STOP,
    TRADES,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)
from digests.cue_heads import IF_WORDS, WHETHER_WORDS, Head, cue_head
# host_noun: importable here as before the cue word's reading moved to digests.cue_heads
from digests.speech_start import comma_start, host_noun, marked_start  # noqa: F401
from digests.unwritten_speakers import ABOVE, WHERE, interview_owner, unwritten_speaker

_CONTAIN = frozenset("تضمن تضمنت يتضمن تتضمن".split())
_BY_THAT = frozenset("بان بانه بانها بانهم".split())  # «بأن» and its forms (folded)
# Verbs of denouncing (folded): the «بأن» after their object is the object's claim.
_DENOUNCE = frozenset("استنكر استنكرت يستنكر تستنكر ندد نددت شجب شجبت ادان ادانت".split())
# Verbal nouns of speech that take a clause («إعلان X أن», «تحذيره من أن»), folded.
_VERBAL_NOUNS = frozenset(
    "اعلان تحذير تاكيد اصرار اتهام اتهامات ادعاء ادعاءات مزاعم زعم اعتراف اقرار تشديد".split())
_VERBAL_NOUN_FORMS = frozenset(p + n for p in ("", "و", "ب", "ل", "وب", "ول") for n in _VERBAL_NOUNS)
_NOT_IN_A_NAME = frozenset("ضد وسط مفاده مفادها القائله القائل".split())
_ACCUSED_THAT = frozenset("بانه بانها بانهم بانهما بانهن".split())  # folded


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
    attribution: bool = False  # «بحسب X», «وفقا لـX»: names a source, introduces no speech


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
    w = cue_window(toks, sent, spans, speech, para)
    if w is None:
        return []
    cues: list[Cue] = []  # once one opens speech, nested verbs are that voice's
    here = sentence_opener(w.toks, w.first, w.last) or _trade_opener(w.toks, w.first, w.last)
    openers = tuple(o for o in (here, speakers.opener) if o is not None)
    k = w.first
    while k < w.last:
        _gave_statement(w, k, speakers)
        made_by(w, k, speakers)
        hit = cue_of(w.toks[k].raw)[1]
        # A relative clause's cue of another gender describes a noun; a cue here is not its.
        seen = cues if hit is None else [c for c in cues if not (
            describes_noun(w.toks, c) and c.gender != hit[1])]
        cue, k = _cue_at(w, k, any(c.content_start is not None for c in seen), seen, speakers,
                         openers)
        if cue is not None:
            cues.append(cue)
    # The sentence's subject stays the one a bare cue of the next sentence means, unless a cue
    # here named someone else.
    speakers.opener = here if here is not None and not any(
        c.named and c.speaker and c.speaker != here[0] for c in cues) else None
    return cues


def describes_noun(toks: list[Tok], cue: Cue) -> bool:
    """A verb cue in a relative clause that names its speaker («صورة للطائرة التي تقول إسرائيل
    إنها أسقطتها»): it describes a noun of the sentence. A later cue of another gender (F30,
    seed 30, 648: «…، ووجه حديثه إلى ظريف، متسائلا:») is neither inside its speech nor spoken
    by its speaker; one of the same gender may be («صلاح الذي تحدثت عنه وسائل الإعلام، مشيدة
    …», «بيان الجيش الذي ذكر أن …، مؤكدا»)."""
    return (cue.kind == "verb" and cue.named and bool(cue.speaker) and cue.tok > 0
            and toks[cue.tok - 1].norm in ("التي", "الذي"))


_POSSESSED = ("ته", "تها", "تهم", "ها", "هم")


def _trade_opener(toks: list[Tok], first: int, last: int) -> tuple[str, frozenset[str]] | None:
    """«وتسلم الممثل جوردان بيل … جائزته.» then «وقال "…"» (QA25 E5, Jordan Peele's only quote
    was dropped for want of a speaker): the subject of a non-speech verb opening the sentence,
    headed by a trade (TRADES) and named, is the one a bare cue next means, as a title's is
    (digests.sentence_openers)."""
    if last - first < 3:
        return None
    verb = toks[first]
    stem = verb.norm[1:] if verb.norm[:1] in "وف" else ""
    if (not 3 <= len(stem) <= 6 or stem.startswith("ال") or stem in STOP
            or cue_of(verb.raw)[1] is not None or not verb.raw[-1].isalpha()):
        return None
    name, _ = subject(toks, first + 1, last)
    words = name.split()
    # «المخرجة سارة الخالدي جائزتها»: the object with its pronoun ends the name.
    words = words[:next((n for n, x in enumerate(words) if n > 0 and fold(x).endswith(
        _POSSESSED)), len(words))]
    name = " ".join(words)
    head = fold(words[0]).removeprefix("ال") if words else ""
    # A title's long subject ends in a name («وأسف الرئيس الكاتالوني السابق الفار كارلس
    # بيغديمونت الأحد …» then «وقال "…"», «وأضاف "…"»: sentence_openers stops at four words).
    long_title = (5 <= len(words) <= 7 and head in (TRADES | HUMAN_HEADS)
                  and not fold(words[-1]).startswith("ال"))
    if not (2 <= len(words) <= 4 and head in TRADES or long_title) or not (
            plausible_speaker(name)) or any(cue_of(t.raw)[1] is not None
                                            for t in toks[first + 1:last]):
        return None
    genders = frozenset("f") if stem.endswith("ت") and not stem.startswith("ت") else (
        frozenset("mf") if stem.startswith("ت") else frozenset("m"))
    return name, genders


# «وأدلى الوزير بتصريحه»: no speech verb, yet the one a later bare «وقال» means. Folded.
_GAVE = {"ادلي": "m", "وادلي": "m", "ادلت": "f", "وادلت": "f"}
_STATEMENTS = ("بتصريح", "بتصريحات", "بحديث", "ببيان", "بشهاد", "بافاد")


def _gave_statement(w: Window, k: int, speakers: Speakers) -> None:
    """Record X of «أدلى X بتصريح/بحديث/ببيان» as the last speaker (QA10: a «وقال» after
    «وأدلى وزير الإعلام بتصريحه» was given to the government named before)."""
    gender = _GAVE.get(w.toks[k].norm)
    if gender is None:
        return
    name, j = subject(w.toks, k + 1, w.last)
    if name and j < w.last and w.toks[j].norm.startswith(_STATEMENTS):
        speakers.add(name, gender)


def _cue_at(w: Window, k: int, content_open: bool, cues: Sequence[Cue],
            speakers: Speakers, openers: Sequence[tuple[str, frozenset[str]]] = ()
            ) -> tuple[Cue | None, int]:
    """The cue at token `k` (None: no cue there) and the token to read next.

    `openers`: the subject of a non-speech verb opening this sentence, then the one left by the
    sentence before (`sentence_opener`), which a bare cue of their gender means.

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
    head = cue_head(w, k)
    if head is None or anonymity(w.toks, k, w.last):
        return skip  # «رفض كشف هويته»: asking not to be named says nothing
    if _reminds(w, k):
        return skip  # «سوف تذكر الزعيم الكوري … بأن خياراتها …»: «ذكّر» (remind), QA59-50
    if _is_called(w, k):
        return skip  # «أصيب بمرض عصبي يدعى "التصلب الجانبي"»: a name, nobody's claim
    if _no_one_speaks(w, k):
        return skip  # «فتأكد أنك», «وُصف بأنه», «يرى فيه», «أفاد به» (QA59-7, -8, -30, -39)
    found = written_speaker(w.toks, k, w.first, w.last, head.kind, head.prev, content_open,
                            any(c.named for c in cues))
    if found is None:
        return skip
    speaker, j = found
    if written_thing(head.norm, speaker):
        return skip  # «وكتبت أسماء بعض هؤلاء على قطع من القماش» (F33): names were written
    relayed = next((RELAYED_PRONOUNS[w.toks[m].norm] for m in range(k + 1, j)
                    if w.toks[m].norm in RELAYED_PRONOUNS), None)
    if not speaker and relayed is not None and head.norm in RELAY_VERBS:
        head = replace(head, gender=relayed)  # «ونقلت الوكالة عنه»: the last «he» speaks
    if k + 1 < w.last and w.toks[k + 1].norm in ABOVE:
        speaker = ""  # «وكتب فوقها»: the caption's author is the one who published it
    content_start = _speech_start(w, k, j, head, speaker)
    if content_start is None and considered(head.norm, speaker, w.toks, j, w.last):
        return skip  # «يعتبر مطار مدريد أكثر المطارات ازدحاما، …» (F33): «is considered»
    if considered_marks(w.toks[k].norm, speaker, w.toks, k, w.first):
        return skip  # «…، تعتبر "الأقسى التي تفرض على بلد"» (F44): «which are considered»
    if content_start is not None and any(
            w.toks[m].norm in IF_WORDS and w.toks[m - 1].norm not in WHETHER_WORDS
            for m in range(k + 1, w.last) if w.toks[m].end < content_start):
        return skip  # «تحدث إلى الصيدلي …، إذا اعتقدت أن …» (seed 21, 6618): the condition's «أن»
    speaker = summed_subject(head.norm, speaker)
    if (strip_conj(head.norm) in REFUSE and content_start is not None and speaker
            and k == w.first and w.toks[k].norm[:1] in "وف"):
        # «ورفض منوتشين الانتقادات … بأنه …. وأضاف أن … وقال "…"» (QA59-42): what he refused
        # is no statement of his, but he is the one the bare cues after it mean (not Trump,
        # named last inside another's clause).
        refusing = refuser(speaker)
        if refusing and plausible_speaker(refusing):
            speakers.add(refusing, head.gender)
    if _reports_no_statement(w, k, head.norm, content_start) or writer_said(
            w.toks, k, content_start):
        # «تحدث قادة المجتمع المدني …، إذ قلت لأحدهم إن …» (QA25 E1): the writer's «قلتُ» owns
        # the clause, not the subject of «تحدث»
        return skip
    speaker = refused_subject(head.norm, speaker)
    speaker = tail_cut(head.norm, describing_verb_cut(object_cut(head.norm, speaker)))
    speaker = considering_subject(head.norm, speaker, w.toks, j)
    if speaker and k + 1 < w.last and w.toks[k + 1].raw.startswith(speaker.split()[0]):
        speaker = plural_verb_object(head.norm, speaker)
    if content_start is not None and any(c.content_start == content_start for c in cues):
        # Two cues before one «إن»: the speech is the first one's («قالت X، التي تبلغ …، إن»).
        return None, max(k + 1, j)
    if (not speaker and head.kind == "verb" and content_open and k + 1 < w.last
            and w.toks[k + 1].norm in IN_WHICH and w.toks[k - 1].raw.endswith(("،", ","))):
        # «…، فلاديمير بوتين، قال فيها …» inside a reported clause (QA19 N1): the subject of
        # «قال فيها» is not written there; the clause ends, and nobody is credited (marks after
        # it stay with the voice of the clause: «… إن آخر رسالة تلقوها منه، قال فيها: "…"»).
        return Cue(tok=k, kind=head.kind, gender=head.gender, speaker="",
                   content_start=content_start, counter=False, named=False,
                   end_tok=j), max(k + 1, j)
    if not speaker and head.kind == "verb" and not content_open and head.prev in WHERE and (
            given := interview_owner(w.toks, k, w.first)):
        # «جاء ذلك في مقابلة لكلابر مع CNN حيث قال:» (F44): X answers; the fuller form of
        # the name named before («جيمس كلابر»), as a bare cue's fallback would give
        speaker = _fuller(given, speakers)
    if not speaker and head.kind == "verb":
        unwritten = unwritten_speaker(w.toks, k, w.first, w.last, head.prev, content_start,
                                       content_open)
        if unwritten is None:
            return skip
        speaker = unwritten
    if strip_conj(head.norm) in DUALS and (content_open or (
            not speaker or fold(speaker.split()[-1]).endswith("هما")) and not (
                w.toks[k].raw.endswith(":") or (
                    k + 1 < w.last and w.toks[k + 1].raw[:1] in "\"“«"))):
        # «أن الصحافيين، …، قالا إنهما …», «بأن المبعوثين أكدا أن …» inside someone's clause
        # stay that voice's (tests/test_quotes F13); «وقالا كلمتهما» (their word) names
        # nobody: two voices are written at their verb (K15); only «وأضافا: "…"» goes on
        # with the voices just named.
        return skip
    opener = ""
    if not speaker and head.kind == "part":
        # «…، ليعلق بعدها وزير الدفاع، جيمس ماتيس، قائلا:»: the subject of the purpose verb
        # right before the participle speaks, whoever a cue named earlier (QA19 N1).
        opener = speaker = (purpose_subject(w.toks, k, w.first, head.gender)
                            or reported_asker(w.toks, k, w.first, head.gender))
        if speaker and content_start is not None:
            speakers.add(speaker, head.gender)
    if (not speaker and head.kind == "part" and not content_open
            and not any(c.named and c.speaker for c in cues)):
        # «ونعتها الوزارة قائلة:»: the subject of the verb that opens the sentence speaks. It
        # is not recorded as the last speaker: the verb is no speech verb, and a later bare cue
        # («يتوقعون أن …») should not fall back on it.
        opener = speaker = (participle_subject(w.toks, k, w.first)
                            or kana_present_subject(w.toks, k, w.first, head.gender)
                            or statement_owner(w.toks, k, w.first)
                            or named_opener(w.toks, k, w.first, head.gender)
                            or fronted_title(w.toks, k, w.first, head.gender))
        if speaker and content_start is not None and speaker == named_opener(
                w.toks, k, w.first, head.gender):
            # «وأبدى توفيق سعادته …، معتبراً أنه …»: a name who speaks here is the one a later
            # «وكشف أنه» means (seed 21, 518), as a name read at a speech verb would be.
            speakers.add(speaker, head.gender)
        if not speaker and openers and openers[0] is not None and head.gender in openers[0][1] \
                and w.toks[w.first].start <= w.toks[k].start:
            # «وتقدم كاراغر (40 عاما) باعتذار …، قائلا إن …»: the name that opens the sentence
            # (it is recorded when speech follows: a later «وأضاف» means him, QA11 3815).
            opener = speaker = _fuller(openers[0][0], speakers)
            if content_start is not None:
                speakers.add(speaker, head.gender)
    # «إلا أن #أمن_عدن أكد»: a hashtag written before the verb reads as words (QA11 5681).
    speaker = conjunction_cut(colon_cut(nominative(speaker)).replace("_", " ").replace("#", "")
                              .strip())
    speaker = _GLUED_COMMA_RE.sub("", speaker)
    speaker = _CALLED_RE.sub("", speaker)
    speaker = the_one(_another(speaker, speakers), speakers)
    if speaker and (bare_medium(speaker) or no_voice(speaker)):
        # «وقالت شبكة (…) إن»: a medium whose name was not read; nobody else said it.
        return Cue(tok=k, kind=head.kind, gender=head.gender, speaker="",
                   content_start=content_start, counter=False, named=True,
                   end_tok=j), max(k + 1, j)
    if speaker and not plausible_speaker(speaker):
        speaker = ""  # a misread clause: better the clause's or the last named speaker
    fit = None
    if (not speaker and head.kind == "verb" and not content_open
            and not any(c.named and c.speaker for c in cues) and _bare(w, k)):
        fit = next((o for o in openers if head.gender in o[1]), None)
    if fit is not None:
        # «وتتعامل ميليسا برونتي، محاضرة …» then «وتقول:»: the subject just named speaks.
        speaker, named = seen_head(_fuller(fit[0], speakers), speakers), False
        speakers.add(speaker, head.gender)
    elif describer_only(w.toks, k, w.last, speaker):
        # «ووصف برلسكوني وجود المهاجرين … بأنهم "…"» (seed 21, 2833): the name is shown, but
        # neither remembered for a later bare cue nor ranked as written here (F18: only the name
        # a reader sees changes; the article is read as before, and a description that had
        # no speaker to fall back on makes no line now either).
        named = False
        if not speakers.seen:  # (any gender: the name shown is the describer's own)
            speaker = ""
    else:
        speaker, named = ((speaker, True) if opener and speaker == opener
                          else _resolved_speaker(speaker, head, content_start, cues, speakers,
                                                 relative=k > 0 and w.toks[k - 1].norm in (
                                                     "التي", "الذي", "والتي", "والذي")))
    # «ونفى»: the «و» is stripped before the lookup (a denial after a statement is a
    # counter-voice whatever conjunction joins it; other verbs keep F7's reading).
    counter = head.norm in COUNTER_CUES or strip_conj(head.norm) in DENIALS or any(
        w.toks[m].norm in COUNTER_CUES for m in range(max(w.first, k - 3), k))
    return Cue(tok=k, kind=head.kind, gender=head.gender, speaker=speaker,
               content_start=content_start, counter=counter, named=named, end_tok=j,
               attribution=head.norm in ATTRIBUTION_PREPS), max(k + 1, j)


# «ذكر» in the future (folded), and the «بأن» forms: «سوف تذكر X بأن …» is «تُذكّر» (reminds).
_MENTION_FORMS = frozenset("تذكر يذكر ستذكر سيذكر".split())
_FUTURE = frozenset("سوف لن".split())


# «يُدعى/تُدعى» (is called), written as «يدّعي» (claims) is without its marks. Folded.
_CALLED = frozenset("يدعي تدعي".split())


def _is_called(w: Window, k: int) -> bool:
    """«أصيب بمرض عصبي يدعى "التصلب الجانبي"» (F42, seed 38, 4212: «أصيب بمرض عصبي» was then
    the speaker a later bare «قال» fell back on): a present «يدعى» right before quote marks
    names a thing; a claim («يدعي أن …») takes its clause. Written with «ى» before a word that
    opens no clause, it names a man: «رجل يدعى #أشعب_بن_جبير، تذهب بعض الروايات إلى أنه …»
    (F43, seed 39, 3654: «بحسب أشعب بن جبير، فإنه ولد سنة 9 هجرية» — the accounts' words about
    him, read as his own claim)."""
    toks = w.toks
    if not (strip_conj(toks[k].norm) in _CALLED and k + 1 < w.last):
        return False
    if toks[k + 1].raw[:1] in "\"“«":
        return True
    if not toks[k].raw.endswith("ى") or toks[k].raw.startswith("و") or any(
            cue_of(toks[m].raw)[1] is not None for m in range(w.first, k)):
        # («أحد الناجين، ويدعى X، أخبر الحاضرين أن …»: «ويدعى» set off names the subject,
        # whose verb follows; read as before)
        # («وقال المسلح، ويدعى X (26 عاما)، إنه …»: after a verb of saying the name set off
        # is its speaker's, and the old reading stays)
        return False
    # the name closed by its comma before any clause («يدعى X، تذهب …»); «التي تدعى فلورار لو
    # إن …» (F14) keeps the name's «إن»
    for m in range(k + 1, min(w.last, k + 6)):
        if is_complementizer(toks[m].norm) or cue_of(toks[m].raw)[1] is not None:
            return False
        if toks[m].raw.endswith(("،", ",")):
            return True
    return False


def _reminds(w: Window, k: int) -> bool:
    """«لكن الولايات المتحدة سوف تذكر الزعيم الكوري الشمالي، كيم جونغ أون، بأن خياراتها
    العسكرية لم تبرح الطاولة» (QA59-50: shown «بحسب … كيم جونغ أون، خياراتها العسكرية …»):
    «ذكر» in the future with a noun, then «بأن», reminds the noun of the clause — the noun
    is whom the subject told, and no one's statement is read here. («بينما تذكر الدعوى بأن
    …», mentions, is not in the future.)"""
    toks = w.toks
    norm = toks[k].norm
    if norm not in _MENTION_FORMS or not (norm.startswith("س") or (
            k > w.first and toks[k - 1].norm in _FUTURE)):
        return False
    return k + 1 < w.last and not is_complementizer(toks[k + 1].norm) and any(
        toks[m].norm in _BY_THAT for m in range(k + 2, min(w.last, k + 10)))


# «فتأكد أنك …» (folded): the imperative «make sure», the writer telling the reader.
_MAKE_SURE = frozenset("تاكد فتاكد وتاكد تاكدي فتاكدي تاكدوا فتاكدوا".split())
_YOU_THAT = frozenset("انك انكم انكي بانك بانكم".split())
# «يرى فيه المتسبب الأول» (folded): what one sees in it, no subject after «فيه».
_SEE = frozenset("يري تري رأي راي رات رات يرون".split())
# «خبراً أفاد به بوصول …»: «به» takes the verb back to the news item (folded).
_OF_IT = frozenset("به بها".split())


def _no_one_speaks(w: Window, k: int) -> bool:
    """Verbs read as cues where nobody's speech is written (QA59):

    * «فتأكد أنك غير مصاب …» (-7): the writer's «make sure you …» to the reader;
    * «وتقدم بعرض وُصف بأنه "خرافي"» (-8): the passive «وُصف» describing the noun before it
      (no «و», no comma, the clause at once);
    * «الاتحاد الأوروبي الذي يرى فيه المتسبب الأول …» (-30): what he sees in it is the
      object, not a subject a later «وعد» could mean;
    * «خبراً عاجلاً أفاد به بوصول …» (-39): «أفاد به» describes the news item; «بوصول» is
      what it told, not its speaker.
    """
    toks = w.toks
    norm = toks[k].norm
    nxt = toks[k + 1].norm if k + 1 < w.last else ""
    if norm in _MAKE_SURE and nxt in _YOU_THAT:
        return True
    if strip_conj(norm) in ("اعلم", "اعلمت"):
        # «أعلم» informs only with its object and «أن» after it («الحمد الله أعلم خلال لقاء
        # … عددا من رجال الأعمال … أن "…"», F41): «الله أعلم», «لا أعلم», «أعلم أن» (I know)
        # and «أعلم» without a clause are no speech
        prev = toks[k - 1].norm if k > w.first else ""
        if prev == "الله" and k - 2 >= w.first and toks[k - 2].norm in _ALLAH_NAMES:
            prev = ""  # «الحمد الله», «عبد الله», «نصر الله»: a name, its bearer informs
        that = next((m for m in range(k + 2, min(w.last, k + 25))
                     if toks[m].norm in ("ان", "بان")), None)
        return (prev in _NOT_INFORMING or is_complementizer(nxt) or that is None
                or toks[k + 1].raw.rstrip("،,").endswith(("اً", "ًا"))  # «أعلم جيداً أن» (I know)
                or nxt in ("جيدا", "تماما", "يقينا")
                or any(toks[m].raw[-1] in ".:؛" or cue_of(toks[m].raw)[1] is not None
                       for m in range(k + 1, that)))
    if (norm in ("وصف", "وصفت") and k > w.first
            and toks[k - 1].raw[-1] not in "،,.:؛\"”»" and nxt in _ACCUSED_THAT
            and toks[k - 1].norm not in ("الذي", "التي", "ما", "قد", "ان")):
        return True
    if strip_conj(norm) in _SEE and nxt in ("فيه", "فيها", "فيهم") and not any(
            is_complementizer(toks[m].norm) for m in range(k + 2, min(w.last, k + 9))):
        return True  # («في وقت ترى فيه المعارضة أن …»: «فيه» is when; the subject speaks)
    if (strip_conj(norm) == "يعتبر" and k + 1 < w.last
            and (toks[k + 1].raw.endswith("اً") or (nxt.endswith("يا") and len(nxt) >= 5))):
        return True  # «يعتبر طبيعيا ومبررا له، فتأكد أنك …» (-7): «is considered natural»
    return nxt in _OF_IT and k > w.first and toks[k - 1].raw[-1] not in "،,.:؛" \
        and k + 2 < w.last and toks[k + 2].norm[:1] == "ب" \
        and not is_complementizer(toks[k + 2].norm)


# Words before «أعلم» that make it «(God) knows best» or «I (do not) know». Folded.
_NOT_INFORMING = frozenset("الله والله لا ولا ما انا وانا لست لسنا".split())
_ALLAH_NAMES = frozenset("الحمد عبد نصر فضل جار حزب خير عطا".split())  # folded
# «سيرغي لافروف،الاثنين» (QA59-31): a comma the site glued between two words ends the name.
_GLUED_COMMA_RE = re.compile(r"(?<=\w)[،,](?=\w).*$")
# «تصريحات لمن سمتهم مراقبين يقولون إن» (QA59-23): the paper's «those it called»; the speakers
# are the ones named after it.
_CALLED_RE = re.compile(r"^لمن (?:سمتهم|سماهم|وصفتهم|وصفهم|تسميهم|يسميهم|اسمتهم|أسمتهم) (?=\S)")


def _another(speaker: str, speakers: Speakers) -> str:
    """«وصرح مسؤول أميركي أن …، في حين قال آخر إنه …»: «آخر» alone is «another» of the head
    named last («مسؤول آخر»), which «بحسب آخر» does not say (QA13 5422); else `speaker`."""
    if fold(speaker) != "اخر" or not speakers.seen:
        return speaker
    head = speakers.seen[-1][0].split()[0]
    if fold(head) not in _ONE_OF_MANY:
        return speaker  # «أحد المستخدمين», «وسائل إعلام»: no head «آخر» can borrow
    return f"{head} {speaker}"


# Indefinite heads of one person among many («مسؤول أميركي», «مصدر أمني»), which «آخر» alone
# refers back to. Folded.
_ONE_OF_MANY = frozenset(
    "مسؤول مصدر مستخدم مغرد متحدث دبلوماسي ضابط شاهد مواطن ناشط خبير محلل قيادي لاعب مشجع"
    " معلق نائب مسعف طبيب صحفي صحافي موظف جندي عضو باحث محام محامي".split())


_PRONOUN_LEADS = frozenset("انه انها لكنه لكنها ولكنه ولكنها وهو وهي".split())


def _bare(w: Window, k: int) -> bool:
    """The cue at `k` opens its sentence or a clause («وتقول:», «…، إلا أنها أكدت») with no
    subject written before it («لكن مراسل "العربية" أفاد» names its own)."""
    return (k == w.first or w.toks[k].norm[:1] in "وف"
            or (k > w.first and w.toks[k - 1].norm in _PRONOUN_LEADS))


def _fuller(name: str, speakers: Speakers) -> str:
    """The fuller form of `name` named before («المدرب» → «المدرب سامي نور», «كاراغر» →
    «جيمي كاراغر»), else `name`."""
    return next((n for n, _ in reversed(speakers.seen)
                 if n.startswith(name + " ") or n.endswith(" " + name)), name)


def _verbal_noun_cue(w: Window, k: int, speakers: Speakers) -> Cue | None:
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
    if (m == j and toks[m].norm in _ACCUSED_THAT
            and strip_conj(toks[k].norm).lstrip("بل") in ("اتهام", "اتهامات")):
        # «والرد على اتهام الحكومة بأنها "غائبة"» (F31): the genitive of «اتهام» before
        # «بأنها» is the one accused, not the accuser («اتهامات واشنطن بأن موسكو …»).
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


def _speech_start(w: Window, k: int, j: int, head: Head, speaker: str) -> int | None:
    """Where the cue's speech starts; an attribution («بحسب X») introduces none."""
    if head.kind == "prep":
        return None
    if (head.kind != "prep" and speaker and j + 2 < w.last and w.toks[j].norm == "علي"
            and w.toks[j + 1].norm == "كون" and w.toks[j + 1].raw[-1].isalpha()):
        # «شدد شاكر على كون هناك ألفاظ …» (seed 28, 2561; F27's left): «على كون» ("on the
        # fact that") opens the clause as «على أن» does; a later «أن» inside it does not
        return w.toks[j + 1].end
    start = marked_start(w.toks, k, j, w.last, head.prev, w.speech)
    if (start is None and head.kind == "verb" and speaker
            and strip_conj(head.norm) in SAY):
        # Only a verb of saying with its subject written lets a comma stand for «:».
        start = comma_start(w.toks, j, w.last, k)
    return start


def _reports_no_statement(w: Window, k: int, norm: str, content_start: int | None) -> bool:
    """True for «رفض» with a clause (what was refused) and «تضمن» whose clause is not speech."""
    if strip_conj(norm) in REFUSE:
        # «رفض الكرملين إشارات بأنه …» reports what was refused, not a statement.
        return content_start is not None
    if strip_conj(norm) in _DENOUNCE and content_start is not None:
        # «واستنكر محاولة وسائل إعلامية التسويق بأن هذه المنظمة ماليزية …» (QA59-14): after
        # the thing denounced, «بأن» opens what that thing claims — the claim he rejects,
        # never his statement.
        at = next((m for m in range(k + 2, min(w.last, k + 14))
                   if w.toks[m].end == content_start), None)
        if at is not None and w.toks[at].norm in _BY_THAT and not any(
                w.toks[m].raw[-1] in "،," or cue_of(w.toks[m].raw)[1] is not None
                for m in range(k + 1, at)):
            # (not «وندد عريقات، …، بتصريحات نتنياهو، ووصفها بأنها "…"»: the «بأن» of
            # another verb, his description)
            return True
    if strip_conj(norm) not in _CONTAIN:
        return False
    # «وتضمن بيان للمتحدث … الأحد أن …» is speech; «تضمنت التهم تلقي "…"» and «تضمن للأندية
    # حقها، أي أن» are not: the complementizer must close the verb's clause.
    toks = w.toks
    return content_start is None or not any(
        toks[m].end == content_start and is_complementizer(toks[m].norm)
        and not any(toks[x].raw[-1] in "،,\"“”«»" for x in range(k, m))
        for m in range(k + 1, min(w.last, k + 10)))


# Verbs of a person's own speech (folded): after «حسبما» they name who spoke («حسبما توضح X»),
# unlike a relaying verb («حسبما نقلت وكالة …», «حسبما ذكرت الصحيفة»).
_SAID = frozenset(
    "قال قالت يقول تقول اوضح اوضحت يوضح توضح اكد اكدت يؤكد تؤكد صرح صرحت يري تري".split())


# Unnamed sources a lead sentence cites («حسبما قالت مصادر مطلعة لـ"رويترز"»): a relay, not
# the one a later bare verb means (dev holdout7, SK-internationalNews-473). Folded.
_UNNAMED = frozenset(fold(w) for w in "مصادر مصدر مسؤولون مسؤولين مسؤول تقارير وسائل".split())


def _resolved_speaker(speaker: str, head: Head, content_start: int | None,
                      cues: Sequence[Cue], speakers: Speakers, *,
                      relative: bool = False) -> tuple[str, bool]:
    """The cue's speaker and whether it is written here; records a named speaker in `speakers`.

    A cue without a written speaker takes its clause's (a participle) or the last named one.
    `relative`: the verb opens a relative clause («الذي/التي أعلن X»).
    """
    if speaker:
        # An attribution («بحسب X») or an ambiguous verb without speech names no speaker
        # that a later «وأضاف» could mean; nor does a relative clause's verb that opens no
        # speech («قال مايك بومبيو، وزير الخارجية الذي أعلن الرئيس الأمريكي، دونالد ترامب، عن
        # تعيينه …، إن …» then «حيث قال:», F44, seed 40, 4178: the president only describes
        # the minister, who goes on speaking).
        if head.kind != "prep" and (content_start is not None or (
                head.norm not in AMBIGUOUS and not relative)):
            speakers.add(speaker, head.gender)
        elif head.kind == "prep" and head.norm in _SAID and head.prev in (
                "حسبما", "وحسبما", "بحسبما") and fold(speaker.split()[0]) not in _UNNAMED:
            # «…، حسبما توضح إيرين غيبس من مؤسسة …» then «وقالت "…"» (F37, dev holdout3,
            # BB-economy-13): a verb of speech after «حسبما» names who spoke, the one a
            # later bare «وقالت» means (a bare «بحسب X» still names no one)
            speakers.add(speaker, head.gender)
        return speaker, True
    # A participle's subject is its clause's: «رد مكابي على طرده مشيرا إلى أن …» is
    # McCabe speaking even when someone else spoke last.
    # A verb's subject before an attribution's source: in «وأوضح الوزير … وفقا للجهاز الحكومي،
    # لافتا إلى أن» the minister goes on; in «بحسب وكالة دوغان موضحة أن» the agency does.
    named = [c for c in cues if c.named and c.speaker]
    earlier = next((c.speaker for c in reversed(named) if not c.attribution),
                   named[-1].speaker if named else "")
    if head.kind == "part" and not earlier and any(
            c.kind == "verb" and not c.speaker and c.gender == head.gender for c in cues):
        # «قال إن …، منوها إلى أن …» (F42, seed 38, 4212): the participle goes on with the
        # sentence's bare verb, which meant nobody named («الأطباء» were only named before)
        return "", False
    speaker = earlier if head.kind == "part" and earlier else speakers.last(
        head.gender, singular=head.kind == "verb" and singular_verb(head.norm),
        plural=head.kind == "verb" and plural_verb(head.norm))
    if head.kind == "part" and earlier and content_start is not None and (
            not speakers.seen or speakers.seen[-1][0] != earlier):
        # «هاجم X … قائلا إن …»: the stance verb named X; what X said makes X the one a
        # later «وتابع» or «حيث قال:» means.
        speakers.add(earlier, head.gender)
    return speaker, False
