"""benchmarks/stories.py --gaps (benchmarks/story_cv.gaps) runs on a tiny invented corpus.

It crashed: its watcher of digests.stories.find_match spelled out find_match's arguments and
predated `side` («watched() takes from 5 to 6 positional arguments but 7 were given», X126 noted
it, X129 fixed it). Invented reports (tests/test_stories' quake and festival) and invented labels
in a temporary gold folder (fit_story_pairs.GOLD / FILES patched): no labelled set is read."""

from __future__ import annotations

import gzip
import json
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from benchkit import BENCHMARKS, load_benchmark
from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0

from digests import stories
from digests.models import iso


def _tiny(tmp_path: Path) -> Path:
    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for n, (doc, hours) in enumerate(((QUAKE_A, 0), (FESTIVAL, 1), (QUAKE_B, 2))):
            fh.write(json.dumps({"id": f"d{n}", "url": f"https://s{n}.test/{n}", "source": f"s{n}",
                                 "title": doc[0], "text": doc[1],
                                 "published": iso(T0 + timedelta(hours=hours))},
                                ensure_ascii=False) + "\n")
    # two same-story labels: the quake's two reports (one story), and the quake and the
    # festival (invented, so that a pair the step keeps apart is explained too)
    (tmp_path / "pairs.jsonl").write_text("\n".join(json.dumps(p) for p in (
        {"a": "d0", "b": "d2", "same": True, "set": "dev"},
        {"a": "d0", "b": "d1", "same": True, "set": "dev"})), encoding="utf-8")
    return corpus


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    bench = load_benchmark("stories", "bench_stories_gaps")
    fsp = load_benchmark("fit_story_pairs", "bench_fit_story_pairs_gaps")
    # story_cv.gaps imports both by their plain names
    monkeypatch.setitem(sys.modules, "stories", bench)
    monkeypatch.setitem(sys.modules, "fit_story_pairs", fsp)
    monkeypatch.setattr(fsp, "GOLD", tmp_path)
    monkeypatch.setattr(fsp, "FILES", ("pairs.jsonl",))
    bench.main(["--corpus", str(_tiny(tmp_path)), "--gaps"])


def test_gaps_runs_and_explains_each_labelled_pair(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    # failed before: TypeError from the watcher at the first labelled pair's later report
    real = stories.find_match
    _run(tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert "labelled same-story pairs within 48 h: 2 in 1 folds; pairwise same 1;" in out
    assert "stored apart 0" in out and "causes (all folds / blind folds):" in out
    assert stories.find_match is real  # the watcher is taken off again


def test_a_pair_stored_apart_is_listed_with_its_cause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    # a step that joins nothing: the quake's two reports, pairwise same, end in two stories
    monkeypatch.setattr(stories, "find_match", lambda *args, **named: None)
    _run(tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert "stored apart 1" in out
    [line] = [x for x in out.splitlines() if "d0 ~ d2" in x]
    assert line.endswith("final sizes 1/1") and "new story" in line
