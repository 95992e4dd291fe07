"""QA52 R2: a zone typed after /zone during quiet hours released the held alerts (or held new
ones) and said nothing of it; the picker's toast says it (QA47 Z9). The real bot against the
emulator, real SQLite, a pinned clock at 00:30 Riyadh (quiet 23–07)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_x70_daily_quiet import _pin, _queue_alerts

NIGHT = datetime(2026, 3, 27, 21, 30, tzinfo=UTC)  # 00:30 Riyadh: quiet; 17:30 New York
HELD_UNTIL = datetime(2026, 3, 28, 4, tzinfo=UTC)  # 07:00 Riyadh


async def test_a_typed_zone_says_it_released_the_held_alerts(tmp_path: Path) -> None:
    clock = [NIGHT]
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        _pin(h, clock)
        await h.say(READER, "/start")
        _queue_alerts(h, 2, HELD_UNTIL)
        [answer] = await h.say(READER, "/zone نيويورك")
        assert "نيويورك" in answer.plain_text
        assert "التنبيهات المنتظرة في طريقها الآن." in answer.plain_text


async def test_a_typed_offset_says_the_quiet_hours_start(tmp_path: Path) -> None:
    clock = [datetime(2026, 3, 27, 17, 30, tzinfo=UTC)]  # 20:30 Riyadh: not quiet
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        _pin(h, clock)
        await h.say(READER, "/start")
        [answer] = await h.say(READER, "/zone +9:30")  # 03:00 there: quiet until 07:00
        assert "ساعات الهدوء الآن: تصل التنبيهات عند ٧:٠٠." in answer.plain_text
        # nothing changes for the quiet hours: nothing said of them
        [again] = await h.say(READER, "/zone +9")
        assert "ساعات الهدوء" not in again.plain_text
        assert "في طريقها" not in again.plain_text
