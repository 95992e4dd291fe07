"""Smoke test of benchmarks/page_cap.py on small pages (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchkit import load_file

from digests.extractor import MAX_ARTICLE_CHARS

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "page_cap.py"


def test_page_cap_benchmark_runs_and_reports_the_capped_text(
        capsys: pytest.CaptureFixture[str]) -> None:
    module = load_file(SCRIPT, "bench_page_cap")
    over = module.run_once(ROOT, MAX_ARTICLE_CHARS // 7 + 2_000)  # «الغوطة » is 7 characters
    assert over["new"] == 1 and over["page_error"] == ""
    assert 0.9 * MAX_ARTICLE_CHARS < int(over["body_chars"]) <= MAX_ARTICLE_CHARS
    assert float(over["max_rss_mb"]) > 0
    assert module.main(["--words", "300", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "max RSS" in out and "body 2099 chars" in out
