"""X69 (2): a feed the operator adds later to a site a reader muted is muted too.

Muting «الجزيرة» in «📡 المصادر» mutes each of its feeds (X61); a third feed of the site added
afterwards with /addsource used to reach the reader. The real bot on the emulator, a local feed
server whose items link to the site, the real scheduled poll (its first poll is backfill, the
next one queues news), real SQLite (digests.reader_sources.inherit_site_mutes).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.jobs import scheduled_poll
from bot.reader_sources import muted, set_muted
from bot.runtime import RUNTIME_KEY
from digests.models import iso
from digests.reader_sources import inherit_site_mutes
from digests.storage import Database
from tests.botkit import ADMIN, READER, BotHarness, running_bot, sample_db

WORD = "قرطاجنة"
OTHER = 2001  # a reader who muted nothing
T0 = datetime.now(UTC).replace(microsecond=0)


class SiteFeed:
    """A local feed of the site: its items link to https://www.aljazeera.net/news/…"""

    def __init__(self) -> None:
        self.items: list[tuple[int, str, datetime]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                items = "".join(
                    f"<item><title>{title}</title>"
                    f"<link>https://www.aljazeera.net/news/{n}</link><guid>aj-{n}</guid>"
                    f"<pubDate>{format_datetime(when)}</pubDate>"
                    f"<description>{title}. تفاصيل من {WORD} في خبر طويل.</description></item>"
                    for n, title, when in server.items)
                body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                        f"<title>الجزيرة — رياضة</title><link>https://www.aljazeera.net/</link>"
                        f"{items}</channel></rss>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sport.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed() -> Iterator[SiteFeed]:
    server = SiteFeed()
    yield server
    server.close()


def _site(db: Database) -> list[int]:
    """Two feeds of aljazeera.net (their links dead: only their stored articles tell the
    site), each with one article; the sample's own feeds off."""
    db.db.execute("update sources set active = 0")
    ids = []
    for i, (name, link) in enumerate((("الجزيرة — عاجل", "https://www.aljazeera.net/news/{n}"),
                                      ("الجزيرة — اقتصاد", "https://aljazeera.net/ebusiness/{n}"))):
        db.db.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                      [f"http://127.0.0.1:9/aj{i}.xml", name, iso(T0)])
        source = int(db.db.execute("select max(id) from sources").fetchone()[0])
        n = 710_001 + i
        with db.transaction() as sql:
            sql.execute("insert into articles (id, source_id, url, url_key, content_hash, title,"
                        " published_at, body, fetched_at, updated_at)"
                        " values (?,?,?,?,?,?,?,?,?,?)",
                        [n, source, link.format(n=n), link.format(n=n), f"h{n}", f"خبر {i}",
                         iso(T0 - timedelta(days=3)), "نص", iso(T0), iso(T0)])
        ids.append(source)
    return ids


async def _poll(h: BotHarness, when: datetime) -> None:
    rt = h.app.bot_data[RUNTIME_KEY]
    rt.clock = lambda: when
    await scheduled_poll(rt, h.app.bot)


def _queued(db: Database, chat: int, source: int) -> int:
    return int(db.db.execute(
        "select count(*) from outbox o join articles a on a.id = o.article_id"
        " where o.chat_id = ? and a.source_id = ?", [chat, source]).fetchone()[0])


async def test_a_feed_added_after_the_mute_of_its_site_is_muted(tmp_path: Path,
                                                                feed: SiteFeed) -> None:
    # the bot adds the source on the wall clock: this test's times start now, not at the module's
    # import (X134: an article published before its source was added is backfill, never queued)
    T0 = datetime.now(UTC).replace(microsecond=0)
    path = sample_db(tmp_path)
    with Database(path) as db:
        site = _site(db)
    async with running_bot(path, fetch_pages=False) as h:
        for chat in (READER, OTHER):
            await h.say(chat, f"/subscribe {WORD}", user=h.user(chat))
        set_muted(h.db, READER, site, True, T0)  # what the picker's press on «الجزيرة» does
        feed.items.append((720_001, f"مباراة في {WORD} أمس", T0 - timedelta(hours=1)))
        [added] = await h.say(ADMIN, f"/addsource {feed.url}")
        assert "/addsource" not in added.text and feed.url.split("//")[1] in added.text.replace(
            "\u200e", ""), added.text
        new = int(h.db.db.execute("select id from sources where url = ?",
                                  [feed.url]).fetchone()[0])
        await _poll(h, T0)  # its first poll: backfill, and its site is now known
        assert h.db.db.execute("select count(*) from articles where source_id = ?",
                               [new]).fetchone()[0] == 1
        assert new in muted(h.db, READER) and new not in muted(h.db, OTHER)
        feed.items.append((720_002, f"نهائي {WORD} اليوم", T0 + timedelta(minutes=10)))
        await _poll(h, T0 + timedelta(minutes=30))  # news: queued for whoever follows it
        assert _queued(h.db, OTHER, new) == 1
        assert _queued(h.db, READER, new) == 0


def test_a_partly_muted_site_is_left_and_a_same_host_feed_is_muted_at_once(
        tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        site = _site(db)
        set_muted(db, READER, site, True, T0)
        set_muted(db, OTHER, site[0], True, T0)  # one feed of two: not the site
        db.db.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                      ["https://www.aljazeera.net/feeds/sport.xml", "الجزيرة — رياضة", iso(T0)])
        new = int(db.db.execute("select max(id) from sources").fetchone()[0])
        with db.transaction() as sql:  # what /addsource does once the feed is added
            assert inherit_site_mutes(sql, new, T0) == 1
        assert new in muted(db, READER) and new not in muted(db, OTHER)
        # a feed of another site is nobody's
        db.db.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                      ["https://www.bbc.com/arabic/rss.xml", "بي بي سي عربي", iso(T0)])
        bbc = int(db.db.execute("select max(id) from sources").fetchone()[0])
        with db.transaction() as sql:
            assert inherit_site_mutes(sql, bbc, T0) == 0
        assert bbc not in muted(db, READER)
