"""One oversized article page through the whole ingest (QA14 F5): time, peak memory, database.

Each run is a fresh child process that serves one feed with one entry on 127.0.0.1 (the page is
one paragraph, «الغوطة » repeated, like QA14's /only-oneline.html) and ingests it with
`poll_once` into a new SQLite file. The parent reads the child's peak RSS (`os.wait4`), so
imports and the sample server count as they do for `run.py ingest --once`.

`--tree` runs the same measurement against another checkout (e.g. a `git archive` of the commit
before the change), so before and after come from one machine in one sitting:

    .venv/bin/python benchmarks/page_cap.py                       # this tree, median of 3
    .venv/bin/python benchmarks/page_cap.py --tree /tmp/before    # the baseline
    .venv/bin/python benchmarks/page_cap.py --words 2000 --runs 1 # smoke size
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The child: serve the page, poll once, report what was stored. Only APIs present in both the
# before and after trees (poll_once, SampleSite, add_source).
CHILD = r"""
import asyncio, json, sys, tempfile, time
from datetime import datetime, timezone
from pathlib import Path
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

words = int(sys.argv[1])
page = ("<html><body><p>" + "الغوطة " * words + "</p></body></html>").encode()
now = datetime(2026, 11, 30, 4, tzinfo=timezone.utc)
with tempfile.TemporaryDirectory() as tmp, SampleSite() as site:
    site.add_route("/p/oneline.html", Response(body=page))
    feed = ('<rss version="2.0"><channel><title>t</title><item><title>صفحة طويلة عن الغوطة</title>'
            f"<link>{site.url('/p/oneline.html')}</link><guid>one</guid>"
            "<pubDate>Mon, 30 Nov 2026 03:00:00 +0000</pubDate></item></channel></rss>").encode()
    site.add_route("/only.xml", Response(body=feed, content_type="application/rss+xml"))
    path = Path(tmp) / "b.db"
    settings = Settings(database_path=path, allow_private_sources=True)
    with Database(path) as db:
        add_source(db, site.url("/only.xml"), settings=settings, now=now)
        started = time.perf_counter()
        summary = asyncio.run(poll_once(db, settings, now=now))
        elapsed = time.perf_counter() - started
        row = db.db.execute("select length(coalesce(body, '')), page_error from articles").fetchone()
    size = path.stat().st_size
print(json.dumps({"seconds": elapsed, "new": summary.new, "body_chars": row[0],
                  "page_error": (row[1] or "")[:80], "db_bytes": size, "page_bytes": len(page)}))
"""


def run_once(tree: Path, words: int) -> dict[str, float | str]:
    """One child run: its report plus its peak RSS in MB."""
    env = dict(os.environ, PYTHONPATH=str(tree), LOG_LEVEL="WARNING")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(words)], cwd=tree, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"child failed (status {status}) in {tree}")
    report: dict[str, float | str] = json.loads(out)
    report["max_rss_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--words", type=int, nargs="*", default=[700_000, 300_000, 10_000],
                        help="page sizes, in repetitions of «الغوطة » (13 bytes each)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"tree={args.tree} runs={args.runs}")
    for words in args.words:
        runs = [run_once(args.tree, words) for _ in range(args.runs)]
        last = runs[-1]
        seconds = statistics.median(float(r["seconds"]) for r in runs)
        rss = statistics.median(float(r["max_rss_mb"]) for r in runs)
        print(f"page {int(last['page_bytes']) / 1e6:.1f} MB: poll {seconds:.2f} s, "
              f"max RSS {rss:.0f} MB, db {int(last['db_bytes']) / 1e6:.2f} MB, "
              f"body {last['body_chars']} chars, page_error «{last['page_error']}»")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
