"""The stored digest step (`digests.digest.store_digest`) as the archive grows: 1k, 7k, 35k+.

    .venv/bin/python benchmarks/store_speed.py [--sizes 7213,36065] [--sample 300] [--runs 3]
        [--profile] [--keep DIR]

1. The corpus goes in oldest first through the real processing steps (search index, story,
   digest) on a SQLite file; the digest step is timed for every article (the archive 0–7,213).
2. Larger archives: the ingested corpus is copied with new ids, story ids offset and dates shifted
   by 61 days a copy (benchmarks/stories.py's archive: a 48 h window keeps the corpus's density of
   news), search index, story tables and stored digests copied too. At each size `--sample` corpus
   articles, placed half a period into a random copy's time range, are stored: index and story
   steps untimed, then `store_digest` timed `--runs` times (each run rolled back, so every run sees
   the same archive); the per-article median of the runs is kept.

Wall time and CPU time of the thread (`time.thread_time`) are printed side by side: the machine is
shared, and waiting for a core is not the step's cost. `--profile` prints a cProfile of the step at
the largest size. `--keep DIR` leaves `corpus.db` (step 1's file) there: `store_compare.py` compares
two such files row by row (the output check of a speed change).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.digest import condense, store_digest  # noqa: E402
from digests.models import iso, parse_iso  # noqa: E402
from digests.processing import StoreContext  # noqa: E402
from digests.records import ARTICLE_SELECT, article_from_row  # noqa: E402
from digests.search_index import index_article  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.storage import Database  # noqa: E402
from digests.stories import assign_story  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
PERIOD = timedelta(days=61)
NOW = datetime(2026, 11, 30, tzinfo=timezone.utc)
# Tables copied per replica, with their id columns (offset by the copy's id or story offset).
STORY_TABLES = ("story_vectors", "article_vectors", "story_terms")


@dataclass(frozen=True)
class Timing:
    """One article's step: wall and CPU seconds."""

    wall: float
    cpu: float


