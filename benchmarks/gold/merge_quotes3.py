"""Build quotes3.jsonl (the third quote set: the untouched test) from annotators D, E and F.

Usage: `python benchmarks/gold/merge_quotes3.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20261130 --exclude
benchmarks/gold/quotes.jsonl benchmarks/gold/quotes2.jsonl`), shuffled with seed 20261130 and
dealt to D, E, F in turn (20 each). Every article is `set: holdout3`: scored once, after the finder
and the ranking of the last round were frozen.
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

SEED = 20261130
ANNOTATORS = ("D", "E", "F")


def plan(ids: list[str]) -> dict[str, list[str]]:
    """The articles each annotator was given."""
    order = ids[:]
    random.Random(SEED).shuffle(order)
    return {x: order[k::3] for k, x in enumerate(ANNOTATORS)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the annotators' files")
    args = parser.parse_args()
    rows = load(CORPUS)
    texts = {r["id"]: r["text"] for r in rows}
    exclude = frozenset(read(HERE / "quotes.jsonl")) | frozenset(read(HERE / "quotes2.jsonl"))
    ids = pick(rows, 12, 0, SEED, exclude)
    own = plan(ids)
    files = {x: read(HERE / "quotes3" / f"{x}.jsonl") for x in ANNOTATORS
             if (HERE / "quotes3" / f"{x}.jsonl").exists()}
    bad = check_files(files, texts, own)
    if args.check:
        return 1 if bad else 0
    owner = {i: x for x in ANNOTATORS for i in own[x]}
    if not write_set(HERE / "quotes3.jsonl", ids, owner, files, lambda i: "holdout3"):
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
