"""Only globally routable addresses are fetched (QA29 A2): shared 100.64.0.0/10 (Alibaba Cloud's
metadata at 100.100.100.200) and IPv6 forms wrapping loopback (6to4, NAT64, Teredo) are refused.

A real loopback server plays the public feed: 127.0.0.1 is declared public by wrapping the real
rule (as tests/test_addresses.py does), every other address keeps it. A stand-in resolver names
the refused addresses, and a recording backend shows that nothing connects to them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import httpcore
import httpx
import pytest

from digests import addresses
from digests.addresses import GuardedTransport, is_private
from digests.errors import PermanentFetchError
from digests.fetcher import Fetcher
from digests.samplesite import Response, SampleSite, redirect
from digests.settings import Settings

PUBLIC = "93.184.216.34"
REFUSED = ["100.100.100.200", "100.64.0.1", "2002:7f00:1::1", "64:ff9b::7f00:1",
           "64:ff9b::a00:1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "192.0.0.170",
           "::ffff:100.100.100.200", "2002:a9fe:a9fe::1"]


@pytest.mark.parametrize("address", REFUSED)
def test_addresses_that_are_not_global_are_private(address: str) -> None:
    assert is_private(address)


@pytest.mark.parametrize("address", [PUBLIC, "2606:4700::1111", "::ffff:93.184.216.34",
                                     "2002:5db8:d822::1", "1.1.1.1"])
def test_global_addresses_and_their_wrappings_are_allowed(address: str) -> None:
    assert not is_private(address)


class _Recording(httpcore.AsyncNetworkBackend):
    """httpcore's real backend, recording each address it is asked to connect to."""

    def __init__(self) -> None:
        self.inner = httpcore.AnyIOBackend()
        self.connected: list[str] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
                          ) -> httpcore.AsyncNetworkStream:
        self.connected.append(host)
        return await self.inner.connect_tcp(host, port, timeout=timeout,
                                            local_address=local_address,
                                            socket_options=socket_options)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def _resolver(answers: dict[str, list[list[str]]]) -> tuple[dict[str, int], object]:
    calls: dict[str, int] = defaultdict(int)

    async def resolve(host: str, port: int) -> list[str]:
        script = answers[host]
        answer = script[min(calls[host], len(script) - 1)]
        calls[host] += 1
        return answer
    return calls, resolve


@pytest.mark.parametrize("address", REFUSED[:6])
async def test_a_redirect_or_a_rebinding_host_to_a_non_global_address_is_refused(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    real = addresses.is_private
    monkeypatch.setattr(addresses, "is_private",
                        lambda a: a != "127.0.0.1" and real(a))
    strict = settings.replace(allow_private_sources=False)
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed", redirect("http://metadata.test/latest/meta-data/"))
        site.add_route("/ok", Response(body=b"<rss/>", content_type="application/rss+xml"))
        _calls, resolve = _resolver({
            "news.test": [["127.0.0.1"]],
            "metadata.test": [[address]],
            # the early check sees a public address, the connection the refused one
            "rebind.test": [[PUBLIC], [address]],
        })
        monkeypatch.setattr(addresses, "resolve_addresses", resolve)
        backend = _Recording()
        transport = GuardedTransport(strict, httpx.Limits(), inner=backend)
        async with Fetcher(strict, transport=transport) as fetcher:
            assert (await fetcher.fetch(f"http://news.test:{site.port}/ok")).status == 200
            with pytest.raises(PermanentFetchError, match="ALLOW_PRIVATE_SOURCES") as hop:
                await fetcher.fetch(f"http://news.test:{site.port}/feed")
            with pytest.raises(PermanentFetchError, match="ALLOW_PRIVATE_SOURCES") as rebound:
                await fetcher.fetch(f"http://rebind.test:{site.port}/feed")
        assert address in str(hop.value) and address in str(rebound.value)
        assert backend.connected == ["127.0.0.1"]  # the one keep-alive connection to the feed
        assert site.hits("/feed") == 1
