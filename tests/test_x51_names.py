"""X51 (QA36 E2/E3): English and transliterated names readers type — football, titles, more
places and people, «Erdoğan», «alghouta» — are read as their Arabic topic; a search that left
out a word is headed by what it searched; /subscribe of an unknown Latin name proposes no
unrelated topic. The real bot against the emulator, on a real SQLite archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import add

from digests import subscriptions as subs
from digests.storage import Database
from digests.topic_names import ENGLISH_TOPICS, arabic_topic, name_in
from digests.topic_names_more import MORE_TOPICS, fold


def header(text: str) -> str:
    """The topic a results header names («Results for «X»: 1–3 of 3» → «X»)."""
    found = re.search(r"(?:Results for|نتائج) «(.+?)»: ", re.sub("[\u200e\u200f\u2066-\u2069]", "", text))
    assert found, text
    return found.group(1)


@pytest.mark.parametrize("typed, topic", [
    ("Champions League", "دوري أبطال أوروبا"), ("Real Madrid", "ريال مدريد"),
    ("Messi", "ميسي"), ("Barcelona", "برشلونة"), ("crown prince", "ولي العهد"),
    ("Saudi crown prince", "ولي العهد السعودي"), ("Erdoğan", "أردوغان"),
    ("alghouta", "الغوطة"), ("Ghuta", "الغوطة"), ("al-Ghouta", "الغوطة"),
    ("Security Council", "مجلس الأمن"), ("Hodeidah", "الحديدة"),
])
def test_names_and_spellings(typed: str, topic: str) -> None:
    assert arabic_topic(typed) == topic


def test_no_two_names_fold_alike_and_common_words_name_nothing() -> None:
    folded: dict[str, set[str]] = {}
    for english, arabic in {**ENGLISH_TOPICS, **MORE_TOPICS}.items():
        folded.setdefault(fold(english), set()).add(arabic)
    assert not {k: v for k, v in folded.items() if len(v) > 1}
    for word in ("real", "all", "also", "else", "the world", "what is new", "good food"):
        assert name_in(word) is None, word


async def test_the_bot_reads_english_names_and_heads_what_it_searched(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as database:
        for n in range(3):
            add(database, 905100 + n, f"ريال مدريد يفوز في دوري أبطال أوروبا رقم {n}",
                "فاز ريال مدريد على باريس سان جيرمان في دوري أبطال أوروبا.")
            add(database, 905200 + n, f"أردوغان يزور الغوطة رقم {n}", "زار أردوغان الغوطة.")
        add(database, 905300, "هاتف Nokia الجديد", "أعلنت Nokia هاتفا جديدا.")
    async with running_bot(path) as h:
        [real] = await h.say(READER, "Real Madrid", language_code="en")
        assert header(real.plain_text) == "Real Madrid (ريال مدريد)", real.plain_text
        assert "ريال مدريد يفوز" in real.plain_text
        [league] = await h.say(READER, "/search Champions League")
        assert "ريال مدريد يفوز في دوري أبطال أوروبا" in league.plain_text, league.plain_text
        [erdogan] = await h.say(READER, "Erdoğan")
        assert "أردوغان يزور الغوطة" in erdogan.plain_text, erdogan.plain_text
        [ghouta] = await h.say(READER, "alghouta")
        assert "أردوغان يزور الغوطة" in ghouta.plain_text, ghouta.plain_text
        # a word the archive never holds is left out, and the header says so: not the whole text
        # («Real Madrid» was searched as «Real» and headed «Results for «Real Madrid»»)
        [part] = await h.say(READER, "Nokia Zorblax")
        assert "Zorblax" in part.plain_text.split("\n")[0], part.plain_text  # the note says it
        assert header(part.plain_text) == "Nokia", part.plain_text
        assert "Nokia" in part.plain_text.split("\n")[3], part.plain_text


async def test_subscribe_english_names_and_no_unrelated_example(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        [done] = await h.say(READER, "/subscribe Champions League", language_code="en")
        assert "Champions League (دوري أبطال أوروبا)" in done.plain_text, done.plain_text
        [crown] = await h.say(READER, "/subscribe crown prince")
        assert "ولي العهد" in crown.plain_text, crown.plain_text
        topics = {s.topic for s in subs.list_subscriptions(h.db, READER)}
        assert topics == {"دوري أبطال أوروبا", "ولي العهد"}
        [refused] = await h.say(READER, "/subscribe Zorblax Quintar")
        assert "was not followed" in refused.plain_text, refused.plain_text
        assert "Syria" not in refused.plain_text and "سوريا" not in refused.plain_text
        [named] = await h.say(READER, "/subscribe lebanon vote")
        assert "/subscribe Lebanon" in named.plain_text, named.plain_text
