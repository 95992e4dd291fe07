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


@pytest.mark.parametrize("text, topic", [
    ("Syrian", "سوريا"), ("syrians", "سوريا"), ("Iranian", "إيران"), ("Egyptian", "مصر"),
    ("Russian", "روسيا"), ("Turkish", "تركيا"), ("Turks", "تركيا"), ("Israelis", "إسرائيل"),
    ("Palestinians", "فلسطين"), ("Lebanese", "لبنان"), ("Saudi", "السعودية"),
    ("Kurdish", "الأكراد"),
])
def test_the_adjectives_of_the_names_map_to_the_name(text: str, topic: str) -> None:
    from digests.topic_names import is_adjective, name_in

    assert arabic_topic(text) == topic and name_in(text) == topic
    assert is_adjective(text) == (text != "Saudi")  # «Saudi» is a name of its own


def test_an_adjective_inside_a_text_is_found_and_names_are_not_adjectives() -> None:
    from digests.topic_names import is_adjective, name_in

    assert name_in("Syrian army advances") == "سوريا"
    assert name_in("Iranian nuclear deal") == "الاتفاق النووي"  # the longer name wins
    assert not is_adjective("Syria") and not is_adjective("Kurds") and not is_adjective("سوري")


def test_every_adjective_comes_from_a_name_in_the_table() -> None:
    from digests.topic_names import ENGLISH_ADJECTIVES

    assert len(ENGLISH_ADJECTIVES) >= 25
    for adjective, name in ENGLISH_ADJECTIVES.items():
        assert name in ENGLISH_TOPICS, adjective
        assert adjective not in ENGLISH_TOPICS, adjective  # one meaning per word


@pytest.mark.parametrize("text,topic", [
    ("🇸🇾", "سوريا"), (" 🇸🇾 🇸🇾 ", "سوريا"), ("🇺🇸", "أمريكا"), ("🇵🇸", "فلسطين"),
    ("🇸🇾🇪🇬", None), ("🇩🇪", None), ("🔥", None), ("سوريا", None), ("", None),
])
def test_a_flag_typed_alone_is_its_country(text: str, topic: str | None) -> None:
    """QA18 R13: «🇸🇾» was answered with an explanation about stop letters."""
    from digests.topic_names import flag_topic, name_in

    assert flag_topic(text) == topic
    assert arabic_topic(text) == topic and name_in(text) == topic


def test_every_flag_names_a_known_topic() -> None:
    from digests.topic_names import FLAGS, NEWS_NAMES

    assert all(FLAGS[code] in ENGLISH_TOPICS for code in FLAGS)
    assert "الغوطة الشرقية" in NEWS_NAMES and len(set(NEWS_NAMES)) == len(NEWS_NAMES)


@pytest.mark.parametrize("text, topic", [
    # QA23 S2: the «Un» of «Kim Jong Un» is a syllable of his name, not the United Nations
    ("Kim Jong Un", "كيم جونغ أون"), ("kim jong un", "كيم جونغ أون"),
    ("Kim Jong-un summit", "كيم جونغ أون"), ("Kim Jong Un visit", "كيم جونغ أون"),
    ("un envoy", None), ("tell us about gaza", "غزة"), ("TELL US ABOUT GAZA", "غزة"),
    # an acronym written as one still counts inside a longer text, and alone
    ("UN envoy", "الأمم المتحدة"), ("US sanctions", "أمريكا"), ("the UN", "الأمم المتحدة"),
    ("Un", "الأمم المتحدة"),
    # a person's full name is matched whole (QA23 S3)
    ("Donald Trump", "ترامب"), ("Mohamed Salah", "محمد صلاح"), ("MBS", "محمد بن سلمان"),
    ("#Syria", "سوريا"), ("Skripal", "سكريبال"),
])
def test_an_alias_is_not_taken_from_inside_a_longer_name(text: str, topic: str | None) -> None:
    from digests.topic_names import name_in

    assert name_in(text) == topic


def test_no_short_alias_is_read_inside_another_alias() -> None:
    """Every acronym of the table, put inside a longer name in lower case, is not found."""
    from digests.topic_names import ACRONYMS, name_in

    for acronym in ACRONYMS & set(ENGLISH_TOPICS):
        assert name_in(f"zzyzx qwerty {acronym}") is None, acronym
        assert name_in(f"zzyzx {acronym.upper()}") == ENGLISH_TOPICS[acronym], acronym
