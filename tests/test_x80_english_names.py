"""X80 item 6 (X79's left): «Deir ez-Zor» is written with its hyphen in English answers and found
under its other English spellings. An English reader who typed «Deir ez-Zor» was answered about
«Deir ez Zor (دير الزور)» (the label was the table's words capitalized), and «Deir al-Zour»,
«Deir el-Zor», «Dayr az-Zawr» were no known name («I do not know this English spelling»). The
same labelling wrote «Kim Jong UN» (its «un» taken for the acronym).

Real parts: the real Application (PTB) against the emulator, the sample archive (real SQLite).
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.i18n import topic_label
from bot.results_header import results_topic
from digests.topic_names import arabic_topic


async def test_an_english_reader_reads_deir_ez_zor(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        en = h.user(READER, "en")
        [found] = await h.say(READER, "Deir ez-Zor", user=en)
        [other] = await h.say(READER, "Deir al-Zour", user=en)
        [followed] = await h.say(READER, "/subscribe Deir el-Zor", user=en)
        [listed] = await h.say(READER, "/topics", user=en)
    for message in (found, other, followed, listed):
        text = message.plain_text.replace("\u200e", "").replace("\u200f", "")
        assert "Deir ez-Zor" in text and "Deir ez Zor" not in text, text  # before: «ez Zor»
        assert "do not know this English spelling" not in text, text  # before: «al-Zour»
    assert "You now follow «Deir ez-Zor (دير الزور)»" in followed.plain_text.replace(
        "\u200e", ""), followed.plain_text


def test_the_labels_and_spellings() -> None:
    assert topic_label("دير الزور", "en", with_arabic=True) == "Deir ez-Zor (دير الزور)"
    assert results_topic("دير الزور", "en") == "Deir ez-Zor (دير الزور)"
    assert topic_label("كيم جونغ أون", "en") == "Kim Jong-un"
    assert topic_label("دير الزور", "ar") == "دير الزور"
    for spelling in ("Deir ez-Zor", "Deir al-Zour", "Deir el-Zor", "Dayr az-Zawr", "deir ezzor"):
        assert arabic_topic(spelling) == "دير الزور", spelling
