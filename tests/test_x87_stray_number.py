"""X87 (QA58-8): «1» typed alone in a private chat (an item picked from a list that had no
buttons) was searched and answered «نتائج «1»: ١ إلى ١ من ١» with a 2018 inflation story that
happens to write a «1» — read as a wrong fact. A number of up to three digits alone is no
question: it is asked for a topic's name, as «١٢٣» was when nothing matched. A year is still
searched. The real bot against the emulator (sample archive)."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_a_digit_alone_is_asked_for_a_name(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [one] = await h.say(READER, "1")
        [arabic] = await h.say(READER, "١")
        [en] = await h.say(READER + 1, "1", language_code="en")
    for m in (one, arabic):
        assert "نتائج" not in m.plain_text and "اكتب اسم موضوع" in m.plain_text, m.plain_text
        assert m.button_texts() == []
    assert "Results" not in en.plain_text and "Type a topic's name" in en.plain_text, (
        en.plain_text)
