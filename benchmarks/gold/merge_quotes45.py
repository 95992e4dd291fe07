"""Build quotes4.jsonl (training set, annotators G, H, I) and quotes5.jsonl (the untouched test of
session 3, annotators K, L) from the annotators' files.

Usage: `python benchmarks/gold/merge_quotes45.py [--check]`

135 articles (`pick_articles.py --per-source 27 --none 0 --seed 20261203 --exclude
benchmarks/gold/quotes.jsonl benchmarks/gold/quotes2.jsonl benchmarks/gold/quotes3.jsonl`), shuffled
with seed 20261203: the first 60 are `set: holdout5` (quotes5.jsonl, dealt to K and L in turn, 30
each: scored once, after the finder and ranking of session 3 were frozen), the other 75 are
`set: train4` (quotes4.jsonl, dealt to G, H, I in turn, 25 each: training data for the ranking).
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

SEED = 20261203
TEST_SIZE = 60
SETS = {  # file stem -> (set name, annotators)
    "quotes5": ("holdout5", ("K", "L")),
    "quotes4": ("train4", ("G", "H", "I")),
}


def plan(ids: list[str]) -> dict[str, dict[str, list[str]]]:
    """The articles each annotator of each set was given."""
    order = ids[:]
    random.Random(SEED).shuffle(order)
    parts = {"quotes5": order[:TEST_SIZE], "quotes4": order[TEST_SIZE:]}
    return {stem: {x: parts[stem][k::len(who)] for k, x in enumerate(who)}
            for stem, (_, who) in SETS.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the annotators' files")
    args = parser.parse_args()
    rows = load(CORPUS)
    texts = {r["id"]: r["text"] for r in rows}
    exclude = frozenset().union(*(read(HERE / f"{n}.jsonl") for n in ("quotes", "quotes2", "quotes3")))
    ids = pick(rows, 27, 0, SEED, exclude)
    bad = 0
    for stem, own in plan(ids).items():
        set_name, who = SETS[stem]
        files = {x: read(HERE / stem / f"{x}.jsonl") for x in who
                 if (HERE / stem / f"{x}.jsonl").exists()}
        bad += check_files(files, texts, own, f"{stem}/")
        if args.check:
            continue
        owner = {i: x for x in who for i in own[x]}
        order = [i for x in who for i in own[x]]
        if not write_set(HERE / f"{stem}.jsonl", sorted(order, key=ids.index), owner, files,
                         lambda i, s=set_name: s):
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
