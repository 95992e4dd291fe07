"""Second looks the quote finder (digests.quotes.find_quotes) takes at what it found.

Whether a reported clause of two words is still a statement («قال إنه سيعاود الاتصال»), whose
statements a document's clause is («…، وفقا لتصريحات X»), which two-word clauses only echo a
fuller quote and go, and a speaker's last word «ل» + a name that is whom he spoke to («زيدان
لبيل»). Split from digests.quotes (brief SPLIT2, audit QA73-17) to keep the finder's module under
~500 lines; pure functions of text and candidates. What benchmarks/key_losses switches off by
name on digests.quotes (MIN_REPORTED_WORDS, quote_marks_balanced, the column's «we» …) stays
there, and so does every helper that reads one of those names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from digests.apposed_names import TITLES
from digests.quote_marks import word_count
from digests.speech import SAY, cue_of, fold, is_complementizer, strip_conj

if TYPE_CHECKING:  # the candidate type is digests.quotes', which imports this module
    from digests.quotes import Candidate


# A reported clause under the finder's MIN_REPORTED_WORDS is still a statement when it is two
# words right after إن/أن («وتقول كليفورد إن المزاعم باطلة», «قال إنه سيعاود الاتصال»: F34,
# `_short_statement`).
MIN_SHORT_STATEMENT_WORDS = 2
_SAYING = frozenset("قائلا قائله بالقول".split())  # folded, beside SAY


def _content_words(text: str) -> set[str]:
    return {w for w in (fold(x.strip("\"“”«»„،,.:؛!؟?()")) for x in text.split()) if len(w) >= 3}


def _echoes_out(cands: list[Candidate], shorts: set[tuple[int, int]]) -> list[Candidate]:
    """Without the two-word clauses that echo a fuller candidate: «قال إنه ليس نادما» beside
    his own «لست خائفاً … لست نادما», «إنه "إجراءات مؤقتة"» beside «هناك إجراءات مؤقتة
    تفرضها …» (half their words or more in it). Too short for the ranking's paraphrase rule,
    they would take the fuller one's place (F34's corpus diff)."""
    if not shorts:
        return cands
    words = [_content_words(c.text) for c in cands]
    return [c for n, c in enumerate(cands) if (c.paragraph, c.start) not in shorts or not any(
        (c.paragraph, c.start) != (d.paragraph, d.start)
        and 2 * len(words[n] & words[m]) >= len(words[n]) > 0
        for m, d in enumerate(cands))]


def _short_statement(para: str, cs: int, text: str, verb: str) -> bool:
    """A reported clause under MIN_REPORTED_WORDS that is still a statement: at least
    MIN_SHORT_STATEMENT_WORDS words right after «إن/أن» («إنه», «وأن» …) of a verb of saying
    (`verb`, folded: «قال», «تقول», «قائلة», «بالقول»). Other verbs' short clauses are views and
    labels («يرى الكثيرون أن دوافعها سياسية», «يظن منظمو المعرض أنها طيبة») that a digest then
    shows instead of a fuller statement (F34's corpus diff). Not after «بأن» (the describer's
    «بأنها "غير عادلة"»); not words after «:» (a heading's tail, or a short line in marks
    MIN_QUOTE_WORDS keeps out)."""
    if (word_count(text) < MIN_SHORT_STATEMENT_WORDS or ":" in text
            or strip_conj(verb) not in SAY and verb not in _SAYING):
        return False
    at = para.find(text, cs)
    if para[at + len(text):].lstrip(" \"”»").startswith(":"):
        return False  # «يقول التحقيق إن مواطنين روس :» and a list: the statement is the list's
    before = para[:cs].split()
    raw = before[-1].strip("\"“”«»„") if before else ""
    word = fold(raw)
    if raw.removeprefix("و") == "أن" and text.lstrip("\"“«„")[:1] in "يتن":
        return False  # «أن تقول "رأيهم"», «المحتمل أن توجه إليه»: a subjunctive, not a statement
    return is_complementizer(word) and not word.startswith(("ب", "وب"))


# «إذ تضمن خطة العام المالي 2018 أن تدفع رواتب …، وفقا لتصريحات سليم الجبوري» (QA39 #20:
# «بحسب خطة العام المالي»): a document's clause whose tail names the person whose statements
# it is; heads of such documents (folded) and the tail.
_DOCUMENT_HEADS = frozenset("خطه موازنه ميزانيه قانون مشروع وثيقه قرار اتفاق اتفاقيه".split())


_STATEMENTS_TAIL_RE = re.compile(
    r"[،,]\s*(?:و?ب?حسب|و?وفق(?:ا|اً|ًا)?)\s+(?:ل)?تصريحات\s+([^،,.:\"«»()]+?)\s*(?:[.،,:]|$)")


def _statements_of(speaker: str, clause: str) -> str:
    """The person a document's clause is credited to by its «، وفقا لتصريحات X» tail; ""."""
    words = speaker.split()
    if not words or fold(words[0]).removeprefix("ال") not in _DOCUMENT_HEADS:
        return ""
    m = _STATEMENTS_TAIL_RE.search(clause)
    if m is None:
        return ""
    name = m.group(1).split()
    return " ".join(name) if 1 <= len(name) <= 6 and not any(
        cue_of(w)[1] is not None for w in name) else ""


def _addressee_cut(cands: list[Candidate], paragraphs: Sequence[str]) -> list[Candidate]:
    """«وقال زيدان لبيل إنه "يتوقع منه الكثير"» (F30, seed 30, 1748: «بحسب زيدان لبيل»): a
    speaker's last word «ل» + a name the article writes alone at least twice elsewhere, right
    after a name, is whom it was said to; it is cut («لوبان», «ليفربول» leave no such name)."""
    counts: Counter[str] | None = None  # the article's words, counted once a speaker asks
    out: list[Candidate] = []
    for c in cands:
        parts = c.speaker.split()
        if len(parts) >= 2 and _addressed(parts[-2], parts[-1]):
            if counts is None:
                counts = Counter(w.strip("،,.:؛\"«»“”()") for para in paragraphs
                                 for w in para.split())
            if counts[parts[-1][1:]] >= 2:
                c = replace(c, speaker=" ".join(parts[:-1]))
        out.append(c)
    return out


def _addressed(before: str, last: str) -> bool:
    """`last` may be «ل» + whom the name `before` spoke to (see `_addressee_cut`)."""
    norm = fold(before)
    return (last.startswith("ل") and not last.startswith(("لل", "لـ")) and len(last) >= 4
            and not last[1:].startswith("ال")
            # after a name only: «المدير الفني لتوتنهام», «موالية لدمشق» are the title's
            and not norm.startswith("ال") and not norm.endswith(("ه", "ي"))
            and not before.endswith(("،", ",")) and norm not in TITLES)
