"""Smoke test of benchmarks/digest_quality.py on a tiny corpus and gold file of our own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest
from benchkit import load_file

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "digest_quality.py"


def load() -> ModuleType:
    return load_file(SCRIPT, "digest_quality")


def test_matching_rule() -> None:
    bench = load()
    assert bench.overlap(bench.words("لن نقبل بأي شروط جديدة"), bench.words("لن نقبل بأي شروط")) == 1
    assert bench.overlap(bench.words("أ ب ج د"), bench.words("أ ه و ز")) == 0.25
    gold = {"speaker": "الرئيس الأمريكي دونالد ترامب", "speaker_aliases": ["ترامب"]}
    assert bench.speaker_ok("ترامب", gold)
    assert bench.speaker_ok("الرئيس الأمريكي", gold)
    assert not bench.speaker_ok("الوزير", gold)


def test_runs_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load()
    rows = [
        {"id": "T-1", "url": "https://t.example/1", "source": "T", "title": "الوزير: الطريق تفتح غدا",
         "published": "2018-02-01T10:00:00+00:00",
         "text": "وقال وزير النقل سامر علي إن الطريق الساحلية ستفتح غدا أمام السيارات.\n"
                 'وأضاف: "لن نسمح بإغلاقها مرة أخرى مهما حدث".'},
        {"id": "T-2", "url": "https://t.example/2", "source": "T", "title": "طقس بارد",
         "published": "2018-02-02T10:00:00+00:00", "text": "الطقس بارد في العاصمة اليوم."},
    ]
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    gold = tmp_path / "quotes.jsonl"
    gold.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in [
        {"id": "T-1", "quotes": [
            {"text": "الطريق الساحلية ستفتح غدا أمام السيارات", "speaker": "وزير النقل سامر علي",
             "key": True},
            {"text": "لن نسمح بإغلاقها مرة أخرى مهما حدث", "speaker": "وزير النقل سامر علي",
             "key": True}]},
        {"id": "T-2", "quotes": []},
    ]) + "\n", encoding="utf-8")
    assert bench.main(["--gold", str(gold), "--corpus", str(corpus), "--runs", "1",
                       "--dev-ids", "1", "--store", "2"]) == 0
    out = capsys.readouterr().out
    assert "gold articles: 2 (0 not in the corpus)" in out
    assert "precision 1.00 (2/2)  recall(key) 1.00 (2/2)" in out
    assert "speaker 1.00 (2/2)" in out
    assert "condense: 2 articles x 1 runs" in out
    assert "store_digest with" in out
