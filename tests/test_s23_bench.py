"""Brief S23's benchmark helpers: how story_choice_misses classes a `chain` line (story_trace's
format) and how story_choice_screen counts stories and story-mates."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import story_choice_misses as scm  # noqa: E402
import story_choice_screen as scs  # noqa: E402

LINES = [
    "chain use f1 0.65/0.40/0.50 A B gold=1 stored=0 p=- d=- vote=- joined=new",
    "chain use f1 0.65/0.40/0.50 C D gold=1 stored=0 p=0.300 d=0 vote=- joined=other"
    " other_fit=0.9 other_n=1",
    "chain use f1 0.65/0.40/0.50 E F gold=1 stored=0 p=0.900 d=1 vote=refused n=3"
    " probs=[0.90* 0.10] joined=new",
    "chain use f1 0.65/0.40/0.50 G H gold=1 stored=0 p=0.200 d=0 vote=refused n=3"
    " probs=[0.80 0.20*] joined=new",
    "chain use f1 0.65/0.40/0.50 I J gold=1 stored=0 p=0.950 d=1 vote=0.500 n=2"
    " probs=[0.95*] joined=other other_fit=0.990 other_n=1",
    "chain use f1 0.65/0.40/0.50 K L gold=1 stored=1 p=0.950 d=1 vote=0.950 n=1"
    " probs=[0.95*] joined=same",
    "chain use f1 0.65/0.40/0.50 M N gold=0 stored=0 p=0.100 d=0 vote=- joined=new",
]


def test_each_miss_is_classed_by_what_the_later_report_saw() -> None:
    found = scm.misses(LINES)
    assert [(m.first, m.kind) for m in found] == [
        ("A", "a0"), ("C", "a1"), ("E", "c+"), ("G", "c"), ("I", "b")]
    assert [m.first for m in scm.misses(LINES, "0")] == ["M"]  # --different


def test_story_facts_count_the_reports_before_the_later_one() -> None:
    order = {"x": 0, "y": 1, "a": 2, "z": 3, "b": 4}
    story_of = {"x": 1, "y": 1, "a": 1, "z": 7, "b": 7}
    # a's story holds x, y, a before b; b joined z's newer story of one report
    assert scm.story_facts(story_of, order, "a", "b") == (3, 1, True)


def test_screen_counts_stories_and_mates() -> None:
    base = {"a": 1, "b": 1, "c": 2, "d": 3}
    other = {"a": 1, "b": 1, "c": 1, "d": 3}
    assert scs.several(base) == 1 and scs.several(other) == 1
    before, after = scs.mates(base), scs.mates(other)
    assert sum(before[k] != after[k] for k in base) == 3  # a, b and c change mates; d does not
