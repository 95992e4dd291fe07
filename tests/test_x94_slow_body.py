"""QA63-3: a site that answers at once and then drips its body was «لم يرد الموقع في المهلة» /
"did not answer in time": the admin then checks DNS and firewalls, not the site's slow server.
Now it is «answered but sent the page too slowly». A real dripping server on 127.0.0.1.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.reasons import reason_text
from digests.errors import FetchError, NashraError
from digests.fetcher import Fetcher
from digests.settings import Settings
from digests.source_check import check_source

NOW = datetime(2026, 12, 2, 3, tzinfo=timezone.utc)


class _Drip(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass


@pytest.fixture
def drip() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/drip/feed.xml"
    server.shutdown()
    server.server_close()


async def test_addsource_of_a_dripping_feed_says_it_answered_slowly(
        drip: str, settings: Settings) -> None:
    settings = replace(settings, fetch_timeout_seconds=1.0)
    with pytest.raises(NashraError) as caught:
        await check_source(drip, settings)
    why = caught.value.why
    assert why is not None and why.kind == "slow_body"
    ar, en = reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)
    assert "أجاب الموقع" in ar and "ببطء" in ar and "(١ ث)" in ar
    assert "answered but sent" in en and "did not answer" not in en


async def test_a_polled_page_that_drips_is_a_slow_body(drip: str, settings: Settings) -> None:
    settings = replace(settings, fetch_timeout_seconds=1.0)
    async with Fetcher(settings) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(drip)
    assert caught.value.why is not None and caught.value.why.kind == "slow_body"
    assert "ببطء" in str(caught.value) and "slowly" in str(caught.value)
