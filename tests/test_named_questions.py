"""Everyday phrasings answered by the names they hold (QA24 R1), a country's adjective kept
(R2): digests.named_questions on a real SQLite archive, and the real PTB bot on the emulator.

QA24 typed «قديش عدد القتلى بالغوطة», «شكو ماكو بالعراق», «هو ايه اللي حصل في غزة» and «اريد
اعرف اخبار ترامب»: nothing, or old stories, and /subscribe stored the sentence. A topic of
several words the archive covers («قمة ترامب كيم», «قصف الغوطة») keeps its words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import add

from digests import subscriptions
from digests.asked_topics import described_names, nisba_of, topic_text
from digests.named_questions import KNOWN_NAME, named_topic
from digests.storage import Database

_MARKS = "\u200e\u200f"


@pytest.fixture
def db(database: Database) -> Database:
    n = 0

    def article(title: str, body: str) -> None:
        nonlocal n
        n += 1
        add(database, n, title, body)

    for i in range(20):  # «ترامب»'s news
        article(f"ترامب يوقع قرارا رقم {i}", "قال الرئيس الأمريكي دونالد ترامب إن القرار نهائي.")
    article("قمة ترامب كيم في موعدها", "أكد البيت الأبيض أن قمة ترامب كيم تعقد في مايو.")
    article("قمة ترامب كيم: ماذا نعرف", "تستعد سنغافورة لاستضافة قمة ترامب كيم.")
    article("ترامب وكيم قبل القمة", "قال ترامب إن كيم يريد القمة.")
    article("ترامب: لا أريد حربا", "قال ترامب «لا اريد حربا تجارية».")  # «اريد» once beside him
    for town in ("الغوطة", "العراق", "غزة", "المغرب", "اليمن", "إيران", "إدلب", "عفرين", "ليبيا",
                 "سوريا", "تونس", "البحرين", "السيسي", "الموصل"):
        for day in range(KNOWN_NAME):  # a name the archive knows: a word never beside it is odd
            article(f"قصف {town} لليوم {day}", f"تواصل قصف {town} اليوم وسط تحذيرات.")
    return database


@pytest.mark.parametrize("typed, topic", [
    # QA24 R1, as typed
    ("قديش عدد القتلى بالغوطة", "الغوطة"), ("شكو ماكو بالعراق", "العراق"),
    ("هو ايه اللي حصل في غزة", "غزة"), ("اريد اعرف اخبار ترامب", "ترامب"),
    ("حد عارف ايه اللي بيحصل في غزة", "غزة"), ("واش كاين شي جديد على المغرب", "المغرب"),
    # Gulf
    ("ابي اعرف وش صاير في اليمن", "اليمن"), ("وش السالفة مع إيران", "إيران"),
    # Levantine
    ("بدي شوف شو عم يصير بإدلب", "إدلب"), ("شو القصة بعفرين", "عفرين"),
    # Egyptian
    ("عايز اعرف حاجة عن السيسي", "السيسي"), ("ايه الحكاية في سوريا", "سوريا"),
    # Iraqi
    ("شكو اخبار الموصل", "الموصل"), ("شنو السالفة بالعراق هسه", "العراق"),
    # Maghrebi
    ("كيفاش داير الوضع فليبيا", "ليبيا"), ("شنهي آخر أخبار تونس", "تونس"),
    ("شحال من واحد مات فسوريا", "سوريا"),
])
def test_an_everyday_phrasing_is_its_names(db: Database, typed: str, topic: str) -> None:
    assert named_topic(db.db, typed) == topic


@pytest.mark.parametrize("typed", [
    "ما آخر أخبار قمة ترامب كيم",  # the phrase is in 2 articles, the words in 3 of 24
    "المفوضية السامية للأمم المتحدة لشؤون اللاجئين",  # a name: no word of asking
    "قصف الغوطة",                  # a phrase of the archive
    "ترامب الغوطة",                # only names
    "انصار الله",                  # a name of a synonym group, not «الحوثيين»
    "الغوطة", "اسعار الذهب",       # one word; no name of the news
    "Trump news",                  # Latin: digests.topic_names' rules
    "كم عدد القتلى في الغوطة",      # a question about an event: digests.asked_topics.asked_topic
])
def test_a_covered_topic_or_a_name_keeps_its_words(db: Database, typed: str) -> None:
    assert named_topic(db.db, typed) == typed


def test_coverage_is_counted_not_assumed(database: Database) -> None:
    """Without the summit's articles «قمة ترامب كيم» is a sentence like another: its name. With
    «ترامب» in fewer than KNOWN_NAME articles, a word the archive lacks proves nothing."""
    for i in range(KNOWN_NAME - 1):
        add(database, i + 1, "ترامب يوقع قرارا", "قال ترامب إن القرار نهائي.")
    assert named_topic(database.db, "قمة ترامب كيم") == "قمة ترامب كيم"
    add(database, KNOWN_NAME, "ترامب يوقع قرارا", "قال ترامب إن القرار نهائي.")
    # «كيم» is a name of the news too since X138 (QA78-19: «Kim» → «كيم»)
    assert named_topic(database.db, "ما آخر أخبار قمة ترامب كيم") == "ترامب كيم"
    assert named_topic(database.db, "اريد اعرف اخبار ترامب") == "ترامب"  # a word of asking


@pytest.mark.parametrize("typed, topic", [
    ("مين فاز بالانتخابات المصرية", "الانتخابات المصرية"),
    ("من فاز في الانتخابات المصرية", "الانتخابات المصرية"),
    ("وين وصلت الانتخابات المصرية", "الانتخابات المصرية"),
    ("ليش ضربوا دوما", "دوما"), ("مين ربح الانتخابات في مصر؟", "الانتخابات مصر"),
])
def test_a_countrys_adjective_stays_with_its_name(typed: str, topic: str) -> None:
    """QA24 R2: «المصرية» was dropped, and «الانتخابات» alone found Stormy Daniels at #4."""
    assert topic_text(typed) == topic


