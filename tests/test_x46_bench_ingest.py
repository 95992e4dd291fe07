"""QA33 S13: benchmarks/ingest.py serves feeds a poll keeps whole (max_entries_per_feed), so it
ingests every article it serves again (it stored 1,000 of the corpus once the cap was 200)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from benchkit import load_file

from digests.settings import Settings

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "ingest.py"


def test_the_benchmark_ingests_past_the_feed_cap(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    module = load_file(SCRIPT, "bench_ingest_cap")
    if not module.CORPUS.is_file():
        pytest.skip("the shared corpus is not present")
    # a cap of 4 entries per feed stands for the real 200 against the corpus's 2,433 per source
    monkeypatch.setattr(module, "Settings", functools.partial(Settings, max_entries_per_feed=4))
    monkeypatch.setattr(module, "FEED_CAP", 4)
    figures = module.main(["--limit", "25", "--runs", "1"])
    capsys.readouterr()
    assert figures["articles"] + figures["duplicates"] == 25
    assert figures["second_new_rows"] == 0
