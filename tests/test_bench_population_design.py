"""The designed story-pair sample (benchmarks/pop_sample.py, brief S17) on synthetic populations
whose answer is known: the stated inclusion probabilities are the drawing's real frequencies; the
Horvitz–Thompson totals and Hájek ratio estimates of benchmarks/population_estimates.py recover
the population's counts on average (where the unweighted sample does not); a census design gives
the truth exactly; the bootstrap interval holds the point and covers the truth about as often as
it says; the report of benchmarks/story_population_design.py reads a synthetic cache."""

from __future__ import annotations

import random
import statistics
import sys
from collections import Counter
from collections.abc import Hashable
from typing import Any

import pytest
from benchkit import BENCHMARKS

sys.path.append(str(BENCHMARKS))  # after every real package: the scripts are no package
import pop_sample as ps  # noqa: E402
import population_estimates as pe  # noqa: E402
import story_population_design as spd  # noqa: E402

BANDS = {"lo": ((0.6, 6), (0.4, 4)), "hi": ((0.7, 5), (-1.0, 3))}
UNIFORM = {"lo": 3, "hi": 2}


def _population(seed: int = 1, n_lo: int = 2000, n_hi: int = 300,
                ) -> tuple[list[ps.Unit], dict[ps.Unit, tuple[bool, bool]]]:
    """Units of two cells with a cosine, and each unit's truth (same, stored): same pairs are far
    likelier at a high cosine and the system stores 40% of them, a few wrong pairs too."""
    rng = random.Random(seed)
    units, truth = [], {}
    for cell, n in (("lo", n_lo), ("hi", n_hi)):
        for k in range(n):
            cos = rng.random() ** (3 if cell == "lo" else 1)
            u = ps.Unit(f"{cell}a{k}", f"{cell}b{k}", cell, round(cos, 4))
            same = rng.random() < (0.02 + 0.9 * cos ** 4)
            units.append(u)
            truth[u] = (same, rng.random() < (0.4 if same else 0.01))
    return units, truth


def _true(units: list[ps.Unit], truth: dict[ps.Unit, tuple[bool, bool]]) -> pe.Estimate:
    return pe.plain(pe.Labelled(u.cell, *truth[u]) for u in units)


def _drawn(draws: list[ps.Draw], truth: dict[ps.Unit, tuple[bool, bool]]) -> list[pe.Labelled]:
    return [pe.designed(d.unit.cell, d.band, *truth[d.unit], d.probability) for d in draws]


def _rows(draws: list[ps.Draw], truth: dict[ps.Unit, tuple[bool, bool]]) -> list[dict[str, Any]]:
    """Design rows as benchmarks/pop_sample.py writes them, with the truth as the readers' label."""
    return [{**row, "same": truth[d.unit][0], "stored": truth[d.unit][1]}
            for d, row in zip(draws, ps.design_rows(draws))]


def test_band_of_and_inclusion() -> None:
    spec = ((0.6, 6), (0.4, 4))
    assert [ps.band_of(c, spec) for c in (0.9, 0.6, 0.59, 0.4, 0.1)] == [0, 0, 1, 1, 2]
    assert ps.inclusion(0, 100, 0, 1000) == 0.0
    assert ps.inclusion(5, 100, 0, 1000) == pytest.approx(0.05)
    assert ps.inclusion(5, 100, 10, 1000) == pytest.approx(1 - 0.95 * 0.99)
    assert ps.inclusion(8, 4, 0, 1000) == 1.0  # more draws than pairs: the band is a census


def test_stated_probabilities_are_the_drawing_frequencies() -> None:
    units, _ = _population(n_lo=400, n_hi=80)
    hits: Counter[ps.Unit] = Counter()
    stated: dict[ps.Unit, float] = {}
    reps = 3000
    for seed in range(reps):
        for d in ps.plan(units, BANDS, UNIFORM, random.Random(seed)):
            hits[d.unit] += 1
            stated[d.unit] = d.probability
    groups: dict[tuple[str, int], list[ps.Unit]] = {}
    for u in units:
        groups.setdefault((u.cell, ps.band_of(u.cos, BANDS[u.cell])), []).append(u)
    for key, members in groups.items():
        probs = {stated[u] for u in members if u in stated}
        assert len(probs) == 1, key  # one probability per band
        expected = probs.pop()
        observed = sum(hits[u] for u in members) / (reps * len(members))
        assert observed == pytest.approx(expected, rel=0.08), key


