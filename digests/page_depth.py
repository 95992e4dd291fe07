"""A page nested deeper than libxml2 allows is read without its wrapper tags, or refused plainly.

libxml2's HTML parser stops building the tree at 256 levels of nesting (XML_PARSE_HUGE would
allow 2,048, and the text of a deeper page would still be lost): everything under that depth,
and everything after it in the page, is dropped without an exception, so a page whose article
sits under 300 `<div>`s came out as 0 characters (QA29 A8). The parser says so in its error log
(ERR_RESOURCE_LIMIT «Excessive depth in document»), which costs nothing to read.

Such a page is parsed again with its wrapper tags taken out — the block ones (`div`, `section`,
`article`, `main`, `center`) become line breaks, the inline ones (`span`, `font`, `b`, `i`, …)
nothing — which keeps every paragraph, heading, list and link: real pages nest through
wrappers. When even that is too deep (nested lists or tables), ParseError says why, and the
article is kept from its feed entry with that reason (digests.page_fetch). Pure: text in,
tree out.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
from lxml import etree

from digests.errors import ParseError

log = logging.getLogger(__name__)

LIBXML_DEPTH = 256  # libxml2's nesting limit without XML_PARSE_HUGE
# a tag's attributes are bounded and hold no «<»: a «<div» never closed costs no rescan
_BLOCK_WRAPPERS = re.compile(r"</?(?:div|section|article|main|center)\b[^<>]{0,2000}>", re.I)
_INLINE_WRAPPERS = re.compile(
    r"</?(?:span|font|b|i|u|em|strong|small|big|mark|abbr|cite|s|sub|sup)\b[^<>]{0,2000}>", re.I)


def _too_deep(parser: etree.HTMLParser) -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message
               for e in parser.error_log)


def _parse(html: str) -> tuple[Any, bool]:
    parser = lxml.html.HTMLParser()
    root = lxml.html.document_fromstring(html, parser=parser)
    return root, _too_deep(parser)


def unwrapped(html: str) -> str:
    """`html` without its wrapper tags (module doc): what nests is gone, the text stays."""
    return _INLINE_WRAPPERS.sub("", _BLOCK_WRAPPERS.sub("\n", html))


def parse_document(html: str, url: str = "") -> Any:
    """The page's lxml tree, whole (module doc).

    Raises:
        ParseError: not HTML, or nested deeper than libxml2 reads even without its wrappers.
        ValueError, etree.ParserError: from lxml, as `lxml.html.document_fromstring`.
    """
    root, deep = _parse(html)
    if not deep:
        return root
    root, deep = _parse(unwrapped(html))
    if deep:
        raise ParseError(
            f"the page nests deeper than {LIBXML_DEPTH} levels (not only through div/span "
            f"wrappers): its text cannot be read")
    log.info("page nested too deep, read without its wrapper tags depth=%d url=%s",
             LIBXML_DEPTH, url)
    return root
