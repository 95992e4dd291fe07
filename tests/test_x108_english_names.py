"""QA70-2 (S3): English «Umrah» was refused as «not the name of a topic» while «Amman»,
«Egypt election» and «Rohingya» worked (X101): an English reader following Umrah news got
nothing. Now «Umrah» is «العمرة», with a few more names of this corpus's news an English reader
types («Ahvaz», «Land Day», «Great March of Return», «Tal Rifaat»).

Real parts: digests.topic_names, and the bot against the emulator (tests/botkit.py) on a real
SQLite archive.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.topic_names import name_in


@pytest.mark.parametrize(("typed", "topic"), [
    ("Umrah", "العمرة"), ("umra", "العمرة"), ("Umrah news", "العمرة"),
    ("Ahvaz", "الأحواز"), ("Ahwaz protests", "الأحواز"), ("Land Day", "يوم الأرض"),
    ("Great March of Return", "مسيرة العودة"), ("Tal Rifaat", "تل رفعت"),
])
def test_english_names_of_this_corpus_s_news(typed: str, topic: str) -> None:
    assert name_in(typed) == topic


async def test_an_english_reader_follows_umrah(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [one] = await h.say(READER, "/subscribe Umrah", language_code="en")
        [several] = await h.say(READER + 1, "/subscribe Umrah, Gaza", language_code="en")
        one_topics = subscriptions.list_subscriptions(h.db, READER)
        several_topics = subscriptions.list_subscriptions(h.db, READER + 1)
    assert "not the name" not in one.plain_text and "Umrah" in one.plain_text, one.plain_text
    assert "not the name" not in several.plain_text, several.plain_text
    assert [s.topic for s in one_topics] == ["العمرة"], one_topics
    assert sorted(s.topic for s in several_topics) == ["العمرة", "غزة"], several_topics
