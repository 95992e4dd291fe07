"""What a new follow says when the chat is inside its quiet hours (QA36 E4).

New chats get quiet hours 23:00–07:00 local; a reader who followed a topic at midnight was told
«ستصلك الأخبار الجديدة أولًا بأول» and then heard nothing until morning. The confirmation now
says when the first alert comes and where the quiet hours are set. Only instant alerts are
concerned: a daily digest comes at its hour anyway.
"""

from __future__ import annotations

from datetime import datetime

from bot.runtime import ui
from bot.settings_words import hour_label
from bot.zones import chat_zone_words
from digests import delivery_times, subscriptions
from digests.storage import Database


def quiet_note(db: Database, chat_id: int, lang: str, now: datetime) -> str | None:
    """A line (HTML) «alerts start at 7:00 (quiet hours: /settings)» when chat `chat_id` gets
    instant alerts and `now` falls inside its quiet hours; None otherwise."""
    chat = subscriptions.get_chat(db, chat_id)
    if chat is None or chat.mode != "instant" or chat.quiet_end is None:
        return None
    if delivery_times.quiet_until(db.db, chat_id, now) is None:
        return None
    # the hour with its zone: «٧:٠٠ بتوقيت السعودية (UTC+3)», 5:00 for a reader in Morocco who
    # never chose one (QA47 Z2)
    return ui(lang, "subscribed_quiet", hour=hour_label(chat.quiet_end, lang) + " "
              + chat_zone_words(db, chat_id, lang, now))
