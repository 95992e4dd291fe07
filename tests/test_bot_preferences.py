"""bot.preferences: the settings text and time-zone labels (the buttons are driven end to end in
tests/test_bot_readers.py)."""

from __future__ import annotations

from bot.preferences import hour_label, settings_text, zone_label
from digests.subscriptions import Chat


def test_zone_labels() -> None:
    assert zone_label(180, "ar") == "UTC+3 (مكة، بغداد، دمشق، عمّان)"
    assert zone_label(60, "en") == "UTC+1 (Morocco, Algeria, Tunisia)"
    assert zone_label(330, "en") == "UTC+5:30"
    assert zone_label(-300, "ar") == "UTC−5"


def test_hour_labels() -> None:
    assert hour_label(8, "ar") == "٨:٠٠" and hour_label(20, "en") == "20:00"


def test_settings_text() -> None:
    daily = Chat(id=1, mode="daily", daily_hour=20, quiet_start=23, quiet_end=7,
                 utc_offset_minutes=120)
    text = settings_text(daily, "ar").replace("\u200e", "")
    assert "نشرة يومية الساعة ٢٠:٠٠" in text and "من ٢٣:٠٠ إلى ٧:٠٠" in text
    assert "UTC+2 (مصر" in text
    assert all(line[0] == "\u200f" or "\u0600" <= line[0] <= "\u06ff"
               for line in text.split("\n"))  # right-to-left lines
    english = settings_text(Chat(id=1), "en")
    assert "Alerts: instant" in english and "Quiet hours: none" in english
