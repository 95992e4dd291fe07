"""X90 (QA61-6): «انتخابات مصر وسوريا» was split into «الانتخابات»، «مصر»، «سوريا» — search and
/subscribe alike —, so «🔔 تابعها كلها» and `/subscribe انتخابات مصر وسوريا` followed every election
anywhere, all of Egypt and all of Syria. A subject typed first before places joined by «و» is the
subject of each place (digests.several_topics): «انتخابات مصر»، «انتخابات سوريا». Pure and the real
bot (sample archive)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from botkit import READER, running_bot, sample_db

from digests.several_topics import several_topics


def test_a_subject_before_joined_places_goes_with_each(tmp_path: Path) -> None:
    db = sqlite_utils.Database(sample_db(tmp_path))
    assert several_topics(db, "انتخابات مصر وسوريا") == ("انتخابات مصر", "انتخابات سوريا")
    assert several_topics(db, "نفط العراق وإيران") == ("نفط العراق", "نفط إيران")
    # not a subject first: a list as before (X89); a subject alone beside one place: one topic
    assert several_topics(db, "سوريا لبنان النفط") == ("سوريا", "لبنان", "النفط")
    assert several_topics(db, "انتخابات مصر") == ()
    assert several_topics(db, "الانتخابات ومصر") == ("الانتخابات", "مصر")


async def test_search_and_follow_split_alike(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [asked] = await h.say(READER, "انتخابات مصر وسوريا")
        assert "«انتخابات مصر»" in asked.plain_text and "«انتخابات سوريا»" in asked.plain_text, (
            asked.plain_text)
        assert "«الانتخابات»" not in asked.plain_text, asked.plain_text
        [done] = await h.say(READER, "/subscribe انتخابات مصر وسوريا")
        assert "«انتخابات مصر»" in done.plain_text and "«انتخابات سوريا»" in done.plain_text, (
            done.plain_text)
        [topics] = await h.say(READER, "/topics")
        assert "• الانتخابات\n" not in topics.plain_text + "\n", topics.plain_text
        assert "• مصر\n" not in topics.plain_text + "\n", topics.plain_text
