"""An importance-sampled story-pair set of the low-overlap cells, with known inclusion probabilities.

    .venv/bin/python benchmarks/pop_sample.py        # writes /work/notes/s14/pop_pairs.jsonl (readers)
                                                      # and /work/notes/s14/pop_design.jsonl (design)

Session 13's S15 (benchmarks/story_population.py) re-weighted the labelled pairs to the corpus's
cross-source pairs within 48 h (benchmarks/pair_cells.py). ~85% of the estimated misses sit in the
low-overlap cells, and the `rest` cell (98.4% of the pairs) had no same pair among its 128 labelled
ones, so its same-story count — and the recall — was barely bounded. This draws a designed sample
of those cells (`sim0.15`, `lowsim`, `named`, `rest`) for blind readers:

- inside each cell, bands of the USE-multilingual cosine of the two reports (benchmarks/out/use_all.npz,
  headline + lead; NOT the shipped decision, which reads word features only) with a fixed number of
  draws per band, simple random sampling without replacement — more draws where the cosine is high,
  where same-story pairs are likelier; the lowest band of `rest` and `named` gets none;
- independently, a uniform draw of the whole cell (a check of the bands, and what makes every pair's
  inclusion probability positive).

A pair's inclusion probability is therefore exact: 1 − (1 − n_h/N_h)(1 − u_c/N_c) (band h of cell c;
the two draws are independent). Excluded before drawing (so N counts only eligible pairs): every
pair of every benchmarks/gold/story_*.jsonl and every pair with an article of the session's blind
pair set (pairs_test13.jsonl; only its "a"/"b" ids are read, nothing else of it or of any gold file).

The readers' file holds a and b only, shuffled; the cell, band, draw and probability are in the
design file, which the readers never see. Deterministic: `random.Random(SEED)` over sorted units.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import pair_cells  # noqa: E402

SEED = 20261130
NOTES = Path("/work/notes/s14")
VECTORS = BENCH / "out" / "use_all.npz"
# cell -> bands, highest first: (cosine floor, draws). Pairs below the last floor are reached only by
# the uniform draw. Floors read off the cosine of the development pairs (same pairs of these cells:
# quartiles ~0.5–0.75; different pairs of `rest`/`named`: median 0.15/0.36).
BANDS: Mapping[str, tuple[tuple[float, int], ...]] = {
    "sim0.15": ((0.70, 6), (0.60, 5), (-1.0, 3)),
    "lowsim": ((0.65, 8), (0.55, 6), (-1.0, 3)),
    "named": ((0.65, 11), (0.55, 8), (0.45, 5)),
    "rest": ((0.60, 18), (0.50, 12), (0.40, 8)),
}
UNIFORM: Mapping[str, int] = {"sim0.15": 4, "lowsim": 4, "named": 7, "rest": 10}


@dataclass(frozen=True)
class Unit:
    """One eligible pair of the population: ids (earlier first), its cell and meaning cosine."""

    a: str
    b: str
    cell: str
    cos: float


@dataclass(frozen=True)
class Draw:
    """One drawn pair with its design: band index (len(bands): below every floor), which draws took it
    ("band", "uniform" or both), the band's and cell's sizes and draws, and its inclusion probability."""

    unit: Unit
    band: int
    drawn_by: tuple[str, ...]
    band_size: int
    band_draws: int
    cell_size: int
    uniform_draws: int
    band_sizes: tuple[int, ...] = ()  # every band of the cell, the last one below every floor

    @property
    def probability(self) -> float:
        return inclusion(self.band_draws, self.band_size, self.uniform_draws, self.cell_size)


def band_of(cos: float, bands: Sequence[tuple[float, int]]) -> int:
    """Index of the first band whose floor `cos` reaches; len(bands) below every floor."""
    for k, (floor, _) in enumerate(bands):
        if cos >= floor:
            return k
    return len(bands)


def inclusion(band_draws: int, band_size: int, uniform_draws: int, cell_size: int) -> float:
    """P(pair drawn) under an SRS of `band_draws` of its band and an independent SRS of
    `uniform_draws` of its cell."""
    p_band = min(band_draws, band_size) / band_size if band_size else 0.0
    p_uniform = min(uniform_draws, cell_size) / cell_size if cell_size else 0.0
    return 1 - (1 - p_band) * (1 - p_uniform)


def plan(units: Iterable[Unit], bands: Mapping[str, tuple[tuple[float, int], ...]],
         uniform: Mapping[str, int], rng: random.Random) -> list[Draw]:
    """The designed sample of `units` (only cells of `bands` are drawn from), in unit order."""
    by_cell: dict[str, list[Unit]] = {}
    for u in sorted(units, key=lambda u: (u.cell, u.a, u.b)):
        if u.cell in bands:
            by_cell.setdefault(u.cell, []).append(u)
    out: list[Draw] = []
    for cell in sorted(by_cell):
        members, spec = by_cell[cell], bands[cell]
        groups: dict[int, list[Unit]] = {}
        for u in members:
            groups.setdefault(band_of(u.cos, spec), []).append(u)
        taken: dict[Unit, set[str]] = {}
        for k, group in sorted(groups.items()):
            draws = spec[k][1] if k < len(spec) else 0
            for u in rng.sample(group, min(draws, len(group))):
                taken.setdefault(u, set()).add("band")
        for u in rng.sample(members, min(uniform.get(cell, 0), len(members))):
            taken.setdefault(u, set()).add("uniform")
        sizes = tuple(len(groups.get(k, ())) for k in range(len(spec) + 1))
        for u in members:
            if u in taken:
                k = band_of(u.cos, spec)
                out.append(Draw(u, k, tuple(sorted(taken[u])), len(groups[k]),
                                spec[k][1] if k < len(spec) else 0, len(members),
                                uniform.get(cell, 0), sizes))
    return out


def gold_pairs(gold: Path = pair_cells.GOLD) -> set[frozenset[str]]:
    """Unordered id pairs of every story_*.jsonl in `gold` (only "a" and "b" are read)."""
    out: set[frozenset[str]] = set()
    for path in sorted(gold.glob("story_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.add(frozenset((row["a"], row["b"])))
    return out


def pair_articles(path: Path) -> set[str]:
    """Article ids of a pair file (only "a" and "b" are read)."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.update((row["a"], row["b"]))
    return out


