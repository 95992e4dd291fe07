"""The whole entries at the head of a feed read only up to MAX_BODY_BYTES (QA35 L2).

A feed that grows past the cap (its items carrying their full text, hundreds of them) was
refused whole at every poll: 0 articles from the source for good, and advice that did not fit.
The fetcher now hands back the bytes it read up to the cap (digests.fetcher.PARTIAL_HEADER);
`whole_entries` cuts them after the last entry read whole and closes the document, so the entries
the site lists first (a feed lists its newest first) are read as usual. When not one entry was
read whole (a giant preamble before the items), `None`: the poll fails with advice naming the
cap's Settings key (bot reason «feed_too_big»). Pure bytes in, bytes out.
"""

from __future__ import annotations

import re

from digests.feed_cut import entry_spans

# The end tag of an RSS item or an Atom entry, with or without a namespace prefix
_ENTRY_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
# What closes the document, by its root element (RSS 2: channel then rss; RSS 1.0: RDF; Atom)
_CLOSERS = ((re.compile(rb"<rss[\s>]"), b"\n</channel></rss>\n"),
            (re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?RDF[\s>]"), b"\n</rdf:RDF>\n"),
            (re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?feed[\s>]"), b"\n</feed>\n"))
_HEAD_BYTES = 64 * 1024  # where the root element is looked for


def whole_entries(body: bytes) -> tuple[bytes, int] | None:
    """`body` cut after its last whole entry and closed, with how many entries it holds; None
    when it holds none whole, is no RSS/Atom document, or its entries cannot be cut safely."""
    last = None
    for last in _ENTRY_END.finditer(body):
        pass
    if last is None:
        return None
    head = body[:_HEAD_BYTES]
    closer = next((c for pattern, c in _CLOSERS if pattern.search(head)), None)
    if closer is None:
        return None
    cut = body[:last.end()]
    spans = entry_spans(cut)  # None: an entry left open, or markup (CDATA, comment) unclosed
    if not spans:
        return None
    return cut + closer, len(spans)
