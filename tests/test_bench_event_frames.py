"""benchmarks/event_frames.py (brief S16) on synthetic data: a frame column that carries the label
lifts the in-fold recall of S14's held-out scheme where the words alone cannot, the in-fold
decision never scores a fold with a model fitted on it, the «low» combiners decide down to
LOW_SIM_FLOOR while their inputs stay the words, and the verdict of a pair reads clashes first."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import pytest
from benchkit import load_benchmark

from digests import event_frame, story_model


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    return load_benchmark("event_frames", "bench_event_frames")


def _data(ev: ModuleType, seed: int) -> tuple[Any, Any, np.ndarray, np.ndarray]:
    """Six folds of pairs: a weak word feature, and a frame column equal to the label 90% of
    the time; every whole-text cosine above both floors."""
    rng = np.random.default_rng(seed)
    n = 600
    y = (rng.random(n) < 0.4).astype(float)
    words = np.zeros((n, len(story_model.FEATURES)))
    words[:, 0] = y * 0.3 + rng.normal(0, 0.5, n)
    frame = np.where(rng.random(n) < 0.9, y, 1 - y)[:, None]
    base = ev.ps.Blocks(words, np.zeros((n, 2)), np.zeros((n, 2)), np.full(n, 0.5))
    folds = np.array([f"f{i % 6}" for i in range(n)])
    return base, ev.with_frame(base, frame), y, folds


def test_a_label_bearing_frame_column_lifts_in_fold_recall(ev: ModuleType) -> None:
    base, framed, y, folds = _data(ev, 1)
    names = sorted(set(folds.tolist()))
    _, plain, _ = ev.in_fold(ev.COMBINERS["words"], base, y, folds, names)
    p, withf, chosen = ev.in_fold(ev.COMBINERS["wordsframe"], framed, y, folds, names)
    recall = [((d & (y > 0.5)).sum() / (y > 0.5).sum()) for d in (plain, withf)]
    assert recall[1] > recall[0] + 0.3
    tp, fp, _ = ev.ps.counts(y, withf)
    assert tp / (tp + fp) > 0.8
    assert len(chosen) == len(names) and not np.isnan(p).any()


def test_in_fold_leaves_other_folds_alone_and_never_sees_the_test_fold(ev: ModuleType) -> None:
    base, framed, y, folds = _data(ev, 2)
    p, picked, _ = ev.in_fold(ev.COMBINERS["wordsframe"], framed, y, folds, ["f0", "f1"])
    assert np.isnan(p[folds == "f2"]).all() and not picked[folds == "f2"].any()
    flipped = y.copy()
    flipped[folds == "f0"] = 1 - flipped[folds == "f0"]  # the test fold's labels must not matter
    p2, _, _ = ev.in_fold(ev.COMBINERS["wordsframe"], framed, flipped, folds, ["f0"])
    np.testing.assert_allclose(p2[folds == "f0"], p[folds == "f0"])


def test_low_combiners_decide_down_to_the_low_floor_on_the_words_alone(ev: ModuleType) -> None:
    low, words = ev.COMBINERS["wordslow"], ev.COMBINERS["words"]
    assert words.words_only and not low.words_only
    base, _, _, _ = _data(ev, 3)
    prep = ev.ps.Prep(base, np.arange(100), low.blocks, 0)
    assert prep(base, np.arange(5)).shape == (5, len(story_model.FEATURES))
    sim = np.array([(story_model.LOW_SIM_FLOOR + story_model.SIM_FLOOR) / 2])
    assert ev.ps.decide(np.array([0.9]), sim, 0.5, low.words_only)[0]
    assert not ev.ps.decide(np.array([0.9]), sim, 0.5, words.words_only)[0]
    assert ev.REFERENCE == {"wordsframe": "words", "wordslowframe": "wordslow",
                            "meaningframe": "meaning", "stackframe": "stack"}


def test_verdict_reads_a_clash_before_any_agreement(ev: ModuleType) -> None:
    none = dict.fromkeys(event_frame.FRAME_FEATURES, 0.0)
    assert ev.verdict(none) == "silent"
    assert ev.verdict({**none, "same_place": 1.0}) == "agrees"
    assert ev.verdict({**none, "same_place": 1.0, "count_clash": 1.0}) == "disagrees"
    assert set(ev.AGREE) | set(ev.CLASH) <= set(event_frame.FRAME_FEATURES)
