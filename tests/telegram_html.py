"""A strict checker of Telegram HTML messages, for the render and bot tests.

It checks what Telegram checks (tags of its set, balanced; only the entities it knows; at most 4096
UTF-16 units of text after entity parsing) and what we promise on top: every non-empty line starts
with a right-to-left letter (Arabic, or another script of bidi class R) or U+200F, so it renders
right-to-left.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                "blockquote", "tg-spoiler", "span"}
_ENTITY_RE = re.compile(r"&[^;\s]*;?")
_KNOWN = {"&lt;", "&gt;", "&amp;", "&quot;"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"tag <{tag}> not allowed")
        if tag == "a" and [k for k, _ in attrs] != ["href"]:
            self.errors.append(f"<a> attributes {attrs}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.errors.append(f"numeric entity &#{name};")


def visible_text(message: str) -> str:
    """The text Telegram shows for an HTML message (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]*>", "", message))


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def check_message(message: str, limit: int = 4096, ltr_labels: tuple[str, ...] = ()
                  ) -> list[str]:
    """Every problem Telegram (or our RTL rule) would have with `message`; [] when fine.

    `ltr_labels`: English interface labels allowed to start a line left-to-right.
    """
    errors = []
    for ent in _ENTITY_RE.findall(message):
        if ent not in _KNOWN:
            errors.append(f"entity {ent!r}")
    checker = _Checker()
    checker.feed(message)
    checker.close()
    errors += checker.errors
    if checker.stack:
        errors.append(f"unclosed {checker.stack}")
    if re.search(r"<(?![/a-z])", message):
        errors.append("raw '<' in text")
    text = visible_text(message)
    if not text.strip():
        errors.append("empty message")
    if utf16(text) > limit:
        errors.append(f"{utf16(text)} UTF-16 units > {limit}")
    for line in text.split("\n"):
        if line and not (line[0] == "\u200f" or unicodedata.bidirectional(line[0]) in ("AL", "R")
                         or line.startswith(ltr_labels)):
            errors.append(f"line does not start RTL: {line[:30]!r}")
    return errors
