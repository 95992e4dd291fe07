"""Brief S23 step 1: how each same pair the stored stories keep apart ended apart.

Reads story_curve.py's `--trace` logs (`chain` lines, story_trace.Tracer.line) and, with
`--dump`, the stories of every article (story_curve.py --dump). For each labelled same pair
stored apart, the later report's assignment is classed:

  a0  never compared: the earlier report was not a candidate of the later one (no heavy term
      shared, below the cosine floor, or its story spans past the window), and its story was not
      weighed through another member;
  a1  pair refused: compared, the pair decision refused it, and its story was not weighed;
  c   vote refused: the earlier report's story was weighed as a whole (`_cohesion`) and refused
      (c+ when the pair itself passed: the story outvoted it);
  b   chose another: the story was weighed and fitted, but the later report joined another story
      it fitted better (by fit + LEAD_FIT x lead); split by that story's size and age at the time;
  n   the story fitted but the report opened a new story (cannot happen in the step; listed to
      see a parser error).

Ids and numbers only. Usage:
    .venv/bin/python benchmarks/story_choice_misses.py --logs LOG... --dump DIR [--list]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

CHAIN = re.compile(r"^chain (\S+) (\S+) (\S+) (\S+) (\S+) gold=(\d) stored=(\d) (.*)$")


@dataclass(frozen=True)
class Miss:
    """One same pair stored apart, as the later report's assignment saw it."""

    fold: str
    first: str
    second: str
    kind: str
    detail: str


def classify(rest: str) -> tuple[str, str]:
    """(class, detail) of a `chain` line's tail (story_trace.Tracer.line)."""
    own = re.search(r"p=(\S+) d=(\S+)", rest)
    passed = bool(own and own.group(2) == "1")
    vote = re.search(r"vote=(\S+)", rest)
    joined = re.search(r"joined=(\S+)", rest)
    v = vote.group(1) if vote else "-"
    j = joined.group(1) if joined else "?"
    if v == "-":
        return ("a1" if own and own.group(1) != "-" else "a0"), j
    if v == "refused":
        return ("c+" if passed else "c"), j
    return ("b" if j == "other" else "n"), j


def misses(lines: list[str], gold: str = "1") -> list[Miss]:
    """The labelled pairs (same: gold "1"; different: "0") the stored stories keep apart."""
    out = []
    for line in lines:
        m = CHAIN.match(line)
        if not m or m.group(6) != gold or m.group(7) != "0":
            continue
        kind, detail = classify(m.group(8))
        out.append(Miss(m.group(2), m.group(4), m.group(5), kind, m.group(8)))
    return out


def story_facts(story_of: dict[str, int], order: dict[str, int], first: str, second: str
                ) -> tuple[int, int, bool]:
    """(size of the earlier report's story, size of the story the later one joined, the joined
    story is newer), counting the reports assigned before the later report."""
    earlier, later = sorted((first, second), key=order.__getitem__)
    cut = order[later]
    target, joined = story_of[earlier], story_of[later]
    size = Counter(s for a, s in story_of.items() if order[a] < cut)
    return size[target], size[joined], joined > target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", nargs="+", type=Path, required=True)
    parser.add_argument("--dump", type=Path, help="story_curve.py --dump DIR of the same run")
    parser.add_argument("--list", action="store_true", help="one line per miss")
    parser.add_argument("--different", action="store_true",
                        help="the different pairs kept apart instead (the rules' mirror)")
    args = parser.parse_args(argv)
    found = misses([x for p in args.logs for x in p.read_text().splitlines()],
                   "0" if args.different else "1")
    order: dict[str, int] = {}
    if args.dump:
        import stories as bench
        order = {d["id"]: n for n, d in enumerate(bench.load(bench.CORPUS))}
    kinds = Counter(m.kind for m in found)
    print(f"{'different' if args.different else 'same'} pairs stored apart: {len(found)}")
    for kind in ("a0", "a1", "c", "c+", "b", "n"):
        print(f"  {kind:3} {kinds[kind]}")
    bigger = newer = 0
    for m in found:
        extra = ""
        if m.kind == "b" and args.dump:
            dump = next(args.dump.glob(f"*_{m.fold}_*.json"))
            story_of = json.loads(dump.read_text())
            mine, theirs, new = story_facts(story_of, order, m.first, m.second)
            bigger += theirs > mine
            newer += new
            extra = f" sizes {mine}->{theirs} {'newer' if new else 'older'}"
        if args.list:
            print(f"{m.kind:3} {m.fold} {m.first} {m.second} {m.detail}{extra}")
    if kinds["b"] and args.dump:
        print(f"  b: the story joined was bigger {bigger}, newer {newer} (of {kinds['b']})")


if __name__ == "__main__":
    main()
