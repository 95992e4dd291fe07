"""Brief K16: the discourse-role features of the found quotes and the learned-ranker harness."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from digests.quote_rank import WEIGHTS, rank_quotes
from digests.quote_rank_roles import ROLE_NAMES, role_features
from digests.quotes import Candidate

ROOT = Path(__file__).resolve().parents[1]


def _cand(text: str, speaker: str, paragraph: int, kind: str = "direct", named: bool = True,
          counter: bool = False) -> Candidate:
    return Candidate(text=text, speaker=speaker, kind=kind,  # type: ignore[arg-type]
                     paragraph=paragraph, start=0, named=named, counter=counter, context=text)


def _k16() -> ModuleType:
    for p in (ROOT, ROOT / "benchmarks"):
        if str(p) not in sys.path:
            sys.path.insert(0, str(p))
    return importlib.import_module("fit_k16")


ARTICLE = [
    _cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل", "وزير الطاقة", 0),
    _cand("الحكومة سترفع أسعار الوقود عشرة في المئة الشهر المقبل", "وزير الطاقة", 1,
          kind="reported", named=False),
    _cand("هذا القرار ظالم وسندعو إلى إضراب عام", "النقابات", 2, counter=True),
    _cand("لم نتلق أي إخطار رسمي بالقرار حتى الآن", "مصدر في الوزارة", 2),
    _cand("ما الذي سيحدث للأسر الفقيرة بعد 3 أشهر؟", "", 4, kind="reported"),
]
HEADLINE = "وزير الطاقة: رفع أسعار الوقود عشرة في المئة"


def test_role_features_read_each_quotes_role_among_the_others() -> None:
    f = role_features(ARTICLE, HEADLINE)
    assert [set(x) for x in f] == [set(ROLE_NAMES)] * len(ARTICLE)
    assert all(0.0 <= v <= 1.0 for x in f for v in x.values())
    # The headline's voice: its first statement, in the lead; its second restates the first.
    assert f[0]["head_voice_first"] == f[0]["lead_head_voice"] == 1.0
    assert f[1]["head_voice"] == 1.0 and f[1]["head_voice_first"] == 0.0
    assert f[1]["restates"] == 1.0 and f[0]["restated_later"] == 1.0
    assert f[1]["reported_has_direct"] == 1.0 and f[0]["direct_has_reported"] == 1.0
    assert f[1]["cont"] == 1.0 and f[2]["cont"] == 0.0
    # A reply by another voice than the headline's.
    assert f[2]["counter_other"] == f[2]["counter_not_head"] == 1.0
    assert f[0]["counter"] == 0.0
    # Who speaks: a body, an unnamed source, nobody written; how often.
    assert f[2]["spk_body"] == 1.0 and f[0]["spk_person"] == 1.0
    assert f[3]["spk_anon"] == 1.0 and f[4]["spk_none"] == 1.0
    assert f[0]["spk_n2"] == 1.0 and f[2]["spk_n1"] == 1.0
    # Place in its paragraph, length bins (one bin each), numbers, a question.
    assert f[2]["para_first"] == 1.0 and f[3]["para_second_on"] == 1.0
    assert all(sum(v for k, v in x.items() if k.startswith("len_")) == 1.0 for x in f)
    assert f[4]["digit"] == f[4]["question"] == 1.0 and f[0]["question"] == 0.0
    assert f[0]["first_person"] == 1.0 and f[4]["first_person"] == 0.0
    assert role_features([], HEADLINE) == []


def test_the_harness_choice_is_rank_quotes_for_the_hand_weights() -> None:
    k16 = _k16()
    split = _cand("قال إن القمة ممكنة هذا العام، وإن المحادثات يجب أن تهدف إلى اتفاق شامل",
                  "الرئيس", 3, kind="reported")
    for cands in (ARTICLE, [*ARTICLE, split], ARTICLE[:2]):
        from digests.clause_split import run_on_cut, split_clauses
        from digests.quote_rank import pool_of
        cut = tuple(run_on_cut(c) for c in cands)
        parts, origin = split_clauses(cut)
        x = k16.matrix(parts, HEADLINE)
        assert x.shape == (len(parts), len(k16.NAMES))
        row = k16.Row("dev1", "a", HEADLINE, cut, tuple(parts), tuple(origin), x,
                      pool_of(parts), tuple(False for _ in parts), ())
        scores = [float(v) for v in k16.hand_scores(x)]
        assert k16.shown(row, scores) == rank_quotes(cands, HEADLINE)
    assert list(k16.hand_vector()[:len(WEIGHTS)]) == list(WEIGHTS.values())


def test_the_pairwise_ranker_learns_a_role_that_marks_the_key_quotes() -> None:
    np = pytest.importorskip("numpy")
    k16 = _k16()
    from digests.quote_rank import pool_of
    texts = ["قررنا رفع أسعار الوقود بنسبة عشرة في المئة", "سنواصل دراسة أثر القرار على الأسر",
             "الطقس كان جميلا في العاصمة طوال الأسبوع", "لم نتلق أي إخطار رسمي بفتح المعبر",
             "الشاحنات ستدخل محملة بالطحين والدواء"]
    col = k16.NAMES.index("digit")
    rows = []
    for n in range(8):
        cands = tuple(_cand(t, f"متحدث {i}", i) for i, t in enumerate(texts))
        marks = [float((i + n) % 5 < 2) for i in range(5)]
        x = np.zeros((5, len(k16.NAMES)))
        x[:, col] = marks
        gold = tuple({"text": t, "speaker": f"متحدث {i}", "key": bool(marks[i])}
                     for i, t in enumerate(texts))
        rows.append(k16.Row("dev1" if n < 4 else "dev2", str(n), "", cands, cands,
                            tuple(range(5)), x, pool_of(cands), tuple(m > 0 for m in marks),
                            gold))
    w = k16.fit_pairwise(rows, [col], l2=0.01, steps=100)
    assert w[col] > 0.5 and not any(w[:col]) and not any(w[col + 1:])
    model = k16.Model("t", k16.linear(w), 0.0, 0.0)
    got = k16.evaluate(model, rows)
    assert (got.key, got.gold_key, got.right, got.shown) == (16, 16, 24, 24)
    assert k16.evaluate(k16.hand(rows), rows).key < 16  # the hand weights do not see it


def test_the_k16_table_reads_development_sets_only() -> None:
    k16 = _k16()
    fit = importlib.import_module("fit_quote_rank")
    assert not any("quotes30" in str(p) for p in k16.GOLD_FILES)
    with pytest.raises(SystemExit):
        fit.main(["--k16", "--sets", "dev1,holdout30"])
    with pytest.raises(SystemExit):
        fit.main(["--k16", "--sets", "dev1", "--k16-rankers", "nonsense"])


def test_the_k16_run_scores_the_hand_ranking_on_two_real_sets(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A smoke run on the real corpus and gold (dev1, dev2), two folds, the hand ranking and
    the hand+roles ranker; the hand row is rank_quotes' own choice."""
    k16 = _k16()
    if not k16.CORPUS.exists():
        pytest.skip("the corpus is not beside the repository")
    monkeypatch.delenv("K16_TABLE", raising=False)
    fit = importlib.import_module("fit_quote_rank")
    assert fit.main(["--k16", "--sets", "dev1,dev2", "--k16-rankers", "hand,hand+roles"]) == 0
    out = capsys.readouterr().out
    rows = {line.split(" | ")[0].strip("| "): line for line in out.splitlines()
            if line.startswith("| ")}
    assert set(rows) >= {"dev1", "dev2", "pooled", "precision (pooled)",
                         "consensus (2 of 3), held out"}
    assert "/0)" not in rows["consensus (2 of 3), held out"]  # dev2 holds 8 of the 32
    table = k16.table(["dev1"])
    assert table and all(r.set_name == "dev1" for r in table)
    for r in table:
        scores = [float(v) for v in k16.hand_scores(r.x)]
        assert k16.shown(r, scores) == rank_quotes(r.candidates, r.headline)
