"""X84 (4): English day questions and a month alone. "news Thursday", "news of Thursday" and
"Thursday's news" were searched as the words "news" and "Thursday" («لم أجد أخبارًا عن
«news Thursday»») while "news on Thursday" and «اخبار الخميس» gave that day's news; «أخبار
آذار», «أخبار مارس», "news March" were searched as the word «آذار» (the reports that happen to
name the month, or nothing). Now an English weekday beside words asking for the news is that
day, and a month alone asks for a day. Pure (digests.day_words) and the real bot against the
emulator with the sample archive."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.day_words import asked_date, asked_month

TODAY = date(2026, 12, 1)  # a Tuesday: the latest Thursday is 26 November


def test_english_weekdays_beside_news_words() -> None:
    for typed in ("news Thursday", "news on Thursday", "Thursday's news", "news of Thursday",
                  "Thursday’s news", "اخبار الخميس"):
        found = asked_date(typed, TODAY)
        assert found is not None and found.day == date(2026, 11, 26) and found.news_only, typed
    found = asked_date("Syria on Thursday", TODAY)
    assert found is not None and found.rest == "Syria" and not found.news_only
    # "Thursday" alone is that day's news since X101 (QA68-16)
    for typed in ("Black Friday", "جمعة الغضب", "Friday prayers news"):
        assert asked_date(typed, TODAY) is None, typed


def test_last_thursday_is_the_one_before_today() -> None:
    """«اخبار يوم الخميس الماضي» asked on a Thursday was today's, and «الماضي» searched as a
    topic that day; "news last Thursday" was searched as words."""
    thursday = date(2026, 11, 26)
    for typed, rest in (("اخبار الخميس الماضي", "اخبار"), ("اخبار يوم الخميس الماضي", "اخبار"),
                        ("news last Thursday", "news"), ("news on last Thursday", "news"),
                        ("Syria last Thursday", "Syria"), ("سوريا الخميس الماضي", "سوريا")):
        found = asked_date(typed, thursday)
        assert found is not None and found.day == date(2026, 11, 19), typed
        assert found.rest == rest, typed
        found = asked_date(typed, TODAY)
        assert found is not None and found.day == date(2026, 11, 26), typed
    found = asked_date("اخبار الجمعة الماضية", TODAY)
    assert found is not None and found.day == date(2026, 11, 27)


def test_a_month_alone() -> None:
    for typed, month in (("أخبار آذار", "آذار"), ("أخبار مارس", "مارس"), ("news March", "March"),
                         ("March news", "March"), ("أخبار شهر آذار", "آذار"),
                         ("شو صار في آب", "آب")):
        assert asked_month(typed) == month, typed
    for typed in ("آذار", "سوريا آذار", "أخبار ١٥ آذار", "قوى 14 آذار", "أخبار أب", "May"):
        assert asked_month(typed) is None, typed


async def test_the_bot_reads_them(tmp_path: Path) -> None:
    # a weekday two days back on the wall clock the bot runs on: never today in any zone (the
    # reader's day may be ahead of or behind UTC's), where "news Thursday" on a Thursday is today's
    # news, answered as the latest (CI of 3 December 2026, a Thursday)
    day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
           "Sunday")[(datetime.now(timezone.utc) - timedelta(days=2)).weekday()]
    async with running_bot(sample_db(tmp_path)) as h:
        for typed in (f"news {day}", f"{day}'s news"):
            [said] = await h.say(READER, typed)
            assert "لم أجد أخبارًا عن" not in said.plain_text, said.plain_text
            assert said.plain_text.startswith("\u200f📰"), said.plain_text  # that day's news
        [said] = await h.say(READER, "أخبار آذار")
        assert said.plain_text.startswith("\u200f🗓 «آذار» شهر كامل"), said.plain_text
        assert "«أخبار ١٥ آذار»" in said.plain_text, said.plain_text
        [said] = await h.say(READER + 1, "news March", language_code="en")
        assert said.plain_text.startswith("🗓 «March» is a whole month"), said.plain_text
        assert "«news 15 March»" in said.plain_text, said.plain_text
