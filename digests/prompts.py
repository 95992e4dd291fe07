"""Prompts waiting for an answer: a «➕ أضف موضوعًا» message (ForceReply) sent to a channel's
admin in a private chat, whose reply names a topic for that channel (bot.channel_following).

Stored in SQLite (migration 029_pending_prompts), so an answer given after a restart still adds
the topic (brief X25: kept in memory before, a restart between prompt and answer lost it). A
prompt lives PROMPT_TTL; expired ones are deleted when a new one is stored, and never answered
(the reply is then read as any text is: a topic's latest news).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from digests.models import iso
from digests.storage import Database

# A prompt is answered within minutes; a day covers an admin who comes back to it in the evening.
PROMPT_TTL = timedelta(days=1)


def remember(db: Database, chat_id: int, message_id: int, target_chat_id: int, *,
             now: datetime, ttl: timedelta = PROMPT_TTL) -> None:
    """A reply to `message_id` in `chat_id` names a topic for `target_chat_id`, until now+ttl.
    Expired prompts go in the same transaction."""
    with db.transaction() as tx:
        tx.execute("delete from pending_prompts where expires_at <= ?", [iso(now)])
        tx.execute("insert or replace into pending_prompts (chat_id, message_id, target_chat_id,"
                   " created_at, expires_at) values (?,?,?,?,?)",
                   [chat_id, message_id, target_chat_id, iso(now), iso(now + ttl)])


def prompted(db: Database, chat_id: int, message_id: int, *, now: datetime) -> int | None:
    """The chat a reply to `message_id` in `chat_id` adds a topic to, while its prompt lives; a
    read only (the prompt stays: a second reply adds another topic, as before)."""
    row = db.db.execute("select target_chat_id from pending_prompts where chat_id = ? and"
                        " message_id = ? and expires_at > ?",
                        [chat_id, message_id, iso(now)]).fetchone()
    return int(row[0]) if row else None
