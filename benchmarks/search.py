"""Search speed: query latency p50/p95 at 7k and 1M articles, index build rate, database size.

- 7k: the shared corpus (7,213 articles) indexed through digests.search_index.index_article.
- 1M: the corpus replicated to 1,000,000 articles with new ids and dates shifted back 59 days per
  copy (ids grow with dates, as ingest order does), built once with a bulk path (keys analyzed
  once per distinct article, rows and FTS entries written with executemany) into
  benchmarks/out/search-1m.db and reused when present (--rebuild to force).
- Queries: 1,000 mixed queries with a fixed seed: the quality topics, very common words (سوريا,
  الرئيس …), random corpus words of every frequency, two-word title phrases, English words,
  hostile strings and misspellings (nothing found → suggestions). search() runs as the bot calls
  it (limit 10, matched words, digests built from rows); each query's time is its median over
  --runs runs, and p50/p95 are taken over those (wall and CPU time).

    .venv/bin/python benchmarks/search.py [--skip-1m] [--rebuild] [--runs 3] [--queries 1000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sqlite3
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import build_db, load_corpus  # noqa: E402
from topics import TOPICS  # noqa: E402

from digests.arabic import analyze  # noqa: E402
from digests.search import search  # noqa: E402
from digests.storage import Database  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
COMMON = ["سوريا", "الرئيس", "الأمريكي", "الحكومة", "روسيا", "ترامب", "السعودية", "الولايات",
          "مصر", "العراق", "قوات", "الغوطة", "مقتل", "اليوم", "الأمم المتحدة", "الجيش"]
HOSTILE = ['"', "AND", "-x", "(", "NEAR(", "*", "😀", "في من", "x" * 300, "الغوطة " * 300]
ENGLISH = ["Trump", "Facebook", "BBC", "iPhone", "Putin", "World Cup", "CNN", "Apple"]


def make_queries(docs: list[dict[str, Any]], n: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query) pairs, mixed as described in the module docstring."""
    rng = random.Random(seed)
    words: list[str] = []
    pairs: list[str] = []
    for d in rng.sample(docs, min(len(docs), 2000)):
        title = (d.get("title") or "").split()
        words.extend(w.strip("\"«»،.:؟!()") for w in title if len(w) > 2)
        if len(title) >= 2:
            i = rng.randrange(len(title) - 1)
            pairs.append(f"{title[i]} {title[i + 1]}")
    words = [w for w in words if w]
    typos = [t.query[:-1] + "ا" for t in TOPICS if " " not in t.query]
    mix = ([("topic", t.query) for t in TOPICS] * 4 + [("common", w) for w in COMMON] * 10
           + [("english", w) for w in ENGLISH] * 3 + [("hostile", h) for h in HOSTILE] * 2
           + [("typo", t) for t in typos])
    while len(mix) < n:
        mix.append(("word", rng.choice(words)) if rng.random() < 0.7 else ("pair", rng.choice(pairs)))
    rng.shuffle(mix)
    return mix[:n]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(path: Path, queries: list[tuple[str, str]], runs: int, now: datetime
            ) -> dict[str, Any]:
    """Latency of every query over `runs` runs.

    Each query's figure is its median over the runs (a load spike from another process on the
    shared machine hits different queries in different runs); p50/p95 are taken over those
    per-query medians, overall and per kind. CPU time (process_time) is reported beside wall time:
    it is what the query costs this process, whatever else the machine is doing.
    """
    wall: list[list[float]] = [[] for _ in queries]
    cpu: list[list[float]] = [[] for _ in queries]
    with Database(path) as database:
        for q in queries[:50]:  # warm the page cache and the analyzer's caches
            search(database.db, q[1], now=now)
        for _ in range(runs):
            for i, (_kind, q) in enumerate(queries):
                c, t = time.process_time(), time.perf_counter()
                search(database.db, q, now=now)
                wall[i].append((time.perf_counter() - t) * 1000)
                cpu[i].append((time.process_time() - c) * 1000)
    w = [statistics.median(x) for x in wall]
    c = [statistics.median(x) for x in cpu]
    kinds: dict[str, list[float]] = {}
    for (kind, _q), ms in zip(queries, w):
        kinds.setdefault(kind, []).append(ms)
    return {
        "p50_ms": percentile(w, 0.5), "p95_ms": percentile(w, 0.95), "max_ms": max(w),
        "cpu_p50_ms": percentile(c, 0.5), "cpu_p95_ms": percentile(c, 0.95),
        "kinds_p50_p95_ms": {k: (percentile(v, 0.5), percentile(v, 0.95))
                             for k, v in kinds.items()},
        "slowest": sorted(((ms, q[:40]) for (_k, q), ms in zip(queries, w)), reverse=True)[:5],
    }


