"""digests.story_model: the learned same-story decision is a well-formed dot product."""

from __future__ import annotations

from hypothesis import given, settings as hsettings, strategies as st

from digests import story_model


def _values(sim: float = 0.5, hours: float = 2.0, lead: float = 0.5, title: float = 0.5,
            words: int = 3) -> dict[str, float]:
    return story_model.features(sim, hours, sim - 0.3, lead, 0.5, False, False, False, title, words)


def test_every_feature_has_a_weight_and_nothing_else_does() -> None:
    assert tuple(_values()) == story_model.FEATURES
    assert set(story_model.WEIGHTS) == {"bias", *story_model.FEATURES}
    assert 0.0 < story_model.DECISION < 1.0 and 0.0 < story_model.SIM_FLOOR < 1.0


def test_hours_are_a_share_of_the_window_and_words_grow_slowly() -> None:
    assert story_model.features(0.5, 96, 0, 0, 0, False, False, False, 0, 0)["hours"] == 1.0
    assert story_model.features(0.5, -24, 0, 0, 0, False, False, False, 0, 0)["hours"] == 0.5
    many = story_model.features(0.5, 0, 0, 0, 0, False, False, False, 0, 99)["shared_words"]
    assert 4.0 < many < 5.0  # log1p: the tenth shared name adds less than the first


@hsettings(max_examples=100, deadline=None)
@given(sim=st.floats(0, 1), lead=st.floats(0, 1), hours=st.floats(0, 48))
def test_probability_is_bounded_and_the_floor_is_absolute(sim: float, lead: float,
                                                          hours: float) -> None:
    values = _values(sim, hours, lead, lead)
    p = story_model.probability(values)
    assert 0.0 < p < 1.0
    if sim < story_model.SIM_FLOOR:
        assert not story_model.same_story(values)
    else:
        assert story_model.same_story(values) == (p >= story_model.DECISION)


def test_custom_weights_and_decision_are_honoured() -> None:
    values = _values()
    assert story_model.probability(values, {"bias": 0.0}) == 0.5
    assert story_model.same_story(values, {"bias": 0.0}, decision=0.5)
    assert not story_model.same_story(values, {"bias": 0.0}, decision=0.51)


def _with_meaning(cosine: float, reaction_gap: bool = False, sim: float = 0.4,
                  hours: float = 6.0) -> dict[str, float]:
    return story_model.features(sim, hours, sim - 0.3, 0.3, 0.3, reaction_gap, False, False, 0.3,
                                2, meaning=cosine)


def test_the_meaning_weights_cover_the_features_and_the_meaning() -> None:
    values = _with_meaning(0.9)
    assert tuple(values) == (*story_model.FEATURES, story_model.MEANING)
    assert set(story_model.SEMANTIC_WEIGHTS) == {"bias", *story_model.FEATURES, story_model.MEANING}
    assert 0.0 < story_model.SEMANTIC_DECISION < 1.0
    assert story_model.MEANING not in _values()
    # e5 cosines of news texts lie in 0.75–1: spread over about [0, 1].
    assert story_model.meaning_feature(0.8) == 0.0
    assert abs(story_model.meaning_feature(1.0) - 1.0) < 1e-9


def test_with_a_meaning_cosine_the_meaning_model_decides() -> None:
    values = _with_meaning(0.9)
    assert story_model.weights_for(values) is story_model.SEMANTIC_WEIGHTS
    assert story_model.decision_for(values) == story_model.SEMANTIC_DECISION
    assert story_model.probability(values) == story_model.probability(
        values, story_model.SEMANTIC_WEIGHTS)
    assert story_model.weights_for(_values()) is story_model.WEIGHTS
    assert story_model.decision_for(_values()) == story_model.DECISION


