"""Review REV (session 22) of X87's afaa525: a day not come yet has no news, «whatever date a
feed gave a story» (bot.my_digest.send_days_news) — but inline («@bot اخبار <a day ahead>») still
looked that day up, and a story a feed dated ahead (a wrong clock) was offered as the day's
news with no word. Inline now answers a future day as the chat does: the latest, under «لم يأتِ
يوم … بعد». The real bot and emulator; the story is dated two days ahead of the real clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot
from delivery_helpers import add_article, add_source

from bot.emulator import User
from bot.i18n import format_date
from digests.storage import Database


async def test_an_inline_future_day_offers_no_story_dated_that_day(tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    # two days ahead in the reader's UTC+3: still ahead if the test crosses a midnight
    ahead = (now + timedelta(hours=3)).date() + timedelta(days=2)
    path = tmp_path / "f.db"
    with Database(path) as db:
        src = add_source(db, "src")
        add_article(db, src, "خبر اليوم عن افتتاح جسر جديد فوق النهر", story_id=2,
                    published=now - timedelta(hours=1))
        add_article(db, src, "خبر بتاريخ الغد من موقع ساعته خاطئة", story_id=1,
                    published=datetime(ahead.year, ahead.month, ahead.day, 9,
                                       tzinfo=timezone.utc))
    day = format_date(datetime(ahead.year, ahead.month, ahead.day), "ar")
    async with running_bot(path) as h:
        got = await h.emu.await_inline_answer(
            h.emu.inline_query(f"اخبار {day}", user=User(READER, language_code="ar")),
            timeout=10)
    assert (got.get("button") or {}).get("text") == f"لم يأتِ يوم {day} بعد؛ هذه أحدث الأخبار", got
    assert [r["title"] for r in got["results"]] == ["خبر اليوم عن افتتاح جسر جديد فوق النهر"], got
