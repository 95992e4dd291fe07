"""QA56-8: a reader typing one letter 4,000 times («ا» × 4000) was told it held only letters
such as «و», «في» and «ال» that are in every story: it is no stop-word, just no word. It now
gets «لم أجد أخبارًا عن …»; a real stop-word still gets the explanation. The real bot against
the emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.query import no_words


async def test_a_long_run_of_one_letter_is_not_called_a_stop_word(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for typed in ("ا" * 4000, "بببببببب"):
            [answer] = await h.say(READER, typed)
            assert "لم أجد أخبارًا عن" in answer.plain_text, answer.plain_text
            assert "لا يحوي كلمات" not in answer.plain_text, answer.plain_text
        [stop] = await h.say(READER, "في")
        assert "لا يحوي كلمات يمكن البحث عنها" in stop.plain_text, stop.plain_text


def test_no_words_leaves_numbers_and_real_words_alone() -> None:
    assert no_words("ا" * 4000) and no_words("ب" * 41 + " " + "ههه")
    assert not no_words("1111") and not no_words("في") and not no_words("ااا غزة")
