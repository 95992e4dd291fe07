"""Chats and their subscriptions: the repository the bot and the outbox read and write.

A chat is a private chat, group, supergroup or channel the bot talks to, with its language and
delivery settings (instant alerts or a daily digest at a local hour; quiet hours). A subscription
is (chat, topic); the topic is kept as the reader wrote it, without the words of asking at its
ends («ما آخر أخبار الغوطة؟» is «الغوطة»), and matched through its analyzed key, so «الغوطة» and
«غوطة» are one subscription (digests.topic_keys: how a topic is cleaned and keyed). Topic '' is
the general digest of top stories. Stored topics rewritten when those rules change are
digests.subscription_rekeys'.

Every function takes the Database and `now` where a time is written; nothing here talks to
Telegram.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlite_utils

from digests.delivery_times import retime_chat
from digests.errors import QueryError
from digests.models import iso, parse_iso
from digests.outbox_upkeep import HELD_REASON
from digests.storage import Database
from digests.topic_keys import clean_topic, key_of, same_name
from digests.unfollowed import skip_unfollowed

log = logging.getLogger(__name__)

Mode = Literal["instant", "daily"]
MAX_SUBSCRIPTIONS = 50


class TooManyTopics(QueryError):
    """The chat already follows MAX_SUBSCRIPTIONS topics."""


@dataclass(frozen=True)
class Chat:
    """A chat the bot serves, with its delivery settings."""

    id: int
    type: str = "private"
    title: str = ""
    language: str | None = None
    active: bool = True
    mode: Mode = "instant"
    daily_hour: int = 8
    utc_offset_minutes: int = 180
    quiet_start: int | None = None
    quiet_end: int | None = None
    created_at: datetime | None = None
    deactivated_reason: str | None = None


@dataclass(frozen=True)
class Subscription:
    """One topic a chat follows ('' = the general digest)."""

    id: int
    chat_id: int
    topic: str
    topic_key: str
    created_at: datetime | None = None


# A new private chat whose user's Telegram speaks English starts on UTC (bot.zones.ENGLISH_ZONE,
# brief X25), not on Riyadh as Arabic readers do.
ENGLISH_ZONE = "UTC"


def _chat(row: dict[str, Any]) -> Chat:
    return Chat(id=row["id"], type=row["type"], title=row["title"], language=row["language"],
                active=bool(row["active"]), mode=row["mode"], daily_hour=row["daily_hour"],
                utc_offset_minutes=row["utc_offset_minutes"], quiet_start=row["quiet_start"],
                quiet_end=row["quiet_end"], created_at=parse_iso(row["created_at"]),
                deactivated_reason=row["deactivated_reason"])


def _sub(row: dict[str, Any]) -> Subscription:
    return Subscription(id=row["id"], chat_id=row["chat_id"], topic=row["topic"],
                        topic_key=row["topic_key"], created_at=parse_iso(row["created_at"]))


def _followed(db: Database, chat_id: int, key: str) -> dict[str, Any] | None:
    """The chat's subscription with this key, or with another spelling of the same name."""
    row = next(iter(db.db.query(
        "select * from subscriptions where chat_id = ? and topic_key = ?", [chat_id, key])), None)
    if row is not None or not key:
        return row
    wanted = same_name(key)
    return next((r for r in db.db.query(
        "select * from subscriptions where chat_id = ? and topic_key != '' order by id", [chat_id])
        if same_name(r["topic_key"]) == wanted), None)


# ---------------------------------------------------------------------------------------------
# Chats


def get_chat(db: Database, chat_id: int) -> Chat | None:
    """The chat, or None if the bot has never seen it."""
    row = next(iter(db.db.query("select * from chats where id = ?", [chat_id])), None)
    return _chat(row) if row else None


def upsert_chat(db: Database, chat_id: int, *, now: datetime, type: str = "private",
                title: str = "", language: str | None = None) -> Chat:
    """Create the chat or refresh its type and title; a chat that writes to us is active again.

    `language` is set only when the chat has none yet, so a choice made with /lang stays. A new
    private chat in English starts on ENGLISH_ZONE; any other on bot.zones.DEFAULT_ZONE
    (migration 014's trigger).
    """
    english = type == "private" and language == "en"
    with db.transaction() as tx:
        tx.execute(
            """insert into chats (id, type, title, language, created_at, time_zone,
                                  utc_offset_minutes) values (?,?,?,?,?,?,?)
               on conflict(id) do update set type = excluded.type, title = excluded.title,
                 language = coalesce(chats.language, excluded.language),
                 active = 1, deactivated_at = null, deactivated_reason = null""",
            [chat_id, type, title[:200], language, iso(now),
             ENGLISH_ZONE if english else None, 0 if english else 180],
        )
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


# The quiet hours migration 027's trigger (chats_new_chat_quiet) gives a new chat, local time
NEW_CHAT_QUIET = (23, 7)


