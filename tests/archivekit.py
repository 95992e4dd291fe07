"""Reading the archive in tests: the stored article at a URL.

`get_article_by_url` was digests.archive's, but only tests called it (QA73-12): it lives here.
"""

from __future__ import annotations

import sqlite_utils

from digests.models import Article
from digests.records import ARTICLE_SELECT, article_from_row
from digests.storage import Database
from digests.urls import url_key


def get_article_by_url(db: Database | sqlite_utils.Database, url: str) -> Article | None:
    """The stored article at this URL (tracking parameters, fragment, host case ignored)."""
    sql = db.db if isinstance(db, Database) else db
    rows = list(sql.query(f"{ARTICLE_SELECT} where articles.url_key = ?", [url_key(url)]))
    return article_from_row(rows[0]) if rows else None
