"""QA76-7 (X133): a reader back after blocking the bot is told «👋 أهلًا بعودتك …» above «جرّب
أحد هذه المواضيع:», which the example buttons follow; the line sat between the two, so the colon
pointed at it (bot.welcome.send_welcome). The real bot against the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def _back(tmp_path: Path, language_code: str, topic: str) -> list[str]:
    """The lines of the /start a reader gets back after blocking the bot."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, f"/subscribe {topic}", language_code=language_code)
        h.db.db.execute("update chats set active = 0 where id = ?", [READER])  # blocked, kept
        h.db.conn.commit()
        [welcome] = await h.say(READER, "/start", language_code=language_code)
        assert welcome.button_texts(), welcome.plain_text
        return [line.strip("\u200e\u200f ") for line in welcome.plain_text.splitlines()]


async def test_the_welcome_back_line_is_above_the_prompt_the_buttons_follow(
        tmp_path: Path) -> None:
    lines = await _back(tmp_path, "ar", "الغوطة")
    assert lines[-1] == "جرّب أحد هذه المواضيع:", lines
    assert any(line.startswith("👋 أهلًا بعودتك") for line in lines[:-1]), lines


async def test_in_english_too(tmp_path: Path) -> None:
    lines = await _back(tmp_path, "en", "Ghouta")
    assert lines[-1] == "Try one of these topics:", lines
    assert any("Welcome back" in line for line in lines[:-1]), lines
