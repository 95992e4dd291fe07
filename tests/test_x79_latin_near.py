"""X79 (QA51 L5): a Latin spelling no table maps («Idleb», «Gouta», «Tal Abyad») was told «write
the name as Arabic news writes it», which an English reader cannot do. The known names nearest
to it are offered as buttons («🔎 Idlib (إدلب)», «🔔 Ghouta (الغوطة)» after /subscribe); a
spelling near none is told what to do in English. Arabic readers keep their answer. The real
bot (PTB) against the emulator, on the sample archive in real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.latin_near import near_topics

_MARKS = str.maketrans("", "", "\u200e\u200f\u2066\u2067\u2069")
CANNOT = "as Arabic news writes it"  # the advice an English reader could not follow


def test_near_topics_are_the_nearest_known_names_only() -> None:
    assert near_topics("Idleb") == ["إدلب"]
    assert near_topics("Gouta") == ["الغوطة"]
    assert near_topics("Eastern Gouta") == ["الغوطة الشرقية"]
    assert near_topics("Hudaydah") == ["الحديدة"]  # transliterated another way
    assert near_topics("Raqqah") == ["الرقة"]  # not also «Makkah», «Rafah» one letter away
    assert near_topics("Yemn") == ["اليمن"]  # not «IMF»: a short name is no near miss
    for far in ("Tal Abyad", "xqzv", "Kylo", "الغوطة", ""):
        assert near_topics(far) == [], far


async def test_an_english_reader_is_offered_the_names_near_a_spelling(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [near] = await h.say(READER, "Gouta", language_code="en")
        text = near.plain_text.translate(_MARKS)
        assert CANNOT not in text and text.endswith("Is it one of these?"), text
        assert [b.translate(_MARKS) for b in near.button_texts()] == ["🔎 Ghouta (الغوطة)"]
        [found] = await h.click(near, near.button_texts()[0])
        assert "Results for «Ghouta (الغوطة)»" in found.plain_text.translate(_MARKS)

        [far] = await h.say(READER, "Tal Abyad", language_code="en")
        text = far.plain_text.translate(_MARKS)
        assert CANNOT not in text and "copy the name from an Arabic headline" in text, text
        assert far.button_texts() == []

        [refused] = await h.say(READER, "/subscribe Idleb", language_code="en")
        text = refused.plain_text.translate(_MARKS)
        assert text.startswith("«Idleb» was not followed") and "Is it one of these?" in text, text
        assert [b.translate(_MARKS) for b in refused.button_texts()] == ["🔔 Idlib (إدلب)"]
        await h.click(refused, refused.button_texts()[0])
        await h.until(lambda: [s.topic for s in subscriptions.list_subscriptions(h.db, READER)]
                      == ["إدلب"])

        [plain] = await h.say(READER, "/subscribe Tal Abyad", language_code="en")
        text = plain.plain_text.translate(_MARKS)
        assert CANNOT not in text and "copied from an Arabic headline" in text, text


async def test_an_arabic_reader_keeps_the_arabic_answer(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "Idleb")
        assert "اكتب الاسم كما تكتبه الأخبار العربية" in m.plain_text and not m.button_texts()
