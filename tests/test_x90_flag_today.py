"""X90 (QA61-12): «🇪🇬 النهارده» (Egypt today, typed with the flag) answered the general digest
(«لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار…»): the flag was no word, so the text read as «today»
alone. A flag is a topic (digests.asked_topics.asks_for_news): Egypt's stories of today, as «مصر
النهارده» answers. Pure, then the real bot (sample archive: nothing of today, so the line says so
above Egypt's latest)."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.asked_topics import asks_for_news


def test_a_flag_beside_a_day_is_no_bare_news_question() -> None:
    assert not asks_for_news("🇪🇬 النهارده") and not asks_for_news("🇸🇾 اليوم")
    assert asks_for_news("اخبار النهارده")


async def test_flag_today_is_egypt_today(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "🇪🇬 النهارده")
        text = "\n".join(m.plain_text for m in got)
        assert "نشرة الأخبار" not in text and "لا تتابع أي موضوع" not in text, text
        assert "«مصر»" in text, text
