"""benchmarks/three_quotes.py: the voice plan, the held-out weight choice, the shown quotes."""

from __future__ import annotations

from types import ModuleType

from benchkit import load_benchmark

from digests.quote_rank import pool_of
from digests.quotes import Candidate


def _module() -> ModuleType:
    return load_benchmark("three_quotes", "three_quotes")


def _cand(text: str, speaker: str, counter: bool = False) -> Candidate:
    return Candidate(text=text, speaker=speaker, kind="direct", paragraph=0, start=0,
                     named=True, counter=counter, context=text)


def test_the_voice_plan_takes_another_person_second() -> None:
    tq = _module()
    cands = [_cand("سنفتح المعبر أمام الشاحنات صباح الغد", "المحافظ"),
             _cand("الشاحنات ستدخل محملة بالطحين والدواء", "المحافظ"),
             _cand("لم نتلق أي إخطار رسمي بعد", "الهلال الأحمر"),
             _cand("نرحب بأي خطوة تخفف معاناة السكان", "الأمم المتحدة")]
    pool = pool_of(cands)
    scores = [3.0, 2.9, 0.5, 0.4]
    no_head = [False] * 4
    # The greedy choice's repeat penalty (0.5) keeps the governor's second quote second …
    assert tq.greedy()(pool, scores, None) == [0, 1, 2]
    # … the plan puts another person there, and with hard3 a third person after it.
    assert tq.plan(pool, scores, no_head) == [0, 2, 1]
    assert tq.plan(pool, scores, no_head, hard3=True) == [0, 2, 3]
    # The headline's voice first, whatever its score.
    assert tq.plan(pool, scores, [False, False, False, True], hard2=False,
                   head_first=True)[0] == 3
    # With one person only the plan takes what is left.
    assert tq.plan(pool_of(cands[:2]), scores[:2], no_head[:2]) == [0, 1]


def test_each_set_gets_the_weight_best_on_the_others() -> None:
    tq = _module()
    # (key, key gold, right, shown) per set: 1.0 wins on «a» and «b», 3.0 on «c».
    tables = {1.0: {"a": (10, 20, 10, 10), "b": (10, 20, 10, 10), "c": (4, 20, 4, 4)},
              3.0: {"a": (8, 20, 8, 8), "b": (8, 20, 8, 8), "c": (5, 20, 5, 5)}}
    rows, chosen = tq.held_out(tables)
    # Left out, «c» is judged on a + b (1.0 better) and gets 1.0's figure, not its own best.
    assert chosen == {"a": 1.0, "b": 1.0, "c": 1.0}
    assert rows["c"] == (4, 20, 4, 4)
    tables[3.0]["c"] = (30, 40, 30, 30)
    rows, chosen = tq.held_out(tables)
    assert chosen == {"a": 3.0, "b": 3.0, "c": 1.0}  # a and b now follow c's pull
    assert tq.objective(tables[1.0], "c") == 30.0  # key + ½ right − ½ wrong, c left out
