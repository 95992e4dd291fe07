"""Key quotes of an article: direct and reported speech, their speakers, an editor's ranking.

Finding works paragraph by paragraph, sentence by sentence:

* direct speech is text between quote marks (« », “ ”, „ “, straight quotes paired within a
  paragraph) of at least four words; scare quotes, names after صحيفة/وكالة/قناة/موقع/حملة …,
  slogans and titles are not speech;
* reported speech is what follows a speech verb (قال، أضاف، أكد … in masculine, feminine, present
  and participle forms, with و/ف prefixed) up to إن/أن/«:», to the end of the sentence;
* the speaker is the subject written after the verb («الرئيس الفرنسي إيمانويل ماكرون»); a bare
  cue («وأضافت أن», «مضيفًا:») takes the last named speaker of the same grammatical gender;
* what a denial verb («نفى», «نافيا») introduces is not the speaker's statement: it is kept as
  kind "denial", its text from the «أن» («أن يكون لهم أي علاقة …»), to be shown «نفى X أن …».

About two thirds of quoted spans in Arabic news are short names, so the filters
(digests.quote_filters) matter more than the finder. Ranking (DESIGN §3, digests.quote_rank)
puts the statement behind the headline first, then another voice, then the strongest remaining
point, preferring direct speech over its paraphrase. The word lists live in digests.speech, quote marks in digests.quote_marks, speech
cues and their speakers in digests.speech_cues, the speaker of words in marks in
digests.direct_speakers, the bounds of a reported clause in digests.reported_clauses, the
finder's second looks (a two-word statement, echoes, an addressee in the speaker) in
digests.quote_corrections. This module holds the finder (find_quotes), a column's «we» and the
digest's entry (key_quotes).

Everything here is pure: text in, values out. Quote texts are verbatim slices of the paragraphs
(trimmed at a word boundary and marked with « …» when long).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from digests.claim_objects import claim_stance, claimed_clause
from digests.first_person import first_person
from digests.models import Quote, QuoteKind
from digests.object_tails import own_object_cut
from digests.quote_marks import (
    MAX_QUOTE_CHARS,
    MIN_QUOTE_WORDS,
    TRIM_MARK,
    _CLOSERS,
    is_name_or_slogan,
    quote_marks_balanced,
    quotable,
    quote_spans,
    sentence_spans,
    tidy,
    trim,
    word_count,
)
from digests.quote_corrections import _addressee_cut, _echoes_out, _short_statement, _statements_of
from digests.quote_rank import MAX_QUOTES, rank_quotes
from digests.speaker_guard import shown_speaker
from digests.speakers import Speakers, tokens
from digests.speech import (
    DENIALS,
    RELATIVES,
    cue_of,
    fold,
    strip_conj,
)
from digests.bare_bodies import cut_verb_tails, named_in, resolve
from digests.denied_nouns import denied_noun
from digests.describer_subjects import described, thing_described
from digests.display_names import called_person, fuller_name, named_title, spelled_name
from digests.name_tails import whole_name
from digests.reached_names import named_before, named_elsewhere, reached_name
from digests.quote_filters import (  # re-exported: the candidate filters
    MAX_EMBEDDED_WORDS,
    MAX_HEADING_WORDS,
    MIN_SET_IN_WORDS,
    _bare_list,
    _embedded,
    bare_answer,
    _fragment,
    _writers_phrase,
    _governed_opening,
    _is_data,
    _is_heading,
    _list_tail,
)
from digests.speech_cues import find_cues
from digests.speech_start import lists_after
from digests.direct_speakers import _asked_whether, _direct_speaker, _open_ended, _work_title
from digests.reported_clauses import (  # called by these names: key_losses switches them
    _ATTRIBUTION_TAIL_RE,
    _MAX_HEDGE_LEAD,
    _TRAILING_CONJ_RE,
    _denied_clause,
    _described_object,
    _narrator_cut,
    _pronoun_subject,
    own_pronoun,
    _subjunctive_kana,
    _unpunctuated,
)

__all__ = [
    "MAX_QUOTES",
    "MAX_QUOTE_CHARS",
    "TRIM_MARK",
    "Candidate",
    "find_quotes",
    "key_quotes",
    "quote_marks_balanced",
    "trim",
]

MIN_REPORTED_WORDS = 3  # «أعلن الجيش أن الحادث "عمل مدبر"» is a whole statement

@dataclass(frozen=True)
class Candidate:
    """A quote found in the article, with where it is and how it was found."""

    text: str
    speaker: str
    kind: QuoteKind
    paragraph: int
    start: int  # offset of `text` in its paragraph
    named: bool  # the speaker is written at this quote (not carried from an earlier one)
    counter: bool = False  # introduced by a denial / reply / «من جهته»
    context: str = ""  # the sentence it stands in (for ranking against the headline)

    def to_quote(self, max_chars: int = MAX_QUOTE_CHARS) -> Quote:
        """The value a digest stores: the text trimmed at a word boundary."""
        # (a reader's text: hashtags as words, no opening conjunction; QA18 R11, R18)
        text = self.text
        pronoun = own_pronoun(self.context, text) if self.kind == "reported" else ""
        if pronoun:
            text = f"{pronoun} {text}"  # «إنها ألغت …»: whose act it is (F28)
        return Quote(text=trim(tidy(text), max_chars), speaker=tidy(self.speaker),
                     kind=self.kind)


def _closed_at_end(para: str, spans: Sequence[tuple[int, int]], start: int,
                   text: str) -> str | None:
    """`text` with the closing mark its paragraph never wrote: «أن القاهرة ستعمل على محاسبة
    "كل من يثبت تقصيره …» (F31, seed 31, 4486), marks opened inside the clause that run to the
    paragraph's end; None when the clause is cut inside marks some other way."""
    for a, b in spans:
        if start < a <= start + len(text) and b >= len(para.rstrip()) and para[a - 1] in _CLOSERS:
            closed = text + _CLOSERS[para[a - 1]]
            return closed if quote_marks_balanced(closed) else None
    return None


