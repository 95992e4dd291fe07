"""QA43 C3: /stats says when its figures were taken (its last line), in the admin's zone, so an
answer Telegram held back (a 429 wait) is not read as current."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from bot.stats import as_of_line
from zoneinfo import ZoneInfo

from bot.reader_clock import reader_zone
from tests.botkit import ADMIN, running_bot, sample_db


async def test_stats_ends_with_the_time_its_figures_were_taken(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        before = datetime.now(timezone.utc)
        [answer] = await h.say(ADMIN, "/stats")
        after = datetime.now(timezone.utc)
        zone = reader_zone(h.db.db, ADMIN)
    last = answer.plain_text.splitlines()[-1]
    assert last.startswith("🕒 الأرقام حتى "), last
    # in the admin's zone: the hour and minute of the asking
    stamps = {f"{w.astimezone(zone):%H:%M}" for w in (before, after)}
    assert any(s in last for s in stamps), (last, stamps)


def test_the_line_names_the_zone_in_either_language() -> None:
    now = datetime(2026, 12, 1, 4, 55, tzinfo=timezone.utc)
    assert as_of_line(now, None, "en").startswith("🕒 Figures as of 04:55 (")
    assert "UTC" in as_of_line(now, None, "en")
    riyadh = as_of_line(now, ZoneInfo("Asia/Riyadh"), "ar")
    assert "07:55" in riyadh and "UTC+3" in riyadh.replace("+٣", "+3")
