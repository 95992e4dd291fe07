"""Smoke test of benchmarks/update_repeats.py on one development pair file (QA19 N3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchkit import load_benchmark

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
# the shared corpus sits beside the checkout (../shared): a clone elsewhere skips, with why (QA37 T9)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
NEEDS_CORPUS = pytest.mark.skipif(not CORPUS.exists(), reason=f"shared corpus not present: {CORPUS}")


@NEEDS_CORPUS
def test_update_repeats_scores_the_rule_on_pairs_the_model_refuses(
        capsys: pytest.CaptureFixture[str]) -> None:
    module = load_benchmark("update_repeats", "bench_update_repeats")
    out = module.main(["--gold", str(GOLD / "story_pairs2.jsonl")])
    printed = capsys.readouterr().out
    assert "the model keeps" in printed and "rule (lead >=" in printed
    caught, wrong = out["rule all"]
    # the rule is one of the candidates' union: never more than both together take
    assert caught <= out["lead>=0.40"][0] + out["model>=0.40"][0]
    assert wrong <= out["lead>=0.40"][1] + out["model>=0.40"][1]


def test_update_repeats_refuses_a_blind_set() -> None:
    module = load_benchmark("update_repeats", "bench_update_repeats")
    with pytest.raises(SystemExit):
        module.gold_pairs([GOLD / "story_pairs35.jsonl"])
