"""QA38 A4: ALLOW_PRIVATE_SOURCES (the sandbox sets it) lifted the private-address rule for every
connection: a feed's article link redirecting to another loopback host was read and its text
shown to readers. Now private addresses are allowed only for the operator's sources' hosts;
link-local and cloud metadata addresses never.

Real parts: a local site over HTTP (the source, on 127.0.0.1), an «internal» server on
127.0.0.2, the real poll (real fetcher), real SQLite.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpcore
import pytest

from digests import addresses
from digests.addresses import AddressRefused, GuardedBackend
from digests.pipeline import poll_once
from digests.private_hosts import PrivateHosts, never_allowed
from digests.samplesite import Response, SampleSite, redirect
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SECRET = "INTERNAL-SECRET-4242"
PAGE = ('<html><head><meta charset="utf-8"><title>t</title></head><body><article><h1>{t}</h1>'
        '<p>قال المتحدث باسم الدفاع المدني إن القصف على الغوطة الشرقية استمر طوال الليل وإن'
        ' المدنيين بلا مأوى في البلدات المحاصرة منذ أسابيع {x}.</p></article></body></html>')


@pytest.fixture
def internal() -> Iterator[tuple[str, list[str]]]:
    """A service on another loopback address, counting the GETs it answers."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            body = PAGE.format(t="داخلي", x=f"وكلمة السر هي {SECRET}").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


def test_a_sources_links_to_another_private_host_are_refused(
        tmp_path: Path, internal: tuple[str, list[str]]) -> None:
    base, hits = internal
    settings = Settings(database_path=tmp_path / "n.db", allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    with SampleSite(with_sample=False) as site, Database(tmp_path / "n.db") as db:
        links = [site.url("/go.html"), f"{base}/admin/direct", site.url("/ok.html")]
        items = "".join(
            f"<item><title>خبر {i} عن الغوطة</title><link>{link}</link><guid>g{i}</guid>"
            f"<pubDate>{(NOW - timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')}"
            "</pubDate></item>" for i, link in enumerate(links))
        feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T'
                f"</title><link>{site.url('/')}</link>{items}</channel></rss>").encode()
        site.add_route("/feed.xml", Response(body=feed, content_type="application/rss+xml"))
        site.add_route("/go.html", redirect(f"{base}/admin/status"))
        site.add_route("/ok.html", Response(body=PAGE.format(t="عادي", x="").encode()))
        add_source(db, site.url("/feed.xml"), settings=settings, now=NOW)
        summary = asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        rows = {r["url"]: dict(r) for r in db.db.query(
            "select url, body, page_status, page_error from articles")}
    assert summary.reports[0].error is None and summary.reports[0].new == 2
    assert hits == []  # the internal service was never asked
    assert rows[site.url("/ok.html")]["page_status"] == "ok"  # the source's own host: allowed
    # the link to the source's own host that redirects there: kept, its page refused
    assert rows[links[0]]["page_status"] != "ok"
    assert "127.0.0.2" in (rows[links[0]]["page_error"] or "")
    assert links[1] not in rows  # a link straight to it is no reader's link (X94, QA63-11)
    assert all(SECRET not in (r["body"] or "") for r in rows.values())


@pytest.mark.parametrize("address", ["169.254.169.254", "::ffff:169.254.169.254",
                                     "100.100.100.200", "fd00:ec2::254", "fe80::1"])
async def test_link_local_and_metadata_refused_even_when_allowed(
        address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    async def resolve(host: str, port: int) -> list[str]:
        return [address]

    class Inner(httpcore.AsyncNetworkBackend):
        async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
            raise AssertionError("connected to a metadata address")

    monkeypatch.setattr(addresses, "resolve_addresses", resolve)
    assert never_allowed(address)
    for allow in (True, PrivateHosts(True, None)):
        if isinstance(allow, PrivateHosts):
            allow.trust("http://meta.test/feed")
        with pytest.raises(AddressRefused):
            await GuardedBackend(allow_private=allow, inner=Inner()).connect_tcp("meta.test", 80)


def test_private_hosts_rule() -> None:
    off = PrivateHosts(False, None)
    off.trust("http://127.0.0.1:8000/feed")
    assert not off.allows("127.0.0.1")
    on = PrivateHosts(True, None)
    on.trust("http://intranet.local:8000/feed")
    assert on.allows("intranet.local") and not on.allows("127.0.0.2")
    assert not never_allowed("127.0.0.1") and not never_allowed("10.0.0.1")
