"""Which «subscribed» wording a new follow takes: the chat's delivery mode decides (QA41 T6).

The confirmation of a follow said «ستصلك الأخبار الجديدة أولًا بأول» («as they are published»)
to every chat, also to one that reads a daily digest, which gets nothing until its hour. A chat
in daily mode is now told the hour its digest comes instead; instant chats keep the old words
(and the quiet-hours note of bot.quiet_notes).
"""

from __future__ import annotations

from datetime import datetime

from bot.settings_words import hour_label
from bot.zones import chat_zone_words
from digests import subscriptions
from digests.storage import Database


def daily_hour(db: Database, chat_id: int) -> int | None:
    """The local hour of chat `chat_id`'s daily digest when it reads one, else None."""
    chat = subscriptions.get_chat(db, chat_id)
    if chat is None or chat.mode != "daily":
        return None
    return chat.daily_hour


def subscribed_key(db: Database, chat_id: int, key: str, lang: str,
                   now: datetime) -> tuple[str, dict[str, str]]:
    """`key` («subscribed», «subscribed_several») as the chat's mode words it, and the values
    the daily wording needs: («subscribed_daily», {"hour": "٨:٠٠ بتوقيت السعودية (UTC+3)"})
    for a daily reader, the hour with its zone (QA47 Z2; its offset at `now`)."""
    hour = daily_hour(db, chat_id)
    if hour is None:
        return key, {}
    zone = chat_zone_words(db, chat_id, lang, now)
    return key + "_daily", {"hour": hour_label(hour, lang) + " " + zone}
