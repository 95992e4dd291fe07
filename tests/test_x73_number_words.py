"""QA48 R9: counts in the operators' messages agree in Arabic («٣ أيام», «ساعتين», «١٠ ساعات»,
«٣ دقائق», «٥٠٠ خبر»; they read «٣ يوم», «١٠ ساعة», «٣ دقيقة», «٥٠٠ خبرًا»), through the one
counted-noun helper (bot.i18n.amount over _ar_count, which relative times use). The texts of a
clock jump and of the database alert, as the admins get them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import clock_watch, db_alerts
from bot.i18n import amount


@pytest.mark.parametrize(("n", "unit", "ar", "en"), [
    (1, "minute", "دقيقة", "1 min"), (3, "minute", "٣ دقائق", "3 min"),
    (2, "hour", "ساعتين", "2 h"), (10, "hour", "١٠ ساعات", "10 h"),
    (38, "hour", "٣٨ ساعة", "38 h"), (3, "day", "٣ أيام", "3 days"),
    (11, "day", "١١ يومًا", "11 days"), (5, "article", "٥ أخبار", "5 articles"),
    (20, "article", "٢٠ خبرًا", "20 articles"), (500, "article", "٥٠٠ خبر", "500 articles"),
    (1, "article", "خبر", "1 article"),
])
def test_amounts_agree(n: int, unit: str, ar: str, en: str) -> None:
    assert amount(n, "ar", unit) == ar  # type: ignore[arg-type]
    assert amount(n, "en", unit) == en  # type: ignore[arg-type]


def test_the_admins_texts_agree() -> None:
    ahead = clock_watch.jump_text(timedelta(days=3))
    assert "إلى الأمام ٣ أيام" in ahead and "forward 3 days" in ahead, ahead
    assert "إلى الوراء ساعتين" in clock_watch.jump_text(-timedelta(hours=2))
    assert "إلى الوراء ١٠ ساعات" in clock_watch.jump_text(-timedelta(hours=10))
    late = clock_watch.jump_text(timedelta(hours=47, minutes=55),
                                 [timedelta(minutes=1)] * 495 + [timedelta(hours=1)] * 5)
    assert "بأكثر من ٥ دقائق" in late and "من آخر ٥٠٠ خبر في قاعدة البيانات وصل ٥" in late, late
    assert "5 of the last 500 articles stored" in late, late
    up = db_alerts.text("up", "locked", 3)
    assert "بعد ٣ دقائق." in up and "after 3 min." in up, up
    assert "منذ دقيقة:" in db_alerts.text("down", "locked", 1)
