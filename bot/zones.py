"""Time zones of chats: IANA names with daylight saving time (zoneinfo; the `tzdata` package brings
the database where the system has none), their labels, and the stored offset delivery reads.

A chat's zone is chats.time_zone (migration 013_chat_time_zone). Delivery
(digests.delivery_times) computes the local hour from the zone at the moment it schedules, and
the settings label the offset at the moment it is shown (`chat_offset`), so a change of the
clocks never waits for a job.
chats.utc_offset_minutes is the offset of chats that chose a fixed one before zones existed; for a
zoned chat it only keeps the offset its zone had when chosen (`set_zone`), which delivery falls
back to should the zone's name ever fail to load. A new chat starts on DEFAULT_ZONE
(migration 014_new_chat_zone: a trigger on chats, so every way a chat is created gets it), which
the picker marks «✓»; a private chat whose user's Telegram speaks English starts on UTC
(ENGLISH_ZONE, brief X25), which the picker offers too. A chat that chose a fixed offset before zones existed keeps it (time_zone
NULL) and its old label until it picks a zone; `set_fixed_offset` (an old button) makes one.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.i18n import t
from bot.texts_zones import LEGACY_OFFSET_LABELS, UTC_LABEL, ZONE_LABELS
from digests import delivery_times, subscriptions
from digests.storage import Database

log = logging.getLogger(__name__)

# Time zones readers choose from, by IANA name (zoneinfo applies daylight saving time): the
# Arabic-speaking countries, then three cities of the diaspora. (zone, Arabic, English); the
# labels are said, so they live in a texts table (bot/texts_zones.py).
ZONES: tuple[tuple[str, str, str], ...] = tuple((zone, ar, en)
                                                for zone, (ar, en) in ZONE_LABELS.items())
ZONE_NAMES = {zone: (ar, en) for zone, ar, en in ZONES}
# Where a new chat starts: UTC+3 all year (no daylight saving time), the offset chats had by
# default before zones, now under a name the picker can mark. Migration 014_new_chat_zone
# writes the same name.
DEFAULT_ZONE = "Asia/Riyadh"
# Where a new private chat whose user's Telegram speaks English starts (brief X25): English
# readers live in every zone, Riyadh is wrong for most, and no zone is right for all (Telegram
# tells a bot no one's place): UTC is named as what it is, and /start says how to pick one.
ENGLISH_ZONE = subscriptions.ENGLISH_ZONE

# The fixed offsets offered before session 4 (still stored for chats that chose one then; they
# keep working and keep their label until the chat picks a zone).
LEGACY_OFFSETS: dict[int, tuple[str, str]] = LEGACY_OFFSET_LABELS


def offset_label(minutes: int) -> str:
    """«UTC+3», «UTC+5:30», «UTC−5»."""
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_offset(zone: str, now: datetime) -> int:
    """The zone's offset from UTC in minutes at `now` (daylight saving time included)."""
    delta = now.astimezone(ZoneInfo(zone)).utcoffset()
    return int(delta.total_seconds() // 60) if delta is not None else 0


def chat_offset(zone: str | None, fixed: int, now: datetime) -> int:
    """The offset a chat's hours are read in at `now`: its zone's (daylight saving time
    included) when it has one of ZONES, else `fixed`, the offset it chose before zones."""
    return zone_offset(zone, now) if zone in ZONE_NAMES else fixed


def zone_label(minutes: int, lang: str, zone: str | None = None) -> str:
    """«لبنان (UTC+3)» for a named zone (its offset now, given as `minutes`); for a fixed offset
    «UTC+3 (مكة، بغداد…)» when it was one of the old presets, «UTC+5:30» otherwise."""
    idx = 0 if lang == "ar" else 1
    if zone == "UTC":  # «UTC (UTC+0)» would say it twice
        return UTC_LABEL[idx]
    if zone in ZONE_NAMES:
        return f"{ZONE_NAMES[zone][idx]} ({offset_label(minutes)})"
    label = offset_label(minutes)
    return f"{label} ({LEGACY_OFFSETS[minutes][idx]})" if minutes in LEGACY_OFFSETS else label


def zone_words(minutes: int, lang: str, zone: str | None = None) -> str:
    """The zone an hour is read in, said after it: «بتوقيت السعودية (UTC+3)» / "Saudi Arabia
    time (UTC+3)", «بالتوقيت العالمي (UTC)» / "UTC", «بتوقيت UTC+2» for a fixed offset. An hour
    quoted bare was read as the reader's own (QA47 Z2: 7:00 Riyadh is 5:00 in Morocco)."""
    if zone == "UTC":
        return t("zone_time_utc", lang)
    if zone in ZONE_NAMES:
        return t("zone_time", lang, name=ZONE_NAMES[zone][0 if lang == "ar" else 1],
                 offset=offset_label(minutes))
    return t("zone_time_fixed", lang, offset=offset_label(minutes))


def chat_zone_words(db: Database, chat_id: int, lang: str, now: datetime) -> str:
    """`zone_words` of chat `chat_id` at `now` (a chat with no row: DEFAULT_ZONE's)."""
    row = db.db.execute("select time_zone, utc_offset_minutes from chats where id = ?",
                        [chat_id]).fetchone()
    zone = DEFAULT_ZONE if row is None else row[0] if row[0] in ZONE_NAMES else None
    fixed = int(row[1] or 0) if row is not None else 0
    return zone_words(chat_offset(zone, fixed, now), lang, zone)


def chat_zone(db: Database, chat_id: int) -> str | None:
    """The chat's IANA time zone, or None when it keeps a fixed offset."""
    row = db.db.execute("select time_zone from chats where id = ?", [chat_id]).fetchone()
    return row[0] if row and row[0] in ZONE_NAMES else None


def shown_zone(db: Database, chat: subscriptions.Chat) -> str | None:
    """`chat_zone` of `chat`; for a chat with no row yet (its record refused: a lock) the zone
    its first record will get — ENGLISH_ZONE for an English private chat, else DEFAULT_ZONE
    (subscriptions.upsert_chat, migration 014) — not a fixed UTC+3 (QA76-18)."""
    row = db.db.execute("select time_zone from chats where id = ?", [chat.id]).fetchone()
    if row is None:
        english = chat.type == "private" and chat.language == "en"
        return ENGLISH_ZONE if english else DEFAULT_ZONE
    return row[0] if row[0] in ZONE_NAMES else None


def set_zone(db: Database, chat_id: int, zone: str, now: datetime) -> subscriptions.Chat:
    """Give the chat an IANA zone (its stored offset: the zone's now, a fallback only); what it
    has queued moves to the same local hours in the new zone (`delivery_times.retime_chat`,
    QA16 F3: a digest queued for 9:00 Riyadh came at 1:00 a.m. to a reader who had moved to
    New York)."""
    if zone not in ZONE_NAMES:
        raise ValueError(f"unknown time zone {zone!r}")
    with db.transaction() as tx:
        tx.execute("update chats set time_zone = ?, utc_offset_minutes = ? where id = ?",
                   [zone, zone_offset(zone, now), chat_id])
        delivery_times.retime_chat(tx, chat_id, now)
    chat = subscriptions.get_chat(db, chat_id)
    assert chat is not None
    return chat


def set_fixed_offset(db: Database, chat_id: int, minutes: int,
                     now: datetime) -> subscriptions.Chat:
    """A fixed offset (a settings button from before zones): the chat leaves its zone, whose
    offset would otherwise still be the one used and shown; its queue follows (one
    transaction)."""
    with db.transaction() as tx:
        tx.execute("update chats set time_zone = null where id = ?", [chat_id])
        return subscriptions.set_utc_offset(db, chat_id, minutes, now)
