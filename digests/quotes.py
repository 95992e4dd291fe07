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

About two thirds of quoted spans in Arabic news are short names, so the filters matter more than
the finder. Ranking (DESIGN §3, digests.quote_rank) puts the statement behind the headline first,
then another voice, then the strongest remaining point, preferring direct speech over its
paraphrase. The word lists live in digests.speech, quote marks in digests.quote_marks, speech
cues and their speakers in digests.speech_cues.

Everything here is pure: text in, values out. Quote texts are verbatim slices of the paragraphs
(trimmed at a word boundary and marked with « …» when long).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digests.models import Quote, QuoteKind
from digests.quote_marks import (
    MAX_QUOTE_CHARS,
    MIN_QUOTE_WORDS,
    TRIM_MARK,
    is_name_or_slogan,
    quote_marks_balanced,
    quote_spans,
    sentence_spans,
    trim,
    word_count,
)
from digests.quote_rank import MAX_QUOTES, rank_quotes
from digests.speakers import Speakers, Tok, tokens
from digests.speech import (
    DENIALS,
    NOT_SPEAKERS,
    RELATIVES,
    fold,
    is_complementizer,
    strip_conj,
    strip_prefix,
)
from digests.cue_speakers import OBJECT_VERBS, described
from digests.speech_cues import Cue, find_cues

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
MAX_EMBEDDED_WORDS = 8
MAX_HEADING_WORDS = 15  # a line this short without final punctuation is a heading
_END_PUNCT = frozenset(".!?؟…:")

# «…، بحسب ما قال في خطاب»: the attribution after the statement is not part of it.
_ATTRIBUTION_TAIL_RE = re.compile(
    r"[،,]\s*(?:و?ب?حسب(?:ما)?|و?وفق(?:ا|اً|ًا)?|نقلا عن|نقلاً عن)\s.*$", re.DOTALL)
# Words left dangling when the next speech cue cuts a statement («… في حين قال …»).
_TRAILING_CONJ_RE = re.compile(
    r"(?:\s+(?:في حين|فيما|بينما|كما|مقابل|ممن|و|ثم|حيث|إذ|اذ|بعدما|عندما|لكن|لكنه|لكنها))+\s*$")
# «…، إلا أن المعارضة رفضت», «… بيد أن …», «…، وأصدر حسني بيانا نفى فيه …»: the writer turns
# from the reported clause to his own narration (QA9 6699, 6968; QA10 122).
_NARRATOR_TURN_RE = re.compile(
    r"(?:[،,]\s*(?:إلا|الا|غير) أن|\s(?:بيد|بيدَ) أن|[،,]\s*وأصدرت?)\s.*$", re.DOTALL)
_CONCESSIVE_RE = re.compile(r"(?:^|\s)(?:ب|بال|على ال)?رغم\b")
_SENTENCE_END_RE = re.compile(r"[.!?؟…]\s")


def _narrator_cut(raw: str) -> str:
    """`raw` up to the writer's turn (`_NARRATOR_TURN_RE`), unless «إلا أن» answers a «رغم»
    the clause opened («رغم عدم توقيعه الاتفاق، إلا أن محاميه …» is one statement)."""
    m = _NARRATOR_TURN_RE.search(raw)
    if m is None or _CONCESSIVE_RE.search(raw[:m.start()]):
        return raw
    return raw[:m.start()]
_PHRASE_PREPS = frozenset("في من عن مع حول عبر بين".split())
_NOT_NAMES = frozenset("اسمه اسمها هو هي هم هما نحن انا انت ذلك هذا هذه".split())


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
        return Quote(text=trim(self.text, max_chars), speaker=self.speaker, kind=self.kind)


