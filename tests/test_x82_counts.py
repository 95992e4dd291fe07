"""QA56-7: Arabic counted nouns agree with their number wherever a count is written with its
noun: /stats said «آخر إرسال لخبر: … — ٣ محادثة» (3–10 take the plural: «٣ محادثات»), the disk
warning «٧ رسالة», Telegram's pause «٥ ثانية». One helper, bot.i18n.amount, for every unit. The
real bot's /stats after a real /push (emulator, SQLite), and the helper's table."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db

from bot.i18n import amount
from bot.stats_warnings import StatsWarning


@pytest.mark.parametrize(("n", "unit", "arabic"), [
    (1, "chat", "محادثة واحدة"), (2, "chat", "محادثتين"), (3, "chat", "٣ محادثات"),
    (10, "chat", "١٠ محادثات"), (11, "chat", "١١ محادثة"), (103, "chat", "١٠٣ محادثات"),
    (10_000, "article", "١٠٠٠٠ خبر"), (99, "article", "٩٩ خبرًا"), (111, "article", "١١١ خبرًا"),
    (5, "second", "٥ ثوانٍ"), (30, "second", "٣٠ ثانية"), (7, "message", "٧ رسائل"),
    (4, "letter", "٤ أحرف"), (60, "letter", "٦٠ حرفًا"), (200, "letter", "٢٠٠ حرف"),
])
def test_amount_agrees_in_every_unit(n: int, unit: str, arabic: str) -> None:
    assert amount(n, "ar", unit) == arabic  # type: ignore[arg-type]


def test_the_stats_warnings_count_their_nouns() -> None:
    outage = StatsWarning("outage", "stats_outage", (("seconds", 5), ("rows", 3), ("pause", 30)))
    assert "منذ ٥ ثوانٍ" in outage.text("ar") and "كل ٣٠ ثانية" in outage.text("ar")
    assert "for 5 s" in outage.text("en") and "3 deliveries wait" in outage.text("en")
    owed = StatsWarning("disk", "stats_disk_full_owed", (("free", 0), ("owed", 7)))
    assert "ولم تُكتب بعد نتائج إرسال ٧ رسائل" in owed.text("ar")
    # two: no verb to agree with the dual (review RF: «ونتائج رسالتين أُرسلت»)
    two = StatsWarning("disk", "stats_disk_full_owed", (("free", 0), ("owed", 2)))
    assert "نتائج إرسال رسالتين —" in two.text("ar").replace("\u200f", ""), two.text("ar")


async def test_stats_counts_the_chats_of_the_last_story_sent(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.push_to((READER, READER + 1, READER + 2))
        [stats] = await h.say(ADMIN, "/stats")
        line = stats.plain_text.split("آخر إرسال لخبر")[1].split("\n")[0]
        assert line.endswith("— ٣ محادثات"), line


def test_sources_counts_a_long_feed_and_a_long_name_in_agreement() -> None:
    from bot.source_lines import cut_note
    assert "تسرد الخلاصة ١٠٠٠٠ خبر؛" in cut_note(10_000, 1_000, "ar")  # not «خبرًا»
    assert "تسرد الخلاصة ١٠٥ أخبار؛" in cut_note(105, 100, "ar")
    assert "The feed lists 10000 entries" in cut_note(10_000, 1_000, "en")


async def test_renamesource_counts_the_letters_in_agreement(tmp_path: Path) -> None:
    from digests import sources
    async with running_bot(sample_db(tmp_path)) as h:
        first = sources.list_sources(h.db)[0]
        [long] = await h.say(ADMIN, f"/renamesource {first.id} {'ن' * 105}")
        text = long.plain_text.replace("\u200f", "")
        assert "الاسم طويل: ١٠٥ أحرف، والحد ٨٠ حرفًا" in text, text
