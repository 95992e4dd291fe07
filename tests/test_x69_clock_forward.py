"""X69 (6): a forward clock jump under 48 h is told when it can push new articles out of the send
window, and only then (bot.clock_watch). An article is sent while it looks younger than 48 h at
the bot's «now»; after a jump J forward one that reaches the bot more than 48 h − J after its
publication is stored and never sent. The recent articles' lags (stored − published) decide.

The real Application (poll scheduled, JobQueue running) against the emulator, the wall clock
shifted where it is read, as the X66 tests do (tests.test_x66_clock_jobs.shifted_clock); a real
SQLite archive holding articles that reached the bot 40 h or 10 min after publication.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot import clock_watch
from bot.app import build_application, start_application, stop_application
from bot.emulator import Emulator
from digests.models import iso
from digests.settings import Settings
from digests.storage import Database
from tests.test_x66_clock_jobs import TOKEN, _polls, _until, shifted_clock  # noqa: F401

ADMIN = 1000
H = timedelta(hours=1)


def _archive(db: Database, lags: list[timedelta]) -> None:
    now = datetime.now(timezone.utc)
    db.db.execute("insert into sources (id, url, name, added_at, active)"
                  " values (1, 'http://127.0.0.1:9/feed.xml', 'مصدر', ?, 0)", [iso(now)])
    for n, lag in enumerate(lags, 1):
        db.db.execute("insert into articles (source_id, url, url_key, content_hash, title,"
                      " published_at, fetched_at, updated_at) values (1, ?, ?, ?, ?, ?, ?, ?)",
                      [f"https://site.example/{n}", f"https://site.example/{n}", f"h{n}",
                       f"خبر {n}", iso(now - lag - H), iso(now - H), iso(now - H)])


async def _jump(tmp_path: Path, caplog: pytest.LogCaptureFixture, shift: list[timedelta],
                jump: timedelta, lags: list[timedelta], *, expect: bool) -> list[str]:
    """Start a polling bot on an archive of `lags`, jump the wall clock; what the admin got
    (waited for up to 30 s when a message is `expect`ed, 2 s when none is)."""
    caplog.set_level(logging.INFO, logger="bot.jobs")
    caplog.set_level(logging.INFO, logger="bot.clock_watch")
    emu = Emulator().start()
    settings = Settings(database_path=tmp_path / "nashra.db", telegram_bot_token=TOKEN,
                        telegram_api_base_url=emu.base_url, admin_ids=frozenset({ADMIN}),
                        poll_interval_minutes=1)
    db = Database(settings.database_path)
    _archive(db, lags)
    app = build_application(settings, db, poll_sources=True, start_sender=False)
    try:
        await start_application(app, poll_timeout=1)
        assert await _until(lambda: _polls(caplog) >= 1, 60), "no first poll"
        await asyncio.sleep(0.5)  # the watch has seen the clocks once
        shift[0] = jump
        assert await _until(lambda: any("clock jump" in r.getMessage()
                                        for r in caplog.records), 30), "jump not seen"
        # CI hardening: 2 s (and 10 s for the first poll) were short on a loaded host
        await _until(lambda: emu.messages(ADMIN), 30.0 if expect else 2.0)
        told = [m.plain_text for m in emu.messages(ADMIN)]
    finally:
        await stop_application(app)
        db.close()
        emu.stop()
    return told


async def test_ten_hours_forward_is_told_when_recent_articles_came_40_hours_late(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        shifted_clock: list[timedelta]) -> None:  # noqa: F811
    lags = [40 * H] * 3 + [timedelta(minutes=10)] * 17
    told = await _jump(tmp_path, caplog, shifted_clock, 10 * H, lags, expect=True)
    assert len(told) == 1, told  # before: nothing under 48 h
    text = told[0]
    assert "إلى الأمام ١٠ ساعات" in text and "بأكثر من ٣٨ ساعة" in text, text
    assert "من آخر ٢٠ خبرًا في قاعدة البيانات وصل ٣" in text, text
    assert text.index("قفزت") < text.index("jumped forward 10 h")  # Arabic first
    assert "more than 38 h after its publication" in text and "3 of the last 20" in text


async def test_two_hours_forward_is_quiet_when_no_recent_article_came_that_late(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        shifted_clock: list[timedelta]) -> None:  # noqa: F811
    lags = [40 * H] * 3 + [timedelta(minutes=10)] * 17
    told = await _jump(tmp_path, caplog, shifted_clock, 2 * H, lags, expect=False)
    assert told == []  # 40 h + 2 h is still inside the window: nothing is lost
    assert any("clock jump" in r.getMessage() and "poll-sources" in r.getMessage()
               for r in caplog.records)  # the jobs are re-planned all the same


def test_the_rule_and_the_lags_read_from_the_archive(tmp_path: Path) -> None:
    lags = [timedelta(minutes=5), 30 * H, 47 * H]
    assert clock_watch.pushed_out(2 * H, lags) == 1  # 47 h + 2 h
    assert clock_watch.pushed_out(20 * H, lags) == 2
    assert clock_watch.pushed_out(-20 * H, lags) == 0
    assert not clock_watch.told(30 * timedelta(minutes=1), [10 * H])
    assert clock_watch.told(49 * H, [])  # past the window: every new article
    assert clock_watch.told(-H, [])  # set back an hour: told as before
    with Database(tmp_path / "a.db") as db:
        _archive(db, [timedelta(minutes=3), 20 * H, 50 * H])
        got = clock_watch.recent_lags(db)
    assert sorted(got) == [timedelta(minutes=3), 20 * H]  # 50 h was never sendable
    assert "٩٠ دقيقة" in clock_watch.jump_text(H * 46.5, [47 * H])  # 48 h − 46.5 h
