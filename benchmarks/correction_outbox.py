"""A corrected article's update (digests.correction_updates.queue_corrections) on a large outbox,
before and after migration 043's index on outbox(article_id) (X69, item 3).

Builds a fresh database (every migration), fills the outbox with --rows sent deliveries (--chats
chats, one article per story; rows alone, foreign keys off: only the outbox's size matters), then
times the correction's chat query — «which active chats were sent this article, and did not mute
its source» — for articles spread over the table, without the index and then with it. Prints the
query plan and the median of --runs runs of --repeat queries each (ms per query); the whole
`queue_corrections` call (its headline analysis included) is timed the same way.

    python benchmarks/correction_outbox.py --rows 100000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.correction_updates import SENT_CHATS, queue_corrections  # noqa: E402
from digests.models import Article, iso  # noqa: E402
from digests.storage import Database  # noqa: E402

NOW = datetime(2018, 2, 3, 12, tzinfo=UTC)


def _fill(db: Database, rows: int, chats: int) -> int:
    """`rows` sent deliveries over `chats` chats; returns how many articles they name."""
    db.db.execute("pragma foreign_keys = off")
    with db.transaction() as tx:
        tx.conn.executemany("insert into chats (id, type, active, created_at)"
                            " values (?, 'private', 1, ?)",
                            [(c, iso(NOW)) for c in range(1, chats + 1)])
    articles = max(1, rows // chats)
    with db.transaction() as tx:
        tx.conn.executemany(
            "insert into outbox (chat_id, story_id, article_id, kind, status, created_at, sent_at)"
            " values (?, ?, ?, 'instant', 'sent', ?, ?)",
            [(1 + n % chats, 1 + n // chats, 1 + n // chats, iso(NOW), iso(NOW))
             for n in range(rows)])
    return articles


def _median_ms(fn: object, repeat: int, runs: int) -> float:
    assert callable(fn)
    medians = []
    for _ in range(runs):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
    return statistics.median(medians) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--chats", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.db")
        db.db.execute("drop index if exists outbox_article")  # the table as before 043
        articles = _fill(db, args.rows, args.chats)
        print(f"outbox rows: {args.rows}, chats: {args.chats}, articles: {articles}")
        probes = [1 + i * (articles - 1) // 4 for i in range(5)]  # first, …, last article
        for label in ("before", "after"):
            if label == "after":
                db.db.execute("create index outbox_article on outbox(article_id)")
            plan = "; ".join(str(r[-1]) for r in db.db.execute(
                "explain query plan " + SENT_CHATS, [1, 1]))
            print(f"{label}: {plan}")
            ms = _median_ms(lambda: [db.db.execute(SENT_CHATS, [a, 1]).fetchall()
                                     for a in probes], args.repeat, args.runs) / len(probes)
            print(f"  chats query: {ms:.3f} ms per article (median of {args.runs} x "
                  f"{args.repeat})")

            def correction() -> None:
                for a in probes:  # the chats found, each one's story read; nothing kept
                    article = Article(id=a, source_id=1, source_name="x",
                                      url=f"https://x.example/{a}", title="مقتل 49", story_id=a)
                    try:
                        with db.transaction() as tx:
                            queue_corrections(tx, article, "مقتل 40", "مقتل 49 في القصف", NOW)
                            raise _Rollback
                    except _Rollback:
                        pass
            ms = _median_ms(correction, max(1, args.repeat // 4), args.runs) / len(probes)
            print(f"  queue_corrections: {ms:.3f} ms per article (rolled back)")
        db.close()


class _Rollback(Exception):
    """Ends the timed transaction without keeping what it queued."""


if __name__ == "__main__":
    main()
