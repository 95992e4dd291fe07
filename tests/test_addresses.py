"""The private-address rule at connect time: DNS rebinding, redirect hops, the pinned address.

A resolver we control stands in for DNS (digests.addresses.resolve_addresses is looked up at
call time); the servers are real, on loopback. 127.0.0.2 plays the operator's internal network
in the tests that need a "public" address we can actually reach (127.0.0.1, declared public by
patching `is_private`): Linux routes all of 127/8 to the loopback interface. A real TLS server
with a certificate made by the openssl command shows that pinning the address keeps SNI and
certificate checks on the host name.
"""

from __future__ import annotations

import socket
import ssl
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpcore
import httpx
import pytest

from digests import addresses
from digests.addresses import GuardedBackend, GuardedTransport, is_private
from digests.errors import CertificateError, PermanentFetchError, TemporaryFetchError
from digests.fetcher import Fetcher
from digests.samplesite import Response, SampleSite, redirect
from digests.settings import Settings
from tlskit import certificate, needs_openssl, tls_site

PUBLIC = "93.184.216.34"  # a public address: the guard must refuse before anything connects


@pytest.fixture
def strict(settings: Settings) -> Settings:
    return settings.replace(allow_private_sources=False)


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


class Resolver:
    """Answers per host from a script (one answer per call; the last one repeats)."""

    def __init__(self, answers: dict[str, list[list[str] | Exception]]) -> None:
        self.answers = answers
        self.calls: dict[str, int] = defaultdict(int)

    async def __call__(self, host: str, port: int) -> list[str]:
        script = self.answers[host]
        answer = script[min(self.calls[host], len(script) - 1)]
        self.calls[host] += 1
        if isinstance(answer, Exception):
            raise answer
        return answer


def use(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[list[str] | Exception]]
        ) -> Resolver:
    resolver = Resolver(answers)
    monkeypatch.setattr(addresses, "resolve_addresses", resolver)
    return resolver


