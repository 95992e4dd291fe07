"""A feed listing far more entries than a poll keeps is cut before feedparser reads it.

MAX_ENTRIES_PER_FEED bounds what one poll stores (QA29 A3), but the whole feed was still parsed
first: feedparser takes ~0.24 ms an entry, so a 100,000-entry feed (9 MB, under the fetch's
10 MB cap) cost ~24 s of a core every poll to keep 200 (QA29 A8). `cut_items` keeps the first
and the last `limit // 2` entries of a longer feed and drops the middle ones from the bytes: a
feed lists its newest first (the head) or, more rarely, oldest first (the tail), and
`source_work.newest` then picks the newest of what is left by date. `parse_limit` keeps room
for the entries a poll finds known already (a poll keeps the new ones): 5× the cap, at least
1,000, so a feed of normal length is never cut and the next poll still takes what one left.

The cut is made only where it is safe: entries found by a scan that skips CDATA sections,
comments, processing instructions and the DOCTYPE (text cannot hold a raw «<», so outside them
every «<item»/«<entry» is a tag), and only when they follow one another without nesting; any
other shape is parsed whole, as before. Pure bytes in, bytes out.
"""

from __future__ import annotations

import re

PARSE_FACTOR = 5  # entries parsed per entry a poll may keep
PARSE_MIN = 1000  # never fewer: a normal feed is never cut

# Where a scan step starts: markup whose inside is text (found to its end with `find`, so one
# pass over the bytes whatever they hold), or an entry's tag (attributes bounded, same reason)
_STARTS = re.compile(
    rb"<(?:(!\[CDATA\[)|(!--)|(\?)|(!DOCTYPE)"
    rb"|(/?)(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s/>])[^<>]{0,2000}>)")
_ENDS = {1: b"]]>", 2: b"-->", 3: b"?>"}


def parse_limit(max_entries_per_feed: int) -> int:
    """How many entries of one feed are parsed for a poll keeping `max_entries_per_feed`."""
    return max(PARSE_MIN, PARSE_FACTOR * max_entries_per_feed)


def entry_spans(body: bytes) -> list[tuple[int, int]] | None:
    """(start, end) of every top-level `<item>`/`<entry>` element in the XML `body`, in order;
    None when they nest or do not pair, or markup is left open (then nothing is cut)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_name = b""
    at = 0
    while (match := _STARTS.search(body, at)) is not None:
        opener = match.lastindex if match.group(6) is None else None
        if opener in _ENDS:  # CDATA, comment, PI: their «<item» is text
            end = body.find(_ENDS[opener], match.end())
            if end < 0:
                return None
            at = end + len(_ENDS[opener])
            continue
        if opener == 4:  # DOCTYPE, with its internal subset in [ … ]
            close = body.find(b">", match.end())
            square = body.find(b"[", match.end(), close if close >= 0 else len(body))
            if square >= 0:
                bracket = body.find(b"]", square)
                close = body.find(b">", bracket) if bracket >= 0 else -1
            if close < 0:
                return None
            at = close + 1
            continue
        at = match.end()
        name, closing = match.group(6), bool(match.group(5))
        if not closing and match.group(0).endswith(b"/>"):  # <item/>
            if open_at is not None:
                return None
            spans.append((match.start(), match.end()))
        elif not closing:
            if open_at is not None:  # an entry inside an entry: not a shape we cut
                return None
            open_at, open_name = match.start(), name
        else:
            if open_at is None or name != open_name:
                return None
            spans.append((open_at, match.end()))
            open_at = None
    return None if open_at is not None else spans


def cut_items(body: bytes, limit: int) -> tuple[bytes, int]:
    """`body` with at most `limit` entries (its first and last `limit // 2`) and how many were
    dropped; `body` itself when it lists no more, or when its entries cannot be cut safely."""
    # a cheap bound first: every entry spells its name at least twice (open and close tags)
    if body.count(b"item") + body.count(b"entry") <= 2 * limit:
        return body, 0
    spans = entry_spans(body)
    if spans is None or len(spans) <= limit:
        return body, 0
    head = limit - limit // 2
    tail = limit - head
    # what lies between two dropped entries goes with them (whitespace, in a feed's usual shape)
    kept = body[:spans[head - 1][1]] + b"\n" + body[spans[len(spans) - tail][0]:] if tail \
        else body[:spans[head - 1][1]] + body[spans[-1][1]:]
    return kept, len(spans) - limit
