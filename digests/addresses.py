"""The private-address rule, enforced where the connection is made.

Nashra fetches URLs that other people chose (feeds, their article links, their redirects), so it
must never be steered into the operator's own network: every address that is not globally
routable (loopback, private, shared 100.64/10, link-local, multicast, reserved, and IPv6 forms
wrapping one: 6to4, Teredo, NAT64) is refused unless ALLOW_PRIVATE_SOURCES is set, and then
allowed only for the operator's own sources' hosts (digests.private_hosts, QA38 A4); link-local
and cloud metadata addresses are refused even then.

Checking a URL's host once and letting the HTTP client resolve it again to connect is not enough:
a hostile DNS server can answer a public address to the check and 127.0.0.1 to the connect (DNS
rebinding). So every TCP connection goes through `GuardedBackend`, an httpcore network backend
whose `connect_tcp` resolves the host once, refuses the answer if any address is private, and
connects to the address it checked. TLS still verifies (and sends SNI for) the host name, and the
Host header stays the host name: only the socket's destination is pinned.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import socket
import ssl
import typing
from urllib.parse import urlsplit

import httpcore
import httpx

from digests.daemon_pool import DaemonPool
from digests.errors import Reason, SourceError, TemporaryFetchError
from digests.fetch_failures import host_of
from digests.private_hosts import PrivateHosts, never_allowed
from digests.settings import Settings

log = logging.getLogger(__name__)

# The lookups' own threads. A deadline (digests.fetcher's, GuardedBackend's) gives up on a lookup
# but cannot stop its thread: on the loop's default executor, which asyncio.to_thread shares, a
# hanging resolver held every worker and each feed parse after it waited for the resolver. Here
# it holds LOOKUP_THREADS threads at most; lookups past them queue (and are dropped at their
# deadline) while the parsing goes on. Daemon threads, never joined (digests.daemon_pool): a
# ThreadPoolExecutor's were joined at exit, so a lookup that never came back kept a stopping
# process alive (REV s25 #5).
LOOKUP_THREADS = 8
_LOOKUPS = DaemonPool(LOOKUP_THREADS, "dns-lookup")


class AddressRefused(SourceError):
    """A connection was refused because the host resolved to a private address."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"private or loopback address refused: {host} resolves to {address}")
        self.host = host
        self.address = address


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052: the IPv4 address is the last 32 bits


