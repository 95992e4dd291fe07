"""Smoke test of benchmarks/feed_cut.py on small feeds (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchkit import load_file

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "feed_cut.py"


def test_feed_cut_benchmark_reports_what_a_poll_parses(capsys: pytest.CaptureFixture[str]) -> None:
    module = load_file(SCRIPT, "bench_feed_cut")
    rows = module.measure(ROOT, [500, 3000], runs=1)
    assert [r["parsed"] for r in rows] == [500, 1000]  # a long feed is read up to the limit
    assert module.main(["--sizes", "1200", "--runs", "1"]) == 0
    assert "1200 entries" in capsys.readouterr().out
