"""Smoke test of benchmarks/key_losses.py on a tiny corpus and gold file of our own."""

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
    return load_file(BENCH / "key_losses.py", "key_losses")


def test_matching_is_the_scorers_one_to_one_rule() -> None:
    bench = load()
    gold = [{"text": "لن نقبل بأي شروط جديدة", "key": True},
            {"text": "لن نقبل بأي شروط جديدة أبدا", "key": False}]
    # one prediction, two gold quotes it matches: the better overlap wins, the other is lost
    assert bench.match_pairs(["لن نقبل بأي شروط جديدة أبدا"], gold) == {1: 0}
    # (the overlap is over the shorter side: both are 1.0, a tie the scorer's order settles)
    assert bench._matching_cause("لن نقبل بأي شروط جديدة أبدا", gold[0], gold, {1: 5}, 5) == (
        "a tie given to a non-key gold quote (scorer's order)")
    key = {"text": "لن نقبل بأي شروط أخرى مطلقا هنا", "key": True}
    assert bench._matching_cause("لن نقبل بأي شروط جديدة أبدا", key, [key, gold[1]], {1: 5},
                                 5) == "closer to a non-key restatement of the point"
    assert bench._matching_cause("كلام آخر تماما", gold[0], gold, {}, 5) == "trimmed"


def test_a_switched_off_filter_is_restored() -> None:
    bench = load()
    import digests.quotes as quotes

    before = quotes._is_heading
    with bench.switched_off("_is_heading", lambda *a: False):
        assert quotes._is_heading is not before
    assert quotes._is_heading is before


def test_causes_on_a_tiny_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    bench = load()
    text = "\n".join([
        "وقال وزير الخارجية أحمد علي إن الحكومة لن تقبل بأي شروط جديدة في المفاوضات.",
        "وأوصت اللجنة أن تقسم الأموال كلها على الجمعيات الخيرية في المدينة.",
    ])
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "T-1", "url": "https://t.example/1", "source": "T",
                             "title": "الحكومة ترفض الشروط", "published": "2018-02-01T10:00:00+00:00",
                             "text": text}, ensure_ascii=False) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "T-1", "set": "holdout5", "quotes": [
        {"text": "الحكومة لن تقبل بأي شروط جديدة في المفاوضات", "speaker": "وزير الخارجية أحمد علي",
         "kind": "reported", "paragraph": 0, "key": True},
        {"text": "تقسم الأموال كلها على الجمعيات الخيرية في المدينة", "speaker": "اللجنة",
         "kind": "reported", "paragraph": 1, "key": True}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    monkeypatch.setattr(bench, "CORPUS", corpus)
    monkeypatch.setattr(bench, "GOLD", [gold])
    found, keys = bench.losses(["holdout5"])
    assert keys["holdout5"] == 2
    assert [(x.cause, x.sub.split(":")[0], x.article) for x in found] == [
        ("a finder", "no cue the finder knows (a clause after إن/أن)", "T-1")]
    lines = bench.table(found, keys, ["holdout5"], show_ids=True)
    assert "| shown (digest's three) | 1 | 1 |" in lines
    assert any("«وأوصت اللجنة أن»" in line for line in lines)
    with pytest.raises(SystemExit):
        bench.main(["--sets", "quotes30"])  # a blind test set is refused, never read
    assert "not development sets" in capsys.readouterr().err
