"""A reading sample of corpus digests with quotes, for the F-series readings (brief F18 on).

Draws `--n` corpus articles (ids in corpus order, as benchmarks/speaker_scan.py numbers them)
whose digest has at least one quote, with `random.Random(seed).sample` over the sorted ids,
leaving out every article of the development gold (benchmarks/gold/quotes.jsonl and
quotes2–12.jsonl: their digests are measured already). Prints each digest as a reader sees it
(`bot.render.render_digest`, Arabic, now = 2018-04-02, tags stripped) and, with `--text`, the
article body to read it against. Nothing is written; corpus text stays out of the repository.

The draw depends on which digests have quotes, so a later tree may draw other ids: `--ids`
re-reads a drawn sample (F18's seed 21, drawn on its start tree 67e0842, and F21's seeds 22
(start tree 183d01e) and 23 (its final tree) are listed in benchmarks/README.md; seeds ≤ 23 have
been read). The development gold left out does not include session 12's blind quotes14, whose
ids no file read here holds: a draw may hold one of its articles.

Usage:
    .venv/bin/python benchmarks/reading_sample.py --seed 21 [--n 40] [--text] [--ids-only]
    .venv/bin/python benchmarks/reading_sample.py --ids 37 170 … [--text]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import CORPUS, load_corpus  # noqa: E402
from benchmarks.speaker_scan import _article  # noqa: E402
from bot.render import render_digest  # noqa: E402
from digests.digest import condense  # noqa: E402

# The development gold (quotes13.jsonl, session 11's test, scored once: development data since).
GOLD = [ROOT / "benchmarks" / "gold" / name for name in (
    "quotes.jsonl", "quotes2.jsonl", "quotes3.jsonl", "quotes4.jsonl", "quotes5.jsonl",
    "quotes6.jsonl", "quotes7.jsonl", "quotes8.jsonl", "quotes9.jsonl", "quotes10.jsonl",
    "quotes11.jsonl", "quotes12.jsonl", "quotes13.jsonl")]
NOW = datetime(2018, 4, 2, tzinfo=timezone.utc)


def gold_ids(paths: Iterable[Path] = GOLD) -> set[str]:
    """The corpus ids of the development gold's articles."""
    out: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            out.update(json.loads(line)["id"] for line in fh if line.strip())
    return out


def sample(docs: list[dict[str, str]], seed: int, n: int, skip: set[str]) -> list[int]:
    """`n` ids (1-based corpus order) of articles outside `skip` whose digest has quotes."""
    eligible = [i for i, d in enumerate(docs, 1)
                if d["id"] not in skip and condense(_article(i, d)).quotes]
    return sorted(random.Random(seed).sample(eligible, min(n, len(eligible))))


def shown(n: int, doc: dict[str, str]) -> str:
    """The digest of corpus article `n` as a reader sees it, as plain text."""
    message = render_digest(condense(_article(n, doc)), "ar", NOW)
    return html.unescape(re.sub(r"<[^>]+>", "", message))


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--ids", type=int, nargs="+", help="re-read these corpus ids (no draw)")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--text", action="store_true", help="print each article's body too")
    ap.add_argument("--ids-only", action="store_true")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.seed is None and not args.ids:
        ap.error("give --seed (draw) or --ids (re-read)")
    docs = load_corpus(args.corpus)
    ids = args.ids or sample(docs, args.seed, args.n, gold_ids())
    if args.ids_only:
        print(" ".join(map(str, ids)))
        return 0
    for n in ids:
        doc = docs[n - 1]
        print(f"===== {n} {doc['id']}")
        print(shown(n, doc))
        if args.text:
            print("--- body")
            print(doc.get("text", ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
