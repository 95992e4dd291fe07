"""QA57-3: «الغوطة الشرقيه 🇸🇾» was searched as «الغوطة الشرقيه سوريا» (the flag a required word)
and lost the story most about Ghouta, «مقتل 19 مدنيًا في قصف للنظام السوري على الغوطة الشرقية»,
which does not write «سوريا». A flag that only says where the topic is (most of the articles its
words find name the country already) is left out (digests.named_questions.flag_restates); one
that narrows («🇱🇧 انتخابات», QA33 S4) is still the country. Real bot against the emulator
(sample archive) and the pure-over-SQLite function."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.named_questions import reader_topic
from digests.storage import Database

TOP = "مقتل 19 مدنيًا في قصف للنظام السوري على الغوطة الشرقية"


def test_a_flag_restating_the_place_is_left_out(tmp_path: Path) -> None:
    with Database(sample_db(tmp_path)) as db:
        assert reader_topic(db.db, "الغوطة الشرقية 🇸🇾") == "الغوطة الشرقية"
        assert reader_topic(db.db, "🇸🇾 الغوطة") == "الغوطة"
        assert reader_topic(db.db, "🇱🇧 انتخابات") == "لبنان انتخابات"  # narrows: kept
        assert reader_topic(db.db, "🇸🇾") == "سوريا"


async def test_the_top_story_stays(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [found] = await h.say(READER, "الغوطة الشرقيه 🇸🇾")
        assert TOP in found.plain_text, found.plain_text
        assert "سوريا»" not in found.plain_text.splitlines()[0], found.plain_text
