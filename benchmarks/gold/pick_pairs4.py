"""Reproduce the choice of the fourth, fresh story-pair set (story_pairs4.jsonl; ids only).

Usage: `python benchmarks/gold/pick_pairs4.py > pairs.jsonl` prints one JSON object a line:
{"a", "b", "stratum", "shared"}. The procedure of pick_pairs3.py (pick_pairs2's crude Jaccard, window
and strata, pick_pairs3's longer place and person lists and its top-up) with two differences:

- seed `random.Random(20261201)` (the top-up uses `Random(20261202)`);
- no unordered pair already in story_pairs.jsonl (every set, audits included), story_pairs2.jsonl or
  story_pairs3.jsonl.

The choice uses only the corpus text; it never looks at any story id the system assigns, and the
labels are given afterwards by reading the articles.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pick_pairs2 as pp2  # sibling scripts, not a package: found through sys.path
import pick_pairs3 as pp3

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
EXISTING = (
    Path(__file__).resolve().parent / "story_pairs.jsonl",
    Path(__file__).resolve().parent / "story_pairs2.jsonl",
    Path(__file__).resolve().parent / "story_pairs3.jsonl",
)
SEED = 20261201


def existing_pairs(paths: tuple[Path, ...] = EXISTING) -> frozenset[frozenset[str]]:
    """Unordered id pairs of every earlier story-pair file (only the ids are read)."""
    return pp3.existing_pairs(paths)


def pick(
    arts: list[pp2.Article], exclude: frozenset[frozenset[str]], seed: int = SEED
) -> list[dict[str, str]]:
    """The pairs of every stratum: pick_pairs3's procedure (with its top-up) under this set's seed."""
    return pp3.pick(arts, exclude, seed=seed)


def main() -> None:
    for pair in pick(pp3.load(CORPUS), existing_pairs()):
        print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main()
