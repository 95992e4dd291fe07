"""The tables of benchmarks/story_population.py, read from its cached runs (no corpus pass here).

Every figure is a post-stratified estimate (benchmarks/population_estimates.py) over the partition
of benchmarks/pair_cells.py, beside the plain labelled-pair figure the issue's target is read on.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import population_estimates as pe
from pair_cells import CELLS

GOLD = Path(__file__).resolve().parent / "gold"
TARGET = 0.90
# Strata that draw uniformly from a superset of a cell (so their pairs in it are a random sample).
UNIFORM = {**{c: {c, "random"} for c in CELLS[:5]}, "lowsim": {"lowsim", "random"},
           "named": {"random"}, "rest": {"random"}}


def strata(files: Sequence[str]) -> dict[frozenset[str], str]:
    """The stratum that drew each labelled pair (ids and stratum only are read)."""
    out: dict[frozenset[str], str] = {}
    for name in files:
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[frozenset((row["a"], row["b"]))] = str(row.get("stratum", ""))
    return out


def labelled(pairs: Sequence[Mapping[str, Any]], answer: str, split: bool = False,
             ) -> list[pe.Labelled]:
    """Labelled pairs with the system's `answer` ("stored" or "pairwise"); `split` keys the cell by
    the stored outcome too (the «cell × stored» estimator)."""
    return [pe.Labelled((p["cell"], p["stored"]) if split else p["cell"], bool(p["same"]),
                        bool(p[answer])) for p in pairs]


def borrow(own: list[pe.Labelled], pooled: list[pe.Labelled], sizes: Mapping[Hashable, int],
           ) -> tuple[list[pe.Labelled], int]:
    """`own` plus the pooled pairs of every cell `own` does not reach; and how many cells that was."""
    missing = set(pe.uncovered(sizes, own))
    return own + [p for p in pooled if p.cell in missing], len(missing)


def fmt(e: pe.Estimate, interval: tuple[tuple[float, float], tuple[float, float]] | None = None,
        ) -> str:
    text = f"{e.precision:.3f} / {e.recall:.3f}"
    if interval:
        (p0, p1), (r0, r1) = interval
        text += f" (90%: P {p0:.3f}–{p1:.3f}, R {r0:.3f}–{r1:.3f})"
    return text


def mean_sizes(runs: Sequence[Mapping[str, Any]]) -> dict[Hashable, int]:
    """(cell, stored) -> mean pairs over the held-out passes (each pass stores a little apart)."""
    keys = {(c, bool(j)) for r in runs for c, j, _ in r["joined_sizes"]}
    table = [{(c, bool(j)): n for c, j, n in r["joined_sizes"]} for r in runs]
    return {k: round(statistics.mean(t.get(k, 0) for t in table)) for k in sorted(keys)}


def report(cache: Mapping[str, Any], drawn: Mapping[frozenset[str], str], reps: int = 2000,
           out: Callable[[str], None] = print) -> None:
    """Print every table of the brief (see the module docstring of story_population.py); `drawn`
    gives the stratum that drew each labelled pair (`strata`)."""
    sizes: dict[Hashable, int] = dict(cache["sizes"])
    folds = [f for f in cache["runs"] if f != "shipped"]
    runs = [cache["runs"][f] for f in folds]
    pairs = [{**p, "stratum": drawn.get(frozenset((p["a"], p["b"])), "")}
             for r in runs for p in r["pairs"]]
    lost = [p for p in pairs if p["cell"] is None]
    pairs = [p for p in pairs if p["cell"] is not None]
    split_sizes = mean_sizes(runs)
    out(f"population: {sum(sizes.values()):,} cross-source pairs within 48 h; {len(folds)} held-out"
        f" passes; {len(pairs)} blind labelled pairs ({sum(p['same'] for p in pairs)} same),"
        f" {len(lost)} outside the population")

    out("\n| cell | N | stored links N (mean) | labelled n | same | same rate | est. same pairs |"
        " stored recall | pairwise recall | est. missed (stored) | share of misses | wrong joins |")
    out("|---|---|---|---|---|---|---|---|---|---|---|---|")
    cell_est = pe.estimate(sizes, labelled(pairs, "stored"))
    for c in CELLS:
        mine = [p for p in pairs if p["cell"] == c]
        same = [p for p in mine if p["same"]]
        e = pe.estimate({c: sizes[c]}, labelled(mine, "stored")) if mine else pe.Estimate(0, 0, 0, 0)
        out(f"| {c} | {sizes[c]:,} | {split_sizes.get((c, True), 0):,} | {len(mine)} | {len(same)} |"
            f" {len(same) / len(mine) if mine else float('nan'):.3f} | {e.same:,.0f} |"
            f" {sum(p['stored'] for p in same)}/{len(same)} |"
            f" {sum(p['pairwise'] for p in same)}/{len(same)} | {e.fn:,.0f} |"
            f" {e.fn / cell_est.fn if cell_est.fn else 0:.0%} |"
            f" {sum(p['stored'] and not p['same'] for p in mine)} ({e.fp:,.0f}) |")

    out("\n| figure (16 blind folds, held-out weights) | precision / recall |")
    out("|---|---|")
    for answer in ("stored", "pairwise"):
        lab = labelled(pairs, answer)
        out(f"| {answer}, labelled pairs as drawn (the issue's figure) | {fmt(pe.plain(lab))} |")
        out(f"| {answer}, corpus-weighted by cell | "
            f"{fmt(pe.estimate(sizes, lab), pe.bootstrap(sizes, lab, reps))} |")
    split = labelled(pairs, "stored", split=True)
    gaps = pe.uncovered(split_sizes, split)
    out(f"| stored, corpus-weighted by cell × stored | "
        f"{fmt(pe.estimate(split_sizes, split), pe.bootstrap(split_sizes, split, reps))} |")
    if gaps:
        out(f"(cell × stored parts without a labelled pair, weighing nothing: "
            + ", ".join(f"{c}: {split_sizes[c]:,}" for c in gaps) + ")")

    design = [p for p in pairs if p["stratum"] in UNIFORM[p["cell"]]]
    lab = labelled(design, "stored")
    out(f"| stored, by cell, only strata drawing uniformly in the cell ({len(design)} pairs) | "
        f"{fmt(pe.estimate(sizes, lab), pe.bootstrap(sizes, lab, reps))} |")

    out("\n| set | pairs | stored, as drawn | stored, weighted by cell | by cell × stored |"
        " cells borrowed |")
    out("|---|---|---|---|---|---|")
    pooled_cell, pooled_split = labelled(pairs, "stored"), split
    for fold, r in zip(folds, runs):
        mine = [p for p in pairs if p["set"] == fold]
        own, k = borrow(labelled(mine, "stored"), pooled_cell, sizes)
        fsizes: dict[Hashable, int] = {(c, bool(j)): n for c, j, n in r["joined_sizes"]}
        own2, k2 = borrow(labelled(mine, "stored", split=True), pooled_split, fsizes)
        out(f"| {fold} | {len(mine)} | {fmt(pe.plain(labelled(mine, 'stored')))} |"
            f" {fmt(pe.estimate(sizes, own))} | {fmt(pe.estimate(fsizes, own2))} | {k} / {k2} |")

    rest = [p for p in pairs if p["cell"] == "rest"]
    hits = sum(p["same"] for p in rest)
    upper = pe.upper_rate(hits, len(rest))
    worst = pe.Estimate(cell_est.tp, cell_est.fp, cell_est.fn + (upper - hits / len(rest))
                        * sizes["rest"], cell_est.tn)
    out(f"\nrest cell: {hits} same of {len(rest)} labelled; 95% upper same rate {upper:.4f}"
        f" = {upper * sizes['rest']:,.0f} same pairs; if all of those beyond the sample were"
        f" stored apart, recall {worst.recall:.3f}")
    out(f"gap to {TARGET}: labelled recall {pe.plain(labelled(pairs, 'stored')).recall:.3f},"
        f" corpus-weighted {cell_est.recall:.3f}")

    outside = statistics.mean(r["outside"] for r in runs)
    same_source = statistics.mean(r["same_source"] for r in runs)
    inside = sum(n for k, n in split_sizes.items() if isinstance(k, tuple) and k[1])
    out(f"stored links a reader sees, mean over passes: {inside:,} cross-source within 48 h,"
        f" {outside:,.0f} cross-source past 48 h, {same_source:,.0f} of one source")

    audits = cache.get("audits", [])
    for name in sorted({a["set"] for a in audits}):
        rows = [a for a in audits if a["set"] == name]
        kept = [a for a in rows if a["stored"]]
        out(f"{name}: {sum(a['same'] for a in rows)}/{len(rows)} same"
            f" ({sum(a['hours'] > 48 for a in rows)} past 48 h); the shipped pass still joins"
            f" {len(kept)}: {sum(a['same'] for a in kept)} same")
