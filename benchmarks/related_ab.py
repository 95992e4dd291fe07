"""The archive search of the stored digest step, start code against new, interleaved per article.

    .venv/bin/python benchmarks/related_ab.py --db DIR/corpus.db [--copies 5] [--warm 1200]
        [--count 400]

DB: the corpus ingested by benchmarks/store_speed.py --keep DIR (a copy is worked on). The archive
is that corpus replicated `--copies` times (store_speed.replicate: new ids, dates + 61 days a
copy); then `--warm` + `--count` corpus articles arrive as news after it, in date order, through
the index and story steps, and for each the digest's archive search (digests.digest.archive_for)
runs twice, in alternating order: with every candidate analyzed afresh (the session-13 start
code's lines) and through digests.related_cache (the new code). The two answers must be the same
ids, article by article (asserted). CPU time of the thread for the last `--count`: both codes
are timed at the same moment, so the load of a shared machine weighs on both alike.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store_speed as ss  # noqa: E402

import digests.related as related  # noqa: E402
from digests import related_cache  # noqa: E402
from digests.digest import archive_for  # noqa: E402
from digests.processing import StoreContext  # noqa: E402
from digests.search_index import index_article  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.signatures import content_counts, signature  # noqa: E402
from digests.storage import Database  # noqa: E402
from digests.stories import assign_story  # noqa: E402


def fresh(article_id: int, title_keys: str, body_keys: str) -> related_cache.Analysis:
    """The start code's analysis of a candidate: split, counted and weighed every time."""
    keys = title_keys.split()
    body = content_counts(body_keys.split())
    return related_cache.Analysis(tuple(keys), body, signature(keys, body))


def run(path: Path, corpus: Path, copies: int, warm: int, count: int) -> dict[str, list[float]]:
    docs = ss.load(corpus)
    n = len(docs)
    db = Database(path)
    for c in range(1, copies):
        ss.replicate(db, n, c)
    archive = db.conn.execute("select count(*) from articles").fetchone()[0]
    print(f"archive {archive} articles; news stream of {warm} untimed + {count} timed")
    sid = {r[1]: r[0] for r in db.conn.execute("select id, name from sources").fetchall()}
    shift = ss.PERIOD * copies
    cached = related.candidate
    related_cache.clear()
    times: dict[str, list[float]] = {"start": [], "new": []}
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        for i, d in enumerate(docs[:warm + count]):
            article_id = 20_000_000 + i
            ctx = StoreContext(now=d["when"] + shift, settings=Settings(), backfill=True)
            ss.insert(db.db, d, article_id, sid[d["source"]], shift)
            index_article(db.db, ss.stored(db.db, article_id), ctx)
            assign_story(db.db, ss.stored(db.db, article_id), ctx)
            article = ss.stored(db.db, article_id)
            found = {}
            for name in (("start", "new") if i % 2 else ("new", "start")):
                setattr(related, "candidate", fresh if name == "start" else cached)
                c0 = time.thread_time()
                found[name] = [a.id for a in archive_for(db.db, article)]
                if i >= warm:
                    times[name].append(time.thread_time() - c0)
            assert found["start"] == found["new"], (i, found)
    finally:
        setattr(related, "candidate", cached)
        db.conn.execute("ROLLBACK")
        db.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=ss.CORPUS)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--warm", type=int, default=1200)
    parser.add_argument("--count", type=int, default=400)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ab.db"
        shutil.copy(args.db, path)
        times = run(path, args.corpus, args.copies, args.warm, args.count)
    for name, got in times.items():
        print(f"{name:>5} code: archive_for CPU median {statistics.median(got) * 1000:.2f} ms,"
              f" p95 {ss.pct(got, .95) * 1000:.2f} ms (n={len(got)})")
    print(f"candidate cache: {related_cache.stats()}; same links article by article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
