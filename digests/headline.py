"""The digest's headline: an article title cleaned of site names and decorations.

Titles arrive dressed for the site they came from: «… - BBC News عربي», «… | الجزيرة نت»,
«عاجل: …», «فيديو | …», «شاهد.. …», «… - فيديو», emoji. A digest shows what happened, so those
go. Labels that carry meaning («ترامب: …», «سوريا: …», «الكويت.. …») stay: only a fixed list of
decorations is removed, and quotes around a whole title stay (a quotation, or a column's name).
When there is no usable title (a site name, a placeholder, punctuation, Latin capitals above an
Arabic text), the lead sentence stands in, shortened at a word boundary.

Pure functions: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

MAX_HEADLINE_CHARS = 120

# Site names as they appear in <title> suffixes (compared after light folding, see `_fold`).
_SITE_NAMES = (
    "bbc news عربي", "bbc عربي", "bbc arabic", "bbc news", "بي بي سي عربي", "بي بي سي",
    "الجزيرة نت", "الجزيرة.نت", "الجزيرة", "aljazeera", "al jazeera",
    "فرانس 24", "فرانس24", "france 24", "france24", "مونت كارلو الدولية",
    "العربية نت", "العربية.نت", "العربية", "al arabiya", "alarabiya",
    "سكاي نيوز عربية", "سكاي نيوز", "sky news arabia", "sky news عربية", "skynews",
    "cnn بالعربية", "cnn عربي", "cnn arabic", "cnn",
    "rt arabic", "rt عربي", "روسيا اليوم", "عربي 21", "عربي21", "القدس العربي", "الشرق الأوسط",
    "العربي الجديد", "اندبندنت عربية", "الحرة", "يورونيوز", "euronews", "الأناضول", "وكالة الأناضول",
    "dw عربية", "دويتشه فيله", "الخليج أونلاين", "الخليج اونلاين", "مصراوي", "اليوم السابع",
    "الميادين", "المنار", "عنب بلدي", "سبوتنيك", "سبوتنيك عربي", "reuters", "رويترز",
    "dw",  # «… | DW | 05.03.2018»
)
# Leading decorations: labels about the medium or urgency, not the news.
_DECORATIONS = (
    "عاجل", "خبر عاجل", "فيديو", "بالفيديو", "شاهد", "شاهد بالفيديو", "بالصور", "صور",
    "فيديو وصور", "بالفيديو والصور", "تقرير مصور", "مباشر", "متابعة", "حصري", "انفوجرافيك",
    "إنفوجرافيك", "انفوغراف", "إنفوغراف", "إنفوغرافيك", "انفوغرافيك", "صور وفيديو",
    "بالصور والفيديو", "شاهد بالصور", "فيديوجراف", "فيديوغراف", "video", "breaking",
    "breaking news", "live",
)
# Titles that name no article: a site's home page or a CMS placeholder (compared folded).
_PLACEHOLDERS = (
    "الصفحة الرئيسية", "الرئيسية", "الصفحة غير موجودة", "home", "homepage", "home page",
    "untitled", "index", "page not found", "404", "404 not found", "not found",
)
# Separators stripped from a headline's ends. « and » only when unpaired (`_strip_ends`):
# «ترامب: «سنرد بقوة»» lost its closing mark when they were stripped as separators (QA10 F2).
_SEPARATORS = "|-–—:•·/"
_SPLIT_RE = re.compile(r"(\s+(?:\||-|–|—|•|·|::)\s+|\s*«\s*\|\s*»\s*)")
# A leading label and its separator: «عاجل:», «فيديو |», «فيديو - », «شاهد.. », «[فيديو]»,
# «#عاجل ».
_LEAD_RE = re.compile(r"^\s*(?:[\[(«\"“]\s*(?P<bracketed>[^\])»\"”]{1,25}?)\s*[\])»\"”]\s*"
                      r"|#(?P<tag>[^\s#]{1,25})\s+"
                      r"|(?P<label>[^:|\-–—.…\[(«\"“#]{1,25}?)\s*"
                      r"(?:[:|]|\.{2,}|…|\s[-–—]\s)\s*)")
# A trailing one: «… - فيديو», «… | فيديو», «… (صور)», «… [فيديو]», «…. فيديو».
_TAIL_RE = re.compile(r"\s*(?:(?:\s[-–—|]|\.{2,}|…)\s*(?P<label>[^\-–—|.…()\[\]]{1,25}?)"
                      r"|[\[(]\s*(?P<bracketed>[^\])]{1,25}?)\s*[\])])\s*$")
# Emoji and pictographs: decorations wherever they stand («🔴 عاجل:», «… 🔥»). Symbols that
# carry meaning in text (°, ©, №, arrows) are outside these ranges.
_EMOJI_RE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]+")
_EMOJI_JOINERS_RE = re.compile("[\uFE0F\u20E3]|(?<=[\U0001F000-\U0001FAFF])\u200D")
_DATE_PART_RE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")  # DW: «… | DW | 05.03.2018»
_ARABIC_RE = re.compile("[\u0600-\u06FF]")
_LATIN_RE = re.compile("[A-Za-z]")
_SPACE_RE = re.compile(r"\s+")
_HARAKAT_RE = re.compile("[\u064b-\u0655\u0670\u0640]")
# «شاهد» ("watch") as a video teaser with no separator: «شاهد هيلي تهاجم عريقات…» (QA18 R18).
# Only when what follows reads as a headline of its own, three words or more, whose first word
# does not make «شاهد» the noun "witness" («شاهد عيان», «شاهد إثبات», «شاهد على العصر») or
# start a phrase that needs it («شاهد من الجو.. …»), nor is a definite noun: «شاهد» is then the
# verb and the noun its object («شاهد المحققين وهم في طريقهم …», «شاهد الطفل بمواجهة النار»:
# without it, an accusative or a phrase with no verb, QA59-38).
_WATCH_RE = re.compile(r"^شاهد\s+(?P<next>[^\s.:|…]+)(?P<rest>(?:\s+\S+){2,})$")
_WATCH_NOUN = frozenset(("عيان", "العيان", "اثبات", "زور", "الزور", "ملك", "على", "علي",
                         "عصر", "العصر", "من", "في", "عن", "الى", "قبر", "رئيسي", "وحيد",
                         "اخر", "جديد", "نفي", "حي", "عدل"))
# «عاجل» ("urgent") leading a headline with no separator, left so when a feed's tags around it
# went («<b>عاجل</b> زلزال بقوة 5.2 …»): dropped as «عاجل:» is (QA58-7: one headline lost the
# label, the other kept it glued on), before a headline of three words or more; English only as
# a label can be ("BREAKING", "Breaking News"), never "Breaking barriers …" nor "Breaking news
# anchors quit …" (sentence case: the headline's own words, X89)
_URGENT_RE = re.compile(r"^(?:(?:خبر\s+)?عاجل|BREAKING(?:\s+NEWS)?|Breaking\s+News)\s+"
                        r"(?P<rest>[^\W_]\S*(?:\s+\S+){2,})$")
# words that go on with the label, not a headline's first word: «عاجل جدا: …», «خبر عاجل من
# دمشق …», «عاجل ومهم …» stay whole (review REV: they lost «عاجل» and began «جدا:», «من دمشق»)
_URGENT_TAILS = frozenset((  # as `_fold` writes them
    "جدا", "من", "عن", "في", "الى", "على", "مع", "حول", "بشان", "ومهم", "وهام", "وخطير"))
_FIRST_WORD_RE = re.compile(r"[^\W_]+")  # «جدا:» is «جدا» (`rest` opens on one)
_SENTENCE_END_RE = re.compile(r"[.؟?!\n]")
# Invisible direction controls (LRM, RLM, ALM, the embeddings, overrides and isolates): a title
# copied from a page keeps them («\u200f\u202bأمر ملكي …», «26\u200e%»), and an embedding never
# closed runs on into what Telegram prints after the headline (QA59-21). The joiners (ZWJ,
# ZWNJ) are the writer's and stay.
_BIDI_RE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _fold(text: str) -> str:
    """Lower-case, unify hamza forms and drop harakat: enough to compare site names."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _HARAKAT_RE.sub("", text)
    text = re.sub("[أإآ]", "ا", text)
    return _SPACE_RE.sub(" ", text).strip(" .")


