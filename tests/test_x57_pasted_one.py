"""X57 (QA36 E10): a pasted headline that the archive answers by one name only is told so —
one name searched, the article itself maybe not among the results — not «the names in it»;
the real bot, Arabic and English."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

PASTED = "مصر..الاستثمارات الجديدة تقفز 20% لـ5.2 مليار جنيه"


async def test_a_headline_searched_by_one_name_says_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, PASTED)
        assert "بحثت باسم واحد فيه فقط: «مصر»" in ar.plain_text, ar.plain_text
        assert "قد لا يكون خبره نفسه بين النتائج" in ar.plain_text
        [en] = await h.say(READER + 1, PASTED, language_code="en")
        text = en.plain_text.replace("\u200e", "")
        assert "I searched by one name in it only" in text, text


async def test_a_question_read_as_its_name_gets_no_note(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "هو ايه اللي حصل في الغوطة")
        assert "باسم واحد" not in ar.plain_text, ar.plain_text
        assert "الغوطة" in ar.plain_text
