"""Build quotes7.jsonl (the untouched quote test of session 5, annotators R and S) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes7.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20261229 --exclude` quotes.jsonl …
quotes6.jsonl), shuffled with seed 20261229: R annotated the first 30, S the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout7`: scored once, after the finder, speakers
and ranking of session 5 were frozen.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from merge_quotes2 import check_files, read, write_set  # noqa: E402
from pick_articles import CORPUS, load, pick  # noqa: E402

SEED = 20261229
PER_SOURCE = 12
SET_NAME = "holdout7"
ANNOTATORS = ("R", "S")
EARLIER = ("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6")


def plan(ids: list[str]) -> dict[str, list[str]]:
    """The articles each annotator was given: the shuffled list cut in halves."""
    order = ids[:]
    random.Random(SEED).shuffle(order)
    half = len(order) // 2
    return {"R": order[:half], "S": order[half:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the annotators' files")
    args = parser.parse_args()
    rows = load(CORPUS)
    texts = {r["id"]: r["text"] for r in rows}
    exclude = frozenset().union(*(read(HERE / f"{n}.jsonl") for n in EARLIER))
    ids = pick(rows, PER_SOURCE, 0, SEED, exclude)
    own = plan(ids)
    files = {x: read(HERE / "quotes7" / f"{x}.jsonl") for x in ANNOTATORS
             if (HERE / "quotes7" / f"{x}.jsonl").exists()}
    bad = check_files(files, texts, own, "quotes7/")
    if args.check:
        return 1 if bad else 0
    owner = {i: x for x in ANNOTATORS for i in own[x]}
    if not write_set(HERE / "quotes7.jsonl", ids, owner, files, lambda _i: SET_NAME):
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
