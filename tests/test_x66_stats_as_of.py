"""QA43 C3: /stats says when its figures were taken (its last line), in the admin's zone, so an
answer Telegram held back (a 429 wait) is not read as current."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from bot.i18n import clock_time
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
    stamps = {clock_time(w.astimezone(zone), "ar") for w in (before, after)}
    assert any(s in last for s in stamps), (last, stamps)


def test_the_line_names_the_zone_in_either_language() -> None:
    now = datetime(2026, 12, 1, 4, 55, tzinfo=timezone.utc)
    # the hour as the bot's other hours, the zone as the quiet hours' note says it (QA67-6)
    assert as_of_line(now, None, "en") == "🕒 Figures as of 4:55 UTC"
    assert as_of_line(now, None, "ar") == "🕒 الأرقام حتى ٤:٥٥ بالتوقيت العالمي (UTC)"
    riyadh = as_of_line(now, ZoneInfo("Asia/Riyadh"), "ar")
    assert riyadh == "🕒 الأرقام حتى ٧:٥٥ بتوقيت السعودية (UTC+3)", riyadh
