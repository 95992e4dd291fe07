"""How long a poll's digest refresh holds the write lock, and whether a writer beside it is refused
(QA72-5, X121).

After an upgrade (a newer CONDENSER_VERSION) each poll remakes REFRESH_BATCH stored digests
(digests.pipeline._refresh_digests). QA72 saw the sender's writes refused («database is locked …
a poll's long transaction») during that refresh on a 100k-article archive. This runs the real
refresh on a COPY of a database (it writes: pass a copy, never the bot's file) whose digests are
older than the code's, and meanwhile a second connection writes every --every seconds with the
bot's handler busy timeout (bot.app.HANDLER_BUSY_SECONDS, 2 s), as the sender and the handlers
do. Printed: digests remade, the refresh's wall time, each write transaction's lock hold (count,
median, max), and the writer's writes, refusals and longest wait.

    nice .venv/bin/python benchmarks/refresh_lock.py --db /tmp/copy.db [--every 0.05]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests import pipeline  # noqa: E402
from digests.storage import Database  # noqa: E402

BUSY_SECONDS = 2.0  # bot.app.HANDLER_BUSY_SECONDS (not imported: bot/ pulls in Telegram)


def _writer(path: Path, every: float, stop: threading.Event, out: dict[str, Any]) -> None:
    """Write one row every `every` seconds on a connection of its own until `stop`."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_SECONDS)
    conn.execute("create table if not exists x121_probe (at real)")
    while not stop.is_set():
        started = time.perf_counter()
        try:
            conn.execute("begin immediate")
            conn.execute("insert into x121_probe values (?)", [time.time()])
            conn.execute("commit")
            out["writes"] += 1
        except sqlite3.OperationalError:
            out["refused"] += 1
        out["longest"] = max(out["longest"], time.perf_counter() - started)
        time.sleep(every)
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, required=True, help="a copy: the refresh writes to it")
    ap.add_argument("--every", type=float, default=0.05)
    args = ap.parse_args()
    db = Database(args.db, migrate=False)
    holds: list[float] = []
    plain = db.transaction

    @contextmanager
    def timed() -> Iterator[Any]:
        with plain() as sql:
            started = time.perf_counter()
            try:
                yield sql
            finally:
                holds.append(time.perf_counter() - started)

    db.transaction = timed  # type: ignore[method-assign]
    probe = {"writes": 0, "refused": 0, "longest": 0.0}
    stop = threading.Event()
    writer = threading.Thread(target=_writer, args=(args.db, args.every, stop, probe))
    writer.start()
    time.sleep(0.2)
    started = time.perf_counter()
    done = pipeline._refresh_digests(db)
    took = time.perf_counter() - started
    stop.set()
    writer.join()
    db.close()
    print(f"digests remade {done} in {took:.1f} s")
    print(f"write transactions {len(holds)}: lock held median {statistics.median(holds) * 1000:.0f}"
          f" ms, max {max(holds) * 1000:.0f} ms, total {sum(holds):.1f} s")
    print(f"writer beside it: {probe['writes']} writes, {probe['refused']} refused (busy timeout"
          f" {BUSY_SECONDS:.0f} s), longest wait {probe['longest'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
