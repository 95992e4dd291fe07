"""benchmarks/story_population.py (brief S15) on synthetic data: the partition of benchmarks/pair_cells.py
holds every in-window cross-source pair exactly once and puts every pair a picker's sim or lowsim
stratum draws in that stratum's cell; the post-stratified estimate of
benchmarks/population_estimates.py is the plain one when the sample is proportional, weighs cells
by their size when it is not, and its bootstrap interval holds the point; the report prints."""

from __future__ import annotations

import random
import sys
from collections.abc import Hashable
from datetime import datetime, timedelta, timezone
from itertools import combinations
from types import ModuleType
from typing import Any

import pytest
from benchkit import BENCHMARKS

sys.path.append(str(BENCHMARKS))  # after every real package: the scripts are no package
import pair_cells  # noqa: E402
import population_estimates as pe  # noqa: E402
import story_population_report as spr  # noqa: E402

pp2: ModuleType = sys.modules["pick_pairs2"]  # imported by pair_cells from benchmarks/gold
pp3: ModuleType = sys.modules["pick_pairs3"]

VOCAB = [f"كلمة{n}" for n in range(40)]
NAMES = ["غزة", "دمشق", "ترامب", "بوتين"]
START = datetime(2018, 2, 3, tzinfo=timezone.utc)


def _corpus(n: int = 90, seed: int = 5) -> list[Any]:
    """Articles of three sources over six days; topics share words so every bucket gets pairs."""
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        topic = rng.randrange(6)
        own = rng.sample(VOCAB, rng.randrange(2, 10))
        core = VOCAB[topic * 5: topic * 5 + rng.randrange(1, 6)]
        name = [rng.choice(NAMES)] if rng.random() < 0.4 else []
        rows.append({"id": f"x{k}", "source": f"s{rng.randrange(3)}",
                     "published": (START + timedelta(hours=rng.uniform(0, 144))).isoformat(),
                     "title": " ".join(core[:3] + name + own[:2]),
                     "abstract": " ".join(core + own)})
    arts = [pp3.Article(r) for r in rows]
    arts.sort(key=lambda a: (a.when, a.id))
    return arts


def test_partition_holds_every_in_window_cross_source_pair_once() -> None:
    arts = _corpus()
    pop = pair_cells.build(arts)
    expected = {frozenset((a.id, b.id)) for a, b in combinations(arts, 2)
                if a.source != b.source and abs(a.when - b.when) <= pp2.WINDOW}
    got = [frozenset((pop.ids[i], pop.ids[j])) for i, j in zip(pop.first, pop.second)]
    assert len(got) == len(set(got)) == len(expected)
    assert set(got) == expected
    sizes = pop.sizes()
    assert sum(sizes.values()) == len(expected)
    assert set(sizes) == set(pair_cells.CELLS)
    assert sum(1 for n in sizes.values() if n) >= 5  # the synthetic corpus reaches most cells


def test_every_input_has_exactly_one_cell() -> None:
    for j in [x / 100 for x in range(0, 101)]:
        for hours in (0.0, 12.0, 24.0, 30.0, 48.0):
            for word in (False, True):
                for name in (False, True):
                    c = pair_cells.cell(j, hours, word, name)
                    assert c in pair_cells.CELLS
                    if j >= 0.15:
                        assert c.startswith("sim")
                    elif c.startswith("sim"):
                        pytest.fail(f"j={j} below every bucket put in {c}")


def test_pickers_strata_fall_in_their_cells() -> None:
    arts = _corpus(120, seed=9)
    pop = pair_cells.build(arts)
    chosen = pp3.pick(arts, frozenset(), seed=3)
    cells = pop.lookup(frozenset((c["a"], c["b"])) for c in chosen)
    assert len(cells) == len(chosen)  # the pickers never draw outside the population
    checked = 0
    for c in chosen:
        if c["stratum"].startswith("sim") or c["stratum"] == "lowsim":
            assert cells[frozenset((c["a"], c["b"]))] == c["stratum"]
            checked += 1
    assert checked >= 10


