"""Pure rendering of digests to Telegram HTML messages (no I/O, `now` passed in).

What a reader sees of a story: the headline bold and linked, the source and a relative time
(«منذ ٣ ساعات»), key quotes as «…» — speaker, and related links. The rules Telegram imposes:

- Every dynamic string is escaped. Telegram's HTML mode knows only the named entities &lt; &gt;
  &amp; &quot;, so we escape with exactly those (html.escape would emit &#x27; for apostrophes).
- A message holds at most 4096 UTF-16 code units of text *after* entity parsing. Messages are
  packed from whole stories; a story too long for one message is split between its lines, and a
  line too long for a message at sentence boundaries (then words, then characters).
- Telegram picks a line's direction from its first strong character, so a line that starts with a
  URL, Latin text, a digit, «, a bullet or an emoji renders left-to-right. Each line whose first
  character is not an Arabic letter gets a leading U+200F (RIGHT-TO-LEFT MARK). The one
  exception: in the English interface, a line that is only an English label (a results header,
  «Related links:») keeps its natural direction; every line of a story stays right-to-left.

Internally a message is built from `Line`s (tuples of styled `Span`s of plain text); markup is
added only when a line is turned into HTML, so splitting never cuts through a tag or an entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.i18n import num, relative_time, t
from digests.models import Digest
from digests.quotes import quote_marks_balanced

LIMIT = 4096  # UTF-16 code units per message, after entity parsing
RLM = "\u200f"
MAX_RELATED = 5
MAX_URL = 2048
MAX_ENTITIES = 100  # per message; Telegram ignores formatting past the 100th entity
MAX_LINKS = 8000  # URL characters per message, under Telegram's ~9,500 ENTITIES_TOO_LONG bound

_WS_RE = re.compile(r"\s+")
# Control characters that are not whitespace (whitespace ones collapse to a space) and lone
# surrogates, which cannot be sent as UTF-8.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
_SENTENCE_RE = re.compile(r"[^.!?؟…]*(?:[.!?؟…]+|$)\s*")
_WORD_RE = re.compile(r"\s*\S+\s*")
_QUOTE_MARKS = "\"'“”«»„‟‹›`"
_URL_OK_RE = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """A run of plain (unescaped) text with its style."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    ltr: bool = False  # an English interface label: its line keeps its natural direction


Line = tuple[Span, ...]


# ---------------------------------------------------------------------------------------------
# Text helpers


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's 4096 limit."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clean(text: str | None) -> str:
    """One line of displayable text: no control characters or lone surrogates, spaces collapsed.

    Newlines inside a headline or quote would start a new line that has no RLM, so all
    whitespace becomes one space.
    """
    if not text:
        return ""
    return _WS_RE.sub(" ", _CONTROL_RE.sub("", text)).strip()


def escape_text(text: str) -> str:
    """Escape text content for Telegram HTML (& < > only)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    """Escape an attribute value for Telegram HTML (& < > and the double quote)."""
    return escape_text(text).replace('"', "&quot;")


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) URL Telegram will accept as a link, else None."""
    if not url:
        return None
    url = clean(url)
    if len(url) > MAX_URL or not _URL_OK_RE.match(url):
        return None
    return url


_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›", '"': '"', "'": "'"}


def _strip_quotes(text: str) -> str:
    """Drop the quote marks around a quote (we draw our own «…»), keeping inner ones.

    'ما يحصل في اليمن "جرائم حرب"' keeps its closing mark: it belongs to the inner pair.
    """
    t = text.strip()
    while len(t) >= 2 and _PAIRS.get(t[0]) == t[-1] and quote_marks_balanced(t[1:-1]):
        t = t[1:-1].strip()
    # A lone mark left at either end (a quote cut from a longer one) has no partner: drop it.
    if t[:1] and t[0] in _QUOTE_MARKS and not quote_marks_balanced(t):
        t = t[1:].strip()
    if t[-1:] and t[-1] in _QUOTE_MARKS and not quote_marks_balanced(t):
        t = t[:-1].strip()
    return t


def starts_rtl(text: str) -> bool:
    """True when the first character is a right-to-left letter (Telegram then renders RTL)."""
    return bool(text) and unicodedata.bidirectional(text[0]) in ("AL", "R")


# ---------------------------------------------------------------------------------------------
# Lines


def _needs_rlm(line: Line, text: str) -> bool:
    return not starts_rtl(text) and not (line and line[0].ltr)


def line_text(line: Line) -> str:
    """The visible text of a line as Telegram shows it (with the RLM when one is needed)."""
    text = "".join(s.text for s in line)
    return RLM + text if _needs_rlm(line, text) else text


