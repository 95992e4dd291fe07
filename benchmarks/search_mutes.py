"""What a chat's muted sources cost the search (X61): digests.search(muted=) leaves them out in
the candidate queries (a primary-key lookup per index row: digests.search_candidates.unmuted).

For each query (the quality topics of benchmarks/topics.py and a few very common words) the
bot's first page (bot.stories.search_page: limit 5, stories folded) is timed with nothing muted,
with the largest source muted and with the three largest muted; each time is the median of
--runs runs and p50/p95 are taken over the queries. Also printed: how many queries' first page
is short of 5 under the old way (the page searched whole, then the muted reports dropped) and
under the new one. The database is a copy (the search writes nothing, but a copy keeps the
original's WAL untouched).

    .venv/bin/python benchmarks/search_mutes.py [--db benchmarks/out/ranked.db] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from topics import TOPICS  # noqa: E402

from bot.stories import search_page  # noqa: E402
from digests.errors import QueryError  # noqa: E402
from digests.storage import Database  # noqa: E402

COMMON = ("سوريا", "الرئيس", "ترامب", "مصر", "الحكومة", "روسيا", "الغوطة", "السعودية")
PAGE = 5


def _timed(db: Database, query: str, muted: frozenset[int], now: datetime, runs: int
           ) -> tuple[float, int]:
    times, shown = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        try:
            page = search_page(db, query, offset=0, limit=PAGE, now=now, muted=muted)
            shown = len(page.digests)
        except QueryError:
            shown = 0
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, shown


def _old_way(db: Database, query: str, muted: frozenset[int], now: datetime) -> int:
    """The page as X57 built it: searched whole, then the muted reports dropped."""
    try:
        page = search_page(db, query, offset=0, limit=PAGE, now=now)
    except QueryError:
        return 0
    ids = [d.article_id for d in page.digests if d.article_id is not None]
    if not ids:
        return 0
    source = dict(db.db.execute(
        f"select id, source_id from articles where id in ({','.join('?' * len(ids))})",
        ids).fetchall())
    return sum(source.get(i) not in muted for i in ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/ranked.db"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="x61-mutes-"))
    path = folder / "search.db"
    shutil.copyfile(args.db, path)
    queries = [t.query for t in TOPICS] + list(COMMON)
    with Database(path) as db:
        newest = db.db.execute("select max(published_at) from articles").fetchone()[0]
        now = datetime.fromisoformat(newest)
        big = [int(r[0]) for r in db.db.execute(
            "select source_id from articles group by source_id order by count(*) desc limit 3")]
        for label, muted in (("none", frozenset()), ("largest", frozenset(big[:1])),
                             ("three largest", frozenset(big))):
            _timed(db, queries[0], muted, now, 1)  # warm
            rows = [(q, *_timed(db, q, muted, now, args.runs)) for q in queries]
            ms = sorted(r[1] for r in rows)
            short_new = sum(r[2] < PAGE for r in rows)
            short_old = sum(_old_way(db, q, muted, now) < PAGE for q in queries)
            print(f"muted={label:14s} queries={len(rows)} p50={ms[len(ms) // 2]:.1f} ms"
                  f" p95={ms[int(len(ms) * 0.95)]:.1f} ms max={ms[-1]:.1f} ms"
                  f" short pages: old={short_old} new={short_new}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
