"""QA65-10 (S3): a source name an admin typed with HTML entities («&lt;b&gt;وكالة&lt;/b&gt;»)
was kept literally, and laid out with direction marks inside «&lt;»; a feed's title is decoded
and stripped of tags. A typed name is now decoded first, then stripped as «<b>BBC</b>» is.

Real parts: the bot against the emulator (tests/botkit.py), a real SQLite archive.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests.source_names import visible_name


def test_typed_entities_are_decoded_then_tags_dropped() -> None:
    assert visible_name("&lt;b&gt;وكالة&lt;/b&gt;") == "وكالة"
    assert visible_name("AT&amp;T عربي") == "AT&T عربي"
    assert visible_name("<b>BBC</b>") == "BBC"


async def test_renamesource_with_typed_entities(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [answer] = await h.say(ADMIN, "/renamesource 2 &lt;b&gt;وكالة&lt;/b&gt;")
        name = h.db.db.execute("select name from sources where id = 2").fetchone()[0]
    assert name == "وكالة", name
    assert "&amp;" not in answer.text and "lt;" not in answer.plain_text, answer.text
