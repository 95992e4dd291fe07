"""Joining a story that keeps growing: time per join as one story reaches N reports.

Usage: `.venv/bin/python benchmarks/story_flood.py [--sizes 100 400] [--runs 3]`

A site whose pages all extract to one boilerplate (a cookie wall, «فعّل جافاسكربت») makes one story
of every article it publishes (QA8 F4). Every article here is stored and given its story by the
real step (digests.stories.assign_story on a file database, one transaction each, as ingest
does); the same body with numbered titles. Printed: the median time of the joins made while the
story holds between 90% and 100% of each size, with the cap on weighed reports
(stories.MAX_MEMBERS) and, in the same process, without it (the code before the cap) as the
baseline. Words only (no meaning model), so the figure is the story step's own.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests import stories  # noqa: E402
from digests.models import iso  # noqa: E402
from digests.processing import StoreContext, run_steps  # noqa: E402
from digests.records import ARTICLE_SELECT, article_from_row  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.storage import Database  # noqa: E402

T0 = datetime(2026, 3, 3, 7, 0, tzinfo=timezone.utc)
TITLE = "زلزال بقوة 6.2 درجات يضرب جزيرة كريت اليونانية"
BODY = ("ضرب زلزال بقوة 6.2 درجات على مقياس ريختر جزيرة كريت اليونانية صباح الثلاثاء، وفق ما أعلن"
        " المعهد الجيوديناميكي في أثينا.\nوقال رئيس بلدية هيراكليون إن الهزة تسببت في تشقق جدران"
        " عدد من المباني القديمة وانهيار سور مدرسة، دون تسجيل إصابات خطيرة.\nوشعر سكان جزر"
        " سانتوريني ورودس بالهزة التي استمرت نحو عشرين ثانية.")


def flood(size: int, cap: int) -> float:
    """Median seconds per join over the last 10% of a story grown to `size` reports."""
    saved = stories.MAX_MEMBERS
    stories.MAX_MEMBERS = cap
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(database_path=Path(tmp) / "flood.db", semantic_model=False)
            db = Database(settings.database_path)
            with db.transaction() as tx:
                source = int(tx.execute("insert into sources (url, name, added_at) values (?,?,?)",
                                        ["https://flood.test/feed", "flood", iso(T0)]).lastrowid or 0)
            times = []
            for n in range(size):
                when = T0 + timedelta(seconds=60 * n * 24 * 3600 // (60 * max(size, 1)))
                with db.transaction() as tx:
                    cur = tx.execute(
                        "insert into articles (source_id, url, url_key, content_hash, title, body,"
                        " published_at, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?)",
                        [source, f"https://flood.test/{n}", f"flood.test/{n}", f"h{n}",
                         f"{TITLE} ({n})", BODY, iso(when), iso(when), iso(when)])
                    row = next(iter(tx.query(f"{ARTICLE_SELECT} where articles.id = ?",
                                             [cur.lastrowid])))
                    article = article_from_row(row)
                    start = time.perf_counter()
                    run_steps(tx, article, StoreContext(now=when, settings=settings),
                              steps=[stories.assign_story])
                    times.append(time.perf_counter() - start)
            db.close()
        return statistics.median(times[int(size * 0.9):])
    finally:
        stories.MAX_MEMBERS = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"cap MAX_MEMBERS = {stories.MAX_MEMBERS}; median of {args.runs} runs each")
    for size in args.sizes:
        capped = statistics.median(flood(size, stories.MAX_MEMBERS) for _ in range(args.runs))
        uncapped = statistics.median(flood(size, 10**9) for _ in range(args.runs))
        print(f"story of {size:>5} reports: join {capped * 1000:7.2f} ms with the cap, "
              f"{uncapped * 1000:7.2f} ms without (x{uncapped / capped:.1f})")


if __name__ == "__main__":
    main()
