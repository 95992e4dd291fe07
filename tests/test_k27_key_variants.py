"""benchmarks/key_variants.py's K27 variants: «own voice» with a guard that keeps a second voice
(session 27; invented sentences)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

from benchkit import load_file

from digests.models import QuoteKind
from digests.quote_rank import choose, features, pool_of
from digests.quotes import Candidate

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    return load_file(BENCH / "key_variants.py", "key_variants")


def cand(text: str, speaker: str, paragraph: int, kind: QuoteKind = "direct",
         named: bool = True) -> Candidate:
    return Candidate(text=text, speaker=speaker, kind=kind, paragraph=paragraph, start=0,
                     named=named)


MINISTER = "وزير المالية سامي الحداد"
UNION = "رئيس نقابة العمال كريم السعدي"
# One voice three times (the minister, two of his quotes carried), the other side once.
THREE_OF_ONE = [
    cand("الموازنة الجديدة تخفض العجز إلى النصف خلال عامين", MINISTER, 0),
    cand("نحن لن نرفع أسعار الخبز مهما كانت الضغوط", MINISTER, 1, named=False),
    cand("أنا واثق أن الاستثمار سيعود إلى البلاد قريبا", MINISTER, 2, named=False),
    cand("هذه الموازنة تحمل الفقراء ثمن أخطاء الحكومة", UNION, 3),
]


def test_guard_gives_the_third_slot_to_another_named_voice_within_the_margin() -> None:
    bench = load()
    pool = pool_of(THREE_OF_ONE)
    # The minister's third totals 4.0 − 2 × 0.5 (repeats) = 3.0; the union's line 2.0 is within 1.2.
    scores = [5.0, 4.0, 4.0, 2.0]
    assert choose(pool, scores) == [0, 1, 2]  # base: the minister three times
    assert bench.second_voice()(pool, scores) == [0, 1, 3]
    # Further below than the margin: the minister keeps the slot.
    assert bench.second_voice()(pool, [5.0, 4.0, 4.0, 1.5]) == [0, 1, 2]
    # Two voices already chosen: the guard does nothing.
    two = [THREE_OF_ONE[0], THREE_OF_ONE[3], THREE_OF_ONE[1], THREE_OF_ONE[2]]
    assert bench.second_voice()(pool_of(two), [5.0, 4.5, 4.0, 3.9]) == choose(
        pool_of(two), [5.0, 4.5, 4.0, 3.9])


def test_guard_wants_the_other_voice_named_and_not_a_paraphrase() -> None:
    bench = load()
    carried = THREE_OF_ONE[:3] + [cand("هذه الموازنة تحمل الفقراء ثمن أخطاء الحكومة", UNION, 3,
                                       named=False)]
    assert bench.second_voice()(pool_of(carried), [5.0, 4.0, 4.0, 2.0]) == [0, 1, 2]
    echo = THREE_OF_ONE[:3] + [cand("الموازنة الجديدة تخفض العجز إلى النصف خلال عامين فقط",
                                    UNION, 3)]
    assert bench.second_voice()(pool_of(echo), [5.0, 4.0, 4.0, 2.0]) == [0, 1, 2]


def test_lead_own_voice_credits_only_the_lead_voices_carried_first_person_quote() -> None:
    bench = load()
    cands = [
        cand("الموازنة الجديدة تخفض العجز إلى النصف خلال عامين", MINISTER, 0),
        cand("نحن لن نرفع أسعار الخبز مهما كانت الضغوط", MINISTER, 1, named=False),
        cand("هذه الموازنة تحمل الفقراء ثمن أخطاء الحكومة", UNION, 2),
        cand("نحن سنضرب عن العمل الأسبوع المقبل", UNION, 3, named=False),
    ]
    out = features(cands, "وزير المالية: الموازنة تخفض العجز")
    assert [f["named"] for f in out] == [1.0, 0.0, 1.0, 0.0]
    bench.lead_own_voice(cands, "", out)
    assert [f["named"] for f in out] == [1.0, 1.0, 1.0, 0.0]  # the union's carried line is not
    every = features(cands, "")
    bench.own_voice()(cands, "", every)
    assert [f["named"] for f in every] == [1.0, 1.0, 1.0, 1.0]
    assert {"K27 own voice + guard", "K27 guard", "K27 lead own voice + guard"} <= set(
        bench.variants())


def test_near_own_voice_wants_the_voice_named_at_most_two_paragraphs_before() -> None:
    bench = load()
    cands = [
        cand("الموازنة الجديدة تخفض العجز إلى النصف خلال عامين", MINISTER, 0),
        cand("نحن لن نرفع أسعار الخبز مهما كانت الضغوط", MINISTER, 2, named=False),
        cand("أنا واثق أن الاستثمار سيعود إلى البلاد قريبا", MINISTER, 5, named=False),
    ]
    out = features(cands, "")
    bench.near_own_voice(cands, "", out)
    assert [f["named"] for f in out] == [1.0, 1.0, 0.0]  # paragraph 5 is three past the name
