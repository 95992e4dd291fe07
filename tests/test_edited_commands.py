"""An edited message that now starts with a command carries the bot_command entity, as
Telegram sends it (QA29 A7: the emulator dropped it, so tests saw «/push» answered as a search).
With the entity the bot neither runs the edited command nor searches for it; since X110 (QA65-12)
its first edit is answered with how to send it as a new message."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources


async def test_an_edited_admin_command_is_neither_run_nor_searched(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        source = sources.add_source(h.db, "http://127.0.0.1:9/feed.xml", settings=h.settings,
                                    now=datetime.now(UTC))
        before = len(h.emu.messages(ADMIN))
        message_id = h.emu.send_user_message(ADMIN, "لبنن")
        await h.emu.await_messages(ADMIN, before + 1, timeout=10)
        h.emu.edit_user_message(ADMIN, message_id, f"/removesource {source.id}")
        await h.settle()
        h.emu.edit_user_message(ADMIN, message_id, "/push")  # a second edit: not answered anyway
        await h.settle()
        after = [m.plain_text for m in h.emu.messages(ADMIN)[before + 1:]]
        still = sources.get_source(h.db, source.id)
    # no «لم أجد أخبارًا عن «/removesource …»»; one hint, for the first edit only
    assert len(after) == 1 and "أرسله رسالة جديدة" in after[0], after
    assert still is not None and still.active
