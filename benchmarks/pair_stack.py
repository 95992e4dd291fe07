"""Brief S14: every pair signal stacked — can the pair decision reach recall 0.90 at precision 0.90?

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pair_stack.py                 # every combiner
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pair_stack.py --combiners words stack boost

Issue 4 asks precision ≥ 0.90 and recall ≥ 0.90 on the stored stories; S13 found the PAIRWISE
ceiling at precision ≥ 0.90 to be recall 0.836 (words) / 0.863 (e5 meaning), so no join rule can
get there unless the pair decision does first. Here one held-out model per blind fold (the 15 of
fit_story_pairs.BLIND; every other labelled set only ever trains) weighs every signal at once:
the ten word features of digests.story_model, the e5 cosine (benchmarks/out/e5_head.npz), the
USE-multilingual cosine and a PCA of the two reports' USE a·b and |a − b| (benchmarks/out/
use_all.npz; pair_vectors' variant use:both), against the words alone and USE alone on the same
pairs. Combiners: the L2 logistic model of pair_vectors (penalty and PCA size chosen by an inner
leave-one-fold-out over the training folds), and two non-linear ones in numpy
(benchmarks/pair_combiners.py: boosted depth-1/2 trees on binned features, a one-hidden-layer
network), whose settings the same inner CV chooses.

Each combiner is scored on every pair (its own floor: SIM_FLOOR for words, LOW_SIM_FLOOR with an
encoder) and as the lazy path would use it (its probability only inside the held-out words' band,
story_model.MEANING_BAND; outside it the words, whose answer there is the same at any threshold
in the band). Printed: the pooled curve, the best recall at pooled precision ≥ 0.90 over every
threshold (read off the test folds: an upper bound), and an honest one — each fold's threshold
chosen on its training folds' inner held-out probabilities as the lowest reaching precision 0.90.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import pair_combiners as pc  # noqa: E402
import pair_vectors as pv  # noqa: E402
import stories as bench  # noqa: E402

from digests import story_model  # noqa: E402

Matrix = npt.NDArray[np.float64]
Index = npt.NDArray[np.intp]
GRID = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
TARGET = 0.90
K_GRID = (8, 16, 32)


@dataclass(frozen=True)
class Blocks:
    """Every signal of the labelled pairs, one block each (rows of the CV)."""

    words: Matrix  # the ten word features, story_model.FEATURES order
    cos: Matrix    # e5 cosine, USE cosine
    vec: Matrix    # USE a·b and |a − b| (1,024 columns)
    sim: Matrix    # the whole-text cosine (the floors)


@dataclass(frozen=True)
class Combiner:
    """A feature set (blocks among w, e5, use, uv) and the model family that weighs it."""

    name: str
    blocks: tuple[str, ...]
    family: str  # logistic | boost | mlp
    fixed_l2: float | None = None
    k: int = 0   # PCA size of uv; 0: chosen from K_GRID (logistic) / 16 (non-linear)

    @property
    def words_only(self) -> bool:
        return self.blocks == ("w",)


COMBINERS = {c.name: c for c in (
    Combiner("words", ("w",), "logistic", fixed_l2=0.3),
    Combiner("meaning", ("w", "e5"), "logistic"),
    Combiner("usecos", ("use",), "logistic"),
    Combiner("useonly", ("use", "uv"), "logistic"),
    Combiner("usepair", ("w", "use", "uv"), "logistic"),
    Combiner("stackcos", ("w", "e5", "use"), "logistic"),
    Combiner("stack", ("w", "e5", "use", "uv"), "logistic"),
    Combiner("boostcos", ("w", "e5", "use"), "boost"),
    Combiner("boost", ("w", "e5", "use", "uv"), "boost", k=16),
    Combiner("boostuse", ("w", "use", "uv"), "boost", k=16),
    Combiner("mlpcos", ("w", "e5", "use"), "mlp"),
    Combiner("mlp", ("w", "e5", "use", "uv"), "mlp", k=16),
)}


class Prep:
    """The training rows' standardisation of the cosines and PCA of the USE pair vectors (the
    words stay raw for the logistic model, as the shipped fit has them; standardised for the
    network); `k_max` components are fitted, `k` of them used (`sliced`)."""

    def __init__(self, data: Blocks, train: Index, blocks: Sequence[str], k_max: int,
                 scale_words: bool = False) -> None:
        self.blocks, self.k = tuple(blocks), k_max
        self.c_mean, self.c_std = data.cos[train].mean(0), data.cos[train].std(0) + 1e-9
        self.w_mean, self.w_std = np.zeros(data.words.shape[1]), np.ones(data.words.shape[1])
        if scale_words:
            self.w_mean, self.w_std = data.words[train].mean(0), data.words[train].std(0) + 1e-9
        if "uv" in self.blocks and k_max:
            v = data.vec[train]
            self.v_mean = v.mean(0)
            _, _, vt = np.linalg.svd(v - self.v_mean, full_matrices=False)
            self.components = vt[:k_max].T
            self.p_std = ((v - self.v_mean) @ self.components).std(0) + 1e-9

    def sliced(self, k: int) -> Prep:
        out = object.__new__(Prep)
        out.__dict__.update(self.__dict__)
        out.k = k
        return out

    def __call__(self, data: Blocks, rows: Index) -> Matrix:
        parts = []
        if "w" in self.blocks:
            parts.append((data.words[rows] - self.w_mean) / self.w_std)
        for j, name in enumerate(("e5", "use")):
            if name in self.blocks:
                parts.append(((data.cos[rows, j] - self.c_mean[j]) / self.c_std[j])[:, None])
        if "uv" in self.blocks and self.k:
            projected = (data.vec[rows] - self.v_mean) @ self.components[:, :self.k]
            parts.append(projected / self.p_std[:self.k])
        return np.hstack(parts)


def blocks_of(rows: list[dict[str, Any]], e5: dict[str, Any], use: dict[str, Any]) -> Blocks:
    words = np.array([[r["x"][k] for k in story_model.FEATURES] for r in rows])
    cos = np.array([[float(e5[r["a"]] @ e5[r["b"]]), float(use[r["a"]] @ use[r["b"]])]
                    for r in rows])
    a = np.stack([use[r["a"]] for r in rows]).astype(np.float64)
    b = np.stack([use[r["b"]] for r in rows]).astype(np.float64)
    return Blocks(words, cos, np.hstack([a * b, np.abs(a - b)]),
                  np.array([r["x"]["sim"] for r in rows]))


def inner_groups(folds: npt.NDArray[np.str_], train: Index, n: int) -> list[Index]:
    """The training rows split by fold into `n` groups (0: one per fold), round-robin over the
    sorted fold names: the inner held-out sets."""
    names = sorted(set(folds[train].tolist()))
    if not n or n >= len(names):
        return [train[folds[train] == f] for f in names]
    return [train[np.isin(folds[train], names[g::n])] for g in range(n)]


def _settings(c: Combiner) -> list[Any]:
    """The settings an inner CV chooses among: (l2, k) for the logistic model, the family's grid
    for the others (each a list of (setting, k) pairs)."""
    if c.family == "logistic":
        l2s = [c.fixed_l2] if c.fixed_l2 is not None else list(pv.L2_GRID)
        ks = [c.k] if c.k or "uv" not in c.blocks else list(K_GRID)
        return [(l2, k) for l2 in l2s for k in ks]
    k = c.k if "uv" in c.blocks else 0
    grid = pc.BOOST_GRID if c.family == "boost" else pc.MLP_GRID
    return [(s, k) for s in grid]


def _fit_predict(c: Combiner, x_fit: Matrix, y: Matrix, x_held: Matrix, setting: Any
                 ) -> dict[Any, Matrix]:
    """Held-out probabilities of every staged setting (boosting rounds / network epochs share
    one fit) from one fit of the family."""
    if c.family == "logistic":
        ones = np.ones((len(x_fit), 1)), np.ones((len(x_held), 1))
        w = pv.fit(np.hstack([ones[0], x_fit]), y, setting)
        return {setting: pv.sigmoid(np.hstack([ones[1], x_held]) @ w)}
    if c.family == "boost":
        return pc.boost_staged(x_fit, y, x_held, setting)
    return pc.mlp_staged(x_fit, y, x_held, setting)


def held_out(c: Combiner, data: Blocks, y: Matrix, folds: npt.NDArray[np.str_], train: Index,
             test: Index, n_inner: int) -> tuple[Matrix, Matrix, Any]:
    """The combiner's probabilities of the `test` rows, fitted on `train` with the setting its
    inner CV over `train` chose; also the inner held-out probabilities of `train` (the honest
    threshold's data, in `train` order) and the chosen setting."""
    groups = inner_groups(folds, train, n_inner)
    loss: dict[Any, float] = {}
    inner_p: dict[Any, Matrix] = {}
    pos = {int(i): j for j, i in enumerate(train)}
    settings = _settings(c)
    k_max = max(k for _, k in settings)
    scale = c.family != "logistic"
    for held in groups:
        fit_rows = np.setdiff1d(train, held)
        prep = Prep(data, fit_rows, c.blocks, k_max, scale)
        by_k: dict[int, tuple[Matrix, Matrix]] = {}
        for setting, k in settings:
            if k not in by_k:
                p_k = prep.sliced(k)
                by_k[k] = (p_k(data, fit_rows), p_k(data, held))
            for key, p in _fit_predict(c, by_k[k][0], y[fit_rows], by_k[k][1], setting).items():
                full = (key, k)
                loss[full] = loss.get(full, 0.0) + pv.log_loss(p, y[held])
                inner_p.setdefault(full, np.zeros(len(train)))[[pos[int(i)] for i in held]] = p
    best = min(loss, key=lambda key: loss[key])
    setting, k = best
    prep = Prep(data, train, c.blocks, k, scale)
    fit_setting = setting if c.family == "logistic" else pc.final_setting(c.family, setting)
    p = _fit_predict(c, prep(data, train), y[train], prep(data, test), fit_setting)[setting]
    return p, inner_p[best], best


def decide(p: Matrix, sim: Matrix, t: float, words_only: bool) -> npt.NDArray[np.bool_]:
    floor = story_model.SIM_FLOOR if words_only else story_model.LOW_SIM_FLOOR
    return (p >= t) & (sim >= floor)


def lazy(p: Matrix, words_p: Matrix, sim: Matrix, t: float) -> npt.NDArray[np.bool_]:
    """The lazy path: the combiner inside the words' band, the words outside (any threshold in
    the band gives the same answer there)."""
    band = np.array([story_model.in_band(float(w), float(s)) for w, s in zip(words_p, sim)])
    words = decide(words_p, sim, story_model.DECISION, True)
    return np.where(band, decide(p, sim, t, False), words)


def counts(y: Matrix, predicted: npt.NDArray[np.bool_]) -> tuple[int, int, int]:
    same = y > 0.5
    return (int((predicted & same).sum()), int((predicted & ~same).sum()),
            int((~predicted & same).sum()))


def best_recall(y: Matrix, decide_at: Callable[[float], npt.NDArray[np.bool_]],
                thresholds: Sequence[float], target: float = TARGET
                ) -> tuple[float, float, tuple[int, int, int]]:
    """(recall, threshold, counts) of the threshold with the most recall at precision ≥ target
    (recall 0 and threshold inf when none reaches it)."""
    best: tuple[float, float, tuple[int, int, int]] = (0.0, float("inf"), (0, 0, int(y.sum())))
    for t in thresholds:
        tp, fp, fn = counts(y, decide_at(t))
        if tp + fp and tp / (tp + fp) >= target and tp / (tp + fn) > best[0]:
            best = (tp / (tp + fn), t, (tp, fp, fn))
    return best


def sweep(p: Matrix) -> list[float]:
    """Every distinct probability, as a threshold (the pooled curve's corners)."""
    return sorted(set(np.round(p, 6).tolist()))


def cell(c: tuple[int, int, int]) -> str:
    return f"{fsp.pr(c)} ({c[0]}/{c[1]}/{c[2]})"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--combiners", nargs="*", default=list(COMBINERS))
    parser.add_argument("--inner", type=int, default=0,
                        help="inner groups for the non-linear combiners (0: leave one fold out)")
    parser.add_argument("--folds", nargs="*", default=list(fsp.BLIND))
    parser.add_argument("--out", type=Path, default=fsp.OUT / "pair_stack_probs.npz",
                        help="where the held-out probabilities are saved (npz)")
    args = parser.parse_args(argv)
    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in by_id})
    e5 = fsp.embeddings("head", ids, by_id)
    with np.load(fsp.OUT / "use_all.npz") as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    rows = fsp.pair_rows(pairs, by_id)
    data = blocks_of(rows, e5, use)
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    blind = np.flatnonzero(np.isin(folds, args.folds))
    yb = y[blind]
    print(f"{len(rows)} labelled pairs within 48 h; {len(blind)} in {len(args.folds)} blind folds,"
          f" {int(yb.sum())} same; same pairs under LOW_SIM_FLOOR {story_model.LOW_SIM_FLOOR}:"
          f" {int(((data.sim[blind] < story_model.LOW_SIM_FLOOR) & (yb > 0.5)).sum())}, under"
          f" SIM_FLOOR: {int(((data.sim[blind] < story_model.SIM_FLOOR) & (yb > 0.5)).sum())}",
          flush=True)
    probs: dict[str, Matrix] = {}
    honest: dict[str, dict[str, tuple[float, float]]] = {}  # name -> fold -> (every, lazy) t
    words_inner: dict[str, Matrix] = {}
    for name in ["words", *[c for c in args.combiners if c != "words"]]:
        c = COMBINERS[name]
        p_all = np.full(len(rows), np.nan)
        chosen = []
        honest[name] = {}
        for fold in args.folds:
            train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
            n_inner = 0 if c.family == "logistic" else args.inner
            p, inner, setting = held_out(c, data, y, folds, train, test, n_inner)
            p_all[test] = p
            chosen.append(setting)
            if name == "words":
                words_inner[fold] = inner
            wi, si = words_inner[fold], data.sim[train]
            t_every = best_recall(y[train], lambda t: decide(inner, si, t, c.words_only),
                                  sweep(inner))[1]
            t_lazy = best_recall(y[train], lambda t: lazy(inner, wi, si, t), sweep(inner))[1]
            honest[name][fold] = (t_every, t_lazy)
        probs[name] = p_all
        pb, sb, wb = p_all[blind], data.sim[blind], probs["words"][blind]
        print(f"\n== {name} ({'+'.join(c.blocks)}, {c.family}); chosen per fold: {chosen}",
              flush=True)
        modes: list[tuple[str, Callable[[float], npt.NDArray[np.bool_]]]] = [
            ("every pair", lambda t: decide(pb, sb, t, c.words_only))]
        if not c.words_only:
            modes.append(("lazy band", lambda t: lazy(pb, wb, sb, t)))
        for label, at in modes:
            print(f"  {label:<10} " + "  ".join(f"{t:.2f} {cell(counts(yb, at(t)))}"
                                                 for t in GRID))
            r, t, cc = best_recall(yb, at, sweep(pb))
            print(f"  {label:<10} best recall at pooled precision >= {TARGET}: {r:.3f} at"
                  f" t={t:.3f} {cell(cc)}  [threshold read off the test folds]")
            j = 0 if label == "every pair" else 1
            predicted = np.zeros(len(rows), dtype=bool)
            for fold in args.folds:
                idx = np.flatnonzero(folds == fold)
                t_f = honest[name][fold][j]
                predicted[idx] = (decide(p_all[idx], data.sim[idx], t_f, c.words_only) if j == 0
                                  else lazy(p_all[idx], probs["words"][idx], data.sim[idx], t_f))
            hc = counts(yb, predicted[blind])
            ts = [round(honest[name][f][j], 3) for f in args.folds]
            print(f"  {label:<10} honest (threshold per fold from its inner CV, precision >="
                  f" {TARGET}): {cell(hc)}; thresholds {ts}")
            per_fold = []
            for fold in args.folds:
                idx = np.flatnonzero(folds == fold)
                per_fold.append(f"{fold} {'/'.join(map(str, counts(y[idx], predicted[idx])))}")
            print(f"  {label:<10} honest per fold tp/fp/fn: " + ", ".join(per_fold), flush=True)
    out = args.out
    arrays: dict[str, Any] = {"a": np.array([r["a"] for r in rows]), "fold": folds, "same": y,
                              "b": np.array([r["b"] for r in rows]), **probs}
    np.savez(out, **arrays)
    print(f"\nheld-out probabilities saved to {out}")


if __name__ == "__main__":
    main()
