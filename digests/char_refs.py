"""Characters no text may hold, made harmless before and after a feed is parsed (QA38 A1).

A numeric character reference to a surrogate (`&#xD800;`, `&#55296;`) or past U+10FFFF
(`&#x110000;`, `&#99999999999;`) made feedparser's loose parser raise (`chr()` out of range, or
a surrogate that cannot be encoded), and a JSON Feed's `"\\ud800"` parsed into a lone surrogate
that failed when stored: one entry took its whole source down, every poll. Such a reference
becomes `&#xFFFD;` before parsing, and a lone surrogate in a parsed string becomes U+FFFD after
it, so one bad character costs that character only. Pure.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
# The digits are capped in the pattern's use, not its shape: a 100,000-digit reference is one
# match, read as invalid by its length (int() of it would be slow, or refused past 4,300 digits).
_CHAR_REF_RE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+))")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_MAX_DIGITS = 8  # 0x10FFFF has 6 hex digits, 1114111 has 7 decimal ones: leading zeros aside


def _valid(hex_digits: str | None, dec_digits: str | None) -> bool:
    digits = (hex_digits or dec_digits or "").lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:
        return False
    value = int(digits, 16) if hex_digits is not None else int(digits)
    return value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF


def _fix(match: re.Match[str]) -> str:
    if _valid(match.group(1), match.group(2)):
        return match.group(0)
    return "&#xFFFD"  # the «;» (or whatever followed) stays as it was


def fix_char_refs(text: str) -> str:
    """`text` with every numeric character reference to a surrogate or past U+10FFFF replaced
    by one to U+FFFD; valid references stay as written."""
    if "&#" not in text:
        return text
    return _CHAR_REF_RE.sub(_fix, text)


def count_bad_refs(text: str) -> int:
    """How many numeric character references in `text` `fix_char_refs` would replace."""
    if "&#" not in text:
        return 0
    return sum(1 for m in _CHAR_REF_RE.finditer(text) if not _valid(m.group(1), m.group(2)))


def scrub(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (a str from json or an escape codec
    can hold one; it cannot be encoded, stored or sent)."""
    return _SURROGATE_RE.sub(REPLACEMENT, text)


def scrub_tree(value: Any) -> Any:
    """A parsed JSON value with `scrub` applied to every string in it, keys included."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [scrub_tree(item) for item in value]
    if isinstance(value, dict):
        return {scrub_tree(key): scrub_tree(item) for key, item in value.items()}
    return value
