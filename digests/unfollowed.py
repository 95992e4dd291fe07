"""Queued deliveries a reader no longer wants: a topic unfollowed while its alert waits (QA27 D2).

The outbox keeps no topic per row (a row is a story owed to a chat, whichever of its topics
asked for it), so when a chat stops following a topic, its pending rows are asked again, by the
test that queued them (digests.topic_match.alert_matches): a row that answers another topic the
chat still follows stays, and so does every row of a chat that follows the general digest (it
would have come for that); the others are skipped with UNFOLLOWED_REASON, as a lost chat's rows
are. An admin's push ('push:') is not a topic's and always stays. A row already 'sending' is on
the wire: it is not recalled.
"""

from __future__ import annotations

import logging
from datetime import datetime

from digests.daily_holders import pending_items
from digests.daily_rows import ARTICLE
from digests.outbox_skips import skip_rows_and_items
from digests.records import ARTICLE_SELECT, article_from_row
from digests.storage import Database

log = logging.getLogger(__name__)

UNFOLLOWED_REASON = "topic unfollowed before delivery"


def stale_rows(db: Database, chat_id: int) -> list[int]:
    """Ids of the chat's pending topic rows that answer none of the topics it still follows
    (pure read). [] when the chat follows the general digest."""
    sql = db.db
    topics = [r[0] for r in sql.execute(
        "select topic from subscriptions where chat_id = ? order by id", [chat_id])]
    if "" in topics:  # the general digest: every queued story would have come for it
        return []
    rows = sql.execute("select id, article_id from outbox where chat_id = ? and status = 'pending'"
                       " and kind not like 'push:%' and article_id is not null",
                       [chat_id]).fetchall()
    if not rows:
        return []
    ids = sorted({int(r[1]) for r in rows})
    wanted: set[int] = set()
    if topics:
        from digests.topic_match import alert_matches  # late: it builds on the analysis modules

        for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
            part = ids[start:start + 500]
            marks = ",".join("?" * len(part))
            for row in sql.query(f"{ARTICLE_SELECT} where articles.id in ({marks})", part):
                article = article_from_row(row)
                if any(alert_matches(t, article) for t in topics):
                    wanted.add(int(row["id"]))
    return [int(r[0]) for r in rows if int(r[1]) not in wanted]


def stale_items(db: Database, chat_id: int) -> list[tuple[int, int]]:
    """`stale_rows` for the chat's daily digest items (row, place: digests.daily_rows)."""
    topics = [r[0] for r in db.db.execute(
        "select topic from subscriptions where chat_id = ? order by id", [chat_id])]
    if "" in topics:
        return []
    items = pending_items(db.db, chat_id)
    if not items:
        return []
    from digests.topic_match import alert_matches  # late, as in stale_rows

    wanted: set[int] = set()
    ids = sorted({int(it[ARTICLE]) for _r, _p, it in items})
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for row in db.db.query(f"{ARTICLE_SELECT} where articles.id in"
                               f" ({','.join('?' * len(part))})", part):
            if any(alert_matches(t, article_from_row(row)) for t in topics):
                wanted.add(int(row["id"]))
    return [(r, p) for r, p, it in items if int(it[ARTICLE]) not in wanted]


def skip_unfollowed(db: Database, chat_id: int, now: datetime) -> int:
    """Skip the chat's pending rows no followed topic asks for any more (after an unfollow);
    returns how many. Only rows still 'pending' change: one the sender took meanwhile goes."""
    stale = stale_rows(db, chat_id)
    items = stale_items(db, chat_id)
    if not stale and not items:
        return 0
    skipped = skip_rows_and_items(db, stale, items, UNFOLLOWED_REASON, now)
    log.info("unfollowed rows skipped chat=%s rows=%d", chat_id, skipped)
    return skipped
