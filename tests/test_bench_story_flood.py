"""Smoke test of benchmarks/story_flood.py on a tiny story (no timing asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from benchkit import load_file

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "story_flood.py"


def test_story_flood_benchmark_prints_both_figures(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    module = load_file(SCRIPT, "bench_story_flood")
    cap = module.stories.MAX_MEMBERS
    monkeypatch.setattr(sys, "argv", ["story_flood.py", "--sizes", "12", "--runs", "1"])
    module.main()
    out = capsys.readouterr().out
    assert "story of    12 reports" in out and "with the cap" in out and "without" in out
    assert module.stories.MAX_MEMBERS == cap  # the baseline run puts the cap back
