"""benchmarks/story_pair_screen.py (briefs S30, S31, S33) on synthetic pairs: the angleadd rule joins
a refused pair only when a headline reads as an explainer, analysis or question piece and the USE pair
model clears its decision past the cosine floor; it never undoes the shipped decision; the screen
counts what it finds and joins. The numadd rule (S33) does the same for two tops that give one
specific number (not a year, not an integer under 10)."""

from __future__ import annotations

import sys

from benchkit import BENCHMARKS

sys.path.append(str(BENCHMARKS))  # after every real package: the scripts are no package
import story_pair_screen as sps  # noqa: E402


def pair(a: str, b: str, *, same: bool, use: float, sim: float = 0.30,
         words: float = 0.10) -> sps.Pair:
    """A pair the shipped decision refuses (words and USE under their decisions unless given)."""
    return sps.Pair("holdout30", a, b, same, sim, 0.5, words, use, 0.5, 900, 40)


TITLES = {
    "explainer": "لماذا تدهورت الأوضاع في إثيوبيا بسرعة؟",
    "opinion": "رأي: ما هي أسباب فشل حلم الخليفي في باريس سان جيرمان مجددا؟",
    "report": "إثيوبيا تعلن استمرار حالة الطوارئ 6 أشهر",
    "teaser": "ترامب يقبل لقاء كيم.. هل تكون أهم لحظة بتاريخ البلدين؟",
}


def test_angle_ids_reads_the_headline_shape() -> None:
    pairs = [pair("explainer", "report", same=True, use=0.5), pair("opinion", "teaser", same=True, use=0.5)]
    assert sps.angle_ids(pairs, TITLES) == frozenset({"explainer", "opinion"})


def test_angleadd_joins_a_marked_refused_pair_at_its_decision() -> None:
    angle = sps.angle_ids([pair("explainer", "report", same=True, use=0.5)], TITLES)
    rule = sps.rule_of("angleadd:0.45:0.15", angle)
    assert not sps.shipped(pair("explainer", "report", same=True, use=0.5))
    assert rule(pair("explainer", "report", same=True, use=0.5))
    assert not rule(pair("explainer", "report", same=True, use=0.40))       # under D
    assert not rule(pair("explainer", "report", same=True, use=0.9, sim=0.12))  # under the floor
    assert not rule(pair("report", "teaser", same=True, use=0.9))           # no angle headline


def test_angleadd_never_undoes_the_shipped_decision() -> None:
    rule = sps.rule_of("angleadd:0.45", frozenset())
    joined = pair("report", "teaser", same=False, use=0.9, words=0.9, sim=0.9)
    assert sps.shipped(joined) and rule(joined)


def test_screen_counts_found_and_joined() -> None:
    pairs = [pair("explainer", "report", same=True, use=0.6),
             pair("opinion", "report", same=False, use=0.5),
             pair("opinion", "teaser", same=True, use=0.1)]
    out = sps.screen(pairs, "angleadd:0.45:0.15", sps.angle_ids(pairs, TITLES))
    assert out.splitlines()[0].endswith("same +1 -0, wrong +1 -0")
    assert "1/1/1" in out.splitlines()[0]


def test_specific_numbers_keeps_tolls_shares_and_minutes_not_years_or_small_counts() -> None:
    text = "مقتل 39 عاملا هنديا خطفوا عام 2014، ونما الناتج ٥٫٣ في المئة، و3 صواريخ، و511,000 قتيل"
    assert sps.specific_numbers(text) == frozenset({"39", "5.3", "511.000"})


def test_numadd_joins_a_refused_pair_whose_tops_share_a_number() -> None:
    docs = {"a": ("الهند تؤكد مقتل 39 عاملا", "اختطفهم التنظيم عام 2014"),
            "b": ("العثور على جثث عشرات الهنود", "جثث 39 عاملا هنديا خطفوا عام 2014"),
            "c": ("العثور على جثث عشرات الهنود", "خطفوا في العراق عام 2014")}
    pairs = [pair("a", "b", same=True, use=0.45), pair("a", "c", same=True, use=0.45)]
    numbers = sps.top_numbers(pairs, docs)
    rule = sps.rule_of("numadd:0.40", numbers=numbers)
    assert rule(pairs[0])
    assert not rule(pairs[1])                                   # only the year is shared
    assert not rule(pair("a", "b", same=True, use=0.35))        # under D
    assert not rule(pair("a", "b", same=True, use=0.9, sim=0.15))  # under the floor
    out = sps.screen(pairs, "numadd:0.40", numbers=numbers)
    assert out.splitlines()[0].endswith("same +1 -0, wrong +0 -0")