def test_a_reaction_gap_is_weighed_by_the_meaning_model_too() -> None:
    # Session 6: the nine-fold CV was better without handing reaction gaps back to the words
    # (0.930 / 0.856 against 0.927 / 0.856 at SEMANTIC_DECISION); the gap keeps its own weight.
    values = _with_meaning(0.98, reaction_gap=True)
    assert story_model.weights_for(values) is story_model.SEMANTIC_WEIGHTS
    assert story_model.SEMANTIC_WEIGHTS["reaction_gap"] < 0
    calm = _with_meaning(0.98)
    assert story_model.probability(values) < story_model.probability(calm)


def test_the_meaning_band_is_the_uncertain_middle_of_the_word_model() -> None:
    low, high = story_model.MEANING_BAND
    assert 0.0 < low < story_model.DECISION < high < 1.0
    assert story_model.in_band(low) and story_model.in_band(high)
    assert story_model.in_band(story_model.DECISION)
    assert not story_model.in_band(low - 0.01) and not story_model.in_band(high + 0.01)


@hsettings(max_examples=100, deadline=None)
@given(low=st.floats(0.75, 1.0), high=st.floats(0.75, 1.0), sim=st.floats(0.25, 1))
def test_closer_meaning_never_lowers_the_probability(low: float, high: float, sim: float) -> None:
    low, high = min(low, high), max(low, high)
    assert (story_model.probability(_with_meaning(high, sim=sim))
            >= story_model.probability(_with_meaning(low, sim=sim)))


def test_the_fitting_script_learns_a_meaning_weight_from_labelled_rows() -> None:
    """benchmarks/fit_story_pairs.py on synthetic rows: «head» becomes the MEANING feature, and a
    meaning cosine that separates the labels gets a positive weight and a clean CV."""
    import contextlib
    import io

    from benchkit import load_benchmark

    fit = load_benchmark("fit_story_pairs", "bench_fit_story_pairs")
    rows = []
    for i in range(80):
        same = i % 2 == 0
        rows.append({"same": same, "fold": ("holdout2", "holdout3", "train6", "train7")[i % 4],
                     "x": _values(sim=0.35, lead=0.3, title=0.3), "rule": False,
                     "cos": {"head": (0.95 if same else 0.85) + (i % 5) * 0.002}})
    with_meaning = fit.with_meaning(rows, ["head"])
    assert set(with_meaning[0]["x"]) == {*story_model.FEATURES, story_model.MEANING}
    weights = fit.fit(with_meaning, 0.3)
    assert weights[story_model.MEANING] > 1.0
    with contextlib.redirect_stdout(io.StringIO()) as out:
        decided = fit.cv(with_meaning, 0.3, [0.5], "synthetic")
    assert decided[0.5] == [r["same"] for r in rows]
    assert "blind pooled" in out.getvalue() and "1.000/1.000" in out.getvalue()


def test_the_meaning_weights_may_join_down_to_the_lower_floor_the_words_never() -> None:
    """Between LOW_SIM_FLOOR and SIM_FLOOR only a pair with its meaning cosine can be one story;
    below LOW_SIM_FLOOR none is."""
    between = (story_model.LOW_SIM_FLOOR + story_model.SIM_FLOOR) / 2
    words = _values(sim=between, lead=0.9, title=0.9, words=6)
    assert story_model.needed(words) == float("inf") and not story_model.same_story(words)
    close = _with_meaning(0.99, sim=between, hours=1.0)
    assert story_model.needed(close) == story_model.SEMANTIC_DECISION
    assert story_model.same_story(close) == (
        story_model.probability(close) >= story_model.SEMANTIC_DECISION)
    below = _with_meaning(0.99, sim=story_model.LOW_SIM_FLOOR - 0.01, hours=1.0)
    assert story_model.needed(below) == float("inf") and not story_model.same_story(below)
    assert story_model.needed(_values(), decision=0.3) == 0.3
    # Between the floors any word probability from the band's low end asks for the meaning.
    assert story_model.in_band(0.99, between) and not story_model.in_band(0.99, 0.5)
    assert not story_model.in_band(0.5, story_model.LOW_SIM_FLOOR - 0.01)
