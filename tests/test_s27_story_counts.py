"""Brief S27's harness: story_curve's `+keysK` setting (the story vector's keys for a whole run)
and benchmarks/story_counts.py's report of held-out pairs."""

from __future__ import annotations

from types import ModuleType

import pytest
from benchkit import load_benchmark


@pytest.fixture(scope="module")
def sc() -> ModuleType:
    return load_benchmark("story_curve", "bench_story_curve_s27")


@pytest.fixture(scope="module")
def counts() -> ModuleType:
    return load_benchmark("story_counts", "bench_story_counts")


def test_keys_setting_round_trips(sc: ModuleType) -> None:
    setting = sc.parse_setting("0.65+keyscounts,plurals")
    assert setting.keys == "counts,plurals" and setting.name.endswith("+keyscounts,plurals")
    assert sc.parse_setting(setting.name) == setting
    assert sc.parse_setting("0.65").keys == "" and "keys" not in sc.parse_setting("0.65").name
    with pytest.raises(ValueError):
        sc.parse_setting("0.65+keyswords")


def test_story_keys_of_a_setting(sc: ModuleType) -> None:
    assert sc.story_keys("") == ("", False)
    assert sc.story_keys("counts") == ("counts", False)
    assert sc.story_keys("counts10,plurals") == ("counts10", True)


def test_one_run_names_one_set_of_keys(sc: ModuleType) -> None:
    with pytest.raises(SystemExit):
        sc.run("words", [sc.parse_setting("0.65"), sc.parse_setting("0.65+keyscounts")], [],
               "/nowhere", 1)


def test_report_counts_moved_pairs(counts: ModuleType) -> None:
    s = counts.Screened
    screened = [
        s("holdout2", "a", "b", True, 1, 1, (0.3, 0.4), (0.5, 0.7), (0.6, 0.7), (False, True)),
        s("holdout2", "c", "d", False, 1, 0, (0.3, 0.31), (0.2, 0.3), (0.2, 0.2), (False, False)),
        s("holdout3", "e", "f", True, 0, 0, (0.5, 0.5), (0.9, 0.9), (0.9, 0.9), (True, True)),
    ]
    lines = counts.report("counts", screened)
    assert lines[0].startswith("== keys counts: 3 held-out pairs (2 same)")
    assert "same: 1 share a figure" in lines[1] and "refused -> joined 1" in lines[1]
    assert "different: 1 share a figure" in lines[2] and "into the band 1" in lines[2]
    assert any(line.startswith("  changed holdout2 a b same=1") for line in lines)
    assert lines[-2].endswith("(1/0/1)") and lines[-1].endswith("(2/0/0)")
