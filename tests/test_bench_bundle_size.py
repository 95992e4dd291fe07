"""Smoke test of benchmarks/bundle_size.py on the first corpus articles: real digests, bundles
rendered whole and compact (QA18 R16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchkit import load_benchmark

# the shared corpus sits beside the checkout (../shared): a clone elsewhere skips, with why (QA37 T9)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
NEEDS_CORPUS = pytest.mark.skipif(not CORPUS.exists(), reason=f"shared corpus not present: {CORPUS}")


@NEEDS_CORPUS
def test_bundle_size_benchmark_measures_whole_and_compact_bundles(
        capsys: pytest.CaptureFixture[str]) -> None:
    module = load_benchmark("bundle_size", "bench_bundle_size")
    figures = module.main(["--articles", "60", "--bundle", "5"])
    out = capsys.readouterr().out
    assert "whole stories (before)" in out and "compact blocks (after)" in out
    # five stories: at most 2 lines each, a header, a stop line and the empty lines between
    assert figures["lines_after"] <= 2 + 5 * 3 + 2
    assert figures["lines_after"] < figures["lines_before"]
    assert figures["units_after"] < figures["units_before"]
