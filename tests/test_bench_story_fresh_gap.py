"""benchmarks/story_fresh_gap.py (brief S28) on synthetic outcomes: the log's `pair` lines are read
with their strata; a recall gap made only by the strata mix is all composition, one made inside a
stratum all within; the CV re-weighted to a reference mix reads the reference's recall when the
rates agree; the per-fold table carries the recorded fresh figure."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from benchkit import BENCHMARKS

sys.path.append(str(BENCHMARKS))  # after every real package: the scripts are no package
import story_fresh_gap as sfg  # noqa: E402


def fold(name: str, spec: Iterable[tuple[str, int, int, int, int]]) -> list[sfg.Outcome]:
    """Outcomes of one fold: per stratum (tp, fn, fp, tn) pairs."""
    out = []
    n = 0
    for stratum, tp, fn, fp, tn in spec:
        for same, stored, count in ((True, True, tp), (True, False, fn), (False, True, fp),
                                    (False, False, tn)):
            for _ in range(count):
                n += 1
                out.append(sfg.Outcome(name, f"A{n}", f"B{n}", stratum, same, stored))
    return out


def test_reads_pair_lines_with_strata() -> None:
    strata = {("holdout9", frozenset(("x", "y"))): "sim0.25"}
    lines = ["pair use holdout9 0.65/0.40/0.50 y x gold=1 stored=0",
             "pair use holdout9 0.57/0.40/0.50 y x gold=1 stored=1",  # another setting
             "pair words holdout9 0.65/0.40/0.50 y x gold=1 stored=1",  # another path
             "result use holdout9 0.65/0.40/0.50 0 0 1"]
    out = sfg.read_outcomes(lines, strata)
    assert out == [sfg.Outcome("holdout9", "y", "x", "sim0.25", True, False)]
    assert sfg.kind(out[0]) == "fn"


def test_composition_only_gap() -> None:
    # Same per-stratum recall in both groups (easy 1.0, hard 0.5); the early folds hold easy pairs.
    early = fold("e1", [("sim0.5", 10, 0, 0, 0), ("lowsim", 2, 2, 0, 6)])
    late = fold("l1", [("lowsim", 3, 3, 1, 9)])
    sp = sfg.split_gap(early + late, ["e1"], ["l1"])
    assert sp.early_recall == pytest.approx(12 / 14)
    assert sp.late_recall == pytest.approx(0.5)
    assert sp.within == pytest.approx(0.0)
    assert sp.composition == pytest.approx(12 / 14 - 0.5)
    assert sp.within_pairs == pytest.approx(0.0)


def test_within_only_gap() -> None:
    early = fold("e1", [("lowsim", 4, 0, 0, 4)])
    late = fold("l1", [("lowsim", 1, 3, 0, 4)])
    sp = sfg.split_gap(early + late, ["e1"], ["l1"])
    assert sp.composition == pytest.approx(0.0)
    assert sp.within == pytest.approx(0.75)
    assert sp.within_pairs == pytest.approx(-3.0)


def test_permutation_p_is_small_only_for_a_real_shortfall() -> None:
    base = [("sim0.25", 4, 1, 0, 3)]
    folds = [fold(f"f{i}", base) for i in range(8)]
    flat = [o for f in folds for o in f]
    names = [f"f{i}" for i in range(8)]
    assert sfg.permutation_p(flat, names[:4], names[4:], n=200) == pytest.approx(1.0)
    worse = [o for f in folds[:4] for o in f] + [o for i in range(4, 8)
                                                  for o in fold(f"f{i}", [("sim0.25", 1, 4, 0, 3)])]
    assert sfg.permutation_p(worse, names[:4], names[4:], n=200) < 0.05


def test_reweighted_reads_the_reference_mix() -> None:
    early = fold("e1", [("sim0.5", 10, 0, 0, 0), ("lowsim", 2, 2, 1, 7)])
    late = fold("l1", [("lowsim", 3, 3, 1, 9)])
    p, r = sfg.reweighted(early + late, ["e1"], ["l1"])
    assert r == pytest.approx(0.5)  # early's lowsim recall on late's six same pairs
    tp, fp = 3.0, 10 * (1 / 8)  # late's 10 different lowsim pairs at early's false-join rate
    assert p == pytest.approx(tp / (tp + fp))
    pooled = sfg.pr(sfg.totals(sfg.cells(early, ["e1"])))
    assert pooled[1] == pytest.approx(12 / 14)  # the pooled figure is the higher one


def test_fold_table_sets_fresh_beside_cv() -> None:
    outs = fold("holdout28", [("sim0.25", 9, 7, 1, 47)])
    rows = sfg.fold_table(outs, ["holdout28"])
    assert rows[2].startswith("| holdout28 | 64 | 16 | 0.900 / 0.562 | 9/1/7 |")
    assert rows[2].endswith("| 0.900 / 0.562 | 9/1/7 | +0 |")


def test_fresh_table_beside_the_pooled_figure() -> None:
    strata = {("holdout2", frozenset((f"e{n}", f"f{n}"))): "sim0.5" for n in range(4)}
    strata |= {(f, frozenset((f"{f}a{n}", f"{f}b{n}"))): "lowsim"
               for f in ("holdout2", "holdout19") for n in range(4)}
    lines = [f"pair use holdout2 0.65/0.40/0.50 e{n} f{n} gold=1 stored=1" for n in range(4)]
    lines += [f"pair use holdout2 0.65/0.40/0.50 holdout2a{n} holdout2b{n} gold=1 stored={int(n < 2)}"
              for n in range(4)]
    lines += [f"pair use holdout19 0.65/0.40/0.50 holdout19a{n} holdout19b{n} gold=1 stored={int(n < 1)}"
              for n in range(4)]
    rows = sfg.fresh_table(lines, strata)
    # pooled 7/12; holdout16 on: 1/4; lowsim's pooled 3/8 on holdout19's four same lowsim pairs
    assert rows[2] == "| use | 0.65/0.40/0.50 | 2 | 1.000 / 0.583 | 1.000 / 0.250 (1) | 1.000 / 0.375 |"


def test_story_curve_summary_prints_the_fresh_reading(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import story_curve
    log = tmp_path / "base.log"
    log.write_text("result use holdout19 0.65/0.40/0.50 1 0 1\n"
                   "pair use holdout19 0.65/0.40/0.50 X1 Y1 gold=1 stored=1\n"
                   "pair use holdout19 0.65/0.40/0.50 X2 Y2 gold=1 stored=0\n", encoding="utf-8")
    story_curve.main(["--summary", str(log)])
    out = capsys.readouterr().out
    assert "re-weighted to the draw from holdout19" in out
    assert "| use | 0.65/0.40/0.50 | 1 | 1.000 / 0.500 | 1.000 / 0.500 (1) | 1.000 / 0.500 |" in out