def test_joined_sizes_split_each_cell_by_the_stored_outcome() -> None:
    arts = _corpus()
    pop = pair_cells.build(arts)
    story = [n // 3 for n in range(len(arts))]  # neighbours in time share a story
    split = pop.joined_sizes(story)
    for c, n in pop.sizes().items():
        assert split.get((c, True), 0) + split.get((c, False), 0) == n
    joined = sum(n for (_, j), n in split.items() if j)
    outside, same_source = pair_cells.cross_pairs_outside(arts, story)
    brute = [(arts[i], arts[j]) for i, j in combinations(range(len(arts)), 2) if story[i] == story[j]]
    assert same_source == sum(a.source == b.source for a, b in brute)
    assert joined + outside + same_source == len(brute)


def _sample(rng: random.Random, cells: dict[str, tuple[int, float, float, float]]
            ) -> list[pe.Labelled]:
    """Labelled pairs per cell: (count, same rate, recall, false join rate)."""
    out = []
    for cell, (n, rate, recall, wrong) in cells.items():
        for _ in range(n):
            same = rng.random() < rate
            out.append(pe.Labelled(cell, same, rng.random() < (recall if same else wrong)))
    return out


def test_proportional_sample_gives_the_plain_estimate() -> None:
    pairs = _sample(random.Random(1), {"a": (40, 0.8, 0.9, 0.1), "b": (30, 0.3, 0.5, 0.05),
                                       "c": (10, 0.05, 0.2, 0.01)})
    counts = {c: len(m) for c, m in pe.by_cell(pairs).items()}
    sizes = {c: 250 * n for c, n in counts.items()}
    e, p = pe.estimate(sizes, pairs), pe.plain(pairs)
    assert e.precision == pytest.approx(p.precision)
    assert e.recall == pytest.approx(p.recall)
    assert e.tp == pytest.approx(250 * p.tp)
    assert e.tp + e.fp + e.fn + e.tn == pytest.approx(sum(sizes.values()))


def test_unequal_sample_weighs_cells_by_size() -> None:
    # Cell "hi": 2 labelled, both same and joined; cell "lo": 2 labelled, one same stored apart.
    pairs = [pe.Labelled("hi", True, True), pe.Labelled("hi", True, True),
             pe.Labelled("lo", True, False), pe.Labelled("lo", False, False)]
    e = pe.estimate({"hi": 100, "lo": 1000}, pairs)
    assert (e.tp, e.fn, e.fp, e.tn) == (100, 500, 0, 500)
    assert e.recall == pytest.approx(100 / 600)
    assert pe.plain(pairs).recall == pytest.approx(2 / 3)
    with pytest.raises(KeyError):
        pe.estimate({"hi": 100}, pairs)
    assert pe.uncovered({"hi": 100, "lo": 1000, "empty": 0, "none": 5}, pairs) == ["none"]


def test_weights_share_a_cell_by_ratio() -> None:
    # One pair drawn through a name with a pool four times the other's stands for four times as many.
    pairs = [pe.Labelled("n", True, False, 1.0), pe.Labelled("n", False, False, 4.0)]
    e = pe.estimate({"n": 1000}, pairs)
    assert e.fn == pytest.approx(200) and e.tn == pytest.approx(800)
    even = pe.estimate({"n": 1000}, [pe.Labelled("n", True, False), pe.Labelled("n", False, False)])
    assert even.fn == pytest.approx(500)


def test_bootstrap_interval_holds_the_point() -> None:
    pairs = _sample(random.Random(2), {"a": (30, 0.7, 0.85, 0.1), "b": (50, 0.2, 0.6, 0.05)})
    sizes: dict[Hashable, int] = {"a": 200, "b": 20_000}
    e = pe.estimate(sizes, pairs)
    (p0, p1), (r0, r1) = pe.bootstrap(sizes, pairs, reps=400)
    assert p0 <= e.precision <= p1 and r0 <= e.recall <= r1
    assert r1 - r0 > 0.01  # the resampling moves the figure


def test_upper_rate_matches_the_zero_hit_closed_form() -> None:
    assert pe.upper_rate(0, 100) == pytest.approx(1 - 0.05 ** (1 / 100), abs=1e-9)
    assert pe.upper_rate(3, 50) > 3 / 50
    assert pe.upper_rate(5, 5) == 1.0


def test_report_prints_every_table() -> None:
    rng = random.Random(4)
    runs: dict[str, Any] = {}
    for fold in ("f1", "f2"):
        pairs = []
        for k in range(60):
            cell = rng.choice(pair_cells.CELLS)
            same = rng.random() < 0.4
            stored = rng.random() < (0.8 if same else 0.1)
            pairs.append({"a": f"{fold}a{k}", "b": f"{fold}b{k}", "set": fold, "same": same,
                          "cell": cell, "pairwise": stored, "stored": stored})
        runs[fold] = {"pairs": pairs, "outside": 3, "same_source": 7, "joined_sizes":
                      [[c, j, 50 if j else 5000] for c in pair_cells.CELLS for j in (True, False)]}
    cache = {"sizes": {c: 5050 for c in pair_cells.CELLS}, "runs": runs,
             "audits": [{"set": "audit7", "same": k % 4 > 0, "kind": "", "hours": 5.0,
                         "stored": True} for k in range(8)]}
    drawn = {frozenset((p["a"], p["b"])): ("random", "") for r in runs.values()
             for p in r["pairs"]}
    lines: list[str] = []
    cells = [pair_cells.CELLS[0]] * 4 + [pair_cells.CELLS[1]] * 4
    spr.report(cache, drawn, {}, reps=50, out=lines.append, audit_cells=cells)
    text = "\n".join(lines)
    assert "| f1 |" in text and "| f2 |" in text
    assert "corpus-weighted by cell × stored" in text
    assert "audit7: 6/8 same" in text
    # The audits alone: both cells hold 50 links, each 3 of 4 right.
    assert "still joins (8): 0.750" in text
