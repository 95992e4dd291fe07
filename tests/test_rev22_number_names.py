"""Review REV (session 22) of X87's 53636de: a number typed alone is no question (an item picked
from a list with no buttons: «1», «12»), but three digits are often the news' own name — the
Boeing «737», «911», the Airbus «380» — and 53636de answered «737» with «type a topic's name»
though the archive holds the 737's crashes. One or two digits stay no question; three are
searched. The real bot against the emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot
from delivery_helpers import add_article, add_chat, add_source, ctx

from digests.search_index import index_article
from digests.storage import Database


async def test_a_three_digit_name_is_searched_and_a_digit_is_not(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        src = add_source(db, "src")
        plane = add_article(db, src, "تعليق رحلات طائرات بوينغ 737 ماكس بعد تحطم ثان",
                            story_id=1)
        with db.transaction() as tx:
            index_article(tx, plane, ctx())
        add_chat(db, READER, topics=())
    async with running_bot(path) as h:
        [found] = await h.say(READER, "737")
        [digit] = await h.say(READER, "7")
    assert "بوينغ" in found.plain_text, found.plain_text
    assert "اكتب اسم موضوع" in digit.plain_text, digit.plain_text