_SITE_FOLDED = frozenset(_fold(s) for s in _SITE_NAMES)
_DECORATIONS_FOLDED = frozenset(_fold(s) for s in _DECORATIONS)
_PLACEHOLDERS_FOLDED = frozenset(_fold(s) for s in _PLACEHOLDERS)


def _is_decoration(label: str) -> bool:
    """Whether a label is about the medium or urgency: «عاجل», «#فيديو», «شاهد بالفيديو»."""
    return _fold(label).lstrip("#").strip() in _DECORATIONS_FOLDED


def _is_site(part: str) -> bool:
    folded = _fold(part)
    if folded in _SITE_FOLDED or folded in _PLACEHOLDERS_FOLDED:
        return True
    if _DATE_PART_RE.match(folded):
        return True
    # «موقع X», «قناة X», «BBC News عربي - الرئيسية»
    return any(folded.startswith(s + " ") and len(folded) - len(s) <= 12 for s in _SITE_FOLDED)


def _strip_sites(title: str) -> str:
    # With the capturing group, parts alternate text, separator, text … so the separators
    # between the parts we keep stay as written.
    parts = _SPLIT_RE.split(title)
    # Site names sit at either end: «Title - Site», «Site | Title».
    while len(parts) > 2 and _is_site(parts[-1]):
        del parts[-2:]
    while len(parts) > 2 and _is_site(parts[0]):
        del parts[:2]
    if len(parts) == 1 and _is_site(parts[0]):
        return ""
    return "".join(parts).strip()


