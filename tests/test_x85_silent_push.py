"""QA57-14: an admin's /push rang a reader's phone at midnight, a minute after the bot had told
them «🌙 ساعات الهدوء الآن: يصل أول تنبيه عند ٧:٠٠», and reached a reader who had chosen one
daily digest. A push is still sent when asked (the operator's call, bot.delivery_plan), but to a
chat inside its quiet hours or in daily mode it goes without a sound (disable_notification);
a chat in instant mode outside its quiet hours hears it as before. Real PTB Application, real
sender, the emulator (which records disable_notification), the sample archive."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions
from digests.storage import Database

AWAKE = 2101   # instant, no quiet hours now: the push rings
DAILY = 2102   # daily mode: silent


def _followers(path: Path) -> None:
    now = datetime.now(UTC)
    hour = now.hour  # the chats' zone is UTC: quiet from an hour ago to two hours on
    with Database(path) as db:
        for chat in (READER, AWAKE, DAILY):
            subscriptions.upsert_chat(db, chat, now=now)
            subscriptions.subscribe(db, chat, "الغوطة", now=now)
        db.db.execute("update chats set time_zone = 'UTC', utc_offset_minutes = 0,"
                      " quiet_start = null, quiet_end = null where id in (?, ?, ?)",
                      [READER, AWAKE, DAILY])
        db.db.execute("update chats set quiet_start = ?, quiet_end = ? where id = ?",
                      [(hour - 1) % 24, (hour + 2) % 24, READER])
        db.db.execute("update chats set mode = 'daily', daily_hour = ? where id = ?",
                      [(hour + 5) % 24, DAILY])


async def test_a_push_is_silent_in_quiet_hours_and_daily_mode(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _followers(path)
    async with running_bot(path) as h:
        await h.say(ADMIN, "/push الغوطة")
        for chat in (READER, AWAKE, DAILY):
            await h.emu.await_messages(chat, 1)
        quiet, awake, daily = (h.emu.messages(c) for c in (READER, AWAKE, DAILY))
        assert "الغوطة" in quiet[0].plain_text, quiet[0].plain_text
        assert all(m.silent for m in quiet), [m.plain_text for m in quiet]
        assert all(m.silent for m in daily), [m.plain_text for m in daily]
        assert not any(m.silent for m in awake), [m.plain_text for m in awake]
