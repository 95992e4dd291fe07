"""Reader-facing wording (QA4 section B) as readers get it through the emulator: labels that say
what they are, gender-free confirmations, «not found» that says what to do."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.i18n import t


async def test_related_buttons_name_the_story_they_belong_to(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        labels = [b for b in msg.button_texts() if b.startswith("🔗")]
        assert labels and all(b.startswith("🔗 روابط الخبر ") for b in labels)
        assert not any("ذات صلة" in b for b in msg.button_texts())


async def test_confirmations_are_gender_free_and_say_already(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe الغوطة")
        assert "ستصلك الأخبار الجديدة" in m.plain_text and "أخباره" not in m.plain_text
        # the share link behind words (QA36 E8: its base64 was read out letter by letter)
        assert "لمشاركة الموضوع: رابط المتابعة (يتابعه من يفتحه)." in m.plain_text
        assert '<a href="https://t.me/' in m.text
        [m] = await h.say(READER, "/subscribe الغوطة")
        assert "أنت تتابع «الغوطة» بالفعل" in m.plain_text


async def test_nothing_found_says_what_to_do(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "زلزال في كوكب المريخ")
        assert "لم أجد أخبارًا عن «زلزال في كوكب المريخ» في الأرشيف" in m.plain_text
        assert "جرّب كلمة أخرى أو تهجئة أخرى" in m.plain_text


def test_the_digest_without_topics_says_latest_and_how_to_follow() -> None:
    assert "أحدث الأخبار" in t("digest_no_subs", "ar") and "أهم" not in t("digest_no_subs", "ar")
    assert "/subscribe الغوطة" in t("digest_no_subs", "ar")
    assert "latest stories" in t("digest_no_subs", "en")
    assert t("quiet_none", "ar") == "غير مفعّلة"
    assert "ومن قالها" in t("welcome", "ar") and "وقائلوها" not in t("welcome", "ar")