def find_quotes(paragraphs: Sequence[str]) -> list[Candidate]:
    """Every quote of an article in reading order, filtered (names, scare quotes, slogans out).

    Args:
        paragraphs: the article body, one paragraph per item.

    Returns:
        Candidates with verbatim text (a slice of its paragraph) and speaker as written; a
        candidate without any speaker in sight is dropped.
    """
    paragraphs = quotable(paragraphs)  # bounded: the cost grows faster than the text (QA14 F2)
    out: list[Candidate] = []
    speakers = Speakers()
    writer_we = 0  # the writer's own sentences (no cue, no quote marks) in the first person
    carried = False
    last_para_had_quote = False
    shorts: set[tuple[int, int]] = set()  # two-word clauses (`_short_statement`)
    for pi, para in enumerate(paragraphs):
        spans, left_open = quote_spans(para, carried, closes_at_break=True)  # (QA18 R7)
        started_open = carried
        speech = [(a, b) for a, b in spans if word_count(para[a:b]) >= MIN_QUOTE_WORDS
                  and ((started_open and a == 0) or not is_name_or_slogan(para, a, b))]
        carried = left_open
        toks = tokens(para)
        para_quotes: list[Candidate] = []
        direct_done: set[tuple[int, int]] = set()
        fragments: set[tuple[int, int]] = set()  # marked phrases of the writer's, not speech
        for sent in sentence_spans(para):
            cues = find_cues(para, toks, sent, speakers, spans, speech)
            s0, s1 = sent
            if not cues and not any(s0 <= a < s1 for a, _ in spans) and first_person(
                    para[s0:s1]):
                writer_we += 1  # the writer's own sentence says «we»: a column
            sent_spans = [sp for sp in spans if s0 <= sp[0] < s1]
            governed: list[Candidate] = []  # marks the writer's sentence governs (below)
            # Direct speech first.
            for a, b in sent_spans:
                if (a, b) in direct_done:
                    continue
                inner = para[a:b]
                text = inner.strip(" \t،,.:؛")
                if word_count(text) < MIN_QUOTE_WORDS:
                    continue
                if not (started_open and a == 0) and is_name_or_slogan(para, a, b):
                    continue
                if _embedded(para, cues, a, toks, speech):
                    continue  # a phrase quoted inside a reported clause: the clause is the quote
                speaker, named, counter = _direct_speaker(para, toks, cues, a, b, s1, speakers,
                                                          continuation=(
                                                              (started_open and a == 0) or
                                                              (a <= 1 and last_para_had_quote)))
                after_colon = para[:a].rstrip(" \"“«„").endswith(":")
                if not after_colon and (_fragment(para, toks, cues, a, text, s0)
                                        or _writers_phrase(para, a, b, text)):
                    fragments.add((a, b))
                    continue  # «تم نقلهم إلى "أحد مراكز الإقامة المؤقتة"»: the writer's phrase
                if text.endswith(("لـ", "بـ", "كـ")):
                    # «"يمكن أن يشكل هذا تهديداً لـ"لينكد إن" …» (seed 22, 2326): a name's marks
                    # inside a quote cut it at the glued preposition, meaningless alone. (F21
                    # tried dropping the pieces on either side of any such name, «… أن موافقة»
                    # and «على الدخول …»: it cost development gold quotes in five sets.)
                    continue
                if _work_title(para, a):
                    fragments.add((a, b))
                    continue  # «مؤلف كتاب "…"»: a title, the writer's words (seed 22, 3834)
                if _open_ended(text):
                    continue  # «قبل أن "يتحول …، لافتاً إلى أنّه "ربما …"» (seed 21, 5963)
                if speaker and text == speaker.strip("\"“”«»„ "):
                    # «وقال «المرصد السوري لحقوق الإنسان» إن «…»» (QA38 A7): the subject's name in
                    # marks, not a quote of itself
                    continue
                if not speaker or _is_data(speaker) or _bare_list(text) or _list_tail(text) or (
                        fold(text.split()[0]) in RELATIVES and not after_colon):
                    continue  # «بالتراجع عن مواقفه، "التي تتساوق …"»: the writer's clause goes on
                direct_done.add((a, b))
                asked = _asked_whether(toks, cues, a)
                if asked is not None:
                    # «تساءل في رسالة فيما إذا كانت هذه الضغوط "لها علاقة …؟"» (QA13 4985): the
                    # marks finish the writer's «whether …»; the line keeps the verb and the
                    # question (bot.attribution shows it as written).
                    end = b + 1 if b < len(para) and para[b] in "\"”»" else b
                    para_quotes.append(Candidate(
                        text=para[asked:end].rstrip(" ،,."), speaker=speaker, kind="reported",
                        paragraph=pi, start=asked, named=named, counter=counter,
                        context=para[s0:s1]))
                    fragments.add((a, b))
                    continue
                cand = Candidate(text=text, speaker=speaker, kind="direct", paragraph=pi,
                                 start=a + inner.find(text), named=named, counter=counter,
                                 context=para[s0:s1])
                governs = "" if after_colon else _governed_opening(toks, cues, a, text)
                if governs:
                    # «ستساعد مصر على "ربط …"»: the reported clause that holds the marks is the
                    # statement; the phrase stands only if no such clause is made («أن "تكون
                    # …"», «لما أظهره "من …"»: never).
                    fragments.add((a, b))
                    if governs == "clause":
                        governed.append(cand)
                    continue
                para_quotes.append(cand)
            # «نفى الجيش عزمه امتلاك …» (F48, QA74-5): a denial of a verbal noun, no «أن».
            for cue in cues:
                span = denied_noun(para, toks, cue, s1, cues)
                if span is not None:
                    para_quotes.append(Candidate(
                        text=para[span[0]:span[1]], speaker=cue.speaker, kind="denial",
                        paragraph=pi, start=span[0], named=True, counter=True,
                        context=para[s0:s1]))
            # Reported speech: from a cue's content start to the next cue or the sentence end.
            starts = [c for c in cues if c.content_start is not None]
            for n, cue in enumerate(starts):
                cs = cue.content_start
                assert cs is not None
                end = s1
                # «…، معرباً عن تقديره للجهات … وهي: …» (QA13 6535): a participle after a comma
                # that leads to a list returns to the writer's sentence; the clause ends there.
                end = next((toks[c.tok].start for c in cues if c.kind == "part"
                            and c.content_start is None and toks[c.tok].start > cs
                            and toks[c.tok - 1].raw.endswith(("،", ","))
                            and lists_after(toks, c.tok, s1)), end)
                if n + 1 < len(starts):
                    end = min(end, toks[starts[n + 1].tok].start)
                    before_next = para[cs:end].rstrip()
                    # («…، ومصادر أمنية قالت»: the subject keeps the «و» the speaker lost)
                    written = next((" " + w + starts[n + 1].speaker for w in ("", "و")
                                    if before_next.endswith(" " + w + starts[n + 1].speaker)),
                                   "")
                    lead = before_next[:len(before_next) - len(written) + 1].rstrip()
                    if starts[n + 1].named and starts[n + 1].speaker and not toks[
                            starts[n + 1].tok].norm.startswith(("و", "ف")) and written and (
                                lead.endswith(("،", ",")) or lead.split()[-1:] in (
                                    ["لكن"], ["ولكن"], ["بينما"], ["فيما"])):
                        # «…، لكن مكتب الرئيسة قال:»: the next voice's subject, written before
                        # its verb, is no part of this statement.
                        end = cs + len(before_next) - len(written) + 1
                stated_by = _statements_of(cue.speaker, para[cs:end])
                raw = _narrator_cut(_ATTRIBUTION_TAIL_RE.sub("", para[cs:end]))
                text = raw.strip(" \t،,.:؛!؟?\n")
                text = _TRAILING_CONJ_RE.sub("", text).rstrip(" \t،,.:؛!؟?")
                stray = False
                while text and text[-1] in "\"”»" and text.count(text[-1]) % 2 == 1 and (
                        text[-1] != "»" or "«" not in text):
                    text = text[:-1].rstrip(" \t،,.:؛!؟?")  # a stray closing mark
                    stray = True
                short = bool(text) and word_count(text) < MIN_REPORTED_WORDS
                if not text or (short and not _short_statement(
                        para, cs, text, toks[cue.tok].norm)) or _POINTS_AHEAD_RE.search(text) or (
                            bare_answer(text)):
                    continue  # («: لا على الإطلاق.»: an answer to a question not shown, F36)
                if _LINK_RE.match(text):
                    # «… إلى زيارة حساباتهم على الرابط: www.ca.gov.sa لمعرفة …» (QA59-17): the
                    # colon before a web address opens no speech; a statement never starts
                    # with one.
                    continue
                start = cs + raw.find(text)
                # «وصفته X بأنه أغنى …»: a description is a predicate, shown with its «أنه»; it
                # ends at the comma that returns to the writer's sentence («بأنه "اختراق
                # دبلوماسي"، قيودا على …»).
                describer = described(toks[cue.tok].norm) is not None
                if describer and thing_described(toks, cue.tok):
                    continue  # «أسلحة آلية وصفها البعض بأنها "…"»: the thing's, no one's claim
                if describer and ("،" in text or "," in text):
                    text = re.split("[،,]", text, maxsplit=1)[0].rstrip()
                object_at = _described_object(toks, cue, cs)
                if object_at is not None:
                    # «واصفةً "دفع الرشى"، بأنه أمر "بالغ الخطورة"، وبأن …» (QA13 2122): what
                    # she described stays with its description, up to the next comma, and the
                    # line keeps the participle (bot.attribution shows it as written). «ووصفت
                    # روسيا موقف المملكة المتحدة بأنه غير مسؤول، ولا تدعمه أي أدلة» (F22: the
                    # verb's own sentence) keeps all its clause, as before the verb was kept.
                    if cue.kind == "part":
                        text = re.split("[،,]", text, maxsplit=1)[0].rstrip()
                    text, start = para[object_at:start + len(text)], object_at
                subj = None if object_at is not None else _pronoun_subject(
                    toks, cs, text, described=describer, gender=cue.gender)
                if subj is not None:
                    # «قال إنه فخور بـ…»: the clause keeps its subject («إنه فخور …»).
                    text, start = para[subj:start + len(text)], subj
                nxt = starts[n + 1] if n + 1 < len(starts) else None
                if nxt is not None and nxt.named and nxt.speaker and _unpunctuated(text).startswith(
                        _unpunctuated(nxt.speaker)):
                    # «ونقلت الوكالة أن X، نائب الوزير، أوضح أن …»: the span is the next
                    # statement's subject, not a statement.
                    continue
                # Direct speech inside wins over its paraphrase (unless it is a phrase the
                # clause quotes: then the whole clause is the statement).
                if any(start <= a < start + len(text) + 1 and word_count(para[a:b]) >= MIN_QUOTE_WORDS
                       and not _embedded(para, cues, a, toks, speech)
                       and (a, b) not in fragments  # (a phrase of the writer's: the clause wins)
                       for a, b in spans) or (text[0] in "\"“”«„" and any(
                           a == start + 1 for a, _ in speech)):
                    continue
                if not quote_marks_balanced(text):
                    closed = _closed_at_end(para, spans, start, text)
                    if closed is None:
                        continue  # a span cut inside quote marks is no statement
                    text = closed
                if any(a <= start < b for a, b in speech):
                    continue  # «:"إن التقنية …"»: the إن inside direct speech opens nothing
                if not cue.speaker or _is_data(cue.speaker):
                    continue
                # «انتقد لافروف تقارير عن أن قوات النظام مسؤولة …» (X113, QA71-1): the clause is
                # the reports' claim; only a verb of rejection makes it the speaker's (a denial).
                stance, taker = claim_stance(
                    toks, cs, next((n for n, t in enumerate(toks) if t.start >= s0), 0),
                    {c.tok: c.end_tok for c in cues})
                if stance == "none":
                    continue
                denier = cue
                if stance == "denial" and taker != cue.tok:
                    # «نفى X تقارير تفيد بأن …»: the claim's own verb is a cue too; X denied it
                    denier = next((c for c in cues if c.tok == taker and c.speaker), cue)
                    if denier is cue:
                        continue
                kind: QuoteKind = "reported"
                if (stray and para[:cs].rstrip().endswith(":") and subj is None
                        and text[:1] not in "\"“”«„" and para[:cs].count('"') % 2 == 0):
                    # «وقال مورينيو: جلست على هذا المقعد … أولد ترافورد".» (F26's left, 4275):
                    # words after a colon that close on a mark never opened are direct speech
                    # whose opening mark was lost; «بحسب مورينيو، جلست …» made them hers. (Not
                    # a colon inside marks: «تحت عنوان "سوريا: الاقتصاد …"», a title.)
                    kind = "direct"
                elif strip_conj(toks[cue.tok].norm) in DENIALS or stance == "denial":
                    if denier is cue and cue.tok > 0 and toks[cue.tok - 1].norm in RELATIVES:
                        continue  # «الروس الذين نفت موسكو أن يكونوا جواسيس»: a description
                    # «نفى المسؤولون أن يكون لهم أي علاقة»: the clause is what they deny; shown as
                    # «بحسب المسؤولين، يكون لهم …» it would say the opposite (QA9 N4). It is kept
                    # with its «أن», to be shown «نفى المسؤولون أن يكون …» (bot.attribution).
                    denied = (_denied_clause(toks, cue, cs, start) if denier is cue
                              else claimed_clause(toks, cs, start))
                    if denied is None or short:
                        continue
                    kind = "denial"
                    text, start = para[denied:start + len(text)], denied
                elif _subjunctive_kana(toks, cs, text):
                    # «وترجح السلطات أن تكون الطائرة تحطمت»: judged likely (hoped, expected),
                    # not stated; «بحسب السلطات، تكون الطائرة تحطمت» would state it (QA13 743).
                    # The clause keeps its verb, to be shown as the article wrote it; «توقع
                    # X … أن يعود» too (F11's leftover: unvoweled, «يعود» reads as a fact).
                    verb = toks[cue.tok]
                    at = verb.start + (1 if verb.raw[:1] in "وف" and cue_of(verb.raw[1:])[1]
                                       else 0)
                    if word_count(para[at:cs]) > _MAX_HEDGE_LEAD or short:
                        # too far to show with its verb, and no statement alone; two words
                        # judged likely («بدلا من أن يكون تشريفا») are no statement either
                        continue
                    text, start = para[at:start + len(text)], at
                if short:
                    shorts.add((pi, start))
                para_quotes.append(Candidate(text=text, speaker=(
                    denier.speaker if denier is not cue else stated_by or cue.speaker), kind=kind,
                                             paragraph=pi, start=start,
                                             named=denier.named, counter=denier.counter,
                                             context=para[s0:s1]))
            para_quotes.extend(g for g in governed if not any(
                c.kind != "direct" and c.start <= g.start < c.start + len(c.text) + 1
                for c in para_quotes))
        para_quotes = [c for c in para_quotes if quote_marks_balanced(c.text)]
        if _is_heading(para):
            para_quotes = []  # «أوباما يقول إن …» as a related link's title: a heading
        para_quotes.sort(key=lambda c: c.start)
        out.extend(para_quotes)
        last_para_had_quote = bool(para_quotes) and para_quotes[-1].kind == "direct"
    out = _echoes_out(out, shorts)
    out = cut_verb_tails(out)  # «مجلس الأمن الدولي تبنى» (QA21 R5)
    # «منال أغنيتها بأنشودة»: the verb's object with the subject's pronoun (QA39 D10).
    out = [c if (cut := own_object_cut(c.speaker)) == c.speaker else replace(c, speaker=cut)
           for c in out]
    out = _addressee_cut(out, paragraphs)
    if writer_we >= _COLUMN_SENTENCES:
        out = [c for c in (_writers_we_cut(c) for c in out) if c is not None]
    return out


