"""Build a two-annotator test set of quotes (quotes6.jsonl, quotes7.jsonl …) from the annotators'
files: the picked articles, shuffled with the set's seed and cut in halves, one half each.

Used by merge_quotes6.py and merge_quotes7.py, which only name their set.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from merge_quotes2 import check_files, read, write_set
from pick_articles import CORPUS, load, pick

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class HalvesSet:
    """One blind test set: `folder` holds one file per annotator, `name`.jsonl is built."""

    name: str  # "quotes7": the folder and the built file's stem
    seed: int
    set_name: str  # the `set` field of every row ("holdout7")
    annotators: tuple[str, str]
    earlier: tuple[str, ...]  # sets whose articles were excluded when picking
    per_source: int = 12

    def plan(self, ids: list[str]) -> dict[str, list[str]]:
        """The articles each annotator was given: the shuffled list cut in halves."""
        order = ids[:]
        random.Random(self.seed).shuffle(order)
        half = len(order) // 2
        first, second = self.annotators
        return {first: order[:half], second: order[half:]}

    def main(self, description: str) -> int:
        """Check the annotators' files and (without --check) write the set; 1 on any problem."""
        parser = argparse.ArgumentParser(description=description)
        parser.add_argument("--check", action="store_true", help="only check the annotators' files")
        args = parser.parse_args()
        rows = load(CORPUS)
        texts = {r["id"]: r["text"] for r in rows}
        exclude = frozenset().union(*(read(HERE / f"{n}.jsonl") for n in self.earlier))
        ids = pick(rows, self.per_source, 0, self.seed, exclude)
        own = self.plan(ids)
        folder = HERE / self.name
        files = {x: read(folder / f"{x}.jsonl") for x in self.annotators
                 if (folder / f"{x}.jsonl").exists()}
        bad = check_files(files, texts, own, f"{self.name}/")
        if args.check:
            return 1 if bad else 0
        owner = {i: x for x in self.annotators for i in own[x]}
        if not write_set(HERE / f"{self.name}.jsonl", ids, owner, files, lambda _i: self.set_name):
            bad += 1
        return 1 if bad else 0
