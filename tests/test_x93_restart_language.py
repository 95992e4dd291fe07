"""X93 (QA62-6): after a kill mid-broadcast an admin whose chat is Arabic got the restart note in
Arabic and then in English («20 articles», where everything else says stories). An admin whose
language is known reads it in that language alone; one who never wrote to the bot gets both
(tests/test_x77_restart_note.py). The real Application against the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db
from delivery_helpers import add_chat
from test_x77_restart_note import READERS, _left_by_a_killed_run

from digests.storage import Database


async def test_an_arabic_admin_reads_the_restart_note_in_arabic_alone(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _left_by_a_killed_run(path, "sending")
    with Database(path) as db:
        add_chat(db, ADMIN, topics=(), language="ar")
    async with running_bot(path) as h:
        for reader in READERS:
            await h.until(lambda r=reader: h.emu.messages(r), timeout=15)  # type: ignore[misc]
        [note] = await h.until(lambda: [m.text for m in h.emu.messages(ADMIN) if "↻" in m.text])
    assert "رسالتان، رسالة لكل محادثة (فيها خبران)" in note and "The last run" not in note, note
