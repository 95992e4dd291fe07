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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store_speed as ss  # noqa: E402

import digests.related as related  # noqa: E402
from digests import related_cache  # noqa: E402
from digests.digest import archive_for, store_digest  # noqa: E402
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


def start_code() -> tuple[Any, Any, Any]:
    """The start code's candidate analysis, URL keys and sibling refresh (digests.digest)."""
    import digests.digest as digest

    def per_sibling(db: Any, siblings: Any) -> None:
        for sibling in siblings:
            digest._refresh_sibling(db, sibling)

    return fresh, digest._key.__wrapped__, per_sibling


def use(code: tuple[Any, Any, Any]) -> None:
    import digests.digest as digest

    setattr(related, "candidate", code[0])
    setattr(digest, "_key", code[1])
    setattr(digest, "_refresh_siblings", code[2])


def run(path: Path, corpus: Path, copies: int, warm: int, count: int,
        step: bool = False) -> dict[str, list[float]]:
    """`step`: time the whole store_digest (each code in a savepoint, the first rolled back)
    with all three changes switched, instead of the archive search alone."""
    docs = ss.load(corpus)
    n = len(docs)
    db = Database(path)
    for c in range(1, copies):
        ss.replicate(db, n, c)
    archive = db.conn.execute("select count(*) from articles").fetchone()[0]
    print(f"archive {archive} articles; news stream of {warm} untimed + {count} timed")
    sid = {r[1]: r[0] for r in db.conn.execute("select id, name from sources").fetchall()}
    shift = ss.PERIOD * copies
    import digests.digest as digest

    cached = related.candidate
    new = (cached, digest._key, digest._refresh_siblings)
    start = start_code()
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
            for k, name in enumerate(("start", "new") if i % 2 else ("new", "start")):
                if not step:
                    setattr(related, "candidate", fresh if name == "start" else cached)
                    c0 = time.thread_time()
                    found[name] = [a.id for a in archive_for(db.db, article)]
                    spent = time.thread_time() - c0
                else:
                    use(start if name == "start" else new)
                    db.conn.execute("SAVEPOINT ab")
                    c0 = time.thread_time()
                    store_digest(db.db, article, ctx)
                    spent = time.thread_time() - c0
                    found[name] = db.conn.execute(
                        "select group_concat(id || digest_related_json) from articles"
                        " where story_id is ? or id = ?", [article.story_id, article_id]
                    ).fetchone()
                    if k == 0:
                        db.conn.execute("ROLLBACK TO ab")
                    db.conn.execute("RELEASE ab")
                if i >= warm:
                    times[name].append(spent)
            assert found["start"] == found["new"], (i, found)
    finally:
        use(new)
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
    parser.add_argument("--step", action="store_true",
                        help="time the whole store_digest (archive search, story links, write)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ab.db"
        shutil.copy(args.db, path)
        times = run(path, args.corpus, args.copies, args.warm, args.count, args.step)
    for name, got in times.items():
        what = "store_digest" if args.step else "archive_for"
        print(f"{name:>5} code: {what} CPU median {statistics.median(got) * 1000:.2f} ms,"
              f" p95 {ss.pct(got, .95) * 1000:.2f} ms (n={len(got)})")
    print(f"candidate cache: {related_cache.stats()}; same links article by article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
