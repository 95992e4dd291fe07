"""QA47 Z4, Z5, Z6: day words. The real bot against the emulator, real SQLite (the sample site's
articles, dated 9 February to 11 March 2018), a pinned clock; the reader on Riyadh's zone.

- Z4: «الغوطة امبارح» answered with the topic's latest news, today's, and nothing said; it now
  keeps the stories of that local day, says so, and says when that day had none.
- Z5: «اخبار الامس» was headed «📰 نشرة الأخبار», as /digest; it now names the day.
- Z6: "what happened yesterday|today" searched the sentence.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY
from digests.day_words import asked_day


def _plain(message: object) -> str:
    """The text without the bidi marks that keep its runs in order."""
    return str(getattr(message, "plain_text", message)).replace("\u200e", "").replace(
        "\u200f", "")


def test_the_day_a_topic_question_names() -> None:
    assert asked_day("سوريا امبارح") == 1 and asked_day("عفرين امس") == 1
    assert asked_day("Syria yesterday") == 1 and asked_day("مصر اليوم") == 0
    assert asked_day("يوم الأرض") is None and asked_day("سوريا") is None  # any day, no day
    assert asked_day("سوريا الآن") is None  # the latest, which the search gives


async def _asked(clock: datetime, text: str, tmp_path: Path, user_lang: str = "ar") -> str:
    tmp_path.mkdir(parents=True, exist_ok=True)
    async with running_bot(sample_db(tmp_path)) as h:
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.clock = lambda: clock
        user = h.user(READER, user_lang)
        [answer] = await h.say(READER, text, user=user)
        return _plain(answer)


async def test_a_topic_with_yesterday_gets_that_days_stories(tmp_path: Path) -> None:
    # 9 March 15:00 Riyadh: yesterday is 8 March (one Ghouta story, 18:40 Riyadh); the two
    # before (5 March, 25 February) were listed under it
    text = await _asked(datetime(2018, 3, 9, 12, tzinfo=UTC), "الغوطة امبارح", tmp_path)
    assert "🗓 أخبار أمس (٨ مارس ٢٠١٨) فقط." in text
    assert "مقتل 19 مدنيًا" in text
    assert "قافلة مساعدات أممية" not in text and "ماكرون يدعو طهران" not in text


async def test_a_topic_with_today_and_a_day_without_news(tmp_path: Path) -> None:
    # 5 March 23:00 Riyadh: today's Ghouta story only
    text = await _asked(datetime(2018, 3, 5, 20, tzinfo=UTC), "الغوطة اليوم", tmp_path)
    assert "🗓 أخبار اليوم (٥ مارس ٢٠١٨) فقط." in text
    assert "قافلة مساعدات أممية" in text and "ماكرون يدعو طهران" not in text
    # 11 March: nothing about Ghouta on 10 March, said, then its latest news
    text = await _asked(datetime(2018, 3, 11, 12, tzinfo=UTC), "الغوطة امبارح",
                        tmp_path / "b")
    assert "لم أجد أخبارًا عن «الغوطة» يوم ١٠ مارس ٢٠١٨. هذه آخر أخباره:" in text
    assert "مقتل 19 مدنيًا" in text


async def test_yesterdays_news_names_the_day(tmp_path: Path) -> None:
    # 6 March 12:00 UTC: yesterday in Riyadh is 5 March (three stories)
    text = await _asked(datetime(2018, 3, 6, 12, tzinfo=UTC), "اخبار الامس", tmp_path)
    assert text.startswith("📰 أخبار أمس — ٥ مارس ٢٠١٨")  # was «📰 نشرة الأخبار»


async def test_what_happened_yesterday_in_english(tmp_path: Path) -> None:
    text = await _asked(datetime(2018, 3, 6, 12, tzinfo=UTC), "what happened yesterday",
                        tmp_path, "en")
    assert text.startswith("📰 Yesterday's news — 5 March 2018"), text  # was «I found no news»
    text = await _asked(datetime(2018, 3, 5, 20, tzinfo=UTC), "What happened today?",
                        tmp_path / "b", "en")
    # today's is /digest's answer, as «شو صار اليوم» gets
    assert "here are the latest stories" in text and "found no news" not in text, text
