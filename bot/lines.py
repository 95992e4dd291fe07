"""Lines of a Telegram message: styled spans of plain text, their length and their HTML.

A message is built from `Line`s (tuples of styled `Span`s of plain, unescaped text); markup is
added only when a line is turned into HTML (`line_html`), so the packer (bot.packer) can cut a
line anywhere without cutting through a tag or an entity.

- Every dynamic string is escaped. Telegram's HTML mode knows only the named entities &lt; &gt;
  &amp; &quot;, so we escape with exactly those (html.escape would emit &#x27; for apostrophes).
- Lengths are counted in UTF-16 code units, the unit of Telegram's 4096 limit.
- Telegram picks a line's direction from its first strong character, so a line that starts with a
  URL, Latin text, a digit, «, a bullet or an emoji renders left-to-right. Each line whose first
  character is not an Arabic letter gets a leading U+200F (RIGHT-TO-LEFT MARK). The one
  exception: a line that starts with an English interface label (`Span.ltr`: a results header,
  «Related links:» in the English interface) keeps its natural direction.
- Inside right-to-left text, a left-to-right run that starts or ends with a neutral character
  (the «/» of /start, the «@» of @bot, a URL's «://») is laid out by the Unicode bidi algorithm
  with the neutral on the wrong side: «/start» shows as «start/». `isolate_ltr` wraps every
  /command, @name, URL and Latin run in U+200E (LEFT-TO-RIGHT MARK) on both sides. LRMs rather
  than the isolates U+2066…U+2069 where they are enough: Telegram Desktop's bidi does not
  always follow the isolate rules (tdesktop issue #27099), while every client honours the marks.
- LRMs are not enough for a run that holds right-to-left letters (a URL with an Arabic path,
  «http://x.test/أخبار.xml»): its Arabic letters end the left-to-right run, and the path shows
  before the host (QA10 F5). Such a run is also wrapped in LRI…PDI (U+2066/U+2069, part of the
  bidi algorithm since Unicode 6.3; python-bidi and libfribidi lay it out in order):
  LRM LRI run PDI LRM, so a client whose isolates are imperfect (tdesktop #27099) still has the
  marks it had before. Runs without right-to-left letters keep the LRMs alone.
- Text that looks like an HTML entity («&quot;» written in a headline) is one left-to-right
  token, wrapped whole: a mark is never put inside it (QA10 F1 showed «&‎quot‎;» mirrored).
- The mirror image in English (left-to-right) lines, `close_rtl`: an Arabic name followed by a
  number or by another Arabic name is laid out as one right-to-left run with them («Results for
  «الغوطة»: 6–10» showed «10–6 :«الغوطة», a list of three topics in reverse order: QA18 R17).
  An LRM after the Arabic run closes it; a line whose first letter is Arabic starts with one, or
  the whole line is laid out right-to-left. bot.i18n.t applies it to every English string.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna

from digests.fetch_failures import host_problem

RLM = "\u200f"
LRM = "\u200e"
LRI = "\u2066"
RLI = "\u2067"
PDI = "\u2069"
MAX_URL = 2048

_WS_RE = re.compile(r"\s+")
# Control characters that are not whitespace (whitespace ones collapse to a space) and lone
# surrogates, which cannot be sent as UTF-8.
# Bidi controls from sources (embeddings, overrides, isolates, stray marks) go too: an unclosed
# U+202B or U+2067 in a headline would reorder the rest of our line, and we place our own marks.
# Zero-width characters with no use in a headline go too (QA14 F11): U+200B ZERO WIDTH SPACE,
# U+2060 WORD JOINER and U+FEFF (a byte-order mark inside text) are invisible and break the
# search of the word they sit in. ZWJ (U+200D: emoji sequences) and ZWNJ (U+200C: Persian and
# some Arabic spellings) are kept: they change how the text is drawn.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff"
                         "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_URL_OK_RE = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)
_URL_PARTS_RE = re.compile(r"^(https?)://([^/?#]*)(.*)$", re.IGNORECASE | re.DOTALL)
# What a browser percent-encodes in a link's path, query and fragment (WHATWG URL: space, the
# double quote, < > ` { }), plus | \ ^ which some clients refuse; and every non-ASCII character.
_URL_ENCODE = frozenset(' "<>`{}|\\^')
# One left-to-right token: a URL (without trailing punctuation), or a Latin word optionally
# led by / @ # and joined to more Latin/digits by URL-ish punctuation («UTC+3», «a.b», «x_y»).
# A scheme alone («http://», «ftp://» in an error text) is a token too, or it shows «//:http».
# Arabic punctuation («، ؛ ؟») ends a URL: written after a link it belongs to the sentence.
# Entity-like text («&quot;», «&#1575;») is one token (see the module docstring).
# A URL may end in one (atomic: an entity matched is not taken back as single characters, which
# would end the URL before its «;»), and a Latin word is not joined to one by its «&».
_ENTITY = r"&#?[A-Za-z0-9]+;"
_LTR_TOKEN = (rf"(?:(?:https?|ftp)://(?:(?>{_ENTITY}|[^\s<>«»\"،؛؟])*"
              rf"(?:{_ENTITY}|[^\s<>«»\".,;:!?()،؛؟]))?"
              rf"|{_ENTITY}"
              rf"|[/@#]?[A-Za-z][A-Za-z0-9_]*(?:(?:[./:@#?=%+\-~]|&(?!#?[A-Za-z0-9]+;))+"
              r"[A-Za-z0-9_]+)*)")
# Tokens separated by spaces form one run («/addsource URL», «Sky News»).
_LTR_RUN_RE = re.compile(rf"{_LTR_TOKEN}(?:[:,;.!?]? +{_LTR_TOKEN})*")
# Markup that must not be touched: tags and entities.
_MARKUP_RE = re.compile(r"(<[^>]*>|&#?\w+;)")
_RTL_CHAR_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# An Arabic run inside a left-to-right line: Arabic words with what stands between them inside
# one phrase — spaces, quote marks, brackets, digits («سكاي نيوز عربية», «مصدر "رسمي" سوري»,
# «مقتل 100 مدني» are each shown right-to-left as a whole) — but not the separators English
# lines put between two names («, », «», «», «·», «:», «;», «.», «—», «/»).
# A dot between two Arabic letters («العربية.نت») is the name's too: closed after it, the name
# is not split into «نت.العربية» (QA36 E11).
_RTL_RUN_RE = re.compile(f"[{_RTL}]+(?:(?:[\\s\u200c\"'“”‘’()\\[\\]\\-%0-9]+|\\.)[{_RTL}]+)*")
# A source name that ends in a number («فرانس 24»), closed before it by `close_rtl`: in a byline
# the number is the name's (QA36 E11), so the mark goes after it.
_NAME_NUMBER_RE = re.compile(f"{LRM}( [0-9]+)$")
# What `close_rtl` never marks inside: tags (real ones: «<قصف>» written in a headline is text),
# entities, URLs (an Arabic path stays one link) and an isolated name (RLI…PDI or LRI…PDI,
# `isolate_rtl`: «فرانس 24» in a list keeps its number, QA41 T5).
_KEEP_RE = re.compile(r"(</?[A-Za-z][^<>]*>|&#?[A-Za-z0-9]+;|(?:https?|ftp)://[^\s<>«»\"]+"
                      "|[\u2066\u2067][^\u2066-\u2069]*\u2069)")


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
    """One line of displayable text: no control characters, bidi controls (U+202A–U+202E,
    U+2066–U+2069, U+200E/U+200F, U+061C), stray zero-width characters (U+200B, U+2060,
    U+FEFF; ZWJ and ZWNJ stay) or lone surrogates; spaces collapsed.

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
    """The URL as a link Telegram accepts: http(s) only, percent-encoded the way a browser does
    (spaces, «"», «<», «>» and non-ASCII in the path, query and fragment; a non-ASCII host in
    its IDNA form); None for another scheme, no host, a host IDNA refuses or a URL over
    MAX_URL (QA14 F8: such links used to be dropped, leaving the reader nothing to open)."""
    if not url:
        return None
    match = _URL_PARTS_RE.match(clean(url))
    if match is None:
        return None
    scheme, netloc, rest = match.groups()
    netloc = _ascii_netloc(netloc)
    if netloc is None:
        return None
    url = f"{scheme.lower()}://{netloc}{''.join(_percent(c) for c in rest)}"
    if len(url) > MAX_URL or not _URL_OK_RE.match(url):
        return None
    return url


