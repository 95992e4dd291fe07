"""Fit the same-story model (digests.story_model) on the labelled story pairs, with cross-validation.

    .venv/bin/python benchmarks/fit_story_pairs.py                # CV table + weights to paste
    .venv/bin/python benchmarks/fit_story_pairs.py --l2 0.3 --thresholds 0.5 0.6 0.7

Every labelled pair of benchmarks/gold/story_pairs*.jsonl except the untouched test set (TEST) is
read; its features are computed by the production code (digests.similarity.story_vector,
digests.leads.lead_of/compare_leads, digests.story_model.features) from the corpus texts. A
logistic regression with an L2 penalty (Newton's method; pure Python, ~1,000 rows × 11 weights) is
fitted leaving one labelled set out at a time (pairs more than 48 h apart are left out: never one
story); the table shows, per held-out set and pooled over
the blind ones, precision / recall of the pairwise decision at several probability thresholds,
beside the hand rules (digests.similarity.is_same_story with the model switched off). Then the
model is fitted on everything and its weights are printed in the form digests/story_model.py
holds them. The script refuses a file whose set is in TEST: the test set is scored once, by
benchmarks/stories.py, after the weights are frozen.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.leads import compare_leads, lead_of  # noqa: E402
from digests.models import parse_iso  # noqa: E402
from digests.similarity import pair_features, rule_decision, similarity, story_vector  # noqa: E402
from digests.story_model import FEATURES, same_story  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
GOLD = ROOT / "benchmarks" / "gold"
FILES = ("story_pairs.jsonl", "story_pairs2.jsonl", "story_pairs3.jsonl", "story_pairs4.jsonl",
         "story_pairs5.jsonl", "story_pairs6.jsonl", "story_pairs7.jsonl", "story_pairs9.jsonl",
         "story_pairs10.jsonl", "story_audit7.jsonl")
# story_pairs5.jsonl (holdout5) judged the first fit, once; it is training data since. The test of
# the refit is story_pairs8.jsonl (holdout8): scored once, never fitted on.
TEST = frozenset({"holdout8"})
BLIND = ("holdout2", "holdout3", "holdout4", "holdout5", "train6", "train7", "train9",
         "train10")  # labelled blind by readers who never saw the model: pooled in the summary


def group(set_name: str) -> str:
    """CV fold of a labelled set: the audits are one fold, dev and holdout another."""
    if set_name.startswith("audit"):
        return "audits"
    return "dev+holdout" if set_name in ("dev", "holdout") else set_name


def load_pairs(paths: Sequence[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("set") in TEST:
                    raise SystemExit(f"{path.name}: set {row['set']} is the untouched test set")
                rows.append(row)
    return rows


def pair_rows(pairs: list[dict[str, Any]], docs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each pair with its label, fold, model features and the hand rules' decision."""
    cache: dict[str, Any] = {}

    def info(i: str) -> Any:
        if i not in cache:
            d = docs[i]
            when = parse_iso(d["published"])
            cache[i] = (when, story_vector(d["title"] or "", d["text"]),
                        lead_of(d["title"] or "", d["text"], when))
        return cache[i]

    out = []
    for p in pairs:
        if p["a"] not in docs or p["b"] not in docs:
            continue
        (ta, va, la), (tb, vb, lb) = info(p["a"]), info(p["b"])
        hours = abs((ta - tb).total_seconds()) / 3600
        sim = similarity(va, vb)
        ev = compare_leads(la, lb)
        if hours > 48:  # outside the window: never one story, and no threshold to take a margin of
            continue
        out.append({"same": bool(p["same"]), "fold": group(str(p.get("set", ""))),
                    "x": pair_features(sim, hours, ev), "rule": rule_decision(sim, hours, ev)})
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        pivot = m[c][c] or 1e-12
        for r in range(n):
            if r != c:
                f = m[r][c] / pivot
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / (m[i][i] or 1e-12) for i in range(n)]


def fit(rows: list[dict[str, Any]], l2: float, iterations: int = 25) -> dict[str, float]:
    """L2-penalized logistic regression (bias unpenalized) by Newton's method."""
    names = ["bias", *FEATURES]
    xs = [[1.0] + [r["x"][k] for k in FEATURES] for r in rows]
    ys = [1.0 if r["same"] else 0.0 for r in rows]
    w = [0.0] * len(names)
    for _ in range(iterations):
        g = [0.0] * len(w)
        h = [[0.0] * len(w) for _ in w]
        for x, y in zip(xs, ys):
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for i, xi in enumerate(x):
                g[i] += (p - y) * xi
                for j, xj in enumerate(x):
                    h[i][j] += p * (1 - p) * xi * xj
        for i in range(1, len(w)):
            g[i] += l2 * w[i]
            h[i][i] += l2
        step = _solve(h, g)
        w = [a - b for a, b in zip(w, step)]
    return dict(zip(names, w))


def counts(rows: list[dict[str, Any]], predicted: list[bool]) -> tuple[int, int, int]:
    tp = sum(p and r["same"] for r, p in zip(rows, predicted))
    fp = sum(p and not r["same"] for r, p in zip(rows, predicted))
    fn = sum(r["same"] and not p for r, p in zip(rows, predicted))
    return tp, fp, fn


def pr(c: tuple[int, int, int]) -> str:
    tp, fp, fn = c
    return f"{tp / (tp + fp) if tp + fp else 1:.3f}/{tp / (tp + fn) if tp + fn else 1:.3f}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--l2", type=float, default=0.3)
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.4, 0.5, 0.6, 0.7, 0.8])
    args = parser.parse_args(argv)
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        docs = {d["id"]: d for d in map(json.loads, fh)}
    rows = pair_rows(load_pairs([GOLD / f for f in FILES if (GOLD / f).exists()]), docs)
    folds = sorted({r["fold"] for r in rows})
    print(f"{len(rows)} labelled pairs ({sum(r['same'] for r in rows)} same) in {len(folds)} folds")
    header = "  ".join(f"p>={t:.2f}" for t in args.thresholds)
    print(f"{'held-out fold':<14}{'n':>5}  {'hand rules':>12}  {header}")
    pooled: dict[str, list[int]] = {}
    for fold in folds:
        train = [r for r in rows if r["fold"] != fold]
        test = [r for r in rows if r["fold"] == fold]
        w = fit(train, args.l2)
        cells = [("rules", [r["rule"] for r in test])]
        cells += [(f"{t}", [same_story(r["x"], w, t) for r in test]) for t in args.thresholds]
        line = []
        for name, predicted in cells:
            c = counts(test, predicted)
            line.append(pr(c))
            if fold in BLIND:
                pooled[name] = [a + b for a, b in zip(pooled.get(name, [0, 0, 0]), c)]
        print(f"{fold:<14}{len(test):>5}  {line[0]:>12}  " + "  ".join(f"{c:>7}" for c in line[1:]))
    if pooled:
        line = [pr((p[0], p[1], p[2])) for p in pooled.values()]
        print(f"{'blind pooled':<14}{'':>5}  {line[0]:>12}  " + "  ".join(f"{c:>7}" for c in line[1:]))
    w = fit(rows, args.l2)
    print("\nWEIGHTS (all folds):")
    print("{" + ", ".join(f'"{k}": {v:.2f}' for k, v in w.items()) + "}")


if __name__ == "__main__":
    main()
