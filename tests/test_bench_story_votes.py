"""Brief S19's tooling on invented data: the story step watched (benchmarks/story_trace.py) writes
lines benchmarks/story_votes.py reads back, its replay of the shipped vote is the step's own vote,
a stricter vote takes a chained join apart and a looser one joins an outvoted pair, and
story_curve's settings name JOIN_DECISION only when it is not the shipped one."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from benchkit import load_benchmark

from digests import stories


@pytest.fixture(scope="module")
def sv() -> ModuleType:
    return load_benchmark("story_votes", "bench_story_votes")


@pytest.fixture(scope="module")
def st() -> ModuleType:
    return load_benchmark("story_trace", "bench_story_trace")


@pytest.fixture(scope="module")
def sc() -> ModuleType:
    return load_benchmark("story_curve", "bench_story_curve_votes")


def _line(st: ModuleType, gold: int, earlier: int, later: int, story_of: dict[int, int],
          cand: dict[tuple[int, int], tuple[float, bool]],
          votes: dict[tuple[int, int], tuple[float | None, int, list[tuple[int, float]]]]) -> str:
    tracer = st.Tracer({later}, cand=cand, votes=votes)
    stored = int(story_of[earlier] == story_of[later])
    return (f"chain use fold1 0.65/0.40/0.50 A{earlier} B{later} gold={gold} stored={stored} "
            + tracer.line(earlier, later, story_of))


def test_a_traced_chained_join_reads_back_and_a_stricter_vote_takes_it_apart(
        st: ModuleType, sv: ModuleType) -> None:
    # Report 3 joins story 10 (reports 1 and 2) through report 2; its own pair with 1 says no.
    story_of = {1: 10, 2: 10, 3: 10}
    line = _line(st, 0, 1, 3, story_of, {(3, 1): (0.23, False), (3, 2): (0.97, True)},
                 {(3, 10): (0.60, 2, [(1, 0.23), (2, 0.97)])})
    chain = sv.parse(line)
    assert chain is not None
    assert (chain.p, chain.decided, chain.fit, chain.n, chain.own) == (0.23, False, 0.6, 2, 0.23)
    assert chain.probs == (0.97, 0.23) and chain.joined == "same" and chain.stored
    assert sv.shipped()(chain.probs)  # the step's vote let it in
    assert sv.replay([chain], sv.shipped()) == (0, 1, 0)
    assert sv.replay([chain], sv.shipped(share=0.6)) == (0, 0, 0)  # both members must pass
    assert "wrong join by chaining" in sv.anatomy([chain])[0]


def test_an_outvoted_same_pair_joins_under_a_looser_vote(st: ModuleType, sv: ModuleType) -> None:
    # Report 5 pairs well with report 1, but story 10's three other reports outvote it: new story.
    story_of = {1: 10, 2: 10, 3: 10, 4: 10, 5: 5}
    line = _line(st, 1, 1, 5, story_of, {(5, 1): (0.99, True)},
                 {(5, 10): (None, 4, [(1, 0.99), (2, 0.19), (3, 0.08)])})
    chain = sv.parse(line)
    assert chain is not None and chain.fit is None and chain.voted and chain.joined == "new"
    assert chain.probs == (0.99, 0.19, 0.08, 0.0)  # the member below the floor counts 0
    assert not sv.shipped()(chain.probs)
    assert sv.replay([chain], sv.shipped()) == (0, 0, 1)
    assert sv.replay([chain], sv.strong(sv.shipped(), 0.98)) == (1, 0, 0)


def test_the_replayed_vote_is_the_steps_constants(sv: ModuleType) -> None:
    """shipped() with no arguments is digests.stories' JOIN_MEAN / JOIN_SHARE / JOIN_DECISION."""
    rule = sv.shipped()
    at, mean = stories.JOIN_DECISION, stories.JOIN_MEAN
    assert rule([at, 2 * mean - at])  # half pass, mean exactly JOIN_MEAN
    assert not rule([at - 0.01, 2 * mean - at + 0.01 - 0.02])
    assert not rule([0.9, 0.0, 0.0])  # one of three passes: under JOIN_SHARE
    assert rule([0.3])  # one report: the pair decision alone


