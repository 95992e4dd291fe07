"""Brief Z1's leftovers: «اخبار الامس» from a chat with no row reads yesterday in the default
zone (UTC+3), not UTC; an answer Telegram refused with a 5xx at every try is one ERROR line with
no traceback; a `.env` that is a folder is said to be one. Real SQLite, real PTB against the
emulator, real folders."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db
from test_search import NOW, add

from bot import reply_limiter
from bot.runtime import RUNTIME_KEY
from digests import subscriptions as subs
from digests.envfile import describe, find_env_file
from digests.storage import Database

STRANGER = 2777  # a private chat the bot has never stored


def _days_ago(at: datetime) -> float:
    return (NOW - at).total_seconds() / 86400


async def test_yesterday_of_a_chat_with_no_row_is_read_in_utc_plus_3(tmp_path: Path) -> None:
    """At 01:00 UTC (04:00 in UTC+3) «yesterday» for a UTC+3 reader ended at 21:00 UTC the day
    before: a story of 22:00 UTC two days ago is yesterday's, one of 22:00 UTC yesterday is
    today's. The chat's row could not be written (the database was busy), so it has none."""
    path = sample_db(tmp_path)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    now = today + timedelta(hours=1)
    with Database(path) as database:
        add(database, 900500, "خبر أمس بتوقيت مكة", "حدث كبير.",
            days_ago=_days_ago(today - timedelta(hours=26)))
        add(database, 900501, "خبر اليوم بتوقيت مكة", "حدث جديد.",
            days_ago=_days_ago(today - timedelta(hours=2)))
    async with running_bot(path) as h:
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.clock = lambda: now
        rt.writes_skipped_until = time.monotonic() + 60  # ensure_chat stores nothing
        [answer] = await h.say(STRANGER, "اخبار الامس")
        assert subs.get_chat(h.db, STRANGER) is None
    assert "خبر أمس بتوقيت مكة" in answer.plain_text, answer.plain_text
    assert "خبر اليوم بتوقيت مكة" not in answer.plain_text


async def test_an_answer_refused_with_502_at_every_try_is_one_error_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """All REPLY_5XX_TRIES sends of /stats meet a 502: the failure is Telegram's, so one ERROR
    line without a traceback (was «update failed» with one); the apology still goes."""
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", 0.05)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY", 0.4)  # X69: the cap scaled too
    caplog.set_level(logging.WARNING)
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.fail_next(reply_limiter.REPLY_5XX_TRIES, 502, "Bad Gateway", chat_id=ADMIN)
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "/stats")
        await h.emu.await_messages(ADMIN, before + 1, timeout=15)
        await h.settle()
        assert len(h.emu.refusals(502)) == reply_limiter.REPLY_5XX_TRIES
        answers = h.emu.messages(ADMIN)[before:]
    assert len(answers) == 1 and "📊" not in answers[0].plain_text  # the apology
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    assert errors[0].exc_info is None
    assert "Telegram server error" in errors[0].getMessage()
    assert f"chat={ADMIN}" in errors[0].getMessage()


def test_a_env_that_is_a_folder_is_said_to_be_one(tmp_path: Path) -> None:
    cwd, project = tmp_path / "here", tmp_path / "project"
    (cwd / ".env").mkdir(parents=True)
    project.mkdir()
    line = describe(find_env_file(cwd, project))
    assert "\n" not in line
    assert f"{cwd / '.env'} مجلد لا ملف" in line
    assert f"{cwd / '.env'} is a folder, not a file" in line
    assert line.index("مجلد") < line.index(" / ") < line.index("is a folder")  # Arabic first
    assert str(project / ".env") not in line.split("(looked at:")[1].split(")")[1]
    # a file read from the project's folder still names the folder left behind
    (project / ".env").write_text("X=1\n", encoding="utf-8")
    read = describe(find_env_file(cwd, project))
    assert read.startswith(f"الإعدادات من {project / '.env'}")
    assert f"{cwd / '.env'} is a folder, not a file" in read
    # no folder: the old line
    plain = describe(find_env_file(project, project))
    assert "is a folder" not in plain and "مجلد" not in plain


# ------------------------------------------------------------------ QA33 S8: dates in the zone


def test_a_date_past_a_week_is_the_readers_calendar_date() -> None:
    from zoneinfo import ZoneInfo

    from bot.i18n import relative_time
    late = datetime(2018, 2, 3, 22, 0, tzinfo=UTC)  # 4 Feb, 01:00 in Riyadh
    utc_now = datetime(2018, 2, 20, 12, 0, tzinfo=UTC)
    assert relative_time(late, utc_now, "ar") == "٣ فبراير ٢٠١٨"
    assert relative_time(late, utc_now.astimezone(ZoneInfo("Asia/Riyadh")), "ar") == "٤ فبراير ٢٠١٨"
    assert relative_time(late, utc_now.astimezone(ZoneInfo("Asia/Riyadh")), "en") == \
        "4 February 2018"
    assert relative_time(late, utc_now.astimezone(ZoneInfo("America/New_York")), "en") == \
        "3 February 2018"


async def test_search_results_date_old_stories_in_the_chats_zone(tmp_path: Path) -> None:
    """A story of 22:00 UTC ten days ago reads the next day's date to a UTC+3 reader (the
    zone a new chat starts on), and its own date to one who chose UTC."""
    path = sample_db(tmp_path)
    now = datetime(2018, 3, 25, 12, 0, tzinfo=UTC)
    late = datetime(2018, 3, 14, 22, 0, tzinfo=UTC)
    with Database(path) as database:
        add(database, 900600, "زيارة نادرة إلى جزيرة سقطرى", "وصل الوفد إلى سقطرى.",
            days_ago=_days_ago(late))
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: now
        [riyadh] = await h.say(STRANGER, "سقطرى")
        assert "١٥ مارس ٢٠١٨" in riyadh.plain_text, riyadh.plain_text
        h.db.db.execute("update chats set time_zone = 'UTC' where id = ?", [STRANGER])
        [utc] = await h.say(STRANGER, "سقطرى")
        assert "١٤ مارس ٢٠١٨" in utc.plain_text, utc.plain_text
