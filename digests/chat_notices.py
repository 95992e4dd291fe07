"""What a chat was told once, kept in the database so a restart does not tell it again (X74).

Two notices are told at most once and must survive a restart:
- a toll revised down to a figure the chat was sent before (digests.correction_updates, QA48
  R10): once per story per chat, whatever the sources do after (`down:<story id>`);
- a chat the bot may no longer post in (bot.chat_holds, X71): once per hold (`hold`); told
  again only after a message to the chat was accepted since (`sent_then`: how many of its
  outbox rows were 'sent' when it was told), or after the hold ended (`forget`).

Table `chat_notices` (migration 045): (chat_id, what) unique, when told, and `sent_then`.
Plain SQL on the caller's connection: inside its transaction when it has one.
"""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from digests.models import iso


def m045_chat_notices(db: sqlite_utils.Database) -> None:
    # X74: the notices told once per chat (a downward toll revision per story, a hold), kept
    # across restarts; before, a hold's «told» lived in the courier's memory (X71's «Left»)
    db.execute("""
        create table if not exists chat_notices (
            chat_id integer not null,
            what text not null,
            told_at text not null,
            sent_then integer,
            primary key (chat_id, what)
        )""")


def told(db: sqlite_utils.Database, chat_id: int, whats: list[str]) -> bool:
    """Whether the chat was told any of `whats`."""
    if not whats:
        return False
    marks = ",".join("?" * len(whats))
    return db.execute(f"select 1 from chat_notices where chat_id = ? and what in ({marks})"
                      " limit 1", [chat_id, *whats]).fetchone() is not None


def sent_then(db: sqlite_utils.Database, chat_id: int, what: str) -> int | None:
    """The chat's sent-row count recorded when it was told `what`; None when it was not."""
    row = db.execute("select coalesce(sent_then, 0) from chat_notices where chat_id = ?"
                     " and what = ?", [chat_id, what]).fetchone()
    return None if row is None else int(row[0])


def mark(db: sqlite_utils.Database, chat_id: int, what: str, now: datetime,
         sent: int | None = None) -> None:
    """Record that the chat was told `what` now (again: the time and count replaced)."""
    db.execute("insert into chat_notices (chat_id, what, told_at, sent_then) values (?, ?, ?, ?)"
               " on conflict (chat_id, what) do update set told_at = excluded.told_at,"
               " sent_then = excluded.sent_then", [chat_id, what, iso(now), sent])


def forget(db: sqlite_utils.Database, chat_id: int, what: str) -> None:
    """The chat may be told `what` again."""
    db.execute("delete from chat_notices where chat_id = ? and what = ?", [chat_id, what])
