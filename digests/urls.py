"""URL normalization for deduplication, and the content hash of an article.

Two links to the same article often differ only in tracking parameters (utm_*, fbclid, gclid),
the fragment, the case of the host or an explicit default port. `url_key` folds those away so the
`articles.url_key` column catches re-posts; `content_hash` catches the same text under two URLs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_EXACT = frozenset({"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
                             "mc_cid", "mc_eid", "igshid", "_ga", "ocid", "at_medium",
                             "at_campaign", "at_custom1", "at_custom2", "at_custom3",
                             "at_custom4"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SPACE_RE = re.compile(r"\s+")
_BAD_HOST_RE = re.compile(r"[\s\x00-\x1f\x7f<>\"{}|\\^`]")


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low.startswith("utm_") or low in _TRACKING_EXACT


def without_tracking(url: str) -> str:
    """`url` without its tracking parameters (those `url_key` drops), the rest exactly as
    written: the link a reader gets (QA63-2: «?utm_source=rss&utm_campaign=…» was passed on).
    Same `url_key`; as given when it has none or cannot be parsed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    pieces = parts.query.split("&")
    kept = [p for p in pieces if not _is_tracking(unquote(p.split("=", 1)[0]))]
    if len(kept) == len(pieces):
        return url
    return urlunsplit(parts._replace(query="&".join(kept)))


def url_key(url: str) -> str:
    """The normalized form of `url` used to recognise the same article under two links.

    Lower-cases scheme and host, drops default ports, the fragment, tracking parameters
    (utm_*, fbclid, gclid …) and a lone trailing `?`, sorts the remaining query parameters and
    re-encodes the path consistently (percent-encoded Arabic and raw Arabic give one key).
    Idempotent: `url_key(url_key(u)) == url_key(u)`. Never raises: a malformed link (one bad
    link in a feed must not cost the others) keys as written, without its fragment.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[oops/": not a URL anyone can fetch
        return url.split("#", 1)[0]
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if scheme and not host:  # "http://.//": no host to fetch; rebuilt, it would parse differently
        return url.split("#", 1)[0]
    netloc = host
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # out of range: kept as written, so the key stays distinct
        port = None
        netloc = parts.netloc.lower().rpartition("@")[2]
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%") or "/"
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _is_tracking(k)]
    pairs.sort()
    query = urlencode(pairs, doseq=False, quote_via=quote)
    return urlunsplit((scheme, netloc, path, query, ""))


def absolute_url(href: str, base_url: str) -> str:
    """`href` resolved against `base_url` (links in feeds and pages are often relative).

    A malformed `href` comes back as written (`is_http_url` then says no) instead of raising.
    """
    try:
        return urljoin(base_url, href.strip())
    except ValueError:
        return href.strip()


def is_http_url(url: str) -> bool:
    """True for absolute http(s) URLs with a well-formed host and port; never raises."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return False
    host = parts.hostname or ""
    return (parts.scheme.lower() in {"http", "https"} and bool(host)
            and not _BAD_HOST_RE.search(host))


def content_hash(title: str, text: str) -> str:
    """SHA-256 of the NFKC-normalized, whitespace-collapsed title and text (hex)."""
    norm = unicodedata.normalize("NFKC", f"{title}\n{text}")
    norm = _SPACE_RE.sub(" ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
