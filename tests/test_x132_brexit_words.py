"""X132 (QA76-6): «Brexit» with other words is read as «Iran deal» is.

The search reads «Brexit» as «بريكست» (digests.variants.SYNONYMS) and X120 answered the bare word
as «Ghouta»; with another word («brexit news», «Brexit deal», «Brexit yesterday») the header lost
the Arabic name and said no mapping, «#Brexit» was not the bare word, and a share link
`?start=brexit_deal` was refused with advice about countries and cities. The real bot against
the emulator; the archive of test_x120_search_names."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from searchkit import archive

from bot.latin_help import latin_synonym, latin_synonym_in
from digests.storage import Database


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_the_synonym_among_words_and_marks() -> None:
    assert latin_synonym("#Brexit") == latin_synonym("brexit?") == "بريكست"
    assert latin_synonym("brexit news") is None  # not the whole text
    for text in ("brexit news", "Brexit deal", "brexit_deal", "Brexit yesterday"):
        assert latin_synonym_in(text) == "بريكست", text
    assert latin_synonym_in("brexiteers") is None and latin_synonym_in("اخبار Brexit") is None


async def test_brexit_with_another_word_names_its_arabic_topic(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {"en": ("اتفاق حول Brexit", "توصلت لندن وبروكسل إلى اتفاق حول Brexit."),
                     "ar": ("مفاوضات بريكست تتعثر", "تعثرت مفاوضات بريكست بين لندن وبروكسل.")})
    async with running_bot(path) as h:
        for n, typed in enumerate(("brexit news", "Brexit deal")):
            [got] = await h.say(READER + n, typed, language_code="en")
            text = _plain(got.plain_text)
            assert (f"Topics are searched in Arabic: from «{typed}» I searched for «بريكست»."
                    in text), text
            assert "Brexit (بريكست)" in text and "بريكست تتعثر" in text, text
        [got] = await h.say(READER + 5, "#Brexit")
        text = _plain(got.plain_text)
        assert "الموضوعات تُبحث بالعربية: «#Brexit» هو «بريكست»." in text, text


async def test_a_link_naming_brexit_with_a_word_suggests_subscribe_brexit(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start brexit_deal", n=2, language_code="en")
        text = _plain(got[1].plain_text)
        assert "/subscribe Brexit" in text and "nearest city" not in text, text