def _strip_decorations(title: str) -> str:
    """`title` without the decorations that lead it («عاجل:», «شاهد.. », «[فيديو]», «شاهد »
    before a clause) or end it («- فيديو», «(صور)»); a label that carries meaning («سوريا: …», «الكويت.. …») stays, and so
    does a decoration that is all the title has."""
    while True:
        watch = _WATCH_RE.match(title)
        if watch and (after := _fold(watch.group("next"))) not in _WATCH_NOUN and not (
                after.startswith("ال")):
            title = title[len("شاهد"):].lstrip()
            continue
        urgent = _URGENT_RE.match(title)
        if urgent and _fold(_FIRST_WORD_RE.findall(urgent.group("rest"))[0]) not in _URGENT_TAILS:
            title = urgent.group("rest")
            continue
        m = _LEAD_RE.match(title)
        if not m or not _is_decoration(m.group("label") or m.group("bracketed")
                                       or m.group("tag") or ""):
            break
        rest = title[m.end():]
        if not rest.strip():
            break
        title = rest
    while True:
        m = _TAIL_RE.search(title)
        if not m or not _is_decoration(m.group("label") or m.group("bracketed") or ""):
            return title
        rest = title[:m.start()]
        if not rest.strip():
            return title
        title = rest


def _unusable(title: str, lead: str) -> bool:
    """Whether a title cannot stand for an Arabic article: no word of two letters or more in
    it («...», «!!!»), or capitals only in Latin letters («BREAKING NEWS», a slug) above an
    Arabic text."""
    if not any(len(w) >= 2 and any(ch.isalnum() for ch in w) for w in title.split()):
        return True
    return (not _ARABIC_RE.search(title) and bool(_ARABIC_RE.search(lead))
            and bool(_LATIN_RE.search(title)) and title.upper() == title)


def _strip_ends(text: str) -> str:
    """`text` without separators at its ends, nor a guillemet that closes or opens nothing:
    «وزير الصحة: «المستشفيات مكتظة»» and «المغرب 2026» لا يعرف اليأس» keep their marks,
    «» عاجل» or a dangling «… «» loses it."""
    while True:
        text = text.strip(_SEPARATORS + " ")
        if text.startswith("«") and text.count("«") > text.count("»"):
            text = text[1:]
        elif text.endswith("»") and text.count("»") > text.count("«"):
            text = text[:-1]
        elif text.startswith("»"):  # a closing mark first closes nothing
            text = text[1:]
        elif text.endswith("«"):  # an opening mark last opens nothing
            text = text[:-1]
        else:
            return text


def shorten(text: str, limit: int = MAX_HEADLINE_CHARS) -> str:
    """`text` cut at the last word boundary before `limit` characters, with «…» when cut."""
    text = _SPACE_RE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ،,;؛:-–—") + " …"


def lead_sentence(text: str) -> str:
    """The first sentence of `text` (split on . ؟ ! and line breaks, never on «،»)."""
    for piece in _SENTENCE_END_RE.split(text):
        piece = piece.strip()
        if len(piece.split()) >= 3:
            return piece
    return text.strip()


def clean_headline(title: str, lead: str = "", *, limit: int = MAX_HEADLINE_CHARS) -> str:
    """The headline of a digest.

    Args:
        title: the article's title as published (page <title> or feed title).
        lead: the article text, used when the title is empty or nothing but a site name.
        limit: longest headline in characters; longer ones are cut at a word boundary.

    Returns:
        The title without site suffixes/prefixes, emoji and the decorations that lead or end
        it («عاجل:», «فيديو |», «شاهد.. », «- فيديو», «(صور)»), else — when nothing of two
        words is left, or only punctuation or Latin capitals above an Arabic text — the lead
        sentence shortened; "" when both are empty.
    """
    title = _BIDI_RE.sub("", title or "")
    title = _EMOJI_JOINERS_RE.sub("", unicodedata.normalize("NFC", title))
    title = _EMOJI_RE.sub(" ", title)
    title = _SPACE_RE.sub(" ", title).strip()
    title = _strip_ends(title)
    cleaned = _strip_ends(_strip_decorations(_strip_sites(title)))
    cleaned = _strip_ends(_strip_sites(cleaned))  # «فيديو: … - BBC News عربي»
    if _unusable(cleaned, lead) and lead.strip():
        cleaned = ""
    if len(cleaned.split()) >= 2 or (cleaned and not lead.strip()):
        return shorten(cleaned, limit)
    if lead.strip():
        return shorten(lead_sentence(lead), limit)
    return shorten(cleaned, limit)
