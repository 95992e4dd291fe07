"""QA47 Z2, Z3, Z8, Z9, Z11: what the bot says about hours and zones. The real bot against the
emulator, real SQLite.

- Z2/Z9: an hour shown to a reader names its zone (the first-alert note inside quiet hours, the
  daily confirmation and toast, the quiet-hours picker and toast) and the Arabic /start says the
  times are Riyadh's and how to change them (the English one said UTC; the Arabic nothing).
- Z3: the Arab League members that were missing, Turkey, two more American zones and Australia.
- Z8: /zone (named by the README), /timezone and «التوقيت» / "time zone" typed show the zone
  picker: they answered «لا أعرف الأمر» or searched the news for «التوقيت».
- Z11: a zone button for a zone no longer offered is refused; it set UTC+3.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY, button
from digests.zone_words import asks_for_zone

RIYADH = "بتوقيت السعودية (UTC+3)"


def _plain(text: object) -> str:
    """A message's or toast's text without the LRMs that keep Latin runs in order in Arabic."""
    return str(getattr(text, "plain_text", text)).replace("\u200e", "")


def _zone(h) -> str | None:  # type: ignore[no-untyped-def]
    row = h.db.db.execute("select time_zone from chats where id = ?", [READER]).fetchone()
    return str(row[0]) if row[0] is not None else None


def test_zone_questions_are_told_from_searches() -> None:
    for asked in ("التوقيت", "تغيير التوقيت", "كيف اغير التوقيت؟", "المنطقة الزمنية", "timezone",
                  "Change my time zone?"):
        assert asks_for_zone(asked), asked
    for topic in ("توقيت المباراة", "time zone of Gaza", "سوريا", "التوقيت الصيفي", "الوقت"):
        assert not asks_for_zone(topic), topic


async def test_zone_command_words_and_new_zones(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [start] = await h.say(READER, "/start")
        # the Arabic /start names the zone and where to change it (the English one did: Z2)
        assert f"الأوقات (النشرة اليومية وساعات الهدوء) {RIYADH}" in _plain(start)
        assert "/zone" in _plain(start)
        for asked in ("/zone", "/timezone", "التوقيت"):
            [picker] = await h.say(READER, asked)
            assert "اختر توقيتك" in _plain(picker), asked  # not «لا أعرف الأمر», no search
            assert "التوقيت الآن: السعودية (UTC+3)" in _plain(picker)
            labels = picker.button_texts()
            for zone in ("الصومال", "جيبوتي", "جزر القمر", "البحرين", "تركيا",
                         "شيكاغو ووسط أمريكا", "لوس أنجلوس وفانكوفر", "سيدني وملبورن"):
                assert zone in labels, zone
            assert "🔔 تابع هذا الموضوع" not in labels  # the zone is no topic to follow
        answer = await h.click_answer(picker, "تركيا")
        assert "تركيا (UTC+3)" in _plain(answer.get("text"))
        await h.until(lambda: _zone(h) == "Europe/Istanbul")
        [picker] = await h.say(READER, "/zone")  # the last one became the settings menu
        answer = await h.click_answer(picker, "لوس أنجلوس وفانكوفر")
        await h.until(lambda: _zone(h) == "America/Los_Angeles")
        assert "UTC−" in _plain(answer.get("text"))
        en = h.user(READER + 1, "en")
        [picker_en] = await h.say(READER + 1, "time zone", user=en)
        assert "Choose your time zone" in _plain(picker_en)
        assert "Sydney, Melbourne" in picker_en.button_texts()


async def test_a_stale_zone_button_is_refused(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        [picker] = await h.say(READER, "/zone")
        rt = h.app.bot_data[RUNTIME_KEY]
        # a button of a zone the picker once offered and no longer does
        stale = button(rt, READER, "أتلانتس", "zone", {"zone": "Atlantic/Atlantis"})
        answer = await h.click_answer(picker, data=stale.callback_data)
        assert "لم يعد بين الخيارات" in _plain(answer.get("text"))
        assert _zone(h) == "Asia/Riyadh"  # was: a fixed UTC+3, the zone dropped
        london = button(rt, READER, "x", "zone", {"zone": "Europe/London"})
        await h.click_answer(picker, data=london.callback_data)
        await h.until(lambda: _zone(h) == "Europe/London")


async def test_hours_are_said_with_their_zone(tmp_path: Path) -> None:
    night = [datetime(2026, 3, 27, 21, 30, tzinfo=UTC)]  # 00:30 in Riyadh: quiet 23–07
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.clock = lambda: night[0]
        await h.say(READER, "/start")
        [followed] = await h.say(READER, "/subscribe تركيا")
        # was «يصل أول تنبيه عند ٧:٠٠» (5:00 for a reader in Morocco who never chose a zone)
        assert f"يصل أول تنبيه عند ٧:٠٠ {RIYADH}" in _plain(followed)
        [menu] = await h.say(READER, "/settings")
        await h.click(menu, "🌙 ساعات الهدوء", n=0)

        def shown(label: str) -> list:  # type: ignore[type-arg]
            return [m for m in h.emu.messages(READER) if m.message_id == menu.message_id
                    and label in m.button_texts()]

        await h.until(lambda: shown("٢٢:٠٠ إلى ٧:٠٠"))
        [quiet] = shown("٢٢:٠٠ إلى ٧:٠٠")
        assert "التوقيت الآن: السعودية (UTC+3)" in _plain(quiet)  # Z9: it named none
        answer = await h.click_answer(quiet, "٢٢:٠٠ إلى ٧:٠٠")
        assert f"من ٢٢:٠٠ إلى ٧:٠٠ {RIYADH}" in _plain(answer.get("text"))
        await h.until(lambda: shown("🗓 يومية"))
        [menu] = shown("🗓 يومية")
        await h.click(menu, "🗓 يومية", n=0)
        await h.until(lambda: shown("٨:٠٠"))
        [hours] = shown("٨:٠٠")
        answer = await h.click_answer(hours, "٨:٠٠")
        assert f"نشرة يومية الساعة ٨:٠٠ {RIYADH}" in _plain(answer.get("text"))
        [followed] = await h.say(READER, "/subscribe لبنان")
        assert f"في نشرتك اليومية الساعة ٨:٠٠ {RIYADH}" in _plain(followed)


def test_typed_offsets_and_zones() -> None:
    from bot.texts_zones import ZONE_LABELS
    from digests.zone_words import typed_offset, typed_zones

    assert [typed_offset(s) for s in ("+3", "UTC-4", "GMT+5:30", "+٣", "-12", "+14")] == [
        180, -240, 330, 180, -720, 840]
    assert [typed_offset(s) for s in ("+15", "+3:20", "3", "abc")] == [None] * 4
    assert typed_zones("تركيا", ZONE_LABELS) == typed_zones("istanbul", ZONE_LABELS) == (
        "Europe/Istanbul",)
    assert typed_zones("Los_Angeles", ZONE_LABELS) == ("America/Los_Angeles",)
    assert typed_zones("Paris", ZONE_LABELS) == ()  # delivery reads the picker's zones only


async def test_a_zone_or_an_offset_typed_after_the_command(tmp_path: Path) -> None:
    """QA47 Z3: no zone outside the picker could be set, and nothing could be typed."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        [said] = await h.say(READER, "/zone +5:30")
        assert "التوقيت: UTC+5:30" in _plain(said) and "لا يتبع التوقيت الصيفي" in _plain(said)
        row = h.db.db.execute("select time_zone, utc_offset_minutes from chats where id = ?",
                              [READER]).fetchone()
        assert tuple(row) == (None, 330)
        [said] = await h.say(READER, "/timezone تركيا")
        assert "التوقيت: تركيا (UTC+3)" in _plain(said)
        assert _zone(h) == "Europe/Istanbul"
        [picker] = await h.say(READER, "/zone Paris")
        assert "لم أعرف التوقيت «Paris»" in _plain(picker) and "مصر" in picker.button_texts()
        assert _zone(h) == "Europe/Istanbul"  # unchanged