def measure_related(path: Path, n: int = 100) -> dict[str, float]:
    """related_articles (run by the digest step at ingest) for n of the newest articles."""
    from digests.records import ARTICLE_SELECT, article_from_row
    from digests.related import related_articles

    times: list[float] = []
    found: list[int] = []
    with Database(path) as database:
        newest = database.db.execute("select max(id) from articles").fetchone()[0]
        ids = list(range(max(1, newest - 20 * n), newest + 1, 20))[-n:]
        for aid in ids:
            rows = list(database.db.query(f"{ARTICLE_SELECT} where articles.id = ?", [aid]))
            if not rows:
                continue
            article = article_from_row(rows[0])
            t = time.perf_counter()
            found.append(len(related_articles(database.db, article)))
            times.append((time.perf_counter() - t) * 1000)
    return {"related_p50_ms": percentile(times, 0.5), "related_p95_ms": percentile(times, 0.95),
            "related_mean_links": statistics.mean(found) if found else 0.0}


def build_million(path: Path, docs: list[dict[str, Any]], total: int) -> dict[str, float]:
    """The replicated archive, written in bulk; returns timings."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    Database(path).close()  # schema and migrations, as the app creates them
    t0 = time.perf_counter()
    keyed = [(" ".join(analyze(d.get("title") or "")), " ".join(analyze(d.get("text") or "")))
             for d in docs]
    analyze_s = time.perf_counter() - t0
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("pragma journal_mode=off")
    conn.execute("pragma synchronous=off")
    conn.execute("pragma cache_size=-1000000")
    sources = sorted({d["source"] for d in docs})
    sid = {name: i for i, name in enumerate(sources, 1)}
    conn.execute("begin")
    for name, i in sid.items():
        conn.execute("insert or ignore into sources (id, url, name, added_at) values (?,?,?,?)",
                     [i, f"https://example.invalid/{name}", name, "2018-01-01T00:00:00+00:00"])
    copies = -(-total // len(docs))
    t1 = time.perf_counter()
    aid = 0
    for copy in range(copies - 1, -1, -1):  # oldest copy first: ids grow with dates
        shift = timedelta(days=59 * copy)
        batch_a, batch_f = [], []
        for d, (tk, bk) in zip(docs, keyed):
            if aid >= total:
                break
            aid += 1
            pub = d.get("published")
            if pub:
                pub = (datetime.fromisoformat(pub) - shift).isoformat()
            url = f"{d['url']}#{aid}"
            batch_a.append((aid, sid[d["source"]], url, url, str(aid), d.get("title") or "",
                            pub, d.get("text") or "", d.get("abstract") or "",
                            "2018-04-01T00:00:00+00:00", "2018-04-01T00:00:00+00:00"))
            batch_f.append((aid, tk, bk))
        conn.executemany(
            "insert into articles (id, source_id, url, url_key, content_hash, title,"
            " published_at, body, summary, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)",
            batch_a)
        conn.executemany("insert into articles_fts (rowid, title_keys, body_keys)"
                         " values (?,?,?)", batch_f)
        if copy % 20 == 0:
            print(f"  copy {copies - copy}/{copies} articles={aid}"
                  f" {time.perf_counter() - t1:.0f}s", flush=True)
    conn.execute("commit")
    insert_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    conn.execute("insert into articles_fts (articles_fts) values ('optimize')")
    optimize_s = time.perf_counter() - t2
    conn.close()
    return {"articles": aid, "analyze_s": analyze_s, "insert_s": insert_s,
            "optimize_s": optimize_s}


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-1m", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the 1M archive")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--total", type=int, default=1_000_000, help="size of the big archive")
    parser.add_argument("--limit-docs", type=int, default=0, help="smoke runs: first N docs")
    parser.add_argument("--out", type=Path, default=OUT, help="where databases and reports go")
    args = parser.parse_args()
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = load_corpus()
    if args.limit_docs:
        docs = docs[:args.limit_docs]
    queries = make_queries(docs, args.queries)
    now = datetime(2018, 4, 1, tzinfo=timezone.utc)
    report: dict[str, Any] = {"queries": len(queries), "runs": args.runs}

    small = out_dir / "search-7k.db"
    t = time.perf_counter()
    index_s = build_db(small, docs)
    total_s = time.perf_counter() - t
    report["7k"] = {"articles": len(docs), "index_rate_per_s": len(docs) / index_s,
                    "build_rate_per_s": len(docs) / total_s, "db_mb": size_mb(small),
                    **measure(small, queries, args.runs, now), **measure_related(small)}
    print(json.dumps({"7k": report["7k"]}, ensure_ascii=False, indent=1), flush=True)

    if not args.skip_1m:
        name = "search-1m.db" if args.total == 1_000_000 else f"search-{args.total}.db"
        big = out_dir / name
        if args.rebuild or not big.exists():
            print(f"building {big.name} (bulk path)...", flush=True)
            built = build_million(big, docs, args.total)
            built["rate_per_s"] = built["articles"] / (built["analyze_s"] + built["insert_s"])
            (out_dir / (big.name + ".build.json")).write_text(json.dumps(built))
        build_file = out_dir / (big.name + ".build.json")
        built = json.loads(build_file.read_text()) if build_file.exists() else {}
        report["1m"] = {"build": built, "db_mb": size_mb(big),
                        **measure(big, queries, args.runs, now + timedelta(days=1)),
                        **measure_related(big)}
        print(json.dumps({"1m": report["1m"]}, ensure_ascii=False, indent=1), flush=True)
    (out_dir / "search-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
