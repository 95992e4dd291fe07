"""X87 (QA57): a weekday written after a topic is its day, in Arabic and English alike. "Syria
Thursday" was answered «from «Syria Thursday» I searched for «سوريا»» with Syria's stories of
every day, and «سوريا الخميس» was searched as the phrase (nothing found, a button to follow
it); «الغوطة يوم الخميس» and "Ghouta on Thursday" were that day's already. Pure and the real bot
(the sample archive's news is of 2018: the latest Thursday has none, which the answer says)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.day_words import AskedDate, asked_date

SATURDAY = date(2018, 3, 10)


def test_a_weekday_after_a_topic_is_its_day() -> None:
    thursday = date(2018, 3, 8)
    for typed, topic in (("سوريا الخميس", "سوريا"), ("Syria Thursday", "Syria"),
                         ("الغوطة الشرقية الخميس", "الغوطة الشرقية"),
                         ("Eastern Ghouta Thursday", "Eastern Ghouta")):
        assert asked_date(typed, SATURDAY) == AskedDate(thursday, topic, False), typed


def test_names_and_headlines_are_no_day() -> None:
    for typed in ("صلاة الجمعة", "جمعة الغضب", "Black Friday", "Good Friday", "مقتل الاثنين",
                  "الخميس", "سوريا خميس",  # "Thursday" alone is the day since X101 (QA68-16)
                  "وزير الخارجية يزور بيروت الخميس المقبل",
                  "الانتخابات تجري في لبنان الخميس"):
        assert asked_date(typed, SATURDAY) is None, typed


async def test_the_bot_keeps_the_day_in_both_languages(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "سوريا الخميس")
        [en] = await h.say(READER + 1, "Syria Thursday", language_code="en")
    assert "لم أجد أخبارًا عن «سوريا» يوم" in ar.plain_text, ar.plain_text
    assert "I found no news about «Syria (سوريا)» on" in en.plain_text, en.plain_text
    assert "Syria Thursday" not in en.plain_text, en.plain_text
