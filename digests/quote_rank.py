"""Which quotes a digest keeps: an editor's order over the quotes `digests.quotes` found.

First the statement behind the headline's claim (word overlap of its sentence and speaker with the
headline), then the main counter-voice (another speaker; a reply or denial), then the strongest
remaining point (a warning, demand, refusal). Direct speech wins over its reported paraphrase, and
different speakers over one speaker's repeats; a paraphrase of a quote already kept adds nothing.
Pure: candidates in, at most `limit` of them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.arabic import analyze, is_stop

if TYPE_CHECKING:
    from digests.quotes import Candidate

MAX_QUOTES = 3

# Weights of the editor's order (chosen on the development gold articles, see benchmarks/README).
W_ABOUT = 2.0  # overlap with the headline
W_DIRECT = 1.0  # direct speech
W_ECHO = 0.8  # a reported paraphrase of a direct quote
W_NAMED = 1.2  # the speaker is written at the quote
W_POSITION = 1.0  # early in the article
W_STRONG = 0.6  # a warning, demand or refusal
W_SHORT = 0.0  # fewer than six words
W_REPEAT = 2.4  # per chosen quote of the same speaker
W_COUNTER = 0.8  # a reply or denial, for the second slot
_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)

# Words of a strong statement (a warning, a demand, a refusal, a threat), for the third slot.
_STRONG = frozenset(analyze(
    "ينبغي يجب لا بد لن نرفض يرفض رفض عقوبات عقوبة تحذير خطر خطير تهديد حرب جرائم إرهاب"
    " مستعد مستعدون سنرد سيدفع الثمن مسؤولية مسؤول غير مقبول كارثة انتهاك إبادة ضرورة"
    " فورا فوري نطالب ندعو")) - frozenset(("لا",))


def _words(text: str) -> int:
    return sum(1 for w in text.split() if _LETTER_RE.search(w))


def _keys(text: str) -> set[str]:
    """Content keys of a text (digests.arabic.analyze without stop-words), for overlap."""
    return {k for k in analyze(text) if len(k) >= 2 and not is_stop(k)}


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def rank_quotes(candidates: Sequence[Candidate], headline: str = "", *,
                limit: int = MAX_QUOTES) -> list[Candidate]:
    """At most `limit` candidates in an editor's order.

    First the statement behind the headline's claim (word overlap with the headline, speaker in
    the headline, early in the article), then the main counter-voice (another speaker, a denial or
    reply), then the strongest remaining point; direct speech over its reported paraphrase, and
    different speakers over one speaker's repeats.
    """
    if not candidates:
        return []
    head = _keys(headline)
    n_paras = max(c.paragraph for c in candidates) + 1

    text_keys = {id(c): _keys(c.text) for c in candidates}
    about = {id(c): _overlap(_keys(c.context or c.text) | _keys(c.speaker), head) if head else 0.0
             for c in candidates}
    # Direct speech over its reported paraphrase: a lead often paraphrases a quote given later
    # in full; the direct quote inherits the paraphrase's relevance and the paraphrase steps back.
    echoed: set[int] = set()
    for d in candidates:
        if d.kind != "direct":
            continue
        for r in candidates:
            common = text_keys[id(d)] & text_keys[id(r)]
            if (r.kind == "reported" and len(common) >= 3
                    and _overlap(text_keys[id(d)], text_keys[id(r)]) >= 0.34):
                about[id(d)] = max(about[id(d)], about[id(r)])
                echoed.add(id(r))

    def base(c: Candidate) -> float:
        words = _words(c.text)
        score = W_ABOUT * about[id(c)]
        score += W_DIRECT if c.kind == "direct" else 0.0
        score -= W_ECHO if id(c) in echoed else 0.0
        score += W_NAMED if c.named else 0.0
        score += W_POSITION * (1.0 - c.paragraph / max(n_paras, 1))
        if text_keys[id(c)] & _STRONG:
            score += W_STRONG
        if words < 6:
            score -= W_SHORT  # a fragment says less than a statement
        elif words > 60:
            score -= 0.4  # a whole paragraph is not a quote a reader takes in at a glance
        return score

    # One person under several names («الرئيس الأميركي دونالد ترامب», «ترامب», «الرئيس
    # الأميركي»): a speaker's keys inside a fuller speaker's keys are that speaker.
    spk_keys = {c.speaker: _keys(c.speaker) for c in candidates}
    person: dict[str, frozenset[str]] = {}
    for name, keys in spk_keys.items():
        fuller: list[set[str]] = [k for k in spk_keys.values() if keys and keys <= k]
        widest: set[str] = max(fuller, key=len) if fuller else keys
        person[name] = frozenset(widest)

    def same(a: Candidate, b: Candidate) -> bool:
        pa, pb = person[a.speaker], person[b.speaker]
        return bool(pa) and (pa == pb or _overlap(set(pa), set(pb)) >= 0.5)

    scored = {id(c): base(c) for c in candidates}
    chosen: list[Candidate] = []
    pool = list(candidates)
    while pool and len(chosen) < limit:
        def total(c: Candidate) -> float:
            s = scored[id(c)]
            for p in chosen:
                if same(c, p):
                    s -= W_REPEAT
            if len(chosen) == 1 and c.counter:
                s += W_COUNTER
            return s

        best = max(pool, key=total)
        pool.remove(best)
        keys = text_keys[id(best)]
        # A paraphrase of a chosen quote (same words) adds nothing.
        if any(_overlap(keys, text_keys[id(p)]) >= 0.45 for p in chosen):
            continue
        chosen.append(best)
    return chosen
