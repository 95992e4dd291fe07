"""X90 (QA61-10): Egypt's «اخبار اول امبارح» (the day before yesterday) was «اول» searched on
yesterday with a follow button; «سوريا الخميس الجاي/القادم» silently dropped the weekday (every
day's Syria); «اخبار الجمعة الجاية» searched «الجمعة» with a follow button; "news next Friday"
got the English-spelling advice. Now «أول امبارح» is two days back and a weekday with
«الجاي/القادم/المقبل» or after "next" is the coming one (digests.day_words). Pure, then the real
bot (sample archive; the reader's today is whatever it is: the lines are checked, not the dates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from digests.day_words import AskedDate, asked_date

TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.mark.parametrize(("typed", "day", "rest", "news"), [
    ("اخبار اول امبارح", date(2026, 11, 30), "اخبار", True),
    ("ايه اللي حصل أول امبارح", date(2026, 11, 30), "ايه اللي حصل", True),
    ("سوريا أول أمس", date(2026, 11, 30), "سوريا", False),
    ("news the day before yesterday", date(2026, 11, 30), "news", True),
    ("سوريا الخميس الجاي", date(2026, 12, 3), "سوريا", False),
    ("سوريا الخميس القادم", date(2026, 12, 3), "سوريا", False),
    ("اخبار الجمعة الجاية", date(2026, 12, 4), "اخبار", True),
    ("اخبار الأربعاء المقبل", date(2026, 12, 9), "اخبار", True),
    ("news next Friday", date(2026, 12, 4), "news", True),
    ("Syria next Thursday", date(2026, 12, 3), "Syria", False),
    ("سوريا الخميس الماضي", date(2026, 11, 26), "سوريا", False)])
def test_days_around_today(typed: str, day: date, rest: str, news: bool) -> None:
    got = asked_date(typed, TODAY)
    assert got == AskedDate(day, rest, news), got


@pytest.mark.parametrize("typed", ["صلاة الجمعة القادمة", "خطبة الجمعة المقبلة",
                                   "وزير الخارجية يزور بيروت الخميس المقبل"])
def test_a_named_weekday_stays_words(typed: str) -> None:
    assert asked_date(typed, TODAY) is None


async def test_the_bot_reads_these_days(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "اخبار اول امبارح")
        first = got[0].plain_text
        assert "«اول»" not in first and "لم تصلني أخبار يوم" in first, first
        assert all("تابع" not in b for m in got for b in m.button_texts())
        [syria] = await h.say(READER, "سوريا الخميس الجاي")
        assert "لم يأتِ يوم" in syria.plain_text and "«سوريا»" in syria.plain_text, (
            syria.plain_text)
        got = await h.say(READER, "اخبار الجمعة الجاية")
        assert "📰 لم يأتِ يوم" in got[0].plain_text, got[0].plain_text
        assert all("تابع" not in b for m in got for b in m.button_texts())
        en = await h.say(READER + 1, "news next Friday", language_code="en")
        assert "has not come yet; here is the latest:" in en[0].plain_text, en[0].plain_text