def find_quotes(paragraphs: Sequence[str]) -> list[Candidate]:
    """Every quote of an article in reading order, filtered (names, scare quotes, slogans out).

    Args:
        paragraphs: the article body, one paragraph per item.

    Returns:
        Candidates with verbatim text (a slice of its paragraph) and speaker as written; a
        candidate without any speaker in sight is dropped.
    """
    out: list[Candidate] = []
    speakers = Speakers()
    carried = False
    last_para_had_quote = False
    for pi, para in enumerate(paragraphs):
        spans, left_open = quote_spans(para, carried)
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
                if not after_colon and _fragment(para, toks, cues, a, text, s0):
                    fragments.add((a, b))
                    continue  # «تم نقلهم إلى "أحد مراكز الإقامة المؤقتة"»: the writer's phrase
                if not speaker or _is_data(speaker) or _bare_list(text) or (
                        fold(text.split()[0]) in RELATIVES and not after_colon):
                    continue  # «بالتراجع عن مواقفه، "التي تتساوق …"»: the writer's clause goes on
                direct_done.add((a, b))
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
            # Reported speech: from a cue's content start to the next cue or the sentence end.
            starts = [c for c in cues if c.content_start is not None]
            for n, cue in enumerate(starts):
                cs = cue.content_start
                assert cs is not None
                end = s1
                if n + 1 < len(starts):
                    end = min(end, toks[starts[n + 1].tok].start)
                raw = _narrator_cut(_ATTRIBUTION_TAIL_RE.sub("", para[cs:end]))
                text = raw.strip(" \t،,.:؛!؟?\n")
                text = _TRAILING_CONJ_RE.sub("", text).rstrip(" \t،,.:؛!؟?")
                while text and text[-1] in "\"”»" and text.count(text[-1]) % 2 == 1 and (
                        text[-1] != "»" or "«" not in text):
                    text = text[:-1].rstrip(" \t،,.:؛!؟?")  # a stray closing mark
                if not text or word_count(text) < MIN_REPORTED_WORDS:
                    continue
                start = cs + raw.find(text)
                # «وصفته X بأنه أغنى …»: a description is a predicate, shown with its «أنه»; it
                # ends at the comma that returns to the writer's sentence («بأنه "اختراق
                # دبلوماسي"، قيودا على …»).
                describer = described(toks[cue.tok].norm) is not None
                if describer and ("،" in text or "," in text):
                    text = re.split("[،,]", text, maxsplit=1)[0].rstrip()
                subj = _pronoun_subject(toks, cs, text, described=describer)
                if subj is not None:
                    # «قال إنه فخور بـ…»: the clause keeps its subject («إنه فخور …»).
                    text, start = para[subj:start + len(text)], subj
                nxt = starts[n + 1] if n + 1 < len(starts) else None
                if nxt is not None and nxt.named and nxt.speaker and text.startswith(nxt.speaker):
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
                    continue  # a span cut inside quote marks is no statement
                if any(a <= start < b for a, b in speech):
                    continue  # «:"إن التقنية …"»: the إن inside direct speech opens nothing
                if not cue.speaker or _is_data(cue.speaker):
                    continue
                kind: QuoteKind = "reported"
                if strip_conj(toks[cue.tok].norm) in DENIALS:
                    if cue.tok > 0 and toks[cue.tok - 1].norm in RELATIVES:
                        continue  # «الروس الذين نفت موسكو أن يكونوا جواسيس»: a description
                    # «نفى المسؤولون أن يكون لهم أي علاقة»: the clause is what they deny; shown as
                    # «بحسب المسؤولين، يكون لهم …» it would say the opposite (QA9 N4). It is kept
                    # with its «أن», to be shown «نفى المسؤولون أن يكون …» (bot.attribution).
                    denied = _denied_clause(toks, cue, cs, start)
                    if denied is None:
                        continue
                    kind = "denial"
                    text, start = para[denied:start + len(text)], denied
                para_quotes.append(Candidate(text=text, speaker=cue.speaker, kind=kind,
                                             paragraph=pi, start=start,
                                             named=cue.named, counter=cue.counter,
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
    return out


# «إنه»/«أنها» …: a complementizer that carries the clause's subject. Folded.
_PRONOUN_COMPLEMENTIZERS = frozenset("انه انها انهم انهما انهن".split())
# Predicates that open a nominal clause: «إنه فخور», «إنها على استعداد». Folded.
_PREDICATES = frozenset(
    "فخور سعيد قادر واثق جاهز حريص راض اكثر اكبر افضل اقل ضد مع علي في غير بحاجه بصدد"
    " بخير".split())


# Words that open another clause between «نفى X» and an «أن» (folded; with or without «و»):
# a speaking or describing participle or verb, a contrast, "especially", "after", "expected".
_OTHER_CLAUSE = ("قائل", "قال", "مضيف", "اضاف", "وصف", "لكن", "خاصه", "بعد", "المتوقع",
                 "متوقع", "مؤكد", "اكد")


def _denied_clause(toks: list[Tok], cue: Cue, cs: int, start: int) -> int | None:
    """Where a denied clause starts with its complementizer: «نفى X أن يكون …» → the offset of
    «أن» (without a glued «ب»/«و»), so it reads «أن يكون …»; None when the speech did not start
    at «أن/إن» (a colon, a comma) or at «إلى أن» ("until": «نفى X قتل … إلى أن ظهر فيديو», where
    the object was denied): no clause to show as denied."""
    at_comp = next((n for n, t in enumerate(toks) if t.end == cs), None)
    if at_comp is None or not is_complementizer(toks[at_comp].norm):
        return None
    if at_comp > cue.tok + 1 and toks[at_comp - 1].norm in ("الي", "حتي"):
        return None  # «نفى X قتل … إلى أن ظهر فيديو»: «إلى أن» is "until"
    if any(t.norm.startswith(_OTHER_CLAUSE) or strip_conj(t.norm).startswith(_OTHER_CLAUSE)
           for t in toks[cue.tok + 1:at_comp]):
        # Another verb or turn between the denial and «أن» owns the clause («نفى الجيش عزمه
        # امتلاك أسلحة وصفها البعض بأنها …», «وينفي السائحون هذه الاتهامات، قائلين إنهم لم
        # يكونوا …»): shown after «نفى» it would say the opposite (QA11).
        return None
    comp = toks[at_comp]
    lead = len(comp.raw) - len(comp.raw.lstrip("وب"))
    at = comp.start + lead
    return at if at <= start else None


def _pronoun_subject(toks: list[Tok], cs: int, text: str, *, described: bool = False
                     ) -> int | None:
    """Where a reported clause starts when its subject is the pronoun of «إنه/أنها»: «قال إنه
    فخور بمشاهد …» → «إنه فخور …» (the offset of «إنه», without «ب»/«و»); None when the
    clause opens with a verb, which carries its subject («قال إنه سيزور …» → «سيزور …»)."""
    comp = next((t for t in toks if t.end == cs), None)
    if comp is None:
        return None
    bare = comp.norm.lstrip("وب")
    if bare not in _PRONOUN_COMPLEMENTIZERS:
        return None
    first = text.split(maxsplit=1)[0].strip("\"«“”»(") if text.split() else ""
    norm = fold(first)
    # «مستعد», «ملتزم»: a participle; «مارست», «مارس» are verbs, which carry their subject.
    nominal = (norm in _PREDICATES or first.endswith("ة")
               or (norm.startswith("م") and len(norm) >= 4 and not norm.endswith("ت")
                   and not norm.startswith("مار")))
    if not nominal and not described:
        return None
    return comp.end - len(comp.raw) + (len(comp.raw) - len(comp.raw.lstrip("وب")))


def _is_heading(para: str) -> bool:
    """A short line without final punctuation: a sub-heading or a related article's title."""
    text = para.strip().rstrip("\"'»”’) ")
    # A body line ends with a stop (often inside the closing mark) or goes on from the last
    # one («وقال …»); a heading does neither.
    return (bool(text) and text[-1] not in _END_PUNCT and not text.startswith("و")
            and word_count(text) <= MAX_HEADING_WORDS)


def _embedded(para: str, cues: Sequence[Cue], a: int, toks: list[Tok],
              speech: Sequence[tuple[int, int]]) -> bool:
    """True when the quote marks at `a` hold a short phrase inside a reported clause.

    «قال إن الإجراءات تهدف لمعاقبة الصين على "أعوام من السرقة …"»: the quoted phrase is part of
    the reported statement, which is the quote (gold rule 2); «قال إن "…"» is direct speech, and
    so is a long quotation the clause leads into («حض روحاني على … "لوضع حد للهجمات …"»).
    """
    close = min((i for i in (para.find(m, a) for m in "\"“”»") if i >= 0), default=len(para))
    short = word_count(para[a:close]) <= MAX_EMBEDDED_WORDS
    if _SENTENCE_END_RE.search(para[a:close]):
        return False  # a quotation of whole sentences is direct speech, whatever leads into it
    lead = para[:max(0, a - 1)].split()[-1:]
    # «يأتي في "ضوء كثافة …"»: marks opened after a preposition go on the writer's phrase
    # («دعا إلى "…"», «حث على "…"» open the verb's own complement: direct speech).
    mid_phrase = bool(lead) and lead[0].isalpha() and fold(lead[0]) in _PHRASE_PREPS
    for c in cues:
        cs = c.content_start
        if cs is None or cs >= a or toks[c.tok].start >= a:
            continue
        later = [d for d in cues if d.content_start is not None and d.tok > c.tok]
        if later and toks[later[0].tok].start < a:
            continue  # the next statement has begun before the marks
        # After an earlier quotation in the same clause («حذر X "…"موضحا أن "…"») the marks open
        # a new statement whose cue the first quote's marks hid (a scare-quoted word does not).
        if any(cs <= x and y < a for x, y in speech):
            return False
        between = word_count(para[cs:a - 1])
        # «أكد أن روسيا "ليست هي من بادر …"»: the quote is the predicate of a reported clause
        # whose subject stands before the marks; without it the words read cut.
        subject_first = (bool(lead) and fold(lead[0]).startswith("ال") and between <= 3
                         and not lead[0].endswith((":", "،", ",")))  # «صاحب أحد الفنادق:"…"»
        # «أنها ستودّع "27 طفلاً …"», «إن قرار ترامب يحظر "…"»: the clause's verb stands
        # outside the marks, which hold only its object; the clause is the statement (QA10).
        # (not after a comma: «… من ليفربول، "…"» sets the quotation off from the clause)
        verb_first = (1 <= between <= 4 and close < len(para)
                      and not para[cs:a - 1].rstrip(" \"“«„").endswith(("،", ","))
                      and any(_present_verb(w) for w in para[cs:a - 1].split()))
        return ((between >= 1 and (short or subject_first)) or (mid_phrase and between >= 2)
                or verb_first)
    return False


# Words that open the occasion or time between a speech verb's subject and its quote marks
# («وقال بارنييه في تغريدة "…"», «حثت الصين، الجمعة، واشنطن على "…"»). Folded.
_OCCASION = frozenset(
    "في خلال عبر امام علي لدي اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت"
    " مساء صباح".split())
MIN_SET_IN_WORDS = 6  # a marked phrase this long, or with a predicate, may stand on its own
# Words that make a phrase a statement: particles, pronouns, «كان», modals. Folded.
_PREDICATE_WORDS = frozenset(
    "لا لم لن ليس ليست ليسوا هو هي هم هما نحن انا انت ان انه انها اننا انني كان كانت كانوا"
    " قد لقد سوف يجب ينبغي يمكن هناك ثمه هذا هذه ذلك تلك لدي لديك لديه لديها لدينا لديهم عندي"
    " عندنا".split())


def _present_verb(word: str) -> bool:
    """«يحظر», «ستودّع», «وسيبقى»: a present or future verb by its prefix."""
    norm = fold(word)
    norm = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    return len(norm) >= 4 and (norm[0] == "ي" or (norm[0] == "س" and norm[1] in "يتن"))


def _predicate(text: str) -> bool:
    """The phrase holds a verb or a predicate: a particle, a pronoun or «كان» («لا يوجد أدنى
    دليل», «الدولة في حالة رائعة» do not pass; «حققنا …», «يمكن استخدامها» do), a present or
    future verb («يحظر», «ستودّع»), a past verb of the first person plural («حققنا»)."""
    for n, w in enumerate(text.split()):
        norm = fold(w).lstrip("وف") if len(fold(w)) > 3 else fold(w)
        if norm in _PREDICATE_WORDS or fold(w) in _PREDICATE_WORDS:
            return True
        if (n and norm[:1] == "ت" and len(norm) >= 4 and not norm.endswith(("ه", "ات", "ي"))):
            return True  # «مئات الأيادي تمتد للمس النساء»: a present verb after its subject
        if len(norm) >= 4 and (norm[0] == "ي" or (norm[0] == "س" and norm[1] in "يتن")
                               or (norm.endswith("نا") and not norm.startswith("ال"))):
            return True
    return False


def _fragment(para: str, toks: list[Tok], cues: Sequence[Cue], a: int, text: str,
              s0: int) -> bool:
    """A short noun phrase in quote marks set inside the writer's own sentence («تم نقلهم إلى
    "أحد مراكز الإقامة المؤقتة"», «استراتيجية "أقصى قدر من الضغط"»): not a statement (QA11).

    Kept: a phrase of `MIN_SET_IN_WORDS` words or more, one with a predicate, one that opens
    its sentence or follows a speech verb and its subject, a complementizer or a colon.
    """
    if word_count(text) >= MIN_SET_IN_WORDS or _predicate(text):
        return False
    if not para[s0:max(s0, a - 1)].strip(" \"“”«„،,"):
        return False  # «"…"، قال X»: the sentence opens with the quote
    at = next((k for k, t in enumerate(toks) if t.start <= a - 1 < t.end), None)
    if at is None or at == 0:
        return False
    prev = toks[at - 1]
    if is_complementizer(prev.norm) or prev.raw.endswith(":"):
        return False  # «أكد أن "…"», «قالت:"…"»
    # «وقال بينيت "…"», «وأضاف"…"»: the marks right after a speech verb and its subject, or a
    # few words after a verb whose speech has not started («وقال بارنييه في تغريدة "…"»)
    if prev.norm == "و" and at >= 2 and toks[at - 2].raw.rstrip("،,")[-1:] in "\"”»":
        return False  # «كتب عليها "شكرا أيها القائد"، و"رحلة سعيدة …"»: one more of a list
    # («وقال المحامي للصحافيين "…"»: one word between, whom it was said to)
    return not any(c.end_tok == at or c.tok in (at, at - 1)
                   or (c.content_start in (None, toks[at].start) and c.tok < at <= c.end_tok + 6
                       and (at - c.end_tok == 1 or toks[c.end_tok].norm in _OCCASION or (
                           prev.norm in ("الي", "علي") and strip_conj(toks[c.tok].norm)
                           in OBJECT_VERBS)))
                   for c in cues if c.kind != "prep")


def _bare_list(text: str) -> bool:
    """«القدس، الحدود، الأمن، المستوطنات، اللاجئين»: a list of single nouns in quote marks
    (the issues, the names) states nothing; a statement has a verb or a predicate somewhere."""
    items = [i.strip(" .!؟?") for i in re.split("[،,]", text)]
    return (len([i for i in items if i]) >= 4 and all(len(i.split()) == 1 for i in items if i)
            and not _predicate(text))


# «أن "تكون دولة منتجة …"»: a subjunctive opened by «أن» outside the marks.
_KANA_SUBJUNCTIVE = frozenset("تكون يكون تكونا يكونا يكونوا تكن يكن".split())
_AN_RAW = frozenset({"أن", "وأن", "بأن", "لأن", "ان", "وان"})
_PREP_RAW = frozenset({"على", "إلى", "الى", "علي", "في", "عن", "من"})
_MA_RAW = frozenset({"ما", "لما", "بما", "مما", "عما", "فيما"})


def _governed_opening(toks: list[Tok], cues: Sequence[Cue], a: int, text: str) -> str:
    """Quote marks set where the writer's sentence governs their first word, so that the
    phrase means nothing alone whatever its length (QA13 1206, 2414, 3280): a subjunctive after
    «أن» («أن "تكون دولة منتجة …"»), a verbal noun after a preposition of a verb that is no
    speech cue («ستساعد مصر على "ربط الغاز …"»), «من» explaining a «ما» («لما أظهره أمير قطر
    "من تسليط الضوء …"»), or an object with its tanween written after a verb that is no cue
    («صلاح سجل "هدفًا على الأقل …"»). Kept: anything right after a speech cue («دعا إلى "…"»,
    «أكد أن "…"») or a complementizer that opens a clause.

    Returns "drop" (the phrase is no quote), "clause" (the reported clause that holds the marks
    is the statement; the phrase only where there is none) or "" (a quote)."""
    words = text.split()
    at = next((k for k, t in enumerate(toks) if t.start <= a - 1 < t.end), None)
    if not words or at is None or at == 0:
        return ""
    prev, first = toks[at - 1], words[0].strip("\"«»“”(")
    if any(c.tok <= at - 1 <= c.end_tok + 1 or c.content_start == toks[at].start
           for c in cues if c.kind != "prep"):
        return ""  # «دعا إلى "…"», «وقال بينيت "…"»: the speech starts at the marks
    if prev.raw in _AN_RAW:
        return "drop" if first in _KANA_SUBJUNCTIVE else ""
    if first == "من":
        return "drop" if prev.raw not in _PREP_RAW and any(
            t.raw in _MA_RAW for t in toks[max(0, at - 5):at]) else ""
    # The two rules below only where a reported clause holds the marks, which then stands as
    # the statement («فقالت إنها … ستساعد مصر على "ربط …"»); a phrase with no such clause
    # («أعلن المرصد عن "77 قتيلا …"») is left as it was.
    if not any(c.content_start is not None and c.content_start < a for c in cues):
        return ""
    if prev.raw in _PREP_RAW:
        if _predicate(" ".join(words[:1])) or any(
                c.tok < at for c in cues if c.kind != "prep"
                and c.content_start is None and at - c.end_tok <= 6):
            return ""
        return "clause"
    return "clause" if (
        first.endswith(("ًا", "اً")) and fold(first).rstrip("ا") not in _ADVERB_STEMS
        and not is_complementizer(prev.norm) and prev.raw[-1:] not in ":،,") else ""


# Adverbs in «-ًا» a quote may open with («أيضاً», «دائماً»), folded without their alif.
_ADVERB_STEMS = frozenset("ايض دائم حالي تقريب غالب فعل خصوص مثل جد اول اخير مؤخر عموم كثير"
                          " قليل سابق لاحق قريب تحديد شكر طبق وفق نظر علم استناد تمام حتم ابد"
                          " رسمي عملي شخصي مجدد مع جميع".split())


def _is_data(speaker: str) -> bool:
    """«تشير الأرقام إلى أن …»: bare figures and estimates state facts, nobody speaks.

    With their source written («تقديرات جامعة كولومبيا») they speak like a report does. A
    speaker that opens with a particle, pronoun or relative («فإنهم», «اسمه», «والتي») is a
    misread clause, not a name.
    """
    words = speaker.split()
    if not words:
        return True
    first = fold(words[0])
    bare = strip_conj(first)
    if is_complementizer(bare) or bare in _NOT_NAMES or bare in RELATIVES or (
            bare[:1] == "ف" and is_complementizer(bare[1:])):
        return True
    if len(words) != 1:
        return False
    return strip_prefix(first) in NOT_SPEAKERS or first in NOT_SPEAKERS


def _direct_speaker(para: str, toks: list[Tok], cues: list[Cue], a: int, b: int, s1: int,
                    speakers: Speakers, *, continuation: bool) -> tuple[str, bool, bool]:
    """Speaker of the quote at para[a:b]: a cue before it in the sentence, else one after it."""
    before = [c for c in cues if toks[c.tok].start < a]
    if before:
        # The outermost cue whose speech the quote belongs to; a later «مضيفًا:» is the same voice.
        # A cue that introduces no speech (no إن/«:») must stand close to the quote marks.
        usable = [c for c in before if c.content_start is not None
                  or sum(1 for t in toks[c.end_tok:] if t.start < a) <= 15]
        if usable:
            c = usable[0]
            for c2 in usable[1:]:
                if c2.kind != "part" and c2.content_start is not None and c2.named:
                    c = c2
            return c.speaker, c.named, c.counter
    after = [c for c in cues if b < toks[c.tok].start < s1 and toks[c.tok].start - b < 40]
    if after:
        c = after[0]
        return c.speaker, c.named, c.counter
    if continuation and speakers.seen:
        return speakers.last(), False, False
    return "", False, False


def key_quotes(paragraphs: Sequence[str], headline: str = "", *, limit: int = MAX_QUOTES,
               max_chars: int = MAX_QUOTE_CHARS) -> tuple[Quote, ...]:
    """The digest's quotes: found, filtered, ranked, trimmed (at most `limit`)."""
    ranked = rank_quotes(find_quotes(paragraphs), headline, limit=limit)
    return tuple(c.to_quote(max_chars) for c in ranked)
