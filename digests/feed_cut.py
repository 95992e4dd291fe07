"""A feed listing far more entries than a poll keeps is cut before feedparser reads it.

MAX_ENTRIES_PER_FEED bounds what one poll stores (QA29 A3), but the whole feed was still parsed
first: feedparser takes ~0.24 ms an entry, so a 100,000-entry feed (9 MB, under the fetch's
10 MB cap) cost ~24 s of a core every poll to keep 200 (QA29 A8). `cut_items` keeps the newest
`limit` entries of a longer feed and drops the others from the bytes: a feed lists its newest
first (the head, kept) or, more rarely, oldest first (the tail, kept); which one is read from
the dates of its first and last entries (`newest_end`). When they do not tell (undated entries,
one date at both ends), the first and the last `limit // 2` are kept, as before session 15, and
`source_work.newest` picks the newest of what is left by date. `parse_limit` keeps room for the
entries a poll finds known already (a poll keeps the new ones): 5× the cap, at least 1,000, so a
feed of normal length is never cut and the next poll still takes what one left.

The entries cut are never read, at this poll or a later one (X50's decision): a feed listing
over 1,000 entries is an archive, and its older entries are no news; a poll stores at most
MAX_ENTRIES_PER_FEED new ones anyway. How many were skipped is said: the poll's WARNING line and,
in the bot, a line under the source in /sources (digests.source_work.feed_cut_of). An undated
feed of a fixed length (its oldest leave its end as new ones come at its head) moves the entries
cut at one poll into its kept last `limit // 2` at a later one: read then, they were in the feed
when its source was added, and a new source's first poll records them as its backlog
(`dropped_spans`, digests.source_backlog; X135), never alerted.

The cut is made only where it is safe: entries found by a scan that skips CDATA sections,
comments, processing instructions and the DOCTYPE (text cannot hold a raw «<», so outside them
every «<item»/«<entry» is a tag), and only when they follow one another without nesting; any
other shape is parsed whole, as before. Pure bytes in, bytes out.
"""

from __future__ import annotations

import re
from typing import Literal

from digests.dates import parse_date

End = Literal["head", "tail", "both"]

PARSE_FACTOR = 5  # entries parsed per entry a poll may keep
PARSE_MIN = 1000  # never fewer: a normal feed is never cut

# Where a scan step starts: markup whose inside is text (found to its end with `find`, so one
# pass over the bytes whatever they hold), or an entry's tag (attributes bounded, same reason)
_STARTS = re.compile(
    rb"<(?:(!\[CDATA\[)|(!--)|(\?)|(!DOCTYPE)"
    rb"|(/?)(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s/>])[^<>]{0,2000}>)")
_ENDS = {1: b"]]>", 2: b"-->", 3: b"?>"}
# An entry's date element (RSS pubDate, Atom published/updated, Dublin Core date): its text
_DATE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(pubDate|published|updated|date)\b[^>]{0,200}>"
                      rb"\s*(?:<!\[CDATA\[)?([^<]{1,100})<")


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


def entry_date(entry: bytes) -> float | None:
    """The first date an entry's markup carries, as a timestamp (None: none readable)."""
    match = _DATE_RE.search(entry)
    if match is None:
        return None
    when = parse_date(match.group(2).decode("utf-8", "replace").strip(), languages=("en",))
    return when.timestamp() if when is not None else None


def newest_end(first: float | None, last: float | None) -> End:
    """Which end of a feed lists its newest entries, from the dates of its first and last
    entry: "head" (newest first, the usual order), "tail" (oldest first) or "both" (unknown)."""
    if first is None or last is None or first == last:
        return "both"
    return "head" if first > last else "tail"


def listed_end(body: bytes, spans: list[tuple[int, int]]) -> End:
    """`newest_end` of the entries at `spans` of `body` (`entry_spans`; at least one), read from
    the dates of the first and the last (also digests.feed_prefix.oldest_first's reading)."""
    first, last = spans[0], spans[-1]
    return newest_end(entry_date(body[first[0]:first[1]]), entry_date(body[last[0]:last[1]]))


def cut_items(body: bytes, limit: int) -> tuple[bytes, int]:
    """`body` with at most `limit` entries (its newest end's, or its first and last `limit // 2`
    when the dates do not tell which end that is) and how many were dropped; `body` itself when
    it lists no more, or when its entries cannot be cut safely."""
    spans = _over(body, limit)
    if spans is None:
        return body, 0
    head, tail = _kept(body, spans, limit)
    if not head:  # oldest first: the last `limit`
        return body[:spans[0][0]] + body[spans[len(spans) - tail][0]:], len(spans) - limit
    # what lies between two dropped entries goes with them (whitespace, in a feed's usual shape)
    kept = body[:spans[head - 1][1]] + b"\n" + body[spans[len(spans) - tail][0]:] if tail \
        else body[:spans[head - 1][1]] + body[spans[-1][1]:]
    return kept, len(spans) - limit


def _over(body: bytes, limit: int) -> list[tuple[int, int]] | None:
    """The entry spans of `body` when it lists more than `limit` entries that can be cut
    safely, else None (cut_items and dropped_part share it)."""
    # a cheap bound first: every entry spells its name at least twice (open and close tags)
    if body.count(b"item") + body.count(b"entry") <= 2 * limit:
        return None
    spans = entry_spans(body)
    return None if spans is None or len(spans) <= limit else spans


def _kept(body: bytes, spans: list[tuple[int, int]], limit: int) -> tuple[int, int]:
    """How many of the entries at `spans` (more than `limit`) the cut keeps at the head and at
    the tail: its newest end's `limit`, else the first and last `limit // 2` (`listed_end`)."""
    end = listed_end(body, spans)
    head = limit if end == "head" else 0 if end == "tail" else limit - limit // 2
    return head, limit - head


def dropped_part(body: bytes, limit: int, most: int) -> tuple[bytes, int]:
    """A feed of `body`'s own head and tail markup holding the entries `cut_items(body, limit)`
    drops — the `most` of them nearest the kept tail (else head) — and how many it holds (0,
    `body` unchanged: none is dropped). For digests.source_backlog: a new source's first poll
    parses once what its polls never read, to know it when a later poll does."""
    spans = _over(body, limit)
    if spans is None:
        return body, 0
    head, tail = _kept(body, spans, limit)
    dropped = spans[head:len(spans) - tail]
    # those a later poll may read first: beside the kept tail (an undated feed's entries move
    # towards it as new ones come at its head), else beside the kept head
    dropped = (dropped[-most:] if tail else dropped[:most]) if most > 0 else []
    if not dropped:
        return body, 0
    entries = b"\n".join(body[start:end] for start, end in dropped)
    return body[:spans[0][0]] + entries + body[spans[-1][1]:], len(dropped)
