"""Migration 041: subscription ids that are never used twice (QA38 A5).

`subscriptions.id` was `integer primary key` without AUTOINCREMENT: when the newest row was
deleted, the next subscription got its id again. Buttons hold subscription ids for up to seven
days (bot.callbacks.MAX_AGE), so a stale «❌ إلغاء الغوطة» removed «ليبيا», which had taken the
id, and a stale «نعم، ألغِ الكل» removed a topic followed after the question. The table is
rebuilt with AUTOINCREMENT (same columns, rows and ids); its counter starts past the largest id
by ID_MARGIN (when any button exists), so the ids of rows deleted before the migration (above
the surviving largest one) are not handed out again either. Buttons also carry the topic with the id (bot.topic_lists,
bot.unfollow_all): an id is acted on only while it still follows that topic.
"""

from __future__ import annotations

import logging
import re

import sqlite_utils

log = logging.getLogger(__name__)

ID_MARGIN = 1000
_PRIMARY_RE = re.compile(r"\bid\s+integer\s+primary\s+key\b(?!\s+autoincrement)", re.I)
_NAME_RE = re.compile(r"^\s*create\s+table\s+(?:\"?subscriptions\"?)", re.I)


def m041_subscription_ids(db: sqlite_utils.Database) -> None:
    """Rebuild `subscriptions` with AUTOINCREMENT ids (nothing to do when it has them)."""
    row = db.execute("select sql from sqlite_master where type = 'table'"
                     " and name = 'subscriptions'").fetchone()
    if row is None or "autoincrement" in row[0].lower():
        return
    new_sql = _NAME_RE.sub("CREATE TABLE subscriptions_041", _PRIMARY_RE.sub(
        "id integer primary key autoincrement", row[0], count=1), count=1)
    columns = ", ".join(f'"{r[1]}"' for r in db.execute("pragma table_info(subscriptions)"))
    indexes = [r[0] for r in db.execute(
        "select sql from sqlite_master where type = 'index' and tbl_name = 'subscriptions'"
        " and sql is not null")]
    top = db.execute("select coalesce(max(id), 0) from subscriptions").fetchone()[0]
    db.execute(new_sql)
    db.execute(f"insert into subscriptions_041 ({columns}) select {columns} from subscriptions")
    db.execute("drop table subscriptions")
    db.execute("alter table subscriptions_041 rename to subscriptions")
    for sql in indexes:  # named indexes (the unique constraint's comes with the table)
        db.execute(sql)
    # no button yet (a new database): nothing stale to step past
    buttons = (db["callbacks"].exists()
               and db.execute("select 1 from callbacks limit 1").fetchone() is not None)
    start = top + (ID_MARGIN if buttons else 0)
    db.execute("delete from sqlite_sequence where name = 'subscriptions'")
    db.execute("insert into sqlite_sequence (name, seq) values ('subscriptions', ?)", [start])
    log.info("subscription ids never reused from now largest=%d next_after=%d", top, start)
