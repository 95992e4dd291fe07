"""Brief S36 step 3: the same pairs the pairwise decision finds and the stored stories lose, by cause.

    .venv/bin/python benchmarks/story_pairwise_lost.py --held held.jsonl --logs BASE.log... [--list]

`held.jsonl` is story_outband.py --save (each labelled pair decided by held-out models, pairwise,
as story_curve.use_judge decides it: story_outband.shipped); the logs are a story_curve.py
`--trace` run of the same fits (its `chain` lines). A same pair the pairwise decision joins and
the run stores apart is classed by how the later report's assignment went
(story_choice_misses.classify): a0 never compared (the earlier report no candidate, or its story
past the span), a1 the pair refused in the step (it passes pairwise: another probability in the
step, e.g. the story's time), c the story's vote refused it, c+ the vote refused a pair that
passed, b the report chose another story. The mirror: different pairs the pairwise decision
refuses and the run stores together (wrong joins made by chaining). Ids and numbers only.

This is the USE path's version of `stories.py --gaps` (which watches the words-only step with the
shipped weights): the folds, fits and decisions of the stored CV itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import story_choice_misses as scm  # noqa: E402

KINDS = ("a0", "a1", "c", "c+", "b", "n")


def chains(lines: Sequence[str]) -> dict[tuple[str, str, str], tuple[bool, bool, str]]:
    """(fold, a, b) -> (gold same, stored together, the chain line's tail)."""
    out = {}
    for line in lines:
        m = scm.CHAIN.match(line)
        if m:
            out[m.group(2), m.group(4), m.group(5)] = (m.group(6) == "1", m.group(7) == "1",
                                                       m.group(8))
    return out


def lost(held: Sequence[dict[str, Any]], chained: dict[tuple[str, str, str], tuple[bool, bool, str]],
         pairwise: Any) -> tuple[list[tuple[dict[str, Any], str, str]], list[dict[str, Any]]]:
    """(same pairs joined pairwise and stored apart, each with its class and chain tail;
    different pairs refused pairwise and stored together)."""
    apart, chained_wrong = [], []
    for h in held:
        c = chained.get((h["fold"], h["a"], h["b"]))
        if c is None:
            continue
        gold, stored, tail = c
        if gold and pairwise(h) and not stored:
            apart.append((h, scm.classify(tail)[0], tail))
        if not gold and stored and not pairwise(h):
            chained_wrong.append(h)
    return apart, chained_wrong


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", type=Path, required=True, help="story_outband.py --save")
    parser.add_argument("--logs", nargs="+", type=Path, required=True)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    import story_outband

    held = [json.loads(x) for x in args.held.read_text().splitlines()]
    chained = chains([x for p in args.logs for x in p.read_text().splitlines()])

    def pairwise(h: dict[str, Any]) -> bool:
        return story_outband.shipped(story_outband.Held(**h))

    covered = [h for h in held if (h["fold"], h["a"], h["b"]) in chained]
    same = [h for h in covered if h["same"]]
    apart, wrong = lost(covered, chained, pairwise)
    print(f"{len(covered)} pairs in the logs ({len(same)} same, {len({h['fold'] for h in covered})}"
          f" folds); same joined pairwise {sum(pairwise(h) for h in same)}; of them stored apart"
          f" {len(apart)}; different refused pairwise but stored together {len(wrong)}")
    gained = sum(h["same"] and not pairwise(h) and chained[h["fold"], h["a"], h["b"]][1]
                 for h in covered)
    saved = sum(not h["same"] and pairwise(h) and not chained[h["fold"], h["a"], h["b"]][1]
                for h in covered)
    print(f"  the chaining's other side: same refused pairwise but stored together {gained};"
          f" different joined pairwise but stored apart {saved}")
    kinds = Counter(k for _, k, _ in apart)
    print("  lost by: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k]))
    for h, kind, tail in sorted(apart, key=lambda x: (x[1], x[0]["fold"])):
        if args.list:
            print(f"lost {kind:3} {h['fold']} {h['a']} {h['b']} sim={h['sim']:.3f}"
                  f" words={h['words']:.3f} use={h['use']:.3f} {tail}")
    for h in wrong:
        if args.list:
            print(f"chained-wrong {h['fold']} {h['a']} {h['b']} sim={h['sim']:.3f}"
                  f" words={h['words']:.3f} use={h['use']:.3f}")


if __name__ == "__main__":
    main()
