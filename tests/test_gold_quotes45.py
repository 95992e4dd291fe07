"""The session-3 quote sets: quotes4.jsonl (training) and quotes5.jsonl (the untouched test)."""

from __future__ import annotations

import pytest
from goldkit import gold_rows, load_script

SETS = {"quotes4.jsonl": ("train4", 75), "quotes5.jsonl": ("holdout5", 60)}


@pytest.mark.parametrize("name", sorted(SETS))
def test_quote_set_shape(name: str) -> None:
    set_name, size = SETS[name]
    rows = gold_rows(name)
    assert len(rows) == size and len({r["id"] for r in rows}) == size
    for r in rows:
        assert r["set"] == set_name and r["annotator"]
        keys = [q["key"] for q in r["quotes"]]
        assert keys == sorted(keys, reverse=True) and sum(keys) <= 3  # key ones first, at most 3
        for q in r["quotes"]:
            assert q["text"].strip() and q["speaker"].strip()
            assert q["kind"] in ("direct", "reported") and q["paragraph"] >= 0


def test_no_article_is_in_two_sets() -> None:
    seen: set[str] = set()
    for name in ("quotes.jsonl", "quotes2.jsonl", "quotes3.jsonl", *SETS):
        ids = {r["id"] for r in gold_rows(name)}
        assert not ids & seen
        seen |= ids


def test_the_plan_splits_test_and_training_by_the_seed() -> None:
    merge = load_script("merge_quotes45")
    ids = [f"X-{n}" for n in range(135)]
    plan = merge.plan(ids)
    test = [i for part in plan["quotes5"].values() for i in part]
    train = [i for part in plan["quotes4"].values() for i in part]
    assert len(test) == 60 and len(train) == 75 and not set(test) & set(train)
    assert sorted(test + train) == sorted(ids)
    assert {len(v) for v in plan["quotes5"].values()} == {30}
    assert {len(v) for v in plan["quotes4"].values()} == {25}
