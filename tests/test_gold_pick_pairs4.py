"""benchmarks/gold/pick_pairs4.py on a tiny corpus of our own, and the shape of story_pairs4.jsonl."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from goldkit import (PAIRS3_STRATA, assert_pairs_valid, check_ids_in_corpus, check_pair_set,
                     gold_rows, load_script, tiny_pairs_corpus)

STRATA = PAIRS3_STRATA


def load() -> ModuleType:
    return load_script("pick_pairs4")


def tiny_corpus(pp: ModuleType) -> list[Any]:
    return tiny_pairs_corpus(pp.pp3.Article)


def test_seed_and_excluded_files() -> None:
    pp = load()
    assert pp.SEED == 20261201
    assert [p.name for p in pp.EXISTING] == ["story_pairs.jsonl", "story_pairs2.jsonl", "story_pairs3.jsonl"]
    assert pp.CORPUS.name == "ant-2018-02-03.jsonl.gz" and pp.CORPUS.parent.name == "corpus"


def test_existing_pairs_reads_every_file(tmp_path: Path) -> None:
    pp = load()
    files = (tmp_path / "one.jsonl", tmp_path / "two.jsonl", tmp_path / "three.jsonl")
    files[0].write_text('{"a": "A-1", "b": "B-1"}\n\n', encoding="utf-8")
    files[1].write_text('{"a": "C-1", "b": "A-1"}\n', encoding="utf-8")
    files[2].write_text('{"a": "S-1", "b": "F-1"}\n', encoding="utf-8")
    assert pp.existing_pairs(files) == {
        frozenset(("A-1", "B-1")), frozenset(("A-1", "C-1")), frozenset(("S-1", "F-1"))
    }


def test_pick_respects_sources_window_and_exclusions() -> None:
    pp = load()
    arts = tiny_corpus(pp)
    by_id = {a.id: a for a in arts}
    excluded = frozenset({frozenset(("B-1", "S-2")), frozenset(("A-1", "S-1"))})
    pairs = pp.pick(arts, excluded, seed=1)
    assert pairs and pairs == pp.pick(arts, excluded, seed=1)  # reproducible
    assert pairs == pp.pp3.pick(arts, excluded, seed=1)  # pick_pairs3's procedure, unchanged
    assert_pairs_valid(pairs, by_id, excluded)
    assert {p["stratum"] for p in pairs} <= set(STRATA)
    assert "F-1" not in {x for p in pairs for x in (p["a"], p["b"])}  # days away from every other article
    assert ("place", "حمص") in {(p["stratum"], p["shared"]) for p in pairs}


def test_default_seed_is_used() -> None:
    pp = load()
    arts = tiny_corpus(pp)
    assert pp.pick(arts, frozenset()) == pp.pp3.pick(arts, frozenset(), seed=20261201)


def test_story_pairs4_shape() -> None:
    rows = gold_rows("story_pairs4.jsonl")
    assert len(rows) >= 80
    check_pair_set(rows, "holdout4", ["story_pairs2.jsonl", "story_pairs3.jsonl"])


def test_story_pairs4_ids_exist_in_corpus() -> None:
    check_ids_in_corpus("story_pairs4.jsonl")
