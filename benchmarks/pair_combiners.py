"""Non-linear pair combiners in numpy for benchmarks/pair_stack.py (brief S14).

Two small models over a few dozen standardised pair features, cheap enough to refit inside every
inner fold of a leave-one-set-out CV on ~1,600 labelled pairs:

- `boost_staged`: gradient boosting of depth-1 or depth-2 regression trees on the logistic loss
  (Newton leaf values, L2 on the leaves, features binned at the training rows' quantiles), with
  the held-out probabilities after each of CHECKPOINTS rounds from one fit;
- `mlp_staged`: one hidden tanh layer and a sigmoid output, full-batch Adam with weight decay,
  the held-out probabilities after each of EPOCHS from one fit (the mean of SEEDS starts).

Settings are tuples; a combiner's staged output is keyed by the full setting (the base plus the
rounds or epochs), and `final_setting` turns a chosen key back into what to refit with.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]

BINS = 32
LEAF_L2 = 1.0
MIN_LEAF = 10.0  # the least hessian (≈ rows × p(1 − p)) a leaf may hold, ×4: at least ~40 rows
CHECKPOINTS = (25, 50, 100, 200, 400)
BOOST_GRID = ((1, 0.1, 400), (2, 0.1, 400), (2, 0.03, 400))  # (depth, learning rate, rounds)
EPOCHS = (200, 500, 1000, 2000)
MLP_GRID = ((4, 1e-3, 2000), (8, 1e-2, 2000), (16, 1e-1, 2000))  # (hidden, decay, epochs)
SEEDS = 2


def sigmoid(z: Matrix) -> Matrix:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def final_setting(family: str, key: tuple[Any, ...]) -> tuple[Any, ...]:
    """The base setting to refit with so that its staged output holds `key`."""
    return key


def bin_edges(x: Matrix, bins: int = BINS) -> list[Matrix]:
    """Per column, the inner quantile edges of the training rows (distinct values only)."""
    qs = np.linspace(0, 1, bins + 1)[1:-1]
    return [np.unique(np.quantile(x[:, j], qs)) for j in range(x.shape[1])]


def binned(x: Matrix, edges: list[Matrix]) -> npt.NDArray[np.intp]:
    """Each value's bin: the number of edges at or below it (0 … len(edges))."""
    return np.stack([np.searchsorted(e, x[:, j], side="right") for j, e in enumerate(edges)], 1)


def _best_split(b: npt.NDArray[np.intp], g: Matrix, h: Matrix, n_bins: int
                ) -> tuple[float, int, int]:
    """(gain, feature, bin) of the best split «bin ≤ cut» of these rows (gain 0: none)."""
    n, f = b.shape
    flat = (b + np.arange(f) * n_bins).ravel()
    gs = np.bincount(flat, np.repeat(g, f), f * n_bins).reshape(f, n_bins).cumsum(1)
    hs = np.bincount(flat, np.repeat(h, f), f * n_bins).reshape(f, n_bins).cumsum(1)
    gt, ht = gs[:, -1:], hs[:, -1:]
    gr, hr = gt - gs, ht - hs
    gain = gs ** 2 / (hs + LEAF_L2) + gr ** 2 / (hr + LEAF_L2) - gt ** 2 / (ht + LEAF_L2)
    gain[(hs < MIN_LEAF) | (hr < MIN_LEAF)] = 0.0
    j, cut = np.unravel_index(int(np.argmax(gain)), gain.shape)
    return float(gain[j, cut]), int(j), int(cut)


def _tree(b: npt.NDArray[np.intp], g: Matrix, h: Matrix, rows: npt.NDArray[np.intp],
          depth: int, n_bins: int) -> Any:
    """A regression tree: a leaf value (float) or (feature, cut, left, right)."""
    if depth:
        gain, j, cut = _best_split(b[rows], g[rows], h[rows], n_bins)
        if gain > 0:
            left = rows[b[rows, j] <= cut]
            right = rows[b[rows, j] > cut]
            return (j, cut, _tree(b, g, h, left, depth - 1, n_bins),
                    _tree(b, g, h, right, depth - 1, n_bins))
    return float(-g[rows].sum() / (h[rows].sum() + LEAF_L2))


def _apply(tree: Any, b: npt.NDArray[np.intp]) -> Matrix:
    if isinstance(tree, float):
        return np.full(len(b), tree)
    j, cut, left, right = tree
    return np.where(b[:, j] <= cut, _apply(left, b), _apply(right, b))


def boost_staged(x_fit: Matrix, y: Matrix, x_held: Matrix, setting: tuple[Any, ...]
                 ) -> dict[tuple[Any, ...], Matrix]:
    """Held-out probabilities after each checkpoint ≤ the setting's rounds, keyed (depth, lr,
    rounds)."""
    depth, lr, rounds = setting
    edges = bin_edges(x_fit)
    n_bins = max(len(e) for e in edges) + 1
    b_fit, b_held = binned(x_fit, edges), binned(x_held, edges)
    prior = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    f_fit = np.full(len(y), np.log(prior / (1 - prior)))
    f_held = np.full(len(x_held), f_fit[0])
    rows = np.arange(len(y))
    out: dict[tuple[Any, ...], Matrix] = {}
    for r in range(1, rounds + 1):
        p = sigmoid(f_fit)
        tree = _tree(b_fit, p - y, p * (1 - p), rows, depth, n_bins)
        f_fit += lr * _apply(tree, b_fit)
        f_held += lr * _apply(tree, b_held)
        if r in CHECKPOINTS or r == rounds:
            out[(depth, lr, r)] = sigmoid(f_held)
    return out


def _mlp_one(x: Matrix, y: Matrix, x_held: Matrix, hidden: int, decay: float, epochs: int,
             seed: int) -> dict[int, Matrix]:
    rng = np.random.default_rng(seed)
    n, d = x.shape
    params = [rng.normal(0, 1 / np.sqrt(d), (d, hidden)), np.zeros(hidden),
              rng.normal(0, 1 / np.sqrt(hidden), hidden), np.zeros(1)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, beta1, beta2 = 0.01, 0.9, 0.999
    out: dict[int, Matrix] = {}
    for t in range(1, epochs + 1):
        w1, b1, w2, b2 = params
        a = np.tanh(x @ w1 + b1)
        p = sigmoid(a @ w2 + b2[0])
        dz = (p - y) / n
        da = np.outer(dz, w2) * (1 - a ** 2)
        grads = [x.T @ da + decay * w1, da.sum(0), a.T @ dz + decay * w2, np.array([dz.sum()])]
        for i, g in enumerate(grads):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            params[i] = params[i] - lr * (m[i] / (1 - beta1 ** t)) / (
                np.sqrt(v[i] / (1 - beta2 ** t)) + 1e-8)
        if t in EPOCHS or t == epochs:
            w1, b1, w2, b2 = params
            out[t] = sigmoid(np.tanh(x_held @ w1 + b1) @ w2 + b2[0])
    return out


def mlp_staged(x_fit: Matrix, y: Matrix, x_held: Matrix, setting: tuple[Any, ...]
               ) -> dict[tuple[Any, ...], Matrix]:
    """Held-out probabilities (the mean over SEEDS starts) after each checkpoint ≤ the setting's
    epochs, keyed (hidden, decay, epochs)."""
    hidden, decay, epochs = setting
    runs = [_mlp_one(x_fit, y, x_held, hidden, decay, epochs, s) for s in range(SEEDS)]
    return {(hidden, decay, e): np.mean([r[e] for r in runs], 0) for e in runs[0]}
