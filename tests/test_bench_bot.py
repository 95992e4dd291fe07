"""Smoke test of benchmarks/bot_speed.py on a tiny slice (figures are not asserted, only their shape)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchkit import load_file

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bot_speed.py"


def test_bot_benchmark_runs_on_a_small_slice(capsys: pytest.CaptureFixture[str]) -> None:
    module = load_file(SCRIPT, "bench_bot")
    if not module.CORPUS.is_file():
        pytest.skip("the shared corpus is not present")
    figures = module.main(["--limit", "20", "--runs", "1", "--questions", "3"])
    assert figures["digests"] == 20
    assert 0 < figures["largest_message_utf16_units"] <= 4096
    assert figures["bundle_messages"] >= 4  # 20 digests in bundles of five
    assert figures["questions"] == 3 and figures["round_trip_ms_median"] > 0
    assert "render_digest_per_s" in capsys.readouterr().out
