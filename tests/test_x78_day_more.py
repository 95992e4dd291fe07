"""QA52 R5: «المزيد» on «سوريا امبارح» replaced page 1, the only one saying «🗓 أخبار أمس
(…) فقط.», by page 2 without it: the day line is now said on every page of a day's answer (the
other notes of page 1 stay on page 1). The real bot against the emulator, real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import NOW, add

from bot.runtime import RUNTIME_KEY

CLOCK = datetime(2018, 3, 25, 9, 0, tzinfo=UTC)  # 12:00 Riyadh; yesterday is 24 March
DAY_LINE = "🗓 أخبار أمس (٢٤ مارس ٢٠١٨) فقط."


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def _days_ago(when: datetime) -> float:
    return (NOW - when).total_seconds() / 86400


async def test_every_page_of_a_day_answer_says_the_day(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for i in range(12):
            add(h.db, 940001 + i, f"سوريا: خبر أمس رقم {i}", "تقرير من سوريا.",
                days_ago=_days_ago(datetime(2018, 3, 24, 8, i, tzinfo=UTC)), story_id=940001 + i)
        for i in range(4):
            add(h.db, 941001 + i, f"سوريا: خبر اليوم رقم {i}", "تقرير من سوريا.",
                days_ago=_days_ago(datetime(2018, 3, 25, 6, i, tzinfo=UTC)), story_id=941001 + i)
        h.app.bot_data[RUNTIME_KEY].clock = lambda: CLOCK
        [first] = await h.say(READER, "سوريا امبارح")
        assert DAY_LINE in _plain(first.plain_text)
        await h.click(first, "المزيد", n=0)
        await h.settle()

        def page_two() -> list:  # type: ignore[type-arg]
            return [m for m in h.emu.messages(READER) if m.message_id == first.message_id
                    and "٦" in _plain(m.plain_text) and "السابق" in " ".join(m.button_texts())]

        await h.until(page_two)
        [second] = page_two()
        text = _plain(second.plain_text)
        assert DAY_LINE in text
        assert "خبر اليوم" not in text  # still yesterday's stories only
