"""Archive size: bytes an article costs in the database, with its search index, stories and
digest (README «Growth of the database» said ~12 KB; QA66 measured ~16 KB in a sandbox).

Runs benchmarks/ingest.py's end-to-end ingest (the corpus served on loopback, `poll_once`: every
processing step) once, keeps the database, and reports the closed file's size (its -wal folded
in) per article and the bytes of each table and index (SQLite's `dbstat`). No chats: the outbox
(~270 bytes a delivery, README) is not in it.

    nice .venv/bin/python benchmarks/archive_size.py                # the whole corpus
    nice .venv/bin/python benchmarks/archive_size.py --limit 1000
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ingest  # noqa: E402 — benchmarks/ingest.py: the served corpus and the poll

KEPT: list[Path] = []


def _keep(feeds: Any, workdir: Path, run: int, story_model: str | None = None
          ) -> dict[str, float]:
    result = _run_once(feeds, workdir, run, story_model)
    KEPT.append(workdir / f"bench-{run}.db")
    report(KEPT[-1])
    return result


def report(path: Path) -> None:
    """Print the file's size per article and its biggest tables and indexes."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("pragma wal_checkpoint(truncate)")
        articles = int(conn.execute("select count(*) from articles").fetchone()[0])
        stories = int(conn.execute("select count(*) from stories").fetchone()[0])
        by_name: dict[str, int] = defaultdict(int)
        for name, size in conn.execute("select name, sum(pgsize) from dbstat group by name"):
            by_name[str(name)] += int(size)
    finally:
        conn.close()
    size = path.stat().st_size
    print(f"\nfile {size / 1e6:.1f} MB for {articles} articles, {stories} stories: "
          f"{size / max(articles, 1) / 1024:.1f} KiB an article; a year at 70 a day: "
          f"{size / max(articles, 1) * 70 * 365 / 1e6:.0f} MB")
    groups: dict[str, int] = defaultdict(int)
    for name, n in by_name.items():
        groups[name.split("_")[0] if name.startswith(("search", "sqlite")) else name] += n
    for name, n in sorted(groups.items(), key=lambda kv: -kv[1])[:14]:
        print(f"  {name:40s} {n / 1e6:7.2f} MB  {n / max(articles, 1) / 1024:5.2f} KiB/article")


_run_once = ingest.run_once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    ingest.run_once = _keep
    ingest.main([*(["--limit", str(args.limit)] if args.limit else []), "--runs", "1"])


if __name__ == "__main__":
    main()
