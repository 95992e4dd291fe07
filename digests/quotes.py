"""Key quotes of an article: direct and reported speech, their speakers, an editor's ranking.

Finding works paragraph by paragraph, sentence by sentence:

* direct speech is text between quote marks (« », “ ”, „ “, straight quotes paired within a
  paragraph) of at least four words; scare quotes, names after صحيفة/وكالة/قناة/موقع/حملة …,
  slogans and titles are not speech;
* reported speech is what follows a speech verb (قال، أضاف، أكد … in masculine, feminine, present
  and participle forms, with و/ف prefixed) up to إن/أن/«:», to the end of the sentence;
* the speaker is the subject written after the verb («الرئيس الفرنسي إيمانويل ماكرون»); a bare
  cue («وأضافت أن», «مضيفًا:») takes the last named speaker of the same grammatical gender.

About two thirds of quoted spans in Arabic news are short names, so the filters matter more than
the finder. Ranking (DESIGN §3, digests.quote_rank) puts the statement behind the headline first,
then another voice, then the strongest remaining point, preferring direct speech over its
paraphrase. The word lists live in digests.speech.

Everything here is pure: text in, values out. Quote texts are verbatim slices of the paragraphs
(trimmed at a word boundary and marked with « …» when long).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digests.arabic import sentences
from digests.quote_rank import MAX_QUOTES, rank_quotes
from digests.models import Quote, QuoteKind
from digests.speakers import (
    RELAYING,
    Speakers,
    Tok,
    antecedent,
    opens_statement,
    speaker_before,
    subject,
    tokens,
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
    MEDIA_NOUNS,
    NAME_NOUNS,
    NEGATIONS,
    NOT_SPEAKERS,
    PUBLISHING,
    RELATIVES,
    SAY,
    SLOGAN_VERBS,
    TITLE_NOUNS,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
    strip_prefix,
)

MAX_QUOTE_CHARS = 240
MIN_QUOTE_WORDS = 4  # direct speech: shorter spans in quote marks are names or scare quotes
MIN_REPORTED_WORDS = 3  # «أعلن الجيش أن الحادث "عمل مدبر"» is a whole statement
TRIM_MARK = " …"

MAX_NAME_WORDS = 6
MAX_EMBEDDED_WORDS = 8  # a longer quotation inside a reported clause is the statement itself

# «…، بحسب ما قال في خطاب»: the attribution after the statement is not part of it.
_ATTRIBUTION_TAIL_RE = re.compile(
    r"[،,]\s*(?:و?ب?حسب(?:ما)?|و?وفق(?:ا|اً|ًا)?|نقلا عن|نقلاً عن)\s.*$", re.DOTALL)
# Words left dangling when the next speech cue cuts a statement («… في حين قال …»).
_TRAILING_CONJ_RE = re.compile(
    r"(?:\s+(?:في حين|فيما|بينما|كما|مقابل|ممن|و|ثم|حيث|بعدما|عندما|لكن|لكنه|لكنها))+\s*$")
_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
_KANA = frozenset(("كان", "كانت", "كانوا"))
# A pronoun written before the verb is its subject («لكنه قال», «وهو يؤكد»).
_PRONOUN_SUBJECTS = frozenset("لكنه ولكنه لكنها ولكنها وهو وهي فهو فهي".split())
# «بما أن» (since), «بعد أن» (after): the complementizer opens an adverbial clause.
_ADVERBIAL_HEADS = frozenset(
    "علما وعلما بما وبما طالما حيث وحيث رغم برغم بعد وبعد قبل وقبل منذ دون بدون لمجرد".split())
_DESCRIBE = frozenset("وصف وصفت يصف تصف ووصف ووصفت ويصف وتصف".split())
_NOT_NAMES = frozenset("اسمه اسمها هو هي هم هما نحن انا انت ذلك هذا هذه".split())


# ---------------------------------------------------------------------------------------------
# Values


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
        return Quote(text=trim(self.text, max_chars), speaker=self.speaker, kind=self.kind)


@dataclass
class _Cue:
    tok: int  # token index of the verb / participle / preposition
    kind: str  # 'verb' | 'part' | 'prep'
    gender: str
    speaker: str
    content_start: int | None  # char offset where the speech starts (after إن/أن/«:»)
    counter: bool
    named: bool  # the speaker is written here, not carried from an earlier cue
    end_tok: int = 0  # first token after the cue and its written subject


# ---------------------------------------------------------------------------------------------
# Small helpers


def trim(text: str, max_chars: int = MAX_QUOTE_CHARS) -> str:
    """`text` cut at a word boundary before `max_chars`, marked with « …» when cut."""
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    while not quote_marks_balanced(cut):
        # The cut fell inside inner quote marks: end before the unpaired opener instead.
        last = max(cut.rfind(m) for m in "\"“”„«»")
        cut = cut[:last].rstrip()
    return cut.rstrip(" ،,;؛:-–—") + TRIM_MARK


def _words(text: str) -> int:
    return sum(1 for w in text.split() if _LETTER_RE.search(w))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (digests.arabic.sentences, located back in the text)."""
    spans = []
    pos = 0
    for sent in sentences(text):
        start = text.find(sent, pos)
        if start < 0:  # cannot happen for stripped slices; keep the rest as one sentence
            spans.append((pos, len(text)))
            break
        spans.append((start, start + len(sent)))
        pos = start + len(sent)
    return spans


