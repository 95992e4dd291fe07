"""digests.topic_names: English names readers type, mapped to the Arabic topic."""

from __future__ import annotations

import pytest

from digests.query import plan_query
from digests.topic_names import ENGLISH_TOPICS, arabic_topic, is_latin


@pytest.mark.parametrize("text, topic", [
    ("Syria", "سوريا"), ("syria", "سوريا"), ("GAZA", "غزة"), ("eastern_ghouta", "الغوطة الشرقية"),
    ("the UN", "الأمم المتحدة"), ("Trump", "ترامب"), ("Saudi Arabia", "السعودية"),
    ("Houthis", "الحوثيين"), ("Kurds", "الأكراد"), ("Elections?", "الانتخابات"),
])
def test_common_english_names_map_to_the_arabic_topic(text: str, topic: str) -> None:
    assert arabic_topic(text) == topic


def test_arabic_and_unknown_text_map_to_nothing() -> None:
    assert arabic_topic("سوريا") is None and arabic_topic("Syria سوريا") is None
    assert arabic_topic("Zzyzx") is None and arabic_topic("123") is None
    assert is_latin("lebanon vote") and not is_latin("سوريا") and not is_latin("١٢٣")


def test_every_arabic_topic_is_searchable() -> None:
    assert len(ENGLISH_TOPICS) >= 40
    for english, topic in ENGLISH_TOPICS.items():
        assert plan_query(topic).terms, english


@pytest.mark.parametrize("text, topic", [
    ("Gaza Strip", "غزة"), ("iran deal", "إيران"), ("trump news", "ترامب"),
    ("latest on the Houthis", "الحوثيين"), ("Iran nuclear deal", "الاتفاق النووي"),
    ("Trump", "ترامب"), ("tell us about gaza", "غزة"),  # «us» inside a text is the pronoun
    ("Zzyzx news", None), ("سوريا اليوم", None),
])
def test_a_known_name_among_several_latin_words_is_found(text: str, topic: str | None) -> None:
    from digests.topic_names import name_in

    assert name_in(text) == topic


def test_the_example_is_a_name_from_the_text_when_there_is_one() -> None:
    from digests.topic_names import EXAMPLE, example_for

    assert example_for("lebanon vote") == "لبنان"
    assert example_for("Zzyzx") == EXAMPLE
