"""Packing lines into Telegram messages within Telegram's per-message limits.

A message holds at most 4096 UTF-16 code units of text *after* entity parsing (LIMIT), at most
100 formatting entities (Telegram silently ignores formatting past the 100th: links would lose
their targets) and about 9,500 characters of link URLs (ENTITIES_TOO_LONG). `pack` fills messages
with whole stories (lists of `bot.lines.Line`); a story too long for one message is split between
its lines, and a line too long for a message at sentence boundaries, then words, then characters
(`split_line`). `truncate` keeps what fits in one message and marks a cut line with «…».

Lines are plain text until `bot.lines.line_html` turns them into markup, so no cut ever falls
inside a tag or an entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.lines import LRI, PDI, Line, Span, line_html, line_len, utf16_len

LIMIT = 4096  # UTF-16 code units per message, after entity parsing
MAX_ENTITIES = 100  # per message; Telegram ignores formatting past the 100th entity
MAX_LINKS = 8000  # URL characters per message, under Telegram's ~9,500 ENTITIES_TOO_LONG bound

_SENTENCE_RE = re.compile(r"[^.!?؟…]*(?:[.!?؟…]+|$)\s*")
_WORD_RE = re.compile(r"\s*\S+\s*")


# ---------------------------------------------------------------------------------------------
# Splitting a long line


def _hard_cut(text: str, budget: int) -> list[str]:
    pieces: list[str] = []
    cur: list[str] = []
    cur_len = 0
    for ch in text:
        w = 2 if ord(ch) > 0xFFFF else 1
        if cur_len + w > budget:
            pieces.append("".join(cur))
            cur = []
            cur_len = 0
        cur.append(ch)
        cur_len += w
    if cur:
        pieces.append("".join(cur))
    return pieces


def _units(text: str, budget: int) -> list[str]:
    """`text` cut into units ≤ budget: sentences, else words of a long sentence, else characters."""
    out: list[str] = []
    for sentence in _SENTENCE_RE.findall(text):
        if not sentence:
            continue
        if utf16_len(sentence) <= budget:
            out.append(sentence)
            continue
        for word in _WORD_RE.findall(sentence):
            out.extend([word] if utf16_len(word) <= budget else _hard_cut(word, budget))
    return out


def _tidy(spans: list[Span]) -> Line:
    """Merge neighbouring spans of one style and trim the line's outer spaces."""
    merged: list[Span] = []
    for s in spans:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href, merged[-1].ltr) == (
                s.bold, s.italic, s.href, s.ltr):
            last = merged.pop()
            s = Span(last.text + s.text, s.bold, s.italic, s.href, s.ltr)
        merged.append(s)
    if merged:
        first, last = merged[0], merged[-1]
        merged[0] = Span(first.text.lstrip(), first.bold, first.italic, first.href, first.ltr)
        last = merged[-1]
        merged[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.href, last.ltr)
    return tuple(s for s in merged if s.text)


def split_line(line: Line, limit: int = LIMIT) -> list[Line]:
    """A line as one or more lines, each fitting in a message (with its RLM)."""
    if line_len(line) <= limit:
        return [line]
    budget = limit - 1  # room for the RLM every continuation line may need
    lines: list[Line] = []
    cur: list[Span] = []
    cur_len = 0
    for span in line:
        for unit in _units(span.text, budget):
            w = utf16_len(unit)
            if cur and cur_len + w > budget:
                tidy = _tidy(cur)
                if tidy:
                    lines.append(tidy)
                cur, cur_len = [], 0
            cur.append(Span(unit, span.bold, span.italic, span.href, span.ltr))
            cur_len += w
    tidy = _tidy(cur)
    if tidy:
        lines.append(tidy)
    return lines


# ---------------------------------------------------------------------------------------------
# Messages


@dataclass(frozen=True)
class Size:
    """What a piece of a message costs against Telegram's per-message limits."""

    units: int = 0     # UTF-16 units of text after entity parsing (≤ LIMIT)
    entities: int = 0  # formatting entities (Telegram ignores those past MAX_ENTITIES)
    links: int = 0     # characters of link URLs (a long total fails with ENTITIES_TOO_LONG)

    def __add__(self, other: Size) -> Size:
        return Size(self.units + other.units, self.entities + other.entities,
                    self.links + other.links)

    def fits(self, limit: int = LIMIT) -> bool:
        return self.units <= limit and self.entities <= MAX_ENTITIES and self.links <= MAX_LINKS


