"""Load the shared corpus into a Nashra database (benchmarks only; the corpus is never copied).

`load_corpus()` reads ../shared/corpus/*.jsonl.gz; `build_db(path, docs)` writes sources and
articles rows straight into the real schema and indexes them with digests.search_index (the same
code the ingest step runs), in one transaction.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.search_index import index_article  # noqa: E402
from digests.storage import Database  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"


def load_corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    """The corpus articles, ordered by publication time (ids follow it, as ingest order would)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    docs.sort(key=lambda d: (d.get("published") or "", d["id"]))
    return docs


def insert_rows(db: Database, docs: list[dict[str, Any]], *, first_id: int = 1,
                index: bool = True) -> float:
    """Insert corpus docs as articles (ids from `first_id`); returns seconds spent indexing."""
    from digests.models import Article, parse_iso
    from digests.processing import StoreContext
    from digests.settings import Settings

    sources = sorted({d["source"] for d in docs})
    for i, name in enumerate(sources, 1):
        db.db.execute("insert or ignore into sources (id, url, name, added_at) values (?,?,?,?)",
                      [i, f"https://example.invalid/{name}", name, "2018-01-01T00:00:00+00:00"])
    sid = {name: i for i, name in enumerate(sources, 1)}
    ctx = StoreContext(now=parse_iso("2018-04-01T00:00:00+00:00"), settings=Settings())  # type: ignore[arg-type]
    spent = 0.0
    with db.transaction() as conn:
        for n, d in enumerate(docs):
            aid = first_id + n
            url = f"{d['url']}#{aid}"
            conn.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " published_at, body, summary, fetched_at, updated_at)"
                " values (?,?,?,?,?,?,?,?,?,?,?)",
                [aid, sid[d["source"]], url, url, str(aid), d.get("title") or "",
                 d.get("published"), d.get("text") or "", d.get("abstract") or "",
                 "2018-04-01T00:00:00+00:00", "2018-04-01T00:00:00+00:00"])
            if index:
                t = time.perf_counter()
                art = Article(id=aid, source_id=sid[d["source"]], source_name=d["source"], url=url,
                              title=d.get("title") or "",
                              paragraphs=tuple(p for p in (d.get("text") or "").split("\n") if p),
                              summary=d.get("abstract") or "")
                index_article(conn, art, ctx)
                spent += time.perf_counter() - t
    return spent


def build_db(path: Path, docs: list[dict[str, Any]]) -> float:
    """A fresh database at `path` holding `docs`; returns seconds spent indexing."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = Database(path)
    try:
        return insert_rows(db, docs)
    finally:
        db.close()
