"""X87 (QA58-17, pinned): after «/subscribe العراق» the bot offered «Did you mean: [1] 🔔 العراقي»,
as if the follow were wrong. Fixed since X85 (QA57-1's rule: a key the news writes 50 times or
more is no misspelling, so «العراق» gets no «هل تقصد»); this pins it, in both languages, on an
archive that writes «العراقي» (the real bot against the emulator, a real SQLite file)."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from delivery_helpers import add_article, add_source

from digests.storage import Database


async def test_following_iraq_offers_no_adjective(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        src = add_source(db, "iraq")
        add_article(db, src, "الجيش العراقي يعلن السيطرة على مواقع جديدة", story_id=900)
    async with running_bot(path) as h:
        [ar] = await h.say(READER, "/subscribe العراق")
        [en] = await h.say(READER + 1, "/subscribe العراق", language_code="en")
    for m in (ar, en):
        assert m.button_texts() == [], (m.plain_text, m.button_texts())
        assert "هل تقصد" not in m.plain_text and "Did you mean" not in m.plain_text, m.plain_text
