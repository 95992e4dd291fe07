"""Stored text that is Arabic read in the wrong charset, and its exact repair.

Before session 23 (X94) a feed or page in windows-1256 under a Latin label was stored as
«ÇáãÍßãÉ ÊÕÏÑ …» (QA63-8), one in ISO-8859-6 with no label or a wrong one as «صحêلة انأêاه»
(QA63-1): unreadable, unsearchable, its digest made of gibberish. digests.charset_guess now reads
new bodies right; this module mends what was stored then (migration 053_mojibake_articles,
digests.mojibake_repair). A misread is undone by encoding the text back to the bytes it came from
(in the charset it was wrongly read in) and decoding them in the right one: `MISREADS` lists the
pairs charset_guess chooses between, and UTF-8 read as either (the classic «ط§ظ„» / «Ø§Ù„»).

A repair is kept only when it is exact (the bytes decode strictly and encode back to the same
bytes: a character the wrong reading lost, U+FFFD, refuses it) and confidently better by
charset_guess's own measure: the repaired text's telling non-ASCII characters are ≥ 90 % Arabic
letters and it has common Arabic words («ال», «في», «من» …), more than the stored text has. Right
Arabic, English, emoji and mixed text are never changed (tests/test_x105_mojibake.py). Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digests.charset_guess import ARABIC_SHARE, MIN_LETTERS, Reading, text_reading


# Common words a repair must bring to a stored text that already reads as Arabic letters.
SURE_WORDS = 3


@dataclass(frozen=True)
class Misread:
    """Bytes in `right` that were decoded as `wrong`."""

    wrong: str  # "latin" is windows-1252 where it defines a byte, else latin-1 (below)
    right: str


MISREADS = (
    Misread("latin", "cp1256"),  # QA63-8: windows-1256 under charset=iso-8859-1/windows-1252
    Misread("cp1256", "iso8859-6"),  # QA63-1: ISO-8859-6 read by the windows-1256 fallback
    Misread("latin", "iso8859-6"),  # ISO-8859-6 under a Latin label
    Misread("iso8859-6", "cp1256"),  # windows-1256 under an ISO-8859-6 label (exact only rarely)
    Misread("cp1256", "utf-8"),  # «ط§ظ„ط±ظٹط§ط¶»
    Misread("latin", "utf-8"),  # «Ø§Ù„Ø±ÙŠØ§Ø¶»
)


def _encode(text: str, wrong: str) -> bytes | None:
    """The bytes `text` was decoded from in `wrong`, or None when it holds a character that
    charset has not (U+FFFD for a byte it lacked, real Arabic or an emoji)."""
    if wrong != "latin":
        try:
            return text.encode(wrong)
        except UnicodeEncodeError:
            return None
    # Python's cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined and latin-1 reads 0x80–0x9F
    # as C1 controls: a label of either gives each character one byte, one or the other way.
    out = bytearray()
    for char in text:
        if char < "\x80":
            out.append(ord(char))
            continue
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if char > "\xff":
                return None
            out.append(ord(char))
    return bytes(out)


def _undo(text: str, misread: Misread) -> str | None:
    """`text` read again as `misread` says, when that is exact; else None."""
    raw = _encode(text, misread.wrong)
    if raw is None:
        return None
    try:
        fixed = raw.decode(misread.right)  # strict: a byte the right charset lacks refuses it
    except UnicodeDecodeError:
        return None
    if fixed == text or fixed.encode(misread.right) != raw:
        return None
    return fixed


def _latin_letters(text: str) -> int:
    return sum(1 for char in text if char.isascii() and char.isalpha())


def _confident(before: Reading, after: Reading, text: str) -> bool:
    """Whether `after` (the repair's reading) is Arabic text with common words, better than
    `before` (the stored text's), and the stored text is mostly its non-ASCII characters (a
    Latin text with a few accented letters is a Latin text, not mojibake)."""
    if after.letters < MIN_LETTERS or after.share < ARABIC_SHARE or after.words == 0:
        return False
    if after.words <= before.words or after.share < before.share:
        return False
    if before.letters >= MIN_LETTERS and before.share >= ARABIC_SHARE and (
            before.words or after.words < SURE_WORDS):
        # the stored text reads as Arabic already (an ISO-8859-6 misread without «ي و ى ه ق»,
        # or a right title with no common word that the other charset turns into one: corpus
        # «شاهد.. هذا هو رئيس حملة ترامب» → «شامد.. مذا من …»): only many words tell
        return False
    return sum(1 for char in text if char > "\x7f") >= _latin_letters(text)


def misread_of(text: str) -> Misread | None:
    """The misread `text` confidently is (the repair with the most common words), or None."""
    before = text_reading(text)
    if before.letters >= MIN_LETTERS and before.share >= ARABIC_SHARE and before.words:
        return None  # Arabic text with its words: what `_confident` never repairs (fast path)
    best: tuple[int, float, Misread] | None = None
    for misread in MISREADS:
        fixed = _undo(text, misread)
        if fixed is None:
            continue
        after = text_reading(fixed)
        if _confident(before, after, text) and (
                best is None or (after.words, after.share) > best[:2]):
            best = (after.words, after.share, misread)
    return best[2] if best else None


def repair(text: str) -> str | None:
    """`text` read right when it is a known wrong decoding and the repair is exact and
    confidently better (module docstring); else None."""
    misread = misread_of(text)
    return _undo(text, misread) if misread else None


def repair_field(text: str, misread: Misread) -> str | None:
    """One field of a record whose whole text is `misread` (a title too short to carry a common
    word on its own): repaired when exact and Arabic (≥ 90 % letters, at least MIN_LETTERS or
    all its letters) with a higher letter share than it has; else None."""
    fixed = _undo(text, misread)
    if fixed is None:
        return None
    before, after = text_reading(text), text_reading(fixed)
    if after.letters == 0 or after.share < ARABIC_SHARE or after.share <= before.share:
        return None
    if after.words < before.words:
        return None
    return fixed if sum(1 for char in text if char > "\x7f") >= _latin_letters(text) else None


def repair_all(texts: Sequence[str]) -> tuple[str, ...] | None:
    """The fields of one record (an article's title, summary, body) repaired together: the
    misread is judged on their joined text (more evidence than a title) and a field that is
    not confidently repaired alone is by `repair_field` with it. None when nothing changes."""
    joint = misread_of("\n".join(texts))
    fixed = tuple(
        text if not text else (repair(text) or (joint and repair_field(text, joint)) or text)
        for text in texts)
    return fixed if fixed != tuple(texts) else None
