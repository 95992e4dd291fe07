"""A reading sample of corpus digests with quotes, for the F-series readings (brief F18 on).

Draws `--n` corpus articles (ids in corpus order, as benchmarks/speaker_scan.py numbers them)
whose digest has at least one quote, with `random.Random(seed).sample` over the sorted ids,
leaving out every article of every benchmarks/gold/quotes*.jsonl (the development gold,
measured already, and the blind sets such as session 12's quotes14, which must stay unread: only
their ids are taken, by a glob, so a set added later is left out too). Prints each digest as a reader sees it
(`bot.render.render_digest`, Arabic, now = 2018-04-02, tags stripped) and, with `--text`, the
article body to read it against. Nothing is written; corpus text stays out of the repository.

The draw depends on which digests have quotes, so a later tree may draw other ids: `--ids`
re-reads a drawn sample (F18's seed 21, drawn on its start tree 67e0842, and F21's seeds 22
(start tree 183d01e) and 23 (its final tree), and F22's seed 24 are listed in
benchmarks/README.md; seeds ≤ 24 have been read). Before F22 only quotes.jsonl–quotes13.jsonl
were left out, so the draws of seeds 22 and 23 could hold an article of the blind quotes14 (seed
22 held one); from seed 24 on no gold article is drawn.

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

GOLD_DIR = ROOT / "benchmarks" / "gold"


def gold_paths(folder: Path = GOLD_DIR) -> list[Path]:
    """Every quotes*.jsonl gold file in `folder`: the development gold and the blind sets alike.

    A glob, not a list, so a new set (session 12's blind quotes14 and any later one) is left out
    of a draw from the day its file lands — a blind article must never be read for development.
    """
    return sorted(folder.glob("quotes*.jsonl"))


GOLD = gold_paths()
NOW = datetime(2018, 4, 2, tzinfo=timezone.utc)


def gold_ids(paths: Iterable[Path] | None = None) -> set[str]:
    """The corpus ids of every gold file's articles (only the "id" field is kept; nothing printed)."""
    out: set[str] = set()
    for path in gold_paths() if paths is None else paths:
        with path.open(encoding="utf-8") as fh:
            out.update(str(json.loads(line)["id"]) for line in fh if line.strip())
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
