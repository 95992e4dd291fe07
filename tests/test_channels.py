"""bot.channels (QA16 N6): in a channel, a command's answer is a public post whose buttons any
reader can press. Menus and lists get one line; /subscribe and /unsubscribe with a topic are
carried out in one line, without the share link. The real Application against the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.channels import channel_command
from digests import subscriptions

CHANNEL = -100777


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
                        "/subscribe", "/unsubscribe", "/lang"):
            [line] = await h.say(CHANNEL, command)
            assert line.buttons() == [], command
            assert "لا أنشر في القناة قوائم ولا أزرارًا" in line.plain_text, command
            assert "/subscribe" in line.plain_text and "@" in line.plain_text
        [gone] = await h.say(CHANNEL, "/unsubscribe لبنان")
        assert gone.plain_text.lstrip("\u200f") == "لم تعد القناة تتابع «لبنان»."
        assert subscriptions.list_subscriptions(h.db, CHANNEL) == []
        # a private chat still gets its menu and its share link
        [menu] = await h.say(READER, "/settings")
        assert menu.buttons()
        [mine] = await h.say(READER, "/subscribe لبنان")
        assert "t.me/" in mine.text
