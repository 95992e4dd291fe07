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
_MARKS = re.compile(r"[?؟!.,،:]")
# harakat, shadda and tatweel are dropped, not spaced: «عمّان» is «عمان» (QA54-3: it was «عم ان»)
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670\u0640]")
MAX_WORDS = 5


def _normal(text: str) -> str:
    """Lower case, no harakat/tatweel/marks, «أإآ» as «ا» and «ة» as «ه», one space."""
    text = _MARKS.sub(" ", _HARAKAT.sub("", text.lower()))
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


# Cities written in Arabic, by the picker's zone: the capitals and the largest cities (QA54-3:
# «/zone عمان», «دمشق», «القدس» were refused while "amman" worked). The first is the one a
# button names («عمّان (الأردن)»). A name two zones share («طرابلس») offers both; «عمان» is
# Amman and also Oman's own label «عُمان». Jerusalem, Ramallah: the picker's Palestine zone (the
# picker has no Asia/Jerusalem; its clock differs from Palestine's only on a few days a year).
CITY_NAMES: dict[str, tuple[str, ...]] = {
    "Africa/Cairo": ("القاهرة", "الإسكندرية", "الجيزة", "أسوان"),
    "Asia/Beirut": ("بيروت", "طرابلس", "صيدا", "صور", "بعلبك"),
    "Asia/Gaza": ("غزة", "القدس", "رام الله", "الخليل", "نابلس", "بيت لحم", "جنين", "رفح",
                  "خان يونس"),
    "Asia/Damascus": ("دمشق", "الشام", "حلب", "حمص", "حماة", "اللاذقية", "إدلب", "دير الزور"),
    "Asia/Amman": ("عمّان", "الزرقاء", "إربد", "العقبة"),
    "Asia/Baghdad": ("بغداد", "البصرة", "الموصل", "أربيل", "النجف", "كربلاء"),
    "Asia/Riyadh": ("الرياض", "جدة", "مكة", "مكة المكرمة", "المدينة", "المدينة المنورة",
                    "الدمام"),
    "Asia/Dubai": ("أبوظبي", "أبو ظبي", "دبي", "الشارقة"),
    "Asia/Qatar": ("الدوحة",),
    "Asia/Kuwait": ("الكويت",),
    "Africa/Casablanca": ("الرباط", "الدار البيضاء", "مراكش", "فاس", "طنجة"),
    "Africa/Algiers": ("الجزائر", "وهران", "قسنطينة"),
    "Africa/Tunis": ("تونس", "صفاقس"),
    "Africa/Tripoli": ("طرابلس", "بنغازي", "مصراتة"),
    "Africa/Khartoum": ("الخرطوم", "أم درمان"),
    "Africa/Nouakchott": ("نواكشوط",),
    # the country's full name: «عمان» alone is Amman's too (X84: «/zone سلطنة عمان» was refused)
    "Asia/Muscat": ("مسقط", "سلطنة عمان", "سلطنة عُمان", "صلالة"),
    "Asia/Aden": ("صنعاء", "عدن", "تعز"),
    "Asia/Bahrain": ("المنامة",),
    "Africa/Mogadishu": ("مقديشو",),
    "Africa/Djibouti": ("جيبوتي",),
    "Indian/Comoro": ("موروني",),
    "Europe/Istanbul": ("إسطنبول", "اسطنبول", "أنقرة", "غازي عنتاب", "عنتاب"),
    "Europe/London": ("لندن",),
    "Europe/Berlin": ("برلين", "باريس", "فيينا", "ستوكهولم", "أمستردام", "بروكسل", "روما"),
    "America/New_York": ("نيويورك", "واشنطن", "تورنتو", "ديترويت"),
    "America/Chicago": ("شيكاغو", "هيوستن"),
    "America/Los_Angeles": ("لوس أنجلوس", "فانكوفر", "سان فرانسيسكو"),
    "Australia/Sydney": ("سيدني", "ملبورن"),
}


def typed_zones(text: str, labels: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """The zones of `labels` (IANA name → (Arabic, English)) typed after /zone by its label, its
    IANA name, its city («تركيا», "Turkey", "Europe/Istanbul", "istanbul", "los angeles") or a
    city of CITY_NAMES («عمّان», «دمشق»), in the labels' order: several when the name is
    several zones' («عمان»: Amman and Oman; «طرابلس»: Lebanon's and Libya's), unless the
    harakat typed tell them apart («عمّان» is Amman, «عُمان» Oman)."""
    asked = _normal(text).replace("_", " ")
    if not asked:
        return ()
    found: list[str] = []
    for zone, (ar, en) in labels.items():
        city = zone.rsplit("/", 1)[-1].replace("_", " ").lower()
        names = {_normal(ar), _normal(en), zone.lower().replace("_", " "), city}
        names |= {_normal(name) for name in CITY_NAMES.get(zone, ())}
        if asked in names:
            found.append(zone)
    typed = " ".join(text.split())
    marked = [zone for zone in found if _HARAKAT.search(typed)
              and typed in (labels[zone][0], *CITY_NAMES.get(zone, ()))]
    return tuple(marked or found)


def zone_city(zone: str, lang: str) -> str:
    """The city a zone's button names beside its label: «عمّان», "Amman"."""
    if lang == "ar" and zone in CITY_NAMES:
        return CITY_NAMES[zone][0]
    return zone.rsplit("/", 1)[-1].replace("_", " ")