# ---------------------------------------------------------------------------------------------
# Direct speech spans


def _quote_spans(text: str, carried_open: bool) -> tuple[list[tuple[int, int]], bool]:
    """Inner spans (start, end) of quote-mark pairs in a paragraph.

    Guillemets pair with guillemets; the double-quote family (" “ ” „) pairs in order. An opener
    left unpaired at the end runs to the end of the paragraph (the quote goes on in the next one);
    `carried_open` says the previous paragraph left one open, so our first mark closes it.
    Returns the spans and whether this paragraph leaves a quote open.
    """
    spans: list[tuple[int, int]] = []
    guil: list[int] = []
    dq = [i for i, ch in enumerate(text) if ch in "\"“”„"]
    for i, ch in enumerate(text):
        if ch == "«":
            guil.append(i)
        elif ch == "»" and guil:
            start = guil.pop()
            spans.append((start + 1, i))
    if carried_open and dq:
        spans.append((0, dq[0]))
        dq = dq[1:]
    left_open = False
    for j in range(0, len(dq) - 1, 2):
        spans.append((dq[j] + 1, dq[j + 1]))
    if len(dq) % 2 == 1:
        last = dq[-1]
        # An opener: followed by a letter, preceded by space/start/a prefix letter.
        if last + 1 < len(text) and text[last + 1].isalnum():
            spans.append((last + 1, len(text)))
            left_open = True
    spans.sort()
    return spans, left_open


def _preceding_words(text: str, pos: int, n: int) -> list[str]:
    """The `n` folded words just before `pos` (nearest last)."""
    before = text[:pos].rstrip(" \"“”«»„")
    words = before.split()[-n:]
    return [fold(w) for w in words]


