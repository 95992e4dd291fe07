"""QA54-16: a daily digest at 6:00 chosen with quiet hours 22:00–07:00 was accepted without a
word, and the digest comes at 6:00 anyway (digests.delivery_times: quiet hours or not). The toast
now says so. The real bot against the emulator, real SQLite, a pinned clock.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.emulator_model import SentMessage
from bot.runtime import RUNTIME_KEY


async def test_a_daily_hour_inside_the_quiet_hours_is_told(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: datetime(2026, 3, 27, 12, tzinfo=UTC)
        await h.say(READER, "/start")
        [menu] = await h.say(READER, "/settings")

        def shown(label: str) -> list[SentMessage]:
            return [m for m in h.emu.messages(READER) if m.message_id == menu.message_id
                    and label in m.button_texts()]

        await h.click(menu, "🌙 ساعات الهدوء", n=0)
        await h.until(lambda: shown("٢٢:٠٠ إلى ٧:٠٠"))
        await h.click_answer(shown("٢٢:٠٠ إلى ٧:٠٠")[0], "٢٢:٠٠ إلى ٧:٠٠")
        await h.until(lambda: shown("🗓 يومية"))
        await h.click(shown("🗓 يومية")[0], "🗓 يومية", n=0)
        await h.until(lambda: shown("٦:٠٠"))
        answer = await h.click_answer(shown("٦:٠٠")[0], "٦:٠٠")
        assert "ولو في ساعات الهدوء" in str(answer.get("text")), answer
        # the choice takes the menu back to the settings page: open the hours again (review
        # RG: reading «٨:٠٠» off the picker raced that edit, and waited 30 s when it lost)
        chosen = "✓ 🗓 يومية (مختار)"
        await h.until(lambda: shown(chosen))
        await h.click(shown(chosen)[0], chosen, n=0)
        await h.until(lambda: shown("٨:٠٠"))
        answer = await h.click_answer(shown("٨:٠٠")[0], "٨:٠٠")  # outside them: nothing said
        assert "ساعات الهدوء" not in str(answer.get("text")), answer
