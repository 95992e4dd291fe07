"""The session-5 quote test set: quotes7.jsonl (annotators R and S, blind)."""

from __future__ import annotations

from goldkit import gold_rows, load_script


def test_quote_set_shape() -> None:
    rows = gold_rows("quotes7.jsonl")
    assert len(rows) == 60 and len({r["id"] for r in rows}) == 60
    assert {r["annotator"] for r in rows} == {"R", "S"}
    for r in rows:
        assert r["set"] == "holdout7"
        keys = [q["key"] for q in r["quotes"]]
        assert keys == sorted(keys, reverse=True) and sum(keys) <= 3  # key ones first, at most 3
        for q in r["quotes"]:
            assert q["text"].strip() and q["speaker"].strip()
            assert q["kind"] in ("direct", "reported") and q["paragraph"] >= 0


def test_no_article_of_the_test_is_in_an_earlier_set() -> None:
    test = {r["id"] for r in gold_rows("quotes7.jsonl")}
    for name in ("quotes.jsonl", "quotes2.jsonl", "quotes3.jsonl", "quotes4.jsonl", "quotes5.jsonl", "quotes6.jsonl"):
        assert not test & {r["id"] for r in gold_rows(name)}


def test_the_plan_gives_each_annotator_one_half() -> None:
    merge = load_script("merge_quotes7")
    ids = [f"X-{n}" for n in range(60)]
    plan = merge.plan(ids)
    assert len(plan["R"]) == len(plan["S"]) == 30
    assert sorted(plan["R"] + plan["S"]) == sorted(ids)
