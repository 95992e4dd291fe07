"""Brief S25 step 2: why the labelled pairs of class a0 were never compared.

Class a0 (benchmarks/story_choice_misses.py): the later report of a labelled pair never judged the
earlier one (`p=- d=-` in story_curve.py's `chain` line) and never weighed its story. The step's
candidate path (digests.stories.find_match) has these gates, in order; the first one a pair fails
is its cause:

  short     the later report has fewer than MIN_TERMS terms (no candidates at all);
  window    the two reports lie more than WINDOW (48 h) apart;
  unposted  the earlier report has fewer than MIN_TERMS terms (it wrote no postings);
  nokey     no heavy term shared: the later report's POSTING_TERMS heaviest terms and the earlier
            one's postings do not meet (candidate_sql finds it never);
  cap       it shares heavy terms, but MAX_CANDIDATES (64) other window reports share more (or as
            many with a smaller id): cut by the limit;
  span      its story, as it stood when the later report arrived, spans past the later report's
            window (find_match kept only stories whose first and last reports lie within ±48 h:
            the gate of S25's baseline run; since fe05c9c it reaches stories.STORY_SPAN_HOURS,
            72 h, and this replay still names the 48 h gate, so read it for runs at +span48);
  floor     the whole-text cosine lies under the meaning path's floor (LOW_SIM_FLOOR 0.20):
            skipped before any judge;
  ?         none of these (a parser or replay error).

Everything is recomputed from the corpus (the story vectors use a frozen word table, so they do
not depend on the run) and, for `span`, from the run's dump (story_curve.py --dump: every article's
story; stories are never merged in those runs, so a story's reports assigned before the later one
are the story it saw). Ids and numbers only. Usage:

    .venv/bin/python benchmarks/story_a0.py --logs LOG... --dump DIR [--list] [--all]

`--all` classes every labelled pair (compared or not) by the same gates: how many same and
different pairs each gate holds back, whatever the run did with them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import story_choice_misses as scm  # noqa: E402

from digests import stories, story_model  # noqa: E402
from digests.similarity import WINDOW, StoryVector, similarity, story_vector  # noqa: E402

GATES = ("short", "window", "unposted", "nokey", "cap", "span", "floor", "?")


@dataclass(frozen=True)
class Pair:
    """One labelled pair as a chain line gave it."""

    fold: str
    a: str
    b: str
    same: bool
    compared: bool  # the later report judged the earlier one (p given) or weighed its story


@dataclass(frozen=True)
class Gate:
    """Where the candidate path stopped a pair, with the numbers that decided it."""

    cause: str
    hours: float
    shared: int      # heavy terms shared
    rank: int        # 0-based place among the window candidates (-1: not a candidate)
    sim: float       # whole-text cosine
    span: str        # the earlier story's reports before the later one: count and hours span


class Replay:
    """The corpus in the step's order with each report's vector and postings (model-free)."""

    def __init__(self, docs: Sequence[dict[str, Any]]) -> None:
        self.order = {d["id"]: n for n, d in enumerate(docs)}
        self.when: list[datetime] = [d["when"] for d in docs]
        self.ids = [d["id"] for d in docs]
        self._docs = docs
        self._vectors: dict[int, StoryVector] = {}
        self._post: dict[int, set[int]] | None = None  # article -> its posted terms
        self._by_term: dict[int, list[int]] | None = None

    def vector(self, n: int) -> StoryVector:
        if n not in self._vectors:
            d = self._docs[n]
            self._vectors[n] = story_vector(d["title"] or "", d["text"])
        return self._vectors[n]

    def postings(self) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
        """article -> its heavy terms (none under MIN_TERMS), term -> articles (in order)."""
        if self._post is None or self._by_term is None:
            post: dict[int, set[int]] = {}
            by_term: dict[int, list[int]] = defaultdict(list)
            for n in range(len(self._docs)):
                v = self.vector(n)
                terms = set(v.heaviest()) if len(v) >= stories.MIN_TERMS else set()
                post[n] = terms
                for t in terms:
                    by_term[t].append(n)
            self._post, self._by_term = post, by_term
        return self._post, self._by_term

    def rank(self, later: int, earlier: int) -> tuple[int, int]:
        """(heavy terms shared, place of `earlier` among `later`'s window candidates: the
        candidate_sql order, most shared first then smaller id; -1 when it shares none)."""
        post, by_term = self.postings()
        when = self.when[later]
        shared: Counter[int] = Counter()
        for t in self.vector(later).heaviest():
            for n in by_term.get(t, ()):
                if n < later and abs(self.when[n] - when) <= WINDOW:
                    shared[n] += 1
        mine = shared.get(earlier, 0)
        if not mine:
            return len(post[earlier] & set(self.vector(later).heaviest())), -1
        ahead = sum(1 for n, c in shared.items() if c > mine or (c == mine and n < earlier))
        return mine, ahead


def gate(replay: Replay, a: str, b: str, story_of: dict[str, int] | None) -> Gate:
    """The first gate of find_match the pair (a, b) fails, for the later report's assignment."""
    earlier, later = sorted((replay.order[a], replay.order[b]))
    hours = abs((replay.when[later] - replay.when[earlier]).total_seconds()) / 3600
    v_late, v_early = replay.vector(later), replay.vector(earlier)
    sim = similarity(v_late, v_early)
    shared, rank = replay.rank(later, earlier)
    span = "-"
    cause = "?"
    if story_of is not None:
        target = story_of[replay.ids[earlier]]
        members = [n for n in range(later) if story_of[replay.ids[n]] == target]
        first, last = replay.when[members[0]], replay.when[members[-1]]
        span = f"{len(members)}r {((last - first).total_seconds() / 3600):.0f}h"
        off = (first < replay.when[later] - WINDOW or last > replay.when[later] + WINDOW)
    else:
        off = False
    if len(v_late) < stories.MIN_TERMS:
        cause = "short"
    elif hours > WINDOW.total_seconds() / 3600:
        cause = "window"
    elif len(v_early) < stories.MIN_TERMS:
        cause = "unposted"
    elif rank < 0:
        cause = "nokey"
    elif rank >= stories.MAX_CANDIDATES:
        cause = "cap"
    elif off:
        cause = "span"
    elif sim < story_model.LOW_SIM_FLOOR:
        cause = "floor"
    return Gate(cause, hours, shared, rank, sim, span)


