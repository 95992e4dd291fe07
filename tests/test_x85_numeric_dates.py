"""QA57-15: a date in figures («٥/٣/٢٠١٨», «5/3/2018») was no day: «الغوطة ٥/٣/٢٠١٨» listed
the topic on every day with no word that the date was left out, «اخبار 5/3/2018» was searched as
words and offered for following. Day first, as the Arab world writes it, in either digit set
(digests.day_words.asked_date). Real bot against the emulator (sample archive, which has
stories of 5 March 2018), and the pure function."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.day_words import asked_date

TODAY = date(2026, 12, 1)


def test_a_date_in_figures_is_a_day() -> None:
    for typed in ("الغوطة ٥/٣/٢٠١٨", "الغوطة 5/3/2018", "الغوطة 5-3-2018", "الغوطة 2018-03-05",
                  "الغوطة ٥/٣/٢٠١٨؟"):
        asked = asked_date(typed, TODAY)
        assert asked is not None and asked.day == date(2018, 3, 5), (typed, asked)
        assert asked.rest.startswith("الغوطة") and not asked.news_only
    news = asked_date("اخبار 5/3/2018", TODAY)
    assert news is not None and news.news_only and news.day == date(2018, 3, 5)
    no_year = asked_date("الغوطة ٥/٣", TODAY)
    assert no_year is not None and no_year.day == date(2026, 3, 5)
    # no such day (day first: 13 is no month), a time, a score, a date alone or named
    for kept in ("الغوطة 5/13/2018", "الساعة 10.30", "ليفربول 3-1", "5/3/2018",
                 "قوى ١٤/٣/٢٠٠٥"):
        assert asked_date(kept, TODAY) is None, kept


async def test_the_bot_answers_the_day(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة ٥/٣/٢٠١٨")
        assert "🗓 أخبار ٥ مارس ٢٠١٨ فقط." in topic.plain_text, topic.plain_text
        [news] = await h.say(READER, "اخبار 5/3/2018")
        assert "أخبار ٥ مارس ٢٠١٨" in news.plain_text, news.plain_text
        assert "🔔" not in " ".join(news.button_texts()), news.button_texts()
