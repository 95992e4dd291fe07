"""X101 (session 24): an English reader's places and two-word topics.

QA68-10 (S2): "Amman" was answered under «Oman (عمان)» — a wrong country in the bot's own words —
and "Amman Jordan" the same; the English table now names Amman «عمّان» (its shadda: Amman's key
in the search, digests.search_places) and Oman «عُمان». QA68-11 (S2): "Egypt election", "Iraq
elections", "Saudi league" searched the country alone («مصر»: 1 page item of 5 about the vote);
a subject word beside a country is one topic with the country's adjective («الانتخابات المصرية»).
The real bot against the Telegram emulator, over invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from delivery_helpers import add_article, add_source, ctx

from digests.search_index import index_article
from digests.storage import Database
from digests.topic_names import name_in


@pytest.mark.parametrize(("typed", "topic"), [
    ("Amman", "عمّان"),
    ("Amman Jordan", "عمّان"),
    ("Oman", "عُمان"),
    ("Egypt election", "الانتخابات المصرية"),
    ("Egyptian elections", "الانتخابات المصرية"),
    ("Iraq elections", "الانتخابات العراقية"),
    ("Saudi league", "الدوري السعودي"),
    ("US election", "الانتخابات الأمريكية"),
    ("oil prices", "أسعار النفط"),
    ("Egypt", "مصر"),  # a country alone is the country
    ("elections", "الانتخابات"),
])
def test_the_english_topic(typed: str, topic: str) -> None:
    assert name_in(typed) == topic


def test_us_in_a_sentence_is_no_country() -> None:
    assert name_in("tell us about the election") != "الانتخابات الأمريكية"


ARTICLES = (
    ("وزير الخارجية الأردني يستقبل نظيره العراقي في عمان",
     "استقبل وزير الخارجية الأردني في عمان اليوم نظيره العراقي وبحثا العلاقات."),
    ("سلطنة عمان ترحب باتفاق وقف إطلاق النار في اليمن",
     "رحبت سلطنة عمان اليوم باتفاق وقف إطلاق النار، وقالت وزارة الخارجية في مسقط إنه خطوة."),
    ("الانتخابات المصرية: إقبال في اليوم الأول",
     "شهدت الانتخابات المصرية إقبالا في يومها الأول."),
    ("مصر تخسر مباراتها الودية", "خسر منتخب مصر مباراته الودية أمس."),
)


async def test_the_bot_names_amman_and_keeps_the_election(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        source = add_source(db, "news")
        for title, body in ARTICLES:
            article = add_article(db, source, title, body=body)
            with db.transaction() as tx:
                index_article(tx, article, ctx())
    async with running_bot(path) as h:
        await h.say(READER, "/lang en")
        got = "\n".join(m.plain_text for m in await h.say(READER, "Amman"))
        assert "Results for «Amman (عمّان" in got and "Oman" not in got, got
        assert "نظيره العراقي" in got and "سلطنة عمان ترحب" not in got, got
        got = "\n".join(m.plain_text for m in await h.say(READER, "Egypt election"))
        assert "الانتخابات المصرية" in got and "مباراتها الودية" not in got, got


@pytest.mark.parametrize(("typed", "topic"), [
    ("Iran and the UK election", "الانتخابات البريطانية"),  # the country beside the word
    ("Iranian nuclear deal and elections", "الاتفاق النووي"),  # no country beside: the longer name
    ("election results in Egypt", "الانتخابات المصرية"),
    ("Egypt presidential election", "الانتخابات المصرية"),
    ("news of the Saudi Arabia league", "الدوري السعودي"),
])
def test_a_subject_word_takes_the_country_beside_it(typed: str, topic: str) -> None:
    """«beside a country» (subject_topic): not the first country anywhere in the text, which
    made "Iran and the UK election" the Iranian elections and took "Iranian nuclear deal and
    elections" from the nuclear deal (the longer name, which wins without a subject word)."""
    assert name_in(typed) == topic