def _is_name_or_slogan(text: str, start: int, end: int | None = None) -> bool:
    """True when the quote marks at `start` hold a name or slogan, judged by the words before.

    Names are short: a quoted span of more than `MAX_NAME_WORDS` words after «صحيفة»/«وكالة» is
    what the paper or agency said. After «:» or إن/أن the marks always hold speech; after a
    title noun («بعنوان», «شعار») they never do.
    """
    opener = start - 1
    inner_words = _words(text[start:end]) if end is not None else 0
    short = end is None or inner_words <= MAX_NAME_WORDS
    head = text[:opener].rstrip()
    if head.endswith(":"):
        return False
    before = _preceding_words(text, opener, 3)
    if before and is_complementizer(before[-1]) and head and head[-1] not in "«“\"":
        return False
    glued = opener > 0 and not text[opener - 1].isspace() and text[opener - 1] not in "«“\"("
    if glued:
        # «لـ"العربية.نت"», «بـ"النصر"»: a name glued to a preposition; «وأضاف"…» is speech.
        word = text[:opener].split()[-1] if text[:opener].split() else ""
        return cue_of(word)[1] is None and short
    if before:
        w = before[-1]
        hits = {w, strip_prefix(w)}
        if hits & TITLE_NOUNS or hits & SLOGAN_VERBS:
            return True
        if hits & NAME_NOUNS and short:
            return True
    # «وكالة الأنباء الرسمية "سانا"» is common, «صحيفة وول ستريت "…"» rare.
    for w in before[:-1]:
        if {w, strip_prefix(w)} & MEDIA_NOUNS and (end is None or inner_words <= 5):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Finding


