"""Brief S28: why each fresh story set reads recall ~0.6 while the pooled CV reads ~0.8.

    .venv/bin/python benchmarks/story_fresh_gap.py LOG [LOG ...] [--reference FOLDS] [--perm 5000]

LOG: `story_curve.py --path use --settings 0.65` logs (their `pair` lines: each labelled pair's stored
outcome with the fold's model fitted on the other folds). Each labelled pair carries the `stratum` its
picker drew it from (benchmarks/gold/pick_pairs2/3/5.py: five crude-Jaccard buckets, lowsim, place,
person, random, fixed counts a set). The pickers exclude every pair drawn before, so the small
high-overlap buckets (sim0.5: 132 pairs in the corpus, sim0.35: 159) ran out: no set from holdout15
holds a sim0.5 pair, none from holdout19 a sim0.35 pair. Those buckets are almost all «same» and
almost all found, so the pooled CV, which carries every early set's 16 of them, reads higher than
any set drawn now can.

Printed: per fold the recorded fresh figure (FRESH, from benchmarks/README.md) beside its CV figure;
per stratum the early and late folds' recall; the early→late recall gap split into composition (the
strata's mix of same pairs) and within-stratum parts, with a fold-level permutation test of the
second; and the CV re-weighted to the reference folds' strata mix (the mix a fresh set is drawn
with now): the figure a fresh set should be compared with.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402

PAIR = re.compile(r"^pair (\S+) (\S+) (\S+) (\S+) (\S+) gold=(\d) stored=(\d)")
STRATA = ("sim0.5", "sim0.35", "sim0.25", "sim0.18", "sim0.15", "lowsim", "person", "place",
          "random")
# The stored-story figure of the shipped default when each set was scored once, fresh (tp, fp, fn,
# what shipped then); benchmarks/README.md «Session N test: holdoutN».
FRESH: Mapping[str, tuple[int, int, int, str]] = {
    "holdout12": (30, 4, 4, "words + e5 meaning (default then)"),
    "holdout13": (24, 2, 6, "words"),
    "holdout14": (28, 4, 4, "words, merge + strong pair"),
    "holdout15": (19, 2, 10, "words"),
    "holdout16": (12, 2, 10, "words"),
    "holdout17": (13, 0, 8, "words"),
    "holdout18": (9, 1, 7, "words 0.55"),
    "holdout19": (9, 2, 8, "words"),
    "holdout20": (11, 1, 4, "words"),
    "holdout21": (7, 1, 6, "words"),
    "holdout22": (11, 1, 7, "USE (s15 fit)"),
    "holdout23": (13, 1, 5, "USE (s15 fit)"),
    "holdout24": (13, 1, 7, "USE (s17 refit)"),
    "holdout25": (8, 1, 6, "USE (s18 refit)"),
    "holdout26": (8, 1, 5, "USE (s18 refit), 72 h"),
    "holdout27": (9, 1, 6, "USE (s18 refit), 72 h"),
    "holdout28": (9, 1, 7, "USE (s18 refit), 72 h"),
    "holdout29": (9, 2, 5, "USE (s18 refit), 72 h, S29 face"),
    "holdout30": (11, 0, 6, "USE (s18 refit), 72 h"),
    "holdout31": (9, 3, 6, "USE (s18 refit), 72 h"),
    "holdout32": (12, 0, 6, "USE (s18 refit), 72 h"),
    "holdout33": (12, 2, 4, "USE (s18 refit), 72 h"),
    "holdout34": (6, 1, 3, "USE (s18 refit), 72 h"),
}


@dataclass(frozen=True)
class Outcome:
    """One labelled pair's stored outcome in one fold's held-out pass."""

    fold: str
    a: str
    b: str
    stratum: str
    same: bool
    stored: bool


Cells = dict[str, Counter[str]]  # stratum -> Counter(tp, fp, fn, tn)


def load_strata(gold: Path = fsp.GOLD, files: Iterable[str] = fsp.FILES) -> dict[tuple[str, frozenset[str]], str]:
    """(set, unordered id pair) -> the stratum its picker drew it from."""
    out: dict[tuple[str, frozenset[str]], str] = {}
    for name in files:
        path = gold / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[row.get("set", ""), frozenset((row["a"], row["b"]))] = row.get("stratum", "?")
    return out


def read_outcomes(lines: Iterable[str], strata: Mapping[tuple[str, frozenset[str]], str],
                  setting: str = "0.65/0.40/0.50", path: str = "use") -> list[Outcome]:
    """The `pair` lines of story_curve logs for one path and setting."""
    out = []
    for line in lines:
        m = PAIR.match(line)
        if not m or m.group(1) != path or m.group(3) != setting:
            continue
        fold, a, b = m.group(2), m.group(4), m.group(5)
        out.append(Outcome(fold, a, b, strata.get((fold, frozenset((a, b))), "?"),
                           m.group(6) == "1", m.group(7) == "1"))
    return out


def kind(o: Outcome) -> str:
    """tp / fp / fn / tn of one outcome."""
    return ("tp" if o.stored else "fn") if o.same else ("fp" if o.stored else "tn")


def cells(outcomes: Iterable[Outcome], folds: Iterable[str] | None = None) -> Cells:
    """Counts per stratum, over the given folds (all when None)."""
    keep = None if folds is None else set(folds)
    out: Cells = {}
    for o in outcomes:
        if keep is None or o.fold in keep:
            out.setdefault(o.stratum, Counter())[kind(o)] += 1
    return out


def totals(c: Cells) -> Counter[str]:
    """tp/fp/fn/tn summed over strata."""
    t: Counter[str] = Counter()
    for v in c.values():
        t.update(v)
    return t


def pr(t: Mapping[str, float]) -> tuple[float, float]:
    """Precision and recall of counts (nan when undefined)."""
    tp, fp, fn = t.get("tp", 0), t.get("fp", 0), t.get("fn", 0)
    return (tp / (tp + fp) if tp + fp else float("nan"), tp / (tp + fn) if tp + fn else float("nan"))


def recall_of(c: Counter[str]) -> float | None:
    """A stratum's recall, None without same pairs."""
    n = c["tp"] + c["fn"]
    return c["tp"] / n if n else None


