"""QA38 A5: subscription ids were reused (no AUTOINCREMENT), so a stale «❌ إلغاء الغوطة»
removed «ليبيا», and a stale «نعم، ألغِ الكل» removed a topic followed after the question. Now
ids never repeat (migration 041) and a button acts on an id only while it follows the topic it
listed. Real bot on the emulator, real SQLite."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.storage import Database
from digests.subscription_ids import ID_MARGIN, m041_subscription_ids


def _topics(db: Database) -> list[str]:
    return [r["topic"] for r in db.db.query(
        "select topic from subscriptions where chat_id = ? order by id", [READER])]


async def test_a_stale_remove_button_never_removes_another_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        await h.say(READER, "/subscribe الغوطة")
        [menu] = await h.say(READER, "/unsubscribe")
        stale = menu.buttons()[0]
        await h.say(READER, "/unsubscribe الغوطة")
        await h.say(READER, "/subscribe ليبيا")
        await h.click_answer(menu, data=stale["callback_data"])
        await asyncio.sleep(0.5)
        assert _topics(h.db) == ["ليبيا"]


async def test_a_stale_remove_all_keeps_a_topic_followed_after(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        await h.say(READER, "/subscribe مصر")
        [ask] = await h.say(READER, "/unsubscribe all")
        yes = next(b for b in ask.buttons() if "نعم" in b["text"])
        await h.say(READER, "/unsubscribe مصر")
        await h.say(READER, "/subscribe إيران")
        await h.click_answer(ask, data=yes["callback_data"])
        await asyncio.sleep(0.5)
        assert _topics(h.db) == ["إيران"]


def test_migration_041_keeps_rows_and_never_reuses_an_id(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("""
        create table chats (id integer primary key);
        create table callbacks (id text primary key);
        insert into chats values (7);
        insert into callbacks values ('b');
        create table subscriptions (
            id integer primary key,
            chat_id integer not null references chats(id) on update cascade on delete cascade,
            topic text not null default '', topic_key text not null default '',
            created_at text not null, unique (chat_id, topic_key));
        insert into subscriptions values (1, 7, 'أ', 'ا', 'x'), (2, 7, 'ب', 'ب', 'x');
    """)
    conn.commit()
    import sqlite_utils
    db = sqlite_utils.Database(conn)
    m041_subscription_ids(db)
    m041_subscription_ids(db)  # a second run changes nothing
    rows = conn.execute("select id, topic from subscriptions order by id").fetchall()
    assert rows == [(1, "أ"), (2, "ب")]
    conn.execute("delete from subscriptions where id = 2")
    conn.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                 " values (7, 'ج', 'ج', 'x')")
    new_id = conn.execute("select id from subscriptions where topic = 'ج'").fetchone()[0]
    assert new_id == 2 + ID_MARGIN + 1
    conn.close()
