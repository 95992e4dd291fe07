"""The two-annotator quote test sets built by benchmarks/gold/halves.py: quotes6.jsonl (session 4,
annotators P and Q) and quotes7.jsonl (session 5, R and S), both blind."""

from __future__ import annotations

import pytest
from goldkit import gold_rows, load_script

SETS = {  # built file → (merge script, set name, annotators, earlier sets)
    "quotes6.jsonl": ("merge_quotes6", "holdout6", ("P", "Q"), 5),
    "quotes7.jsonl": ("merge_quotes7", "holdout7", ("R", "S"), 6),
}
EARLIER = ["quotes.jsonl"] + [f"quotes{n}.jsonl" for n in range(2, 7)]


@pytest.mark.parametrize("name", sorted(SETS))
def test_quote_set_shape(name: str) -> None:
    _, set_name, annotators, _ = SETS[name]
    rows = gold_rows(name)
    assert len(rows) == 60 and len({r["id"] for r in rows}) == 60
    assert {r["annotator"] for r in rows} == set(annotators)
    for r in rows:
        assert r["set"] == set_name
        keys = [q["key"] for q in r["quotes"]]
        assert keys == sorted(keys, reverse=True) and sum(keys) <= 3  # key ones first, at most 3
        for q in r["quotes"]:
            assert q["text"].strip() and q["speaker"].strip()
            assert q["kind"] in ("direct", "reported") and q["paragraph"] >= 0


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_article_of_the_test_is_in_an_earlier_set(name: str) -> None:
    test = {r["id"] for r in gold_rows(name)}
    for earlier in EARLIER[: SETS[name][3]]:
        assert not test & {r["id"] for r in gold_rows(earlier)}


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_plan_gives_each_annotator_one_half(name: str) -> None:
    script, _, (first, second), _ = SETS[name]
    merge = load_script(script)
    ids = [f"X-{n}" for n in range(60)]
    plan = merge.plan(ids)
    assert len(plan[first]) == len(plan[second]) == 30
    assert sorted(plan[first] + plan[second]) == sorted(ids)
    assert plan == merge.plan(ids)  # the seed makes it reproducible
