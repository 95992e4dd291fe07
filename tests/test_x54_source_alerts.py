"""QA35 L1: a source failing past SOURCE_ALERT_HOURS is told to the admins once, its recovery
once more, never at every poll, across a restart; /stats counts it.

Real parts: a local feed server whose answers the test switches, the real scheduled poll
(bot.jobs.scheduled_poll → digests.pipeline.poll_once), the real bot on the emulator (its /start,
/lang, /stats). The bot's clock is pinned and moved by the test (no wall-clock assertion).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.jobs import scheduled_poll
from bot.runtime import RUNTIME_KEY
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from tests.botkit import ADMIN, running_bot

ENGLISH_ADMIN = 1001
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kawkab News</title><link>http://x/</link>
<item><title>One</title><link>http://127.0.0.1:1/a1</link><guid>a1</guid></item>
</channel></rss>"""


class FeedServer:
    """A local feed: 200 with FEED, or the status the test sets."""

    def __init__(self) -> None:
        self.status = 200
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                if server.status != 200:
                    self.send_response(server.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(FEED)))
                self.end_headers()
                self.wfile.write(FEED)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


def _texts(h: object, chat: int) -> list[str]:
    # without the bidi marks the bot puts around Latin runs
    return [m.text.replace("\u200e", "").replace("\u200f", "")
            for m in h.emu.messages(chat)]  # type: ignore[attr-defined]


async def _poll(h: object, when: datetime) -> None:
    rt = h.app.bot_data[RUNTIME_KEY]  # type: ignore[attr-defined]
    rt.clock = lambda: when
    await scheduled_poll(rt, h.app.bot)  # type: ignore[attr-defined]


async def test_failing_source_told_once_then_recovery_once(tmp_path: Path,
                                                           feed: FeedServer) -> None:
    path = tmp_path / "nashra.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_pages=False)
    with Database(path) as db:
        add_source(db, feed.url, settings=settings, now=T0 - timedelta(days=1))
    admins = frozenset({ADMIN, ENGLISH_ADMIN})
    async with running_bot(path, admin_ids=admins, fetch_pages=False) as h:
        await h.say(ADMIN, "/start")
        await h.say(ENGLISH_ADMIN, "/start", language_code="en")
        await h.say(ENGLISH_ADMIN, "/lang en", language_code="en")
        before = {a: len(_texts(h, a)) for a in admins}
        await _poll(h, T0)  # works: the last success
        feed.status = 503
        await _poll(h, T0 + timedelta(hours=1))
        await _poll(h, T0 + timedelta(hours=3))
        assert {a: len(_texts(h, a)) for a in admins} == before  # under 6 h: nothing said
        await _poll(h, T0 + timedelta(hours=7))
        arabic = _texts(h, ADMIN)[before[ADMIN]:]
        english = _texts(h, ENGLISH_ADMIN)[before[ENGLISH_ADMIN]:]
        assert len(arabic) == 1 and len(english) == 1
        assert "Kawkab News" in arabic[0] and "٥٠٣" in arabic[0]
        # an admin whose chat is Arabic reads Arabic alone (X84; both: test_x84_source_alert_lang)
        assert "يتعثر: آخر جلب ناجح له منذ ٧ ساعات" in arabic[0] and "is failing" not in arabic[0]
        assert "/removesource" in arabic[0]
        assert "is failing: last fetched 7 hours ago" in english[0] and "متوقف: آخر جلب ناجح له منذ ٧ ساعات" not in english[0]
        stats = await h.say(ADMIN, "/stats")
        assert "مصدر واحد يتعثر (فشل جلبه مرتين متتاليتين أو أكثر، ويُعاد تلقائيًا): Kawkab News" in _texts(h, ADMIN)[-1]
        await _poll(h, T0 + timedelta(hours=13))  # still failing: not told again
        assert len(_texts(h, ADMIN)) == before[ADMIN] + 2  # the notice and the /stats answer
    async with running_bot(path, admin_ids=admins, fetch_pages=False) as h:  # a restart
        await _poll(h, T0 + timedelta(hours=20))
        assert _texts(h, ADMIN) == []  # the new emulator saw nothing: not told again
        feed.status = 200
        await _poll(h, T0 + timedelta(hours=27))
        back = _texts(h, ADMIN)
        assert len(back) == 1 and "عاد المصدر" in back[0] and "works again" not in back[0]
        await _poll(h, T0 + timedelta(hours=28))
        assert len(_texts(h, ADMIN)) == 1
        stats = await h.say(ADMIN, "/stats")
        assert "متوقف" not in stats[0].text
