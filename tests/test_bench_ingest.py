"""Smoke test of benchmarks/ingest.py on a tiny slice of the corpus (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchkit import load_file

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "ingest.py"


def test_ingest_benchmark_runs_on_a_small_slice(capsys: pytest.CaptureFixture[str]) -> None:
    module = load_file(SCRIPT, "bench_ingest")
    if not module.CORPUS.is_file():
        pytest.skip("the shared corpus is not present")
    figures = module.main(["--limit", "25", "--runs", "1"])
    out = capsys.readouterr().out
    assert figures["articles"] + figures["duplicates"] == 25
    assert figures["second_new_rows"] == 0
    assert figures["failed_sources"] == 0
    assert figures["second_unchanged"] == figures["sources"]  # every feed answered 304
    assert "articles/s" in out and "peak memory" in out
