"""Stories as a reader meets them, with the designed low-cell set (brief S17 of session 14).

    .venv/bin/python benchmarks/story_population.py --run --cache benchmarks/out/story_population_s17.json
    .venv/bin/python benchmarks/story_population_design.py [--labels story_pop1.jsonl story_pop1b.jsonl]

benchmarks/story_population.py (S15) weighs the blind labelled pairs by their cell's size; in the
low-overlap cells that rests on a few same pairs (none in `rest`). benchmarks/pop_sample.py drew a
designed sample of those cells (`sim0.15`, `lowsim`, `named`, `rest`): USE-cosine bands at known
rates plus a uniform draw, inclusion probability π per pair (its design file). Here:

- high cells (`sim0.5` … `sim0.18`): S15's estimate, each blind pair weighing N_c / n_c;
- low cells: the blind pairs of the cell count as a census of themselves, and the cell's other
  pairs (N_c − n_c) are estimated from the designed sample post-stratified by cosine band: each
  band's pairs (every one drawn with the band's π) stand for the band's share of N_c − n_c (the
  frame skipped other gold pairs and the blind test's articles; their same rate is taken as their
  band's). `population_estimates.horvitz_thompson` gives the plain 1/π totals of the frame;
- 90% intervals: percentile bootstrap, blind pairs resampled within cells, designed pairs within
  their design stratum (band, or the uniform draw); the census is fixed.

The system's answer on a designed pair is the shipped pass's (its weights never saw the pair); on a
blind pair its fold's held-out pass, as in S15. Labels: the first reader's file; the second's gives
the agreement and a second reading of every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import population_estimates as pe  # noqa: E402
from pop_sample import BANDS  # noqa: E402

LOW = ("sim0.15", "lowsim", "named", "rest")
GOLD = BENCH / "gold"
DESIGN = Path("/work/notes/s14/pop_design.jsonl")
CACHE = BENCH / "out" / "story_population_s17.json"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def labels_of(rows: Sequence[Mapping[str, Any]]) -> dict[frozenset[str], bool]:
    return {frozenset((r["a"], r["b"])): bool(r["same"]) for r in rows}


def stratum(row: Mapping[str, Any]) -> Hashable:
    """The design stratum a drawn pair is resampled in: its band if a band draw took it."""
    return row["band"] if "band" in row["drawn_by"] else "uniform"


def drawn(design: Sequence[Mapping[str, Any]], labels: Mapping[frozenset[str], bool],
          story_of: Mapping[str, int]) -> list[dict[str, Any]]:
    """The labelled designed pairs: design row, label and stored outcome (unlabelled rows dropped)."""
    out = []
    for row in design:
        key = frozenset((row["a"], row["b"]))
        if key in labels:
            out.append({**row, "same": labels[key],
                        "stored": story_of[row["a"]] == story_of[row["b"]]})
    return out


def parts(sizes: Mapping[str, int], blind: Sequence[Mapping[str, Any]],
          design: Sequence[Mapping[str, Any]], low: Sequence[str] = LOW,
          ) -> tuple[dict[str, int], list[pe.Labelled], list[pe.Labelled],
                     dict[Hashable, float], list[pe.Labelled]]:
    """(high sizes, high blind pairs, low blind census, low remainder sizes by (cell, band), designed
    pairs keyed (cell, band)). Each band's share of its cell's remainder is its share of the frame
    (the rows' `band_sizes`: every band, drawn from or not; a band no labelled pair reaches adds
    nothing, as in a Horvitz–Thompson total)."""
    high = {c: n for c, n in sizes.items() if c not in low}
    hi = [pe.Labelled(p["cell"], bool(p["same"]), bool(p["stored"]))
          for p in blind if p["cell"] not in low]
    cen = [pe.Labelled(p["cell"], bool(p["same"]), bool(p["stored"]))
           for p in blind if p["cell"] in low]
    bands = {(r["cell"], b): int(n) for r in design
             for b, n in enumerate(r.get("band_sizes") or ())}
    bands.update({(r["cell"], r["band"]): int(r["band_size"]) for r in design})
    frame = {c: sum(n for (cell, _), n in bands.items() if cell == c) for c in low}
    rem: dict[Hashable, float] = {
        (c, b): n * (sizes[c] - sum(p.cell == c for p in cen)) / frame[c]
        for (c, b), n in bands.items() if n}
    des = [pe.designed((r["cell"], r["band"]), stratum(r), bool(r["same"]), bool(r["stored"]),
                       float(r["probability"])) for r in design]
    return high, hi, cen, rem, des


def combined(sizes: Mapping[str, int], blind: Sequence[Mapping[str, Any]],
             design: Sequence[Mapping[str, Any]], low: Sequence[str] = LOW,
             ) -> tuple[pe.Estimate, Callable[[random.Random], pe.Estimate]]:
    """The corpus estimate and a bootstrap replicate maker (see the module docstring)."""
    high, hi, cen, rem, des = parts(sizes, blind, design, low)

    def make(rng: random.Random) -> pe.Estimate:
        return pe.combine(pe.estimate(high, pe.resample(hi, rng)), pe.census(cen),
                          pe.estimate(rem, pe.resample(des, rng)))

    return pe.combine(pe.estimate(high, hi), pe.census(cen), pe.estimate(rem, des)), make


def split(sizes: Mapping[str, int], blind: Sequence[Mapping[str, Any]],
          design: Sequence[Mapping[str, Any]], frame: Mapping[tuple[str, int, bool], int],
          stored_sizes: Mapping[str, int], stored_sample: Sequence[Mapping[str, Any]],
          low: Sequence[str] = LOW) -> tuple[pe.Estimate, Callable[[random.Random], pe.Estimate]]:
    """«band × stored»: the shipped pass's stored links are known for every pair, so each low cell
    splits into its stored links (N_(c,stored), `stored_sizes`; same rate from `stored_sample`:
    uniform audits of stored links and the designed pairs it stores, unweighted) and its pairs stored
    apart, by cosine band (the frame's counts `frame[(cell, band, stored)]` scaled to the cell's
    pairs stored apart; the designed pairs stored apart, each band's an SRS of its part). High cells
    as `combined`; the low cells' blind pairs are not used (the stored part has better draws)."""
    high = {c: n for c, n in sizes.items() if c not in low}
    hi = [pe.Labelled(p["cell"], bool(p["same"]), bool(p["stored"]))
          for p in blind if p["cell"] not in low]
    joined = {(c, "stored"): n for c, n in stored_sizes.items() if c in low}
    kept = [pe.Labelled((p["cell"], "stored"), bool(p["same"]), True) for p in stored_sample
            if p["cell"] in low]
    apart_frame = {c: sum(n for (cell, _, st), n in frame.items() if cell == c and not st)
                   for c in low}
    apart = {(c, b): n * (sizes[c] - stored_sizes.get(c, 0)) / apart_frame[c]
             for (c, b, st), n in frame.items() if c in low and not st and n}
    des = [pe.designed((r["cell"], r["band"]), stratum(r), bool(r["same"]), False,
                       float(r["probability"])) for r in design if not r["stored"]]

    def make(rng: random.Random) -> pe.Estimate:
        return pe.combine(pe.estimate(high, pe.resample(hi, rng)),
                          pe.estimate(joined, pe.resample(kept, rng)),
                          pe.estimate(apart, pe.resample(des, rng)))

    return pe.combine(pe.estimate(high, hi), pe.estimate(joined, kept),
                      pe.estimate(apart, des)), make


def uniform_only(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The pairs the uniform draw took, as a simple random sample of the cell's frame (one band)."""
    return [{**r, "band": "uniform", "drawn_by": ["uniform"], "band_size": r["cell_size"], "band_sizes": [],
             "probability": r["uniform_draws"] / r["cell_size"]}
            for r in rows if "uniform" in r["drawn_by"]]


def kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    """Cohen's kappa of two readers' same/not labels."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def report(cache: Mapping[str, Any], design: Sequence[Mapping[str, Any]],
           readers: Sequence[tuple[str, Mapping[frozenset[str], bool]]], reps: int = 2000,
           out: Callable[[str], None] = print,
           cos_of: Callable[[str, str], float] | None = None,
           frame: Mapping[tuple[str, int, bool], int] | None = None,
           audits: Sequence[Mapping[str, Any]] = ()) -> None:
    """Every table (see the module docstring); `cos_of` (the USE cosine of two ids) adds the
    model reading of the bands no draw of the design's own reaches; `frame` (the frame's pairs per
    (cell, band, stored by the shipped pass)) and `audits` (audited stored links with their cell,
    label and whether the shipped pass still stores them) add the «band × stored» estimator."""
    sizes: dict[str, int] = dict(cache["sizes"])
    story_of: dict[str, int] = cache["story_of"]
    blind = [p for f, r in cache["runs"].items() if f != "shipped" for p in r["pairs"]
             if p["cell"] is not None]
    name, labels = readers[0]
    rows = drawn(design, labels, story_of)
    # A second reader who agrees on every designed pair gives the same figures: shown once.
    readings = [readers[0], *(r for r in readers[1:] if dict(r[1]) != dict(labels))]
    out(f"designed pairs: {len(design)} drawn, {len(rows)} labelled by {name}"
        f" ({sum(r['same'] for r in rows)} same); blind labelled pairs: {len(blind)}")
    if len(readers) > 1:
        other = readers[1][1]
        both = [k for k in labels if k in other]
        out(f"readers {name} / {readers[1][0]}: {len(both)} pairs in both,"
            f" agree {sum(labels[k] == other[k] for k in both)},"
            f" same {sum(labels[k] for k in both)} / {sum(other[k] for k in both)},"
            f" kappa {kappa([labels[k] for k in both], [other[k] for k in both]):.2f}")

    out("\n| cell | N | blind n (same) | S15 same rate | drawn (same) | uniform draws (same) |"
        " designed same rate (Hájek) | est. same pairs | stored recall, designed pairs (weighted) |"
        " est. missed |")
    out("|---|---|---|---|---|---|---|---|---|---|")
    high, hi, cen, rem, des = parts(sizes, blind, rows)
    for c in LOW:
        mine_b = [p for p in cen if p.cell == c]
        mine = [r for r in rows if r["cell"] == c]
        uni = [r for r in mine if "uniform" in r["drawn_by"]]
        mine_rem = {k: n for k, n in rem.items() if isinstance(k, tuple) and k[0] == c}
        e = pe.estimate(mine_rem, [p for p in des if p.cell in mine_rem])
        w_same = sum(1 / r["probability"] for r in mine if r["same"])
        w_tp = sum(1 / r["probability"] for r in mine if r["same"] and r["stored"])
        own = pe.census(mine_b)
        out(f"| {c} | {sizes[c]:,} | {len(mine_b)} ({sum(p.same for p in mine_b)}) |"
            f" {sum(p.same for p in mine_b) / len(mine_b) if mine_b else float('nan'):.4f} |"
            f" {len(mine)} ({sum(r['same'] for r in mine)}) |"
            f" {len(uni)} ({sum(r['same'] for r in uni)}) |"
            f" {e.same / sum(mine_rem.values()):.4f} | {own.same + e.same:,.0f} |"
            f" {sum(r['same'] and r['stored'] for r in mine)}/{sum(r['same'] for r in mine)}"
            f" ({w_tp / w_same if w_same else float('nan'):.2f}) | {own.fn + e.fn:,.0f} |")
    for c in LOW:
        spec = sorted({r["band"] for r in design if r["cell"] == c})
        cells = []
        for band in spec:
            mine = [r for r in rows if r["cell"] == c and r["band"] == band]
            size = next(r["band_size"] for r in design if r["cell"] == c and r["band"] == band)
            cells.append(f"band {band} (N {size:,}): {sum(r['same'] for r in mine)}/{len(mine)} same,"
                         f" {sum(r['same'] and r['stored'] for r in mine)} stored")
        out(f"  {c}: " + "; ".join(cells))

    out("\n| figure | precision / recall (90% interval) |")
    out("|---|---|")
    old = [pe.Labelled(p["cell"], bool(p["same"]), bool(p["stored"])) for p in blind]
    out(f"| stored, blind pairs as drawn | {_fmt(pe.plain(old))} |")
    out(f"| stored, S15 by cell (blind pairs only) | {_fmt(pe.estimate(sizes, old), pe.bootstrap(sizes, old, reps))} |")
    for who, lab in readings:
        r2 = drawn(design, lab, story_of)
        est, make = combined(sizes, blind, r2)
        out(f"| stored, blind + designed ({who}'s labels) | {_fmt(est, pe.interval(make, reps))} |")
        out(f"|   est. same pairs {est.same:,.0f}, stored links {est.joined:,.0f},"
            f" missed {est.fn:,.0f}, wrong links {est.fp:,.0f} | |")
    if frame is not None:
        stored_sizes = {c: n for c, j, n in cache["runs"]["shipped"]["joined_sizes"] if j}
        for who, lab in readings:
            r2 = drawn(design, lab, story_of)
            kept = [a for a in audits if a["stored"]] + [r for r in r2 if r["stored"]]
            est, make = split(sizes, blind, r2, frame, stored_sizes, kept)
            out(f"| stored, blind (high cells) + audits and designed pairs stored ({len(kept)})"
                f" + designed pairs stored apart, by band × stored ({who}) |"
                f" {_fmt(est, pe.interval(make, reps))} |")
            out(f"|   est. same pairs {est.same:,.0f}, stored links {est.joined:,.0f},"
                f" missed {est.fn:,.0f}, wrong links {est.fp:,.0f} | |")
    u_rows = uniform_only(rows)
    est, make = combined(sizes, blind, u_rows)
    out(f"| check: blind + the uniform draws only ({len(u_rows)}) | {_fmt(est, pe.interval(make, reps))} |")
    unseen(sizes, blind, rows, out, cos_of)
    misses(rows, out)


def unseen(sizes: Mapping[str, int], blind: Sequence[Mapping[str, Any]],
           rows: Sequence[Mapping[str, Any]], out: Callable[[str], None],
           cos_of: Callable[[str, str], float] | None = None,
           floors: Mapping[str, Sequence[tuple[float, int]]] = BANDS) -> None:
    """What the interval cannot see: strata whose sample holds no same pair (their 95% upper count,
    all taken as missed), and — a model, not the design — the same pairs under a band's floor if
    same pairs fall under it as often as the blind labelled same pairs of the low cells do."""
    est, _ = combined(sizes, blind, rows)
    _, _, _, rem, des = parts(sizes, blind, rows)
    for key, n, k, upper in pe.blind_spots(rem, des):
        worst = pe.Estimate(est.tp, est.fp, est.fn + upper, est.tn)
        out(f"no same pair among {k} drawn in {key} ({n:,.0f} pairs): 95% upper {upper:,.0f}"
            f" same pairs; if all were missed, recall {worst.recall:.3f}")
    if cos_of is None:
        return
    known = [cos_of(p["a"], p["b"]) for p in blind if p["cell"] in LOW and p["same"]]
    spots = {key for key, *_ in pe.blind_spots(rem, des)}
    for c, bands in floors.items():
        below = (c, len(bands))  # the band under every floor: only the uniform draw reaches it
        if below not in spots or not known or bands[-1][0] <= -1:
            continue
        share = sum(x < bands[-1][0] for x in known) / len(known)
        part = {k: n for k, n in rem.items() if isinstance(k, tuple) and k[0] == c and k not in spots}
        seen = pe.estimate(part, [p for p in des if p.cell in part])
        extra = seen.same * share / (1 - share) if share < 1 else float("inf")
        more = pe.Estimate(est.tp, est.fp, est.fn + extra, est.tn)
        out(f"model: {share:.1%} of the {len(known)} blind same pairs of the low cells have a cosine"
            f" under {bands[-1][0]:.2f}; {c}'s band under it would then hold ~{extra:,.0f} same"
            f" pairs ({seen.same:,.0f} above it), all missed: recall {more.recall:.3f}")


def misses(rows: Sequence[Mapping[str, Any]], out: Callable[[str], None]) -> None:
    """The designed same pairs stored apart, heaviest first (ids only: read them in the corpus)."""
    gone = sorted((r for r in rows if r["same"] and not r["stored"]),
                  key=lambda r: -1 / r["probability"])
    out(f"\ndesigned same pairs stored apart: {len(gone)}")
    for r in gone:
        out(f"  {r['cell']} band {r['band']} cos {r['cos']:.2f} weight {1 / r['probability']:,.0f}:"
            f" {r['a']} {r['b']}")


def _fmt(e: pe.Estimate, ci: tuple[tuple[float, float], tuple[float, float]] | None = None) -> str:
    text = f"{e.precision:.3f} / {e.recall:.3f}"
    if ci:
        text += f" (P {ci[0][0]:.3f}–{ci[0][1]:.3f}, R {ci[1][0]:.3f}–{ci[1][1]:.3f})"
    return text


# Pair files drawn after the design (session 14) were part of its frame, and a session's blind
# pair file must not be read at all: the frame skips the gold pairs of the files before them.
LATER_PAIR_FILES = re.compile(r"story_pairs(\d+)")
FIRST_LATER = 22


def design_gold_pairs(gold: Path = GOLD) -> set[frozenset[str]]:
    """The gold pairs the design's frame skipped: pop_sample.gold_pairs over the story_*.jsonl
    files that existed when it was drawn (story_pairs22 and later are left unread)."""
    out: set[frozenset[str]] = set()
    for path in sorted(gold.glob("story_*.jsonl")):
        m = LATER_PAIR_FILES.match(path.stem)
        if m and int(m.group(1)) >= FIRST_LATER:
            continue
        out |= {frozenset((r["a"], r["b"])) for r in read_jsonl(path)}
    return out


def stored_inputs(story_of: Mapping[str, int], design: Sequence[Mapping[str, Any]],
                  ) -> dict[str, Any]:
    """The frame's pairs per (cell, band, stored) — the frame pop_sample drew from, rebuilt: gold
    pairs other than the designed ones skipped, and the blind test's articles (ids only) — and the
    audited stored links (story_audit7/8/9) with their cell and the shipped pass's outcome."""
    from collections import Counter

    import pair_cells
    import pop_sample as ps

    drawn_keys = {frozenset((r["a"], r["b"])) for r in design}
    units, _ = ps.population_units(BANDS, design_gold_pairs() - drawn_keys,
                                   ps.pair_articles(ps.NOTES / "pairs_test13.jsonl"))
    frame = Counter((u.cell, ps.band_of(u.cos, BANDS[u.cell]), story_of[u.a] == story_of[u.b])
                    for u in units)
    for r in design:  # the rebuilt frame must be the one drawn from
        assert sum(n for (c, b, _), n in frame.items() if c == r["cell"] and b == r["band"]) \
            == r["band_size"], r
    rows = [a for f in ("story_audit7.jsonl", "story_audit8.jsonl", "story_audit9.jsonl")
            for a in read_jsonl(GOLD / f)]
    cells = pair_cells.build(pair_cells.load()).lookup(frozenset((a["a"], a["b"])) for a in rows)
    audits = [{"cell": cells[k], "same": bool(a["same"]),
               "stored": story_of[a["a"]] == story_of[a["b"]]}
              for a in rows if (k := frozenset((a["a"], a["b"]))) in cells]
    return {"frame": dict(frame), "audits": audits}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--design", type=Path, default=DESIGN)
    parser.add_argument("--labels", nargs="+", default=["story_pop1.jsonl", "story_pop1b.jsonl"])
    parser.add_argument("--reps", type=int, default=2000)
    args = parser.parse_args()
    readers = [(f, labels_of(read_jsonl(GOLD / f))) for f in args.labels if (GOLD / f).exists()]
    import numpy as np

    with np.load(BENCH / "out" / "use_all.npz") as z:
        vec = dict(zip(z["ids"].tolist(), z["vectors"] / np.linalg.norm(z["vectors"], axis=1,
                                                                            keepdims=True)))
    cache = json.loads(args.cache.read_text())
    design_rows = read_jsonl(args.design)
    report(cache, design_rows, readers, args.reps, cos_of=lambda a, b: float(vec[a] @ vec[b]),
           **stored_inputs(cache["story_of"], design_rows))
