"""X58 (QA40 N1): the general digest's name typed where /help puts it («/subscribe موضوع (أو
النشرة العامة)»), in Arabic or English, follows the general digest itself (topic '') — not a
keyword search for «نشرة عامة» — and `/unsubscribe` of that name stops it; migration
039_general_digest_names turns a row stored the old way into the general digest. The real bot
against the emulator, a real SQLite archive."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db
from migration_kit import archive_before

from digests import subscriptions as subs
from digests.general_names import is_general_name
from digests.storage import Database


def _rows(db: Database, chat_id: int) -> list[tuple[str, str]]:
    return [(r["topic"], r["topic_key"]) for r in db.db.query(
        "select topic, topic_key from subscriptions where chat_id = ? order by id", [chat_id])]


def test_the_names_of_the_general_digest_and_not_a_topic() -> None:
    for name in ("النشرة العامة", "نشرة عامة", "النشره العامه", "«النشرة العامة»",
                 "📰 النشرة العامة", "the general digest", "General digest", "📰 The general digest"):
        assert is_general_name(name), name
    for topic in ("النشرة", "سوريا", "نشرة عامة عن سوريا", "general assembly", ""):
        assert not is_general_name(topic), topic


async def test_subscribe_the_general_digest_by_its_name_ar_and_en(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "/subscribe النشرة العامة")
        assert "النشرة العامة" in ar.plain_text, ar.plain_text
        assert _rows(h.db, READER) == [("", "")]
        [again] = await h.say(READER, "/subscribe نشرة عامة")
        assert _rows(h.db, READER) == [("", "")], again.plain_text
        [en] = await h.say(READER + 1, "/subscribe general digest", language_code="en")
        assert "general digest" in en.plain_text, en.plain_text
        assert "Arabic" not in en.plain_text, en.plain_text
        assert _rows(h.db, READER + 1) == [("", "")]
        # with a topic in one message: both followed, the general digest as itself
        await h.say(READER + 2, "/subscribe سوريا، النشرة العامة")
        assert sorted(_rows(h.db, READER + 2))[0] == ("", "")
        # the admin's /push now finds these followers of the general digest
        [push] = await h.say(ADMIN, "/push")
        assert "لا أحد يتابع النشرة العامة" not in push.plain_text, push.plain_text
        # and the name stops it
        await h.say(READER, "/unsubscribe النشرة العامة")
        assert _rows(h.db, READER) == []
        await h.say(READER + 1, "/unsubscribe the general digest", language_code="en")
        assert _rows(h.db, READER + 1) == []


def test_the_migration_moves_the_keyword_rows_to_the_general_digest(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    now = "2026-12-01T00:00:00+00:00"
    with archive_before(path, "039_general_digest_names") as old:
        for chat in (1, 2):
            old.db.execute("insert into chats (id, type, created_at) values (?, 'private', ?)",
                           [chat, now])
        rows = [(1, "النشرة العامة", "نشره عامه"), (2, "نشرة عامة", "نشره عامه"),
                (2, "", ""), (2, "سوريا", "سوريا")]
        for chat, topic, key in rows:
            old.db.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                           " values (?,?,?,?)", [chat, topic, key, now])
        old.conn.commit()
    db = Database(path)
    try:
        assert _rows(db, 1) == [("", "")]  # moved: chat 1 follows the general digest now
        assert _rows(db, 2) == [("", ""), ("سوريا", "سوريا")]  # the duplicate went
        assert [s.topic for s in subs.list_subscriptions(db, 1)] == [""]
    finally:
        db.close()
