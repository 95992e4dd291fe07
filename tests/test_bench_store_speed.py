"""Smoke tests of benchmarks/store_speed.py and benchmarks/store_compare.py on a tiny corpus of
our own (test_related's texts, written for the tests): they run, print their figures, leave the
code as they found it and compare files honestly. No timing is asserted."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from benchkit import load_file
from test_related import BAN_LIFTED, BAN_TITLES, CELEBRATION, FRIENDLY, FRIENDLY_TITLE, VIENNA

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str) -> ModuleType:
    return load_file(BENCH / f"{name}.py", name)


def corpus(path: Path) -> Path:
    texts = [(FRIENDLY_TITLE, FRIENDLY), *((t, BAN_LIFTED) for t in BAN_TITLES),
             ("الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION), ("هجوم بسكين في فيينا", VIENNA)]
    rows = [{"id": f"T-{n}", "url": f"https://t{n % 3}.example/{n}", "source": f"S{n % 3}",
             "title": title, "published": f"2018-02-0{1 + n // 3}T1{n}:00:00+00:00",
             "text": text} for n, (title, text) in enumerate(texts)]
    out = path / "tiny.jsonl.gz"
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return out


def test_store_speed_runs_and_restores_the_code(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import digests.digest as digest
    import digests.related as related

    before = (related.candidate, digest._key, digest._refresh_siblings)
    bench = load("store_speed")
    assert bench.main(["--corpus", str(corpus(tmp_path)), "--sizes", "12", "--sample", "2",
                       "--runs", "2", "--stream", "3", "--rounds", "2",
                       "--keep", str(tmp_path / "kept")]) == 0
    out = capsys.readouterr().out
    assert "ingest, archive" in out
    assert "archive      12 news stream, start code: store_digest" in out
    assert "archive      12 news stream,   new code: store_digest" in out
    assert "archive      12 late: store_digest" in out and "(n=2)" in out
    assert (related.candidate, digest._key, digest._refresh_siblings) == before
    kept = sqlite3.connect(tmp_path / "kept" / "corpus.db")
    assert kept.execute("select count(*) from articles where digested_at is not null"
                        ).fetchone()[0] == 6  # the corpus only, not the copies


def test_store_compare_finds_a_changed_digest(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bench = load("store_speed")
    assert bench.main(["--corpus", str(corpus(tmp_path)), "--sizes", "6", "--sample", "1",
                       "--runs", "1", "--no-sample", "--keep", str(tmp_path / "a")]) == 0
    compare = load("store_compare")
    shutil.copy(tmp_path / "a" / "corpus.db", tmp_path / "b.db")
    assert compare.main([str(tmp_path / "a" / "corpus.db"), str(tmp_path / "b.db")]) == 0
    assert "articles: 6 rows compared, 0 differ" in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "b.db") as conn:
        conn.execute("update articles set digest_related_json = '[]' where id = ("
                     "select min(id) from articles where digest_related_json != '[]')")
    assert compare.main([str(tmp_path / "a" / "corpus.db"), str(tmp_path / "b.db")]) == 1
    assert "articles: 6 rows compared, 1 differ" in capsys.readouterr().out


def test_related_ab_runs_and_asks_both_codes(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import digests.related as related

    before = related.candidate
    tiny = corpus(tmp_path)
    assert load("store_speed").main(["--corpus", str(tiny), "--sizes", "6", "--no-sample",
                                     "--keep", str(tmp_path / "a")]) == 0
    ab = load("related_ab")
    assert ab.main(["--db", str(tmp_path / "a" / "corpus.db"), "--corpus", str(tiny),
                    "--copies", "2", "--warm", "2", "--count", "4"]) == 0
    out = capsys.readouterr().out
    assert "archive 12 articles" in out
    assert "start code: archive_for CPU median" in out and "(n=4)" in out
    assert "  new code: archive_for CPU median" in out
    assert related.candidate is before


def test_related_ab_times_the_whole_step_and_restores_the_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import digests.digest as digest
    import digests.related as related

    before = (related.candidate, digest._key, digest._refresh_siblings)
    tiny = corpus(tmp_path)
    assert load("store_speed").main(["--corpus", str(tiny), "--sizes", "6", "--no-sample",
                                     "--keep", str(tmp_path / "a")]) == 0
    assert load("related_ab").main(["--db", str(tmp_path / "a" / "corpus.db"), "--corpus",
                                    str(tiny), "--copies", "2", "--warm", "1", "--count", "5",
                                    "--step"]) == 0
    out = capsys.readouterr().out
    assert "start code: store_digest CPU median" in out and "(n=5)" in out
    assert (related.candidate, digest._key, digest._refresh_siblings) == before