def expected_tp(target: Cells, rates: Cells, fallback: Cells) -> float:
    """Same pairs `target` would find at `rates`' per-stratum recall (a stratum `rates` lacks reads
    `fallback`'s)."""
    total = 0.0
    for s, c in target.items():
        n = c["tp"] + c["fn"]
        if not n:
            continue
        r = recall_of(rates.get(s, Counter()))
        if r is None:
            r = recall_of(fallback.get(s, Counter()))
        total += n * (r if r is not None else 0.0)
    return total


@dataclass(frozen=True)
class Split:
    """The early→late recall gap: composition and within-stratum parts (recall units and pairs)."""

    early_recall: float
    late_recall: float
    early_at_late_mix: float  # the early folds' per-stratum recall on the late folds' same pairs
    within_pairs: float       # late tp minus what early recall would find on them

    @property
    def composition(self) -> float:
        return self.early_recall - self.early_at_late_mix

    @property
    def within(self) -> float:
        return self.early_at_late_mix - self.late_recall


def split_gap(outcomes: Sequence[Outcome], early: Iterable[str], late: Iterable[str]) -> Split:
    """Split the recall gap between two groups of folds into the strata mix and the rest."""
    ce, cl, pooled = cells(outcomes, early), cells(outcomes, late), cells(outcomes)
    te, tl = totals(ce), totals(cl)
    n_late = tl["tp"] + tl["fn"]
    exp = expected_tp(cl, ce, pooled)
    return Split(pr(te)[1], pr(tl)[1], exp / n_late if n_late else float("nan"), tl["tp"] - exp)