NEWLINE = Size(units=1)


def line_size(line: Line) -> Size:
    """The cost of one line: its text (with RLM), its entities and its link URLs."""
    entities = sum(int(s.bold) + int(s.italic) + int(bool(s.href)) for s in line)
    links = sum(len(s.href) for s in line if s.href)
    return Size(line_len(line), entities, links)


def pack(stories: Sequence[Sequence[Line]], limit: int = LIMIT) -> list[str]:
    """Stories (lists of lines) packed into as few messages as fit, in order.

    Stories are separated by an empty line. A story is never split when it fits in a message
    of its own; a longer one is split between lines (and long lines at sentences). Besides the
    4096 units, a message holds at most MAX_ENTITIES formatting entities (Telegram silently
    drops the rest: links would lose their targets) and MAX_LINKS characters of URLs.
    """
    messages: list[list[Line | None]] = []
    cur: list[Line | None] = []
    cur_size = Size()

    def flush() -> None:
        nonlocal cur, cur_size
        if cur:
            messages.append(cur)
        cur, cur_size = [], Size()

    for story in stories:
        lines = [part for line in story if line for part in split_line(line, limit)]
        if not lines:
            continue
        sizes = [line_size(x) for x in lines]
        story_size = sum(sizes[1:], sizes[0]) + Size(units=len(lines) - 1)
        if cur and (cur_size + NEWLINE + NEWLINE + story_size).fits(limit):
            cur.append(None)
            cur.extend(lines)
            cur_size = cur_size + NEWLINE + NEWLINE + story_size
            continue
        flush()
        if story_size.fits(limit):
            cur, cur_size = list(lines), story_size
            continue
        for line, size in zip(lines, sizes):
            if cur and not (cur_size + NEWLINE + size).fits(limit):
                flush()
            cur_size = (cur_size + NEWLINE + size) if cur else size
            cur.append(line)
    flush()
    return ["\n".join("" if line is None else line_html(line) for line in msg)
            for msg in messages]


def truncate(lines: Sequence[Line], limit: int = LIMIT) -> list[Line]:
    """The leading lines that fit in one message; a line cut short ends with «…»."""
    out: list[Line] = []
    used = Size()
    for line in lines:
        size = line_size(line)
        total = (used + NEWLINE + size) if out else size
        if total.fits(limit):
            out.append(line)
            used = total
            continue
        room = limit - used.units - (1 if out else 0) - 2  # RLM and the ellipsis
        cut_total = used + NEWLINE + Size(0, size.entities, size.links)
        if room > 10 and cut_total.fits(limit):
            cut = split_line(line, room + 1)[0]
            out.append(cut + (Span("…"),))
        break
    return out


# ---------------------------------------------------------------------------------------------
# Shortening a line (a compact bundle's key quote)

_CLOSERS = "»”\"'"


def shorten(line: Line, budget: int) -> tuple[Line, bool]:
    """`line` within `budget` UTF-16 units (RLM included): its longest plain span (the quote
    itself, never the italic speaker or a bold label) cut at a word and ended with «…» before
    its closing quote mark, so «…» and the speaker after it stay whole. (line, False) when it
    fits; (the line, True) once cut. The quote keeps at least 12 units (a few words) even when
    the rest of the line alone passes the budget (a very long speaker): it is cut, never
    emptied."""
    over = line_len(line) - budget
    if over <= 0:
        return line, False
    at = max(range(len(line)), key=lambda i: (not line[i].italic and not line[i].bold,
                                              utf16_len(line[i].text)))
    span = line[at]
    text = span.text
    closer = text[-1] if text[-1:] in _CLOSERS else ""
    body = text[:-1] if closer else text
    keep = max(utf16_len(body) - over - 1, 12)  # the ellipsis takes one unit
    cut = ""
    for word in _WORD_RE.findall(body):
        if utf16_len(cut + word) > keep:
            break
        cut += word
    if not cut.strip():  # one very long word: characters
        cut = _hard_cut(body, keep)[0] if body else ""
    cut = cut.rstrip(" ،,؛;:-—")
    if cut.count(LRI) > cut.count(PDI):  # an isolate cut open would hold the «…» and after
        cut += PDI
    short = Span(cut + "…" + closer, span.bold, span.italic, span.href, span.ltr)
    return line[:at] + (short,) + line[at + 1:], True