def test_a_setting_names_join_decision_only_when_changed(sc: ModuleType) -> None:
    assert sc.parse_setting("0.65").name == "0.65/0.40/0.50"
    four = sc.parse_setting("0.65/0.45/0.6/0.5")
    assert (four.join_mean, four.join_share, four.join_decision) == (0.45, 0.6, 0.5)
    assert four.name == "0.65/0.45/0.60/0.50"
    assert sc.parse_setting(four.name) == four


def test_the_stories_benchmark_scores_another_use_decision(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    """`stories.py --use-decision D`: the step reads the shipped USE model at decision D (how
    the integrator scores the decision before a change), every other number unchanged."""
    import gzip
    import json
    from datetime import timedelta

    from digests import story_use
    from digests.models import iso
    from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0

    bench = load_benchmark("stories", "bench_stories_votes")
    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for n, (doc, hours) in enumerate(((QUAKE_A, 0), (QUAKE_B, 2), (FESTIVAL, 1))):
            fh.write(json.dumps({"id": f"d{n}", "url": f"https://s{n}.test/{n}", "source": f"s{n}",
                                 "title": doc[0], "text": doc[1],
                                 "published": iso(T0 + timedelta(hours=hours))},
                                ensure_ascii=False) + "\n")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"a": "d0", "b": "d1", "same": True, "set": "dev"}),
                     encoding="utf-8")
    shipped = story_use.pair_model()
    monkeypatch.setattr(story_use, "_model", shipped)  # restored afterwards
    monkeypatch.setattr(stories, "embedder_for", stories.embedder_for)
    monkeypatch.setattr(bench, "USE_VECTORS", tmp_path / "none.npz")
    bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--no-speed", "--words",
                "--use-decision", "0.99"])
    assert "recall 1.000" in capsys.readouterr().out
    changed = story_use.pair_model()
    assert changed.decision == 0.99 and shipped.decision != 0.99
    assert changed.bias == shipped.bias and (changed.prod == shipped.prod).all()


def test_a_trace_marks_the_own_site_members_and_the_vote_without_them_refuses(
        st: ModuleType, sv: ModuleType) -> None:
    """Brief S32: report 4 (site X) joins story 10 through report 2, its own site's earlier piece;
    the other sites' reports 1 and 3 refuse it. Without its own site the vote says no; a story of
    its own site only is voted as shipped."""
    story_of = {1: 10, 2: 10, 3: 10, 4: 10}
    tracer = st.Tracer({4}, cand={(4, 1): (0.30, False), (4, 2): (0.98, True)},
                       votes={(4, 10): (0.42, 4, [(1, 0.30), (2, 0.98), (3, 0.40)])},
                       sites={(4, 10): (frozenset({2, 5}), 2)})
    line = ("chain use fold1 0.65/0.40/0.50 A1 B4 gold=0 stored=1 "
            + tracer.line(1, 4, story_of))
    assert line.endswith(" own_site=[1 0 0] own_floor=1")  # 5: own site, under the cosine floor
    chain = sv.parse(line)
    assert chain is not None and chain.probs == (0.98, 0.4, 0.3, 0.0)
    assert chain.own_site == (True, False, False, True)
    assert sv.shipped()(chain.probs) and not sv.own_site_vote(chain)
    assert sv.replay_by([chain], sv.own_site_vote) == (0, 0, 0)  # the wrong join undone
    only_own = sv.Chain("fold1", "A", "B", True, True, 0.9, True, 0.9, True, 2, (0.9, 0.5), 0.9,
                        "same", None, (True, True))
    assert sv.own_site_vote(only_own)
    one_other = sv.Chain("fold1", "A", "B", True, True, 0.9, True, 0.6, True, 2, (0.9, 0.38), 0.38,
                         "same", None, (True, False))
    assert not sv.own_site_vote(one_other)  # the one other report must pass the vote itself
    untraced = sv.parse(line.split(" own_site=")[0])
    assert untraced is not None and untraced.own_site is None
    assert sv.own_site_vote(untraced) == sv.shipped()(untraced.probs)


