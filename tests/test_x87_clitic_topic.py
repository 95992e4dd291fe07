"""X87 (QA57-4): a topic typed with a proclitic («بسورية», «وسوريا», «للغوطة») was followed and
shown as typed — «🔔 تمت متابعة «بسورية»», «• بسورية» in /topics, every alert headed «بسورية» —
while the search already answered «نتائج «سورية»». A followed topic is now stored and shown as the
search's header names it (digests.asked_topics.topic_shown); its key was already the same. The
real bot against the emulator (sample archive)."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_a_topic_typed_with_a_clitic_is_followed_without_it(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/subscribe بسورية")
        assert "«سورية»" in done.plain_text and "بسورية" not in done.plain_text, done.plain_text
        [again] = await h.say(READER, "/subscribe وسوريا")  # the same topic: already followed
        assert "بالفعل" in again.plain_text and "«سورية»" in again.plain_text, again.plain_text
        [ghouta] = await h.say(READER, "/subscribe للغوطة")
        assert "«الغوطة»" in ghouta.plain_text, ghouta.plain_text
        [topics] = await h.say(READER, "/topics")
        assert "• سورية" in topics.plain_text and "• الغوطة" in topics.plain_text, (
            topics.plain_text)
        assert "بسورية" not in topics.plain_text and "للغوطة" not in topics.plain_text
        [gone] = await h.say(READER, "/unsubscribe سوريا")
        assert "«سورية»" in gone.plain_text, gone.plain_text


async def test_the_search_header_and_the_follow_agree(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [found] = await h.say(READER, "بسورية")
        assert "نتائج «سورية»" in found.plain_text, found.plain_text
        [done] = await h.say(READER, "/subscribe بسورية")
        assert "«سورية»" in done.plain_text, done.plain_text


async def test_words_that_only_look_like_a_clitic_stay(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/subscribe بيروت")
        assert "«بيروت»" in done.plain_text, done.plain_text
        [done] = await h.say(READER, "/subscribe لبنان")
        assert "«لبنان»" in done.plain_text, done.plain_text


async def test_an_english_reader_sees_syria(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        en = h.user(READER, "en")
        [done] = await h.say(READER, "/subscribe بسورية", user=en)
        assert "«Syria (سورية)»" in done.plain_text, (
            done.plain_text)
        [topics] = await h.say(READER, "/topics", user=en)
        assert "Syria" in topics.plain_text, topics.plain_text


async def test_only_the_proclitic_goes(tmp_path: Path) -> None:
    """Harakat stay as typed («عمّان» is Amman, not «عمان» Oman, to its reader); words of asking
    go first («ما أخبار بسورية» is «سورية»)."""
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/subscribe عمّان")
        assert "«عمّان»" in done.plain_text, done.plain_text
        [done] = await h.say(READER, "/subscribe ما أخبار بسورية")
        assert "«سورية»" in done.plain_text, done.plain_text
