"""X136 (5, X133's left): a message's edits and the buttons of the bot's answer.

- A plain message edited into a command got an answer with the command's button; edited back
  into plain text, the answer kept that button, which still ran the command the message no
  longer said. Now the answer is changed: no command's button, and a word that it is gone.
- The private commands that ran were remembered in memory (the last 1,000): after a restart an
  edit of «/subscribe عفرين» was told «عدّلتَ رسالة فصارت أمرًا» and not offered to stop
  following «عفرين». They are kept in the database now (digests.commands_ran, migration 061).

The real bot against the emulator, a copy of the sample database.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_x133_edited_commands import _topics, bare

from digests import commands_ran


async def test_an_edit_back_into_plain_text_takes_the_button_away(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 60
        message_id = h.emu.send_user_message(chat, "عفرين")
        await h.emu.await_messages(chat, 1, timeout=30)
        await h.settle()
        h.emu.edit_user_message(chat, message_id, "/subscribe عفرين")
        hint = (await h.emu.await_messages(chat, 2, timeout=30))[-1]
        assert hint.button_texts() == ["/subscribe عفرين"]
        count = len(h.emu.messages(chat))
        h.emu.edit_user_message(chat, message_id, "عفرين")
        # failed before: the answer kept «/subscribe عفرين»
        await h.until(lambda: h.emu.messages(chat)[-1].button_texts() == [])
        changed = h.emu.messages(chat)[-1]
        assert changed.message_id == hint.message_id and len(h.emu.messages(chat)) == count
        assert "فلم تعد أمرًا، فأزلتُ زر تنفيذه" in bare(changed), bare(changed)
        assert _topics(h, chat) == []
        # edited into a command again: the answer offers it again, in place
        h.emu.edit_user_message(chat, message_id, "/subscribe لبنان")
        await h.until(lambda: h.emu.messages(chat)[-1].button_texts() == ["/subscribe لبنان"])
        assert len(h.emu.messages(chat)) == count


async def test_an_edit_back_keeps_the_offer_to_stop_following(tmp_path: Path) -> None:
    """«/subscribe عفرين» ran, was edited into «/subscribe لبنان» (two buttons), then into plain
    text: the «/subscribe لبنان» button goes, «/unsubscribe عفرين» stays (it is still true)."""
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 61
        message_id = h.emu.send_user_message(chat, "/subscribe عفرين")
        await h.emu.await_messages(chat, 1, timeout=30)
        await h.settle()
        h.emu.edit_user_message(chat, message_id, "/subscribe لبنان")
        await h.until(lambda: h.emu.messages(chat)[-1].button_texts()
                      == ["/subscribe لبنان", "/unsubscribe عفرين"])
        h.emu.edit_user_message(chat, message_id, "لبنان")
        await h.until(lambda: h.emu.messages(chat)[-1].button_texts() == ["/unsubscribe عفرين"])
        text = bare(h.emu.messages(chat)[-1])
        assert "فلم تعد أمرًا" in text and "ما زلت تتابع «عفرين»" in text, text
        await h.click(h.emu.messages(chat)[-1], "/unsubscribe عفرين")
        await h.until(lambda: _topics(h, chat) == [])


async def test_a_command_that_ran_is_remembered_across_a_restart(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    chat = READER + 62
    async with running_bot(path) as h:
        first = h.emu.send_user_message(chat, "/subscribe عفرين")
        await h.emu.await_messages(chat, 1, timeout=30)
        await h.settle()
        assert commands_ran.ran(h.db.db, chat, first) == "/subscribe عفرين"
    async with running_bot(path) as h:  # a restart: a new process, a fresh emulator
        # the emulator numbers a chat's messages afresh: this one stands for the command
        assert h.emu.send_user_content(chat, "sticker") == first
        await h.emu.await_messages(chat, 1, timeout=30)
        await h.settle()
        before = len(h.emu.messages(chat))
        h.emu.edit_user_message(chat, first, "/subscribe لبنان")
        hint = (await h.emu.await_messages(chat, before + 1, timeout=30))[before]
        # failed before: «عدّلتَ رسالة فصارت أمرًا», one button
        assert "عدّلتَ الأمر بعد تنفيذه" in bare(hint), bare(hint)
        assert hint.button_texts() == ["/subscribe لبنان", "/unsubscribe عفرين"]


def test_only_the_newest_commands_are_kept(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from digests.storage import Database

    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    with Database(tmp_path / "n.db") as db:
        for n in range(commands_ran.MAX_KEPT + 5):
            commands_ran.remember(db.db, 7, n, f"/topics {n}", now)
        commands_ran.remember(db.db, 7, 2, "/settings", now)  # edited id reused: the newest
        count = db.db.execute("select count(*) from commands_ran").fetchone()[0]
        assert count <= commands_ran.MAX_KEPT
        assert commands_ran.ran(db.db, 7, 0) is None
        assert commands_ran.ran(db.db, 7, 2) == "/settings"
        assert commands_ran.ran(db.db, 7, commands_ran.MAX_KEPT + 4) == \
            f"/topics {commands_ran.MAX_KEPT + 4}"
