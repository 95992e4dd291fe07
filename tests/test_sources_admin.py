"""bot.sources_admin as an English-speaking admin reads it: the /ingest report that names
sources with Arabic names keeps its numbers and names in order on screen (python-bidi lays the
lines out as Telegram's clients do; QA18 R17)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db
from test_welcome import displayed

from digests import sources


def _reversed_arabic(text: str) -> str:
    """`text` as a left-to-right line shows it: each Arabic word drawn right to left in place."""
    import re

    return re.sub("[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)*", lambda m: m.group(0)[::-1], text)


async def test_the_english_ingest_report_shows_arabic_source_names_in_order(
        tmp_path: Path) -> None:
    """QA18 R17: "(1: سكاي نيوز عربية, 2: العربية نت, …); 82 new articles" showed as
    "(1: 3 ,العربية نت :2 ,سكاي نيوز عربية …". Two unreachable sources named in Arabic: the
    English report shows «(N: name, M: name); 0 new articles» in order."""
    async with running_bot(sample_db(tmp_path)) as h:
        for s in sources.list_sources(h.db):
            sources.remove_source(h.db, s.id)  # the sample template's site is gone
        now = datetime.now(UTC)
        sky = sources.add_source(h.db, "http://127.0.0.1:9/a.xml", settings=h.settings, now=now,
                                 name="سكاي نيوز عربية")
        arabiya = sources.add_source(h.db, "http://127.0.0.1:9/b.xml", settings=h.settings,
                                     now=now, name="العربية نت")
        await h.say(ADMIN, "/ingest", language_code="en")
        await h.until(lambda: "Poll finished" in h.emu.messages(ADMIN)[-1].plain_text, 20)
        html = h.emu.messages(ADMIN)[-1].text
    [first, *_] = displayed(html)
    expected = (f"⚠️ Poll finished with failures: 2 of 2 sources failed ({sky.id}: سكاي نيوز "
                f"عربية, {arabiya.id}: العربية نت); 0 new articles. Details: /sources")
    assert first == _reversed_arabic(expected), first
