"""Brief S36: the labelled pairs under the meaning floor, and what a USE floor rule would reach.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_outband.py --reuse-fits BASE.log... \
        --save held.jsonl > /dev/null
    .venv/bin/python benchmarks/story_use_floor.py --held held.jsonl --logs BASE.log...

The story step never asks the USE pair model about a pair whose whole-text cosine lies under
story_model.LOW_SIM_FLOOR (0.20): find_match skips the candidate and `_cohesion` counts such a
member 0.0. The rule screened here (stories.USE_FLOOR / USE_FLOOR_DECISION, off) lets the pair
model alone decide such a pair from a lower cosine F, at a stricter decision D.

Two tables, held out (each fold's word weights and USE pair model fitted without it:
story_outband.py --save, with the (l2, K) of the baseline run's `result use` lines):

- every labelled pair under the floor, pairwise: same / different by cosine, their USE pair
  probability and USE cosine, and how many each rule `F@D` (pair model) or `F@cosC` (USE cosine)
  would pass;
- the first-order screen: of the pairs the baseline run stored apart (its `pair` lines), those the
  step could reach (the later report's candidate: inside the 48 h window, a heavy term shared,
  within MAX_CANDIDATES: story_a0.gate) under the floor; a rule passing S same of them and W
  different ones finds at most S pairs and makes at most W wrong joins directly (the vote and
  the chains may add or undo more: only the stored CV tells).

Ids and numbers only; `--list` prints each reachable pair under the floor. `--cost` (no --held):
how many more candidates per article each USE_FLOOR would judge, model-free (see `cost`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from digests import story_model  # noqa: E402

PAIR = re.compile(r"^pair use (\S+) (\S+) (\S+) (\S+) gold=(\d) stored=(\d)")
FLOORS = (0.10, 0.125, 0.15, 0.175)
DECISIONS = (0.65, 0.75, 0.80, 0.85, 0.90, 0.95)
COSINES = (0.80, 0.85, 0.90)


def rules() -> list[tuple[str, float, str, float]]:
    """(name, floor, kind, threshold): the pair model's probability or the USE cosine."""
    out = [(f"{f:.3f}@{d:.2f}", f, "use", d) for f in FLOORS for d in DECISIONS]
    out += [(f"{f:.3f}@cos{c:.2f}", f, "cosine", c) for f in FLOORS for c in COSINES]
    return out


def passes(h: dict[str, Any], floor: float, kind: str, threshold: float) -> bool:
    """Whether the rule joins this pair under the meaning floor (held-out numbers)."""
    return floor <= h["sim"] < story_model.LOW_SIM_FLOOR and h[kind] >= threshold


def quartiles(values: Sequence[float]) -> str:
    return (str(np.percentile(np.array(values), [25, 50, 75]).round(3).tolist()) if values
            else "-")


def describe(held: Sequence[dict[str, Any]]) -> list[str]:
    """Every labelled pair under the floor, by cosine bin and label."""
    out = []
    under = [h for h in held if h["sim"] < story_model.LOW_SIM_FLOOR]
    out.append(f"{len(held)} held-out pairs ({sum(h['same'] for h in held)} same); under the"
               f" {story_model.LOW_SIM_FLOOR:.2f} floor {len(under)}"
               f" ({sum(h['same'] for h in under)} same)")
    bins = ((0.0, 0.10), (0.10, 0.15), (0.15, 0.20))
    for low, high in bins:
        for same in (True, False):
            group = [h for h in under if low <= h["sim"] < high and h["same"] == same]
            out.append(f"  cosine {low:.2f}-{high:.2f} {'same' if same else 'diff'}"
                       f" {len(group):>4}: USE p quartiles {quartiles([h['use'] for h in group])},"
                       f" USE cosine quartiles {quartiles([h['cosine'] for h in group])},"
                       f" p>=0.65 {sum(h['use'] >= 0.65 for h in group)},"
                       f" p>=0.90 {sum(h['use'] >= 0.90 for h in group)}")
    return out


def table(held: Sequence[dict[str, Any]], title: str) -> list[str]:
    out = [title]
    for name, floor, kind, threshold in rules():
        hit = [h for h in held if passes(h, floor, kind, threshold)]
        same = sum(h["same"] for h in hit)
        out.append(f"  {name:<14} same {same:>3}  different {len(hit) - same:>3}"
                   f"  net {2 * same - len(hit):+d}")
    return out


