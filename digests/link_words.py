"""A link as an admin pastes it (QA44 T4): inside guillemets or quotes («http://…/feed.xml»,
"…"), brackets, or markup copied from a page (<b>http://…</b>, href="…"), or with its scheme and
host in capitals (HTTP://EXAMPLE.COM/feed, which was fetched as typed and answered 404 by a
server that keys the path). `link_word` gives the link itself, the scheme and host lower-cased
(the path is kept as typed: paths are case-sensitive); a word that is no link once trimmed is
given back unchanged, so words of a name are never touched. Pure.
"""

from __future__ import annotations

import re

from digests.reader_text import links_in

# markup tags around a link; `href=` of a tag split at its spaces
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_HREF_RE = re.compile(r"^(?:href|src)=", re.IGNORECASE)
_OPEN = "«‹\"'“”‘’„(<[{"
_CLOSE = "»›\"'“”‘’)>]},،;؛"
_SCHEME_HOST_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)$", re.DOTALL)


def _is_link(word: str) -> bool:
    return "://" in word or bool(links_in(word))


def lower_scheme_and_host(link: str) -> str:
    """`link` with its scheme and host lower-cased (a user:password@ kept as typed)."""
    match = _SCHEME_HOST_RE.match(link)
    if match is None:
        return link
    scheme, netloc, rest = match.groups()
    userinfo, at, host = netloc.rpartition("@")
    return f"{scheme.lower()}://{userinfo}{at}{host.lower()}{rest}"


def link_word(word: str) -> str:
    """The link a pasted word holds, trimmed of the marks around it, or `word` unchanged when
    it holds none."""
    trimmed = _HREF_RE.sub("", _TAG_RE.sub("", word)).strip()
    trimmed = trimmed.lstrip(_OPEN).rstrip(_CLOSE)
    if not trimmed or not _is_link(trimmed):
        return word
    return lower_scheme_and_host(trimmed)
