"""Brief S25: benchmarks/story_a0.py names the gate of the story step's candidate path a labelled
pair never got past (invented Arabic reports; the real story vectors and word table)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import story_a0  # noqa: E402

T0 = datetime(2018, 3, 14, 8, tzinfo=timezone.utc)
FLOOD = ("فيضانات غزيرة تضرب مدينة الموصل وتغرق مئات المنازل وتجبر الأسر على النزوح"
         " والدفاع المدني ينقذ العالقين في الأحياء الشرقية ومحافظ نينوى يعلن حالة الطوارئ")
MATCH = ("فريق الرجاء البيضاوي يفوز على الوداد بثلاثة أهداف في مباراة الديربي بملعب"
         " محمد الخامس والمدرب يشيد باللاعبين بعد التتويج ببطولة الدوري المغربي للمحترفين")


def doc(key: str, hours: float, title: str, text: str) -> dict[str, object]:
    return {"id": key, "when": T0 + timedelta(hours=hours), "title": title, "text": text}


DOCS = [
    doc("old", -40, "فيضانات الموصل", FLOOD),      # opens the flood story 40 h before "a"
    doc("a", 0, "فيضانات في الموصل", FLOOD),
    doc("b", 10, "الموصل تغرق", FLOOD + " وفرق الإغاثة تصل"),
    doc("c", 6, "الرجاء يفوز", MATCH),
    doc("d", 61, "الموصل بعد الفيضانات", FLOOD),
    doc("e", 3, "عاجل", "خبر قصير"),
]
DOCS.sort(key=lambda d: d["when"])  # type: ignore[arg-type, return-value]


def test_each_gate_of_the_candidate_path() -> None:
    replay = story_a0.Replay(DOCS)
    close = story_a0.gate(replay, "a", "b", None)
    assert close.cause == "?" and close.rank == 0 and close.sim > 0.5  # a candidate: compared
    assert story_a0.gate(replay, "a", "d", None).cause == "window"      # 61 h apart
    assert story_a0.gate(replay, "a", "c", None).cause == "nokey"       # no heavy term shared
    assert story_a0.gate(replay, "a", "e", None).cause == "short"       # the later: a bare line
    # "a" sits in a story opened 40 h before it: for "b" (10 h later) the story spans past the
    # window's start (b − 48 h), so find_match never looks at it
    spanned = story_a0.gate(replay, "a", "b", {"old": 1, "a": 1, "c": 2, "e": 3, "b": 4, "d": 5})
    assert spanned.cause == "span" and spanned.span == "2r 40h"
    # the order of the pair given does not matter: the later report is the one assigned second
    assert story_a0.gate(replay, "b", "a", None) == close


def test_chain_lines_mark_the_pairs_never_compared() -> None:
    lines = ["chain use f1 0.65/0.40/0.50 A B gold=1 stored=0 p=- d=- vote=- joined=new",
             "chain use f1 0.65/0.40/0.50 C D gold=0 stored=0 p=0.1 d=0 vote=- joined=new",
             "chain use f1 0.65/0.40/0.50 E F gold=0 stored=0 p=- d=- vote=refused n=2"
             " probs=[0.30 0.10] joined=new",
             "result use f1 0.65/0.40/0.50 1 0 1  1.000/0.500"]
    pairs = story_a0.chain_pairs(lines)
    assert [(p.a, p.same, p.compared) for p in pairs] == [
        ("A", True, False), ("C", False, True), ("E", False, True)]


def test_story_span_counts_stories_and_mates() -> None:
    import story_span

    before = {"a": 1, "b": 1, "c": 2, "d": 3}
    after = {"a": 1, "b": 1, "c": 1, "d": 3}
    when = {"a": 0.0, "b": 10.0, "c": 60.0, "d": 5.0}
    assert story_span.describe(before, when) == (
        "3 stories, 1 of several reports holding 2 articles; largest 2; 0 spanning more than 48 h")
    assert story_span.describe(after, when).endswith("largest 3; 1 spanning more than 48 h")
    assert story_span.changed_mates(before, after) == 3  # a, b and c; d keeps its story alone
