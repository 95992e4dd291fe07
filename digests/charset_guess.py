"""Which Arabic single-byte charset a body is really in: windows-1256 or ISO-8859-6.

Arabic sites serve both, often undeclared or under a wrong label (a server's default
`charset=iso-8859-1`, QA63-8; `utf-8` on ISO-8859-6 bytes, QA63-1). The two put the letters at
different bytes, so each read as the other still looks half Arabic («صحêلة انأêاه» for «صحيفة
الأيام»): the share of Arabic letters alone does not tell them apart. What does is the words a
real Arabic text cannot do without — the article «ال», «في», «من», «على» … — which the wrong
reading turns into other letters. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARABIC_CODECS = ("cp1256", "iso8859-6")  # Python's names; cp1256 first: the commoner one
# Labels servers put on Arabic bytes by default (Apache/IIS «iso-8859-1», browsers' windows-1252).
LATIN_CODECS = frozenset({"iso8859-1", "latin-1", "cp1252", "iso8859-15", "iso8859-9"})

# Arabic letters (hamza to yeh, not the tatweel U+0640; and the Persian/Urdu ones after U+066E,
# which windows-1256 also holds) and the non-ASCII characters that say nothing either way:
# Arabic punctuation, digits and marks, typography.
_LETTERS = re.compile(r"[\u0621-\u063a\u0641-\u064a\u066e-\u06d3]")
_NEUTRAL = frozenset("،؛؟٪٫٬«»“”‘’–—…•\u00a0\u200c\u200d\u200e\u200f\u0640"
                     "٠١٢٣٤٥٦٧٨٩\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
_WORDS = re.compile(r"(?<![\u0621-\u064a])(?:ال(?=[\u0621-\u064a])"
                    r"|(?:في|من|على|إلى|عن|أن)(?![\u0621-\u064a]))")
# A reading is Arabic text when at least this share of its telling non-ASCII characters are
# letters: the right reading of a real feed scores ~0.98, the wrong one ~0.8 (Latin «è ê»,
# U+FFFD where ISO-8859-6 has no character), a Latin page read as Arabic far less.
ARABIC_SHARE = 0.9
MIN_LETTERS = 3
# Past this many letters an Arabic text has one of the common words somewhere; Cyrillic KOI8-R
# read in windows-1256 is 96% «letters» and none of them (and is mojibake: `unreadable`).
WORDLESS_LETTERS = 40
UNREADABLE_LETTERS = 20
# The evidence read: the head of a body is enough, and a 10 MB feed is not decoded twice more.
SAMPLE_BYTES = 256 * 1024


def _classes(codec: str) -> bytes:
    """A bytes.translate table: each byte → b"L" (a letter in `codec`), b"N" (neutral or
    ASCII) or b"T" (a telling non-letter: Latin, symbols, no character)."""
    table = bytearray(b"N" * 256)
    for byte in range(0x80, 0x100):
        char = bytes([byte]).decode(codec, errors="replace")
        if _LETTERS.fullmatch(char):
            table[byte] = ord("L")
        elif char not in _NEUTRAL:
            table[byte] = ord("T")
    return bytes(table)


_TABLES: dict[str, bytes] = {}


@dataclass(frozen=True)
class Reading:
    """How Arabic one decoding of a body is."""

    codec: str
    letters: int  # Arabic letters
    share: float  # letters among the non-ASCII characters that are not neutral
    words: int  # common Arabic words (see _WORDS)

    @property
    def arabic(self) -> bool:
        return (self.letters >= MIN_LETTERS and self.share >= ARABIC_SHARE
                and (self.words > 0 or self.letters < WORDLESS_LETTERS))

    @property
    def mojibake(self) -> bool:
        """Arabic letters enough to be text, yet not one common word: the bytes are in a
        charset this is not (Cyrillic, Hebrew, Greek …), and what it shows is gibberish."""
        return self.letters >= UNREADABLE_LETTERS and self.words == 0 and not self.arabic


def reading(body: bytes, codec: str) -> Reading:
    """How Arabic `body` (its first SAMPLE_BYTES) read in `codec` is."""
    sample = body[:SAMPLE_BYTES]
    table = _TABLES.get(codec)
    if table is None:
        table = _TABLES[codec] = _classes(codec)
    classes = sample.translate(table)
    letters, telling = classes.count(b"L"), classes.count(b"T")
    share = letters / (letters + telling) if letters + telling else 0.0
    words = len(_WORDS.findall(sample.decode(codec, errors="replace")))
    return Reading(codec, letters, share, words)


def text_reading(text: str) -> Reading:
    """How Arabic `text` (already decoded) is, by the same measure as `reading` (codec "text";
    digests.mojibake judges a stored text and its repair with it)."""
    letters = len(_LETTERS.findall(text))
    telling = sum(1 for char in text if char > "\x7f" and char not in _NEUTRAL) - letters
    share = letters / (letters + telling) if letters + telling else 0.0
    return Reading("text", letters, share, len(_WORDS.findall(text)))


def arabic_codec(body: bytes) -> str | None:
    """The Arabic charset that reads `body` as Arabic text (most common words, then the higher
    letter share, then windows-1256), or None when neither does."""
    readings = [reading(body, codec) for codec in ARABIC_CODECS]
    arabic = [r for r in readings if r.arabic]
    if not arabic:
        return None
    return max(arabic, key=lambda r: (r.words, r.share)).codec  # max keeps the first on a tie
