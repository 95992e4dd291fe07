"""QA41 T11, T9 and X54's left (item 3): sources that fail together are told in one message
(and their recovery in one more), with the next try in the admin's own zone; an admin's /ingest
that sees the recovery tells it at once, and the next scheduled poll does not tell it again.

Real parts: one local feed server for 12 sources (the bot's own network down looks like this:
every source failing at once), the real scheduled poll (bot.jobs.scheduled_poll) and /ingest,
the real bot on the emulator. The bot's clock is pinned and moved by the test.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.i18n import format_date, num
from bot.runtime import RUNTIME_KEY
from digests.models import parse_iso
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from tests.botkit import ADMIN, running_bot
from tests.test_x54_source_alerts import ENGLISH_ADMIN, FeedServer, _poll, _texts, feed  # noqa: F401

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
N = 12


async def test_sources_failing_together_are_told_once_and_back_once(
        tmp_path: Path, feed: FeedServer) -> None:  # noqa: F811
    path = tmp_path / "nashra.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_pages=False)
    with Database(path) as db:
        for i in range(N):
            add_source(db, feed.url.replace("feed.xml", f"feed{i}.xml"), settings=settings,
                       now=T0 - timedelta(days=1), name=f"مصدر {i}")
    admins = frozenset({ADMIN, ENGLISH_ADMIN})
    async with running_bot(path, admin_ids=admins, fetch_pages=False) as h:
        await h.say(ADMIN, "/start")
        await h.say(ENGLISH_ADMIN, "/start", language_code="en")
        await h.say(ENGLISH_ADMIN, "/lang en", language_code="en")
        before = {a: len(_texts(h, a)) for a in admins}
        await _poll(h, T0)
        feed.status = 503
        await _poll(h, T0 + timedelta(hours=1))
        await _poll(h, T0 + timedelta(hours=7))
        arabic = _texts(h, ADMIN)[before[ADMIN]:]
        english = _texts(h, ENGLISH_ADMIN)[before[ENGLISH_ADMIN]:]
        assert len(arabic) == 1 and len(english) == 1  # not 12 each
        assert all(f"«مصدر {i}»" in arabic[0] for i in range(N))
        # an admin whose chat is Arabic reads Arabic alone (X84)
        assert "١٢ مصدرًا تتعثر في الوقت نفسه" in arabic[0] and "12 sources" not in arabic[0]
        assert "12 sources failing" in english[0] and "في الوقت نفسه" not in english[0]
        # the next try, in the admin's zone (a new chat reads in Riyadh's, UTC+3), named once
        nexts = [parse_iso(r[0]) for r in h.db.db.execute(
            "select next_poll_at from sources").fetchall()]
        first_try = min(n for n in nexts if n is not None)
        local = first_try.astimezone(ZoneInfo("Asia/Riyadh"))
        shown = (f"{format_date(local, 'ar')} الساعة {num(local.hour, 'ar')}:"
                 f"{num(local.minute, 'ar').rjust(2, '٠')}")  # Arabic digits (X87: was ISO)
        assert f"المحاولة التالية: {shown} بتوقيت السعودية (UTC+3)." in arabic[0], arabic[0]
        assert "UTC+3" in arabic[0] and " UTC" not in arabic[0].replace("UTC+3", "")
        # the network is back; an admin's /ingest sees it: told now, once, in one message
        feed.status = 200
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.clock = lambda: T0 + timedelta(hours=8)
        await h.say(ADMIN, "/ingest")
        for _ in range(100):
            if any("عادت تعمل" in x for x in _texts(h, ADMIN)) and any(
                    "work again" in x for x in _texts(h, ENGLISH_ADMIN)):
                break
            await asyncio.sleep(0.1)
        back = [x for x in _texts(h, ADMIN) if "عادت تعمل" in x]
        assert len(back) == 1 and "١٢ مصدرًا" in back[0] and "work again" not in back[0]
        assert len([x for x in _texts(h, ENGLISH_ADMIN) if "work again" in x]) == 1
        count = len(_texts(h, ADMIN))
        await _poll(h, T0 + timedelta(hours=9))  # the scheduled poll after: nothing again
        await asyncio.sleep(0.3)
        assert len(_texts(h, ADMIN)) == count


def test_a_grouped_notice_escapes_a_sources_name_once() -> None:
    """Review (RA): each line of the grouped notice was made as HTML and escaped again by the
    notice around it — «A & B» reached the admin as «A &amp;amp; B»."""
    from bot.source_alerts import Down, down_group_text, down_text
    from digests.models import Source

    sources = [Source(id=i, url=f"http://x.test/{i}", name=f"A & B <{i}>",
                      consecutive_failures=3) for i in (1, 2)]
    for lang in ("ar", "en"):
        single = down_text(Down(sources[0], T0), T0 + timedelta(hours=7), lang)
        group = down_group_text([Down(s, T0) for s in sources], T0 + timedelta(hours=7), lang)
        for text in (single, group):
            plain = text.replace("\u200e", "").replace("\u200f", "")
            assert "A &amp; B &lt;1&gt;" in plain and "&amp;amp;" not in plain
