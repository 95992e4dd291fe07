"""The «📡 المصادر» picker's per-feed query (digests.reader_sources.source_site) before and after
migration 042's index on articles(source_id, id) (reviewer RA, item 1).

Works on a copy of an archive (the original is never written): one feed with no article is
added (the worst case: the query scanned the whole table), the query is timed for it and for
each real feed, then the index is created and the same is timed again. Prints the query plan
and the median of --runs runs of --repeat queries each (ms per query).

    python benchmarks/source_site_index.py --db /path/to/ranked.db
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

QUERY = "select url from articles where source_id = ? order by id desc limit 1"
EMPTY_FEED = 999_999


def _per_query_ms(conn: sqlite3.Connection, source_id: int, repeat: int, runs: int) -> float:
    medians = []
    for _ in range(runs):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            conn.execute(QUERY, [source_id]).fetchone()
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
    return statistics.median(medians) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(args.db, copy)
        conn = sqlite3.connect(copy)
        conn.execute("drop index if exists articles_source")
        conn.execute("insert into sources (id, url, name, added_at, active) values"
                     " (?, 'https://empty.example/feed.xml', 'empty', '2018-01-01', 1)",
                     [EMPTY_FEED])
        conn.commit()
        feeds = [EMPTY_FEED, *(r[0] for r in conn.execute(
            "select distinct source_id from articles order by source_id"))]
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        print(f"articles: {articles}")
        for label in ("before", "after"):
            if label == "after":
                conn.execute("create index articles_source on articles(source_id, id)")
                conn.commit()
            plan = [str(r[-1]) for r in conn.execute("explain query plan " + QUERY, [1])]
            print(f"{label}: {'; '.join(plan)}")
            for feed in feeds:
                name = "no article" if feed == EMPTY_FEED else f"source {feed}"
                ms = _per_query_ms(conn, feed, args.repeat, args.runs)
                print(f"  {name}: {ms:.4f} ms per query (median of {args.runs} x {args.repeat})")
        conn.close()


if __name__ == "__main__":
    main()