def test_horvitz_thompson_and_ratio_recover_the_truth_on_average() -> None:
    units, truth = _population()
    true = _true(units, truth)
    sizes: dict[Hashable, int] = dict(Counter(u.cell for u in units))
    ht_same, band_same, band_fn, band_tp, plain_rates = [], [], [], [], []
    for seed in range(600):
        draws = ps.plan(units, BANDS, UNIFORM, random.Random(seed))
        sample = _drawn(draws, truth)
        ht_same.append(pe.horvitz_thompson(sample).same)
        by_band, _ = spd.combined(sizes, [], _rows(draws, truth), low=("lo", "hi"))
        band_same.append(by_band.same)
        band_fn.append(by_band.fn)
        band_tp.append(by_band.tp)
        plain_rates.append(pe.plain(sample).same / len(sample))
    assert statistics.mean(ht_same) == pytest.approx(true.same, rel=0.05)
    assert statistics.mean(band_same) == pytest.approx(true.same, rel=0.05)
    assert statistics.mean(band_fn) == pytest.approx(true.fn, rel=0.06)
    assert statistics.mean(band_tp) == pytest.approx(true.tp, rel=0.08)
    # The draw over-samples same pairs: read unweighted it would be far off.
    assert statistics.mean(plain_rates) > 2 * true.same / len(units)


def test_census_design_gives_the_truth_exactly() -> None:
    units, truth = _population(seed=3, n_lo=120, n_hi=40)
    census = {c: ((-1.0, 10_000),) for c in BANDS}
    draws = ps.plan(units, census, {}, random.Random(0))
    assert len(draws) == len(units) and all(d.probability == 1 for d in draws)
    sample = _drawn(draws, truth)
    true = _true(units, truth)
    assert pe.horvitz_thompson(sample) == true
    est, _ = spd.combined(dict(Counter(u.cell for u in units)), [], _rows(draws, truth),
                          low=("lo", "hi"))
    assert (est.tp, est.fp, est.fn) == pytest.approx((true.tp, true.fp, true.fn))


def test_split_by_stored_recovers_the_truth() -> None:
    # The stored links are known for every pair: with every stored link audited, TP and FP are
    # exact and the missed pairs come from the designed pairs stored apart, by band.
    units, truth = _population(seed=11)
    true = _true(units, truth)
    sizes = dict(Counter(u.cell for u in units))
    frame = Counter((u.cell, ps.band_of(u.cos, BANDS[u.cell]), truth[u][1]) for u in units)
    stored_sizes = dict(Counter(u.cell for u in units if truth[u][1]))
    audits = [{"cell": u.cell, "same": truth[u][0]} for u in units if truth[u][1]]
    fns = []
    for seed in range(1000):
        rows = _rows(ps.plan(units, BANDS, UNIFORM, random.Random(seed)), truth)
        est, make = spd.split(sizes, [], rows, frame, stored_sizes, audits, low=("lo", "hi"))
        assert (est.tp, est.fp) == pytest.approx((true.tp, true.fp))
        fns.append(est.fn)
    assert statistics.mean(fns) == pytest.approx(true.fn, rel=0.07)
    rep = make(random.Random(0))
    assert rep.tp + rep.fp == pytest.approx(true.tp + true.fp)  # the stored links stay known


def test_combined_adds_census_and_remainder() -> None:
    # Cell "hi" post-stratified (2 of 100 labelled), cell "lo": 3 blind pairs as census, the
    # other 997 from two designed pairs of equal weight (one same stored apart).
    blind = [{"cell": "hi", "same": True, "stored": True}, {"cell": "hi", "same": False, "stored": False},
             {"cell": "lo", "same": True, "stored": True}, {"cell": "lo", "same": True, "stored": False},
             {"cell": "lo", "same": False, "stored": False}]
    design = [{"cell": "lo", "band": 0, "drawn_by": ["band"], "same": True, "stored": False,
               "probability": 0.01, "band_size": 500},
              {"cell": "lo", "band": 1, "drawn_by": ["uniform"], "same": False, "stored": False,
               "probability": 0.01, "band_size": 500}]
    est, make = spd.combined({"hi": 100, "lo": 1000}, blind, design, low=("lo",))
    assert est.tp == pytest.approx(50 + 1)
    assert est.fn == pytest.approx(1 + 997 / 2)
    assert est.tn + est.tp + est.fp + est.fn == pytest.approx(1100)
    for seed in range(20):  # every replicate keeps the sizes; the census's stored same pair stays
        rep = make(random.Random(seed))
        assert rep.tn + rep.tp + rep.fp + rep.fn == pytest.approx(1100)
        assert rep.tp in (pytest.approx(1), pytest.approx(51), pytest.approx(101))
    with pytest.raises(ValueError):
        pe.designed("lo", 0, True, True, 0.0)


