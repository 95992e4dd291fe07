"""Brief S26: benchmarks/story_curve.py's "+semS" setting, the meaning decision apart from the
words' (production's opt-in e5 path decides by words at DECISION 0.65 and, inside the band, by the
meaning weights at SEMANTIC_DECISION 0.57; the old meaning settings tied them: D and D − 0.02)."""

from __future__ import annotations

from types import ModuleType

import pytest
from benchkit import load_benchmark

from digests import story_model


@pytest.fixture(scope="module")
def sc() -> ModuleType:
    return load_benchmark("story_curve", "bench_story_curve_s26")


def test_the_production_e5_setting_reads_back(sc: ModuleType) -> None:
    setting = sc.parse_setting("0.65+sem0.57")
    assert (setting.decision, setting.sem) == (0.65, 0.57)
    assert setting.name == "0.65/0.40/0.50+sem0.57"
    assert sc.parse_setting(setting.name) == setting
    plain = sc.parse_setting("0.65")
    assert plain.sem == 0.0 and plain.name == "0.65/0.40/0.50"
    # production's own pair of decisions is what "+sem" reproduces
    assert (story_model.DECISION, story_model.SEMANTIC_DECISION) == (0.65, 0.57)


def test_the_low_floor_setting_is_gone(sc: ModuleType) -> None:
    with pytest.raises(ValueError):
        sc.parse_setting("0.65+low0.15@0.85")


def test_the_readers_are_read_once_and_restored(sc: ModuleType) -> None:
    """story_curve.memoised_readers: the same texts give the same lead and vector objects, a
    lead of the same instant in another zone is its own (its day differs), and the restore puts
    the step's readers back."""
    from datetime import datetime, timedelta, timezone

    from digests import leads, similarity, stories, story_assign

    title, body = "انفجار في بغداد", "قالت الشرطة اليوم إن انفجارا وقع في سوق ببغداد وأوقع قتلى."
    late = datetime(2018, 3, 20, 22, 30, tzinfo=timezone.utc)  # Tuesday in UTC
    moscow = late.astimezone(timezone(timedelta(hours=3)))  # the same instant: Wednesday 01:30
    restore = sc.memoised_readers()
    try:
        assert stories.lead_of is story_assign.lead_of is not leads.lead_of
        first = story_assign.lead_of(title, body, late)
        assert story_assign.lead_of(title, body, late) is first
        assert first == leads.lead_of(title, body, late)
        other = story_assign.lead_of(title, body, moscow)
        assert other == leads.lead_of(title, body, moscow) and other.day != first.day
        vector = story_assign.story_vector(title, body)
        assert story_assign.story_vector(title, body) is vector
        assert vector == similarity.story_vector(title, body)
    finally:
        restore()
    assert stories.lead_of is story_assign.lead_of is leads.lead_of
    assert story_assign.story_vector is similarity.story_vector
