"""X69 (4, QA44 T5): «النشرةالعامة» typed without its space is the general digest too — in
/subscribe, /unsubscribe, a list of several and the channel's «➕ أضف موضوعًا» prompt — not a
keyword that matches nothing; migration 044 turns a row stored the old way into the general
digest. The real bot against the emulator, a real SQLite archive."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, SentMessage, running_bot, sample_db
from migration_kit import archive_before

from digests.general_names import is_general_name
from digests.storage import Database


def _rows(db: Database, chat_id: int) -> list[tuple[str, str]]:
    return sorted((r["topic"], r["topic_key"]) for r in db.db.query(
        "select topic, topic_key from subscriptions where chat_id = ?", [chat_id]))


def test_the_joined_spellings_are_the_general_digest() -> None:
    for name in ("النشرةالعامة", "النشرهالعامه", "نشرةعامة", "«النشرةالعامة»", "📰 النشرةالعامة",
                 "نشره العامه", "النشرة العامه"):
        assert is_general_name(name), name
    for topic in ("النشرةالعامة عن سوريا", "النشرة", "العامةالنشرة", "نشرات"):
        assert not is_general_name(topic), topic


def _now(h: object, sent: SentMessage) -> SentMessage:
    return next(m for m in h.emu.messages(sent.chat_id)  # type: ignore[attr-defined]
                if m.message_id == sent.message_id)


async def test_subscribe_list_prompt_and_unsubscribe_of_the_joined_name(tmp_path: Path) -> None:
    channel, title = -100777, "قناة النشرة"
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "/subscribe النشرةالعامة")
        assert "النشرة العامة" in ar.plain_text, ar.plain_text
        assert _rows(h.db, READER) == [("", "")]
        await h.say(READER, "/unsubscribe النشرةالعامة")
        assert _rows(h.db, READER) == []
        await h.say(READER + 1, "/subscribe سوريا، النشرةالعامة")
        assert _rows(h.db, READER + 1)[0] == ("", ""), _rows(h.db, READER + 1)
        # a channel's «➕ أضف موضوعًا» prompt answered with the joined name
        h.emu.add_chat(channel, type="channel", title=title, admins=[ADMIN])
        await h.say(channel, "/subscribe لبنان")
        [listing] = await h.say(ADMIN, "/channels")
        h.emu.click(listing, f"📢 {title}")
        await h.until(lambda: "مواضيع القناة" in " ".join(_now(h, listing).button_texts()))
        h.emu.click(_now(h, listing), "📋 مواضيع القناة")
        await h.until(lambda: "➕ أضف موضوعًا" in _now(h, listing).button_texts())
        [prompt] = await h.click(_now(h, listing), "➕ أضف موضوعًا")
        reply = {"reply_to_message": {"message_id": prompt.message_id, "date": 0,
                                      "chat": {"id": ADMIN, "type": "private", "first_name": "U"},
                                      "text": prompt.plain_text}}
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "النشرةالعامة", extra=reply)
        await h.emu.await_messages(ADMIN, before + 1)
        assert ("", "") in _rows(h.db, channel), _rows(h.db, channel)
        assert "نشرهالعامه" not in {key for _, key in _rows(h.db, channel)}


def test_the_migration_moves_joined_keyword_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    now = "2026-12-01T00:00:00+00:00"
    with archive_before(path, "044_general_digest_joined_names") as old:
        for chat in (1, 2):
            old.db.execute("insert into chats (id, created_at) values (?, ?)", [chat, now])
        old.db.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (1, 'النشرةالعامة', 'نشرهالعامه', ?)", [now])
        old.db.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (2, '', '', ?)", [now])
        old.db.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (2, 'نشرةعامة', 'نشرهعامه', ?)", [now])
        old.db.conn.commit()
    with Database(path) as db:
        assert _rows(db, 1) == [("", "")]
        assert _rows(db, 2) == [("", "")]  # followed already: the keyword row goes
