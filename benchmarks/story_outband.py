"""Brief S22: the labelled pairs the words' band never sends to the USE pair model, pairwise.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_outband.py \
        --reuse-fits /work/notes/s17/S22_logs/baseA.log /work/notes/s17/S22_logs/baseB.log

The shipped step (STORY_MODEL=use) asks the USE pair model only inside the words' uncertain band
(story_model.in_band: word probability 0.25–0.80, cosine ≥ 0.20); every other pair past the cosine
floor is decided by words. Here every development fold is held out in turn (held-out word weights
and USE pair model, as benchmarks/story_curve.py fits them; (l2, K) from a run's `result use`
lines, else (1.0, 64)), and each held-out pair is decided pairwise (no chaining) by the shipped
rule and by wider rules that let USE decide some out-of-band pairs too:

- `wide:LO`     USE decides any pair with word probability ≥ LO (upper edge kept);
- `named:LO`    the same, only for pairs whose leads share two rare words (a named actor,
                fit_story_pairs._named);
- `cos:C`       USE decides any pair (cosine ≥ 0.20) whose USE cosine reaches C;
- `top`         USE decides the pairs above the band too (word probability > 0.80).

Pairwise figures only: the stored stories need story_curve.py (`use_judge` with the same rule).
The figures are pooled over fsp.BLIND, tp/fp/fn, and the out-of-band pairs are described.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_curve  # noqa: E402

from digests import story_model  # noqa: E402

DEFAULT_FIT = (1.0, 64)


@dataclass(frozen=True)
class Held:
    """One development pair decided by held-out models."""

    fold: str
    a: str
    b: str
    same: bool
    sim: float
    words: float    # the held-out word probability
    use: float      # the held-out USE pair model's probability
    cosine: float   # the USE cosine of the two heads
    named: bool     # the leads share two rare words


def shipped(h: Held, decision: float = 0.65) -> bool:
    """story_curve.use_judge's decision: USE inside the band (down to LOW_SIM_FLOOR), else words."""
    if story_model.in_band(h.words, h.sim):
        return h.use >= decision and h.sim >= story_model.LOW_SIM_FLOOR
    return h.words >= decision and h.sim >= story_model.SIM_FLOOR


def asks_use(rule: str, h: Held) -> bool:
    """Whether `rule` sends this pair to the USE model (besides the band, which always does)."""
    if h.sim < story_model.LOW_SIM_FLOOR:
        return False  # never a candidate past the cosine floor: no rule reaches it
    if story_model.in_band(h.words, h.sim):
        return True
    kind, _, value = rule.partition(":")
    if kind == "base":
        return False
    if kind == "wide":
        return float(value) <= h.words <= story_model.MEANING_BAND[1]
    if kind == "named":
        return h.named and float(value) <= h.words <= story_model.MEANING_BAND[1]
    if kind == "cos":
        return h.cosine >= float(value)
    if kind == "top":
        return h.words > story_model.MEANING_BAND[1]
    raise ValueError(f"unknown rule {rule!r}")


def decide(rule: str, h: Held, decision: float = 0.65) -> bool:
    if asks_use(rule, h):
        return h.use >= decision
    return h.words >= decision and h.sim >= story_model.SIM_FLOOR


def counts(held: Sequence[Held], decided: Callable[[Held], bool]) -> tuple[int, int, int]:
    tp = sum(h.same and decided(h) for h in held)
    fp = sum(not h.same and decided(h) for h in held)
    fn = sum(h.same and not decided(h) for h in held)
    return tp, fp, fn


def held_pairs(chosen: Callable[[str], tuple[float, int] | None], use_path: str
               ) -> list[Held]:
    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    rows = fsp.pair_rows(pairs, by_id)
    use = story_curve.use_vectors_all(docs, use_path)
    out = []
    for fold in fsp.BLIND:
        train = [i for i, r in enumerate(rows) if r["fold"] != fold]
        weights = fsp.fit([rows[i] for i in train], 0.3)
        model = story_curve.fit_use(rows, use, train, chosen(fold) or DEFAULT_FIT)
        for r in rows:
            if r["fold"] != fold:
                continue
            a, b = use[r["a"]], use[r["b"]]
            out.append(Held(fold, r["a"], r["b"], bool(r["same"]), r["x"]["sim"],
                            story_model.probability(r["x"], weights),
                            model.probability(r["x"], a, b), float(a @ b),
                            fsp._named(r["x"])))
        print(f"  {fold} done", file=sys.stderr, flush=True)
    return out


def report(held: Sequence[Held], rules: Sequence[str], decisions: Sequence[float]) -> None:
    out_band = [h for h in held if not story_model.in_band(h.words, h.sim)
                and h.sim >= story_model.LOW_SIM_FLOOR]
    below = [h for h in held if h.sim < story_model.LOW_SIM_FLOOR]
    print(f"{len(held)} held-out pairs ({sum(h.same for h in held)} same);"
          f" out of the band past the floor {len(out_band)} ({sum(h.same for h in out_band)} same,"
          f" {sum(h.words > story_model.MEANING_BAND[1] for h in out_band)} above it);"
          f" under the 0.20 floor {len(below)} ({sum(h.same for h in below)} same)")
    low = [h for h in out_band if h.words < story_model.MEANING_BAND[0]]
    for name, group in (("same", [h for h in low if h.same]), ("different", [h for h in low if not h.same])):
        if group:
            cos = np.array([h.cosine for h in group])
            use = np.array([h.use for h in group])
            print(f"  below the band, {name}: {len(group)}; USE cosine quartiles"
                  f" {np.percentile(cos, [25, 50, 75]).round(3).tolist()}; USE p >= 0.65:"
                  f" {int((use >= 0.65).sum())}, >= 0.5: {int((use >= 0.5).sum())};"
                  f" named {sum(h.named for h in group)}")
    base = counts(held, shipped)
    print(f"shipped: {fsp.pr(base)} ({'/'.join(map(str, base))})")
    for decision in decisions:
        for rule in rules:
            c = counts(held, lambda h: decide(rule, h, decision))
            asked = sum(asks_use(rule, h) for h in held)
            print(f"  {rule:<12} @{decision:.2f} {fsp.pr(c)} ({'/'.join(map(str, c))})"
                  f"  tp {c[0] - base[0]:+d} fp {c[1] - base[1]:+d}; pairs asking USE {asked}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse-fits", nargs="*", type=Path, default=[])
    parser.add_argument("--use-path", default="/tmp/use")
    parser.add_argument("--rules", nargs="*", default=[
        "base", "wide:0.20", "wide:0.15", "wide:0.10", "wide:0.05", "wide:0.0", "named:0.10",
        "named:0.05", "named:0.0", "cos:0.80", "cos:0.75", "cos:0.70", "cos:0.65", "cos:0.60",
        "top"])
    parser.add_argument("--decisions", nargs="*", type=float, default=[0.65])
    parser.add_argument("--save", type=Path, metavar="JSONL",
                        help="also write every held-out pair's numbers (ids and numbers only)")
    args = parser.parse_args(argv)
    chosen = story_curve.reused(args.reuse_fits) if args.reuse_fits else (lambda fold: None)
    held = held_pairs(chosen, args.use_path)
    if args.save is not None:
        args.save.write_text("".join(json.dumps(asdict(h)) + "\n" for h in held))
    report(held, args.rules, args.decisions)


if __name__ == "__main__":
    main()
