"""One reported span, two statements: «قال إن X، وإن Y» split into its two clauses.

The finder (digests.quotes) makes one reported candidate from a speech verb to the end of its
sentence, so «قال الرئيس إن القمة ممكنة، وإن المحادثات يجب أن تهدف إلى …» is one span. The
annotators' rule (benchmarks/gold/README.md, sessions 6 and 7) makes it two quotes when the clauses
hold two points; a continuation of one reasoning («قال إنه حاول …، وأن عراكا اندلع») they keep
whole. A digest that shows the span whole shows one point and hides the other behind it; split,
the ranking can show the first and, where there is room, the second (brief K13: 26 key quotes lost
because one shown span held two).

Only a new complement clause after a comma splits: «، وإن …», «، وإنه …», «، وأنه …», «، وأن
ال…» (a definite subject), «، كما أن …». Not «، وأن يبقى …» (a second subjunctive object of one
verb: «رأيت ألا يشارك، وأن يبقى …»), nor «وبأن», nor inside quote marks, nor a span that opens
on its verb (a hedged «ترجح السلطات أن تكون …» shown as written), nor a concessive «وإن أضاف»,
«وإن كان», nor a second reason of one «لأن», nor a part under three words.
The second part keeps a complementizer that carries its subject («أنه رغم …», shown «إنه …» by
bot.attribution) and otherwise starts at its subject; it is no longer `named` (its speaker is
the first part's). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from digests.speech import PAST_SPEECH, cue_of, fold

if TYPE_CHECKING:
    from digests.quotes import Candidate

MIN_PART_WORDS = 3  # a part shorter than this is no statement (the finder's MIN_REPORTED_WORDS)

# «، وإن X», «، وأنه X», «، كما أن X»: connector (1), complementizer (2), its pronoun (3), the
# next word (4).
_CLAUSE_RE = re.compile(
    r"[،,]\s*(و|كما\s)((?:إن|أن|ان)(ه|ها|هم|هما|نا)?)\s+(\S+)")


def _present_verb(word: str) -> bool:
    """«يبقى», «تتعامل», «تستمر», «لا»: after a bare «أن» the clause is subjunctive (an object of
    the same verb, not a new statement). Folded, as digests.quotes reads a subjunctive."""
    w = fold(word)
    return (w in ("لا", "تكون", "يكون")
            or (w[:1] == "ي" and len(w) >= 4 and not w.endswith(("ون", "ين")))
            or w.startswith(("تت", "تست")))


# «وإن أضاف …», «وإن كان …»: «even though» — a concession inside the clause, no new statement.
_CONCESSIVE_NEXT = frozenset("كان كانت كانوا يكن تكن لم بدا بدت ظل ظلت".split())
# «… وذلك لأن البشر يتفاعلون …، كما أنهم يسافرون»: a second reason of the same «because».
_CAUSAL_RE = re.compile(r"(?:^|\s)(?:و?ل(?:أن|ان)|بسبب|نظرا)")


def _cuts(text: str) -> list[re.Match[str]]:
    """Where a new complement clause starts in `text` (the rules of the module docstring)."""
    out: list[re.Match[str]] = []
    for m in _CLAUSE_RE.finditer(text):
        if text[:m.start()].count('"') % 2 or text[:m.start()].count("«") > text[
                :m.start()].count("»"):
            continue  # inside quote marks: the speaker's own words go on
        comp, pronoun, nxt = m.group(2), m.group(3), m.group(4)
        if not pronoun and (fold(nxt) in _CONCESSIVE_NEXT or cue_of(nxt)[1] is not None):
            continue
        if _CAUSAL_RE.search(text[out[-1].end() if out else 0:m.start()]):
            continue
        hamza_a = comp[0] in "أا"  # «أن» (subjunctive or a clause), not «إن» (a clause)
        if hamza_a and not pronoun and (
                _present_verb(nxt) or (m.group(1) == "و" and not fold(nxt).startswith("ال"))):
            continue
        out.append(m)
    return out


# «…، ودعا إلى إجراء تحقيق …», «… كسلاح واستشهد بتقارير …»: «و» and a past speech verb after
# the clause (QA25 E7). The word after «و» (1).
_RESUME_RE = re.compile(r"(?:[،,]\s*|\s)و(\S+)")


_TO_ME = frozenset("لي لنا".split())


def _inside_marks(text: str, at: int) -> bool:
    head = text[:at]
    return head.count('"') % 2 == 1 or head.count("«") > head.count("»") or head.count(
        "“") > head.count("”")


def run_on_cut(c: Candidate) -> Candidate:
    """A reported span that runs on into the writer's next clause ends before it: «قال الممثل إن
    المجموعة كانت مذنبة …، ودعا إلى إجراء تحقيق» is his statement up to the comma; «وأورد
    البيان أن …», «واستشهد بتقارير …» are the writer going on (QA25 E7). A past speech verb
    with «و», outside quote marks, after at least MIN_PART_WORDS words; the clause the verb
    opens is the finder's to find (it is a cue of its own when it has one)."""
    if c.kind != "reported":
        return c
    for m in _RESUME_RE.finditer(c.text):
        if fold(m.group(1)) not in PAST_SPEECH or _inside_marks(c.text, m.start()):
            continue
        head = c.text[:m.start()].rstrip(" ،,")
        after = c.text[m.end():].split(maxsplit=1)
        if ":" in head or (after and fold(after[0]) in _TO_ME):
            # «…: سلمان عنصر مهم، واستبعد بسبب إصابته» (after a colon the words are the
            # speaker's own), «شعرت بانزعاج وقال لي الطبيب …» (his own story): it goes on.
            return c
        if len(head.split()) < MIN_PART_WORDS:
            return c
        return replace(c, text=head)
    return c