def load(path: Path) -> list[dict[str, Any]]:
    """Corpus rows oldest first (ties by id), as the feeds would bring them."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    for d in docs:
        d["when"] = parse_iso(d.get("published")) or NOW
    docs.sort(key=lambda d: (d["when"], d["id"]))
    return docs


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))] if ordered else 0.0


def describe(times: list[Timing]) -> str:
    wall, cpu = [t.wall for t in times], [t.cpu for t in times]
    return (f"wall median {statistics.median(wall) * 1000:.2f} ms p95 {pct(wall, .95) * 1000:.2f} ms"
            f" | CPU median {statistics.median(cpu) * 1000:.2f} ms p95 {pct(cpu, .95) * 1000:.2f} ms"
            f" (n={len(times)})")


def sources(db: Database, docs: list[dict[str, Any]]) -> dict[str, int]:
    with db.transaction() as tx:
        for name in sorted({d["source"] for d in docs}):
            tx.execute("insert or ignore into sources (url, name, added_at) values (?,?,?)",
                       [f"https://example.invalid/{name}", name, iso(NOW)])
    return {r[1]: r[0] for r in db.conn.execute("select id, name from sources").fetchall()}


def insert(db: Any, d: dict[str, Any], article_id: int, source_id: int, shift: timedelta) -> None:
    db.execute(
        "insert into articles (id, source_id, url, url_key, content_hash, title, published_at,"
        " body, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)",
        [article_id, source_id, f"{d['url']}#{article_id}" if shift else d["url"],
         f"k{article_id}", f"h{article_id}", d["title"] or "", iso(d["when"] + shift),
         d["text"] or "", iso(NOW), iso(NOW)])


def stored(db: Any, article_id: int) -> Any:
    row = next(iter(db.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id])))
    return article_from_row(row)


def timed(fn: Any, *args: Any, **kw: Any) -> Timing:
    t, c = time.perf_counter(), time.thread_time()
    fn(*args, **kw)
    return Timing(time.perf_counter() - t, time.thread_time() - c)


def ingest(db: Database, docs: list[dict[str, Any]]) -> list[Timing]:
    """Every doc through index, story and digest steps (one transaction each); digest timed."""
    sid = sources(db, docs)
    ctx = StoreContext(now=NOW, settings=Settings(), backfill=True)
    times = []
    for n, d in enumerate(docs, 1):
        with db.transaction() as tx:
            insert(tx, d, n, sid[d["source"]], timedelta(0))
            article = stored(tx, n)
            index_article(tx, article, ctx)
            assign_story(tx, article, ctx)
            times.append(timed(store_digest, tx, stored(tx, n), ctx))
    return times


def _shifter(days: int) -> Any:
    def shift(stamp: str | None) -> str | None:
        when = parse_iso(stamp) if stamp else None
        return iso(when + timedelta(days=days)) if when else None
    return shift


def replicate(db: Database, n: int, copy: int) -> None:
    """Copy k of the first `n` articles (ids 1..n): ids + k·n, story ids + k·n, dates + k·61 d."""
    off = copy * n
    db.conn.create_function("shifted", 1, _shifter(PERIOD.days * copy))
    cols = [r[1] for r in db.conn.execute("pragma table_info(articles)").fetchall()]
    moved = {"id": f"id + {off}", "url": f"url || '#{off}'", "url_key": f"url_key || '#{off}'",
             "content_hash": f"content_hash || '#{off}'", "story_id": f"story_id + {off}",
             "published_at": "shifted(published_at)"}
    select = ", ".join(moved.get(c, c) for c in cols)
    story_cols = [r[1] for r in db.conn.execute("pragma table_info(stories)").fetchall()]
    story_moved = {"id": f"id + {off}", "first_published_at": "shifted(first_published_at)",
                   "last_published_at": "shifted(last_published_at)"}
    with db.transaction() as tx:
        tx.execute(f"insert into articles ({', '.join(cols)}) select {select} from articles"
                   f" where id <= {n}")
        tx.execute("insert into articles_fts (rowid, title_keys, body_keys) select rowid + ?,"
                   " title_keys, body_keys from articles_fts where rowid <= ?", [off, n])
        tx.execute(f"insert into stories ({', '.join(story_cols)}) select "
                   f"{', '.join(story_moved.get(c, c) for c in story_cols)} from stories"
                   f" where id <= {n}")
        for table in STORY_TABLES:
            tcols = [r[1] for r in db.conn.execute(f"pragma table_info({table})").fetchall()]
            tmoved = {"article_id": f"article_id + {off}", "published_at": "shifted(published_at)"}
            tx.execute(f"insert into {table} ({', '.join(tcols)}) select "
                       f"{', '.join(tmoved.get(c, c) for c in tcols)} from {table}"
                       f" where article_id <= {n}")


def cold() -> None:
    """Forget what the tree under test keeps between articles, so every timed run pays it."""
    try:
        from digests import related_cache
    except ImportError:  # a tree without the cache (the baseline)
        return
    related_cache.clear()


def sample_store(db: Database, docs: list[dict[str, Any]], copies: int, sample: int, runs: int,
                 next_id: int, profile: cProfile.Profile | None, *, live: bool) -> list[Timing]:
    """`sample` new articles stored into the archive; store_digest timed `runs` times each, cold.

    `live`: each is news, dated after the whole archive (it finds its own text 61 days earlier
    among its candidates); else it is placed half a period into a random copy's time range, as a
    late page or a refreshed old digest is (its search passes over the newer archive)."""
    rng = random.Random(7)
    sid = {r[1]: r[0] for r in db.conn.execute("select id, name from sources").fetchall()}
    out = []
    for i, d in enumerate(rng.sample(docs, sample)):
        shift = PERIOD * copies if live else PERIOD * rng.randrange(copies) + PERIOD / 2
        article_id = next_id + i
        ctx = StoreContext(now=NOW + shift, settings=Settings(), backfill=True)
        runs_of: list[Timing] = []
        for _ in range(runs):
            db.conn.execute("BEGIN IMMEDIATE")
            try:
                insert(db.db, d, article_id, sid[d["source"]], shift)
                article = stored(db.db, article_id)
                index_article(db.db, article, ctx)
                assign_story(db.db, article, ctx)
                article = stored(db.db, article_id)
                cold()
                if profile is not None:
                    profile.enable()
                runs_of.append(timed(store_digest, db.db, article, ctx))
                if profile is not None:
                    profile.disable()
            finally:
                db.conn.execute("ROLLBACK")
        out.append(Timing(statistics.median(t.wall for t in runs_of),
                          statistics.median(t.cpu for t in runs_of)))
    return out


def variant(name: str) -> None:
    """Run the stored step as the session-13 start code did ("start") or as now ("new"), in this
    process: the start code analyzed every candidate afresh (no cache), keyed every link's URL
    afresh and read the story once per sibling. The "start" functions are the start code's lines,
    so before and after are timed under the same load, interleaved."""
    import digests.digest as digest
    import digests.related as related
    from digests import related_cache
    from digests.signatures import content_counts, signature

    def fresh(article_id: int, title_keys: str, body_keys: str) -> related_cache.Analysis:
        keys = title_keys.split()
        body = content_counts(body_keys.split())
        return related_cache.Analysis(tuple(keys), body, signature(keys, body))

    def per_sibling(db: Any, siblings: Any) -> None:
        for sibling in siblings:
            digest._refresh_sibling(db, sibling)

    if not hasattr(variant, "new"):  # the functions as imported: the "new" variant
        setattr(variant, "new", (related.candidate, digest._key, digest._refresh_siblings))
    start = (fresh, getattr(variant, "new")[1].__wrapped__, per_sibling)
    chosen = getattr(variant, "new") if name == "new" else start
    setattr(related, "candidate", chosen[0])
    setattr(digest, "_key", chosen[1])
    setattr(digest, "_refresh_siblings", chosen[2])
    related_cache.clear()


def stream(db: Database, docs: list[dict[str, Any]], copies: int, count: int,
           found: bool, profile: cProfile.Profile | None = None, warm: int = 0) -> list[Timing]:
    """The first `warm` + `count` corpus articles arriving as news after the whole archive, in
    date order, in one transaction rolled back at the end; store_digest timed for the last
    `count` (the first `warm` are the process's recent past: what it keeps between articles is
    warm as in a process that has been storing the news)."""
    sid = {r[1]: r[0] for r in db.conn.execute("select id, name from sources").fetchall()}
    shift = PERIOD * copies
    out = []
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        for i, d in enumerate(docs[:warm + count]):
            article_id = 20_000_000 + i
            ctx = StoreContext(now=d["when"] + shift, settings=Settings(), backfill=True)
            insert(db.db, d, article_id, sid[d["source"]], shift)
            index_article(db.db, stored(db.db, article_id), ctx)
            assign_story(db.db, stored(db.db, article_id), ctx)
            article = stored(db.db, article_id)
            if i < warm:
                store_digest(db.db, article, ctx)
                continue
            if profile is not None:
                profile.enable()
            if found:  # the pipeline finds headline and quotes before the transaction
                made = condense(article)
                out.append(timed(store_digest, db.db, article, ctx,
                                 found=(made.headline, made.quotes)))
            else:
                out.append(timed(store_digest, db.db, article, ctx))
            if profile is not None:
                profile.disable()
    finally:
        db.conn.execute("ROLLBACK")
    return out


def compare_stream(db: Database, docs: list[dict[str, Any]], copies: int, count: int,
                   rounds: int, found: bool = False,
                   profile: cProfile.Profile | None = None, warm: int = 0) -> None:
    """`stream` with the start code and the new code, interleaved; per-article medians."""
    runs: dict[str, list[list[Timing]]] = {"start": [], "new": []}
    for r in range(rounds):
        for name in (("start", "new") if r % 2 == 0 else ("new", "start")):
            variant(name)
            last = profile if name == "new" and r == rounds - 1 else None
            runs[name].append(stream(db, docs, copies, count, found, last, warm))
    variant("new")
    archive = db.conn.execute("select count(*) from articles").fetchone()[0]
    for name, got in runs.items():
        per = [Timing(statistics.median(t[i].wall for t in got),
                      statistics.median(t[i].cpu for t in got)) for i in range(len(got[0]))]
        what = "store_digest(found=)" if found else "store_digest"
        print(f"archive {archive:>7} news stream, {name:>5} code: {what} {describe(per)}"
              f"  rounds={rounds}, after {warm} untimed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N corpus articles")
    parser.add_argument("--sizes", default="36065",
                        help="archive sizes after the corpus (copies of it), comma-separated")
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", type=Path, help="leave corpus.db (the ingested corpus) here")
    parser.add_argument("--stream", type=int, default=0,
                        help="at each size, N articles arriving as news, timed with the start "
                             "code and the new code interleaved in this process")
    parser.add_argument("--warm", type=int, default=0,
                        help="--stream: store this many news articles untimed first")
    parser.add_argument("--rounds", type=int, default=2, help="--stream rounds of each code")
    parser.add_argument("--found", action="store_true",
                        help="--stream: headline and quotes found before the step, as the "
                             "pipeline does (digests.prepared): only the in-transaction part")
    parser.add_argument("--no-sample", action="store_true", help="only the --stream figures")
    args = parser.parse_args(argv)
    docs = load(args.corpus)[: args.limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.db"
        db = Database(path)
        cold()
        times = ingest(db, docs)
        n = len(docs)
        for lo, hi in ((0, min(1000, n)), (n // 2, n)):
            if hi > lo:
                print(f"ingest, archive {lo:>6}-{hi:<6}: store_digest {describe(times[lo:hi])}")
        try:
            from digests import related_cache
            print(f"candidate cache after the ingest: {related_cache.stats()}")
        except ImportError:
            pass
        db.close()
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, args.keep / "corpus.db")
        db = Database(path)
        profile = cProfile.Profile() if args.profile else None
        sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
        copies = 1
        for k, size in enumerate(sizes):
            while copies * n < size:
                replicate(db, n, copies)
                copies += 1
            archive = db.conn.execute("select count(*) from articles").fetchone()[0]
            if args.stream:
                compare_stream(db, docs, copies, args.stream, args.rounds, args.found,
                               profile if k == len(sizes) - 1 else None, args.warm)
            for live in (() if args.no_sample else (True, False)):
                last = profile if k == len(sizes) - 1 and live else None
                got = sample_store(db, docs, copies, args.sample, args.runs, 10_000_000, last,
                                   live=live)
                print(f"archive {archive:>7} {'news' if live else 'late'}: store_digest"
                      f" {describe(got)}  runs={args.runs}, cold")
        db.close()
        if profile is not None:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
