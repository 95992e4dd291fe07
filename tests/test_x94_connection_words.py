"""QA63-10: «Could not connect to 127.0.0.1:8763» for a link that redirects http→https to a host
without TLS, and for a server that closed the connection mid-answer, though both connected. Now
each says what happened. Real servers on 127.0.0.1.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from bot.reasons import reason_text
from digests.errors import NashraError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source


async def _refusal(url: str, settings: Settings) -> tuple[str, str, str]:
    with pytest.raises(NashraError) as caught:
        await check_source(url, settings)
    why = caught.value.why
    assert why is not None
    return why.kind, reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)


async def test_a_redirect_to_https_where_there_is_no_tls(settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        target = f"https://127.0.0.1:{site.port}/site/rss"
        site.add_route("/moved2/feed.xml", Response(status=301, body=b"",
                                                    headers={"Location": target}))
        kind, ar, en = await _refusal(site.url("/moved2/feed.xml"), settings)
    assert kind == "no_tls"
    assert f"redirects to {target}" in en and "https" in ar and "Could not connect" not in en


async def test_an_https_link_to_a_plain_http_server(settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        kind, ar, en = await _refusal(f"https://127.0.0.1:{site.port}/feed.xml", settings)
    assert kind == "no_tls" and "secure (https) connection" in en and "redirects" not in en


@pytest.fixture
def closing_server() -> Iterator[str]:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n")  # then hangs up
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{port}/iso/feed.xml"
    listener.close()


async def test_a_server_that_closes_mid_answer(closing_server: str, settings: Settings) -> None:
    kind, ar, en = await _refusal(closing_server, settings)
    assert kind == "closed"
    assert "closed the connection" in en and "أغلق الاتصال" in ar
