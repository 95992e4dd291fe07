"""X57 (QA41 T6): a chat reading a daily digest that follows a topic is told the hour its
digest comes, not «أولًا بأول» — the real bot, a private chat and a group, Arabic and English,
one topic and several."""

from __future__ import annotations

from datetime import UTC, datetime

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions


async def test_a_daily_reader_is_told_the_digest_hour(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        subscriptions.set_mode(h.db, READER, "daily", 8, now=datetime.now(UTC))
        [ar] = await h.say(READER, "/subscribe الغوطة")
        assert "أولًا بأول" not in ar.plain_text, ar.plain_text
        assert "نشرتك اليومية الساعة ٨:٠٠" in ar.plain_text, ar.plain_text
        [several] = await h.say(READER, "/subscribe سوريا، لبنان")
        assert "أولًا بأول" not in several.plain_text, several.plain_text
        assert "نشرتك اليومية الساعة ٨:٠٠" in several.plain_text, several.plain_text
        en_id = READER + 1
        await h.say(en_id, "/start", language_code="en")
        subscriptions.set_mode(h.db, en_id, "daily", 7, now=datetime.now(UTC))
        [en] = await h.say(en_id, "/subscribe Ghouta", language_code="en")
        assert "as they are published" not in en.plain_text, en.plain_text
        assert "your daily digest at 7:00" in en.plain_text, en.plain_text
        # an instant reader keeps «أولًا بأول»
        [instant] = await h.say(READER + 2, "/subscribe غزة")
        assert "أولًا بأول" in instant.plain_text, instant.plain_text


async def test_a_daily_group_is_told_its_digest_hour(tmp_path: Path) -> None:
    group = -100957
    async with running_bot(sample_db(tmp_path)) as h:
        admin = h.user(ADMIN)
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        await h.say(group, "/start", user=admin)
        subscriptions.set_mode(h.db, group, "daily", 9, now=datetime.now(UTC))
        [msg] = await h.say(group, "/subscribe الغوطة", user=admin)
        assert "نشرتها اليومية الساعة ٩:٠٠" in msg.plain_text, msg.plain_text
