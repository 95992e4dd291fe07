"""Which hosts may be private when ALLOW_PRIVATE_SOURCES is set: the operator's own (QA38 A4).

The key used to lift the private-address rule for every connection: one intranet source, and any
feed's article links and redirects could reach the operator's network, and what they read was
shown to readers (read-back SSRF). Now a private or loopback address is allowed only for a host
of a source the operator added (the `sources` table, or the URL a fetch of a feed or of
/addsource starts from) and so for that host's own pages; a redirect or an article link to any
other private host is refused as without the key. Link-local addresses (169.254.0.0/16,
fe80::/10) and cloud metadata services (100.100.100.200, fd00:ec2::254) are refused even then.
"""

from __future__ import annotations

import ipaddress
import logging
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlsplit

from digests.sqlite_uri import read_only_uri

log = logging.getLogger(__name__)

_METADATA = frozenset({ipaddress.ip_address("100.100.100.200"),
                       ipaddress.ip_address("fd00:ec2::254"),
                       ipaddress.ip_address("169.254.169.254")})
SOURCE_HOSTS_SECONDS = 30.0  # an added source's host is trusted within this long (or at once
# through `PrivateHosts.trust`, which a fetch of a feed calls)
_cache: dict[str, tuple[float, frozenset[str]]] = {}


def never_allowed(address: str) -> bool:
    """Link-local and cloud metadata addresses, IPv4-mapped forms included: refused whatever
    ALLOW_PRIVATE_SOURCES says (credentials live there, never news)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_link_local or ip in _METADATA


def host_of(url: str) -> str:
    """The lower-case host name of `url` ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def source_hosts(database_path: Path | str) -> frozenset[str]:
    """The hosts of the sources stored in the database (read-only, cached a few seconds);
    empty when there is no database yet."""
    key = str(database_path)
    cached = _cache.get(key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    hosts: frozenset[str] = frozenset()
    try:
        conn = sqlite3.connect(read_only_uri(Path(database_path).resolve()), uri=True,
                               timeout=2.0)
        try:
            hosts = frozenset(h for (url,) in conn.execute("select url from sources")
                              if (h := host_of(str(url))))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.debug("source hosts unread path=%s error=%s", key, exc)
    _cache[key] = (time.monotonic() + SOURCE_HOSTS_SECONDS, hosts)
    return hosts


def forget_cache() -> None:
    """Drop the cached source hosts (a test, or a source just added)."""
    _cache.clear()


class PrivateHosts:
    """The hosts one fetcher may reach on private addresses (none without the key)."""

    def __init__(self, allow: bool, database_path: Path | str | None) -> None:
        self.allow = allow
        self._database_path = database_path
        self._trusted: set[str] = set()

    def trust(self, url: str) -> None:
        """`url` is the operator's: a source's feed, or a link typed to /addsource."""
        if self.allow and (host := host_of(url)):
            self._trusted.add(host)

    def allows(self, host: str) -> bool:
        """Whether `host` may resolve to a private (not link-local/metadata) address."""
        if not self.allow:
            return False
        host = host.lower().strip("[]")
        if host in self._trusted:
            return True
        if self._database_path is None:
            return False
        return host in source_hosts(self._database_path)
