"""X89 (REV s22 finding 1): a subject of the news beside ONE name is one topic (X87: «انتخابات
مصر», «نفط العراق»), but a list of three names that holds a subject is still a list: after
fab16f0 «سوريا لبنان النفط» was one phrase (any subject among the names made the whole text one
topic), so /subscribe followed «سوريا لبنان النفط», written in no article. Pure and the real bot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from botkit import READER, running_bot, sample_db

from digests.several_topics import several_topics


def test_a_list_with_a_subject_is_still_a_list(tmp_path: Path) -> None:
    db = sqlite_utils.Database(sample_db(tmp_path))
    assert several_topics(db, "سوريا لبنان النفط") == ("سوريا", "لبنان", "النفط")
    assert several_topics(db, "النفط سوريا لبنان") == ("النفط", "سوريا", "لبنان")
    assert several_topics(db, "روسيا تركيا الهدنة") == ("روسيا", "تركيا", "الهدنة")
    # one subject beside one name stays one topic (X87)
    for text in ("انتخابات مصر", "نفط العراق", "لبنان انتخابات"):
        assert several_topics(db, text) == (), text
    assert several_topics(db, "سوريا لبنان مصر الأردن") == ("سوريا", "لبنان", "مصر", "الأردن")


async def test_subscribing_to_a_list_with_a_subject_follows_each(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        await h.say(READER, "/subscribe سوريا لبنان النفط")
    con = sqlite3.connect(path)
    try:
        topics = [r[0] for r in con.execute(
            "select topic from subscriptions where chat_id = ? order by id", [READER])]
    finally:
        con.close()
    assert topics == ["سوريا", "لبنان", "النفط"]