def _find_cues(para: str, toks: list[Tok], sent: tuple[int, int],
               speakers: Speakers, spans: Sequence[tuple[int, int]] = (),
               speech: Sequence[tuple[int, int]] = ()) -> list[_Cue]:
    """Speech cues of one sentence, in order, with their speakers resolved.

    Words inside quote marks are speech, not cues. A verb after «بحسب ما»/«وفقا لما» attributes a
    fact and introduces no quote.
    """
    s0, s1 = sent
    idx = [k for k, t in enumerate(toks) if t.start >= s0 and t.end <= s1
           and not any(a <= t.start < b for a, b in spans)]
    if not idx:
        return []
    first, last = idx[0], idx[-1] + 1
    cues: list[_Cue] = []
    content_open = False  # inside someone's reported speech: nested verbs are theirs
    k = first
    while k < last:
        t = toks[k]
        norm, hit = cue_of(t.raw)
        prep = norm in ATTRIBUTION_PREPS
        if hit is None and not prep:
            k += 1
            continue
        kind, gender = hit if hit else ("prep", "m")
        if _host_noun(t.raw, hit):
            k += 1
            continue
        prev = toks[k - 1].norm if k > first else ""
        after_ma = prev in {"ما", "لما", "حسبما", "بحسبما", "وحسبما"}
        if kind == "verb" and after_ma:
            kind = "prep"  # «بحسب ما أعلنت الوزارة»: an attribution, not speech
        hedge = (strip_conj(norm) in HEDGES and k + 1 < last
                 and is_complementizer(toks[k + 1].norm))
        if (norm in FILLERS or prev in NEGATIONS or prev in IMPERSONAL or hedge or prev == "مما"
                or (not after_ma and (norm in AFTER_MA_ONLY or norm[1:] in AFTER_MA_ONLY))):
            # «ويذكر أن», «لا يزعمون أن» (denied speech), «وصفه» (a noun, «his describing»).
            k += 1
            continue
        counter = norm in COUNTER_CUES or any(
            toks[m].norm in COUNTER_CUES for m in range(max(first, k - 3), k))
        speaker = ""
        j = k + 1
        coordinated = (kind == "verb" and t.norm.startswith("و") and k > first
                       and any(c.named for c in cues))
        if kind == "verb" and not content_open and not coordinated and not t.raw.endswith(":"):
            speaker, j = subject(toks, k + 1, last)
            if norm in {"نقل", "نقلت", "ينقل", "تنقل", "ونقل", "ونقلت"}:
                # «ونقلت الوكالة عن المتحدث X قوله …»: the speaker follows «عن».
                for m in range(k + 1, min(last, k + 8)):
                    if toks[m].norm == "عن":
                        speaker, j = subject(toks, m + 1, last)
                        break
            elif j + 1 < last and toks[j].norm in RELAYING and toks[j + 1].norm == "عن":
                # «قالت الوكالة نقلا عن مصدر حكومي إن …»: the source relayed is the speaker.
                speaker, j = subject(toks, j + 2, last)
            if norm in _DESCRIBE and not (speaker and toks[j - 1].raw[-1] in "،,"):
                # «ووصف بولتون التدخل الروسي بأنه …»: subject and object run together after
                # «وصف»; only a subject set off by a comma («ووصف الرئيس، …، الهجوم») is
                # trusted.
                speaker, j = "", k + 1
            if prev in _PRONOUN_SUBJECTS:
                # «ولكنه ينفي ممارسته …»: the subject is the pronoun; what follows the verb is
                # its object, never a speaker.
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
                k += 1
                continue
        elif kind == "prep":
            # «بحسب ما قاله X», «وفقا لما نقلته X»: the verb after «ما» is the cue.
            if k + 1 < last and toks[k + 1].norm in {"ما", "لما"}:
                k += 1
                continue
            speaker, j = subject(toks, k + 1, last)
        # Where does the speech start? After إن/أن/«:» within a few words.
        content_start: int | None = None
        if t.raw.endswith(":"):
            content_start = t.end
        else:
            for m in range(j - 1 if j > k + 1 else k + 1, min(last, j + 20)):
                tm = toks[m]
                if m >= j + 14 and not tm.raw.endswith(":"):
                    # Far from the verb only «قال X في …:» still introduces speech.
                    if cue_of(tm.raw)[1] is not None and not _host_noun(tm.raw, cue_of(tm.raw)[1]):
                        break
                    continue
                if m > k and tm.raw[0] in "\"“”«„" and any(a == tm.start + 1 for a, _ in speech):
                    content_start = tm.start  # direct speech follows: «قال X "…"»
                    break
                if m > k and is_complementizer(tm.norm):
                    if toks[m - 1].norm in {"الا", "والا"}:
                        break  # «إلا أن» (however) is the writer's, not the speech
                    if toks[m - 1].norm in _ADVERBIAL_HEADS:
                        continue  # «بما أن», «بعد أن»: a clause of reason or time, not speech
                    if prev in RELATIVES and any(toks[x].raw[-1] in "،," for x in range(k, m)):
                        # «الحركة التي تدعو للمساواة، أن تشق …»: the relative clause ended at
                        # the comma; the أن belongs to the main clause.
                        break
                    content_start = tm.end
                    break
                if m > k and tm.norm == "الي" and m + 1 < last and is_complementizer(
                        toks[m + 1].norm):  # «مشيرًا إلى أن»
                    content_start = toks[m + 1].end
                    break
                if tm.raw.endswith(":") and m >= k:
                    if m > k and prev in RELATIVES and cue_of(tm.raw)[1] is not None:
                        break  # «الوزراء الذين اتهموا بالفساد قائلا:»: the colon is قائلا's
                    content_start = tm.end
                    break
                if m > k and cue_of(tm.raw)[1] is not None and not _host_noun(
                        tm.raw, cue_of(tm.raw)[1]):
                    break
        if (content_start is None and kind == "verb" and speaker and strip_conj(norm) in SAY
                and j < last and toks[j - 1].raw.endswith("،") and opens_statement(toks, j, last)):
            content_start = toks[j - 1].end  # «وقال الوزير، الوضع صعب»: a comma like «:»
        if kind == "prep":
            content_start = None  # «بحسب X» attributes, it does not introduce speech
        if content_start is not None and any(c.content_start == content_start for c in cues):
            # Two cues before one «إن»: the speech is the first one's («قالت X، التي تبلغ …، إن»).
            k = max(k + 1, j)
            continue
        if (not speaker and kind == "verb" and k + 1 < last and toks[k + 1].norm in IN_WHICH
                and strip_conj(toks[first].norm) in PUBLISHING):
            # «نشر نيمار تغريدة قال فيها: …», «أصدرت الشركة بيانا تقول فيه إنها …».
            speaker = subject(toks, first + 1, k)[0]
        elif not speaker and kind == "verb" and prev in RELATIVES:
            if content_start is None:
                # «الوزراء الذين اتهموا بالفساد»: a relative clause without speech is no cue (and
                # names nobody a later «قائلا:» could mean).
                k += 1
                continue
            # «الشهود الذين قالوا إنهم …»: the speaker is the noun the relative clause describes.
            speaker = antecedent(toks, k - 1, first)
        elif (not speaker and kind == "verb" and not content_open
              and any(strip_conj(toks[m].norm) in _KANA for m in range(max(first, k - 12), k))
              and _kana_subject(toks, k, first)):
            # «وكان مسؤول كبير في وزارة الخارجية بريان هوك قد أعلن أن …», «وكان السفير قال
            # إن …»: the subject sits between «كان» and the verb (or «قد»).
            speaker = _kana_subject(toks, k, first)
        elif (not speaker and kind == "verb" and not content_open
              and not t.norm.startswith(("و", "ف"))
              and not (k + 1 < last and toks[k + 1].norm in IN_WHICH)):
            # («كان له تصريح آخر، قال فيه:»: the statement's author, not the word before.)
            # SVO main clause (never before «وقال»: a conjunction opens a new clause): «ويذكر أن شركة X أعلنت أن …», «وكانت الوزارة قد أعلنت أن …».
            speaker = speaker_before(toks, k, first, max_words=6)
        if speaker:
            # An attribution («بحسب X») or an ambiguous verb without speech names no speaker
            # that a later «وأضاف» could mean.
            if kind != "prep" and (content_start is not None or norm not in AMBIGUOUS):
                speakers.add(speaker, gender)
            named = True
        else:
            speaker = speakers.last(gender)
            named = False
        cue = _Cue(tok=k, kind=kind, gender=gender, speaker=speaker,
                   content_start=content_start, counter=counter, named=named, end_tok=j)
        cues.append(cue)
        if content_start is not None:
            content_open = True
        k = max(k + 1, j)
    return cues


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
        spans, left_open = _quote_spans(para, carried)
        started_open = carried
        speech = [(a, b) for a, b in spans if _words(para[a:b]) >= MIN_QUOTE_WORDS
                  and ((started_open and a == 0) or not _is_name_or_slogan(para, a, b))]
        carried = left_open
        toks = tokens(para)
        para_quotes: list[Candidate] = []
        direct_done: set[tuple[int, int]] = set()
        for sent in _sentences(para):
            cues = _find_cues(para, toks, sent, speakers, spans, speech)
            s0, s1 = sent
            sent_spans = [sp for sp in spans if s0 <= sp[0] < s1]
            # Direct speech first.
            for a, b in sent_spans:
                if (a, b) in direct_done:
                    continue
                inner = para[a:b]
                text = inner.strip(" \t،,.:؛")
                if _words(text) < MIN_QUOTE_WORDS:
                    continue
                if not (started_open and a == 0) and _is_name_or_slogan(para, a, b):
                    continue
                if _embedded(para, cues, a, toks, speech):
                    continue  # a phrase quoted inside a reported clause: the clause is the quote
                speaker, named, counter = _direct_speaker(para, toks, cues, a, b, s1, speakers,
                                                          continuation=(
                                                              (started_open and a == 0) or
                                                              (a <= 1 and last_para_had_quote)))
                if not speaker or _is_data(speaker):
                    continue
                direct_done.add((a, b))
                para_quotes.append(Candidate(text=text, speaker=speaker, kind="direct",
                                             paragraph=pi, start=a + inner.find(text),
                                             named=named, counter=counter,
                                             context=para[s0:s1]))
            # Reported speech: from a cue's content start to the next cue or the sentence end.
            starts = [c for c in cues if c.content_start is not None]
            for n, cue in enumerate(starts):
                cs = cue.content_start
                assert cs is not None
                end = s1
                if n + 1 < len(starts):
                    end = min(end, toks[starts[n + 1].tok].start)
                raw = _ATTRIBUTION_TAIL_RE.sub("", para[cs:end])
                text = raw.strip(" \t،,.:؛!؟?\n")
                text = _TRAILING_CONJ_RE.sub("", text).rstrip(" \t،,.:؛!؟?")
                while text and text[-1] in "\"”»" and text.count(text[-1]) % 2 == 1 and (
                        text[-1] != "»" or "«" not in text):
                    text = text[:-1].rstrip(" \t،,.:؛!؟?")  # a stray closing mark
                if not text or _words(text) < MIN_REPORTED_WORDS:
                    continue
                start = cs + raw.find(text)
                nxt = starts[n + 1] if n + 1 < len(starts) else None
                if nxt is not None and nxt.named and nxt.speaker and text.startswith(nxt.speaker):
                    # «ونقلت الوكالة أن X، نائب الوزير، أوضح أن …»: the span is the next
                    # statement's subject, not a statement.
                    continue
                # Direct speech inside wins over its paraphrase (unless it is a phrase the
                # clause quotes: then the whole clause is the statement).
                if any(start <= a < start + len(text) + 1 and _words(para[a:b]) >= MIN_QUOTE_WORDS
                       and not _embedded(para, cues, a, toks, speech)
                       for a, b in spans) or text[0] in "\"“”«„":
                    continue
                if not quote_marks_balanced(text):
                    continue  # a span cut inside quote marks is no statement
                if any(a <= start < b for a, b in speech):
                    continue  # «:"إن التقنية …"»: the إن inside direct speech opens nothing
                if not cue.speaker or _is_data(cue.speaker):
                    continue
                para_quotes.append(Candidate(text=text, speaker=cue.speaker, kind="reported",
                                             paragraph=pi, start=start,
                                             named=cue.named, counter=cue.counter,
                                             context=para[s0:s1]))
        para_quotes = [c for c in para_quotes if quote_marks_balanced(c.text)]
        para_quotes.sort(key=lambda c: c.start)
        out.extend(para_quotes)
        last_para_had_quote = bool(para_quotes) and para_quotes[-1].kind == "direct"
    return out


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


