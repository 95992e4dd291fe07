"""One order for one reader's topic (QA25 E13): an article's quotes are listed in the same order
by the topic's search and by /digest for a reader following that topic — the quotes that name the
topic first (bot.result_parts.topic_quotes_first), the rest in their ranked order. Real PTB against
the emulator, the sample database.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.stories import search_page
from digests import subscriptions

AFRIN = "سنواصل العمليات في عفرين حتى النهاية"
GHOUTA = "الوضع في الغوطة كارثي والمساعدات لا تصل"


def _quote_order(text: str) -> list[str]:
    return sorted((q for q in (AFRIN, GHOUTA) if q in text), key=text.index)


async def test_digest_lists_a_followed_topics_quotes_as_its_search_does(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        now = datetime.now(UTC)
        best = search_page(h.db, "الغوطة", offset=0, limit=3, now=now).digests
        assert best and best[0].article_id is not None
        # ranked: the Afrin line first, the Ghouta line second
        h.db.db.execute("update articles set quotes_json = ? where id = ?", [json.dumps(
            [{"text": AFRIN, "speaker": "أردوغان", "kind": "direct"},
             {"text": GHOUTA, "speaker": "الأمم المتحدة", "kind": "direct"}],
            ensure_ascii=False), best[0].article_id])
        subscriptions.upsert_chat(h.db, READER, now=now)
        subscriptions.subscribe(h.db, READER, "الغوطة", now=now)
        searched = "\n".join(m.plain_text for m in await h.say(READER, "الغوطة"))
        digest = "\n".join(m.plain_text for m in await h.say(READER, "/digest"))
        assert _quote_order(searched) == [GHOUTA, AFRIN]
        assert _quote_order(digest) == _quote_order(searched)
