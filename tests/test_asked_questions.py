"""Questions typed as sentences (QA23 S1), end to end: the real PTB Application against the
emulator on the sample news. A question about an event is answered, headed and followed as the
names of the news it holds; the dialects' words of asking are dropped like «شو صار»."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.asked_topics import asked_topic, topic_text

_MARKS = "\u200e\u200f"


def _body(text: str) -> str:
    return text.split("\n", 1)[1]


def _header(text: str) -> str:
    return text.translate({ord(c): None for c in _MARKS}).split("\n")[0]


@pytest.mark.parametrize("typed, topic", [
    ("ايه اخبار مصر النهاردة", "مصر"), ("عاوز اعرف اخبار السيسي", "السيسي"),
    ("ليش ضربوا دوما", "دوما"), ("مين ربح الانتخابات في مصر؟", "الانتخابات مصر"),
    ("كم عدد القتلى في الغوطة", "الغوطة"), ("كيف الوضع في غزة", "غزة"),
    ("هل انتهت الحرب في سوريا؟", "سوريا"), ("ابغى اخبار السعودية", "السعودية"),
    # a topic's news asked for: the rest is the topic as typed
    ("ما آخر أخبار قمة ترامب كيم", "قمة ترامب كيم"), ("متى الانتخابات اللبنانية", "الانتخابات اللبنانية"),
    # words of asking only at the start, after another: elsewhere they are a topic's words
    ("الوضع الإنساني في غزة", "الوضع الإنساني في غزة"), ("عدد السكان", "عدد السكان"),
    ("ليش", "ليش"),  # nothing else: as typed
])
def test_the_topic_of_a_question(typed: str, topic: str) -> None:
    assert topic_text(typed) == topic


def test_a_question_with_no_name_of_the_news_keeps_its_words() -> None:
    assert asked_topic("ليش ارتفع سعر الذهب") == "ليش ارتفع سعر الذهب"
    assert topic_text("ليش ارتفع سعر الذهب") == "ارتفع سعر الذهب"


async def test_a_question_about_an_event_answers_and_follows_its_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة")
        assert "نتائج «الغوطة»" in _header(topic.plain_text)
        for typed in ("كم عدد القتلى في الغوطة", "كيف الوضع في الغوطة", "ليش قصفوا الغوطة؟"):
            [asked] = await h.say(READER, typed)
            assert _header(asked.plain_text).startswith("نتائج «الغوطة»"), typed
            assert _body(asked.plain_text) == _body(topic.plain_text), typed
        [done] = await h.click(asked, "🔔 تابع هذا الموضوع")
        assert "«الغوطة»" in done.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["الغوطة"]


async def test_subscribe_to_a_question_follows_its_topic(tmp_path: Path) -> None:
    """QA23 S1: `/subscribe كم عدد القتلى في الغوطة` stored the sentence, and its reader got no
    Ghouta alert."""
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/subscribe كم عدد القتلى في الغوطة")
        assert "«الغوطة»" in done.plain_text and "القتلى" not in done.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["الغوطة"]


@pytest.mark.parametrize("typed, shown", [
    ("وبالغوطة", "الغوطة"), ("بدوما", "دوما"), ("وللغوطة", "الغوطة"), ("بسوريا", "سوريا"),
    ("الغـــوطة", "الغوطة"), ("الغُوطَةُ", "الغوطة"), ("#الغوطة_الشرقية", "الغوطة الشرقية"),
    ("ترامب #بوتين", "ترامب بوتين"), ("ايش صاير بدوما", "دوما"), ("شو الوضع بغزة", "غزة"),
    ("الغوووطة", "الغوطة"), ("سوريااا", "سوريا"),  # a letter typed again and again (S9)
    # the analyzer reads these otherwise without the letter: as written
    ("والدة", "والدة"), ("بالغ", "بالغ"), ("بيروت", "بيروت"), ("الغوطة والقصف", "الغوطة والقصف"),
])
def test_the_header_names_the_topic_as_the_news_writes_it(typed: str, shown: str) -> None:
    from digests.asked_topics import topic_shown

    assert topic_shown(typed) == shown


async def test_a_header_drops_clitics_tatweel_and_hashtags(tmp_path: Path) -> None:
    """QA23 S12: «وبالغوطة» was headed «نتائج «وبالغوطة»», «الغـــوطة» with its tatweel."""
    async with running_bot(sample_db(tmp_path)) as h:
        for typed in ("وبالغوطة", "الغـــوطة", "#الغوطة"):
            [got] = await h.say(READER, typed)
            assert _header(got.plain_text).startswith("نتائج «الغوطة»"), typed


def test_a_letter_typed_again_and_again_is_read_once() -> None:
    """QA23 S9: «الغوووطة» and «سوريااا» found nothing and got no suggestion; a doubled letter
    («ممثل») and numbers («1000») are left alone."""
    from digests.query import plan_query, topic_key

    assert plan_query("الغوووطة").terms == plan_query("الغوطة").terms
    assert topic_key("سوريااا") == topic_key("سوريا")
    assert plan_query("ممثل").terms == ("ممثل",) and plan_query("1000").terms == ("1000",)
