"""benchmarks/gold/pick_pairs5.py on a tiny corpus of our own, and the shape of the session-3 pair
sets: story_pairs5/8.jsonl (tests), story_pairs6/7/9/10.jsonl (training), story_audit7/8.jsonl."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from goldkit import (GOLD, check_ids_in_corpus, check_pair_set, check_pair_row, gold_rows, load_script,
                     pair_keys, tiny_pairs_corpus)

SETS = {"story_pairs5.jsonl": "holdout5", "story_pairs6.jsonl": "train6",
        "story_pairs7.jsonl": "train7", "story_pairs8.jsonl": "holdout8",
        "story_pairs9.jsonl": "train9", "story_pairs10.jsonl": "train10",
        "story_pairs11.jsonl": "holdout11", "story_pairs12.jsonl": "holdout12"}


def load() -> ModuleType:
    return load_script("pick_pairs5")


def test_seeds_and_excluded_files() -> None:
    pp = load()
    assert list(pp.SEEDS.values())[:3] == [20261203, 20261204, 20261205]  # the first sets stay
    assert [p.name for p in pp.EXISTING] == ["story_pairs.jsonl", "story_pairs2.jsonl",
                                             "story_pairs3.jsonl", "story_pairs4.jsonl"]


def test_the_three_sets_never_share_a_pair_and_each_is_pick_pairs3s_procedure() -> None:
    pp = load()
    arts = tiny_pairs_corpus(pp.pp3.Article)
    excluded = frozenset({frozenset(("B-1", "S-2"))})
    sets = pp.pick_sets(arts, excluded)
    assert list(sets)[:3] == ["test", "train1", "train2"]
    assert sets == pp.pick_sets(arts, excluded)  # reproducible
    assert sets["test"] == pp.pp3.pick(arts, excluded, seed=20261203)
    seen: set[frozenset[str]] = set(excluded)
    for rows in sets.values():
        keys = set(pp.keys(rows))
        assert not keys & seen
        seen |= keys
    assert sets["test"]  # the tiny corpus has pairs to give


@pytest.mark.parametrize("name", sorted(SETS))
def test_session3_pair_sets_shape(name: str) -> None:
    rows = gold_rows(name)
    assert len(rows) == 82
    others = [pair for other in SETS if other != name for pair in pair_keys(gold_rows(other))]
    check_pair_set(rows, SETS[name], ["story_pairs2.jsonl", "story_pairs3.jsonl",
                                      "story_pairs4.jsonl"], others)


@pytest.mark.parametrize("name", sorted(SETS))
def test_session3_pair_sets_ids_exist_in_corpus(name: str) -> None:
    check_ids_in_corpus(name)


@pytest.mark.parametrize("audit", ["audit7", "audit8", "audit9"])
def test_audit_shape(audit: str) -> None:
    path: Path = GOLD / f"story_{audit}.jsonl"
    rows = gold_rows(path.name)
    assert len(rows) == 80
    assert len(set(pair_keys(rows))) == 80
    for r in rows:  # an audit row has no `shared`: it was drawn from merges, not by shared words
        check_pair_row({**r, "shared": None}, audit)
        assert r["stratum"] == "predicted"
