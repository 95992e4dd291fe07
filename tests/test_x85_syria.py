"""QA57-2/-5/-23: «سورية»/«سوريه» (how Damascus writes the country) is «سوريا». It was keyed as the
adjective «السورية» (found «الحكومة السورية», missed the stories saying «سوريا») and followed as a
topic of its own, so «/unsubscribe سوريا» said «you do not follow». The real bot against the
emulator (sample archive, a real SQLite file), and the pure query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.query import topic_key
from digests.storage import Database


def test_the_country_in_its_second_spelling_is_syria_the_adjective_is_not() -> None:
    for typed in ("سورية", "سوريه", "سوريّة", "بسورية", "وسوريه", "شو صار بسورية"):
        assert topic_key(typed) == topic_key("سوريا") == "سوريا", typed
    assert topic_key("السورية") == "سوريه"            # Syrian (fem.): the adjective stays
    assert topic_key("الحكومة السورية") == "حكومه سوريه"
    assert topic_key("ليبية") != topic_key("ليبيا")  # only ever the adjective


async def test_search_follow_and_unfollow_across_the_spellings(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [syria] = await h.say(READER, "سوريا")
        [syria2] = await h.say(READER, "سورية")
        first = syria.plain_text.splitlines()[0]
        assert first.replace("سوريا", "سورية") == syria2.plain_text.splitlines()[0], (
            syria.plain_text, syria2.plain_text)
        await h.say(READER, "/subscribe سوريه")
        [again] = await h.say(READER, "/subscribe سوريا")
        assert "بالفعل" in again.plain_text, again.plain_text
        [gone] = await h.say(READER, "/unsubscribe سوريا")
        assert "لا تتابع" not in gone.plain_text, gone.plain_text
        [topics] = await h.say(READER, "/topics")
        assert "سوري" not in topics.plain_text, topics.plain_text


async def test_a_follow_stored_before_is_syria_too(tmp_path: Path) -> None:
    """Migration 047_syria_topics: a «سوريه» followed before (keyed as the adjective) is keyed
    «سوريا», and a chat that followed both spellings keeps its oldest row."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        db.db.execute("insert or ignore into chats (id, type, created_at) values"
                      " (?, 'private', '2018-03-01T00:00:00+00:00')", [READER])
    con = sqlite3.connect(path)
    with con:
        con.execute("delete from _migrations where name = '047_syria_topics'")
        con.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                        " values (?,?,?,?)", [
                            (READER, "سوريه", "سوريه", "2018-03-01T10:00:00+00:00"),
                            (READER, "سوريا", "سوريا", "2018-03-02T10:00:00+00:00")])
    con.close()
    with Database(path) as db:
        rows = db.db.execute("select topic, topic_key from subscriptions where chat_id = ?",
                             [READER]).fetchall()
    assert rows == [("سوريه", "سوريا")], rows
    async with running_bot(path) as h:
        [gone] = await h.say(READER, "/unsubscribe سوريا")
        assert "لا تتابع" not in gone.plain_text, gone.plain_text
