"""X51 (QA36 E7–E9): what a screen-reader user hears — a button that removes a topic says so
(«❌ إلغاء الغوطة», not «cross mark الغوطة»), the zone button is not «one o'clock», a follow's
share link is behind words (its base64 was read out letter by letter), and a settings toast
says what is now set, not «Settings saved» alone. The real bot against the emulator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.deep_links import encode_start_payload
from bot.runtime import RUNTIME_KEY


async def test_labels_links_and_toasts_say_what_they_do(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        # midday in Riyadh: quiet hours 22-07 chosen at night would also say they start now
        # (bot.settings_words.quiet_change_note), and the toast below is compared whole
        h.app.bot_data[RUNTIME_KEY].clock = lambda: datetime(2026, 3, 28, 9, tzinfo=UTC)
        [done] = await h.say(READER, "/subscribe الغوطة")
        link = "https://t.me/nashra_test_bot?start=" + encode_start_payload("الغوطة")
        assert "t.me" not in done.plain_text and "رابط المتابعة" in done.plain_text
        assert f'<a href="{link}">رابط المتابعة</a>' in done.text, done.text
        [menu] = await h.say(READER, "/unsubscribe")
        assert menu.button_texts() == ["❌ إلغاء الغوطة"]
        [en_done] = await h.say(READER + 1, "/subscribe Ghouta", language_code="en")
        assert "the follow link" in en_done.plain_text and "t.me" not in en_done.plain_text
        [en_menu] = await h.say(READER + 1, "/unsubscribe", language_code="en")
        assert en_menu.button_texts() == ["❌ Remove Ghouta (الغوطة)"]
        [settings] = await h.say(READER, "/settings")
        assert "🌐 التوقيت" in settings.button_texts()
        assert not any("🕐" in b for b in settings.button_texts())
        h.emu.click(settings, "🌙 ساعات الهدوء")
        await h.until(lambda: "اختر ساعات الهدوء" in h.emu.messages(READER)[-1].plain_text)
        saved = await h.click_answer(h.emu.messages(READER)[-1], "٢٢:٠٠ إلى ٧:٠٠")
        assert saved.get("text", "").replace("\u200e", "") == (
            "✅ ساعات الهدوء: من ٢٢:٠٠ إلى ٧:٠٠ بتوقيت السعودية (UTC+3)"), saved  # QA47 Z2
        await h.settle()  # back on the settings menu
        h.emu.click(h.emu.messages(READER)[-1], "🌐 التوقيت")
        await h.until(lambda: "مصر" in h.emu.messages(READER)[-1].button_texts())
        zone = await h.click_answer(h.emu.messages(READER)[-1], "مصر")
        assert zone.get("text", "").startswith("✅ التوقيت: مصر (UTC+"), zone
        [en_settings] = await h.say(READER + 1, "/settings", language_code="en")
        daily = next(b for b in en_settings.button_texts() if "Daily" in b)
        h.emu.click(en_settings, daily)
        await h.until(lambda: "7:00" in h.emu.messages(READER + 1)[-1].button_texts())
        hour = await h.click_answer(h.emu.messages(READER + 1)[-1], "7:00")
        said, then = str(hour.get("text")).split("\n")  # its zone and when (QA47 Z2, Z9)
        assert said == "✅ Alerts: a daily digest at 7:00 UTC", hour
        assert then in ("The next digest: today at 7:00.", "The next digest: tomorrow at 7:00.")
