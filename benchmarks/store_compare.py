"""Compare two ingested archives row by row: the output check of a change meant to be speed only.

    .venv/bin/python benchmarks/store_compare.py A.db B.db [--show 5]

A and B: the corpus ingested by two trees (benchmarks/store_speed.py --keep DIR writes
DIR/corpus.db). Compared: every article's story id and digest columns (headline, key quotes,
related links, version), every story row, and the story index tables. Prints the count of rows
compared and of differing rows per table; exit status 1 when anything differs. Only ids are
printed with `--show` (no corpus text).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.sqlite_uri import read_only_uri  # noqa: E402 - run as a script from anywhere

# (table, key columns, compared columns); "*" compares every column the table has in A.
CHECKS: tuple[tuple[str, str, str], ...] = (
    ("articles", "id", "story_id, headline, quotes_json, digest_related_json, digest_version,"
                       " digested_at is not null"),
    ("stories", "id", "*"),
    ("story_terms", "article_id, term", "*"),
    ("story_vectors", "article_id", "*"),
)


def rows(conn: sqlite3.Connection, table: str, key: str, cols: str) -> dict[tuple, tuple]:
    """{key: compared values} of one table."""
    if cols == "*":
        names = [r[1] for r in conn.execute(f"pragma table_info({table})").fetchall()]
        cols = ", ".join(names)
    nkey = len(key.split(","))
    out = {}
    for row in conn.execute(f"select {key}, {cols} from {table}"):
        out[tuple(row[:nkey])] = tuple(row[nkey:])
    return out


def compare(a: Path, b: Path, show: int = 0) -> dict[str, tuple[int, int]]:
    """{table: (rows compared, rows differing or missing on one side)}."""
    ca = sqlite3.connect(read_only_uri(a), uri=True)
    cb = sqlite3.connect(read_only_uri(b), uri=True)
    result = {}
    try:
        for table, key, cols in CHECKS:
            ra, rb = rows(ca, table, key, cols), rows(cb, table, key, cols)
            differ = [k for k in sorted(set(ra) | set(rb), key=repr) if ra.get(k) != rb.get(k)]
            result[table] = (len(set(ra) | set(rb)), len(differ))
            for k in differ[:show]:
                print(f"  {table} {k}: differs", file=sys.stderr)
    finally:
        ca.close()
        cb.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    result = compare(args.a, args.b, args.show)
    for table, (n, bad) in result.items():
        print(f"{table}: {n} rows compared, {bad} differ")
    return 1 if any(bad for _, bad in result.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