# «وأوضح البيان أن أحقية الأرباح للدفعات ستكون كالتالي» (seed 22, 6837): a clause that ends
# pointing at a list the line does not hold says nothing alone.
_POINTS_AHEAD_RE = re.compile(
    r"(?:كالتالي|كالآتي|كالاتي|كما يلي|على النحو (?:التالي|الآتي|الاتي)|(?:هي|هو|وهي|وهو) "
    r"(?:التالي|التالية|الآتي|الآتية|الاتي|الاتية))\s*$")
# A web or mail address at the start of a clause («www.ca.gov.sa», «https://…», «info@x.org»).
_LINK_RE = re.compile(
    r"(?:https?://|www\.|[\w.-]+@[\w-]+\.|[a-z0-9-]+\.(?:com|org|net|gov|edu|sa|ae|eg)\b)",
    re.IGNORECASE)
# Sentences of the writer's own in the first person that make an article a column.
_COLUMN_SENTENCES = 2
# Bodies a column reports in the third person («ترى الحكومة أن …»); a person's «we» in a
# reported clause is his own («قال المدرب إننا …»), whoever writes. Folded, with «ال».
_BODIES = frozenset(
    "الحكومه الدوله الوزاره الشركه الاتحاد النادي الاداره الهيئه اللجنه المؤسسه الجمعيه"
    " السلطات السلطه المجلس الجهات البلديه الجامعه المنظمه الحزب".split())


