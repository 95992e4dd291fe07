"""QA48 R4: an answer to a group that has become a supergroup reaches the supergroup.

The courier follows ChatMigrated for deliveries; a reader's answer (bot.reply_limiter) went to
the old id, met 400 «group chat was upgraded to a supergroup chat» and was dropped — live, and
for the answers held across a restart (their updates name the old group). The real bot against
the emulator: the group is upgraded without the service messages (the bot learns nothing before
it answers), then a member's /help and /topics from the old group are answered in the new one.
"""

from __future__ import annotations

from pathlib import Path

from tests.botkit import running_bot, sample_db

OLD, NEW = -5381, -1005381


async def test_answers_to_an_upgraded_group_go_to_its_supergroup(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(OLD, "أخبار الحي", type="group")
        h.emu.migrate(OLD, NEW)  # no service message: the bot has not heard of it
        for text in ("/help", "/topics"):
            h.emu.send_user_message(OLD, text)
        got = await h.until(lambda: h.emu.messages(NEW) if len(h.emu.messages(NEW)) >= 2
                            else None, timeout=15)
        await h.settle()
    assert h.emu.messages(OLD) == []
    assert len(got) == 2 and all(m.text for m in got)
