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
where the speech starts by digests.speech_start; the verbs that introduce no speech where they
stand by digests.silent_cues; the speaker a cue resolves to (and the speakers it records) by
digests.speaker_resolution. Pure functions of tokens (digests.speakers).
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
from digests.clause_openers import clause_opener
from digests.sentence_openers import _HUMAN_HEADS as HUMAN_HEADS, sentence_opener
from digests.silent_cues import (
    _ACCUSED_THAT,
    _is_called,
    _no_one_speaks,
    _reminds,
    _reports_no_statement,
)
from digests.speaker_resolution import _another, _fuller, _resolved_speaker
from digests.speaker_spans import writer_said
from digests.passive_subjects import (
    considered,
    considered_marks,
    considering_subject,
    written_thing,
)
from digests.speakers import Speakers, Tok, anonymity, subject
from digests.speech import (
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
from digests.speechless_objects import fronted_subject
from digests.unwritten_speakers import ABOVE, WHERE, interview_owner, unwritten_speaker

# Verbal nouns of speech that take a clause («إعلان X أن», «تحذيره من أن»), folded.
_VERBAL_NOUNS = frozenset(
    "اعلان تحذير تاكيد اصرار اتهام اتهامات ادعاء ادعاءات مزاعم زعم اعتراف اقرار تشديد".split())
_VERBAL_NOUN_FORMS = frozenset(p + n for p in ("", "و", "ب", "ل", "وب", "ول") for n in _VERBAL_NOUNS)
_NOT_IN_A_NAME = frozenset("ضد وسط مفاده مفادها القائله القائل".split())


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
    # F52: a body or a voice named before, written bare as the subject of the sentence's
    # first verb, goes on with this sentence's bare cues (not remembered past the sentence)
    wide = None if here is not None else clause_opener(
        w.toks, w.first, w.last, [n for n, _ in speakers.seen])
    k = w.first
    while k < w.last:
        _gave_statement(w, k, speakers)
        made_by(w, k, speakers)
        hit = cue_of(w.toks[k].raw)[1]
        # A relative clause's cue of another gender describes a noun; a cue here is not its.
        seen = cues if hit is None else [c for c in cues if not (
            describes_noun(w.toks, c) and c.gender != hit[1])]
        cue, k = _cue_at(w, k, any(c.content_start is not None for c in seen), seen, speakers,
                         openers, wide)
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
            speakers: Speakers, openers: Sequence[tuple[str, frozenset[str]]] = (),
            wide: tuple[str, frozenset[str]] | None = None) -> tuple[Cue | None, int]:
    """The cue at token `k` (None: no cue there) and the token to read next.

    `openers`: the subject of a non-speech verb opening this sentence, then the one left by the
    sentence before (`sentence_opener`), which a bare cue of their gender means; `wide`: that
    subject read more widely (`clause_opener`), for this sentence's bare cues, carried.

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
    if head.kind == "verb" and content_start is None and not content_open and speaker and (
            fronted := fronted_subject(w.toks, k, w.first)):
        # «ولكن الجيش اعترف بوجوده» (F50): the subject is written before a verb that opens
        # no speech; the words after it are its object, which a later «وقال» must not mean.
        speaker = fronted
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
    opener = carried = ""
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
        if not speaker and wide is not None and head.gender in wide[1]:
            # «وتطرق ماتيس الثلاثاء إلى الهجوم مؤكدا أن …» (F52): the sentence's subject, a
            # voice named before; carried (not ranked as written here)
            speaker = carried = _fuller(wide[0], speakers)
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
        fit = wide if wide is not None and head.gender in wide[1] else next(
            (o for o in openers if head.gender in o[1]), None)
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
        elif speaker:
            # «ووصف نتانياهو ظريف بأنه "…". وقال إن …» (F50): the describer is the voice a
            # later bare cue goes on with, not the one named before the description.
            speakers.add(speaker, head.gender)
    else:
        speaker, named = ((speaker, True) if opener and speaker == opener
                          else _resolved_speaker(speaker, head, content_start, cues, speakers,
                                                 relative=k > 0 and w.toks[k - 1].norm in (
                                                     "التي", "الذي", "والتي", "والذي")))
    named = named and not (carried and speaker == carried)  # (F52: carried, not written here)
    # «ونفى»: the «و» is stripped before the lookup (a denial after a statement is a
    # counter-voice whatever conjunction joins it; other verbs keep F7's reading).
    counter = head.norm in COUNTER_CUES or strip_conj(head.norm) in DENIALS or any(
        w.toks[m].norm in COUNTER_CUES for m in range(max(w.first, k - 3), k))
    return Cue(tok=k, kind=head.kind, gender=head.gender, speaker=speaker,
               content_start=content_start, counter=counter, named=named, end_tok=j,
               attribution=head.norm in ATTRIBUTION_PREPS), max(k + 1, j)


# «سيرغي لافروف،الاثنين» (QA59-31): a comma the site glued between two words ends the name.
_GLUED_COMMA_RE = re.compile(r"(?<=\w)[،,](?=\w).*$")
# «تصريحات لمن سمتهم مراقبين يقولون إن» (QA59-23): the paper's «those it called»; the speakers
# are the ones named after it.
_CALLED_RE = re.compile(r"^لمن (?:سمتهم|سماهم|وصفتهم|وصفهم|تسميهم|يسميهم|اسمتهم|أسمتهم) (?=\S)")


_PRONOUN_LEADS = frozenset("انه انها لكنه لكنها ولكنه ولكنها وهو وهي".split())


def _bare(w: Window, k: int) -> bool:
    """The cue at `k` opens its sentence or a clause («وتقول:», «…، إلا أنها أكدت») with no
    subject written before it («لكن مراسل "العربية" أفاد» names its own)."""
    return (k == w.first or w.toks[k].norm[:1] in "وف"
            or (k > w.first and w.toks[k - 1].norm in _PRONOUN_LEADS))


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
