"""Migration 042: an index on articles(source_id, id) (reviewer RA, item 1).

`digests.reader_sources.source_site` — run for every feed each time the «📡 المصادر» picker opens
or a press is made — reads a feed's newest article with
`select url from articles where source_id = ? order by id desc limit 1`. No index started with
`source_id` (the only one is the partial `(source_id, guid) where guid is not null`, and feeds
without guids leave it empty), so SQLite scanned the table from its newest row until the feed's
first article: the whole table for a feed that never published or stopped long ago. Measured
on the 7,213-article database (benchmarks/source_site_index.py): 4.65 ms per such feed before,
0.0026 ms with this index (median of 5 x 200); linear in the table, ~0.6 s per such feed at 1M
articles.
The per-source counts and deletes by source use it as well.
"""

from __future__ import annotations

import sqlite_utils


def m042_articles_source_index(db: sqlite_utils.Database) -> None:
    db.execute("create index if not exists articles_source on articles(source_id, id)")
