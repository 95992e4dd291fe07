"""Reproduce the random choice of gold-set articles (ids only; the texts stay in ../shared/corpus).

Usage: `python benchmarks/gold/pick_articles.py [--per-source 9] [--none 5] [--seed N] [--exclude FILE]`.
The first set (quotes.jsonl) is the default call; the second set (quotes2.jsonl) is
`--per-source 14 --none 4 --seed 20261129 --exclude benchmarks/gold/quotes.jsonl`; the third
(quotes3.jsonl) is `--per-source 12 --none 0 --seed 20261130 --exclude benchmarks/gold/quotes.jsonl
benchmarks/gold/quotes2.jsonl`. The speech cue is a
coarse filter for *choosing* articles (quote marks or a speech verb); it is not the annotation:
every chosen article is read and annotated by hand (see README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
SEED = 20180203
MIN_CHARS, MAX_CHARS = 400, 3000  # a careful reader annotates every quote of the whole text
SPEECH_CUE = re.compile(
    r"[\"“”«»]|(?:^|\s)[وف]?(?:قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|شدد|شددت|أعلن|أعلنت|دعا|دعت|"
    r"حض|طالب|طالبت|اعتبر|اعتبرت|رأى|صرح|صرحت|أشار|أشارت|لفت|أفاد|أفادت|ذكر|ذكرت|يقول|تقول)\s"
)


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def pick(rows: list[dict[str, Any]], per_source: int, none: int, seed: int = SEED,
         exclude: frozenset[str] = frozenset()) -> list[str]:
    """Ids: `per_source` speech-bearing articles from each source, then `none` without speech."""
    rng = random.Random(seed)
    eligible = [r for r in rows if MIN_CHARS <= len(r["text"]) <= MAX_CHARS and r["id"] not in exclude]
    eligible.sort(key=lambda r: r["id"])
    chosen: list[str] = []
    sources = sorted({r["source"] for r in eligible})
    for source in sources:
        pool = [r for r in eligible if r["source"] == source and SPEECH_CUE.search(r["text"])]
        chosen.extend(r["id"] for r in rng.sample(pool, per_source))
    quiet = [r for r in eligible if not SPEECH_CUE.search(r["text"])]
    chosen.extend(r["id"] for r in rng.sample(quiet, none))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-source", type=int, default=9)
    parser.add_argument("--none", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="gold .jsonl files whose article ids are skipped")
    args = parser.parse_args()
    exclude: frozenset[str] = frozenset()
    for path in args.exclude:
        lines = path.read_text(encoding="utf-8").splitlines()
        exclude |= frozenset(json.loads(line)["id"] for line in lines if line.strip())
    for article_id in pick(load(), args.per_source, args.none, args.seed, exclude):
        print(article_id)


if __name__ == "__main__":
    main()
