"""Smoke test of benchmarks/responsiveness.py on two short pages (figures are not asserted, only
their shape, and that the baseline switch is put back)."""

from __future__ import annotations

import pytest

from benchkit import load_benchmark
from digests import prepared, writer
from digests.storage import Database


def test_responsiveness_benchmark_runs_on_two_short_pages(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    module = load_benchmark("responsiveness", "bench_responsiveness")
    if not module.CORPUS.is_file():
        pytest.skip("the shared corpus is not present")
    monkeypatch.setattr(writer, "INLINE", False)  # restored whatever the run leaves
    monkeypatch.setattr(prepared, "AHEAD", True)
    transaction = Database.transaction
    results = module.main(["--pages", "2", "--chars", "3000", "--runs", "1", "--idle", "1"])
    assert set(results) == {"thread", "ahead"}
    for figures in results.values():
        assert figures["help_idle_ms_median"] > 0 and figures["start_idle_ms_median"] > 0
        assert figures["poll_s_median"] > 0
        assert figures["help_answers_during_polls"] == figures["start_answers_during_polls"]
        assert figures["longest_write_tx_ms_median_of_runs"] > 0
        assert 0 <= figures["start_write_refused_percent"] <= 100
    assert Database.transaction is transaction  # the lock clock is taken off again
    out = capsys.readouterr().out
    assert "[thread] pages=2" in out and "[ahead] pages=2" in out
