"""Brief X75 item 5 (QA48 R14): a reader who muted «الجزيرة» (www.aljazeera.net,
aljazeera.net) got the news of a feed the operator added later whose articles live on
sport.aljazeera.net: the picker showed it as another site. A site is now its registrable domain
(digests.site_domains, the Public Suffix List bundled with `tld`): the sport feed is muted with
its site and listed under «الجزيرة»; «aljazeera.net.evil.example» stays another site. The real
bot on the emulator, a local feed server whose items link to those hosts, the real scheduled
poll (its first poll is backfill, the next one queues news), real SQLite."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_x69_site_mutes import OTHER, T0, WORD, _poll, _queued, _site

from bot.reader_sources import muted, set_muted
from digests.reader_sources import site_groups
from digests.site_domains import registrable_site
from digests.sources import list_sources
from tests.botkit import ADMIN, READER, running_bot, sample_db

HOSTS = {"sport": "sport.aljazeera.net", "evil": "aljazeera.net.evil.example"}
TITLES = {"sport": (f"مباراة ودية في {WORD} أمس", f"نهائي كأس الكرة في {WORD} اليوم"),
          "evil": (f"مهرجان الموسيقى في {WORD}", f"افتتاح مكتبة عامة جديدة في {WORD}")}


class Feeds:
    """Local feeds /sport.xml and /evil.xml: their items link to https://<host>/news/…"""

    def __init__(self) -> None:
        self.items: dict[str, list[tuple[int, str, datetime]]] = {k: [] for k in HOSTS}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                which = self.path.strip("/").removesuffix(".xml")
                host = HOSTS[which]
                items = "".join(
                    f"<item><title>{title}</title>"
                    f"<link>https://{host}/news/{n}</link><guid>{which}-{n}</guid>"
                    f"<pubDate>{format_datetime(when)}</pubDate>"
                    f"<description>{title}. تفاصيل من {WORD} في خبر طويل.</description></item>"
                    for n, title, when in server.items[which])
                body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                        f"<title>الجزيرة — {which}</title><link>https://{host}/</link>"
                        f"{items}</channel></rss>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feeds() -> Iterator[Feeds]:
    server = Feeds()
    yield server
    server.close()


async def test_a_sub_domain_feed_of_a_muted_site_is_muted(tmp_path: Path, feeds: Feeds) -> None:
    # the bot adds the source on the wall clock: this test's times start now, not at the module's
    # import (X134: an article published before its source was added is backfill, never queued)
    T0 = datetime.now(UTC).replace(microsecond=0)
    path = sample_db(tmp_path)
    from digests.storage import Database

    with Database(path) as db:
        site = _site(db)
    async with running_bot(path, fetch_pages=False) as h:
        for chat in (READER, OTHER):
            await h.say(chat, f"/subscribe {WORD}", user=h.user(chat))
        set_muted(h.db, READER, site, True, T0)  # the picker's press on «الجزيرة»
        added = {}
        for which in HOSTS:
            feeds.items[which].append((730_001 + len(added), TITLES[which][0],
                                       T0 - timedelta(hours=1)))
            await h.say(ADMIN, f"/addsource {feeds.base}/{which}.xml")
            added[which] = int(h.db.db.execute("select id from sources where url = ?",
                                               [f"{feeds.base}/{which}.xml"]).fetchone()[0])
        await _poll(h, T0)  # first polls: backfill; the feeds' sites are now their articles'
        assert added["sport"] in muted(h.db, READER)  # before: not muted (another site)
        assert added["evil"] not in muted(h.db, READER)
        assert not set(added.values()) & muted(h.db, OTHER)
        for n, which in enumerate(HOSTS):
            feeds.items[which].append((731_001 + n, TITLES[which][1],
                                       T0 + timedelta(minutes=10)))
        await _poll(h, T0 + timedelta(minutes=30))  # news: queued for whoever follows it
        assert _queued(h.db, READER, added["sport"]) == 0
        assert _queued(h.db, READER, added["evil"]) == 1
        assert _queued(h.db, OTHER, added["sport"]) == 1
        # the picker: one «الجزيرة» of three feeds; the look-alike host its own site
        groups = {g.site: g.source_ids for g in site_groups(h.db.db, list_sources(
            h.db.db, include_inactive=True))}
        assert groups["aljazeera.net"] == (*site, added["sport"])
        assert groups["aljazeera.net.evil.example"] == (added["evil"],)


def test_the_registrable_domain_of_a_site() -> None:
    assert registrable_site("sport.aljazeera.net") == "aljazeera.net"
    assert registrable_site("mubasher.aljazeera.net") == "aljazeera.net"
    assert registrable_site("aljazeera.net.evil.example") == "aljazeera.net.evil.example"
    assert registrable_site("aljazeera.net.evil.com") == "evil.com"
    assert registrable_site("arabic.bbc.co.uk") == "bbc.co.uk"  # a two-label suffix
    assert registrable_site("news.example.com:8080") == "example.com:8080"
    assert registrable_site("127.0.0.1:8000#3") == "127.0.0.1:8000#3"  # a local feed
    assert registrable_site("10.0.0.7") == "10.0.0.7"
