"""Smoke test of benchmarks/key_variants.py (session 20, brief KEY) on a tiny corpus and gold."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from benchkit import load_file

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    return load_file(BENCH / "key_variants.py", "key_variants")


def test_a_variant_is_scored_and_the_ranking_restored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load()
    import digests.quote_rank as rank
    text = "\n".join([
        "وقال وزير الخارجية أحمد علي إن الحكومة لن تقبل بأي شروط جديدة في المفاوضات.",
        "من جهتها قالت المعارضة إن الحكومة هي التي عطلت المفاوضات منذ شهور طويلة.",
    ])
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "T-1", "url": "https://t.example/1", "source": "T",
                             "title": "الحكومة ترفض الشروط", "published": "2018-02-01T10:00:00+00:00",
                             "text": text}, ensure_ascii=False) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "T-1", "set": "holdout5", "quotes": [
        {"text": "الحكومة لن تقبل بأي شروط جديدة في المفاوضات", "speaker": "وزير الخارجية أحمد علي",
         "kind": "reported", "paragraph": 0, "key": True}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    monkeypatch.setattr(bench, "GOLD", [gold])
    data = bench.items(corpus)
    assert [(it.article, it.set_name, len(it.found)) for it in data] == [("T-1", "holdout5", 2)]
    total, per = bench.score(data)
    assert (total.matched_key, total.gold_key, per) == (1, 1, {"T-1": 1})
    features, pool_of = rank.features, rank.pool_of
    patch, kwargs = bench.variants()["same speaker by inclusion"]
    with bench.patched(patch):
        assert rank.pool_of is not pool_of
        assert bench.score(data, **kwargs)[0].matched_key == 1
    assert rank.pool_of is pool_of and rank.features is features
    assert bench.marked_share('قال إن "الحكومة لن تقبل" بذلك') == pytest.approx(3 / 6)
    monkeypatch.setattr(bench, "CORPUS", corpus)
    assert bench.main(["--corpus", str(corpus), "--only", "long-0.4,counter in slot 2 or 3"]) == 0
    out = capsys.readouterr().out
    assert "| base | 1/1 | +0 |" in out and "| counter in slot 2 or 3 |" in out
    with pytest.raises(SystemExit):
        bench.main(["--sets", "quotes30"])  # a blind test set is refused, never read
