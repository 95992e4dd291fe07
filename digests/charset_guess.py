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

# Arabic letters (hamza to yeh; not the tatweel U+0640) and the marks a text may carry.
_LETTERS = re.compile(r"[\u0621-\u063a\u0641-\u064a]")
# Non-ASCII characters that say nothing either way: Arabic punctuation and digits, typography.
_NEUTRAL = frozenset("،؛؟٪٫٬«»“”‘’–—…•\u00a0\u200c\u200d\u200e\u200f\u0640"
                     "٠١٢٣٤٥٦٧٨٩\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
_WORDS = re.compile(r"(?<![\u0621-\u064a])(?:ال(?=[\u0621-\u064a])"
                    r"|(?:في|من|على|إلى|عن|أن)(?![\u0621-\u064a]))")
# A reading is Arabic text when at least this share of its telling non-ASCII characters are
# letters: the right reading of a real feed scores ~0.98, the wrong one ~0.8 (Latin «è ê»,
# U+FFFD where ISO-8859-6 has no character), a Latin page read as Arabic far less.
ARABIC_SHARE = 0.9
MIN_LETTERS = 3


@dataclass(frozen=True)
class Reading:
    """How Arabic one decoding of a body is."""

    codec: str
    letters: int  # Arabic letters
    share: float  # letters among the non-ASCII characters that are not neutral
    words: int  # common Arabic words (see _WORDS)

    @property
    def arabic(self) -> bool:
        return self.letters >= MIN_LETTERS and self.share >= ARABIC_SHARE


def reading(body: bytes, codec: str) -> Reading:
    """How Arabic `body` read in `codec` is."""
    text = body.decode(codec, errors="replace")
    telling = [char for char in text if char > "\x7f" and char not in _NEUTRAL]
    letters = len(_LETTERS.findall(text))
    share = letters / len(telling) if telling else 0.0
    return Reading(codec, letters, share, len(_WORDS.findall(text)))


def arabic_codec(body: bytes) -> str | None:
    """The Arabic charset that reads `body` as Arabic text (most common words, then the higher
    letter share, then windows-1256), or None when neither does."""
    readings = [reading(body, codec) for codec in ARABIC_CODECS]
    arabic = [r for r in readings if r.arabic]
    if not arabic:
        return None
    return max(arabic, key=lambda r: (r.words, r.share)).codec  # max keeps the first on a tie


def high_bytes(body: bytes) -> int:
    """How many bytes of `body` are not ASCII."""
    return len(body) - len(body.translate(None, bytes(range(0x80, 0x100))))
