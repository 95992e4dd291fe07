"""Smoke test of benchmarks/update_recheck.py (brief X27): the sender's re-check of an update,
timed per row on a slice of the corpus."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the shared corpus sits beside the checkout (../shared): a clone elsewhere skips, with why (QA37 T9)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
NEEDS_CORPUS = pytest.mark.skipif(not CORPUS.exists(), reason=f"shared corpus not present: {CORPUS}")


@NEEDS_CORPUS
def test_update_recheck_times_both_patterns_cold_and_warm() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "update_recheck.py"),
                          "--limit-docs", "600", "--updates", "5", "--runs", "1"],
                         capture_output=True, text=True, check=True, cwd=ROOT, timeout=300).stdout
    assert "600 articles stored" in out and "story vectors: yes" in out
    lines = [line.split() for line in out.splitlines()
             if line.startswith(("topics", "everything"))]
    assert [(p[0], p[1]) for p in lines] == [("topics", "cold"), ("topics", "warm"),
                                             ("everything", "cold"), ("everything", "warm")]
    for p in lines:
        window, median, p90 = int(p[2]), float(p[3]), float(p[4])
        assert window >= 0 and 0 <= median <= p90
        assert re.fullmatch(r"\d+/5", p[5])
