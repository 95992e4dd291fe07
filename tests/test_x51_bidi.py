"""X51 (QA36 E1/E11): in the English interface the Arabic clause of «According to X: …» is laid
out as the right-to-left sentence it is, and a source name with a digit or a dot («فرانس 24»,
«العربية.نت») is not split — checked with python-bidi (the Unicode bidi algorithm, base
direction from the first strong character, as Telegram clients do) on the lines the real bot
sends."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import NOW, add

from bot.lines import byline, line_text
from digests.digest import store_digest
from digests.processing import StoreContext
from digests.settings import Settings
from digests.storage import Database

_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def shown(line: str, base: str | None = None) -> str:
    """A line as a client lays it out (marks removed from the result)."""
    from bidi import get_display

    return _MARKS.sub("", get_display(line) if base is None else get_display(line, base_dir=base))


def test_source_names_with_a_digit_or_a_dot_stay_whole() -> None:
    for name in ("فرانس 24", "العربية.نت"):
        line = line_text(byline(f"{name} · 14 Mar 2018", "en"))
        assert shown(line) == f"{shown(name, 'R')} · 14 Mar 2018", line


async def test_the_reported_clause_is_laid_out_right_to_left(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    clauses = {
        "quote": 'ما يحصل في اليمن "جرائم حرب"',
        "number": "25% من السويديين يؤيدون القرار الجديد",
        "latin": "الناس يستخدمون تطبيقات مثل WhatsApp و Instagram كل يوم",
    }
    with Database(path) as database:
        for n, clause in enumerate(clauses.values()):
            article = add(database, 905400 + n, f"زقزلوط يتحدث عن القرار رقم {n}",
                          f"وقال الرئيس حسن روحاني في مؤتمر صحفي إن {clause}.",
                          source="فرانس 24")
            with database.transaction() as sql:  # its key quotes, as the ingest step finds them
                store_digest(sql, article, StoreContext(now=NOW, settings=Settings()))
    async with running_bot(path) as h:
        [msg] = await h.say(READER, "/search زقزلوط", language_code="en")
        lines = [line for line in msg.plain_text.split("\n") if "According to" in line]
        assert len(lines) == 3, msg.plain_text
        for line in lines:
            clause = next(c for c in clauses.values() if c in _MARKS.sub("", line))
            assert shown(line).endswith(": " + shown(clause, "R")), (line, shown(line))
        bylines = [line for line in msg.plain_text.split("\n") if "فرانس" in line]
        assert bylines and all(shown(b).startswith(shown("فرانس 24", "R") + " · ")
                               for b in bylines), bylines
