"""X91 (review REV s22, not-fixed item 14): a topic asked on a day not come yet («سوريا بكرة»)
still looked that day up, so a story a feed dated ahead (a wrong clock) was shown as that day's
Syria news («🗓 أخبار … فقط.») — while the news-only path and inline answer a future day with the
latest, said so. Now the chat does too: «لم يأتِ يوم … بعد. هذه آخر أخبار «سوريا»:» over the
latest. The real bot and emulator; the story is dated a day ahead of the real clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot
from delivery_helpers import add_article, add_source, ctx

from bot.i18n import format_date
from digests.search_index import index_article
from digests.storage import Database


async def test_a_topic_on_a_day_not_come_shows_the_latest(tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    ahead = (now + timedelta(hours=3)).date() + timedelta(days=1)  # the reader's UTC+3
    path = tmp_path / "f.db"
    with Database(path) as db:
        src = add_source(db, "src")
        today = add_article(db, src, "سوريا: افتتاح جسر جديد فوق نهر العاصي", story_id=2,
                            published=now - timedelta(hours=1))
        wrong = add_article(db, src, "سوريا: خبر بتاريخ الغد من موقع ساعته خاطئة", story_id=1,
                            published=datetime(ahead.year, ahead.month, ahead.day, 9,
                                               tzinfo=timezone.utc))
        with db.transaction() as tx:
            for article in (today, wrong):
                index_article(tx, article, ctx())
    day = format_date(datetime(ahead.year, ahead.month, ahead.day), "ar")
    async with running_bot(path) as h:
        got = "\n".join(m.plain_text for m in await h.say(READER, "سوريا بكرة"))
    assert f"لم يأتِ يوم {day} بعد. هذه آخر أخبار «سوريا»:" in got, got
    assert "🗓" not in got, got
