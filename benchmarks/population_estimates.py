"""Post-stratified precision and recall: labelled pairs weighed by the size of the cell they fall in.

Pure functions for benchmarks/story_population.py (no corpus, no database). A labelled pair is a
`Labelled` (its cell, its label, the system's answer); the population is a mapping cell -> N (how
many pairs of the corpus the cell holds). Each labelled pair of cell c stands for N_c / n_c pairs of
the corpus (n_c: labelled pairs in c), whichever stratum drew it, so the weighted counts

    TP = sum_c N_c * (same and joined)_c / n_c,   FP = ... (not same, joined),   FN = ... (same, apart)

are the corpus's expected counts if, inside each cell, the labelled pairs are like a random sample
of it (a pair may carry a weight inside its cell: the ratio estimator then weighs it so). With a sample proportional to N the weights are all equal and the figures are the plain
pooled ones. The bootstrap resamples the labelled pairs within each cell (n_c draws with
replacement), so a cell whose sample holds no same pair contributes none in any replicate: the
interval says nothing about same pairs a cell's sample missed (see `upper_rate`).

A designed sample (benchmarks/pop_sample.py: bands of a cell drawn at known rates) enters the same
way: a pair drawn with inclusion probability π weighs 1/π inside its cell (`designed`), which makes
`estimate` the Hájek ratio estimator of the cell (N_c · Σ y/π / Σ 1/π) and `horvitz_thompson` the
plain expansion total (Σ y/π, unbiased for the frame drawn from). Its bootstrap resamples within the
design's strata (`Labelled.stratum`). `combine` adds the counts of disjoint parts of the population:
e.g. the labelled pairs of a cell taken as a census of themselves plus the designed sample of the
cell's other pairs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Labelled:
    """One hand-labelled pair: the cell of the partition it falls in, its label, the system's answer,
    and its weight inside the cell (1 for a uniform draw; a larger one for a pair whose stratum drew
    it less likely than the cell's other pairs: its share of N_c is weight / the cell's total)."""

    cell: Hashable
    same: bool
    joined: bool
    weight: float = 1.0
    stratum: Hashable = None  # the design stratum inside the cell the bootstrap resamples within


@dataclass(frozen=True)
class Estimate:
    """Weighted (expected) pair counts of the corpus and the figures read from them."""

    tp: float
    fp: float
    fn: float
    tn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def same(self) -> float:
        """Expected same-story pairs in the population."""
        return self.tp + self.fn

    @property
    def joined(self) -> float:
        """Expected pairs the system joins (a reader's links)."""
        return self.tp + self.fp


def by_cell(pairs: Iterable[Labelled]) -> dict[Hashable, list[Labelled]]:
    """The labelled pairs grouped by cell (insertion order kept)."""
    out: dict[Hashable, list[Labelled]] = {}
    for p in pairs:
        out.setdefault(p.cell, []).append(p)
    return out


def uncovered(sizes: Mapping[Any, float], pairs: Iterable[Labelled]) -> list[Hashable]:
    """Cells of the population that hold pairs but no labelled one (nothing to weigh there)."""
    seen = {p.cell for p in pairs}
    return [c for c, n in sizes.items() if n and c not in seen]


def estimate(sizes: Mapping[Any, float], pairs: Sequence[Labelled]) -> Estimate:
    """Post-stratified counts. A labelled pair in a cell missing from `sizes` is an error (the
    partition must hold every labelled pair); a cell without labelled pairs adds nothing."""
    tp = fp = fn = tn = 0.0
    for cell, members in by_cell(pairs).items():
        if cell not in sizes:
            raise KeyError(f"labelled pair in cell {cell!r}, which the population lacks")
        total = sum(p.weight for p in members)
        for p in members:
            w = sizes[cell] * p.weight / total
            if p.same and p.joined:
                tp += w
            elif p.joined:
                fp += w
            elif p.same:
                fn += w
            else:
                tn += w
    return Estimate(tp, fp, fn, tn)


def plain(pairs: Iterable[Labelled]) -> Estimate:
    """Unweighted counts (every labelled pair weighs one): the labelled-pair figure."""
    items = list(pairs)
    return Estimate(float(sum(p.same and p.joined for p in items)),
                    float(sum(p.joined and not p.same for p in items)),
                    float(sum(p.same and not p.joined for p in items)),
                    float(sum(not p.same and not p.joined for p in items)))


def designed(cell: Hashable, stratum: Hashable, same: bool, joined: bool, probability: float,
             ) -> Labelled:
    """A pair of a designed sample drawn with inclusion `probability`: it weighs 1/probability."""
    if not 0 < probability <= 1:
        raise ValueError(f"inclusion probability {probability} outside (0, 1]")
    return Labelled(cell, same, joined, 1 / probability, stratum)


def horvitz_thompson(pairs: Iterable[Labelled]) -> Estimate:
    """Expansion totals Σ weight · indicator (weights 1/π): unbiased counts of the frame drawn from."""
    tp = fp = fn = tn = 0.0
    for p in pairs:
        if p.same and p.joined:
            tp += p.weight
        elif p.joined:
            fp += p.weight
        elif p.same:
            fn += p.weight
        else:
            tn += p.weight
    return Estimate(tp, fp, fn, tn)


def combine(*parts: Estimate) -> Estimate:
    """The counts of disjoint parts of a population added."""
    return Estimate(sum(e.tp for e in parts), sum(e.fp for e in parts),
                    sum(e.fn for e in parts), sum(e.tn for e in parts))


def census(pairs: Iterable[Labelled]) -> Estimate:
    """Labelled pairs standing for themselves only (each counts once): `plain` by another name."""
    return plain(pairs)


def resample(pairs: Sequence[Labelled], rng: random.Random) -> list[Labelled]:
    """One bootstrap replicate: as many draws with replacement in each (cell, stratum) as it holds."""
    groups: dict[tuple[Hashable, Hashable], list[Labelled]] = {}
    for p in pairs:
        groups.setdefault((p.cell, p.stratum), []).append(p)
    return [rng.choice(members) for members in groups.values() for _ in members]


def interval(make: Callable[[random.Random], Estimate], reps: int = 2000, seed: int = 20261130,
             level: float = 0.90) -> tuple[tuple[float, float], tuple[float, float]]:
    """Percentile intervals (precision, recall) of `make(rng)`, one replicate per call."""
    rng = random.Random(seed)
    precisions, recalls = [], []
    for _ in range(reps):
        e = make(rng)
        precisions.append(e.precision)
        recalls.append(e.recall)
    tail = (1 - level) / 2
    return ((percentile(precisions, tail), percentile(precisions, 1 - tail)),
            (percentile(recalls, tail), percentile(recalls, 1 - tail)))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation between order statistics."""
    s = sorted(values)
    if not s:
        raise ValueError("no values")
    x = q * (len(s) - 1)
    lo = int(x)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (x - lo)


def bootstrap(sizes: Mapping[Any, float], pairs: Sequence[Labelled], reps: int = 2000,
              seed: int = 20261130, level: float = 0.90,
              ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Percentile intervals (precision, recall) at `level`, resampling pairs within cells (and
    within design strata, where pairs carry one)."""
    return interval(lambda rng: estimate(sizes, resample(pairs, rng)), reps, seed, level)


def blind_spots(sizes: Mapping[Any, float], pairs: Iterable[Labelled], level: float = 0.95,
                ) -> list[tuple[Hashable, float, int, float]]:
    """Cells whose sample holds no same pair: (cell, size, labelled n, `level` upper count of same
    pairs in it). The bootstrap cannot see them (every replicate has none there), so its interval
    is too narrow by up to that many same pairs, all possibly missed."""
    groups = by_cell(pairs)
    return [(c, n, len(groups.get(c, [])), upper_rate(0, len(groups.get(c, [])), level) * n)
            for c, n in sizes.items() if n and not any(p.same for p in groups.get(c, []))]


def upper_rate(hits: int, n: int, level: float = 0.95) -> float:
    """One-sided exact (Clopper-Pearson) upper bound of a rate with `hits` of `n` (bisection)."""
    if n == 0 or hits >= n:
        return 1.0
    alpha = 1 - level

    def cdf(p: float) -> float:  # P(X <= hits) for X ~ Binomial(n, p)
        term, total = (1 - p) ** n, 0.0
        for k in range(hits + 1):
            total += term
            term *= (n - k) / (k + 1) * p / (1 - p) if p < 1 else 0.0
        return total

    lo, hi = hits / n, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) > alpha else (lo, mid)
    return hi
