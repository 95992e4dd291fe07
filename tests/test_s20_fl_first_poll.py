"""FL (session 20): the first scheduled poll comes FIRST_POLL_SECONDS after the start, however
long the start took.

The poll job is planned when the Application is built, before it starts. APScheduler works out
an interval job's first run when its scheduler starts: a start that took longer than
FIRST_POLL_SECONDS (PTB's bootstrap retries, a slow network, a loaded host) put the first poll a
whole POLL_INTERVAL_MINUTES later (15 min by default). Found by test_x66/test_x69 failing «no
first poll» on a loaded host. The real Application and JobQueue against the emulator.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot import jobs
from bot.app import build_application, start_application, stop_application
from bot.emulator import Emulator
from digests.settings import Settings
from digests.storage import Database

TOKEN = "123456789:TEST-token-for-the-emulator-only"


def _polls(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.getMessage().startswith("scheduled poll sources="))


async def test_a_slow_start_still_polls_first_within_seconds(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "FIRST_POLL_SECONDS", 0.2)
    caplog.set_level(logging.INFO, logger="bot.jobs")
    emu = Emulator().start()
    settings = Settings(database_path=tmp_path / "nashra.db", telegram_bot_token=TOKEN,
                        telegram_api_base_url=emu.base_url, admin_ids=frozenset({1000}),
                        poll_interval_minutes=1)
    db = Database(settings.database_path)
    app = build_application(settings, db, poll_sources=True, start_sender=False)
    try:
        await asyncio.sleep(1.0)  # the start takes longer than FIRST_POLL_SECONDS
        await start_application(app, poll_timeout=1)
        # before: the first poll came a minute (the interval) after the start; 30 s is a guard
        # a loaded host cannot reach, and half the interval
        await emu.await_for(lambda: _polls(caplog) >= 1, timeout=30)
        assert app.job_queue is not None
        [job] = app.job_queue.get_jobs_by_name(jobs.POLL_JOB)
        assert job.next_t is not None  # still repeating after the late first run
    finally:
        await stop_application(app)
        db.close()
        emu.stop()
