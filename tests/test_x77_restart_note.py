"""Brief X77 item 5 (QA53 S5): a run killed mid-broadcast leaves outbox rows 'sending'; the next
start sends them again (at least once) and told the admins nothing. The real bot and sender
against the emulator, on a real SQLite file holding what a killed run left."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from delivery_helpers import add_article, add_chat, add_source
from digests.models import iso
from digests.storage import Database
from tests.botkit import ADMIN, running_bot, sample_db

READERS = (7801, 7802)


def _left_by_a_killed_run(path: Path, status: str) -> None:
    db = Database(path)
    try:
        source = add_source(db, "مصدر التجربة")
        now = iso(datetime.now(timezone.utc))
        for n, reader in enumerate(READERS):
            article = add_article(db, source, f"خبر عاجل رقم {n}", story_id=None)
            add_chat(db, reader)
            db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                          " status, not_before) values (?,?,?,'instant',?,?,?)",
                          [reader, -article.id, article.id, now, status, now])
    finally:
        db.close()


async def test_a_start_after_a_kill_mid_broadcast_tells_the_admins_once(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _left_by_a_killed_run(path, "sending")
    async with running_bot(path) as h:
        await h.settle()
        for reader in READERS:  # sent again: at least once
            await h.until(lambda r=reader: h.emu.messages(r), timeout=15)  # type: ignore[misc]
        await h.settle()
        notes = [m.text for m in h.emu.messages(ADMIN) if "↻" in m.text]
    assert len(notes) == 1, notes
    assert "رسالتان، رسالة لكل محادثة (فيها خبران)" in notes[0] and "2 messages, one a chat (2 stories in them)" in notes[0], notes  # X93: «stories»; X117: counted in messages


async def test_a_clean_start_says_nothing(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _left_by_a_killed_run(path, "pending")  # a graceful stop leaves rows pending, not sending
    async with running_bot(path) as h:
        await h.settle()
        for reader in READERS:
            await h.until(lambda r=reader: h.emu.messages(r), timeout=15)  # type: ignore[misc]
        await h.settle()
        assert not [m for m in h.emu.messages(ADMIN) if "↻" in m.text]