def test_interval_holds_the_point_and_covers_the_truth() -> None:
    # Every band drawn from (no band left to the uniform draw alone): the percentile bootstrap
    # covers about as often as it says. (With a heavy band the sample sees no same pair in, it
    # cannot: see test_blind_spots_name_the_heavy_band_without_a_same_pair.)
    units, truth = _population(seed=7)
    true = _true(units, truth)
    sizes: dict[Hashable, int] = dict(Counter(u.cell for u in units))
    bands = {"lo": ((0.6, 8), (0.4, 8), (-1.0, 12)), "hi": ((0.7, 6), (-1.0, 6))}
    covered, trials = 0, 40
    for seed in range(trials):
        draws = ps.plan(units, bands, UNIFORM, random.Random(100 + seed))
        point, make = spd.combined(sizes, [], _rows(draws, truth), low=("lo", "hi"))
        _, (r0, r1) = pe.interval(make, 300, seed=seed)
        assert r0 <= point.recall <= r1
        covered += r0 <= true.recall <= r1
    assert covered >= 0.7 * trials


def test_blind_spots_name_the_heavy_band_without_a_same_pair() -> None:
    pairs = [pe.designed(("rest", 0), 0, True, k < 8, 0.01) for k in range(10)]
    pairs += [pe.designed(("rest", 3), "uniform", False, False, 1e-5) for _ in range(9)]
    sizes: dict[Hashable, float] = {("rest", 0): 1000, ("rest", 3): 1_000_000, ("rest", 9): 50}
    spots = pe.blind_spots(sizes, pairs)
    assert [s[:3] for s in spots] == [(("rest", 3), 1_000_000, 9), (("rest", 9), 50, 0)]
    assert spots[0][3] == pytest.approx(pe.upper_rate(0, 9) * 1_000_000)
    assert spots[1][3] == 50  # nothing drawn: anything may be same
    (_, _), (r0, r1) = pe.bootstrap(sizes, pairs, reps=200)
    assert r0 > 0.5  # the interval never doubts the unseen band: why the report names it


def test_kappa() -> None:
    assert spd.kappa([True, False, True, False], [True, False, True, False]) == 1.0
    assert spd.kappa([True, True, False, False], [True, False, True, False]) == pytest.approx(0.0)


def test_report_reads_a_synthetic_cache() -> None:
    rng = random.Random(4)
    cells = ("sim0.5", "sim0.35", "sim0.25", "sim0.18", *spd.LOW)
    blind = [{"a": f"a{k}", "b": f"b{k}", "set": "f1", "same": k % 3 == 0, "cell": cells[k % 8],
              "pairwise": k % 6 == 0, "stored": k % 6 == 0} for k in range(80)]
    story_of = {f"d{k}": k // 2 for k in range(50)}  # d0-d1 share a story, d2-d3, ...
    design = [{"a": f"d{2 * k}", "b": f"d{2 * k + 2 * (k % 2)}", "cell": spd.LOW[k % 4], "cos": 0.5,
               "band": k % 2, "drawn_by": ["band"], "band_size": 100, "cell_size": 1000,
               "band_sizes": [100, 100, 300, 500],
               "uniform_draws": 2, "probability": 0.05} for k in range(20)]
    labels = {frozenset((d["a"], d["b"])): rng.random() < 0.5 or d["a"] == d["b"] for d in design}
    cache: dict[str, Any] = {"sizes": {c: 1000 for c in cells}, "story_of": story_of,
                             "runs": {"f1": {"pairs": blind}, "shipped": {"pairs": []}}}
    lines: list[str] = []
    spd.report(cache, design, [("A", labels), ("B", labels)], reps=50, out=lines.append,
               cos_of=lambda a, b: 0.1 if a == "a0" else 0.9)
    text = "\n".join(lines)
    assert "agree 20" in text and "kappa 1.00" in text
    assert "stored, blind + designed (A's labels)" in text
    # Bands 2 and 3 hold no drawn pair: named, with nothing to bound them (anything may be same).
    assert "no same pair among 0 drawn in ('rest', 3) (495 pairs): 95% upper 495" in text
    # Every blind same pair of the low cells has cosine 0.9 here: none under rest's lowest floor.
    assert "model: 0.0% of the" in text and "rest's band under it would then hold ~0 same" in text
    # Pairs with k even join one article to itself: stored; odd k: two stories, stored apart.
    assert f"designed same pairs stored apart: {sum(labels[frozenset((d['a'], d['b']))] for d in design[1::2])}" in text
