"""Bytes to text for feeds and pages served in UTF-8, windows-1256 or ISO-8859-6.

Arabic sites still serve windows-1256, often without saying so. The order of evidence: valid UTF-8
is kept as is (a declared legacy charset on valid UTF-8 is usually wrong), and so is UTF-8 with a
few stray bytes when UTF-8 (or nothing) is declared (`mostly_utf8`); otherwise the XML
declaration, the HTTP charset, an HTML <meta> charset, and finally the Arabic charset that reads
the bytes as Arabic (windows-1256, the most common, or ISO-8859-6: digests.charset_guess).
A Latin label (iso-8859-1, windows-1252: servers' defaults) or an Arabic one on bytes that read
as Arabic text only in an Arabic charset is wrong and gives way to it (QA63-8, QA63-1).
Pure: never raises, bad bytes become U+FFFD.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Mapping

from digests.char_refs import scrub
from digests.charset_guess import ARABIC_CODECS, LATIN_CODECS, arabic_codec, reading

log = logging.getLogger(__name__)

_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)

FALLBACK = codecs.lookup("windows-1256").name  # "cp1256"
# Codecs Python knows that call themselves text encodings but read no charset a page can be in:
# «undefined» always raises, idna and punycode raise on a stray byte (errors="replace" is not
# theirs), the escape codecs turn «\ud800» written in the feed into a lone surrogate (QA38 A3).
# Byte-to-byte codecs (rot13, zlib, base64, hex …) are refused by their `_is_text_encoding`.
_NOT_CHARSETS = frozenset({"undefined", "idna", "punycode", "unicode-escape",
                           "raw-unicode-escape"})


def _codec(name: str | None) -> str | None:
    """The Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    label = name.strip().lower()
    # ISO-8859-6 pages are often really windows-1256 (a superset for the Arabic letters in use);
    # browsers do the same for windows-1252/latin-1.
    aliases = {"iso-8859-6-i": "iso-8859-6", "iso-8859-6-e": "iso-8859-6", "arabic": "iso-8859-6",
               "cp1256": "windows-1256", "x-cp1256": "windows-1256"}
    label = aliases.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None  # decode logs it
    return info.name


def refused_charsets(body: bytes, headers: Mapping[str, str] | None = None) -> list[str]:
    """The charsets declared for `body` that Python knows but `decode` refuses as no text
    encoding (QA38 A3): «undefined», idna, punycode, the escape and byte-to-byte codecs."""
    refused: list[str] = []
    for name in declared_charsets(body, headers):
        try:
            codecs.lookup(name.strip().lower())
        except LookupError:
            continue
        if _codec(name) is None:
            refused.append(name[:40])
    return refused


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if not headers:
        return None
    content_type = ""
    for key, value in headers.items():
        if key.lower() == "content-type":
            content_type = value
            break
    match = _HEADER_CHARSET_RE.search(content_type)
    return match.group(1) if match else None


def declared_charsets(body: bytes, headers: Mapping[str, str] | None = None) -> list[str]:
    """Charsets declared for `body`, in order of trust: XML declaration, HTTP header, <meta>."""
    found: list[str] = []
    head = body[:2048]
    match = _XML_DECL_RE.match(head)
    if match:
        found.append(match.group(1).decode("ascii", "replace"))
    from_header = header_charset(headers)
    if from_header:
        found.append(from_header)
    meta = _META_RE.search(head if match else body[:8192])
    if meta:
        found.append(meta.group(1).decode("ascii", "replace"))
    return found


def declares_legacy(body: bytes, headers: Mapping[str, str] | None = None) -> bool:
    """Whether a charset other than UTF-8 (or ASCII) is declared for `body`, whatever it is."""
    return any(_codec(name) not in (None, "utf-8", "ascii")
               for name in declared_charsets(body, headers))


# Valid multi-byte characters per invalid byte sequence for a body to count as UTF-8 with a few
# bad bytes. windows-1256 Arabic read as UTF-8 is nearly all invalid sequences (its letters are
# lead bytes followed by more lead bytes), so even a short Arabic text clears this only in UTF-8.
UTF8_MAJORITY = 20


def mostly_utf8(body: bytes) -> bool:
    """Whether `body` is UTF-8 except a few invalid sequences: at least UTF8_MAJORITY valid
    multi-byte characters for each one (a body without any is not)."""
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - body.count(b"\xef\xbf\xbd")  # a real U+FFFD is valid
    valid = sum(1 for char in text if char > "\x7f") - invalid
    return invalid > 0 and valid >= UTF8_MAJORITY * invalid


def detect_encoding(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The codec that `decode` would use for `body`."""
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8"
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    declared_all = declared_charsets(body, headers)
    first = _codec(declared_all[0]) if declared_all else None
    if first in (None, "utf-8") and mostly_utf8(body):
        # declared UTF-8 (or nothing), and UTF-8 but for a stray byte or two: UTF-8 with U+FFFD
        # there, not a whole feed of windows-1256 mojibake (QA29 A4)
        return "utf-8"
    for declared in declared_all:
        codec = _codec(declared)
        if codec and codec not in {"utf-8", "ascii"}:
            if codec in LATIN_CODECS or codec in ARABIC_CODECS:
                # a server's default label on Arabic bytes, or the other Arabic charset's
                return arabic_codec(body) or codec
            return codec
    # nothing usable declared, or UTF-8 on bytes that are not (QA63-1)
    return arabic_codec(body) or FALLBACK


def unreadable(body: bytes, headers: Mapping[str, str] | None = None) -> str | None:
    """The Arabic charset `decode` would read `body` in when that gives no readable text
    (Arabic letters but no Arabic word: bytes in some other charset), else None. A feed or page
    so read is refused, not stored as gibberish (QA63-1)."""
    codec = detect_encoding(body, headers)
    if codec not in ARABIC_CODECS or not reading(body, codec).mojibake:
        return None
    return codec


def legacy_encoding(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The codec sessions up to 22 read `body` in when `detect_encoding` now reads it in another:
    the first declared legacy charset, else windows-1256 (the names of sources added then come
    from it: digests.source_check.misread_titles)."""
    codec = detect_encoding(body, headers)
    if codec == "utf-8":
        return codec
    for declared in declared_charsets(body, headers):
        old = _codec(declared)
        if old and old not in {"utf-8", "ascii"}:
            return old
    return FALLBACK


def decode(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """Decode `body` to text (see the module docstring for the order). Never raises."""
    codec = detect_encoding(body, headers)
    if codec == "utf-8":
        return body.decode("utf-8-sig", errors="replace")
    refused = refused_charsets(body, headers)
    if refused:
        log.warning("declared charset refused charsets=%s (not text encodings) read_as=%s",
                    ",".join(refused), codec)
    try:
        text = body.decode(codec, errors="replace")
    except (LookupError, UnicodeError, ValueError) as exc:  # a codec _codec let through
        log.warning("charset failed to decode codec=%s error=%s read_as=%s", codec,
                    type(exc).__name__, FALLBACK)
        return body.decode(FALLBACK, errors="replace")
    # no charset _codec accepts yields one, but a lone surrogate cannot be stored or sent
    return scrub(text)
