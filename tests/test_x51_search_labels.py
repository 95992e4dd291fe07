"""X51 (QA36 E6/E7): a search's «🔗» buttons name their story («🔗 روابط الخبر ١: …»), and
«المزيد» / «السابق», which edit the results in place, answer with a toast that says which
results came («النتائج ٦ إلى ١٠ من ١٢»): a silent edit told a screen reader nothing. The real
bot against the emulator, on a real SQLite archive."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import add

from bot.i18n_labels import headline_label
from digests.storage import Database


async def test_result_pages_are_announced_and_link_buttons_named(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as database:
        for n in range(12):
            add(database, 905500 + n, f"زقزلوط يفوز بالجائزة الكبرى في المدينة رقم {n}",
                "فاز زقزلوط بالجائزة.", days_ago=1 + n * 0.01)
    async with running_bot(path) as h:
        [first] = await h.say(READER, "زقزلوط")
        more = await h.click_answer(first, "المزيد")
        assert more.get("text") == "النتائج ٦ إلى ١٠ من ١٢", more
        await h.settle()
        page = next(m for m in h.emu.messages(READER) if m.message_id == first.message_id)
        back = await h.click_answer(page, "السابق")
        assert back.get("text") == "النتائج ١ إلى ٥ من ١٢", back
        [en] = await h.say(READER + 1, "زقزلوط", language_code="en")
        more = await h.click_answer(en, "More")
        assert more.get("text") == "Results 6 to 10 of 12", more


async def test_link_buttons_name_their_story(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        labels = [b for b in msg.button_texts() if b.startswith("🔗")]
        assert labels, msg.button_texts()
        for label in labels:
            number, _, words = label.partition(": ")
            assert number.startswith("🔗 روابط الخبر ") and words, label
            headline = next(line for line in msg.plain_text.split("\n")
                            if line.lstrip("\u200f").startswith(number.split()[-1] + ". "))
            # X79: the words are one isolate (bot.i18n_labels.feed_unit)
            assert headline_label(headline.lstrip("\u200f").split(". ", 1)[1]) == words, headline


async def test_an_english_reader_gets_an_english_example(tmp_path: Path) -> None:
    """QA36 E12: «Type a topic, such as «الغوطة»» was the one English string with an Arabic
    example."""
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "و في", language_code="en")
        assert "Type a topic, such as «Ghouta»." in m.plain_text, m.plain_text
