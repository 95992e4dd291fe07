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


def strata(files: Sequence[str]) -> dict[frozenset[str], tuple[str, str]]:
    """The stratum that drew each labelled pair and its `shared` note (the name, for `place` and
    `person`), from the first of `files` that holds it; ids, stratum and note only are read."""
    out: dict[frozenset[str], tuple[str, str]] = {}
    for name in files:
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                # The first file naming a pair drew it: a later audit may hold it again.
                out.setdefault(frozenset((row["a"], row["b"])), (str(row.get("stratum", "")),
                                                                 str(row.get("shared", ""))))
    return out


def labelled(pairs: Sequence[Mapping[str, Any]], answer: str, split: bool = False,
             ) -> list[pe.Labelled]:
    """Labelled pairs with the system's `answer` ("stored" or "pairwise"); `split` keys the cell by
    the stored outcome too (the «cell × stored» estimator)."""
    return [pe.Labelled((p["cell"], p["stored"]) if split else p["cell"], bool(p["same"]),
                        bool(p[answer]), float(p.get("weight", 1.0))) for p in pairs]


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


def interval_row(name: str, sizes: Mapping[Hashable, int], lab: list[pe.Labelled], reps: int,
                 ) -> str:
    """One table row: the weighted figure, its interval, and the cells no labelled pair reaches."""
    gaps = pe.uncovered(sizes, lab)
    note = f"; unreached, weighing nothing: {', '.join(f'{c} {sizes[c]:,}' for c in gaps)}" if gaps else ""
    return f"| {name} | {fmt(pe.estimate(sizes, lab), pe.bootstrap(sizes, lab, reps))}{note} |"


def report(cache: Mapping[str, Any], drawn: Mapping[frozenset[str], tuple[str, str]],
           pools: Mapping[str, int], reps: int = 2000, out: Callable[[str], None] = print,
           audit_cells: Sequence[str | None] = (),
           ) -> None:
    """Print every table of the brief (see the module docstring of story_population.py); `drawn`
    gives the stratum that drew each labelled pair and its note (`strata`), `pools` how many
    pairs share each title name (pair_cells.name_pools), `audit_cells` the cell of each audited
    link in the cache's order (None: outside the population)."""
    sizes: dict[Hashable, int] = dict(cache["sizes"])
    folds = [f for f in cache["runs"] if f != "shipped"]
    runs = [cache["runs"][f] for f in folds]
    pairs = [{**p, "stratum": drawn.get(frozenset((p["a"], p["b"])), ("", ""))[0],
              "shared": drawn.get(frozenset((p["a"], p["b"])), ("", ""))[1]}
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
        out(interval_row(f"{answer}, corpus-weighted by cell", sizes, lab, reps))
    split = labelled(pairs, "stored", split=True)
    out(interval_row("stored, corpus-weighted by cell × stored", split_sizes, split, reps))
    design = [p for p in pairs if p["stratum"] in UNIFORM[p["cell"]]]
    out(interval_row(f"stored, by cell, only strata drawing uniformly in it ({len(design)} pairs)",
                     sizes, labelled(design, "stored"), reps))
    named = [p if p["cell"] != "named" else {**p, "weight": pools.get(p["shared"], 1)}
             for p in pairs if p["cell"] != "named" or p["stratum"] in ("place", "person")]
    for answer in ("stored", "pairwise"):
        out(interval_row(f"{answer}, by cell, «named» pairs weighted by their name's pool",
                         sizes, labelled(named, answer), reps))
    out(interval_row("stored, by cell × stored, «named» pairs weighted by their name's pool",
                     split_sizes, labelled(named, "stored", split=True), reps))

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
    for rate in (1e-4, 3e-4, 1e-3):
        more = pe.Estimate(cell_est.tp, cell_est.fp, cell_est.fn + rate * sizes["rest"], cell_est.tn)
        out(f"  if {rate:.2%} of the rest cell were same pairs, all stored apart:"
            f" {rate * sizes['rest']:,.0f} more same pairs, recall {more.recall:.3f}")
    out(f"gap to {TARGET}: labelled recall {pe.plain(labelled(pairs, 'stored')).recall:.3f},"
        f" corpus-weighted {cell_est.recall:.3f}")

    outside = statistics.mean(r["outside"] for r in runs)
    same_source = statistics.mean(r["same_source"] for r in runs)
    inside = sum(n for k, n in split_sizes.items() if isinstance(k, tuple) and k[1])
    out(f"stored links a reader sees, mean over passes: {inside:,} cross-source within 48 h,"
        f" {outside:,.0f} cross-source past 48 h, {same_source:,.0f} of one source")

    audits = cache.get("audits", [])
    if audit_cells and len(audit_cells) == len(audits):
        audits = [{**a, "cell": c} for a, c in zip(audits, audit_cells)]
        joined_parts: dict[Hashable, int] = {k: n for k, n in split_sizes.items()
                                             if isinstance(k, tuple) and k[1]}
        still = [pe.Labelled((a["cell"], True), a["same"], True) for a in audits
                 if a["stored"] and a["cell"] is not None]
        blind = [p for p in split if isinstance(p.cell, tuple) and p.cell[1]]
        for name, lab in (("the audits' links the shipped pass still joins", still),
                          ("those and the blind pairs stored in one story", still + blind)):
            e = pe.estimate(joined_parts, lab)
            gaps = pe.uncovered(joined_parts, lab)
            parts = pe.by_cell(lab)
            wrong = {c: joined_parts[c] * sum(not p.same for p in m) / len(m)
                     for c, m in parts.items()}
            out(f"precision of the stored links by cell, from {name} ({len(lab)}):"
                f" {e.precision:.3f} (90%: {'–'.join(f'{x:.3f}' for x in pe.bootstrap(joined_parts, lab, reps)[0])})"
                + (f"; unreached: {', '.join(f'{c} {joined_parts[c]:,}' for c in gaps)}" if gaps else ""))
            out("  wrong links by cell: " + ", ".join(
                f"{c[0] if isinstance(c, tuple) else c} {wrong[c]:.0f} of {joined_parts[c]}"
                f" ({sum(not p.same for p in parts[c])}/{len(parts[c])})"
                for c in joined_parts if c in wrong))
        for c in CELLS:
            mine = [a for a in audits if a["cell"] == c]
            if mine:
                out(f"  audits in {c}: {sum(a['same'] for a in mine)}/{len(mine)} same"
                    f" (still joined {sum(a['stored'] for a in mine)})")
        out(f"  audits outside the population (past 48 h or one source):"
            f" {sum(a['cell'] is None for a in audits)}")
    for name in sorted({a["set"] for a in audits}):
        rows = [a for a in audits if a["set"] == name]
        kept = [a for a in rows if a["stored"]]
        out(f"{name}: {sum(a['same'] for a in rows)}/{len(rows)} same"
            f" ({sum(a['hours'] > 48 for a in rows)} past 48 h); the shipped pass still joins"
            f" {len(kept)}: {sum(a['same'] for a in kept)} same")
