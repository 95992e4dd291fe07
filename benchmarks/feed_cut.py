"""What one poll spends reading a very long feed (QA29 A8): parse and title, before and after
digests.feed_cut.

A feed of N RSS items shaped like QA29's (`<item><title>…<link>…<guid>…</item>`, 100,000 items =
9.2 MB, under the fetch's 10 MB cap). For each N it times, median of --runs:
- `parse`: `parse_feed` as a poll calls it (source_work.read_feed: with the parse limit for
  MAX_ENTRIES_PER_FEED when this checkout has one, the whole feed before);
- `titles`: `misread_titles`, which every poll of a named source calls (it parsed the whole
  feed again, twice);
- the entries parsed.
`--root DIR` imports Nashra from another checkout (a `git worktree` of an older commit gives
the «before» figures with the same script).

    .venv/bin/python benchmarks/feed_cut.py [--sizes 1000,20000,100000] [--runs 3] [--root DIR]
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def big_feed(count: int) -> bytes:
    """QA29's feed (hostile.big_feed): `count` items, newest first, no dates."""
    items = "".join(f"<item><title>t{i}</title><link>http://127.0.0.1:9/p{i}</link>"
                    f"<guid>g{i}</guid></item>" for i in range(count))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>{items}'
            f"</channel></rss>").encode()


def _load(root: Path) -> tuple[Any, Any, Any]:
    sys.path.insert(0, str(root))
    from digests import feeds, source_check
    # a checkout before the cut has no `max_entries` (the editable install may still find a
    # newer digests.feed_cut module, so the signature is what tells)
    if "max_entries" not in inspect.signature(feeds.parse_feed).parameters:
        return feeds, source_check, None
    from digests.feed_cut import parse_limit
    return feeds, source_check, parse_limit


def measure(root: Path, sizes: list[int], runs: int, cap: int = 200) -> list[dict[str, float]]:
    feeds, source_check, parse_limit = _load(root)
    headers = {"content-type": "application/rss+xml"}
    rows = []
    for size in sizes:
        body = big_feed(size)
        parse_times, title_times = [], []
        parsed = 0
        for _ in range(runs):
            started = time.perf_counter()
            if parse_limit is None:
                entries = feeds.parse_feed(body, headers, "http://127.0.0.1:9/big")
            else:
                entries = feeds.parse_feed(body, headers, "http://127.0.0.1:9/big",
                                           parse_limit(cap))
            parse_times.append(time.perf_counter() - started)
            parsed = len(entries)
            started = time.perf_counter()
            source_check.misread_titles(body, headers)
            title_times.append(time.perf_counter() - started)
        rows.append({"entries": size, "mb": len(body) / 1e6, "parsed": parsed,
                     "parse_s": statistics.median(parse_times),
                     "titles_s": statistics.median(title_times)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"checkout {args.root} (MAX_ENTRIES_PER_FEED=200), median of {args.runs} runs")
    for row in measure(args.root, sizes, args.runs):
        print(f"{row['entries']:>7} entries {row['mb']:5.1f} MB: parse {row['parse_s']:6.2f} s"
              f" ({row['parsed']} parsed), titles {row['titles_s']:6.2f} s,"
              f" per poll {row['parse_s'] + row['titles_s']:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