def permutation_p(outcomes: Sequence[Outcome], early: Sequence[str], late: Sequence[str],
                  n: int = 2000, seed: int = 28) -> float:
    """One-sided p of the within-stratum shortfall: folds shuffled between the groups (sizes kept),
    how often the late group's within_pairs is at most the observed one."""
    observed = split_gap(outcomes, early, late).within_pairs
    folds = list(early) + list(late)
    rng = random.Random(seed)
    hits = 0
    for _ in range(n):
        rng.shuffle(folds)
        if split_gap(outcomes, folds[:len(early)], folds[len(early):]).within_pairs <= observed:
            hits += 1
    return (hits + 1) / (n + 1)


def reweighted(outcomes: Sequence[Outcome], folds: Iterable[str], reference: Iterable[str]) -> tuple[float, float]:
    """Precision / recall of `folds`' per-stratum rates applied to the reference folds' strata mix
    (same and different pairs per stratum): the pooled CV as a set drawn like the reference reads."""
    rates, ref = cells(outcomes, folds), cells(outcomes, reference)
    tp = fp = same = 0.0
    for s, c in ref.items():
        r = rates.get(s, Counter())
        n_same, n_diff = c["tp"] + c["fn"], c["fp"] + c["tn"]
        rs = recall_of(r)
        diff_r = r["fp"] + r["tn"]
        tp += n_same * (rs if rs is not None else 0.0)
        fp += n_diff * (r["fp"] / diff_r if diff_r else 0.0)
        same += n_same
    return (tp / (tp + fp) if tp + fp else float("nan"), tp / same if same else float("nan"))


LATE_FROM = "holdout16"       # the first set drawn as 64-74 pairs (the sim0.5 bucket ran out at holdout15)
REFERENCE_FROM = "holdout19"  # the first set drawn with the sim0.35 bucket gone too: how fresh sets are drawn now
SETTING = re.compile(r"^pair (\S+) \S+ (\S+) ")


def fresh_table(lines: Sequence[str], strata: Mapping[tuple[str, frozenset[str]], str] | None = None) -> list[str]:
    """Per path and setting of story_curve `pair` lines: the pooled CV beside what a fresh set drawn
    today should read — the folds from LATE_FROM pooled, and every fold's per-stratum rates re-weighted
    to the strata mix of the folds from REFERENCE_FROM."""
    strata = load_strata() if strata is None else strata
    keys = sorted({(m.group(1), m.group(2)) for line in lines if (m := SETTING.match(line))})
    rows = ["| path | setting | folds | pooled P / R | folds from " + LATE_FROM + " pooled P / R"
            " | all folds re-weighted to the draw from " + REFERENCE_FROM + " P / R |",
            "|---|---|---|---|---|---|"]
    for path, setting in keys:
        outcomes = read_outcomes(lines, strata, setting, path)
        folds = [f for f in fsp.BLIND if any(o.fold == f for o in outcomes)]
        late = [f for f in folds if fsp.BLIND.index(f) >= fsp.BLIND.index(LATE_FROM)]
        ref = [f for f in folds if fsp.BLIND.index(f) >= fsp.BLIND.index(REFERENCE_FROM)]
        if not ref:
            continue
        p, r = pr(totals(cells(outcomes)))
        lp, lr = pr(totals(cells(outcomes, late)))
        wp, wr = reweighted(outcomes, folds, ref)
        rows.append(f"| {path} | {setting} | {len(folds)} | {p:.3f} / {r:.3f} | {lp:.3f} / {lr:.3f}"
                    f" ({len(late)}) | {wp:.3f} / {wr:.3f} |")
    return rows