def _without(context: str, others: Sequence[str]) -> str:
    """The sentence with the other parts taken out: each part is matched to the headline by
    its own words (quote_rank's `about`), not by its neighbour's."""
    for other in others:
        context = context.replace(other, " ")
    return context


def split_clauses(candidates: Sequence[Candidate]) -> tuple[list[Candidate], tuple[int, ...]]:
    """`candidates` with every reported span of two statements replaced by its clauses (reading
    order kept), and for each item the index in `candidates` of the span it comes from."""
    out: list[Candidate] = []
    origin: list[int] = []
    for i, c in enumerate(candidates):
        first = c.text.split(maxsplit=1)[0] if c.text.split() else ""
        cuts = _cuts(c.text) if c.kind == "reported" and cue_of(first)[1] is None else []
        parts: list[tuple[int, str]] = []
        at = 0
        for m in cuts:
            parts.append((at, c.text[at:m.start()].rstrip(" ،,")))
            at = m.start(2) if m.group(3) else m.start(4)
        parts.append((at, c.text[at:]))
        if len(parts) == 1 or any(len(p.split()) < MIN_PART_WORDS for _, p in parts):
            out.append(c)
            origin.append(i)
            continue
        whole = c.context or c.text
        for n, (a, p) in enumerate(parts):
            out.append(replace(c, text=p, start=c.start + a, named=c.named and n == 0,
                               context=_without(whole, [q for m, (_, q) in enumerate(parts)
                                                        if m != n])))
            origin.append(i)
    return out, tuple(origin)


def whole_unless_all(chosen: Sequence[int], parts: Sequence[Candidate], origin: Sequence[int],
                     candidates: Sequence[Candidate]) -> list[Candidate]:
    """The chosen items of `parts` as a digest shows them: a clause chosen without its sibling
    clauses is shown as the whole span it came from (the reader keeps both points; a split only
    shows when every clause of the span earns a place). Order kept, a span shown once."""
    out: list[Candidate] = []
    for i in chosen:
        siblings = [j for j, o in enumerate(origin) if o == origin[i]]
        c = parts[i] if all(j in chosen for j in siblings) else candidates[origin[i]]
        if c not in out:
            out.append(c)
    return out
