"""X57 (QA36 E9): a results header says its range in words — «نتائج «الغوطة»: ١ إلى ٥ من ١٢»,
"Results for «Ghouta (الغوطة)»: 1 to 5 of 12" — not with an en dash a screen reader may skip.
The real bot's search, Arabic and English, and its next page."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db

_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


async def test_the_results_range_is_said_in_words(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "/search الغوطة")
        first = _MARKS.sub("", ar.plain_text.split("\n")[0])
        # X107 (QA68-18): a page holding every result says the count («٤ أخبار»)
        assert re.search(r"نتائج «الغوطة»: (?:١ إلى [٠-٩]+ من [٠-٩]+|[٠-٩]+ أخبار)", first), first
        assert "–" not in first, first
        [en] = await h.say(READER + 1, "/search Ghouta", language_code="en")
        head = next(_MARKS.sub("", line) for line in en.plain_text.split("\n")
                    if line.lstrip("\u200e").startswith("Results for"))
        assert re.search(r"Results for «Ghouta \(الغوطة\)»: (?:1 to [0-9]+ of [0-9]+|[0-9]+ stories)",
                         head), head
        assert "–" not in head, head
