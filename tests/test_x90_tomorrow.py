"""X90 (QA61-1, S1; QA61-11): «اخبار بكرة» (tomorrow's news) was searched as «كرة» (a ball) and
offered for following — `/subscribe اخبار بكرة` followed «كرة» outright —, «اخبار غدا» found a 2018
story writing «غدا», "news tomorrow" got the English-spelling advice. Tomorrow is a day
(digests.day_words.asked_tomorrow) and answered as a future day is: «لم يأتِ يوم … بعد؛ هذه أحدث
الأخبار». A followed topic loses its day word: `/subscribe سوريا الخميس` followed the phrase
«سوريا الخميس» (QA61-11), now «سوريا», as «مصر النهارده» follows «مصر». Pure, then the real bot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from digests.day_words import asked_date

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("typed", "rest", "news"), [
    ("اخبار بكرة", "اخبار", True), ("اخبار بكره", "اخبار", True), ("اخبار بكرا", "اخبار", True),
    ("اخبار غدا", "اخبار", True), ("اخبار غدًا", "اخبار", True), ("بُكرة", "", True),
    ("news tomorrow", "news", True), ("سوريا بكرة", "سوريا", False),
    ("Syria tomorrow", "Syria", False)])
def test_tomorrow_is_a_day(typed: str, rest: str, news: bool) -> None:
    got = asked_date(typed, TODAY)
    assert got is not None and got.day == date(2026, 12, 3), got
    assert (got.rest, got.news_only) == (rest, news)


@pytest.mark.parametrize("typed", ["كرة القدم", "الرئيس يزور بيروت غدا للقاء نظيره الفرنسي",
                                   "صحيفة الغد"])
def test_words_that_are_no_tomorrow(typed: str) -> None:
    assert asked_date(typed, TODAY) is None


async def test_tomorrows_news_has_not_come(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for typed in ("اخبار بكرة", "اخبار غدا", "اخبار بكرا"):
            got = await h.say(READER, typed)
            first = got[0].plain_text
            assert "📰 لم يأتِ يوم" in first and "بعد؛ هذه أحدث الأخبار:" in first, first
            assert "كرة" not in first and "غدا" not in first, first
            assert all("تابع" not in b for m in got for b in m.button_texts()), typed
        [topic] = await h.say(READER, "سوريا بكرة")
        assert "بعد. هذه آخر أخبار «سوريا»:" in topic.plain_text, topic.plain_text
        en = await h.say(READER + 1, "news tomorrow", language_code="en")
        assert "has not come yet; here is the latest:" in en[0].plain_text, en[0].plain_text


async def test_a_day_is_not_followed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/subscribe اخبار بكرة")
        assert "ليس موضوعًا يُتابع" in done.plain_text and "«كرة»" not in done.plain_text, (
            done.plain_text)
        [done] = await h.say(READER, "/subscribe سوريا الخميس")
        assert "«سوريا»" in done.plain_text and "الخميس" not in done.plain_text, done.plain_text
        [done] = await h.say(READER, "/subscribe سوريا بكرة")
        assert "«سوريا»" in done.plain_text and "كرة" not in done.plain_text, done.plain_text
        [topics] = await h.say(READER, "/topics")
        assert "• سوريا" in topics.plain_text and "كرة" not in topics.plain_text, topics.plain_text


async def test_inline_tomorrow_has_not_come(tmp_path: Path) -> None:
    from bot.emulator import User

    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.emu.await_inline_answer(
            h.emu.inline_query("اخبار بكرة", user=User(READER, language_code="ar")), timeout=10)
    assert (got.get("button") or {}).get("text", "").startswith("لم يأتِ يوم"), got.get("button")
