"""Smoke runs of the search benchmarks on a slice of the shared corpus (figures not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")


def run(script: str, *args: str) -> str:
    proc = subprocess.run([sys.executable, f"benchmarks/{script}", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_search_quality_smoke(tmp_path: Path) -> None:
    out = run("search_quality.py", "--limit-docs", "300", "--out", str(tmp_path))
    assert "الغوطة الشرقية" in out and "snow" in out
    assert "mean recall/precision: nashra" in out
    assert "mean headline share / fresh share:" in out and "latest" in out  # ranking
    assert "expected stories on page 1:" in out


def test_search_speed_smoke(tmp_path: Path) -> None:
    run("search.py", "--limit-docs", "150", "--queries", "60", "--runs", "1",
        "--total", "600", "--out", str(tmp_path))
    report = json.loads((tmp_path / "search-report.json").read_text())
    assert report["7k"]["articles"] == 150 and report["queries"] == 60
    assert report["1m"]["build"]["articles"] == 600
    assert report["1m"]["p95_ms"] >= report["1m"]["p50_ms"] > 0


def test_search_variants_smoke() -> None:
    out = run("search_variants.py", "--limit", "400", "--min-docs", "2", "--top", "5",
              "--check", "ترامب,ترمب")
    assert "candidate pairs" in out and "check: ترامب" in out and "cosine ترامب ~ ترمب" in out


def test_same_person_truth_and_related_sample_smoke(tmp_path: Path) -> None:
    out = run("search_quality.py", "--limit-docs", "300", "--same-person", "--no-rank", "--out",
              str(tmp_path))
    assert "mean recall/precision: nashra" in out and "headline share" not in out
    sample = run("search_related.py", "--db", str(tmp_path / "quality.db"), "--min-id", "100",
                  "--sample", "3")
    assert "articles looked at:" in sample and "related_articles median" in sample


def test_search_variants_rules_smoke() -> None:
    out = run("search_variants.py", "--limit", "400", "--rules")
    assert "-ng rule:" in out and "left out: " in out and "تشنج" in out
    assert "فيسبوك / فيس بوك |" in out


def test_search_quality_fold_listing_smoke(tmp_path: Path) -> None:
    """`--folds`: pairs of reports on first pages with their story probability (QA15 N7), and the
    labelled pairs' precision at each probability."""
    out = run("search_quality.py", "--limit-docs", "300", "--folds", "0.2", "--out", str(tmp_path))
    assert "folds: pairs among the first 10 folded entries with story probability >= 0.2" in out
    assert "labelled story pairs within 48 h (benchmarks/gold/):" in out
    assert "p >= 0.90:" in out and "labelled two stories (precision" in out


def test_search_quality_alerts_smoke() -> None:
    out = run("search_quality.py", "--limit-docs", "300", "--alerts", "3")
    assert "body once" in out and "النفط" in out and out.count("\n--- ") <= 3
    assert "alert" in out and "النفط والغاز" in out  # what alert_matches sends, X25's topics
    assert "topics of several words named exactly twice, in the body only:" in out
    assert "longer" in out and "alerts dropped as mentions inside a longer name:" in out
