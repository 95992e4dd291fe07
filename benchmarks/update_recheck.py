"""What the sender's re-check of an update costs per row (brief X27).

    .venv/bin/python benchmarks/update_recheck.py [--updates N] [--runs R] [--no-vectors]

The sender asks, for each update row it is about to send, whether the update now repeats news
the chat was sent under another story (bot.sender `_without_repeats` →
digests.repeats.repeating_rows): the update's lead and vector once, then every distinct report
of another story the chat was sent in the last 48 h — its stored whole-text vector first
(story_vectors, as the story step stores it), analyzed only when that cosine reaches SIM_FLOOR.
This runs on the event loop, so its cost per row is what the sending loop pays.

Corpus articles in a fresh SQLite file (each its own story; story vectors stored as ingest
would, or not: `--no-vectors`), one chat per reading pattern, whose 48 h before the update hold
the reports it was sent:
- `topics`: QA18's four-topic instant reader (الغوطة, ترامب, الدوري الإسباني, النفط) — the reports
  of the 48 h its alerts carried (digests.topic_match.alert_matches): similar news, the costly case;
- `everything`: a reader sent the 200 latest reports of the 48 h, whatever they are.
The updates are N later articles its topics carry (or any, for `everything`). Per pattern:
the reports in the window, the median and 90th percentile milliseconds per update row over R
runs (the median of the runs' medians), and how many updates the re-check would skip. «cold»:
no sent report analyzed before the row (the first update of a pass); «warm»: the reports
analyzed for the chat's earlier updates are kept (digests.repeats keeps 512), as in a
running sender. Each article is its own story here, so a later report of the same event
counts as a repeat: «skipped» says the rule fires, not how often real updates repeat
(benchmarks/update_repeats.py measures that on the labelled pairs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import insert_rows, load_corpus  # noqa: E402

from digests.models import Article, iso, parse_iso  # noqa: E402
from digests.topic_match import alert_matches  # noqa: E402
from digests.repeats import REPEAT_WINDOW, Queued, _stored, repeating_rows  # noqa: E402
from digests.similarity import story_vector  # noqa: E402
from digests.storage import Database  # noqa: E402

TOPICS = ("الغوطة", "ترامب", "الدوري الإسباني", "النفط")  # QA18's instant reader
EVERYTHING = 200


def _article(n: int, d: dict[str, Any]) -> Article:
    return Article(id=n, source_id=0, source_name=d.get("source") or "", url="",
                   title=d.get("title") or "",
                   paragraphs=tuple(p for p in (d.get("text") or "").split("\n") if p.strip()))


def build(db: Database, docs: list[dict[str, Any]], vectors: bool) -> None:
    """The articles (ids 1…), each its own story, with their story vectors when asked."""
    insert_rows(db, docs, index=False)
    with db.transaction() as tx:
        for n, d in enumerate(docs, 1):
            tx.execute("insert into stories (id, created_at, headline) values (?, ?, ?)",
                       [n, d.get("published") or "2018-02-01T00:00:00+00:00",
                        d.get("title") or ""])
            tx.execute("update articles set story_id = ? where id = ?", [n, n])
            if vectors:
                tx.execute("insert into story_vectors (article_id, published_at, vector)"
                           " values (?, ?, ?)",
                           [n, d.get("published") or "", story_vector(
                               d.get("title") or "", d.get("text") or "").to_blob()])


def measure(db: Database, docs: list[dict[str, Any]], chat: int, carries: Any,
            updates: int, runs: int, everything: bool, cold: bool
            ) -> tuple[int, list[list[float]], int]:
    """(reports in the window, per run the milliseconds of each update row, updates the
    re-check skips)."""
    middle = len(docs) // 2 + chat * 50  # each chat its own later articles
    start = parse_iso(docs[middle].get("published"))
    assert start is not None
    window = [n for n, d in enumerate(docs, 1)
              if (t := parse_iso(d.get("published"))) is not None
              and start - REPEAT_WINDOW <= t < start and carries(n)]
    if everything:
        window = window[-EVERYTHING:]
    with db.transaction() as tx:
        tx.execute("insert into chats (id, type, language, active, mode, daily_hour,"
                   " created_at) values (?, 'private', 'ar', 1, 'instant', 8, ?)",
                   [chat, iso(start)])
        for n in window:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status, sent_at) values (?, ?, ?, 'instant', ?, 'sent', ?)",
                       [chat, n, n, iso(start), iso(start - timedelta(minutes=1))])
    later = [n for n in range(middle + 1, len(docs) + 1) if carries(n)][:updates]
    times: list[list[float]] = []
    skipped = 0
    for _ in range(runs):
        _stored.cache_clear()
        run: list[float] = []
        skipped = 0
        for n in later:
            if cold:
                _stored.cache_clear()  # no report of the window analyzed before this row
            began = time.perf_counter()
            skipped += bool(repeating_rows(db.db, [Queued(n, chat, n, n)], start))
            run.append((time.perf_counter() - began) * 1000)
        times.append(sorted(run))
    return len(window), times, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=40, help="update rows timed per pattern")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-vectors", action="store_true",
                        help="no stored story vectors: every sent report analyzed")
    parser.add_argument("--limit-docs", type=int, default=0, help="smoke runs: first N docs")
    args = parser.parse_args()
    docs = load_corpus()[:args.limit_docs or None]
    articles = [_article(n, d) for n, d in enumerate(docs, 1)]
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "recheck.db")
        t = time.perf_counter()
        build(db, docs, vectors=not args.no_vectors)
        print(f"{len(docs)} articles stored in {time.perf_counter() - t:.0f} s"
              f" (story vectors: {'no' if args.no_vectors else 'yes'})")

        def topical(n: int) -> bool:
            return any(alert_matches(topic, articles[n - 1]) for topic in TOPICS)

        print(f"{'pattern':<11} {'cache':<5} {'window':>6} {'median ms':>9} {'p90 ms':>7}"
              f" {'skipped':>8}")
        chat = 0
        for name, carries, everything in (("topics", topical, False),
                                          ("everything", lambda n: True, True)):
            for cold in (True, False):
                chat += 1
                window, times, skipped = measure(db, docs, chat, carries, args.updates,
                                                 args.runs, everything, cold)
                median = statistics.median(statistics.median(r) for r in times if r)
                p90 = statistics.median(r[int(len(r) * 0.9)] for r in times if r)
                print(f"{name:<11} {'cold' if cold else 'warm':<5} {window:>6} {median:>9.1f}"
                      f" {p90:>7.1f} {skipped:>4}/{args.updates}")
        db.close()


if __name__ == "__main__":
    main()
