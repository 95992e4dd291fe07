"""A learned reader of meaning (brief K14): a linear probe on sentence vectors beside the ranking.

    .venv/bin/python benchmarks/quote_probe.py [--encoders use,e5] [--l2 100]   # after quote_meaning

quote_meaning.py asks whether a fixed similarity (the quote and the headline, the lead …) tells
the readers' three from the rest. This asks whether the vectors hold a «key statement» direction
that a model can learn from the 799 development articles (session 5 tried a logistic on 319): a
ridge probe on [quote ⊙ headline, quote ⊙ lead, quote] (key: the part matches a key gold quote
alone), its score centred within the article added to the shipped score with a weight.

No score a probe gives is ever judged on an article it was fitted on: for the set held out the
probe is fitted on the other sets; its weight is chosen on those sets from out-of-fold scores
(each of them scored by a probe fitted on the remaining ones). Vectors come from
benchmarks/out/k14_<encoder>.npz (run quote_meaning.py first); the model is not loaded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fit_quote_rank import KNOWN_SETS, SET_ORDER, examples  # noqa: E402
from quote_meaning import (  # noqa: E402
    OUT,
    Cache,
    Counts,
    Item,
    Row,
    _is_key,
    auc,
    consensus_line,
    held_out,
    items,
    line,
    per_set,
    plus_pick,
    texts_of,
)

GRID = (0.0, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0)


def rows_of(it: Item, vec: Any, centroid: bool) -> Any:
    """One row per part: quote ⊙ headline, quote ⊙ lead, quote."""
    t = texts_of(it, centroid)
    if not it.parts:
        return np.zeros((0, 0), dtype=np.float32)
    q, lead, head = vec(t["quote"]), vec(t["lead"]), vec(t["headline"])[0]
    return np.hstack([q * head, q * lead, q]).astype(np.float32)


def grams(data: Sequence[Item], x: Sequence[Any], y: Sequence[Any]) -> dict[str, Any]:
    """Per set: (XᵀX, Xᵀy, Σx, Σy, n) with a bias column, so that a fit on any union of sets is
    a sum and one solve."""
    out: dict[str, Any] = {}
    for n, it in enumerate(data):
        if not len(x[n]):
            continue
        xb = np.hstack([x[n], np.ones((len(x[n]), 1), dtype=np.float32)]).astype(np.float64)
        g = out.setdefault(it.ex.set_name, [0.0, 0.0])
        g[0] = g[0] + xb.T @ xb
        g[1] = g[1] + xb.T @ (y[n] - 0.5)
    return out


def fit(g: dict[str, Any], on: set[str], l2: float) -> Any:
    """Ridge regression of key (±½) on the rows of the sets `on` (bias unpenalised): a linear
    probe, closed form — a logistic's direction at a fraction of the cost."""
    a = sum(g[s][0] for s in on)
    b = sum(g[s][1] for s in on)
    reg = l2 * np.eye(a.shape[0])
    reg[-1, -1] = 0.0
    return np.linalg.solve(a + reg, b)


def logit(w: Any, x: Any) -> Any:
    return x @ w[:-1] + w[-1]


def centred(values: Any) -> list[float]:
    return [float(v) for v in (values - values.mean())] if len(values) > 1 else [0.0] * len(values)


def probe_scores(data: Sequence[Item], x: Sequence[Any], g: dict[str, Any], fit_on: set[str],
                 score_on: set[str], l2: float) -> dict[int, list[float]]:
    """Centred scores of the articles of `score_on`, by a probe fitted on those of `fit_on`."""
    w = fit(g, fit_on, l2)
    return {n: centred(logit(w, x[n])) if len(x[n]) else [] for n, it in enumerate(data)
            if it.ex.set_name in score_on}


def cross_fitted(data: Sequence[Item], x: Sequence[Any], g: dict[str, Any], sets: Sequence[str],
                 l2: float) -> tuple[dict[str, Counts], dict[str, Any], list[list[float]]]:
    """Each set held out: the weight chosen on the other sets' out-of-fold scores, then applied
    to the held-out set's scores from a probe fitted on all the other sets."""
    rows: dict[str, Counts] = {}
    chosen: dict[str, Any] = {}
    outer: list[list[float]] = [[0.0] * len(it.parts) for it in data]
    for held in sets:
        rest = [s for s in sets if s != held]
        inner: list[list[float]] = [[0.0] * len(it.parts) for it in data]
        for t in rest:
            for n, v in probe_scores(data, x, g, set(rest) - {t}, {t}, l2).items():
                inner[n] = v
        index = [n for n, it in enumerate(data) if it.ex.set_name != held]
        train = [data[n] for n in index]
        sub = [inner[n] for n in index]
        tables = {w: per_set(train, plus_pick(sub, w)) for w in GRID}
        _, pick = held_out({w: {**t, held: (0, 0, 0, 0)} for w, t in tables.items()})
        chosen[held] = pick[held]
        for n, v in probe_scores(data, x, g, set(rest), {held}, l2).items():
            outer[n] = v
        test = [n for n, it in enumerate(data) if it.ex.set_name == held]
        got = per_set([data[n] for n in test],
                      plus_pick([outer[n] for n in test], chosen[held]))
        rows[held] = got.get(held, (0, 0, 0, 0))
    return rows, chosen, outer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default=",".join(SET_ORDER))
    parser.add_argument("--encoders", default="use,e5")
    parser.add_argument("--no-centroid", default="e5")
    parser.add_argument("--l2", type=float, default=100.0)
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    if any(s not in KNOWN_SETS for s in sets):
        parser.error("development sets only")
    data = items(examples(sets))
    sets = [s for s in SET_ORDER if s in {it.ex.set_name for it in data}]
    from fit_quote_rank import consensus_gold
    consensus = consensus_gold()
    base = per_set(data, lambda n, it: plus_pick([[0.0] * len(it.parts)], 0.0)(0, it))
    y = [np.array([float(_is_key(it, c)) for c in it.parts]) for it in data]
    for enc in [e for e in args.encoders.split(",") if e]:
        cache = Cache(None, OUT / f"k14_{enc}.npz")
        centroid = enc not in args.no_centroid.split(",")
        x = [rows_of(it, cache, centroid) for it in data]
        rows, chosen, outer = cross_fitted(data, x, grams(data, x, y), sets, args.l2)
        row = Row(f"{enc} probe (L2 {args.l2:g})", rows, chosen,
                  {w: _outer_pick(outer, w) for w in GRID})
        print(line(row, base, sets) + f" consensus {consensus_line(row, data, consensus)} "
              f"held-out AUC {auc(data, outer):.3f}", flush=True)
    return 0


def _outer_pick(outer: Sequence[Sequence[float]], w: float) -> Any:
    return plus_pick(outer, w)


if __name__ == "__main__":
    sys.exit(main())
