"""Quote marks in Arabic news text: where direct speech sits, what is a name, how to trim.

Two thirds of the spans between quote marks in Arabic news are names, slogans and scare quotes
(«صحيفة "الشرق الأوسط"», «حملة "…"»), so deciding what the marks hold matters as much as finding
them. Everything here is pure: text in, spans and booleans out. Used by digests.quotes (finding)
and bot.render (a trimmed quote must keep its marks paired).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.arabic import sentences
from digests.speech import (
    MEDIA_NOUNS,
    NAME_NOUNS,
    SLOGAN_VERBS,
    TITLE_NOUNS,
    cue_of,
    fold,
    is_complementizer,
    strip_prefix,
)

MAX_QUOTE_CHARS = 240
MIN_QUOTE_WORDS = 4  # direct speech: shorter spans in quote marks are names or scare quotes
MAX_NAME_WORDS = 6
TRIM_MARK = " …"

_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)


_CLOSERS = {'"': '"', "“": "”", "«": "»", "„": "“"}


def trim(text: str, max_chars: int = MAX_QUOTE_CHARS) -> str:
    """`text` cut at a word boundary before `max_chars`, marked with « …» when cut."""
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    while not quote_marks_balanced(cut):
        # The cut fell inside inner quote marks: end before the unpaired opener instead, or,
        # when that would leave little more than the clause's subject («المحكمة "استندت …"»),
        # close the marks after the cut.
        last = max(cut.rfind(m) for m in "\"“”„«»")
        if 0 <= last < max_chars // 2 and cut[last] in _CLOSERS:
            body = cut.rstrip(" ،,;؛:-–—")
            if len(body) + 1 > max_chars and body.rfind(" ") > last:
                body = body[:body.rfind(" ")].rstrip(" ،,;؛:-–—")  # room for the closing mark
            closed = body + TRIM_MARK + _CLOSERS[cut[last]]
            if quote_marks_balanced(closed):
                return closed
            # (the mark was no opener — «» "" "» ahead of it: end before it instead)
        cut = cut[:last].rstrip()
    return cut.rstrip(" ،,;؛:-–—") + TRIM_MARK


# A clause's opening conjunction or «و» on a preposition or particle: the quote reads as cut
# mid-sentence with it («وفي دعوة قطر …», «لكن الوضع …»), whole without it (QA18 R18).
_OPENING_WAW = frozenset(
    "وفي وعلى ومن وقد ولا ولم ولن وهذا وهذه وهو وهي وهم وإذا ولذلك وبالتالي ومع وعن"
    .split())
_OPENING_PARTICLES = ("بيد أن ", "لكن ", "ولكن ")
_HASHTAG_RE = re.compile(r"#([^\W\d_][\w]*)")


def tidy(text: str) -> str:
    """A quote or speaker as a reader sees it: Al Arabiya's hashtags as words («#كوريا_الشمالية»
    → «كوريا الشمالية»), no stray mark at its start («" "لكي …»), no doubled opening («بلاده أن
    بلاده …»), no opening conjunction.

    The cut is made only when a statement of three words or more is left."""
    text = _HASHTAG_RE.sub(lambda m: m.group(1).replace("_", " "), text)
    if len(text) > 3 and text[0] in "\"“”„" and text[1] == " " and text[2] in "\"“”„":
        text = text[3:]  # «" "لكي يكون …»: an empty pair left from the sentence before
        if not quote_marks_balanced(text) and text[-1:] in "\"”":
            text = text[:-1].rstrip()
    while text[:1] in "\"“”«»„" and not quote_marks_balanced(text):
        text = text[1:].lstrip()  # «" "لكي يكون …»: a mark left from the sentence before
    words = text.split(" ", 3)
    if len(words) == 4 and words[0] == words[2] and words[1] in ("أن", "إن"):
        text = words[2] + " " + words[3]  # «بلاده أن بلاده مستعدة …»: the source's doubled words
    for particle in _OPENING_PARTICLES:
        rest = text[len(particle):]
        if text.startswith(particle) and word_count(rest) >= 3:
            return rest
    first, _, rest = text.partition(" ")
    if first in _OPENING_WAW and word_count(rest) >= 2:
        return first[1:] + " " + rest
    return text


def word_count(text: str) -> int:
    """Words of `text` that hold a letter (figures and punctuation do not count)."""
    return sum(1 for w in text.split() if _LETTER_RE.search(w))


def sentence_spans(text: str) -> list[tuple[int, int]]:
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


def quote_spans(text: str, carried_open: bool, *,
                closes_at_break: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Inner spans (start, end) of quote-mark pairs in a paragraph.

    Guillemets pair with guillemets; the double-quote family (" “ ” „) pairs in order. An opener
    left unpaired at the end runs to the end of the paragraph; `carried_open` says the previous
    paragraph left one open. By default the quote goes on in the next paragraph, whose first mark
    closes it (digests.shared_speech's story keys). With `closes_at_break` (the quote finder) a
    quote never spans a paragraph break (QA18 R7: «وقال X "…⏎ وقال Y … "يجب أن يتوقف"» made
    the writer's next paragraph X's words): the next paragraph starts outside quotes, and a first
    mark that cannot open (glued to the word before it) is the lost closer, paired with nothing.
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
    if carried_open and dq and closes_at_break:
        if not (dq[0] == 0 or text[dq[0] - 1].isspace()):
            dq = dq[1:]  # «… حالا".» closing the previous paragraph's quote: no pair of its own
    elif carried_open and dq:
        spans.append((0, dq[0]))
        dq = dq[1:]
    left_open = False
    j = 0
    while j < len(dq) - 1:
        if _closer_like(text, dq[j]) and not _closer_like(text, dq[j + 1]):
            # «قائلا: ليفا، … اللعنة!"، ليرد عليه البولندي "أنت …"» (corpus 2275): the opener
            # was never written; a mark that can only close starts no pair, or every pair
            # after it holds the writer's words between two quotes.
            j += 1
            continue
        if closes_at_break and j + 3 < len(dq) and _nested_name(text, dq[j:j + 4]):
            # «مضيفا:" إننا نعتبر أن موافقة "مبادلة" على الدخول … إيني ".» (QA59-35): a name in
            # marks inside the quote; paired in order, the quote broke into «إننا نعتبر أن
            # موافقة» and «على الدخول …». The outer pair holds the statement, the name stays in it.
            spans.append((dq[j] + 1, dq[j + 3]))
            j += 4
            continue
        lost = _lost_closer(text, dq[j], dq[j + 1]) if closes_at_break else None
        if lost is not None:
            # «أنها "تستأنف الرحلات … الصيف القادم. وأضاف بيان "أيروفلوت" أن "الشركة …".» (F46,
            # seed 41, 4103): the closer after «القادم.» was never written; the quote ends at
            # that stop, and the mark that could only open opens the next pair.
            spans.append((dq[j] + 1, lost))
            j += 1
            continue
        spans.append((dq[j] + 1, dq[j + 1]))
        if (j + 2 < len(dq) and _sentence_opener(text, dq[j + 1])
                and not _opener_like(text, dq[j + 2])):
            # «قائلا "سنمضي قدما. نعكف على ذلك. "لذا، كما قال …، ليس هدفنا". ودفعت …» (F14's
            # seed 17, 6115): the mark closing a pair opens a quote nested in it (or one whose
            # closer was lost), and the mark after it closes both; pairing on in twos would
            # make the writer's next sentence a quote. The nested tail is no quote of its own
            # («"تنظيم مراسم … "تزامنا مع ذكرى …".»: a phrase of the same statement).
            j += 3
        else:
            j += 2
    if j == len(dq) - 1:
        last = dq[-1]
        # An opener: followed by a letter, preceded by space/start/a prefix letter.
        if last + 1 < len(text) and text[last + 1].isalnum():
            spans.append((last + 1, len(text)))
            left_open = True
    spans.sort()
    return spans, left_open


def _lost_closer(text: str, opener: int, mark: int) -> int | None:
    """Where a quote opened at `opener` ends when the next mark, at `mark`, can only open (a
    space before it, a letter after it, as the opener) and the words just before it are the
    writer's: a stop,
    then a verb of saying joined by «و/ف» and at most three more words («… القادم. وأضاف بيان
    "أيروفلوت" أن "…"»). The end is that stop (kept inside the quote); None otherwise."""
    if not (_opener_like(text, opener) and _opener_like(text, mark)):
        return None  # («أسوأ". وكتبت مجلة "كيكر"»: a closer whose opener was lost, not this)
    stop = max(text.rfind(ch, opener + 1, mark) for ch in ".!?؟")
    if stop < 0:
        return None
    words = text[stop + 1:mark].split()
    if not 1 <= len(words) <= 4 or fold(words[0])[:1] not in "وف":
        return None
    hit = cue_of(words[0])[1]
    return stop + 1 if hit is not None and hit[0] == "verb" else None


def _nested_name(text: str, marks: Sequence[int]) -> bool:
    """The four straight marks `marks` are a quote with a short name in marks nested in it: the
    first stands after a space, a colon or a comma, the second opens (a space before it, a letter
    after it), the third closes (glued to the name's last letter, no letter after it) at most
    MAX_NAME_WORDS words later, and the fourth does not open («: "إن الصفقة مهمة بالنسبة لـ
    "مبادلة"، حيث … ".»). Only the quote finder reads marks so (`closes_at_break`); the story
    keys (digests.shared_speech) keep pairing in order."""
    first, second, third, fourth = marks
    return (_opener_like(text, second) and not text[third - 1].isspace()
            and (third + 1 == len(text) or not text[third + 1].isalnum())
            and 0 < word_count(text[second + 1:third]) <= MAX_NAME_WORDS
            and text[first - 1:first].strip() in _BEFORE_OPENER
            and not _opener_like(text, fourth))


# What may stand right before a mark that opens a quote (a space or the start reads ""): a letter
# glued before it makes it a closer («الأمد"»).
_BEFORE_OPENER = frozenset(("", ":", "(", "،", ","))


def _opener_like(text: str, i: int) -> bool:
    """The mark at `i` opens: a space (or start) before it and a letter right after it."""
    return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalpha()


def _closer_like(text: str, i: int) -> bool:
    """The mark at `i` can only close: a stop before it and a comma or stop after it
    («اللعنة!"،», «هدفنا".»)."""
    return i > 0 and text[i - 1] in ".!?؟" and (i + 1 == len(text) or text[i + 1] in "،,.")


def _sentence_opener(text: str, i: int) -> bool:
    """The mark at `i` opens a sentence: «… ذلك. "لذا …» (a nested mark inside a phrase, «أحضروا
    مدربًا "معطوبًا" اعتزل …», is a name or scare quote within the quote)."""
    return _opener_like(text, i) and text[:i].rstrip()[-1:] in ".!?؟"


def _preceding_words(text: str, pos: int, n: int) -> list[str]:
    """The `n` folded words just before `pos` (nearest last)."""
    before = text[:pos].rstrip(" \"“”«»„")
    words = before.split()[-n:]
    return [fold(w) for w in words]


# A person's title in the construct state, before the name of what he heads or belongs to.
_TITLES_OF_BODIES = frozenset(fold(w) for w in (
    "قائد قادة رئيس رؤساء مدير مديري زعيم زعماء مؤسس عضو أعضاء عناصر مقاتلو مقاتلي مسلحو"
    " مسلحي").split())


def is_name_or_slogan(text: str, start: int, end: int | None = None) -> bool:
    """True when the quote marks at `start` hold a name or slogan, judged by the words before.

    Names are short: a quoted span of more than `MAX_NAME_WORDS` words after «صحيفة»/«وكالة» is
    what the paper or agency said. After «:» or إن/أن the marks always hold speech; after a
    title noun («بعنوان», «شعار») they never do.
    """
    opener = start - 1
    inner_words = word_count(text[start:end]) if end is not None else 0
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
        if hits & _TITLES_OF_BODIES and short:
            # «أعلن قائد "اللواء السادس حرس حدود" العميد … أن» (QA59-35): a unit's or body's
            # name that a title heads, not what the title said
            return True
    # «وكالة الأنباء الرسمية "سانا"» is common, «صحيفة وول ستريت "…"» rare.
    for w in before[:-1]:
        if {w, strip_prefix(w)} & MEDIA_NOUNS and (end is None or inner_words <= 5):
            return True
    return False


def quote_marks_balanced(text: str) -> bool:
    """Quote marks of `text` pair up (« », “ ”/„ “, straight quotes in twos)."""
    return (text.count("«") == text.count("»")
            and sum(text.count(m) for m in "\"“”„") % 2 == 0)


# Quote finding reads every quote span against the sentence around it: superlinear in a
# paragraph's length and marks. A hostile page of one 660 KB paragraph of nested marks froze the
# bot for minutes (QA14 F2), so the finder (digests.quotes.find_quotes) reads each paragraph up
# to QUOTE_PARAGRAPH_CHARS or its QUOTE_PARAGRAPH_MARKS-th quote mark, and the article up to
# QUOTE_TEXT_CHARS. Real articles stay
# far inside all three (corpus: the longest paragraph 5,063 characters and 40 marks, the longest
# article 15,144 characters): no real digest changes.
QUOTE_PARAGRAPH_CHARS = 6_000
QUOTE_PARAGRAPH_MARKS = 64
QUOTE_TEXT_CHARS = 40_000
_MARKS = frozenset('"“”«»„')


def _bounded(para: str, limit: int) -> str:
    """`para` up to `limit` characters and QUOTE_PARAGRAPH_MARKS quote marks, cut before a word."""
    marks = 0
    for i, ch in enumerate(para[:limit]):
        if ch in _MARKS:
            marks += 1
            if marks > QUOTE_PARAGRAPH_MARKS:
                limit = i
                break
    if len(para) <= limit:
        return para
    cut = para[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > 0 else cut


def quotable(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """The paragraphs the quote finder reads: each bounded (see QUOTE_PARAGRAPH_CHARS), the whole
    up to QUOTE_TEXT_CHARS. A quote is still a verbatim slice of its (bounded) paragraph."""
    out: list[str] = []
    left = QUOTE_TEXT_CHARS
    for para in paragraphs:
        if left <= 0:
            break
        kept = _bounded(para, min(QUOTE_PARAGRAPH_CHARS, left))
        out.append(kept)
        left -= len(kept)
    return tuple(out)
