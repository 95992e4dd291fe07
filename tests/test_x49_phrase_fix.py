"""Brief X49 item 5 (RB): a nearby spelling of a word the archive does not hold is put in place
of that word, not of the first substring that matches it («سلمان سلما»: «سلما» is the start of
«سلمان», which was the word «fixed»). The real bot against the emulator, real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import add

from digests.storage import Database
from digests.suggestions import with_word


def test_the_word_is_replaced_where_it_stands() -> None:
    assert with_word("سلمان سلما", "سلما", "سلمى") == "سلمان سلمى"
    assert with_word("مصلاة صلا", "صلا", "صلاح") == "مصلاة صلاح"
    assert with_word("صلاَ صلا", "صلا", "صلاح") == "صلاَ صلاح"  # a mark is part of its word
    assert with_word("محمد صلا", "صلا", "صلاح") == "محمد صلاح"
    assert with_word("محمد صلاح", "صلا", "صلاح") == "محمد صلاح"  # no whole word: unchanged


async def test_the_bot_proposes_the_phrase_when_the_missing_word_starts_an_earlier_one(
        tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as database:
        for n in range(4):
            add(database, 900800 + n, f"لقاء سلمان سلمى رقم {n}",
                "التقى سلمان سلمى في الرياض اليوم.", days_ago=1 + n)
    async with running_bot(path) as h:
        answer = (await h.say(READER, "سلمان سلما"))[-1]
        assert "هل تقصد" in answer.plain_text, answer.plain_text
        # «سلمان سلمان» would be the word typed again (searched once: «سلمان» alone)
        assert "سلمان سلمى" in answer.button_texts(), answer.button_texts()
        assert "سلمان سلمان" not in answer.button_texts()
        [fixed] = (await h.click(answer, "سلمان سلمى"))[:1]
        assert "لقاء سلمان سلمى" in fixed.plain_text, fixed.plain_text
