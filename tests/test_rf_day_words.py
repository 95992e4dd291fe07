"""Review RF of X80's dates in words (digests.day_words.asked_date).

- «أخبار ٢٩ شباط» with no year was no date in a common year (`date(2026, 2, 29)` raised and the
  question was searched as the words «٢٩» and «شباط», the Z10 bug X80 fixed for other days):
  it is the latest 29 February, the last leap year's.
- A date after a noun that makes it a name in the news is searched as written (X80's
  DATE_NAMERS); «انقلاب ٣ يوليو», «نكسة ٥ حزيران», «حراك ٢٢ فبراير», «ساحة ١٤ آذار» were read
  as the topic «انقلاب» on the latest 3 July.

Real parts: the real Application (PTB) against the emulator, the sample archive (real SQLite).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY
from digests.day_words import AskedDate, asked_date


def test_a_29_february_is_the_last_leap_years() -> None:
    today = date(2026, 3, 10)
    assert asked_date("أخبار ٢٩ شباط", today) == AskedDate(date(2024, 2, 29), "أخبار", True)
    assert asked_date("اخبار 29 فبراير", date(2024, 2, 28)) == AskedDate(
        date(2020, 2, 29), "اخبار", True)
    assert asked_date("أخبار ٢٩ شباط", date(2024, 3, 1)).day == date(2024, 2, 29)  # type: ignore[union-attr]
    for no_day in ("أخبار ٣١ شباط", "أخبار ٢٩ شباط ٢٠٢٥", "أخبار ٣١ نيسان"):
        assert asked_date(no_day, today) is None, no_day
    assert asked_date("أخبار ١٥ أيار", today).day == date(2025, 5, 15)  # type: ignore[union-attr]


def test_names_made_of_a_date_are_searched_as_written() -> None:
    today = date(2026, 3, 10)
    for name in ("انقلاب ٣ يوليو", "نكسة ٥ حزيران", "حراك ٢٢ فبراير", "ساحة ١٤ آذار",
                 "حزب ١٤ آذار", "والاعتصام ٢٦ تموز"):
        assert asked_date(name, today) is None, name
    assert asked_date("الغوطة ٥ آذار", today) == AskedDate(date(2026, 3, 5), "الغوطة", False)


async def test_the_bot_reads_a_29_february_as_a_day(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        # a pinned clock in a common year: 29 February 2026 is no day, 2024's is
        h.app.bot_data[RUNTIME_KEY].clock = lambda: datetime(2026, 3, 10, 9, tzinfo=timezone.utc)
        [answer] = await h.say(READER, "أخبار ٢٩ شباط")
    text = answer.plain_text.lstrip("\u200f")
    # the day's news (none in the 2018 archive: said so, the latest below), not a search of
    # the words «٢٩» and «شباط»
    assert text.startswith("📰") and "٢٩ فبراير ٢٠٢٤" in text, text
    assert "لم أجد «٢٩»" not in text, text
