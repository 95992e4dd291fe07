"""Migration 053_mojibake_articles over the shared corpus (brief X105): no false repair, its time.

    nice .venv/bin/python benchmarks/mojibake_repair.py [--db /tmp/X105/corpus.db] [--damage 300]

1. A fresh corpus database (benchmarks/corpus.py: 7,213 right UTF-8 Arabic articles, indexed);
   `repair_articles` run over it: every change is a false repair (the figure must be 0), and
   its wall time (the cost of the migration on an archive with nothing to repair).
2. `--damage N` articles then rewritten as the pre-X94 reading stored them, N/3 each way
   (windows-1256 read as latin-1, ISO-8859-6 read as windows-1256, UTF-8 read as windows-1256),
   and the migration run again: how many it repairs back to their text exactly, and its time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import build_db, load_corpus  # noqa: E402

from digests.mojibake_repair import repair_articles  # noqa: E402
from digests.storage import Database  # noqa: E402

MISREADS = [("cp1256", "latin-1"), ("iso8859-6", "cp1256"), ("utf-8", "cp1256")]


def _misread(text: str, right: str, wrong: str) -> str | None:
    try:
        return text.encode(right).decode(wrong)
    except UnicodeError:
        return None  # a character the charset lacks (ISO-8859-6 has no «پ», no «ـ»…)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/X105/corpus.db"))
    parser.add_argument("--damage", type=int, default=300)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    docs = load_corpus()
    build_db(args.db, docs)
    with Database(args.db) as db:
        before = {r[0]: tuple(r[1:]) for r in db.db.execute(
            "select id, title, summary, body from articles")}
        started = time.perf_counter()
        with db.transaction() as tx:
            done = repair_articles(tx)
        seconds = time.perf_counter() - started
        after = {r[0]: tuple(r[1:]) for r in db.db.execute(
            "select id, title, summary, body from articles")}
        changed = sum(1 for k in before if before[k] != after[k])
        print(f"good corpus: articles={len(before)} repaired={done.articles} changed={changed}"
              f" left={done.left} sources_renamed={done.sources} seconds={seconds:.2f}")

        damaged: dict[int, tuple[str, str, str]] = {}
        ids = sorted(before)[:: max(1, len(before) // max(1, args.damage))][: args.damage]
        with db.transaction() as tx:
            for n, article_id in enumerate(ids):
                right, wrong = MISREADS[n % len(MISREADS)]
                fields = [_misread(text or "", right, wrong) for text in before[article_id]]
                if any(f is None for f in fields):
                    continue
                title, summary, body = (f or "" for f in fields)
                tx.execute("update articles set title = ?, summary = ?, body = ? where id = ?",
                           [title, summary, body, article_id])
                damaged[article_id] = (right, wrong, before[article_id][0])
        started = time.perf_counter()
        with db.transaction() as tx:
            done = repair_articles(tx)
        seconds = time.perf_counter() - started
        after = {r[0]: tuple(r[1:]) for r in db.db.execute(
            "select id, title, summary, body from articles")}
        exact = sum(1 for k in damaged if after[k] == before[k])
        others = sum(1 for k in before if k not in damaged and after[k] != before[k])
        headlines = sum(1 for (h,) in db.db.execute(
            "select headline from articles where id in (%s)" % ",".join(map(str, damaged)))
            if h and not any(c in h for c in "ÇáêèÙØ§"))
        missed = [k for k in damaged if after[k] != before[k]]
        print(f"damaged={len(damaged)} repaired={done.articles} exact={exact}"
              f" readable_headlines={headlines} other_changed={others} left={done.left}"
              f" seconds={seconds:.2f}")
        for k in missed[:5]:
            print("  missed", k, damaged[k][:2], after[k][0][:60])


if __name__ == "__main__":
    main()