def stored_apart(lines: Sequence[str]) -> dict[tuple[str, str, str], bool]:
    """(fold, a, b) -> gold same, of the labelled pairs the run stored in different stories."""
    out = {}
    for line in lines:
        m = PAIR.match(line)
        if m and m.group(6) == "0":
            out[m.group(1), m.group(3), m.group(4)] = m.group(5) == "1"
    return out


def cost(docs: Sequence[dict[str, Any]]) -> list[str]:
    """What the rule adds to the story step, model-free: each article's candidates as find_match
    fetches them (the earlier reports of its 48 h window sharing a heavy term, MAX_CANDIDATES
    most shared; the story span's filter left out), by whole-text cosine. A candidate past the
    floor pays for its lead (compare_leads) and a pair judgement; one between USE_FLOOR and the
    meaning floor would, under the rule, pay for both and for the pair model (two USE vectors)."""
    from collections import Counter

    import story_a0

    from digests import stories
    from digests.similarity import WINDOW, similarity

    replay = story_a0.Replay(docs)
    post, by_term = replay.postings()
    floors = [0.0, *FLOORS, story_model.LOW_SIM_FLOOR]
    tally: Counter[float] = Counter()
    articles = 0
    for later in range(len(docs)):
        if not post[later]:
            continue
        articles += 1
        when = replay.when[later]
        shared: Counter[int] = Counter()
        for t in post[later]:
            for n in by_term.get(t, ()):
                if n < later and abs(replay.when[n] - when) <= WINDOW:
                    shared[n] += 1
        fetched = sorted(shared, key=lambda n: (-shared[n], n))[:stories.MAX_CANDIDATES]
        vector = replay.vector(later)
        for n in fetched:
            sim = similarity(vector, replay.vector(n))
            tally[max(f for f in floors if sim >= f)] += 1
    total = sum(tally.values())
    past = tally[story_model.LOW_SIM_FLOOR]
    out = [f"{articles} articles with postings, {total} candidates fetched ({total / articles:.2f}"
           f" an article); past the 0.20 floor (judged today) {past} ({past / articles:.2f})"]
    for f in FLOORS:
        extra = sum(v for k, v in tally.items() if f <= k < story_model.LOW_SIM_FLOOR)
        out.append(f"  USE_FLOOR {f:.3f}: {extra} more judged ({extra / articles:.2f} an article,"
                   f" +{100 * extra / max(past, 1):.0f}% pair judgements)")
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", type=Path, help="story_outband.py --save")
    parser.add_argument("--logs", nargs="*", type=Path, default=[],
                        help="the baseline run's logs (story_curve.py `pair` lines)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--cost", action="store_true",
                        help="only the candidates each USE_FLOOR would add (model-free)")
    args = parser.parse_args(argv)
    if args.cost:
        import stories as bench

        print("\n".join(cost(bench.load(bench.CORPUS))))
        return
    if args.held is None:
        parser.error("--held is required (but with --cost)")
    held = [json.loads(x) for x in args.held.read_text().splitlines()]
    print("\n".join(describe(held)))
    print("\n".join(table(held, "every labelled pair under the floor, pairwise: rule F@D")))
    if not args.logs:
        return
    apart = stored_apart([x for p in args.logs for x in p.read_text().splitlines()])
    import stories as bench
    import story_a0

    replay = story_a0.Replay(bench.load(bench.CORPUS))
    reach = []
    for h in held:
        key = (h["fold"], h["a"], h["b"])
        if key not in apart or h["sim"] >= story_model.LOW_SIM_FLOOR:
            continue
        g = story_a0.gate(replay, h["a"], h["b"], None)
        if g.cause == "floor":
            reach.append(h)
            if args.list:
                print(f"reach {'same' if h['same'] else 'diff'} {h['fold']} {h['a']} {h['b']}"
                      f" sim={h['sim']:.3f} words={h['words']:.3f} use={h['use']:.3f}"
                      f" cos={h['cosine']:.3f} hours={g.hours:.1f} rank={g.rank}")
    print(f"stored apart by the run: {len(apart)} ({sum(apart.values())} same); of them under the"
          f" floor and a candidate: {len(reach)} ({sum(h['same'] for h in reach)} same)")
    print("\n".join(table(reach, "first-order screen (stored apart, reachable): rule F@D")))


if __name__ == "__main__":
    main()
