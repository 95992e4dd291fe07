"""QA54-3: Arabic city names after /zone. «/zone عمان», «/zone عمّان», «/zone دمشق», «/zone القدس»
were refused («لم أعرف التوقيت …» and the 31-button picker) while "/zone amman" worked: cities
were read only from the English IANA names, and harakat became spaces («عمّان» → «عم ان»).
«عمان» without harakat is Amman and Oman (UTC+4): both offered as buttons. The real bot against
the emulator, real SQLite.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, BotHarness, running_bot, sample_db

from bot.texts_zones import ZONE_LABELS
from digests.zone_words import typed_zones


def _zone(h: BotHarness) -> str | None:
    row = h.db.db.execute("select time_zone from chats where id = ?", [READER]).fetchone()
    return str(row[0]) if row[0] is not None else None


def test_arabic_cities_name_their_zones() -> None:
    for typed, zone in (("دمشق", "Asia/Damascus"), ("القدس", "Asia/Gaza"),
                        ("بيروت", "Asia/Beirut"), ("بغداد", "Asia/Baghdad"),
                        ("الرياض", "Asia/Riyadh"), ("القاهرة", "Africa/Cairo"),
                        ("عمّان", "Asia/Amman"), ("عُمان", "Asia/Muscat"),
                        ("amman", "Asia/Amman"), ("الاردن", "Asia/Amman")):
        assert typed_zones(typed, ZONE_LABELS) == (zone,), typed
    assert typed_zones("عمان", ZONE_LABELS) == ("Asia/Amman", "Asia/Muscat")
    assert typed_zones("باريسس", ZONE_LABELS) == ()


async def test_zone_by_arabic_city_and_the_ambiguous_amman(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [said] = await h.say(READER, "/zone دمشق")
        assert "لم أعرف" not in said.plain_text and _zone(h) == "Asia/Damascus", said.plain_text
        [said] = await h.say(READER, "/zone عمّان")
        assert _zone(h) == "Asia/Amman", said.plain_text
        # QA54-9: the zone already set is named, not «✅ حُفظت الإعدادات.»
        [said] = await h.say(READER, "/zone الاردن")
        assert "التوقيت: الأردن (UTC+3)، كما كان." in said.plain_text.replace("\u200e", ""), (
            said.plain_text)
        [asked] = await h.say(READER, "/zone عمان")
        assert "أيّ توقيت تقصد" in asked.plain_text, asked.plain_text
        assert asked.button_texts() == ["عمّان (الأردن)", "مسقط (عُمان)"]
        await h.click_answer(asked, "مسقط (عُمان)")
        assert await h.until(lambda: _zone(h) == "Asia/Muscat")
        # another reader, in English
        [asked] = await h.say(READER + 7, "/zone عمان", user=h.user(READER + 7, "en"))
        assert "which of these time zones?" in asked.plain_text, asked.plain_text
        assert asked.button_texts() == ["Amman (Jordan)", "Muscat (Oman)"], asked.button_texts()
