"""X57 (QA36 E12): a query typed with its quote marks is echoed with both in the results header
— «"الغوطة" الشرقية» read as «الغوطة" الشرقية» kept the closing mark and lost the opening one.
The real bot's search; the pure rule for a mark left open stays."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.results_header import closed_quotes

_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


async def test_a_quoted_query_is_echoed_with_both_marks(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, '"الغوطة" الشرقية')
        head = _MARKS.sub("", msg.plain_text.split("\n")[0])
        topic = re.search(r"نتائج «(.+?)»: ", head)
        assert topic, msg.plain_text
        assert topic.group(1).count('"') in (0, 2), head
        if '"' in topic.group(1):
            assert topic.group(1).startswith('"'), head


def test_a_mark_left_open_is_closed_and_a_lone_closing_one_opened() -> None:
    assert closed_quotes('غزة & "حماس') == 'غزة & "حماس"'
    assert closed_quotes('حساب المواطن" يتيح') == '"حساب المواطن" يتيح'
    assert closed_quotes("غزة»") == "«غزة»"
    assert closed_quotes('"غزة" اليوم') == '"غزة" اليوم'
