"""QA50 E10: «الجلب التالي: خلال ٧ دقيقة» in /sources — a fixed «{minutes} دقيقة» template with no
count rule (3–10 take «دقائق», 1 is «دقيقة», 2 «دقيقتين»). The next-poll line and the other fixed
minute templates (/stats' clock lines) count with bot.i18n.amount.

/sources through the real PTB Application and emulator, with the scheduled poll 7 minutes away;
the clock lines from their real builders.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.app import poll_job
from bot.source_notes import in_words
from bot.stats_warnings import clock_warning

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


async def test_sources_says_the_next_poll_in_minutes_counted(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        h.app.job_queue.run_repeating(poll_job, interval=3600, first=7 * 60 - 20,
                                      name="poll-sources")
        [listing] = await h.say(ADMIN, "/sources")
        text = _bare(listing.plain_text)
        assert "الجلب التالي: خلال ٧ دقائق" in text, text
        [en] = await h.say(ADMIN + 1, "/sources", language_code="en")
        assert "Next poll: within 7 min" in _bare(en.plain_text), en.plain_text


def test_the_next_poll_counts_one_two_and_eleven() -> None:
    assert in_words(NOW + timedelta(seconds=50), NOW, "ar") == "خلال دقيقة"
    assert in_words(NOW + timedelta(minutes=2), NOW, "ar") == "خلال دقيقتين"
    assert in_words(NOW + timedelta(minutes=10), NOW, "ar") == "خلال ١٠ دقائق"
    assert in_words(NOW + timedelta(minutes=11), NOW, "ar") == "خلال ١١ دقيقة"
    assert in_words(NOW + timedelta(minutes=2), NOW, "en") == "within 2 min"


def test_the_clock_lines_count_their_minutes() -> None:
    behind = clock_warning(NOW, NOW + timedelta(minutes=3), None)
    assert behind is not None and "متأخرة ٣ دقائق عن ساعة تيليجرام" in behind.text("ar")
    assert "is 3 min behind Telegram's" in behind.text("en")
    ahead = clock_warning(NOW, NOW - timedelta(minutes=12), None)
    assert ahead is not None and "قبل ١٢ دقيقة من ساعة الخادم" in ahead.text("ar")
    far = clock_warning(NOW, NOW + timedelta(minutes=120), None)
    assert far is not None and "متأخرة ساعتين" in far.text("ar")  # X102 (QA66-3): lasted
