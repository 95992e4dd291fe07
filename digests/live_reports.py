"""Which report of a story is still live: a page the site removed for good is never offered.

An article whose page answered 404/410 is marked `GONE` (digests.retries); a delivery, a push or
a story link then goes to the newest report of its story whose page is not gone (`live_report`).
Kept apart from digests.retries, which writes the mark, so the outbox can ask without importing
the page retries (QA73-18: the two imported each other through a function-level import).
"""

from __future__ import annotations

import sqlite_utils

GONE = "gone"  # articles.page_status of a page the site removed (HTTP 404/410)


def live_report(sql: sqlite_utils.Database, article_id: int, story_id: int | None) -> int | None:
    """The report to offer readers for this article: itself when its page is not gone, else the
    newest report of its story whose page is not gone, else None (nothing live to send)."""
    row = sql.execute("select page_status from articles where id = ?", [article_id]).fetchone()
    if row is None:
        return None
    if row[0] != GONE:
        return article_id
    if story_id is None or story_id < 0:  # a negative story is the article alone
        return None
    found = sql.execute("select max(id) from articles where story_id = ? and page_status != ?",
                        [story_id, GONE]).fetchone()
    return int(found[0]) if found and found[0] is not None else None
