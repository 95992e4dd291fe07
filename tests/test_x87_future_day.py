"""X87 (review REV of session 21): a future date asked as news («أخبار ٥ آذار ٢٠٣٠») got today's
digest under «📰 نشرة الأخبار» with no word about the date; "news 30 December 2099" alike. Now the
answer says that day has not come, then the latest news; a topic on a future day («سوريا ٥ آذار
٢٠٣٠») says so above its latest. A date with no year is still the latest such day (its year is
said). The real bot against the emulator (sample archive); the dates are far in the future, so
no clock is pinned."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_news_of_a_future_day_says_it_has_not_come(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        ar = await h.say(READER, "أخبار ٥ آذار ٢٠٩٩")
        en = await h.say(READER + 1, "news 30 December 2099", language_code="en")
    first = ar[0].plain_text
    assert "📰 لم يأتِ يوم ٥ مارس ٢٠٩٩ بعد؛ هذه أحدث الأخبار:" in first, first
    assert "نشرة الأخبار" not in first and "١." in first, first
    first = en[0].plain_text
    assert "📰 30 December 2099 has not come yet; here is the latest:" in first, first
    assert "News digest" not in first and "1." in first, first


async def test_a_topic_on_a_future_day_says_it_has_not_come(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "سوريا ٥ آذار ٢٠٩٩")
        [en] = await h.say(READER + 1, "Syria 5 March 2099", language_code="en")
    assert "لم يأتِ يوم ٥ مارس ٢٠٩٩ بعد. هذه آخر أخبار «سوريا»:" in ar.plain_text, ar.plain_text
    assert "5 March 2099 has not come yet. Here is the latest on «Syria (سوريا)»:" in (
        en.plain_text), en.plain_text


async def test_an_inline_future_day_says_it_has_not_come(tmp_path: Path) -> None:
    from bot.emulator import User

    async with running_bot(sample_db(tmp_path)) as h:
        ar, en = User(READER, language_code="ar"), User(READER + 1, language_code="en")
        got_ar, got_en = [
            await h.emu.await_inline_answer(h.emu.inline_query(q, user=u), timeout=10)
            for q, u in (("اخبار ٥ آذار ٢٠٩٩", ar), ("news of 5 March 2099", en))]
    assert got_ar["results"] and got_en["results"]  # the latest, under the button
    assert (got_ar.get("button") or {}).get("text") == "لم يأتِ يوم ٥ مارس ٢٠٩٩ بعد؛ هذه أحدث الأخبار"
    assert (got_en.get("button") or {}).get("text") == "5 March 2099 has not come yet; the latest:"
