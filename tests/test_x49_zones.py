"""Brief X49, items 1–2: inline results and deliveries date a story in the reader's zone, as chat
answers do (bot.reader_clock, one path), and «مين فاز امبارح» typed inline offers yesterday's
news, not the latest. The real Application (PTB) and sender against the emulator, real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from botkit import running_bot, sample_db
from delivery_helpers import add_article, add_chat, add_source, rows
from test_search import NOW, add

from bot.emulator import User
from bot.i18n import format_date
from bot.reader_clock import day_before
from bot.runtime import RUNTIME_KEY
from digests.models import Quote, iso
from digests.records import quotes_to_json
from digests.storage import Database

STRANGER = 2779  # a user who never opened a chat with the bot


def _days_ago(at: datetime) -> float:
    return (NOW - at).total_seconds() / 86400


async def test_inline_results_date_old_stories_in_the_users_zone(tmp_path: Path) -> None:
    """A story of 22:00 UTC ten days ago: «١٥ مارس» to a user with no stored chat (UTC+3),
    «١٤ مارس» once the user's private chat reads in UTC."""
    path = sample_db(tmp_path)
    now = datetime(2018, 3, 25, 12, 0, tzinfo=UTC)
    with Database(path) as database:
        add(database, 900700, "زيارة نادرة إلى جزيرة سقطرى", "وصل الوفد إلى سقطرى.",
            days_ago=_days_ago(datetime(2018, 3, 14, 22, 0, tzinfo=UTC)))
    user = User(STRANGER, language_code="ar")
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: now

        async def shown() -> str:
            answer = await h.emu.await_inline_answer(h.emu.inline_query("سقطرى", user=user),
                                                     timeout=10)
            [result] = [r for r in answer["results"] if "سقطرى" in r["title"]]
            return str(result["description"]) + "\n" + \
                str(result["input_message_content"]["message_text"])

        riyadh = await shown()
        assert "١٥ مارس ٢٠١٨" in riyadh and "١٤ مارس" not in riyadh, riyadh
        add_chat(h.db, STRANGER)
        h.db.db.execute("update chats set time_zone = 'UTC' where id = ?", [STRANGER])
        utc = await shown()
        assert "١٤ مارس ٢٠١٨" in utc and "١٥ مارس" not in utc, utc


async def test_inline_yesterday_is_yesterdays_news_in_utc_plus_3(tmp_path: Path) -> None:
    """At 01:00 UTC (04:00 in UTC+3) «مين فاز امبارح» typed inline offers the stories of
    yesterday in UTC+3 (21:00 UTC two days ago to 21:00 UTC yesterday), as the chat answer does;
    not the latest (before: today's story first, yesterday's beside it)."""
    path = sample_db(tmp_path)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    now = today + timedelta(hours=1)
    with Database(path) as database:
        add(database, 900701, "خبر أمس بتوقيت مكة", "حدث كبير.",
            days_ago=_days_ago(today - timedelta(hours=26)))
        add(database, 900702, "خبر اليوم بتوقيت مكة", "حدث جديد.",
            days_ago=_days_ago(today - timedelta(hours=2)))
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: now
        for asked in ("مين فاز امبارح", "اخبار الامس"):
            answer = await h.emu.await_inline_answer(
                h.emu.inline_query(asked, user=User(STRANGER, language_code="ar")), timeout=10)
            titles = [r["title"] for r in answer["results"]]
            assert "خبر أمس بتوقيت مكة" in titles, (asked, titles)
            assert "خبر اليوم بتوقيت مكة" not in titles, (asked, titles)
        # and «آخر الأخبار» is still the latest
        latest = await h.emu.await_inline_answer(h.emu.inline_query("آخر الأخبار"), timeout=10)
        assert "خبر اليوم بتوقيت مكة" in [r["title"] for r in latest["results"]]


def test_the_day_before_is_midnight_to_midnight_in_the_readers_zone() -> None:
    at = datetime(2018, 3, 25, 1, 0, tzinfo=UTC)
    assert day_before(at.astimezone(ZoneInfo("Asia/Riyadh")), 1) == \
        datetime(2018, 3, 24, 21, 0, tzinfo=UTC)
    assert day_before(at.astimezone(ZoneInfo("UTC")), 1) == datetime(2018, 3, 25, tzinfo=UTC)
    assert day_before(at.astimezone(ZoneInfo("America/New_York")), 2) == \
        datetime(2018, 3, 23, 4, 0, tzinfo=UTC)  # 24 Mar 00:00 EDT


async def test_a_delivered_bundle_dates_an_old_story_in_each_chats_zone(tmp_path: Path) -> None:
    """One story of 22:00 UTC ten days ago alerted to a chat in UTC+3 and one in UTC: each
    reads its own calendar date (before: both the UTC date; the broadcast rendered once)."""
    published = datetime.now(UTC).replace(hour=22, minute=0, second=0, microsecond=0) \
        - timedelta(days=10)
    path = tmp_path / "zones.db"
    with Database(path) as db:
        src = add_source(db, "src")
        article = add_article(db, src, "خبر قديم عن المدينة", story_id=301, published=published)
        with db.transaction() as tx:  # two quotes: the compact block has a «📖» button
            tx.execute("update articles set quotes_json = ?, digested_at = ? where id = ?",
                       [quotes_to_json((Quote("الوضع في المدينة خطير جدا", "المتحدث"),
                                        Quote("لن نتراجع عن مطالبنا", "زعيم المعارضة"))),
                        iso(published), article.id])
        add_chat(db, 11)  # a new chat: Asia/Riyadh
        add_chat(db, 12)
        db.db.execute("update chats set time_zone = 'UTC' where id = 12")
        with db.transaction() as tx:
            for chat in (11, 12):
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?,?,?, 'instant', ?, 'pending')",
                           [chat, 301, article.id, iso(published)])
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [riyadh] = h.emu.messages(11)
        [utc] = h.emu.messages(12)
        # the story's button sends the full digest, dated as the bundle was
        [riyadh_full] = await h.click(riyadh, "📖 الخبر كاملًا")
        [utc_full] = await h.click(utc, "📖 الخبر كاملًا")
    next_day = format_date(published + timedelta(days=1), "ar")
    own_day = format_date(published, "ar")
    assert next_day in riyadh.plain_text and own_day not in riyadh.plain_text, riyadh.plain_text
    assert own_day in utc.plain_text and next_day not in utc.plain_text, utc.plain_text
    assert next_day in riyadh_full.plain_text and own_day not in riyadh_full.plain_text
    assert own_day in utc_full.plain_text and next_day not in utc_full.plain_text