def _percent(char: str) -> str:
    if char.isascii() and char not in _URL_ENCODE:
        return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def _ascii_host(name: str) -> str | None:
    """A host name in ASCII: a non-ASCII one in its IDNA form; None for one no client can open
    (a label over 63 characters, a malformed «xn--» label: idna's rules, as httpx applies them).
    An ASCII name is kept as it is (an «_» in a label is not IDNA, but browsers open it)."""
    if name.isascii():  # the fetcher's own test: a link the reader gets is one it could fetch
        return name if host_problem(f"http://{name}/") is None else None
    try:
        return idna.encode(name.lower(), uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None


def _ascii_netloc(netloc: str) -> str | None:
    """`[user@]host[:port]` with a non-ASCII host in its IDNA form and the user part encoded;
    None when there is no host, the port is no number or the host cannot be encoded."""
    try:
        parts = urlsplit(f"http://{netloc}")
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return None
    host = parts.hostname
    if not host:
        return None
    user, at, hostport = netloc.rpartition("@")
    if not hostport.startswith("["):  # not an IPv6 literal: a name (or IPv4) in IDNA form
        name, colon, port = hostport.partition(":")
        ascii_name = _ascii_host(name)
        if ascii_name is None:
            return None
        hostport = f"{ascii_name}{colon}{port}"
    user = "".join(_percent(c) for c in user)
    return f"{user}{at}{hostport}"


def starts_rtl(text: str) -> bool:
    """True when the first character is a right-to-left letter (Telegram then renders RTL)."""
    return bool(text) and unicodedata.bidirectional(text[0]) in ("AL", "R")


def isolate_ltr(text: str, *, always: bool = False) -> str:
    """Plain text with every left-to-right run wrapped in LRMs, when the text holds Arabic.

    Text without a right-to-left letter is returned as it is (an English line needs nothing),
    unless `always`: a piece of a right-to-left line (a story's headline or link title is laid
    out right-to-left even when it is all Latin).
    """
    if not always and not _RTL_CHAR_RE.search(text):
        return text
    return _LTR_RUN_RE.sub(_wrapped, text)


def wrap_ltr(run: str) -> str:
    """One left-to-right run as placed in right-to-left text: between LRMs, and also inside
    LRI…PDI when it holds a right-to-left letter (see the module docstring)."""
    if _RTL_CHAR_RE.search(run):
        return f"{LRM}{LRI}{run}{PDI}{LRM}"
    return f"{LRM}{run}{LRM}"


def english_run(text: str, lang: str) -> str:
    """An English piece of a story's right-to-left line («3 hours ago», «5 March 2018») as one
    left-to-right run: between LRMs in English, or its digit is laid out on the wrong side of
    its words («hours ago 3», «March 2018 5»: after an Arabic letter a digit is an Arabic
    number, rule W2; QA67-1). Arabic text and '' are returned as they are."""
    return wrap_ltr(text) if lang == "en" and text else text


def wrap_rtl(run: str) -> str:
    """Arabic story text placed in a left-to-right (English) line, «According to X: …»: inside
    RLI…PDI, so that it is laid out as the right-to-left sentence it is (a closing quote mark,
    a leading «25%» or URL and a Latin word inside stay where the sentence has them: QA36 E1),
    with an RLM on each side for a client whose isolates are imperfect (tdesktop #27099)."""
    return f"{RLM}{RLI}{run}{PDI}{RLM}"


def _wrapped(match: re.Match[str]) -> str:
    return wrap_ltr(match.group(0))


def isolate_ltr_html(html: str) -> str:
    """`isolate_ltr` for Telegram HTML: tags and entities are left as they are."""
    if not _RTL_CHAR_RE.search(html):
        return html
    parts = _MARKUP_RE.split(html)
    return "".join(p if i % 2 else _LTR_RUN_RE.sub(_wrapped, p) for i, p in enumerate(parts))


def isolate_rtl(name: str) -> str:
    """A name holding Arabic as one island of an English line: in a list of names «فرانس 24»
    stays «فرانس 24», not «24 فرانس» (RLI…PDI, QA41 T5); a name that starts in Latin, «France
    24 عربي», is isolated left-to-right (LRI…PDI), as its byline writes it, not «عربي France 24»
    (QA67-5). `close_rtl` leaves it whole. Other names are returned as they are."""
    if not _RTL_CHAR_RE.search(name):
        return name
    bare = name.replace(RLI, "").replace(LRI, "").replace(PDI, "")
    first = next((k for k in map(unicodedata.bidirectional, bare) if k in ("L", "R", "AL")), "")
    return f"{LRI if first == 'L' else RLI}{bare}{PDI}"


def close_rtl(text: str) -> str:
    """Left-to-right (English) text, plain or Telegram HTML, with its Arabic runs kept in
    place: an LRM after each Arabic run that a number or another Arabic run follows (before the
    next letter of another script), and at the start of each line whose first letter is Arabic.
    A run followed by Latin text or by the line's end needs no mark and gets none. Tags,
    entities and URLs are left as they are. Text without Arabic is returned unchanged."""
    if not _RTL_CHAR_RE.search(text):
        return text
    return "\n".join(_close_line(line) for line in text.split("\n"))


def _close_line(line: str) -> str:
    parts = _KEEP_RE.split(line)  # odd indexes: tags, entities, URLs
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        pos = 0
        for run in _RTL_RUN_RE.finditer(part):
            out.append(part[pos:run.end()])
            if _joins_next([part[run.end():], *parts[i + 1:]]):
                out.append(LRM)
            pos = run.end()
        out.append(part[pos:])
    closed = "".join(out)
    return LRM + closed if _first_strong(parts) in ("R", "AL") else closed


def _classes(parts: list[str]) -> Iterator[str]:
    """The bidi classes of the characters `parts` show, in order (odd indexes are kept markup:
    a tag shows nothing, an entity its character, a URL is left-to-right)."""
    for i, part in enumerate(parts):
        if i % 2:
            if part.startswith(("<", RLI, LRI)):  # an isolate is neutral to its surroundings
                continue
            if part.startswith("&"):
                part = html.unescape(part)
            else:
                yield "L"
                continue
        for char in part:
            yield unicodedata.bidirectional(char)


def _joins_next(parts: list[str]) -> bool:
    """Whether what follows an Arabic run would join it: a digit or an Arabic letter comes
    before any left-to-right letter."""
    for kind in _classes(parts):
        if kind in ("R", "AL", "EN", "AN"):
            return True
        if kind == "L":
            return False
    return False


def _first_strong(parts: list[str]) -> str | None:
    return next((k for k in _classes(parts) if k in ("L", "R", "AL")), None)


def byline(meta: str, lang: str) -> Line:
    """The italic line under a headline, «المصدر · منذ ٣ ساعات» / "source · 3 hours ago". In
    English it is a left-to-right line, opened with an LRM, whose Arabic source name is closed
    (`close_rtl`): «سكاي نيوز عربية · 8 hours ago» showed "hours ago 8 · سكاي نيوز عربية"
    (QA18 R17); a name's last number stays in it («فرانس 24», QA36 E11)."""
    if lang == "en":  # opened with an LRM whatever comes first: always laid out left to right
        source, sep, rest = close_rtl(meta).partition(" · ")
        closed = _NAME_NUMBER_RE.sub(rf"\1{LRM}", source) + sep + rest
        return (Span(closed if closed.startswith(LRM) else LRM + closed, italic=True, ltr=True),)
    return (Span(meta, italic=True),)


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
