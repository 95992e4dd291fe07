"""The reader's clock: `now` in a chat's time zone, the one path by which every answer, inline
result and delivery dates what it shows, and by which «امبارح» is read.

A story older than a week is dated by its calendar day (bot.i18n.relative_time dates in `now`'s
zone): a story of 22:00 UTC is the next day for a reader in UTC+3 (QA33 S8). Chat answers
(bot.answers), inline results (bot.inline: the user's private chat is the user's id), delivered
bundles (bot.bundles.Renderings) and the stories a delivered bundle's buttons send (bot.buttons)
all ask `reader_now`. A chat with no row yet (a write skipped while the database was locked, a
user who never opened the bot and only types `@bot …`) reads where a new chat starts
(bot.zones.DEFAULT_ZONE, UTC+3, brief Z1); a chat that chose a fixed offset before zones keeps
its stored offset.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.zones import DEFAULT_ZONE, ZONE_NAMES


def reader_zone(db: sqlite_utils.Database, chat_id: int) -> tzinfo:
    """The time zone chat `chat_id` reads in: its IANA zone, else the fixed offset it chose
    before zones; DEFAULT_ZONE when the chat has no row. One query."""
    row = db.execute("select time_zone, utc_offset_minutes from chats where id = ?",
                     [chat_id]).fetchone()
    if row is None:
        return ZoneInfo(DEFAULT_ZONE)
    if row[0] in ZONE_NAMES:
        return ZoneInfo(row[0])
    return timezone(timedelta(minutes=int(row[1] or 0)))  # an offset chosen before zones


def reader_now(db: sqlite_utils.Database, chat_id: int, now: datetime) -> datetime:
    """`now` (an aware UTC time) in chat `chat_id`'s time zone (`reader_zone`)."""
    return now.astimezone(reader_zone(db, chat_id))


def day_before(local_now: datetime, back: int) -> datetime:
    """The end of the day `back` days before the reader's today, as an aware UTC time:
    `local_now` is the reader's now (`reader_now`), so the day runs midnight to midnight in
    the reader's zone («مين فاز امبارح» at 01:00 UTC is yesterday in Riyadh from 21:00 UTC two
    days ago to 21:00 UTC yesterday). `back` 1 is yesterday; 0 would be the end of today."""
    midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    # an aware datetime minus days keeps its wall clock: midnight of that day in the reader's
    # zone, daylight saving time included
    end = midnight - timedelta(days=back - 1)
    return end.astimezone(timezone.utc)
