"""X84 (5): a failing source's notice to the admins is in each admin's language. An admin whose
chat is Arabic got the Arabic notice and the whole English one under it (as QA56-6 found of the
held-chat notice), and an English one read "then 1 failures in a row". Now: Arabic alone for
an Arabic admin, English alone for an English one, both (Arabic first) for an admin whose
language the bot does not know (never wrote to it). The real scheduled poll against a local
feed, the real bot on the emulator (test_x54_source_alerts' kit)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_x54_source_alerts import ENGLISH_ADMIN, T0, FeedServer, _poll, _texts, feed  # noqa: F401

from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from tests.botkit import ADMIN, running_bot

SILENT = 1002  # an admin who never wrote to the bot
ARABIC, ENGLISH = "يتعثر: آخر جلب ناجح له منذ ٧ ساعات", "is failing: last fetched 7 hours ago"


async def test_each_admin_reads_the_notice_in_their_language(
        tmp_path: Path, feed: FeedServer) -> None:  # noqa: F811
    path = tmp_path / "nashra.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_pages=False)
    with Database(path) as db:
        add_source(db, feed.url, settings=settings, now=T0 - timedelta(days=1))
    admins = frozenset({ADMIN, ENGLISH_ADMIN, SILENT})
    async with running_bot(path, admin_ids=admins, fetch_pages=False) as h:
        await h.say(ADMIN, "/start")
        await h.say(ENGLISH_ADMIN, "/start", language_code="en")
        await _poll(h, T0)
        feed.status = 503
        await _poll(h, T0 + timedelta(hours=7))
        [arabic] = _texts(h, ADMIN)[-1:]
        [english] = _texts(h, ENGLISH_ADMIN)[-1:]
        [unknown] = _texts(h, SILENT)
        assert ARABIC in arabic and ENGLISH not in arabic and "Source" not in arabic, arabic
        assert ENGLISH in english and ARABIC not in english, english
        assert "then 1 failure in a row" in english, english
        assert unknown.index(ARABIC) < unknown.index(ENGLISH), unknown
