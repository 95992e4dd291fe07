"""The whole entries at the head of a feed read only up to MAX_BODY_BYTES (QA35 L2).

A feed that grows past the cap (its items carrying their full text, hundreds of them) was
refused whole at every poll: 0 articles from the source for good, and advice that did not fit.
The fetcher now hands back the bytes it read up to the cap (digests.fetcher.PARTIAL_HEADER);
`whole_entries` cuts them after the last entry read whole and closes the document, so the entries
the site lists first (a feed lists its newest first) are read as usual. When not one entry was
read whole (a giant preamble before the items), `None`: the poll fails with advice naming the
cap's Settings key (bot reason «feed_too_big»). Pure bytes in, bytes out.

A feed that lists its oldest entries first (X54's left) keeps, cut this way, its *oldest* whole
entries, and its news never comes: the tail cannot be read without reading the whole body, and a
ranged second request would still have to find an entry boundary in the middle of the XML.
`oldest_first` tells it from the dates of the first and last whole entries (digests.feed_cut's
`listed_end`), and the poll says so plainly: a WARNING naming MAX_BODY_BYTES and, in the bot, a
line under the source in /sources (digests.source_work.oldest_first_of) — the honest minimum.
"""

from __future__ import annotations

import re

from digests.feed_cut import entry_spans, listed_end

# The end tag of an RSS item or an Atom entry, with or without a namespace prefix
_ENTRY_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
# The root element (RSS 2, RSS 1.0's RDF, Atom's feed, as written with its prefix): the first one
# in the document is the root — «<rss>» quoted in an Atom feed's text comes after its «<feed>»
_ROOT = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(?:rss|RDF|feed))[\s>]")
_HEAD_BYTES = 64 * 1024  # where the root element is looked for
# An entry's start tag (RSS, Atom, with a prefix), or a JSON Feed's list of items
_ENTRY_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]|\"items\"\s*:")


def entry_started(body: bytes) -> bool:
    """Whether `body` (a feed read up to the cap) may be a feed whose entries lie past the cap:
    it opens an RSS/Atom root or a JSON object, or begins an entry. Neither in the whole cap (a
    gzip bomb of zeros) is no feed: raising the cap would not help, so the advice is not to
    (QA65-8, bot reason «feed_no_entry»). «<rss>» then megabytes of «A» cannot be told from a
    feed with a giant preamble before its items, so it keeps the cap's advice."""
    return (_ROOT.search(body[:_HEAD_BYTES]) is not None or body.lstrip()[:1] == b"{"
            or _ENTRY_START.search(body) is not None)


def whole_entries(body: bytes) -> tuple[bytes, int] | None:
    """`body` cut after its last whole entry and closed, with how many entries it holds; None
    when it holds none whole, is no RSS/Atom document, or its entries cannot be cut safely."""
    last = None
    for last in _ENTRY_END.finditer(body):
        pass
    if last is None:
        return None
    root = _ROOT.search(body[:_HEAD_BYTES])
    if root is None:
        return None
    name = root.group(1)
    # RSS 2 closes its channel first; RDF and feed close with the name they were opened with
    closer = b"\n</channel></rss>\n" if name == b"rss" else b"\n</" + name + b">\n"
    cut = body[:last.end()]
    spans = entry_spans(cut)  # None: an entry left open, or markup (CDATA, comment) unclosed
    if not spans:
        return None
    return cut + closer, len(spans)


def oldest_first(cut: bytes) -> bool:
    """Whether the entries read (`whole_entries`' cut) list the oldest first: the first whole
    entry dated before the last one. False when the dates do not tell (undated, one date)."""
    spans = entry_spans(cut)
    if spans is None or len(spans) < 2:
        return False
    return listed_end(cut, spans) == "tail"
