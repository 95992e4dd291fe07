"""Brief X75 item 8 (X70's «Left»): a topic asked with a day word kept only the day's stories
among the topic's best 100 — and a common topic is ranked among its newest matches by id
whatever day it is searched at, so a busy topic's yesterday held none of its stories once 100
newer ones came («قرطاجنة امبارح»: «لم أجد أخبارًا…» with three stories that day). The pool is
now every article stored since the day's first (bot.day_search._pool_size). The real bot
against the emulator with a pinned clock, real SQLite and the real index (test_search.add)."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import NOW, add

from bot.day_search import DAY_POOL, day_page
from bot.runtime import RUNTIME_KEY

WORD = "قرطاجنة"
RIYADH = timezone(timedelta(hours=3))


def _busy_topic(db: object) -> list[str]:
    """Three stories of 24 March (Riyadh), then DAY_POOL + 20 newer ones of 25 March."""
    old = [f"{WORD}: خبر الأمس رقم {i}" for i in range(3)]
    for i, title in enumerate(old):
        add(db, 900_001 + i, title, f"تقرير مفصل من {WORD} عن الأحداث.", days_ago=1.0 + i / 100)
    for i in range(DAY_POOL + 20):
        add(db, 901_001 + i, f"{WORD}: خبر اليوم رقم {i}", f"تقرير مفصل من {WORD} اليوم.",
            days_ago=0.02 + i / 1000)
    return old


async def test_a_busy_topics_yesterday_is_found_whole(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        old = _busy_topic(h.db)
        page = day_page(h.db, WORD, (NOW - timedelta(days=1)).astimezone(RIYADH).date(),
                        RIYADH, offset=0, limit=10, now=NOW)
        assert page is not None and page.total == 3 and page.total_exact  # before: None
        assert sorted(d.headline for d in page.digests) == sorted(old)
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.clock = lambda: NOW
        [answer] = await h.say(READER, f"{WORD} امبارح")
    text = answer.plain_text.replace("\u200e", "").replace("\u200f", "")
    assert "🗓 أخبار أمس (٢٤ مارس ٢٠١٨) فقط." in text, text
    assert all(title in text for title in old) and "خبر اليوم" not in text


async def test_a_day_with_no_article_is_none_at_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        _busy_topic(h.db)
        day = (NOW - timedelta(days=30)).astimezone(RIYADH).date()
        assert day_page(h.db, WORD, day, RIYADH, offset=0, limit=10, now=NOW) is None