def fold_table(outcomes: Sequence[Outcome], folds: Iterable[str]) -> list[str]:
    """Markdown rows: fold, pairs, same, fresh P/R (tp/fp/fn), CV P/R (tp/fp/fn), Δ found."""
    rows = ["| fold | pairs | same | fresh (recorded) P / R | tp/fp/fn | shipped then | CV P / R | tp/fp/fn |"
            " found CV − fresh |", "|---|---|---|---|---|---|---|---|---|"]
    for f in folds:
        t = totals(cells(outcomes, [f]))
        p, r = pr(t)
        fresh = FRESH.get(f)
        if fresh:
            fp_, fr_ = pr({"tp": fresh[0], "fp": fresh[1], "fn": fresh[2]})
            fresh_s = f"{fp_:.3f} / {fr_:.3f} | {fresh[0]}/{fresh[1]}/{fresh[2]} | {fresh[3]}"
            delta = f"{t['tp'] - fresh[0]:+d}"
        else:
            fresh_s, delta = "— | — | —", "—"
        rows.append(f"| {f} | {sum(t.values())} | {t['tp'] + t['fn']} | {fresh_s} | {p:.3f} / {r:.3f} |"
                    f" {t['tp']}/{t['fp']}/{t['fn']} | {delta} |")
    return rows


def strata_table(outcomes: Sequence[Outcome], early: Iterable[str], late: Iterable[str]) -> list[str]:
    """Markdown rows: per stratum, same/all and recall in each group."""
    ce, cl = cells(outcomes, early), cells(outcomes, late)
    rows = ["| stratum | early: same / pairs | early found (R) | late: same / pairs | late found (R) |",
            "|---|---|---|---|---|"]
    for s in STRATA:
        parts = []
        for c in (ce.get(s, Counter()), cl.get(s, Counter())):
            n = c["tp"] + c["fn"]
            r = recall_of(c)
            parts.append(f"{n} / {sum(c.values())} | {c['tp']} ({'—' if r is None else f'{r:.3f}'})")
        rows.append(f"| {s} | {' | '.join(parts)} |")
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("logs", nargs="+", type=Path)
    parser.add_argument("--setting", default="0.65/0.40/0.50")
    parser.add_argument("--late", nargs="*", default=None,
                        help="the late group (default: holdout16 on, the sets drawn as 64-74 pairs)")
    parser.add_argument("--reference", nargs="*", default=None,
                        help="the folds whose strata mix the CV is re-weighted to (default: holdout19 on,"
                             " drawn after the sim0.35 bucket ran out)")
    parser.add_argument("--perm", type=int, default=2000)
    args = parser.parse_args(argv)
    lines: list[str] = []
    for log in args.logs:
        lines += log.read_text(encoding="utf-8").splitlines()
    outcomes = read_outcomes(lines, load_strata(), args.setting)
    folds = [f for f in fsp.BLIND if any(o.fold == f for o in outcomes)]
    late = args.late if args.late is not None else folds[folds.index("holdout16"):]
    early = [f for f in folds if f not in late]
    ref = args.reference if args.reference is not None else folds[folds.index("holdout19"):]
    print("\n".join(fold_table(outcomes, folds)))
    print()
    print("\n".join(strata_table(outcomes, early, late)))
    sp = split_gap(outcomes, early, late)
    print(f"\nearly ({len(early)} folds) R {sp.early_recall:.3f}; late ({len(late)}) R {sp.late_recall:.3f};"
          f" early's per-stratum recall on the late mix {sp.early_at_late_mix:.3f}:"
          f" composition {sp.composition:.3f}, within strata {sp.within:.3f}"
          f" ({sp.within_pairs:+.1f} pairs)")
    if args.perm:
        print(f"within-stratum shortfall, fold permutation p (one-sided, {args.perm}):"
              f" {permutation_p(outcomes, early, late, args.perm):.4f}")
    for name, group in (("all", folds), ("early", early), ("late", late)):
        p, r = pr(totals(cells(outcomes, group)))
        rp, rr = reweighted(outcomes, group, ref)
        print(f"{name} folds: pooled {p:.3f} / {r:.3f}; re-weighted to the reference mix"
              f" ({len(ref)} folds) {rp:.3f} / {rr:.3f}")


if __name__ == "__main__":
    main()
