"""X87 (review REV of session 21): a channel's admin whose private chat with the bot has no
stored language (a Telegram app in neither Arabic nor English) was told of the held channel in
both languages, Arabic then English, though the bot speaks DEFAULT_LANGUAGE to them there. Now
one language: the one the bot speaks in their private chat. The real Application and sender
against the emulator, a real SQLite file (as tests/test_x71_chat_holds)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot
from delivery_helpers import add_article, add_chat, add_source

from bot.runtime import RUNTIME_KEY
from digests.models import iso
from digests.storage import Database

CHANNEL, OWNER = -1002000, 1003


def _setup(path: Path) -> None:
    with Database(path) as db:
        src = add_source(db, "src")
        add_article(db, src, "ترامب يعلن قرارًا جديدًا", story_id=500)
        add_chat(db, CHANNEL, type="channel", topics=("ترامب",))
        add_chat(db, OWNER, topics=(), language=None)  # a private chat, no language stored
        add_chat(db, ADMIN, topics=())
        with db.transaction() as tx:
            tx.execute("update chats set title = 'قناة المجتمع' where id = ?", [CHANNEL])


def _queue(db: Database) -> None:
    art = db.db.execute("select id from articles").fetchone()[0]
    with db.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                   " status) values (?,?,?, 'instant', ?, 'pending')",
                   [CHANNEL, 500, art, iso(datetime.now(timezone.utc))])


def _told(h: BotHarness, user: int) -> list[str]:
    return [m.plain_text for m in h.emu.messages(user)]


async def _held_note(path: Path, default_language: str = "ar") -> str:
    async with running_bot(path, default_language=default_language) as h:
        h.app.bot_data[RUNTIME_KEY].sender.planner.instant_gap = timedelta(0)
        # the owner's Telegram app is in French: no language the bot speaks
        await h.say(OWNER, "/start", language_code="fr")
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        h.emu.take_rights(CHANNEL)
        _queue(h.db)  # its next alert is refused: held, and its admins told
        [note] = await h.until(lambda: [t for t in _told(h, OWNER) if "⚠️" in t])
    return str(note)


async def test_an_admin_with_no_stored_language_reads_the_default_alone(tmp_path: Path) -> None:
    path = tmp_path / "ar.db"
    _setup(path)
    note = await _held_note(path)
    assert "نشر الرسائل" in note and "Post messages" not in note, note


async def test_an_english_default_is_english_alone(tmp_path: Path) -> None:
    path = tmp_path / "en.db"
    _setup(path)
    note = await _held_note(path, default_language="en")
    assert "Post messages" in note and "نشر الرسائل" not in note, note
