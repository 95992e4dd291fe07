"""X102 (QA66-3): /stats' clock lines an operator can read. QA66 read «ساعة الخادم متأخرة
١٤٤٠ دقيقة … (أرّخ تيليجرام هذا الأمر 05:25 UTC والخادم يقرأ 05:25)» — the same time twice,
the day left out — «آخر جلب مسجّل 03:59 UTC، بعد ساعة الخادم الآن (05:23)», «٥٦٠٤٦ دقيقة»
and «١ من المصادر جُدولت», beside a footer in Saudi time. Now: the gap in days and hours
(bot.i18n.lasted), the times in the admin's zone (the footer's), named once, dated when they
fall on different days, and one source said as one. Pure functions, a pinned clock; the real
/stats in tests/test_stats_warnings.py and tests/test_x58_clock_back.py."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.i18n import lasted
from bot.runtime import ui
from bot.stats_warnings import clock_warning

NOW = datetime(2026, 12, 2, 5, 25, tzinfo=timezone.utc)
RIYADH = ZoneInfo("Asia/Riyadh")


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_a_day_behind_reads_one_day_and_two_dates_in_the_admins_zone() -> None:
    behind = clock_warning(NOW, NOW + timedelta(days=1), None)
    assert behind is not None
    ar, en = _plain(behind.text("ar", RIYADH)), _plain(behind.text("en", RIYADH))
    assert "١٤٤٠" not in ar and "متأخرة يوم عن ساعة تيليجرام" in ar, ar
    assert ("أرّخ تيليجرام هذا الأمر ٣ ديسمبر ٢٠٢٦ الساعة ٨:٢٥ والخادم يقرأ ٢ ديسمبر ٢٠٢٦ "
            "الساعة ٨:٢٥ بتوقيت السعودية (UTC+3)") in ar, ar
    assert "1 day behind" in en and "the server reads 2 December 2026 8:25 Saudi Arabia" in en
    assert "(UTC+3)" in en and " UTC," not in en  # one zone, the admin's


def test_a_clock_set_back_39_days_dates_the_last_poll() -> None:
    poll = NOW + timedelta(days=38, hours=22, minutes=34)  # «03:59 after 05:23»
    back = clock_warning(NOW, None, poll)
    assert back is not None
    ar = _plain(back.text("ar", RIYADH))
    assert "آخر جلب مسجّل ١٠ يناير ٢٠٢٧ الساعة ٦:٥٩، بعد ساعة الخادم الآن (٢ ديسمبر ٢٠٢٦ " \
           "الساعة ٨:٢٥ بتوقيت السعودية (UTC+3))" in ar, ar
    same_day = clock_warning(NOW, None, NOW + timedelta(minutes=65))
    assert same_day is not None
    assert "recorded at 6:30, after this server's clock now (5:25 UTC)" in same_day.text("en")


def test_long_gaps_in_days_and_one_source_as_one() -> None:
    gap = lasted(60.0 * 56046, "ar")  # QA66: «٥٦٠٤٦ دقيقة»
    assert gap == "٣٨ يومًا", gap
    one = ui("ar", "stats_clock_source", minutes=gap)
    assert "مصدر واحد جُدول بالساعة المتقدمة" in one and "١ من المصادر" not in one
    assert "1 source was scheduled" in ui("en", "stats_clock_source", minutes="38 days")
