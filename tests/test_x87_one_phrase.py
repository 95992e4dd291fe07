"""X87 (QA57): one phrase typed is one topic. «انتخابات مصر», «نفط العراق» and «لبنان انتخابات»
(the search's reading of «🇱🇧 انتخابات») were read as lists of names of the news and split:
«/subscribe نفط العراق» followed «النفط» (all oil news) and «العراق», the search answered «هذه
عدة مواضيع: «الانتخابات»، «مصر»» and the 🔔 under «🇱🇧 انتخابات»'s results followed «لبنان» and
«الانتخابات»; «/subscribe 🇱🇧 انتخابات» followed «الانتخابات» alone (the flag dropped, though the
search reads it as «لبنان»). A subject of the news (elections, oil, a truce…) beside a name is
now one topic; a flag beside words is followed as the search reads it. Pure and the real bot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.several_topics import several_topics


def _topics(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute(
            "select topic from subscriptions where chat_id = ? order by id", [READER])]
    finally:
        con.close()


def test_a_subject_beside_a_name_is_one_topic(tmp_path: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(sample_db(tmp_path))
    for text in ("انتخابات مصر", "نفط العراق", "لبنان انتخابات", "زلزال تركيا",
                 "هدنة الغوطة", "الانتخابات في لبنان"):
        assert several_topics(db, text) == (), text
    # lists stay lists
    assert several_topics(db, "سوريا لبنان مصر الأردن") == ("سوريا", "لبنان", "مصر", "الأردن")
    assert several_topics(db, "إيران و السعودية") == ("إيران", "السعودية")
    assert several_topics(db, "النفط، مصر") == ("النفط", "مصر")  # a separator: a list
    assert several_topics(db, "الانتخابات ومصر") == ("الانتخابات", "مصر")


async def test_one_phrase_typed_is_one_follow(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        [m] = await h.say(READER, "/subscribe نفط العراق")
        assert "«نفط العراق»" in m.plain_text, m.plain_text
        [m] = await h.say(READER, "انتخابات مصر")
        assert "عدة مواضيع" not in m.plain_text, m.plain_text
        [page] = await h.say(READER, "🇱🇧 انتخابات")
        assert "«لبنان انتخابات»" in page.plain_text, page.plain_text
        [done] = await h.click(page, "🔔 تابع هذا الموضوع")
        assert "«لبنان انتخابات»" in done.plain_text, done.plain_text
    assert _topics(path) == ["نفط العراق", "لبنان انتخابات"]


async def test_a_flag_beside_words_is_followed_as_searched(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        [m] = await h.say(READER, "/subscribe 🇱🇧 انتخابات")
        assert "«لبنان انتخابات»" in m.plain_text, m.plain_text
        # a flag that only says where the topic is adds no word, as in the search (QA57-3)
        [m] = await h.say(READER, "/subscribe الغوطة الشرقيه 🇸🇾")
        assert "«الغوطة الشرقيه»" in m.plain_text, m.plain_text
    assert _topics(path) == ["لبنان انتخابات", "الغوطة الشرقيه"]
