"""benchmarks/pair_stack.py and pair_combiners.py (brief S14) on synthetic data: the boosted trees
learn an interaction a sum of stumps cannot, the network a non-linear boundary, the staged output
matches a fit stopped at that point, the PCA of a wider fit sliced is the narrower fit, the lazy
decision keeps the words outside their band, and the recall at a precision target is read off
the right threshold."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest
from benchkit import load_benchmark

from digests import story_model


@pytest.fixture(scope="module")
def ps() -> ModuleType:
    return load_benchmark("pair_stack", "bench_pair_stack")


@pytest.fixture(scope="module")
def pc(ps: ModuleType) -> ModuleType:
    module: ModuleType = ps.pc
    return module


def _log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def _xor(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, (n, 3))
    y = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(float)
    return x, y


def test_depth_two_trees_learn_an_interaction_stumps_cannot(pc: ModuleType) -> None:
    x, y = _xor(800, 1)
    x_new, y_new = _xor(400, 2)
    stumps = pc.boost_staged(x, y, x_new, (1, 0.1, 200))[(1, 0.1, 200)]
    trees = pc.boost_staged(x, y, x_new, (2, 0.1, 200))[(2, 0.1, 200)]
    assert _log_loss(stumps, y_new) > 0.6  # an additive model cannot see XOR
    assert _log_loss(trees, y_new) < 0.35
    assert ((trees > 0.5) == (y_new > 0.5)).mean() > 0.9


def test_boosting_stages_are_the_fit_stopped_there(pc: ModuleType) -> None:
    x, y = _xor(300, 3)
    staged = pc.boost_staged(x, y, x[:50], (2, 0.1, 100))
    assert sorted(k[2] for k in staged) == [25, 50, 100]
    short = pc.boost_staged(x, y, x[:50], (2, 0.1, 50))[(2, 0.1, 50)]
    np.testing.assert_allclose(staged[(2, 0.1, 50)], short)


def test_bins_follow_the_training_quantiles(pc: ModuleType) -> None:
    x = np.arange(100, dtype=float)[:, None]
    edges = pc.bin_edges(x, 4)
    b = pc.binned(np.array([[-5.0], [10.0], [60.0], [500.0]]), edges)
    assert b[:, 0].tolist() == [0, 0, 2, 3]


def test_the_network_learns_a_ring(pc: ModuleType) -> None:
    rng = np.random.default_rng(4)
    x = rng.normal(0, 1, (600, 2))
    y = (np.hypot(x[:, 0], x[:, 1]) < 1.0).astype(float)
    x_new = rng.normal(0, 1, (300, 2))
    y_new = (np.hypot(x_new[:, 0], x_new[:, 1]) < 1.0).astype(float)
    out = pc.mlp_staged(x, y, x_new, (8, 1e-3, 1000))
    assert sorted(k[2] for k in out) == [200, 500, 1000]
    assert ((out[(8, 1e-3, 1000)] > 0.5) == (y_new > 0.5)).mean() > 0.9


def test_a_sliced_pca_is_the_narrower_fit(ps: ModuleType) -> None:
    rng = np.random.default_rng(5)
    n = 60
    data = ps.Blocks(rng.random((n, 10)), rng.random((n, 2)), rng.normal(0, 1, (n, 40)),
                     rng.random(n))
    train, rows = np.arange(40), np.arange(40, 60)
    wide = ps.Prep(data, train, ("w", "e5", "use", "uv"), 16)
    narrow = ps.Prep(data, train, ("w", "e5", "use", "uv"), 8)
    np.testing.assert_allclose(np.abs(wide.sliced(8)(data, rows)), np.abs(narrow(data, rows)),
                               atol=1e-8)
    assert narrow(data, rows).shape == (20, 10 + 2 + 8)
    only_use = ps.Prep(data, train, ("use",), 0)(data, rows)
    np.testing.assert_allclose(only_use[:, 0], (data.cos[rows, 1] - data.cos[train, 1].mean())
                               / (data.cos[train, 1].std() + 1e-9))


def test_inner_groups_partition_the_training_folds(ps: ModuleType) -> None:
    folds = np.array(["a", "a", "b", "c", "c", "d", "e", "x"])
    train = np.flatnonzero(folds != "x")
    for n in (0, 2, 3):
        groups = ps.inner_groups(folds, train, n)
        joined = np.sort(np.concatenate(groups))
        assert joined.tolist() == train.tolist()
        for g in groups:  # a fold is never split across groups
            assert all(not set(folds[g]) & set(folds[h]) for h in groups if h is not g)
    assert len(ps.inner_groups(folds, train, 0)) == 5
    assert len(ps.inner_groups(folds, train, 2)) == 2


def test_the_lazy_decision_keeps_the_words_outside_the_band(ps: ModuleType) -> None:
    low, high = story_model.MEANING_BAND
    words = np.array([low - 0.1, high + 0.1, (low + high) / 2, (low + high) / 2, 0.9])
    sim = np.array([0.5, 0.5, 0.5, 0.22, 0.1])
    combiner = np.array([0.99, 0.0, 0.7, 0.7, 0.99])
    out = ps.lazy(combiner, words, sim, 0.6)
    # below the band: words say no; above it: yes; inside: the combiner; between the floors the
    # combiner decides; under LOW_SIM_FLOOR nothing joins
    assert out.tolist() == [False, True, True, True, False]


def test_best_recall_reads_the_threshold_meeting_the_precision(ps: ModuleType) -> None:
    y = np.array([1, 1, 1, 1, 0, 1, 0, 0, 1, 0], dtype=float)
    p = np.array([0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4, 0.3])
    sim = np.ones(len(y))
    recall, t, c = ps.best_recall(y, lambda t: ps.decide(p, sim, t, True), ps.sweep(p), 0.8)
    assert (t, c) == (0.7, (5, 1, 1))
    assert recall == pytest.approx(5 / 6)
    none = ps.best_recall(y, lambda t: ps.decide(p, sim, t, True), ps.sweep(p), 1.01)
    assert none[0] == 0.0 and none[1] == float("inf")