def line_len(line: Line) -> int:
    """UTF-16 units of a line as shown (RLM included)."""
    return utf16_len(line_text(line))


def line_html(line: Line) -> str:
    """A line as Telegram HTML; every dynamic string escaped."""
    text = "".join(s.text for s in line)
    out = [RLM] if _needs_rlm(line, text) else []
    for span in line:
        piece = escape_text(span.text)
        if span.href:
            piece = f'<a href="{escape_attr(span.href)}">{piece}</a>'
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


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
# Digests


def _label(text: str, lang: str) -> Span:
    """A bold interface label. In English it keeps its natural left-to-right direction (with
    an RLM, «Related links:» would show as «:Related links»); story lines stay right-to-left."""
    return Span(text, bold=True, ltr=lang == "en")


def digest_lines(digest: Digest, lang: str, now: datetime, *, with_related: bool = True,
                 index: int | None = None) -> list[Line]:
    """The lines of one story: headline, source and time, quotes, related links."""
    headline = clean(digest.headline) or clean(digest.url) or "—"
    head: list[Span] = []
    if index is not None:
        head.append(Span(f"{num(index, lang)}. ", bold=True))
    head.append(Span(headline, bold=True, href=safe_url(digest.url)))
    lines: list[Line] = [tuple(head)]
    meta = " · ".join(p for p in (clean(digest.source),
                                   relative_time(digest.published_at, now, lang)) if p)
    if meta:
        lines.append((Span(meta, italic=True),))
    for quote in digest.quotes:
        text = _strip_quotes(clean(quote.text))
        if not text:
            continue
        spans = [Span(f"«{text}»")]
        speaker = clean(quote.speaker)
        if speaker:
            spans += [Span(" — "), Span(speaker, italic=True)]
        lines.append(tuple(spans))
    if with_related:
        lines.extend(related_lines(digest, lang))
    return lines


def related_lines(digest: Digest, lang: str) -> list[Line]:
    """«روابط ذات صلة:» and one bulleted link per related item (at most MAX_RELATED)."""
    items: list[Line] = []
    seen = {clean(digest.url)}
    for item in digest.related:
        url = safe_url(item.url)
        if url is None or url in seen:  # a related item is only worth its link
            continue
        title = clean(item.title) or url
        seen.add(url)
        items.append((Span("• "), Span(title, href=url)))
        if len(items) == MAX_RELATED:
            break
    if not items:
        return []
    return [(_label(t("related", lang), lang),), *items]


def render_digest(digest: Digest, lang: str, now: datetime) -> str:
    """One digest as one Telegram HTML message (cut short with «…» if it cannot fit)."""
    return pack([truncate(digest_lines(digest, lang, now))])[0]


def render_digest_messages(digest: Digest, lang: str, now: datetime) -> list[str]:
    """One digest as one or more messages, nothing dropped (split at line/sentence boundaries)."""
    return pack([digest_lines(digest, lang, now)])


def render_bundle(digests: Iterable[Digest], lang: str, now: datetime, *,
                  header: bool | None = None) -> list[str]:
    """Several stories as few messages as fit (a subscriber is not flooded).

    `header` adds «📰 نشرة الأخبار» on top; by default only when there are several stories.
    """
    items = list(digests)
    stories: list[list[Line]] = [digest_lines(d, lang, now) for d in items]
    if header or (header is None and len(items) > 1):
        stories.insert(0, [(_label(t("bundle_header", lang), lang),)])
    return pack(stories)


def render_results(digests: Sequence[Digest], lang: str, now: datetime, *, query: str,
                   offset: int = 0, total: int | None = None,
                   total_exact: bool = True) -> list[str]:
    """One page of topic answers: a header, then numbered stories without their related links
    (the «روابط ذات صلة» button per story shows them). `total` counts stories; when it is only
    a lower bound (`total_exact` False) the header says «على الأقل» / "at least"."""
    total = len(digests) + offset if total is None else total
    q = clean(query)[:100]
    header = t("results_header" if total_exact else "results_header_at_least", lang, query=q,
               first=num(offset + 1, lang), last=num(offset + len(digests), lang),
               total=num(total, lang))
    stories: list[list[Line]] = [[(_label(header, lang),)]]
    stories += [digest_lines(d, lang, now, with_related=False, index=offset + i + 1)
                for i, d in enumerate(digests)]
    return pack(stories)


def render_related(digest: Digest, lang: str, now: datetime) -> str:
    """The headline of a story and its related links (the answer to «روابط ذات صلة»)."""
    lines = digest_lines(digest, lang, now, with_related=False)[:1] + related_lines(digest, lang)
    return pack([truncate(lines)])[0]
