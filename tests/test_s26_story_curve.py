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
