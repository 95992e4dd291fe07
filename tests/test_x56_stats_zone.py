"""X56 item 2: /stats dates a last poll a week or more ago by the admin's day (their zone: a new
chat reads in Riyadh's, UTC+3), not UTC's — 22:30 UTC is already the next day there. The real bot
on the emulator."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.i18n import format_date
from digests.models import iso
from tests.botkit import ADMIN, running_bot, sample_db


async def test_stats_dates_an_old_last_poll_in_the_admins_zone(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        ten_days = datetime.now(timezone.utc) - timedelta(days=10)
        when = ten_days.replace(hour=22, minute=30, second=0, microsecond=0)
        h.db.db.execute("delete from polls")
        h.db.db.execute("insert into polls (started_at, finished_at) values (?, ?)",
                        [iso(when), iso(when)])
        await h.say(ADMIN, "/start")
        text = (await h.say(ADMIN, "/stats"))[0].text
    local = format_date(when.astimezone(ZoneInfo("Asia/Riyadh")), "ar")
    assert local != format_date(when, "ar")
    assert f"آخر جلب: {local}" in text.replace("\u200f", "").replace("\u200e", "")
