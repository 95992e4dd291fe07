"""When a chat may be messaged: its clock, its quiet hours, its next daily digest.

Pure functions of a chat's settings (a row of `chats`), and two SQL helpers: the sender's
`quiet_until` at send time and `retime_chat`, which moves a chat's waiting deliveries when its
settings change. The queueing modules (digests.new_deliveries, digests.story_updates) time
their rows here, so a row queued now and a row retimed now wait for the same moment.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from digests.models import iso

log = logging.getLogger(__name__)


def chat_zone(chat: dict[str, Any]) -> tzinfo:
    """The chat's clock: its IANA zone when it has one (daylight saving time applies at the very
    moment computed, so no stored offset can lag behind a change of the clocks), else the fixed
    offset it chose before zones existed."""
    name = chat.get("time_zone")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("unknown time zone zone=%r chat=%s; using its stored offset", name,
                        chat.get("id"))
    return timezone(timedelta(minutes=chat.get("utc_offset_minutes") or 0))


def _utc(local: datetime) -> datetime:
    return local.astimezone(timezone.utc)


def in_quiet(hour: int, start: int | None, end: int | None) -> bool:
    """Whether the local `hour` is inside the quiet hours [start, end) (across midnight when
    start > end); no quiet hours when either is None or they are equal."""
    if start is None or end is None or start == end:
        return False
    return start <= hour < end if start < end else (hour >= start or hour < end)


def after_quiet(when: datetime, chat: dict[str, Any]) -> datetime:
    """`when` (UTC), or the end of the chat's quiet hours if `when` falls inside them."""
    local = when.astimezone(chat_zone(chat))
    start, end = chat.get("quiet_start"), chat.get("quiet_end")
    if not in_quiet(local.hour, start, end):
        return when
    assert end is not None
    # Wall-clock arithmetic: adding a day to a zoned time keeps the hour across a DST change.
    end_local = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if end_local <= local:
        end_local += timedelta(days=1)
    return _utc(end_local)


