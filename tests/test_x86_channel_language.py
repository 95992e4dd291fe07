"""X86 (1, QA58-4): a channel or group speaks its own language choice, else DEFAULT_LANGUAGE —
not the Telegram app of the admin who added the bot (an Arabic newsroom's channel set up from an
English phone posted to its Arabic readers in English, and nothing said so). The admin who adds
the bot to a channel is told privately which language it posts in and where to change it. The real
bot on the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import subscriptions

CHANNEL, GROUP = -1009001, -1009002


async def test_a_channel_added_by_an_english_admin_posts_in_arabic_and_he_is_told(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        english_admin = h.user(ADMIN, "en")
        h.emu.add_chat(CHANNEL, type="channel", title="قناة الأخبار", admins=[ADMIN])
        h.emu.chat_member_update(CHANNEL, new_status="administrator", old_status="left",
                                 user=english_admin, rights={"can_post_messages": True})
        [note] = await h.emu.await_messages(ADMIN, 1, timeout=10)
        assert "«قناة الأخبار»" in note.plain_text and "posts will be in Arabic" in note.plain_text
        assert "/channels" in note.plain_text and "Channel language" in note.plain_text
        chat = subscriptions.get_chat(h.db, CHANNEL)
        assert chat is not None and chat.language is None  # no choice made: DEFAULT_LANGUAGE
        [done] = await h.say(CHANNEL, "/subscribe بيروت")
        assert "القناة" in done.plain_text and "This channel" not in done.plain_text
        assert h.emu.messages(CHANNEL) == [done]  # nothing else posted in the channel


async def test_a_group_added_by_an_english_admin_greets_in_arabic_with_the_way_to_english(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "مجموعة", admins=[ADMIN])
        h.emu.chat_member_update(GROUP, new_status="member", old_status="left",
                                 user=h.user(ADMIN, "en"))
        [intro] = await h.emu.await_messages(GROUP, 1, timeout=10)
        assert not intro.plain_text.startswith("Hello everyone")
        assert "/lang" in intro.plain_text  # the line in English pointing to the switch
        [done] = await h.say(GROUP, "/subscribe بيروت", user=h.user(ADMIN, "en"))
        assert "This group" not in done.plain_text
        chat = subscriptions.get_chat(h.db, GROUP)
        assert chat is not None and chat.language is None
        subscriptions.set_language(h.db, GROUP, "en")  # the group's own choice rules
        [help_] = await h.say(GROUP, "/help", user=h.user(ADMIN + 1, "ar"))
        assert "/topics — The topics this group follows" in help_.plain_text
