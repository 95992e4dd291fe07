"""QA57-1/-12: «الأسد», «الاسد», «الإسد» and the English "Assad" (read as «الأسد») found nothing in
the sample archive and were offered «هل تقصد: أحد» ("one"/"Sunday": «اسد» → «احد» is one letter
once «ال» goes). A word the news writes often is no misspelling; it gets no «هل تقصد». Real bot
against the emulator (sample archive), and digests.suggestions.suggest."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.storage import Database
from digests.suggestions import suggest


def test_a_common_word_gets_no_other_word_and_a_typo_still_does(tmp_path: Path) -> None:
    with Database(sample_db(tmp_path)) as db:
        for typed in ("الأسد", "الاسد", "الإسد", "Assad"):
            assert suggest(db.db, typed) == [], typed
        assert "الغوطة" in suggest(db.db, "غوطا")


async def test_assad_is_not_offered_one(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "الاسد")
        assert "أحد" not in ar.button_texts() and "هل تقصد" not in ar.plain_text, (
            ar.plain_text, ar.button_texts())
        [en] = await h.say(READER, "Assad", user=h.user(READER, "en"))
        assert "أحد" not in en.button_texts() and "Did you mean" not in en.plain_text, (
            en.plain_text, en.button_texts())