@pytest.mark.parametrize("key, name", [
    ("مصريه", "مصر"), ("مصريين", "مصر"), ("سوري", "سوريا"), ("عراقيه", "العراق"),
    ("امريكيه", "أمريكا"), ("لبنانيون", "لبنان"), ("روسيه", "روسيا"), ("يمني", "اليمن"),
    ("شرقيه", None), ("دوليه", None), ("عربي", None), ("رئيسي", None),
])
def test_nisba_adjectives(key: str, name: str | None) -> None:
    assert nisba_of(key) == name


def test_the_adjective_is_written_as_typed() -> None:
    assert described_names("فاز حزب الله اللبناني في بيروت") == ["حزب الله اللبناني", "بيروت"]
    assert described_names("الانتخابات السورية") == ["الانتخابات السورية"]
    assert described_names("الجيش السوري") == []  # «الجيش» is no name of the news


def _header(text: str) -> str:
    return text.translate({ord(c): None for c in _MARKS}).split("\n")[0]


async def test_the_bot_answers_and_follows_the_name(tmp_path: Path) -> None:
    """The emulator: the answer to the sentence is «الغوطة»'s, headed «الغوطة»; its follow
    button, and /subscribe of the sentence, store «الغوطة»."""
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة")
        for typed in ("قديش عدد القتلى بالغوطة", "شكو ماكو بالغوطة", "هو ايه اللي حصل في الغوطة",
                      "اريد اعرف اخبار الغوطة"):
            [asked] = await h.say(READER, typed)
            assert _header(asked.plain_text).startswith("نتائج «الغوطة»"), typed
            assert asked.plain_text.split("\n", 1)[1] == topic.plain_text.split("\n", 1)[1]
        [done] = await h.click(asked, "🔔 تابع هذا الموضوع")
        assert "«الغوطة»" in done.plain_text
        [again] = await h.say(READER, "/subscribe قديش عدد القتلى بدمشق")
        assert "«دمشق»" in again.plain_text and "قديش" not in again.plain_text
        [long] = await h.say(READER, "/subscribe حد عارف ايه اللي بيحصل في سوريا")  # 7 words
        assert "«سوريا»" in long.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == [
            "الغوطة", "دمشق", "سوريا"]


async def test_a_second_name_of_a_group_is_followed_already(tmp_path: Path) -> None:
    """QA24 R5: «/subscribe أنصار الله» after «الحوثي» made a second topic."""
    async with running_bot(sample_db(tmp_path)) as h:
        [first] = await h.say(READER, "/subscribe الحوثي")
        assert "تمت متابعة «الحوثي»" in first.plain_text
        [second] = await h.say(READER, "/subscribe أنصار الله")
        assert "أنت تتابع «الحوثي» بالفعل" in second.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["الحوثي"]