def new_chat(db: Database, chat_id: int, *, type: str = "private", title: str = "",
             language: str | None = None) -> Chat:
    """The chat as its first record (`upsert_chat`) would store it, nothing written: for a
    chat whose record the database refused (QA76-18: /settings under a lock said «no quiet
    hours» to a reader about to get 23:00–07:00). Migration 027's trigger gives a new chat its
    quiet hours: read from the file, as a database may lack it (the tests drop it)."""
    english = type == "private" and language == "en"
    quiet = db.db.execute("select 1 from sqlite_master where type = 'trigger' and name = "
                          "'chats_new_chat_quiet'").fetchone() is not None
    return Chat(chat_id, type=type, title=title[:200], language=language,
                utc_offset_minutes=0 if english else 180,
                quiet_start=NEW_CHAT_QUIET[0] if quiet else None,
                quiet_end=NEW_CHAT_QUIET[1] if quiet else None)


def set_language(db: Database, chat_id: int, language: str) -> None:
    """The chat's interface language ('ar' or 'en'), chosen with /lang."""
    with db.transaction() as tx:
        tx.execute("update chats set language = ? where id = ?", [language, chat_id])


def _retime(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> None:
    """What the chat has queued follows its new settings, in the change's transaction (QA16 F3:
    an old daily row kept its old hour, day and header after a switch to instant alerts)."""
    retime_chat(sql, chat_id, now)


def set_mode(db: Database, chat_id: int, mode: Mode, daily_hour: int | None = None, *,
             now: datetime) -> Chat:
    """Instant alerts, or a daily digest at `daily_hour` (0–23, the chat's local time); the
    chat's queued deliveries follow at `now` (`digests.delivery_times.retime_chat`)."""
    if mode not in ("instant", "daily"):
        raise ValueError(f"mode {mode!r}")
    if daily_hour is not None and not 0 <= daily_hour <= 23:
        raise ValueError(f"daily_hour {daily_hour}")
    with db.transaction() as tx:
        tx.execute("update chats set mode = ?, daily_hour = coalesce(?, daily_hour) where id = ?",
                   [mode, daily_hour, chat_id])
        _retime(tx, chat_id, now)
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


def set_quiet_hours(db: Database, chat_id: int, start: int | None, end: int | None,
                    now: datetime) -> Chat:
    """Quiet hours [start, end) in local hours (may wrap midnight); None, None turns them off.
    The chat's queued deliveries follow at `now`."""
    if (start is None) != (end is None):
        raise ValueError("quiet hours need both start and end")
    for h in (start, end):
        if h is not None and not 0 <= h <= 23:
            raise ValueError(f"hour {h}")
    if start is not None and start == end:
        start = end = None
    with db.transaction() as tx:
        tx.execute("update chats set quiet_start = ?, quiet_end = ? where id = ?",
                   [start, end, chat_id])
        _retime(tx, chat_id, now)
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


def set_utc_offset(db: Database, chat_id: int, minutes: int, now: datetime) -> Chat:
    """The chat's time zone as an offset from UTC in minutes (−720 … +840), for the daily hour
    and quiet hours; the chat's queued deliveries follow at `now`."""
    if not -720 <= minutes <= 840:
        raise ValueError(f"utc offset {minutes} minutes")
    with db.transaction() as tx:
        tx.execute("update chats set utc_offset_minutes = ? where id = ?", [minutes, chat_id])
        _retime(tx, chat_id, now)
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


# ---------------------------------------------------------------------------------------------
# Subscriptions


def subscribe(db: Database, chat_id: int, topic: str, *, now: datetime) -> tuple[Subscription, bool]:
    """Follow `topic` ('' = general digest). Returns the subscription and whether it is new.

    The chat must exist (upsert_chat first). A topic that analyzes to the same key as an
    existing subscription, or names the same person in another spelling («ترمب» for «ترامب»),
    returns that one.

    Raises:
        QueryError: nothing searchable in the topic.
        TooManyTopics: the chat follows MAX_SUBSCRIPTIONS topics already.
    """
    topic = clean_topic(topic)
    key = key_of(topic)
    existing = _followed(db, chat_id, key)
    if existing:
        return _sub(existing), False
    count = db.db.execute("select count(*) from subscriptions where chat_id = ?",
                          [chat_id]).fetchone()[0]
    if count >= MAX_SUBSCRIPTIONS:
        raise TooManyTopics(f"at most {MAX_SUBSCRIPTIONS} topics per chat")
    with db.transaction() as tx:
        tx.execute("insert or ignore into subscriptions (chat_id, topic, topic_key, created_at)"
                   " values (?,?,?,?)", [chat_id, topic, key, iso(now)])
    row = next(iter(db.db.query(
        "select * from subscriptions where chat_id = ? and topic_key = ?", [chat_id, key])))
    log.info("subscribed chat=%s key=%s", chat_id, key)
    return _sub(row), True


def unsubscribe(db: Database, chat_id: int, topic: str, *, now: datetime) -> bool:
    """Stop following `topic` (matched by key, so «غوطة» removes «الغوطة»). True if removed."""
    return unsubscribe_topic(db, chat_id, topic, now=now) is not None


def unsubscribe_topic(db: Database, chat_id: int, topic: str, *,
                      now: datetime) -> Subscription | None:
    """Stop following `topic` (matched by key, or another spelling of the same name); returns the
    subscription removed, with its topic as stored («الغوطه» typed removes «الغوطة», «ترمب»
    removes «ترامب»), or None when the chat did not follow it. `now`: the bot's clock (rt.now,
    QA73-6), the time its skipped alerts are marked with."""
    try:
        key = key_of(topic)
    except QueryError:
        return None
    row = _followed(db, chat_id, key)
    if row is None:
        return None
    with db.transaction() as tx:
        tx.execute("delete from subscriptions where id = ?", [row["id"]])
        # its alerts still queued are not sent (QA27 D2), in the same transaction
        skip_unfollowed(db, chat_id, now)
    return _sub(row)


def unsubscribe_id(db: Database, chat_id: int, subscription_id: int,
                   topic_key: str | None = None, *, now: datetime) -> Subscription | None:
    """Remove one subscription of this chat by id; returns it, or None if it was not there.

    `topic_key` (what a button recorded with the id): only the row still following that topic.
    Ids are never reused since migration 041, but one deleted before it could be (QA38 A5: a
    stale «❌ الغوطة» removed «ليبيا», which had taken its id)."""
    removed = unsubscribe_ids(db, chat_id, [(subscription_id, topic_key)], now=now)
    return removed[0] if removed else None


def unsubscribe_ids(db: Database, chat_id: int, wanted: Sequence[tuple[int, str | None]], *,
                    now: datetime) -> list[Subscription]:
    """Remove these subscriptions of this chat (each an id with the topic key it must still
    follow, or None: as `unsubscribe_id`) in one transaction; returns those removed.

    One transaction for them all (QA73-3): «unfollow all» removed one topic per transaction, so
    a database locked halfway left some removed and the reader told nothing of which."""
    def rows(sql: sqlite_utils.Database) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for subscription_id, topic_key in wanted:
            keyed = " and topic_key = ?" if topic_key is not None else ""
            found += sql.query(f"select * from subscriptions where id = ? and chat_id = ?{keyed}",
                               [subscription_id, chat_id] + ([topic_key] if keyed else []))
        return list({row["id"]: row for row in found}.values())  # an id listed twice: once

    if not rows(db.db):  # a stale press takes no write lock (it answers on a locked database)
        return []
    with db.transaction() as tx:
        removed = rows(tx)  # again inside: what is removed is what is still there
        for row in removed:
            tx.execute("delete from subscriptions where id = ?", [row["id"]])
        if removed:
            skip_unfollowed(db, chat_id, now)  # QA27 D2
    return [_sub(row) for row in removed]


def followed(db: Database, chat_id: int, topic: str) -> Subscription | None:
    """The chat's subscription to `topic` (its key, or another spelling of the same name), or
    None (also for a topic with nothing searchable)."""
    try:
        key = key_of(clean_topic(topic))
    except QueryError:
        return None
    row = _followed(db, chat_id, key)
    return _sub(row) if row is not None else None


def list_subscriptions(db: Database, chat_id: int) -> list[Subscription]:
    """The chat's subscriptions, oldest first."""
    return [_sub(r) for r in db.db.query(
        "select * from subscriptions where chat_id = ? order by id", [chat_id])]


@dataclass(frozen=True)
class ChatStats:
    """Counts for the admin's /stats."""

    chats: int
    active_chats: int
    subscribers: int  # active chats with at least one subscription
    subscriptions: int  # of active chats (a lost chat's are `lost_subscriptions`, QA20 O3)
    lost_chats: int = 0  # chats that blocked or removed the bot, deleted, or not found
    lost_recently: int = 0  # … of which deactivated since the `since` given to `stats`
    lost_subscriptions: int = 0  # subscriptions the lost chats still hold (kept for a return)


# a held chat (it lost only the right to post: bot.chat_holds) is inactive but not lost (QA56-3)
_LOST = "coalesce({}deactivated_reason, '') not like ?"


def stats(db: Database, since: str | None = None) -> ChatStats:
    """Chats, active chats, subscribers (active chats with a subscription), their
    subscriptions; chats lost (inactive: Telegram refused them for good, or the bot was
    removed; not the held ones, bot.chat_holds), those lost since `since` (ISO time), and
    the subscriptions they hold."""
    held = HELD_REASON + "%"
    row = db.db.execute("""
        select (select count(*) from chats),
               (select count(*) from chats where active = 1),
               (select count(distinct s.chat_id) from subscriptions s
                  join chats c on c.id = s.chat_id where c.active = 1),
               (select count(*) from subscriptions s join chats c on c.id = s.chat_id
                  where c.active = 1),
               (select count(*) from chats where active = 0 and {lost}),
               (select count(*) from chats where active = 0 and {lost} and deactivated_at >= ?),
               (select count(*) from subscriptions s join chats c on c.id = s.chat_id
                  where c.active = 0 and {lost_c})""".format(lost=_LOST.format(""), lost_c=_LOST.format("c.")),
        [held, held, since or "", held]).fetchone()
    return ChatStats(chats=row[0], active_chats=row[1], subscribers=row[2], subscriptions=row[3],
                     lost_chats=row[4], lost_recently=row[5] if since else 0,
                     lost_subscriptions=row[6])
