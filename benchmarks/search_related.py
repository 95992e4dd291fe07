"""A reading sample of related links: for sampled corpus articles, the titles of the article and
of its related links (digests.related.related_articles), to be read and judged by a person.

Runs over the search-quality database (benchmarks/out/quality.db: the 7,213 corpus articles
indexed; built by benchmarks/search_quality.py). The same seed gives the same articles, so a run
before and a run after a change can be read side by side. Titles are printed, never stored.

    .venv/bin/python benchmarks/search_related.py [--sample 40] [--seed 4] [--links 1] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import related_articles
from digests.storage import Database

OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, default=OUT / "quality.db")
    ap.add_argument("--sample", type=int, default=40, help="articles to show")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--links", type=int, default=1, help="related links shown per article")
    ap.add_argument("--min-id", type=int, default=1500, help="sample among later articles")
    ap.add_argument("--ids-from", type=Path,
                    help="the articles of an earlier run's output («[n] id title» lines)")
    args = ap.parse_args(argv)
    with Database(args.db) as db:
        ids = [r[0] for r in db.db.execute("select id from articles where id >= ? order by id",
                                           [args.min_id]).fetchall()]
        rng = random.Random(args.seed)
        rng.shuffle(ids)
        if args.ids_from:  # the same articles as an earlier run, links or not
            ids = [int(line.split()[1]) for line in args.ids_from.read_text().splitlines()
                   if line.startswith("[")]
        shown = empty = 0
        times: list[float] = []
        for article_id in ids:
            if shown >= args.sample:
                break
            row = next(iter(db.db.query(f"{ARTICLE_SELECT} where articles.id = ?",
                                        [article_id])))
            article = article_from_row(row)
            t = time.perf_counter()
            related = related_articles(db.db, article, limit=5)
            times.append(time.perf_counter() - t)
            if not related:
                empty += 1
                if args.ids_from:
                    print(f"[-] {article.id} {article.title}\n     -> (none)")
                continue
            shown += 1
            print(f"[{shown}] {article.id} {article.title}")
            for r in related[:args.links]:
                print(f"     -> {r.id} {r.title}")
        print(f"articles looked at: {shown + empty}; with no related link: {empty};"
              f" related_articles median {statistics.median(times) * 1000:.1f} ms,"
              f" p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
