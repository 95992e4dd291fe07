"""What a host's form alone says: its name in a URL, the addresses never allowed, and whether
it is private by form. Pure: no lookup, no database.

Kept apart from `digests.private_hosts` (which reads the `sources` table) so the feed parser
can refuse a metadata-address link without importing a module that opens SQLite (QA73-22).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_METADATA = frozenset({ipaddress.ip_address("100.100.100.200"),
                       ipaddress.ip_address("fd00:ec2::254"),
                       ipaddress.ip_address("169.254.169.254")})


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


_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet",
                   ".corp", ".home")


def local_by_form(host: str) -> bool:
    """Whether `host` is private by its very form: a private or loopback address literal, or a
    name no public DNS answers (localhost, one label, .local, .internal, .lan, .home.arpa …).
    Such a host cannot be rebound by whoever runs a public domain."""
    host = host.lower().strip("[]").rstrip(".")
    if not host:
        return False
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return host == "localhost" or "." not in host or host.endswith(_LOCAL_SUFFIXES)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global and not never_allowed(str(ip))
