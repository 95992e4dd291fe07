"""bot.channels (QA16 N6): in a channel, a command's answer is a public post whose buttons any
reader can press. Menus and lists get one line; /subscribe and /unsubscribe with a topic are
carried out in one line, without the share link. The real Application against the emulator."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db

from bot import callbacks, limiter

from bot.channels import channel_command
from digests import subscriptions
from digests.storage import Database

CHANNEL = -100777


@pytest.fixture(autouse=True)
def _unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """A channel's answers without the bot's 1.05 s a chat: twelve answers to one channel took 11
    s of waiting. Their pace is test_limiter's and test_x45_groups' (review RG); here only what
    they say."""
    monkeypatch.setattr(limiter, "CHAT_INTERVAL", 0.05)


def test_channel_command_reads_the_command_and_whether_a_topic_follows() -> None:
    assert channel_command("/Topics@nashra_bot") == ("topics", False)
    assert channel_command("/subscribe لبنان") == ("subscribe", True)
    assert channel_command("/unsubscribe   ") == ("unsubscribe", False)
    assert channel_command("أخبار اليوم") is None


async def test_a_channel_gets_one_line_for_menus_and_lists(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(CHANNEL, type="channel", title="قناة")
        [done] = await h.say(CHANNEL, "/subscribe لبنان")
        assert "تمت متابعة «لبنان»" in done.plain_text
        assert "t.me/" not in done.text and "\n" not in done.plain_text.strip()  # no share link
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, CHANNEL)] == ["لبنان"]
        for command in ("/settings", "/topics", "/search الغوطة", "/start", "/help",
                        "/subscribe", "/unsubscribe", "/lang", "/channels"):
            [line] = await h.say(CHANNEL, command)
            assert line.buttons() == [], command
            assert "لا أنشر في القناة قوائم ولا أزرارًا" in line.plain_text, command
            assert "/subscribe" in line.plain_text and "@" in line.plain_text
            # the real path: /channels in a private chat (bot.channel_admin)
            assert "أرسل /channels إلى @" in line.plain_text.replace("\u200e", ""), command
        [gone] = await h.say(CHANNEL, "/unsubscribe لبنان")
        assert gone.plain_text.lstrip("\u200f") == "لم تعد القناة تتابع «لبنان»."
        assert subscriptions.list_subscriptions(h.db, CHANNEL) == []
        # a private chat still gets its menu and its share link
        [menu] = await h.say(READER, "/settings")
        assert menu.buttons()
        [mine] = await h.say(READER, "/subscribe لبنان")
        assert "t.me/" in mine.text


async def test_a_button_under_a_channel_post_changes_nothing_unless_an_admin_presses(
        tmp_path: Path) -> None:
    # Menus posted in a channel before bot.channels (or forged ids) stay pressable by any
    # reader: only the channel's admins may change its settings with them.
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(CHANNEL, type="channel", title="قناة", admins=[ADMIN])
        [post] = await h.say(CHANNEL, "/subscribe لبنان")
        cb_id = callbacks.new_callback(h.db, chat_id=CHANNEL, action="mode",
                                       payload={"mode": "daily", "hour": 9},
                                       now=datetime.now(timezone.utc))
        refused = await h.click_answer(post, data=cb_id, user=h.user(READER))
        assert refused.get("show_alert") is True
        assert _mode(h.db) == "instant"
        await h.click_answer(post, data=cb_id, user=h.user(ADMIN))
        await h.until(lambda: _mode(h.db) == "daily")


def _mode(db: Database) -> str | None:
    chat = subscriptions.get_chat(db, CHANNEL)
    return chat.mode if chat else None


async def test_a_channel_in_english_is_pointed_to_channels_in_english(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(CHANNEL, type="channel", title="channel")
        await h.say(CHANNEL, "/subscribe لبنان")
        subscriptions.set_language(h.db, CHANNEL, "en")
        [line] = await h.say(CHANNEL, "/settings")
        assert line.buttons() == []
        assert "send /channels to @" in line.plain_text and "in a private chat" in line.plain_text
