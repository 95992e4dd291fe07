"""benchmarks/gold/pick_pairs3.py on a tiny corpus of our own, and the shape of story_pairs3.jsonl."""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType
from typing import Any

from goldkit import (PAIRS3_STRATA, assert_pairs_valid, check_ids_in_corpus, check_pair_set,
                     gold_rows, load_script, row, tiny_pairs_corpus)

STRATA = PAIRS3_STRATA


def load() -> ModuleType:
    return load_script("pick_pairs3")


def tiny_corpus(pp: ModuleType) -> list[Any]:
    return tiny_pairs_corpus(pp.Article)


def test_lists_extend_those_of_pick_pairs2() -> None:
    pp = load()
    assert set(pp.pp2.PLACE_NAMES) < set(pp.PLACE_NAMES)
    assert set(pp.pp2.PERSON_NAMES) < set(pp.PERSON_NAMES)
    article = pp.Article(row("X-1", "BBC", "2018-03-01T10:00:00+00:00", "مادورو وهنية في دوما وغزة", ""))
    assert article.places == {"دوما", "غزه"}  # a name of the new list and one of pick_pairs2's
    assert article.persons == {"مادورو", "هنيه"}


def test_existing_pairs_reads_every_file(tmp_path: Path) -> None:
    pp = load()
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text('{"a": "A-1", "b": "B-1"}\n\n', encoding="utf-8")
    second.write_text('{"a": "C-1", "b": "A-1"}\n', encoding="utf-8")
    assert pp.existing_pairs((first, second)) == {frozenset(("A-1", "B-1")), frozenset(("A-1", "C-1"))}


def test_pick_respects_sources_window_and_exclusions() -> None:
    pp = load()
    arts = tiny_corpus(pp)
    by_id = {a.id: a for a in arts}
    excluded = frozenset({frozenset(("B-1", "S-2"))})
    pairs = pp.pick(arts, excluded, seed=1)
    assert pairs == pp.pick(arts, excluded, seed=1)  # reproducible
    assert pairs[: len(pp.pp2.pick(arts, excluded, seed=1))] == pp.pp2.pick(arts, excluded, seed=1)
    assert_pairs_valid(pairs, by_id, excluded)
    assert "F-1" not in {x for p in pairs for x in (p["a"], p["b"])}  # days away from every other article
    shared = {(p["stratum"], p["shared"]) for p in pairs}
    assert ("place", "حمص") in shared and ("person", "هنيه") in shared  # names only the new lists hold


def test_top_up_adds_one_pair_per_missing_name_and_never_reuses_a_pair() -> None:
    pp = load()
    arts = tiny_corpus(pp)
    duma = {"a": "S-1", "b": "A-1", "stratum": "place", "shared": "دوما"}
    extra = pp.top_up(arts, frozenset(), [duma], "place", 5, "places", random.Random(3))
    names = [e["shared"] for e in extra]
    assert len(names) == len(set(names)) and "دوما" not in names
    # Every name with a free pair; «الغوطة» has only the Duma pair, which is already chosen.
    assert set(names) == {"حمص", "قاهره"}
    keys = [frozenset((e["a"], e["b"])) for e in extra] + [frozenset(("S-1", "A-1"))]
    assert len(set(keys)) == len(keys)
    assert pp.top_up(arts, frozenset(), [duma], "place", 1, "places", random.Random(3)) == []
    hims = frozenset(("A-2", "B-2"))
    after = pp.top_up(arts, frozenset({hims}), [], "place", 9, "places", random.Random(3))
    assert "حمص" not in {e["shared"] for e in after}  # its only pair is excluded


def test_story_pairs3_shape() -> None:
    rows = gold_rows("story_pairs3.jsonl")
    assert len(rows) >= 80
    check_pair_set(rows, "holdout3", ["story_pairs2.jsonl"])


def test_story_pairs3_ids_exist_in_corpus() -> None:
    check_ids_in_corpus("story_pairs3.jsonl")