def chain_pairs(lines: Iterable[str]) -> list[Pair]:
    """Every `chain` line's pair; `compared` false for class a0 (never judged, story unweighed)."""
    out = []
    for line in lines:
        m = scm.CHAIN.match(line)
        if not m:
            continue
        kind, _ = scm.classify(m.group(8))
        out.append(Pair(m.group(2), m.group(4), m.group(5), m.group(6) == "1", kind != "a0"))
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", nargs="+", type=Path, required=True)
    parser.add_argument("--dump", type=Path, help="story_curve.py --dump DIR of the same run")
    parser.add_argument("--list", action="store_true", help="one line per a0 pair")
    parser.add_argument("--all", action="store_true",
                        help="also the gates of every labelled pair, compared or not")
    parser.add_argument("--held", type=Path, metavar="JSONL",
                        help="story_outband.py --save's held-out pairs: screen the rules that"
                             " would reach the a0 pairs (the USE floor rule, the span gate)")
    args = parser.parse_args(argv)
    import stories as bench

    pairs = chain_pairs(x for p in args.logs for x in p.read_text().splitlines())
    replay = Replay(bench.load(bench.CORPUS))
    dumps: dict[str, dict[str, int]] = {}

    def story_of(fold: str) -> dict[str, int] | None:
        if args.dump is None:
            return None
        if fold not in dumps:
            dumps[fold] = json.loads(next(args.dump.glob(f"*_{fold}_*.json")).read_text())
        return dumps[fold]

    tally: dict[tuple[bool, bool], Counter[str]] = defaultdict(Counter)
    gated: list[tuple[Pair, Gate]] = []
    # stored apart by the run: a0 misses (same) and never-compared different pairs
    for p in pairs:
        if p.compared and not args.all:
            continue
        g = gate(replay, p.a, p.b, story_of(p.fold))
        tally[p.same, p.compared][g.cause] += 1
        gated.append((p, g))
        if args.list and not p.compared:
            print(f"{'same' if p.same else 'diff'} {p.fold} {p.a} {p.b} cause={g.cause}"
                  f" hours={g.hours:.1f} shared={g.shared} rank={g.rank} sim={g.sim:.3f}"
                  f" story={g.span}")
    for (same, compared), counts in sorted(tally.items()):
        label = f"{'same' if same else 'different'} {'compared' if compared else 'a0'}"
        print(f"{label:<20} {sum(counts.values()):>5}  "
              + "  ".join(f"{g} {counts[g]}" for g in GATES if counts[g]))
    if args.held is not None:
        held = {(h["fold"], h["a"], h["b"]): h for h in map(
            json.loads, args.held.read_text().splitlines())}
        for line in screen([(p, g) for p, g in gated if not p.compared], held):
            print(line)


FLOORS = (0.10, 0.12, 0.15, 0.17)
DECISIONS = (0.65, 0.70, 0.75, 0.80, 0.85, 0.90)


def screen(gated: Sequence[tuple[Pair, Gate]], held: dict[tuple[str, str, str], dict[str, Any]]
           ) -> list[str]:
    """Pairwise, held out: how many a0 same / different pairs each rule would let pass its pair
    decision (the direct effect; the stored stories may differ through the vote and chaining).

    floor F@D: the pairs stopped only by the cosine floor (cause `floor`) with cosine >= F and the
    held-out USE pair model's probability >= D (session 19's USE floor rule, never shipped; its
    code left digests.stories in session 20);
    span: the pairs stopped by the story's span that the shipped pair decision would pass."""
    import story_outband

    def row(p: Pair) -> dict[str, Any] | None:
        return held.get((p.fold, p.a, p.b)) or held.get((p.fold, p.b, p.a))

    out = ["screen (held out, pairwise, a0 pairs only): rule  same passed / different passed"]
    floor = [(p, row(p)) for p, g in gated if g.cause == "floor"]
    for f in FLOORS:
        for d in DECISIONS:
            hit = [p for p, h in floor if h and h["sim"] >= f and h["use"] >= d]
            out.append(f"  floor {f:.2f}@{d:.2f}  {sum(p.same for p in hit)} /"
                       f" {sum(not p.same for p in hit)}")
    span = [(p, row(p)) for p, g in gated if g.cause == "span"]
    hit = [p for p, h in span if h and story_outband.shipped(story_outband.Held(**h))]
    out.append(f"  span (shipped pair decision)  {sum(p.same for p in hit)} /"
               f" {sum(not p.same for p in hit)}  of {sum(p.same for p, _ in span)} /"
               f" {sum(not p.same for p, _ in span)}")
    missing = sum(h is None for _, h in floor + span)
    if missing:
        out.append(f"  ({missing} pairs without a held-out row)")
    return out


if __name__ == "__main__":
    main()
