"""The private commands that ran, by message, kept across restarts (X136, X133's left).

A private message that was a command and ran, then edited («/subscribe عفرين» into «/subscribe
لبنان»), is told «عدّلتَ الأمر بعد تنفيذه» and offered to stop following what it followed
(bot.edited_commands, QA76-10). That needs the command's text as it came. X133 kept the last
1,000 in the bot's memory, so after a restart an edit of an earlier command read as a message
that had just become one («عدّلتَ رسالة فصارت أمرًا») and the still-followed topic was not
offered. Now each private command is a row here, the newest MAX_KEPT kept (a row ≈ 60 bytes:
~0.6 MB at most; one insert and one indexed delete a command).

Table `commands_ran` (migration 061_commands_ran): chat, message, the text, when it came. Plain
SQL on the caller's connection: inside its transaction when it has one.
"""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from digests.models import iso

# The newest commands kept: an edit of an older one reads as a message that became a command
# (the edit is not run either way). Ten times X133's memory: a busy bot's 1,000 commands are
# an hour or so, and a row costs next to nothing
MAX_KEPT = 10_000


def m061_commands_ran(db: sqlite_utils.Database) -> None:
    # X136: the private commands that ran, by message (bot.edited_commands), across restarts;
    # the rowid orders them (the newest MAX_KEPT are kept)
    db.execute("""
        create table if not exists commands_ran (
            chat_id integer not null,
            message_id integer not null,
            text text not null,
            came_at text not null,
            unique (chat_id, message_id)
        )""")


def remember(db: sqlite_utils.Database, chat_id: int, message_id: int, text: str,
             now: datetime) -> None:
    """Record the command message as it came (again: replaced, as the newest), and drop the
    rows past the newest MAX_KEPT."""
    db.execute("insert or replace into commands_ran (chat_id, message_id, text, came_at)"
               " values (?, ?, ?, ?)", [chat_id, message_id, text, iso(now)])
    db.execute("delete from commands_ran where rowid <= (select max(rowid) from commands_ran)"
               " - ?", [MAX_KEPT])


def ran(db: sqlite_utils.Database, chat_id: int, message_id: int) -> str | None:
    """The text the command message `message_id` had when it came and ran, if kept."""
    row = db.execute("select text from commands_ran where chat_id = ? and message_id = ?",
                     [chat_id, message_id]).fetchone()
    return None if row is None else str(row[0])