def population_units(cells: Iterable[str], skip_pairs: set[frozenset[str]], skip_articles: set[str],
                     vectors: Path = VECTORS) -> tuple[list[Unit], Counter[str]]:
    """Every eligible pair of `cells` with its cosine; and how many pairs of each cell were skipped."""
    arts = pair_cells.load()
    pop = pair_cells.build(arts)
    with np.load(vectors) as z:
        row = {k: n for n, k in enumerate(z["ids"].tolist())}
        vecs = z["vectors"].astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    order = np.array([row[i] for i in pop.ids])
    first = np.frombuffer(pop.first, dtype=np.int32)
    second = np.frombuffer(pop.second, dtype=np.int32)
    codes = np.frombuffer(pop.cells, dtype=np.uint8)
    wanted = np.isin(codes, [pair_cells.CELLS.index(c) for c in cells])
    idx = np.nonzero(wanted)[0]
    cos = np.einsum("ij,ij->i", vecs[order[first[idx]]], vecs[order[second[idx]]])
    units, skipped = [], Counter[str]()
    for n, c in zip(idx.tolist(), cos.tolist()):
        a, b, cell = pop.ids[first[n]], pop.ids[second[n]], pair_cells.CELLS[codes[n]]
        if frozenset((a, b)) in skip_pairs or a in skip_articles or b in skip_articles:
            skipped[cell] += 1
            continue
        units.append(Unit(a, b, cell, round(float(c), 4)))
    return units, skipped


def design_rows(draws: Sequence[Draw]) -> list[dict[str, object]]:
    return [{"a": d.unit.a, "b": d.unit.b, "cell": d.unit.cell, "cos": d.unit.cos, "band": d.band,
             "drawn_by": list(d.drawn_by), "band_size": d.band_size, "band_draws": d.band_draws,
             "cell_size": d.cell_size, "uniform_draws": d.uniform_draws,
             "band_sizes": list(d.band_sizes),
             "probability": d.probability, "weight": 1 / d.probability} for d in draws]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blind", type=Path, default=NOTES / "pairs_test13.jsonl",
                        help="the session's blind pair file (its articles are skipped)")
    parser.add_argument("--out", type=Path, default=NOTES / "pop_pairs.jsonl")
    parser.add_argument("--design", type=Path, default=NOTES / "pop_design.jsonl")
    args = parser.parse_args()
    units, skipped = population_units(BANDS, gold_pairs(), pair_articles(args.blind))
    rng = random.Random(SEED)
    draws = plan(units, BANDS, UNIFORM, rng)
    rows = design_rows(draws)
    args.design.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                           encoding="utf-8")
    readers = [{"a": d.unit.a, "b": d.unit.b} for d in draws]
    rng.shuffle(readers)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in readers), encoding="utf-8")
    sizes = Counter(u.cell for u in units)
    for cell, spec in BANDS.items():
        counts = Counter(band_of(u.cos, spec) for u in units if u.cell == cell)
        mine = [d for d in draws if d.unit.cell == cell]
        print(f"{cell}: eligible {sizes[cell]:,} (skipped {skipped[cell]:,}); bands "
              + ", ".join(f"≥{spec[k][0]:.2f}: {counts[k]:,}/{spec[k][1]}" if k < len(spec)
                          else f"below: {counts[k]:,}/0" for k in sorted(counts))
              + f"; uniform {UNIFORM[cell]}; drawn {len(mine)}"
              f" (both draws {sum(len(d.drawn_by) == 2 for d in mine)})")
    print(f"{len(draws)} pairs -> {args.out} (readers), {args.design} (design)")


if __name__ == "__main__":
    main()