def _wrapped(ip: ipaddress.IPv4Address | ipaddress.IPv6Address
             ) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The IPv4 addresses an IPv6 address carries (6to4, Teredo, NAT64): a gateway on the way
    may deliver the packet to them, so they are judged too (QA29 A2). An IPv4-mapped address
    is judged by its IPv4 part alone, in `is_private`."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    inner: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = []
    if ip.sixtofour is not None:
        inner.append(ip.sixtofour)
    if ip.teredo is not None:
        inner.extend(ip.teredo)
    if ip in _NAT64:
        inner.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return inner


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # `not is_global` covers what the named flags miss: 100.64.0.0/10 (carrier-grade NAT, where
    # Alibaba Cloud's metadata service lives at 100.100.100.200), 192.0.0.0/24, Teredo's 2001::/32
    return bool(not ip.is_global or ip.is_private or ip.is_loopback or ip.is_link_local
                or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def is_private(address: str) -> bool:
    """True for any address that is not globally routable: loopback, private, shared (CGNAT),
    link-local, multicast, reserved, unspecified; and for an IPv6 address wrapping one of those
    (6to4 `2002:7f00:1::`, Teredo, NAT64). An IPv4-mapped address is judged by its IPv4 part."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _refused(ip.ipv4_mapped)  # ::ffff:0:0/96 itself is not global; its IPv4 part is
    return _refused(ip) or any(_refused(inner) for inner in _wrapped(ip))


def private_address_message(url: str, address: str, *, key_set: bool = False) -> str:
    """The operator-facing refusal (Arabic, then English, with the setting that allows it; with
    the setting already on, what it allows: the sources' own hosts, QA38 A4). A link-local or
    cloud metadata address is never allowed: no setting is named as its cure (QA65-2/-5)."""
    if never_allowed(address):
        return (f"عنوان محلي الوصلة أو عنوان بيانات وصفية سحابية، لا يُجلب أبدًا (ولا مع "
                f"ALLOW_PRIVATE_SOURCES): {url} ({address}) / link-local or cloud metadata "
                f"address, never fetched (not even with ALLOW_PRIVATE_SOURCES): {url} resolves "
                f"to {address}")
    if key_set:
        return (f"عنوان خاص أو محلي غير مسموح به: {url} ({address}). ALLOW_PRIVATE_SOURCES "
                f"يسمح بالعناوين الخاصة لمضيفي مصادرك وحدها، لا لروابط الأخبار وتحويلاتها إلى "
                f"مضيف آخر، ولا لعناوين link-local والبيانات الوصفية السحابية أبدًا / private "
                f"or loopback address refused: {url} resolves to {address}; "
                f"ALLOW_PRIVATE_SOURCES allows private addresses only for your sources' own "
                f"hosts, never for link-local or cloud metadata addresses")
    return (f"عنوان خاص أو محلي غير مسموح به: {url} ({address}). لاستخدامه اضبط "
            f"ALLOW_PRIVATE_SOURCES=true / private or loopback address refused: {url} "
            f"resolves to {address}; set ALLOW_PRIVATE_SOURCES=true to allow it")


async def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order of preference, without repeats
    (an IP literal resolves to itself)."""
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    infos = await loop.run_in_executor(
        _LOOKUPS, functools.partial(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM))
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def check_address(url: str, settings: Settings,
                        private: PrivateHosts | None = None) -> None:
    """Refuse URLs whose host is private, loopback or link-local, unless the settings allow it
    (with `private`: only for the hosts it allows, digests.private_hosts).

    An early, cacheable answer with the URL in the message; the connection itself is checked
    again by `GuardedBackend`, which is what makes the rule hold.

    Raises:
        SourceError: the URL is not http(s) or its host resolves to a refused address.
        TemporaryFetchError: the host name does not resolve (DNS may recover).
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SourceError(f"رابط غير صالح (http أو https فقط): {url} / "
                          f"not an http(s) URL: {url}")
    if settings.allow_private_sources and (private is None or private.allows(parts.hostname)):
        return  # the connection is still refused a link-local or metadata address
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = await resolve_addresses(parts.hostname, port)
    except (OSError, ValueError) as exc:
        raise TemporaryFetchError(f"تعذر حل اسم المضيف / cannot resolve {parts.hostname}: {exc}",
                                  url=url) from exc
    for address in addresses:
        if is_private(address):
            raise SourceError(private_address_message(url, address,
                                                      key_set=settings.allow_private_sources),
                              why=private_reason(url, address))


def private_reason(url: str, address: str) -> Reason:
    """The Reason of a private-address refusal of `url` (its host resolved to `address`): its detail
    holds the flag «never» for a link-local or metadata address, which no setting allows
    (bot.reasons words it so, QA65-2); more flags are added where a fetch knows them
    (digests.fetcher: «key_on», «redirect», «declared»)."""
    return Reason("private_address", host_of(url), "never" if never_allowed(address) else "")


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that resolves each host once and connects to what it checked.

    Raises `AddressRefused` (not an httpcore error, so httpx lets it through unchanged) when the
    host resolves to a refused address; httpcore.ConnectError/ConnectTimeout when resolving fails.
    """

    def __init__(self, *, allow_private: bool | PrivateHosts,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        """`allow_private`: True lets every host reach a private address, a PrivateHosts only
        the operator's sources' hosts (QA38 A4); link-local and metadata addresses never."""
        self._allow_private = allow_private
        self._inner = inner if inner is not None else httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None
                          ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                # Looked up through the module so tests can stand in a resolver they control.
                addresses = await resolve_addresses(host, port)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from exc
        except (OSError, ValueError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}: no address")
        allowed = (self._allow_private.allows(host)
                   if isinstance(self._allow_private, PrivateHosts) else self._allow_private)
        for address in addresses:
            if never_allowed(address) or (not allowed and is_private(address)):
                log.warning("connection refused host=%s address=%s private_allowed=%s", host,
                            address, allowed)
                raise AddressRefused(host, address)
        if isinstance(self._allow_private, PrivateHosts) and any(map(is_private, addresses)):
            self._allow_private.saw_private(host)
        last: Exception | None = None
        for address in addresses:  # the resolver's order; the next one when a route is down
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout,
                                                      local_address=local_address,
                                                      socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
            self, path: str, timeout: float | None = None,
            socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None
    ) -> httpcore.AsyncNetworkStream:  # pragma: no cover - Nashra never uses Unix sockets
        raise httpcore.ConnectError("Unix sockets are not used by Nashra")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, with its connection pool built on `GuardedBackend`.

    httpx 0.28 does not take a network backend, so the pool it builds is replaced by the same
    pool (same limits, TLS context, HTTP/1.1) given ours; everything above the pool is httpx's.
    """

    def __init__(self, settings: Settings, limits: httpx.Limits, *,
                 inner: httpcore.AsyncNetworkBackend | None = None,
                 ssl_context: ssl.SSLContext | None = None,
                 private: PrivateHosts | None = None) -> None:
        """`inner` is the backend that opens sockets (httpcore's AnyIO one) and `ssl_context`
        the TLS settings (certifi's CAs, as httpx's own); tests pass their own."""
        if ssl_context is None:
            ssl_context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=ssl_context, limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True, http2=False,
            network_backend=GuardedBackend(
                allow_private=private if private is not None and settings.allow_private_sources
                else settings.allow_private_sources, inner=inner),
        )