def _writers_we_cut(cand: Candidate) -> Candidate | None:
    """In a column, a reported clause's «we» is the writer's («ترى الحكومة أن الأندية …، وهي
    سياسة يحرص عليها قادتنا، واليوم دخلنا …», QA13 3768): the clause ends before the first
    comma-separated part in the first person; None when nothing of the speaker's is left."""
    head = fold(cand.speaker.split()[0]) if cand.speaker.split() else ""
    if cand.kind != "reported" or head not in _BODIES or not first_person(cand.text):
        return cand
    parts = re.split("([،,])", cand.text)
    keep = ""
    for n in range(0, len(parts), 2):
        if first_person(parts[n]):
            break
        keep += parts[n] + (parts[n + 1] if n + 1 < len(parts) else "")
    keep = _TRAILING_CONJ_RE.sub("", keep.rstrip(" ،,")).rstrip(" ،,")
    if word_count(keep) < MIN_REPORTED_WORDS or not quote_marks_balanced(keep):
        return None
    return replace(cand, text=keep)


def key_quotes(paragraphs: Sequence[str], headline: str = "", *, limit: int = MAX_QUOTES,
               max_chars: int = MAX_QUOTE_CHARS) -> tuple[Quote, ...]:
    """The digest's quotes: found, filtered, ranked, trimmed (at most `limit`)."""
    # A speaker that is no one («بحسب وبخصوص الكلفة، …», «— مدحه لصلاح») is never shown (F32);
    # a verb and its pronoun before the subject are left out («توصلت إليها لجنة …»).
    found = [replace(c, speaker=shown) for c in find_quotes(paragraphs)
             if (shown := shown_speaker(c.speaker))]
    ranked = rank_quotes(found, headline, limit=limit)
    # A bare «الصحيفة», «البيان» is the body named before (QA21 R5): given after ranking, so
    # the quotes shown stay the same; only the one credited is named.
    resolved = resolve(quotable(paragraphs), found)
    # A surname alone («شي», «برومل») shows the fuller name the article wrote (QA39 D6).
    speakers = [r.speaker for r in resolved]
    # A bare title shows the name set after it between commas (QA39 D2).
    # A first name the article spells otherwise more often shows that spelling (QA70-4).
    texts = [headline, *paragraphs]
    # A bare title cut at its complement shows the name written past it (F48, QA74-6); a
    # title and its nationality, the one name the body gives that title (QA74-8; not the
    # headline's verbs: «الرئيس الفلسطيني يتوعد حماس»).
    # A name whose last word is spelled «إن/آن» shows it («مون جاي إن», F49).
    # A title of a body named another way, the one name set before that title (F49).
    return tuple(replace(c, speaker=whole_name(spelled_name(named_before(named_elsewhere(
        reached_name(named_title(called_person(fuller_name(named_in(resolved, c), speakers,
                                                           paragraphs), _paragraph(paragraphs, c)),
                                 _paragraph(paragraphs, c)), _paragraph(paragraphs, c)),
        paragraphs), paragraphs), texts), texts)).to_quote(max_chars) for c in ranked)


def _paragraph(paragraphs: Sequence[str], c: Candidate) -> str:
    return paragraphs[c.paragraph] if 0 <= c.paragraph < len(paragraphs) else ""
