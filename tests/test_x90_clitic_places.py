"""X90 (QA61-8, S1): the proclitic stripping X87 added renamed cities — «/subscribe وجدة» (Oujda)
answered «تمت متابعة «جدة»» (Jeddah), «بريدة» became «ريدة», and the search headers named them so.
A word that is itself a known place or news name (digests.asked_topics.PROCLITIC_PLACES, the news
names, the picker's cities) keeps its first letter; «بسورية», «للغوطة» still lose theirs. Pure
tests, then the real bot against the emulator (sample archive)."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from digests.asked_topics import topic_shown, without_proclitic


@pytest.mark.parametrize("word", ["وجدة", "وجده", "بريدة", "بعقوبة", "فلوجة", "بيروت", "وهران"])
def test_a_place_keeps_its_first_letter(word: str) -> None:
    assert without_proclitic(word) == word
    assert topic_shown(word) == word


@pytest.mark.parametrize(("typed", "bare"), [
    ("بسورية", "سورية"), ("للغوطة", "الغوطة"), ("بدوما", "دوما"), ("وحماس", "حماس"),
    ("بالموصل", "الموصل"), ("وبيروت", "بيروت"), ("بطرابلس", "طرابلس")])
def test_a_proclitic_before_a_name_still_goes(typed: str, bare: str) -> None:
    assert without_proclitic(typed) == bare
    assert topic_shown(typed) == bare


async def test_a_reader_follows_and_searches_oujda_not_jeddah(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/subscribe وجدة")
        assert "«وجدة»" in done.plain_text and "«جدة»" not in done.plain_text, done.plain_text
        [done] = await h.say(READER, "/subscribe بريدة")
        assert "«بريدة»" in done.plain_text, done.plain_text
        [topics] = await h.say(READER, "/topics")
        assert "• وجدة" in topics.plain_text and "• بريدة" in topics.plain_text, topics.plain_text
        found = await h.say(READER, "بريدة")
        assert "«بريدة»" in found[0].plain_text and "«ريدة»" not in found[0].plain_text, (
            found[0].plain_text)
