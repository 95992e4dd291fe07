"""Telegram's HTML parse mode, checked the way the Bot API checks it (pure; no I/O).

Used by the emulator to refuse what Telegram refuses, and usable by any test that wants to know
whether a rendered message is valid Telegram HTML: only Telegram's tag set (b, strong, i, em, u,
ins, s, strike, del, a href, code, pre, blockquote, tg-spoiler, span class="tg-spoiler",
tg-emoji), properly nested and closed; only the named entities &lt; &gt; &amp; &quot; plus numeric
entities; every other `<` or `&` must be escaped. The text length Telegram limits (4096) is
counted in UTF-16 code units of the text AFTER entity parsing, so `utf16_len` is exported too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT_UTF16 = 4096

_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]*));")
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR = re.compile(r"""\s*([a-zA-Z][a-zA-Z0-9_-]*)"""
                   r"""(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")

# tag → Telegram entity type
_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-spoiler": "spoiler", "span": "spoiler",
    "tg-emoji": "custom_emoji",
}


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; the message is the Bot API's wording after
    "Bad Request: can't parse entities: "."""


@dataclass(frozen=True)
class Entity:
    """A formatting entity of the parsed text (offsets and lengths in UTF-16 code units)."""

    type: str
    offset: int
    length: int
    url: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"type": self.type, "offset": self.offset,
                                  "length": self.length}
        if self.url is not None:
            out["url"] = self.url
        return out


@dataclass(frozen=True)
class ParsedText:
    """Plain text as the user sees it, and its entities."""

    text: str
    entities: tuple[Entity, ...]


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (what Telegram counts)."""
    return len(text.encode("utf-16-le")) // 2


def _decode_entity(match: re.Match[str], byte_offset: int) -> str:
    dec, hexa, name = match.groups()
    if name is not None:
        if name not in _NAMED:
            raise EntityParseError(
                f'Unsupported HTML entity "&{name};" at byte offset {byte_offset}')
        return _NAMED[name]
    code = int(dec) if dec is not None else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise EntityParseError(f"Invalid character entity at byte offset {byte_offset}")
    return chr(code)


def _decode_text(raw: str, base_byte_offset: int) -> str:
    """Decode entities in a run of text that holds no tags (attribute values)."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        j = raw.find("&", i)
        if j < 0:
            out.append(raw[i:])
            break
        out.append(raw[i:j])
        m = _ENTITY.match(raw, j)
        offset = base_byte_offset + len(raw[:j].encode())
        if m is None:
            raise EntityParseError(f"Character entity expected at byte offset {offset}")
        out.append(_decode_entity(m, offset))
        i = m.end()
    return "".join(out)


def parse_html(source: str) -> ParsedText:
    """Parse Telegram HTML into plain text and entities.

    Raises:
        EntityParseError: the text is not what Telegram accepts (unsupported tag or entity,
            unescaped `<` or `&`, unclosed or mismatched tags, span without tg-spoiler).
    """
    out: list[str] = []
    units = 0  # UTF-16 units emitted so far
    stack: list[tuple[str, int, str | None]] = []  # (tag, start units, url)
    entities: list[Entity] = []
    i = 0
    n = len(source)

    def byte_at(pos: int) -> int:
        return len(source[:pos].encode())

    while i < n:
        c = source[i]
        if c == "&":
            m = _ENTITY.match(source, i)
            if m is None:
                raise EntityParseError(f"Character entity expected at byte offset {byte_at(i)}")
            ch = _decode_entity(m, byte_at(i))
            out.append(ch)
            units += utf16_len(ch)
            i = m.end()
        elif c == "<":
            close = source.find(">", i)
            if close < 0:
                raise EntityParseError(f"Unclosed start tag at byte offset {byte_at(i)}")
            if source.startswith("</", i):
                name = source[i + 2:close].strip().lower()
                if not stack:
                    raise EntityParseError(f'Unexpected end tag at byte offset {byte_at(i)}')
                tag, start, url = stack[-1]
                if name != tag:
                    raise EntityParseError(
                        f'Unmatched end tag at byte offset {byte_at(i)}, expected "</{tag}>", '
                        f'found "</{name}>"')
                stack.pop()
                if units > start:
                    etype = _TAGS[tag]
                    entities.append(Entity(etype, start, units - start, url))
                i = close + 1
                continue
            m = _TAG_NAME.match(source, i + 1)
            if m is None:
                raise EntityParseError(f"Unsupported start tag at byte offset {byte_at(i)}")
            name = m.group(0).lower()
            if name not in _TAGS:
                raise EntityParseError(
                    f'Unsupported start tag "{name}" at byte offset {byte_at(i)}')
            attrs: dict[str, str] = {}
            pos = m.end()
            body = source[pos:close]
            apos = 0
            while apos < len(body) and body[apos:].strip() not in ("", "/"):
                am = _ATTR.match(body, apos)
                if am is None or am.end() == apos:
                    raise EntityParseError(
                        f'Unclosed start tag "{name}" at byte offset {byte_at(i)}')
                value = am.group(2) if am.group(2) is not None else (
                    am.group(3) if am.group(3) is not None else (am.group(4) or ""))
                attrs[am.group(1).lower()] = _decode_text(value, byte_at(pos + apos))
                apos = am.end()
            url = None
            if name == "span" and attrs.get("class") != "tg-spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {byte_at(i)}')
            if name == "a":
                url = attrs.get("href")
                if not url:
                    raise EntityParseError(f'Tag "a" must have attribute "href" at byte offset '
                                           f"{byte_at(i)}")
            stack.append((name, units, url))
            i = close + 1
        else:
            j = i
            while j < n and source[j] not in "<&":
                j += 1
            chunk = source[i:j]
            out.append(chunk)
            units += utf16_len(chunk)
            i = j
    if stack:
        raise EntityParseError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e.offset, -e.length))
    return ParsedText("".join(out), tuple(entities))


def is_valid_html(source: str) -> bool:
    """True when Telegram would accept `source` in HTML parse mode (length not checked)."""
    try:
        parse_html(source)
    except EntityParseError:
        return False
    return True
