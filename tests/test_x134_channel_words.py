"""QA77-4, QA77-5 (session 26): a channel's words. The channel's Sources screen, opened from
/channels, said «هذه المحادثة» where the rest of the menu says «القناة»; a daily channel's
«/subscribe النشرة العامة» was confirmed with «ستصلها أخباره» (a masculine pronoun for a
feminine name, in a public post). The real Application against the emulator, real SQLite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import subscriptions

CHANNEL = -100556
TITLE = "قناة الخبر اليقين"


async def test_the_channels_sources_screen_says_the_channel(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(CHANNEL, type="channel", title=TITLE, admins=[ADMIN])
        await h.say(CHANNEL, "/subscribe لبنان")
        [listing] = await h.say(ADMIN, "/channels")
        h.emu.click(listing, f"📢 {TITLE}")
        await h.until(lambda: "📡 المصادر" in h.emu.messages(ADMIN)[-1].button_texts())
        h.emu.click(h.emu.messages(ADMIN)[-1], "📡 المصادر")
        await h.until(lambda: "المصادر التي" in h.emu.messages(ADMIN)[-1].plain_text)
        text = h.emu.messages(ADMIN)[-1].plain_text
    assert "إلى القناة" in text and "هذه المحادثة" not in text, text  # before: «هذه المحادثة»


async def test_a_daily_channel_following_the_general_digest_is_told_without_a_pronoun(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(CHANNEL, type="channel", title=TITLE, admins=[ADMIN])
        await h.say(CHANNEL, "/subscribe لبنان")
        subscriptions.set_mode(h.db, CHANNEL, "daily", 18, now=datetime.now(UTC))
        [done] = await h.say(CHANNEL, "/subscribe النشرة العامة")
    text = done.plain_text
    assert "«النشرة العامة» في القناة" in text, text
    assert "أخباره" not in text and "ستصلها الأخبار الجديدة في نشرتها اليومية" in text, text
