"""X57 (QA36 E9): a screen reader hears what a picker's buttons mean — the current choice says
«مختار» / "selected" after its «✓», quiet-hour ranges read «٢٢:٠٠ إلى ٧:٠٠» / "22:00 to 7:00"
(no dash), and «رجوع»'s arrow points right in a right-to-left menu. The real bot's /settings."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_the_settings_pickers_say_their_marks_in_words(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [menu] = await h.say(READER, "/settings")
        assert "✓ ⚡ فورية (مختار)" in menu.button_texts(), menu.button_texts()
        assert sum("✓" in b for b in menu.button_texts()) == 1
        h.emu.click(menu, "🌙 ساعات الهدوء")
        await h.until(lambda: "٢٢:٠٠ إلى ٧:٠٠" in h.emu.messages(READER)[-1].button_texts())
        quiet = h.emu.messages(READER)[-1].button_texts()
        assert not any("–" in b for b in quiet), quiet
        assert "✓ بلا ساعات هدوء (مختار)" in quiet, quiet  # quiet hours off in the kit
        assert "↪️ رجوع" in quiet and "↩️ رجوع" not in quiet, quiet
        english = READER + 1
        [en] = await h.say(english, "/settings", language_code="en")
        h.emu.click(en, "🌙 Quiet hours")
        await h.until(lambda: "22:00 to 7:00" in h.emu.messages(english)[-1].button_texts())
        shown = h.emu.messages(english)[-1].button_texts()
        assert "✓ No quiet hours (selected)" in shown and "↩️ Back" in shown, shown