async def test_a_host_that_rebinds_to_loopback_is_refused_at_connect(
        site: SampleSite, strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check sees a public address, the connection would see 127.0.0.1.
    resolver = use(monkeypatch, {"news.rebind.test": [[PUBLIC], ["127.0.0.1"]]})
    url = f"http://news.rebind.test:{site.port}/feeds/main.xml"
    async with Fetcher(strict) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(url)
        assert resolver.calls["news.rebind.test"] == 2  # the check, then the connect
        # The refusal is remembered for the host: the next request stops before any lookup.
        with pytest.raises(PermanentFetchError, match="ALLOW_PRIVATE_SOURCES"):
            await fetcher.fetch(url.replace("main.xml", "world.atom"))
    message = str(info.value)
    assert "ALLOW_PRIVATE_SOURCES" in message and "خاص" in message and "127.0.0.1" in message
    assert info.value.url == url
    assert resolver.calls["news.rebind.test"] == 2
    assert site.hits() == 0  # nothing reached the loopback server


async def test_any_private_address_among_the_answers_is_refused(
        site: SampleSite, strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, {"mixed.test": [[PUBLIC], [PUBLIC, "127.0.0.1"]]})
    async with Fetcher(strict) as fetcher:
        with pytest.raises(PermanentFetchError, match="127.0.0.1"):
            await fetcher.fetch(f"http://mixed.test:{site.port}/feeds/main.xml")
    assert site.hits() == 0


async def test_a_redirect_hop_that_rebinds_is_refused(
        strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # 127.0.0.1 is "public" here; 127.0.0.2 is the internal service a hostile feed aims at.
    monkeypatch.setattr(addresses, "is_private", lambda address: address != "127.0.0.1")
    with SampleSite(with_sample=False) as public, \
            SampleSite(with_sample=False, host="127.0.0.2") as internal:
        internal.add_route("/secret", Response(body=b"internal"))
        public.add_route("/feed", redirect(f"http://internal.test:{internal.port}/secret"))
        use(monkeypatch, {"public.test": [["127.0.0.1"]],
                          "internal.test": [["127.0.0.1"], ["127.0.0.2"]]})
        async with Fetcher(strict) as fetcher:
            with pytest.raises(PermanentFetchError, match="127.0.0.2"):
                await fetcher.fetch(f"http://public.test:{public.port}/feed")
        assert public.hits("/feed") == 1
        assert internal.hits() == 0


async def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept(
        site: SampleSite, strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # news.example does not exist in DNS: the request can only succeed through our resolver,
    # and it must still say `Host: news.example:PORT`.
    monkeypatch.setattr(addresses, "is_private", lambda address: address != "127.0.0.1")
    resolver = use(monkeypatch, {"news.example": [["127.0.0.1"]]})
    async with Fetcher(strict) as fetcher:
        result = await fetcher.fetch(f"http://news.example:{site.port}/feeds/main.xml")
    assert result.status == 200 and b"<rss" in result.body
    assert site.requests[-1].headers["host"] == f"news.example:{site.port}"
    assert resolver.calls["news.example"] == 2  # the early check and the connection


async def test_allowed_private_sources_still_connect_through_one_lookup(
        site: SampleSite, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    resolver = use(monkeypatch, {"local.test": [["127.0.0.1"]]})
    async with Fetcher(settings) as fetcher:
        assert (await fetcher.fetch(f"http://local.test:{site.port}/feeds/main.xml")).status == 200
        assert (await fetcher.fetch(f"http://local.test:{site.port}/feeds/world.atom")
                ).status == 200
    assert resolver.calls["local.test"] == 1  # the kept-alive connection is reused


async def test_a_host_that_stops_resolving_at_connect_is_a_temporary_error(
        site: SampleSite, strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, {"flaky.test": [[PUBLIC], socket.gaierror(-2, "Name or service not known")]})
    async with Fetcher(strict) as fetcher:
        with pytest.raises(TemporaryFetchError, match="cannot resolve flaky.test"):
            await fetcher.fetch(f"http://flaky.test:{site.port}/")
    assert site.hits() == 0


class _RecordingStream(httpcore.AsyncMockStream):
    def __init__(self, buffer: list[bytes], log: list[tuple[str, Any]]) -> None:
        super().__init__(buffer)
        self.log = log

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.log.append(("write", buffer))

    async def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        self.log.append(("start_tls", server_hostname))
        return self


class _RecordingBackend(httpcore.AsyncMockBackend):
    """Opens no socket: records where it was asked to connect and answers 200."""

    def __init__(self) -> None:
        super().__init__([b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"])
        self.log: list[tuple[str, Any]] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        self.log.append(("connect", (host, port)))
        return _RecordingStream(list(self._buffer), self.log)


async def test_https_pins_the_address_but_verifies_and_names_the_host(
        strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, {"news.example": [[PUBLIC]]})
    inner = _RecordingBackend()
    transport = GuardedTransport(strict, httpx.Limits(), inner=inner)
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.get("https://news.example/feed")
    assert response.status_code == 200 and response.content == b"ok"
    assert inner.log[0] == ("connect", (PUBLIC, 443))  # the socket goes to the checked address
    assert inner.log[1] == ("start_tls", "news.example")  # SNI and certificate: the host name
    sent = b"".join(data for kind, data in inner.log if kind == "write")
    assert b"Host: news.example\r\n" in sent
    # Certificates are still verified against the host name (the pool is httpcore's own).
    context = transport._pool._ssl_context
    assert context is not None
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


async def test_backend_tries_the_next_address_when_one_is_unreachable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, {"two.test": [["2001:db8::1", PUBLIC]]})
    tried: list[str] = []

    class Inner(_RecordingBackend):
        async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                              local_address: str | None = None,
                              socket_options: Any = None) -> httpcore.AsyncNetworkStream:
            tried.append(host)
            if ":" in host:
                raise httpcore.ConnectError("network unreachable")
            return await super().connect_tcp(host, port, timeout, local_address, socket_options)

    backend = GuardedBackend(allow_private=True, inner=Inner())
    stream = await backend.connect_tcp("two.test", 80)
    assert tried == ["2001:db8::1", PUBLIC]
    await stream.aclose()


@pytest.mark.parametrize(("address", "private"), [
    ("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.1", True), ("169.254.169.254", True),
    ("224.0.0.1", True), ("0.0.0.0", True), ("::1", True), ("fe80::1%eth0", True),
    ("::ffff:127.0.0.1", True), ("240.0.0.1", True), (PUBLIC, False), ("2606:4700::1", False),
])
def test_is_private(address: str, private: bool) -> None:
    assert is_private(address) is private


@needs_openssl
async def test_real_tls_to_the_pinned_address_verifies_the_host_name(
        strict: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addresses, "is_private", lambda address: address != "127.0.0.1")
    use(monkeypatch, {"news.example": [["127.0.0.1"]], "other.example": [["127.0.0.1"]]})
    cert, key = certificate(tmp_path, "news.example")
    trust = ssl.create_default_context(cafile=str(cert))
    limits = httpx.Limits()
    with tls_site(cert, key) as (port, seen):
        transport = GuardedTransport(strict, limits, ssl_context=trust)
        async with Fetcher(strict, transport=transport) as fetcher:
            result = await fetcher.fetch(f"https://news.example:{port}/feed")
            assert result.status == 200 and result.body == b"ok"
            # The same server under a name its certificate does not carry: refused by TLS.
            with pytest.raises(CertificateError, match="other.example") as refused:
                await fetcher.fetch(f"https://other.example:{port}/feed")
    assert "Hostname mismatch" in refused.value.reason
    assert seen == [("news.example", f"news.example:{port}")]
