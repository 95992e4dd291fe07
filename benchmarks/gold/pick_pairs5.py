"""Reproduce the choice of the fifth story-pair sets (story_pairs5.jsonl test, story_pairs6.jsonl
training; ids only).

Usage: `python benchmarks/gold/pick_pairs5.py {test,train1,...} > pairs.jsonl` prints one JSON
object a line: {"a", "b", "stratum", "shared"}. The procedure of pick_pairs3.py (pick_pairs2's crude
Jaccard, window and strata, pick_pairs3's place and person lists and its top-up), three times:

- `test` (story_pairs5.jsonl, the untouched test set of session 3): seed 20261203, no unordered pair
  already in story_pairs.jsonl (every set, audits included) or story_pairs2/3/4.jsonl;
- `train1` / `train2` (story_pairs6.jsonl / story_pairs7.jsonl, training data for a learned pair
  decision): seeds 20261204 / 20261205, excluding the same files, the `test` pairs and (for train2)
  train1's pairs;
- `test2` (story_pairs8.jsonl, the second test of session 3, for the decision refitted after
  `test` was scored), `train3` / `train4` (story_pairs9/10.jsonl, more training data): seeds
  20261206 / 20261208 / 20261209, each excluding every set picked before it;
- `test3` (story_pairs11.jsonl, the third test of session 3, for the story-joining rule tuned
  after `test2` was scored): seed 20261212;
- `test4` (story_pairs12.jsonl, the test of session 5's semantic story signal): seed 20261229;
- `test5` (story_pairs13.jsonl, the test of session 6's story work): seed 20261230;
- `test6` (story_pairs14.jsonl, the test of session 7's story work): seed 20261231.

The choice uses only the corpus text; it never looks at any story id the system assigns, and the
labels are given afterwards by reading the articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pick_pairs2 as pp2  # sibling scripts, not a package: found through sys.path
import pick_pairs3 as pp3

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
EXISTING = tuple(
    Path(__file__).resolve().parent / name
    for name in ("story_pairs.jsonl", "story_pairs2.jsonl", "story_pairs3.jsonl", "story_pairs4.jsonl")
)
SEEDS = {"test": 20261203, "train1": 20261204, "train2": 20261205,
         "test2": 20261206, "train3": 20261208, "train4": 20261209, "test3": 20261212,
         "test4": 20261229, "test5": 20261230, "test6": 20261231,
         "test7": 20270102, "test8": 20270104, "test9": 20270106,
         "test10": 20270108, "test11": 20270110, "test12": 20270112,
         "test13": 20270114, "test14": 20270116, "test15": 20270118,
         "test16": 20270120, "test17": 20270122, "test18": 20270124,
         "test19": 20270126, "test20": 20270128, "test21": 20270130,
         "test22": 20270133, "test23": 20270135,
         "test24": 20270137, "test25": 20270139, "test26": 20270141,
         "test27": 20270143}


def existing_pairs(paths: tuple[Path, ...] = EXISTING) -> frozenset[frozenset[str]]:
    """Unordered id pairs of every earlier story-pair file (only the ids are read)."""
    return pp3.existing_pairs(paths)


def keys(pairs: list[dict[str, str]]) -> frozenset[frozenset[str]]:
    """The unordered id pairs of picked rows."""
    return frozenset(frozenset((p["a"], p["b"])) for p in pairs)


def pick_sets(
    arts: list[pp2.Article], exclude: frozenset[frozenset[str]]
) -> dict[str, list[dict[str, str]]]:
    """The three sets in order, each excluding the earlier files and the sets picked before it."""
    out: dict[str, list[dict[str, str]]] = {}
    taken = exclude
    for name, seed in SEEDS.items():
        out[name] = pp3.pick(arts, taken, seed=seed)
        taken = taken | keys(out[name])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=sorted(SEEDS))
    args = parser.parse_args()
    for pair in pick_sets(pp3.load(CORPUS), existing_pairs())[args.set]:
        print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main()