def _host_noun(raw: str, hit: tuple[str, str] | None) -> bool:
    """«مضيفه» (his host) folds like «مضيفة» (adding): a feminine participle is written with ة."""
    return (hit is not None and hit[0] == "part" and hit[1] == "f"
            and raw.rstrip(":،,.")[-1:] == "ه")


def _embedded(para: str, cues: Sequence[_Cue], a: int, toks: list[Tok],
              speech: Sequence[tuple[int, int]]) -> bool:
    """True when the quote marks at `a` hold a short phrase inside a reported clause.

    «قال إن الإجراءات تهدف لمعاقبة الصين على "أعوام من السرقة …"»: the quoted phrase is part of
    the reported statement, which is the quote (gold rule 2); «قال إن "…"» is direct speech, and
    so is a long quotation the clause leads into («حض روحاني على … "لوضع حد للهجمات …"»).
    """
    close = min((i for i in (para.find(m, a) for m in "\"“”»") if i >= 0), default=len(para))
    if _words(para[a:close]) > MAX_EMBEDDED_WORDS:
        return False
    for c in cues:
        cs = c.content_start
        if cs is None or cs >= a or toks[c.tok].start >= a:
            continue
        later = [d for d in cues if d.content_start is not None and d.tok > c.tok]
        if later and toks[later[0].tok].start < a:
            continue  # the next statement has begun before the marks
        # After an earlier quotation in the same clause («حذر X "…"موضحا أن "…"») the marks open
        # a new statement whose cue the first quote's marks hid (a scare-quoted word does not).
        return _words(para[cs:a - 1]) >= 2 and not any(cs <= x and y < a for x, y in speech)
    return False


def quote_marks_balanced(text: str) -> bool:
    """Quote marks of `text` pair up (« », “ ”/„ “, straight quotes in twos)."""
    return (text.count("«") == text.count("»")
            and sum(text.count(m) for m in "\"“”„") % 2 == 0)


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


def _direct_speaker(para: str, toks: list[Tok], cues: list[_Cue], a: int, b: int, s1: int,
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
