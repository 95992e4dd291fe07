"""Ingest benchmark: the 7,213 corpus articles served on loopback, ingested end to end.

A separate process serves the corpus as 5 news sites on 127.0.0.1 (one per source, each its own
port, i.e. its own host for the per-host limit): RSS 2.0 feeds listing every article of that
source, each at most MAX_ENTRIES_PER_FEED entries (a poll keeps them whole), and one HTML page
per article (rendered like the sample site's pages). This process runs
`poll_once` against them — feed fetch and parse, page fetch, extraction, store and every
registered processing step (search index, stories, digest, outbox) — and reports articles/s,
the share of time in fetch / extract / store, and peak memory (ru_maxrss). Then a second poll
of the unchanged sites must answer 304 everywhere and add no rows.

    .venv/bin/python benchmarks/ingest.py            # full corpus, median of 3 runs
    .venv/bin/python benchmarks/ingest.py --limit 50 --runs 1   # a quick smoke run
    .venv/bin/python benchmarks/ingest.py --story-model words   # the story step by words alone

Pages are served from another process so that the server's CPU is not charged to the ingest
(as with real, remote sites); on this 2-core machine the two still share the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.pipeline import poll_once  # noqa: E402
from digests.samplesite import Response, SampleSite, render_feed, render_page  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.sources import add_source  # noqa: E402
from digests.storage import Database  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
NOW = datetime(2018, 4, 1, tzinfo=timezone.utc)


def load_docs(limit: int | None) -> list[dict[str, Any]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    docs.sort(key=lambda d: (d.get("published") or "", d["id"]))
    return docs[:limit] if limit else docs


def _as_article(doc: dict[str, Any]) -> dict[str, Any]:
    return {"slug": doc["id"], "title": doc.get("title") or "", "style": "meta",
            "published": doc.get("published") or "2018-02-01T00:00:00+00:00",
            "author": doc.get("author") or "", "summary": doc.get("abstract") or "",
            "paragraphs": [p for p in (doc.get("text") or "").split("\n") if p.strip()],
            "site": doc["source"]}


FEED_CAP = Settings().max_entries_per_feed  # entries one feed lists (all kept by a poll)


def serve(limit: int | None, conn: Any) -> None:
    """Child process: serve one site per source until told to stop."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in load_docs(limit):
        by_source[doc["source"]].append(_as_article(doc))
    sites = []
    feeds: list[tuple[str, str, int]] = []
    for name, articles in sorted(by_source.items()):
        site = SampleSite(with_sample=False).start()
        base = site.base_url
        for article in articles:
            site.add_route(f"/news/{article['slug']}.html", Response(
                body=render_page(article, base).encode("utf-8"),
                last_modified=datetime.fromisoformat(article["published"])))
        # A poll keeps a feed's newest MAX_ENTRIES_PER_FEED entries (digests.settings, X43): a
        # site serves its articles as sections of at most that many each, as a large news site
        # does, or the benchmark would store 1,000 of the corpus (QA33 S13).
        for n, start in enumerate(range(0, len(articles), FEED_CAP), 1):
            part = articles[start:start + FEED_CAP]
            path = f"/feed-{n}.xml"
            feed = {"slug": f"{name}-{n}", "path": path, "format": "rss", "title": name}
            site.add_route(path, Response(body=render_feed(feed, part, base),
                                          content_type="application/rss+xml; charset=utf-8"))
            feeds.append((f"{name} {n}", site.url(path), len(part)))
        sites.append((name, site))
    conn.send(feeds)
    conn.recv()  # wait for "stop"
    conn.send(sum(site.hits() for _, site in sites))
    for _, site in sites:
        site.stop()


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_once(feeds: list[tuple[str, str, int]], workdir: Path, run: int,
             story_model: str | None = None) -> dict[str, float]:
    settings = Settings(database_path=workdir / f"bench-{run}.db", allow_private_sources=True,
                        fetch_timeout_seconds=60.0)
    if story_model is not None:  # the shipped default otherwise (digests.settings)
        settings = settings.replace(story_model=story_model)
    db = Database(settings.database_path)
    for name, url, _ in feeds:
        add_source(db, url, settings=settings, now=NOW, name=name)
    load_before = os.getloadavg()[0]
    cpu_self, cpu_children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    first = asyncio.run(poll_once(db, settings, now=NOW))
    wall = time.perf_counter() - started
    # CPU of this process plus the extraction worker (a child, reaped when the poll ends);
    # the page server is still running, so its CPU is not in RUSAGE_CHILDREN yet.
    cpu = (_cpu(resource.RUSAGE_SELF) - cpu_self) + (_cpu(resource.RUSAGE_CHILDREN) - cpu_children)
    load = (load_before + os.getloadavg()[0]) / 2
    rows = int(db.db.execute("select count(*) from articles").fetchone()[0])
    for (error,) in db.db.execute("select page_error from articles where page_error is not null"
                                  " limit 3"):
        print(f"  feed-only page: {error}")
    started = time.perf_counter()
    second = asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
    second_wall = time.perf_counter() - started
    rows_after = int(db.db.execute("select count(*) from articles").fetchone()[0])
    db.close()
    t = first.timings
    return {
        "sources": float(len(feeds)), "articles": float(first.new), "rows": float(rows),
        "wall": wall,
        "per_second": first.new / wall if wall else 0.0,
        "cpu_seconds": cpu,
        "per_cpu_second": first.new / cpu if cpu else 0.0,
        "load": load,
        "duplicates": float(sum(r.duplicates for r in first.reports)),
        "feed_only": float(sum(r.pages_failed for r in first.reports)),
        "failed_sources": float(first.failed),
        # extract (CPU) and store (serial) are shares of the wall time; the rest is fetching,
        # the event loop and waiting (requests overlap, so their summed latency is not a share)
        "extract_share": t.extract / wall,
        "store_share": t.store / wall,
        "fetch_share": max(0.0, 1.0 - (t.extract + t.store) / wall),
        "second_wall": second_wall,
        "second_unchanged": float(second.unchanged),
        "second_new_rows": float(rows_after - rows),
    }


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--runs", type=int, default=3, help="runs (the median is reported)")
    parser.add_argument("--story-model", choices=("use", "words"), default=None,
                        help="the story step's pair decision (default: the shipped setting); "
                             "run each in its own process: peak memory is the process's")
    args = parser.parse_args(argv)
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=serve, args=(args.limit, child), daemon=True)
    server.start()
    feeds: list[tuple[str, str, int]] = parent.recv()
    total = sum(n for _, _, n in feeds)
    print(f"serving {total} articles as {len(feeds)} feeds of at most {FEED_CAP} entries; "
          f"story model {args.story_model or Settings().story_model}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            result = run_once(feeds, Path(tmp), run, args.story_model)
            results.append(result)
            print(f"run {run + 1}: {result['articles']:.0f} new in {result['wall']:.1f} s = "
                  f"{result['per_second']:.1f} articles/s ({result['per_cpu_second']:.1f} per CPU-"
                  f"second, load average {result['load']:.1f}); second poll "
                  f"{result['second_wall']:.2f}"
                  f" s, {result['second_unchanged']:.0f}/{len(feeds)} answered 304, "
                  f"{result['second_new_rows']:.0f} new rows", flush=True)
    parent.send("stop")
    requests = parent.recv()
    server.join(timeout=10)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    median["peak_mb"] = peak_mb
    median["child_peak_mb"] = child_mb
    print(f"\nmedian of {len(results)} runs over {total} served articles:")
    print(f"  end to end: {median['per_second']:.1f} articles/s "
          f"({median['articles']:.0f} stored in {median['wall']:.1f} s; "
          f"{median['duplicates']:.0f} same-content duplicates skipped, "
          f"{median['feed_only']:.0f} feed-only, {median['failed_sources']:.0f} failed sources)")
    print(f"  CPU: {median['cpu_seconds']:.0f} s of ingest CPU (this process + extraction "
          f"worker) = {median['per_cpu_second']:.1f} articles per CPU-second; machine load "
          f"average during the runs {median['load']:.1f} on {os.cpu_count()} cores")
    print(f"  share of wall time: extract (feed+page parsing CPU) {median['extract_share']:.0%}, "
          f"store + processing steps {median['store_share']:.0%}, fetch and the rest "
          f"{median['fetch_share']:.0%}")
    print(f"  peak memory (ru_maxrss of the ingest process): {peak_mb:.0f} MB; largest child "
          f"process (the page server holding the corpus, or the extraction worker): "
          f"{child_mb:.0f} MB")
    print(f"  second poll: {median['second_unchanged']:.0f}/{len(feeds)} feeds 304, "
          f"{median['second_new_rows']:.0f} new rows, {median['second_wall']:.2f} s")
    print(f"  requests served: {requests}")
    return median


if __name__ == "__main__":
    main()
