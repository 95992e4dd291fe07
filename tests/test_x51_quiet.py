"""X51 (QA36 E4): a topic followed inside the chat's quiet hours (new chats: 23:00–07:00 local)
is confirmed with when the first alert comes, not «أولًا بأول» alone — the real bot, its clock
set inside and outside the quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY


async def test_a_follow_inside_the_quiet_hours_says_when_alerts_come(tmp_path: Path) -> None:
    night = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)  # 02:30 in UTC+3, 23:30 in UTC
    day = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.clock = lambda: night
        [ar] = await h.say(READER, "/subscribe الغوطة")
        assert "تمت متابعة" in ar.plain_text, ar.plain_text
        assert "يصل أول تنبيه عند ٧:٠٠" in ar.plain_text and "/settings" in ar.plain_text
        [several] = await h.say(READER, "/subscribe سوريا، لبنان")
        assert "يصل أول تنبيه عند ٧:٠٠" in several.plain_text, several.plain_text
        [again] = await h.say(READER, "/subscribe الغوطة")  # followed before: nothing new
        assert "ساعات الهدوء" not in again.plain_text, again.plain_text
        [en] = await h.say(READER + 1, "/start", language_code="en")
        [en] = await h.say(READER + 1, "/subscribe Ghouta", language_code="en")
        assert "the first alert comes at 7:00" in en.plain_text, en.plain_text
        rt.clock = lambda: day
        [noon] = await h.say(READER + 2, "/subscribe غزة")
        assert "تمت متابعة" in noon.plain_text and "ساعات الهدوء" not in noon.plain_text