def test_the_chain_guards_take_a_chained_join_apart(st: ModuleType, sv: ModuleType) -> None:
    guards = sv.guards()
    probs = (0.97, 0.34)  # one close member (the bridge), the pair itself under JOIN_DECISION
    assert sv.shipped()(probs)
    assert guards["floor 0.25, every size"](probs) and guards["two members at 0.20"](probs)
    assert not guards["two members at 0.35"](probs)
    assert guards["mean without the best member at 0.3"](probs)
    assert not guards["mean without the best member at 0.4"](probs)
    floored = (0.99, 0.45, 0.30, 0.0)  # the last member under the cosine floor
    assert sv.shipped()(floored)
    assert not guards["floor 0.05, every size"](floored)
    assert guards["floor 0.25, every size, cosine-floor members skipped"](floored)
    assert all(rule((0.3,)) for rule in guards.values())  # one report: the pair decision alone
    assert (sv.JOIN_MEAN, sv.JOIN_SHARE, sv.JOIN_DECISION) == (
        stories.JOIN_MEAN, stories.JOIN_SHARE, stories.JOIN_DECISION)


def test_the_trace_counts_only_the_members_the_vote_weighs(st: ModuleType) -> None:
    """Since the 72 h span (brief S25) a story's reports beyond the arriving report's 48 h window do
    not vote; the trace counted them, and a replay took them for votes of 0.0 (S32: 7 of 2,017
    pairs replayed against the run). `weighed` counts the window's; `own_site` names its site's."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("create table articles (id integer primary key, story_id int, source_id int,"
               " published_at text)")
    db.executemany("insert into articles values (?, ?, ?, ?)", [
        (1, 10, 7, "2018-03-01T00:00:00+00:00"),   # 60 h before report 4: beyond the window
        (2, 10, 8, "2018-03-03T10:00:00+00:00"),   # 2 h before
        (3, 10, 7, "2018-03-03T11:00:00+00:00"),   # 1 h before, report 4's own site
        (4, 10, 7, "2018-03-03T12:00:00+00:00"),
        (5, 11, 7, "2018-03-03T12:00:00+00:00")])  # another story
    assert stories.STORY_SPAN_HOURS > 48
    assert st.weighed(db, 10, 4) == 2
    assert st.own_site(db, 10, 4) == (frozenset({1, 3}), 1)


def test_a_trace_lists_the_choice_and_the_site_rule_replays_it(
        st: ModuleType, sv: ModuleType) -> None:
    """Brief S34: report 4 (site X) may join story 10 (the event told by other sites, report 1 the
    pair's earlier report) or story 12 (its own site's copy, 0.99): the run joined 12. The trace
    lists both as the choice weighed them; the shipped rule replays the run's pick, "site" picks 10
    and the same pair comes together."""
    from digests.story_choice import Option

    story_of = {1: 10, 2: 12, 4: 12}
    tracer = st.Tracer({4}, cand={(4, 1): (0.80, True), (4, 2): (0.99, True)},
                       votes={(4, 10): (0.80, 1, [(1, 0.80)]), (4, 12): (0.99, 1, [(2, 0.99)])},
                       options={4: [Option(10, 0.80, 0.41, 0.80, 0.80, 0.41),
                                    Option(12, 0.99, 1.0, 0.99, None, 0.0)]})
    line = ("chain use fold1 0.65/0.40/0.50 A1 B4 gold=1 stored=0 "
            + tracer.line(1, 4, story_of))
    assert line.endswith(" opts=[10:0.8000:0.4100:0.8000:0.4100T 12:0.9900:1.0000:-:0.0000J]")
    chain = sv.parse(line)
    assert chain is not None and (chain.target, chain.chosen) == (10, 12)
    assert chain.options is not None and chain.options[1].other_fit is None
    assert sv.replay_choice([chain], "fit") == ((0, 0, 1), 0)  # the run, exactly
    assert sv.replay_choice([chain], "site") == ((1, 0, 0), 0)
    assert sv.parse(line.split(" opts=")[0]).options is None  # type: ignore[union-attr]
