"""benchmarks/story_curve.py (brief S13) on synthetic pairs: the USE pair model the story step's
stand-in judge applies one pair at a time gives the probabilities of the model as fitted, the judge
keeps the words outside their uncertain band, and the logs of separate runs pool into the table."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import pytest
from benchkit import load_benchmark

from digests import story_model
from digests.similarity import LeadEvidence, pair_features

@pytest.fixture(scope="module")
def sc() -> ModuleType:
    return load_benchmark("story_curve", "bench_story_curve")


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _synthetic(n_folds: int = 4, per_fold: int = 40, dims: int = 64
               ) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
    """Labelled pairs whose same-story reports share a direction of their vectors."""
    rng = np.random.default_rng(11)
    rows, vectors = [], {}
    for f in range(n_folds):
        for n in range(per_fold):
            same = bool(n % 2)
            a, b = f"{f}-{n}-a", f"{f}-{n}-b"
            base = rng.standard_normal(dims)
            vectors[a] = _unit(base)
            vectors[b] = _unit(base * (1.0 if same else 0.2) + rng.standard_normal(dims))
            x = {k: float(rng.random()) for k in story_model.FEATURES}
            x["reaction_gap"] = x["speaker_gap"] = x["day_gap"] = 0.0
            rows.append({"same": same, "fold": f"fold{f}", "a": a, "b": b, "x": x})
    return rows, vectors


def test_the_use_model_one_pair_at_a_time_is_the_fitted_model(sc: ModuleType) -> None:
    rows, vectors = _synthetic()
    train = [i for i, r in enumerate(rows) if r["fold"] != "fold0"]
    test = np.array([i for i, r in enumerate(rows) if r["fold"] == "fold0"])
    model = sc.fit_use(rows, vectors, train)
    assert model.k in sc.pv.K_GRID and model.l2 in sc.pv.L2_GRID
    design = sc.pv.design_of(rows, sc.pv.parse_variant("use:both:0"), {"use": vectors})
    batch = sc.pv.sigmoid(model.transform(design, test) @ model.weights)
    one_by_one = [model.probability(rows[i]["x"], vectors[rows[i]["a"]], vectors[rows[i]["b"]])
                  for i in test]
    assert one_by_one == pytest.approx(list(batch), abs=1e-9)
    same = [p for p, i in zip(one_by_one, test) if rows[i]["same"]]
    other = [p for p, i in zip(one_by_one, test) if not rows[i]["same"]]
    assert np.mean(same) > np.mean(other) + 0.2  # the vectors carry the label here


class _Meaning:
    """What the judge reads of digests.story_meaning.Meaning: the arriving article's id."""

    def __init__(self, article_id: int) -> None:
        self._id = article_id


def _evidence(similarity: float) -> LeadEvidence:
    return LeadEvidence(similarity=similarity, title_similarity=similarity)


def test_the_judge_weighs_the_use_model_only_inside_the_band(sc: ModuleType) -> None:
    rows, vectors = _synthetic()
    model = sc.fit_use(rows, vectors, range(len(rows)))
    same = next(r for r in rows if r["same"])
    use_by_db = [None, vectors[same["a"]], vectors[same["b"]]]
    judge = sc.use_judge(model, use_by_db)
    inside = outside = 0

    for sim, hours, lead in ((0.9, 1.0, 0.9), (0.45, 6.0, 0.3), (0.3, 20.0, 0.2), (0.1, 1.0, 0.1)):
        ev = _evidence(lead)
        words = pair_features(sim, hours, ev)
        p_words = story_model.probability(words)
        p, joined = judge(sim, hours, ev, _Meaning(2), 1, None)
        if story_model.in_band(p_words, sim):
            assert p == pytest.approx(model.probability(words, use_by_db[2], use_by_db[1]))
            assert joined == (p >= story_model.SEMANTIC_DECISION
                              and sim >= story_model.LOW_SIM_FLOOR)
            inside += 1
        else:
            outside += 1
            assert p == p_words
            assert joined == story_model.same_story(words)
        # without the meaning path (the words' step) the judge is the words' decision
        assert judge(sim, hours, ev, None, 1, None) == (p_words, story_model.same_story(words))
    assert inside and outside  # both branches were taken


def test_settings_and_the_pooled_table(sc: ModuleType) -> None:
    assert sc.parse_setting("0.5").name == "0.50/0.40/0.50"
    assert sc.parse_setting("0.55/0.3/0.34").name == "0.55/0.30/0.34"
    lines = ["result words holdout2 0.55/0.40/0.50 9 9 9  x",  # re-run below: the last wins
             "result words holdout2 0.55/0.40/0.50 27 4 8  0.871/0.771",
             "pair words holdout2 0.55/0.40/0.50 a b gold=1 stored=1",
             "result words holdout3 0.55/0.40/0.50 28 2 6  0.933/0.824",
             "result words holdout3 0.45/0.40/0.50 30 5 4  0.857/0.882",
             "result words story_pairs 0.55/0.40/0.50 100 0 0  1.000/1.000"]  # not a blind fold
    pooled = sc.pooled(lines)
    assert pooled[("words", "0.55/0.40/0.50")] == {"holdout2": (27, 4, 8), "holdout3": (28, 2, 6)}
    table = sc.summary(lines)
    row = next(t for t in table if "0.55/0.40/0.50" in t)
    assert "| 2 | 0.902/0.797 | 55/6/14 | holdout2 0.871 |" in row
    assert any("0.45/0.40/0.50 | 1 | 0.857/0.882" in t for t in table)


def test_the_shared_svd_choice_is_pair_vectors_choice(sc: ModuleType) -> None:
    rows, vectors = _synthetic()
    design = sc.pv.design_of(rows, sc.pv.parse_variant("use:both:0"), {"use": vectors})
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    train = np.flatnonzero(folds != "fold0")
    assert sc.choose(design, y, folds, train, (4, 8, 16)) == sc.pv.choose(
        design, y, folds, train, (4, 8, 16))
    wide = sc.pv.Transform(design, train, 16)
    narrow = sc.pv.Transform(design, train, 8)
    assert sc._sliced(wide, 8)(design, train) == pytest.approx(narrow(design, train), abs=1e-9)


def test_a_setting_may_merge_stories_and_its_lines_pool(sc: ModuleType) -> None:
    merged = sc.parse_setting("0.65/0.40/0.50+merge")
    assert merged.merge and merged.name == "0.65/0.40/0.50+merge"
    assert not sc.parse_setting("0.65").merge
    with pytest.raises(ValueError):
        sc.parse_setting("0.65+strong")
    lines = ["result words holdout2 0.65/0.40/0.50+merge 28 5 7  0.848/0.800",
             "result words holdout2 0.65/0.40/0.50 27 4 8  0.871/0.771"]
    pooled = sc.pooled(lines)
    assert pooled[("words", "0.65/0.40/0.50+merge")] == {"holdout2": (28, 5, 7)}
    assert pooled[("words", "0.65/0.40/0.50")] == {"holdout2": (27, 4, 8)}
