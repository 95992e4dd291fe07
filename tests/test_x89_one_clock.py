"""X89 (REV s22 finding 5): one time of day, written one way. The hold notices wrote «٧:٠٥» /
"7:05", the source alerts «٧:٠٥» / "07:05" and /stats «٠٧:٠٥» / "07:05": three formatters, one
padding the hour, another only in English. bot.i18n.clock_time is the one rule now (the hour as
the settings show it, «نشرة يومية الساعة ٧:٠٠»)."""

from __future__ import annotations

from datetime import datetime, timezone

from bot import chat_holds, source_alerts, stats_lines
from bot.i18n import clock_time
from bot.settings_words import hour_label

MORNING = datetime(2018, 3, 8, 7, 5, tzinfo=timezone.utc)


def test_one_clock_in_every_reply() -> None:
    assert clock_time(MORNING, "ar") == "٧:٠٥" and clock_time(MORNING, "en") == "7:05"
    assert clock_time(MORNING.replace(hour=22, minute=0), "ar") == "٢٢:٠٠"
    assert clock_time(MORNING.replace(minute=0), "ar") == hour_label(7, "ar")
    for lang in ("ar", "en"):
        alert = source_alerts._clock(MORNING, timezone.utc, lang)
        assert alert.endswith(clock_time(MORNING, lang)), alert
    # no module keeps a formatter of its own
    assert not hasattr(stats_lines, "_hhmm")
    assert "rjust" not in "".join(open(m.__file__ or "", encoding="utf-8").read()
                                  for m in (chat_holds, source_alerts, stats_lines))