def quiet_until(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> datetime | None:
    """The end of the chat's quiet hours (UTC) when `now` falls inside them, else None.

    The sender asks it at send time (QA19 N2): a row queued before the quiet hours but sent
    after a restart inside them waits for their end, as `enqueue_article` would queue it now."""
    chat = next(iter(sql.query(
        "select id, time_zone, utc_offset_minutes, quiet_start, quiet_end from chats"
        " where id = ?", [chat_id])), None)
    if chat is None:
        return None
    until = after_quiet(now, chat)
    return until if until > now else None


def push_silent(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> bool:
    """Whether an admin's push reaching the chat at `now` goes without a sound (QA57-14): it is
    not held (the operator sends it when asked), but a reader inside their quiet hours was told
    the first alert comes at their end, and a reader in daily mode chose one digest a day, not
    a phone ringing for each story: Telegram's disable_notification."""
    chat = next(iter(sql.query(f"select {_SILENT_COLUMNS} from chats where id = ?",
                               [chat_id])), None)
    return chat is not None and silent_row(chat, now)


# the chats columns `silent_row` reads
_SILENT_COLUMNS = "id, mode, time_zone, utc_offset_minutes, quiet_start, quiet_end"


def silent_row(chat: dict[str, Any], now: datetime) -> bool:
    """push_silent of a chat row already read (its `_SILENT_COLUMNS`). Pure."""
    return chat["mode"] == "daily" or after_quiet(now, chat) > now


def silent_push_chats(sql: sqlite_utils.Database, kind: str, now: datetime) -> int:
    """How many chats with rows of `kind` ('push:<id>') it reaches at `now` without a sound
    (push_silent), read in one query."""
    columns = ", ".join(f"c.{c.strip()}" for c in _SILENT_COLUMNS.split(","))
    return sum(1 for chat in sql.query(
        f"select {columns} from chats c where c.id in"
        " (select distinct chat_id from outbox where kind = ?)", [kind])
        if silent_row(chat, now))


def daily_on_time(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> bool:
    """Whether `now` falls in the hour of the chat's daily digest (its zone): a digest found due
    then is the one the reader chose and goes inside their quiet hours too (QA47 Z1: the hour
    picker offers ٦:٠٠ and 22:00, and new chats are quiet 23–07); one found due later (the bot
    was down at the reader's hour) waits for their end."""
    chat = next(iter(sql.query(
        "select id, mode, daily_hour, time_zone, utc_offset_minutes from chats where id = ?",
        [chat_id])), None)
    if chat is None or chat["mode"] != "daily" or chat["daily_hour"] is None:
        return False
    return now.astimezone(chat_zone(chat)).hour == int(chat["daily_hour"])


def next_daily(now: datetime, chat: dict[str, Any]) -> tuple[str, datetime]:
    """The chat's next daily digest at or after `now`: ('daily:<local date>', UTC time). Quiet
    hours do not move it (QA47 Z1): the reader chose that hour; they hold alerts."""
    local = now.astimezone(chat_zone(chat))
    at = local.replace(hour=int(chat.get("daily_hour") or 0), minute=0, second=0,
                       microsecond=0)
    if at < local.replace(microsecond=0):
        at += timedelta(days=1)
    return f"daily:{at.date().isoformat()}", _utc(at)


def next_digest(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> datetime | None:
    """When the daily chat `chat_id`'s next digest comes (UTC): at its hour today, or tomorrow
    when that hour has passed or today's digest was sent already (a change of hour or zone after
    it starts tomorrow: digests.outbox_states.late_dailies); None for an instant chat."""
    chat = next(iter(sql.query(
        "select id, mode, daily_hour, time_zone, utc_offset_minutes from chats where id = ?",
        [chat_id])), None)
    if chat is None or chat["mode"] != "daily":
        return None
    kind, when = next_daily(now, chat)
    sent = sql.execute("select 1 from outbox where chat_id = ? and kind = ? and status in"
                       " ('sent', 'sending') limit 1", [chat_id, kind]).fetchone()
    return next_daily(when + timedelta(minutes=1), chat)[1] if sent else when


def retime_chat(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> int:
    """The chat's delivery settings changed (mode, daily hour, time zone or quiet hours; the
    caller's transaction, after the change): its pending alerts and daily-digest rows follow
    them, as `enqueue_article` would queue them now (QA16 F3). Returns how many rows changed.

    - instant mode: every such row is 'instant', due now (or at the end of the quiet hours):
      what waited for a daily digest goes now, as one bundle, not tomorrow under a daily header.
      (An INSTANT_GAP hold is made again by the sender.)
    - daily mode: every row not yet due takes the next daily digest ('daily:<local date>' at the
      daily hour in the chat's zone, quiet hours or not: QA47 Z1), so one digest comes at the new
      hour, none at the old one. A daily row already due stays: it is that day's digest, on its
      way.
    A story's update ('update:<date>', digests.story_updates) moves as an instant alert does.
    Pushes and rows being sent are left alone; a row only changes its kind and time, so nothing
    is added, lost or sent twice."""
    chat = next(iter(sql.query(
        "select id, mode, daily_hour, time_zone, utc_offset_minutes, quiet_start, quiet_end"
        " from chats where id = ?", [chat_id])), None)
    if chat is None:
        return 0
    stamp = iso(now)
    from digests import daily_item_changes  # late: it builds on this module

    if chat["mode"] == "daily":
        kind, when = next_daily(now, chat)
        # a digest row not yet due joins the new one's (X122: one row a chat and date)
        moved = daily_item_changes.retime(sql, chat_id, kind, iso(when), stamp or "")
        args: list[Any] = [kind, iso(when), chat_id, stamp]
        # 'or ignore': a chat has one row per story (digests.new_deliveries), but a merge may
        # have left a finished row of the same story under the new kind; it then keeps its time.
        cur = sql.execute(
            "update or ignore outbox set kind = ?, not_before = ? where chat_id = ?"
            " and status = 'pending' and (kind = 'instant' or kind like 'update:%'"
            " or (kind like 'daily:%' and coalesce(not_before, '') > ?))", args)
    else:
        when = after_quiet(now, chat)
        # a digest row's stories become the alerts they would have been queued as
        moved = daily_item_changes.to_rows(sql, chat_id, "instant",
                                           iso(when) if when > now else None)
        cur = sql.execute(
            "update or ignore outbox set kind = 'instant', not_before = ? where chat_id = ?"
            " and status = 'pending' and (kind = 'instant' or kind like 'daily:%')",
            [iso(when) if when > now else None, chat_id])
    if cur.rowcount or moved:
        log.info("deliveries retimed chat=%s mode=%s rows=%d", chat_id, chat["mode"],
                 cur.rowcount + moved)
    return int(cur.rowcount) + moved
