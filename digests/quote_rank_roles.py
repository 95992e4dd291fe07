"""Discourse-role features of the found quotes: what a reader uses to pick an article's three (K16).

`digests.quote_rank.features` reads each quote alone (headline words, direct, named, position …).
A reader also reads a quote's role among the others: the first statement of the headline's voice,
a reply to another voice, a restatement of what the same voice said before, the speaker's weight
in the article (a named person, a body, an unnamed source; how often quoted), where the quote
stands in its paragraph, and whether the same voice is quoted directly as well as reported.
Brief K16 measures whether a ranker learned over these beats the hand weights
(benchmarks/fit_k16.py). Pure: candidates and headline in, one dict of values in [0, 1] a
candidate out (same order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.arabic import normalize
from digests.first_person import first_person
from digests.quote_rank import _keys, _overlap, _persons, _words

if TYPE_CHECKING:
    from digests.quotes import Candidate

RESTATE = 0.3  # word overlap with an earlier quote of the same voice above which it restates it
# A speaker written as a body (a ministry, a paper, a statement) or an unnamed source; anything
# else that is not empty is taken for a named person.
_BODY = frozenset(normalize(
    "وزارة الوزارة الحكومة حكومة الجيش جيش الشرطة شرطة المجلس مجلس الخارجية البيان بيان وكالة"
    " الوكالة صحيفة الصحيفة موقع قناة المنظمة منظمة اللجنة لجنة الأمم الاتحاد هيئة الهيئة مكتب"
    " المكتب السفارة سفارة المحكمة محكمة الشركة شركة البنك بنك الحزب حزب حركة الحركة التحالف"
    " التقرير تقرير الدراسة دراسة المرصد مركز المركز جامعة الجامعة النيابة الادعاء البرلمان"
    " الكرملين البيت الأبيض الرئاسة رئاسة القيادة قيادة الائتلاف التلفزيون تلفزيون شبكة مجلة"
    " الصحف المنتخب النادي نادي الفريق فريق الديوان ديوان النقابات النقابة نقابة المعارضة"
    " الشركات السلطات السلطة القوات").split())
_ANONYMOUS = frozenset(normalize(
    "مصدر مصادر المصدر المصادر مسؤول مسؤولون مسؤولين مصدرا شهود ناشطون ناشطين سكان مراقبون"
    " محللون خبراء بعض البعض آخر آخرون أحدهم أحد شاهد مواطن مواطنون").split())
LENGTH_BINS = ((0, 5), (6, 12), (13, 25), (26, 40), (41, 60), (61, 10**9))
ROLE_NAMES = (
    "head_voice", "head_voice_first", "lead_head_voice", "first_statement", "counter",
    "counter_other", "counter_not_head", "restates", "restated_later", "para_first",
    "para_second_on", *(f"len_{a}_{b if b < 10**9 else 'up'}" for a, b in LENGTH_BINS),
    "spk_n1", "spk_n2", "spk_n3up", "spk_share", "spk_person", "spk_body", "spk_anon",
    "spk_none", "direct_has_reported", "reported_has_direct", "cont", "first_person", "digit",
    "question",
)


def _speaker_kind(speaker: str) -> str:
    """«person», «body», «anon» or «none» for a speaker as written."""
    words = set(normalize(speaker).split())
    if not words:
        return "none"
    if words & _ANONYMOUS:  # («مصدر في الوزارة» is an unnamed source, not the ministry)
        return "anon"
    if words & _BODY:
        return "body"
    return "person"


def role_features(candidates: Sequence[Candidate], headline: str = ""
                  ) -> list[dict[str, float]]:
    """The discourse-role features of each candidate (same order; names ROLE_NAMES)."""
    n = len(candidates)
    if not n:
        return []
    head = _keys(headline)
    person = _persons(candidates)
    who = [person[c.speaker] for c in candidates]
    count = Counter(w for w in who if w)
    keys = [_keys(c.text) for c in candidates]
    in_head = [bool(w) and bool(set(w) & head) for w in who]
    kinds = {w: {c.kind for c, v in zip(candidates, who) if v == w} for w in count}
    first_seen: dict[frozenset[str], int] = {}
    for i, w in enumerate(who):
        first_seen.setdefault(w, i)
    out: list[dict[str, float]] = []
    for i, c in enumerate(candidates):
        w = who[i]
        same = [j for j in range(n) if j != i and w and who[j] == w]
        earlier = max((_overlap(keys[i], keys[j]) for j in same if j < i), default=0.0)
        later = max((_overlap(keys[i], keys[j]) for j in same if j > i), default=0.0)
        before_in_para = sum(1 for j in range(i) if candidates[j].paragraph == c.paragraph)
        other_before = any(who[j] != w for j in range(i))
        words = _words(c.text)
        n_same = count.get(w, 0) if w else 1
        spk = _speaker_kind(c.speaker)
        prev = candidates[i - 1] if i else None
        f = {
            "head_voice": float(in_head[i]),
            "head_voice_first": float(in_head[i] and first_seen[w] == i),
            "lead_head_voice": float(in_head[i] and c.paragraph <= 1),
            "first_statement": float(bool(w) and first_seen[w] == i),
            "counter": float(c.counter),
            "counter_other": float(c.counter and other_before),
            "counter_not_head": float(c.counter and not in_head[i] and any(in_head)),
            "restates": float(earlier >= RESTATE),
            "restated_later": float(later >= RESTATE),
            "para_first": float(before_in_para == 0),
            "para_second_on": float(before_in_para >= 1),
            "spk_n1": float(n_same <= 1),
            "spk_n2": float(n_same == 2),
            "spk_n3up": float(n_same >= 3),
            "spk_share": n_same / n,
            "spk_person": float(spk == "person"),
            "spk_body": float(spk == "body"),
            "spk_anon": float(spk == "anon"),
            "spk_none": float(spk == "none"),
            "direct_has_reported": float(c.kind == "direct" and "reported" in kinds.get(w, ())),
            "reported_has_direct": float(c.kind == "reported" and "direct" in kinds.get(w, ())),
            "cont": float(prev is not None and not c.named and bool(w) and who[i - 1] == w),
            "first_person": float(first_person(c.text)),
            "digit": float(any(ch.isdigit() for ch in c.text)),
            "question": float("؟" in c.text or "?" in c.text),
        }
        for a, b in LENGTH_BINS:
            f[f"len_{a}_{b if b < 10**9 else 'up'}"] = float(a <= words <= b)
        out.append(f)
    return out
