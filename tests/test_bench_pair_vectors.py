"""benchmarks/pair_vectors.py (brief S12) on synthetic pairs: its numpy fit is fit_story_pairs'
fit, and the "prod" model folded for the story step gives the probabilities of the model it was
fitted as (PCA, standardisation and all)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from digests import story_model

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "pair_vectors.py"


@pytest.fixture(scope="module")
def pv() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_pair_vectors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_pair_vectors"] = module
    spec.loader.exec_module(module)
    return module


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _synthetic(n_folds: int = 5, per_fold: int = 40, dims: int = 384
               ) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
    """Labelled pairs whose same-story reports share a direction of their vectors, with word
    features that say a little."""
    rng = np.random.default_rng(7)
    rows, vectors = [], {}
    for f in range(n_folds):
        for n in range(per_fold):
            same = bool(n % 2)
            a, b = f"{f}-{n}-a", f"{f}-{n}-b"
            base = rng.standard_normal(dims)
            vectors[a] = _unit(base)
            vectors[b] = _unit(base * (1.0 if same else 0.2) + rng.standard_normal(dims))
            x = {k: float(rng.random()) for k in story_model.FEATURES}
            x["sim"] = 0.3 + 0.4 * float(same) * float(rng.random())
            x["reaction_gap"] = x["speaker_gap"] = x["day_gap"] = 0.0
            rows.append({"same": same, "fold": f"fold{f}", "a": a, "b": b, "x": x,
                         "cos": {"head": float(vectors[a] @ vectors[b])}})
    return rows, vectors


def test_the_numpy_fit_is_the_fitting_scripts_fit(pv: ModuleType) -> None:
    rows, _ = _synthetic()
    expected = pv.fsp.fit(rows, 0.3)
    x = np.array([[1.0] + [r["x"][k] for k in pv.WORDS] for r in rows])
    y = np.array([float(r["same"]) for r in rows])
    got = pv.fit(x, y, 0.3)
    assert got == pytest.approx([expected[k] for k in ["bias", *pv.WORDS]], abs=1e-6)


def test_the_folded_prod_model_gives_the_fitted_models_probabilities(pv: ModuleType) -> None:
    rows, vectors = _synthetic()
    train = [i for i, r in enumerate(rows) if r["fold"] != "fold0"]
    test = np.array([i for i, r in enumerate(rows) if r["fold"] == "fold0"])
    folded = pv.fit_dims(rows, vectors, train, k=4)
    assert folded.k == 4 and folded.l2 in pv.L2_GRID
    assert folded.dims.shape == (384,)
    assert folded.weights[pv.MEANING_DIMS] == 1.0
    # the model as fitted: PCA + standardisation on the training rows, same penalty
    variant = pv.Variant("e5:prod:4", ("e5",), "prod", 4)
    design = pv.design_of(rows, variant, {"e5": vectors})
    y = np.array([float(r["same"]) for r in rows])
    transform = pv.Transform(design, np.array(train), 4)
    w = pv.fit(transform(design, np.array(train)), y[np.array(train)], folded.l2)
    fitted = pv.sigmoid(transform(design, test) @ w)
    folded_p = [pv.dims_probability(
        folded, {**rows[i]["x"], story_model.MEANING: story_model.meaning_feature(
            rows[i]["cos"]["head"])}, vectors[rows[i]["a"]], vectors[rows[i]["b"]])
        for i in test]
    assert folded_p == pytest.approx(list(fitted), abs=1e-6)
    # and it learnt something: same pairs score higher on the held-out fold
    same = [p for p, i in zip(folded_p, test) if rows[i]["same"]]
    other = [p for p, i in zip(folded_p, test) if not rows[i]["same"]]
    assert np.mean(same) > np.mean(other)


def test_variant_names(pv: ModuleType) -> None:
    assert pv.parse_variant("words").words_only
    assert pv.parse_variant("meaning").encoders == ("e5",)
    assert pv.parse_variant("meaning:use").encoders == ("use",)
    v = pv.parse_variant("e5+use:both:16")
    assert (v.encoders, v.vectors, v.k, v.fixed_l2) == (("e5", "use"), "both", 16, None)
    with pytest.raises(SystemExit):
        pv.parse_variant("e5:sum:8")
