"""Whether a reader's text asks about their time zone (pure): «التوقيت», «تغيير التوقيت»,
«المنطقة الزمنية», "timezone", "time zone" (QA47 Z8).

Typed in a private chat these were searched as news («لم أجد أخبارًا عن «التوقيت»», «هل تقصد:
توقيع / توقيف») with a «🔔 تابع هذا الموضوع» button that would have followed the time zone as a
topic; bot.answers now shows the zone picker instead. Only a short text made of zone words and a
few words of asking or changing is taken: «توقيت المباراة» or «time zone of Gaza» stays a search.
"""

from __future__ import annotations

import re

# the words that name the setting itself, as typed (harakat, tatweel, «ال» and «?» aside)
_ZONE_PHRASES = frozenset({
    "توقيت", "توقيتي", "المنطقه الزمنيه", "منطقه زمنيه", "منطقتي الزمنيه", "فرق التوقيت",
    "timezone", "time zone", "my timezone", "my time zone", "zone", "tz",
})
# words that may come with them: asking, changing, setting
_AROUND = frozenset({
    "تغيير", "غير", "تعديل", "عدل", "ضبط", "اضبط", "اختيار", "اختر", "كيف", "كيفيه", "اريد",
    "ابغى", "بدي", "ابي", "اغير", "اعدل", "ما", "هو", "شو", "وين",
    "change", "set", "my", "the", "how", "to", "i", "want", "pick", "choose", "what", "is",
    "settings", "setting",
})
_MARKS = re.compile(r"[\u064b-\u0652\u0640?؟!.,،:]")
MAX_WORDS = 5


def _normal(text: str) -> str:
    """Lower case, no harakat/tatweel/marks, «أإآ» as «ا» and «ة» as «ه», one space."""
    text = _MARKS.sub(" ", text.lower())
    text = text.translate(str.maketrans("أإآة", "اااه"))
    return " ".join(text.split())


def _bare(word: str) -> str:
    """A word without its article «ال» (and «بال», «وال»)."""
    for lead in ("وال", "بال", "ال"):
        if word.startswith(lead) and len(word) > len(lead) + 2:
            return word[len(lead):]
    return word


def asks_for_zone(text: str) -> bool:
    """Whether `text` asks for the time-zone setting: at most MAX_WORDS words, holding a phrase
    of _ZONE_PHRASES, and nothing else but words of asking or changing."""
    words = _normal(text).split()
    if not words or len(words) > MAX_WORDS:
        return False
    rest = " ".join(_bare(w) if not w.isascii() else w for w in words)
    for phrase in sorted(_ZONE_PHRASES, key=len, reverse=True):
        bare = " ".join(_bare(w) if not w.isascii() else w for w in phrase.split())
        if re.search(rf"(?<!\S){re.escape(bare)}(?!\S)", rest):
            left = re.sub(rf"(?<!\S){re.escape(bare)}(?!\S)", " ", rest, count=1).split()
            return all(w in _AROUND or _bare(w) in _AROUND for w in left)
    return False


_OFFSET = re.compile(r"^(?:utc|gmt|توقيت)?\s*([+\-−])\s*(\d{1,2})(?:[:.](\d{2}))?$")


def typed_offset(text: str) -> int | None:
    """Minutes east of UTC typed after /zone: «+3», «UTC-4», «GMT+5:30», «+0545» is not (QA47
    Z3: no zone outside the picker could be set); None unless it is a real offset (−12:00 to
    +14:00, whole quarters of an hour). Western or Arabic-Indic digits."""
    text = text.strip().lower().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    found = _OFFSET.match(text)
    if found is None:
        return None
    sign = -1 if found.group(1) in "-−" else 1
    minutes = int(found.group(2)) * 60 + int(found.group(3) or 0)
    if int(found.group(3) or 0) >= 60 or minutes % 15 or not -720 <= sign * minutes <= 840:
        return None
    return sign * minutes


def typed_zone(text: str, labels: dict[str, tuple[str, str]]) -> str | None:
    """The zone of `labels` (IANA name → (Arabic, English)) typed after /zone by its label, its
    IANA name or its city («تركيا», "Turkey", "Europe/Istanbul", "istanbul", "los angeles");
    None when none is."""
    asked = _normal(text).replace("_", " ")
    if not asked:
        return None
    for zone, (ar, en) in labels.items():
        city = zone.rsplit("/", 1)[-1].replace("_", " ").lower()
        names = {_normal(ar), _normal(en), zone.lower().replace("_", " "), city}
        if asked in names:
            return zone
    return None
