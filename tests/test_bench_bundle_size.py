"""Smoke test of benchmarks/bundle_size.py on the first corpus articles: real digests, bundles
rendered whole and compact (QA18 R16)."""

from __future__ import annotations

import pytest
from benchkit import load_benchmark


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
