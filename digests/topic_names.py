"""English names readers type for Arabic topics: «Syria» → «سوريا».

The archive is Arabic news: a topic typed in Latin letters («Trump», «Ghouta», the deep link
`?start=syria`, a flag «🇸🇾») matches almost nothing. The common names of the news — countries,
cities, people, groups, events — are mapped to the Arabic topic; any other Latin-only text gets
a plain answer that topics are searched (and followed) in Arabic. The adjectives of those names
(«Syrian», «Iranian») stand for the name itself. Several words («Gaza Strip», «trump news») are
searched as the longest known name among them (`name_in`); a subscription needs the whole text to
be a name (`arabic_topic`), and otherwise the name found in it (`name_in`) is suggested. A few
hundred more names (football, titles, organisations, cities: digests.topic_names_more) are read
the same way, and a spelling is folded before it is looked up («Erdoğan», «alghouta», «Ghuta»:
QA36 E2/E3). Pure functions; the bot decides what to say.
"""

from __future__ import annotations

import re

from digests.topic_names_more import MORE_TOPICS, fold

# English (lower case, words separated by one space) → the Arabic topic.
ENGLISH_TOPICS: dict[str, str] = {
    "syria": "سوريا", "gaza": "غزة", "ghouta": "الغوطة", "eastern ghouta": "الغوطة الشرقية",
    "iran": "إيران", "russia": "روسيا", "egypt": "مصر", "yemen": "اليمن", "lebanon": "لبنان",
    "iraq": "العراق", "israel": "إسرائيل", "palestine": "فلسطين", "turkey": "تركيا",
    "saudi": "السعودية", "saudi arabia": "السعودية", "jordan": "الأردن", "qatar": "قطر",
    "uae": "الإمارات", "emirates": "الإمارات", "kuwait": "الكويت", "bahrain": "البحرين",
    # «عُمان» with its damma: Oman's own key in the search, never Amman's (QA68-10)
    "oman": "عُمان", "libya": "ليبيا", "tunisia": "تونس", "algeria": "الجزائر",
    "morocco": "المغرب", "sudan": "السودان", "afghanistan": "أفغانستان", "france": "فرنسا",
    "china": "الصين", "america": "أمريكا", "usa": "أمريكا", "us": "أمريكا",
    "united states": "أمريكا", "britain": "بريطانيا", "uk": "بريطانيا",
    "damascus": "دمشق", "aleppo": "حلب", "idlib": "إدلب", "afrin": "عفرين", "douma": "دوما",
    "beirut": "بيروت", "baghdad": "بغداد", "cairo": "القاهرة", "jerusalem": "القدس",
    "tehran": "طهران", "mosul": "الموصل", "raqqa": "الرقة", "west bank": "الضفة الغربية",
    "trump": "ترامب", "putin": "بوتين", "erdogan": "أردوغان", "macron": "ماكرون",
    "assad": "الأسد", "netanyahu": "نتنياهو", "rouhani": "روحاني", "khamenei": "خامنئي",
    "guterres": "غوتيريس", "sisi": "السيسي", "merkel": "ميركل", "lavrov": "لافروف",
    "tillerson": "تيلرسون", "mohammed bin salman": "محمد بن سلمان",
    "hezbollah": "حزب الله", "hamas": "حماس", "isis": "داعش", "daesh": "داعش",
    "houthis": "الحوثيين", "houthi": "الحوثيين", "kurds": "الأكراد", "nato": "الناتو",
    "un": "الأمم المتحدة", "united nations": "الأمم المتحدة", "facebook": "فيسبوك",
    "elections": "الانتخابات", "lebanon elections": "الانتخابات اللبنانية",
    "world cup": "كأس العالم", "oil": "النفط", "earthquake": "زلزال", "truce": "الهدنة",
    "olive branch": "غصن الزيتون", "nuclear deal": "الاتفاق النووي",
    # Full names of the people above, and people the news names often (QA23 S2/S3): a name
    # typed whole is matched whole, before any of its words.
    "donald trump": "ترامب", "vladimir putin": "بوتين", "recep tayyip erdogan": "أردوغان",
    "tayyip erdogan": "أردوغان", "emmanuel macron": "ماكرون", "bashar al assad": "الأسد",
    "bashar assad": "الأسد", "benjamin netanyahu": "نتنياهو", "hassan rouhani": "روحاني",
    "ali khamenei": "خامنئي", "antonio guterres": "غوتيريس", "abdel fattah el sisi": "السيسي",
    "abdel fattah al sisi": "السيسي", "angela merkel": "ميركل", "sergei lavrov": "لافروف",
    "sergey lavrov": "لافروف", "rex tillerson": "تيلرسون", "mbs": "محمد بن سلمان",
    "mohammad bin salman": "محمد بن سلمان", "kim jong un": "كيم جونغ أون",
    "kim jong-un": "كيم جونغ أون", "mohamed salah": "محمد صلاح", "mohammed salah": "محمد صلاح",
    "mo salah": "محمد صلاح", "salah": "محمد صلاح", "liverpool": "ليفربول",
    # «Kim» alone is the North Korean leader as the news names him (QA78-19: «هل تقصد: KIDS؟»);
    # «Trump Kim» is the summit, «ترامب كيم» (QA78-8)
    "kim": "كيم",
    "skripal": "سكريبال", "biden": "بايدن",
    # QA28 T9: «Theresa May» found nothing, though «تيريزا ماي» has 71 stories («May» alone
    # stays a word: "may")
    "theresa may": "تيريزا ماي", "boris johnson": "بوريس جونسون", "jared kushner": "كوشنر",
    "nikki haley": "نيكي هيلي", "mike pompeo": "بومبيو", "john bolton": "جون بولتون",
}
# English adjectives (and nouns of the people) of the names above → the name they come from:
# «Syrian army» is news about «سوريا». Arabic writes the adjective as another word («السوري»,
# «السورية»), so the topic searched and followed is the name itself.
ENGLISH_ADJECTIVES: dict[str, str] = {
    "syrian": "syria", "gazan": "gaza", "iranian": "iran", "persian": "iran",
    "russian": "russia", "egyptian": "egypt", "yemeni": "yemen", "lebanese": "lebanon",
    "iraqi": "iraq", "israeli": "israel", "palestinian": "palestine", "turkish": "turkey",
    "turk": "turkey", "jordanian": "jordan", "qatari": "qatar", "emirati": "uae",
    "kuwaiti": "kuwait", "bahraini": "bahrain", "omani": "oman", "libyan": "libya",
    "tunisian": "tunisia", "algerian": "algeria", "moroccan": "morocco", "sudanese": "sudan",
    "afghan": "afghanistan", "french": "france", "chinese": "china", "american": "america",
    "british": "britain", "damascene": "damascus", "kurdish": "kurds", "kurd": "kurds",
}
# The names of the news as Arabic topics (each once): a pasted paragraph is searched by those it
# holds (digests.query.pasted_names).
NEWS_NAMES: tuple[str, ...] = tuple(dict.fromkeys(ENGLISH_TOPICS.values()))
# The names above that are subjects of the news, not a place, a person or a group: beside another
# name they are one topic, «انتخابات مصر» (Egypt's elections), «نفط العراق», «زلزال تركيا», not a
# list to split (X87: «/subscribe نفط العراق» followed «النفط», all oil news, and «العراق»).
SUBJECT_NAMES: frozenset[str] = frozenset(ENGLISH_TOPICS[e] for e in (
    "elections", "lebanon elections", "world cup", "oil", "earthquake", "truce", "olive branch",
    "nuclear deal"))
# English subject words that, beside a country, make one Arabic topic with the country's
# adjective (QA68-11: "Egypt election" searched «مصر» alone, 1 page item of 5 about the vote;
# «الانتخابات المصرية» is 5 of 5): the Arabic noun and whether it takes the feminine adjective.
SUBJECT_WORDS: dict[str, tuple[str, bool]] = {
    "election": ("الانتخابات", True), "elections": ("الانتخابات", True),
    "league": ("الدوري", False),
}
# A country's Arabic adjective (masculine, feminine), by its English name above. Only countries
# with a nisba the news writes; «الانتخابات اللبنانية» is searched as «انتخابات لبنان» too
# (digests.country_adjectives).
COUNTRY_ADJECTIVES: dict[str, tuple[str, str]] = {
    "syria": ("السوري", "السورية"), "iran": ("الإيراني", "الإيرانية"),
    "russia": ("الروسي", "الروسية"), "egypt": ("المصري", "المصرية"),
    "yemen": ("اليمني", "اليمنية"), "lebanon": ("اللبناني", "اللبنانية"),
    "iraq": ("العراقي", "العراقية"), "israel": ("الإسرائيلي", "الإسرائيلية"),
    "palestine": ("الفلسطيني", "الفلسطينية"), "turkey": ("التركي", "التركية"),
    "saudi": ("السعودي", "السعودية"), "saudi arabia": ("السعودي", "السعودية"),
    "jordan": ("الأردني", "الأردنية"), "qatar": ("القطري", "القطرية"),
    "uae": ("الإماراتي", "الإماراتية"), "emirates": ("الإماراتي", "الإماراتية"),
    "kuwait": ("الكويتي", "الكويتية"), "bahrain": ("البحريني", "البحرينية"),
    "libya": ("الليبي", "الليبية"), "tunisia": ("التونسي", "التونسية"),
    "algeria": ("الجزائري", "الجزائرية"), "morocco": ("المغربي", "المغربية"),
    "sudan": ("السوداني", "السودانية"), "france": ("الفرنسي", "الفرنسية"),
    "china": ("الصيني", "الصينية"), "america": ("الأمريكي", "الأمريكية"),
    "usa": ("الأمريكي", "الأمريكية"), "us": ("الأمريكي", "الأمريكية"),
    "united states": ("الأمريكي", "الأمريكية"), "britain": ("البريطاني", "البريطانية"),
    "uk": ("البريطاني", "البريطانية"), "oman": ("العماني", "العمانية"),
}
# A flag typed alone («🇸🇾») is its country: ISO 3166 code → the English name above.
FLAGS: dict[str, str] = {
    "SY": "syria", "PS": "palestine", "IR": "iran", "RU": "russia", "EG": "egypt",
    "YE": "yemen", "LB": "lebanon", "IQ": "iraq", "IL": "israel", "TR": "turkey",
    "SA": "saudi", "JO": "jordan", "QA": "qatar", "AE": "uae", "KW": "kuwait", "BH": "bahrain",
    "OM": "oman", "LY": "libya", "TN": "tunisia", "DZ": "algeria", "MA": "morocco",
    "SD": "sudan", "AF": "afghanistan", "FR": "france", "CN": "china", "US": "usa",
    "GB": "uk",
}
# Every name read: the table above first (its label wins: bot.i18n), then the longer list.
ALL_TOPICS: dict[str, str] = {**MORE_TOPICS, **ENGLISH_TOPICS}
# The names by their folded spelling («ghuta» → «الغوطة»); where two names fold alike the
# table's first wins (tests check that none of them names another topic).
FOLDED: dict[str, str] = {}
for _english, _arabic in {**ENGLISH_TOPICS, **MORE_TOPICS}.items():
    FOLDED.setdefault(fold(_english), _arabic)
EXAMPLE = "سوريا"   # the Arabic topic suggested for an unknown Latin one
# Acronyms that are also a syllable of a name or a common word: inside a longer text they count
# only written in capitals («UN envoy», «US sanctions»), never as the «Un» of «Kim Jong Un»
# (QA23 S2: answered as the United Nations) or the «us» of «tell us about …». Every other alias
# was checked for the same trap: the people are listed by their full names too, so «Donald
# Trump» is matched whole; the places are not a word of a common longer name in the news.
ACRONYMS = frozenset({"un", "us", "uk", "usa", "uae", "isis", "nato", "mbs"})

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")
_SEPARATORS = re.compile(r"[\s_\-.,;:!?'\"«»()#@]+")


def _name(plain: str) -> str | None:
    """The Arabic topic of one lower-case English name or adjective, or None."""
    noun = ENGLISH_ADJECTIVES.get(plain)
    if noun is not None:
        return ENGLISH_TOPICS.get(noun)
    return ALL_TOPICS.get(plain) or FOLDED.get(fold(plain))


def is_latin(text: str) -> bool:
    """Whether `text` is written in Latin letters only (no Arabic letter, at least one Latin)."""
    return bool(_LATIN.search(text)) and not _ARABIC.search(text)


def _plain(text: str) -> str:
    words = _SEPARATORS.sub(" ", text.lower()).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def flag_topic(text: str) -> str | None:
    """The Arabic topic of a country's flag typed alone («🇸🇾», or the same flag repeated, spaces
    aside) → «سوريا»; None for any other text (QA18 R13)."""
    letters = "".join(text.split())
    if not letters or len(letters) % 2:
        return None
    codes = set()
    for i in range(0, len(letters), 2):
        pair = letters[i:i + 2]
        if not all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in pair):
            return None
        codes.add("".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in pair))
    name = FLAGS.get(codes.pop()) if len(codes) == 1 else None
    return ENGLISH_TOPICS.get(name) if name else None


def arabic_topic(text: str) -> str | None:
    """The Arabic topic of a common English name («Syria», «eastern_ghouta», "the UN") or of a
    country's flag typed alone («🇸🇾»), or None (for Arabic text too)."""
    if not is_latin(text):
        return flag_topic(text)
    plain = _plain(text)
    return _name(plain) or _name(plain.removesuffix("s"))


def is_adjective(text: str) -> bool:
    """Whether `text` is one of the English adjectives of a name («Syrian», "Iranians"): its
    topic is the name it comes from, so a reply says «from …» rather than «is …»."""
    if not is_latin(text):
        return False
    plain = _plain(text)
    return plain in ENGLISH_ADJECTIVES or (plain not in ALL_TOPICS
                                           and plain.removesuffix("s") in ENGLISH_ADJECTIVES)


def name_in(text: str) -> str | None:
    """The Arabic topic of `text` read as English: the whole text when it is a name
    (`arabic_topic`), else the longest known name among its words («Gaza Strip» → «غزة»,
    «iran deal» → «إيران», «trump news» → «ترامب»; the first one on a tie); None when no word is
    a name, and for Arabic text."""
    whole = arabic_topic(text)
    if whole or not is_latin(text):
        return whole
    words = _plain(text).split()
    written = _SEPARATORS.sub(" ", text).split()[-len(words):] if words else []
    shouting = text.upper() == text
    subject = subject_topic(words, written, shouting)
    if subject:
        return subject
    for size in range(min(len(words), 4), 0, -1):
        for i in range(len(words) - size + 1):
            name = " ".join(words[i:i + size])
            if name in ACRONYMS and (shouting or not written[i].isupper()):
                continue
            topic = _name(name) or (
                _name(name.removesuffix("s")) if name.endswith("s") else None)
            if topic:
                return topic
    return None


def names_in(text: str) -> list[str]:
    """Every known name in a Latin-only `text`, as Arabic topics in the order typed («Trump
    Kim» → [«ترامب», «كيم»], «Putin Erdogan» → [«بوتين», «أردوغان»]): the longest names first,
    none inside another's words, an acronym inside a text only in capitals (as `name_in`);
    a subject beside its country is one topic («Egypt election»). [] for Arabic text and a
    text with no name. QA78-8: `name_in` keeps only one, and «Trump Kim» searched «ترامب»."""
    if not is_latin(text):
        return []
    whole = arabic_topic(text)
    if whole:
        return [whole]
    words = _plain(text).split()
    written = _SEPARATORS.sub(" ", text).split()[-len(words):] if words else []
    subject = subject_topic(words, written, text.upper() == text)
    if subject:
        return [subject]
    taken: list[tuple[int, str]] = []
    free = [True] * len(words)
    for size in range(min(len(words), 4), 0, -1):
        for i in range(len(words) - size + 1):
            if not all(free[i:i + size]):
                continue
            name = " ".join(words[i:i + size])
            if name in ACRONYMS and (text.upper() == text or not written[i].isupper()):
                continue
            topic = _name(name) or (
                _name(name.removesuffix("s")) if name.endswith("s") else None)
            if topic:
                taken.append((i, topic))
                free[i:i + size] = [False] * size
    return list(dict.fromkeys(topic for _i, topic in sorted(taken)))


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'\-.]*(?:\s+[A-Za-z][A-Za-z'\-.]*)*")


def mixed_read(text: str) -> str | None:
    """A text of Arabic and Latin words with each run of Latin words that holds known names
    written as those names in Arabic («Trump كيم» → «ترامب كيم», «ترامب Kim» → «ترامب كيم»);
    None when the text is not mixed or no Latin run names anything. QA78-7: «Trump كيم» kept
    «Trump», which the archive never writes, and was told «Trump» is not in the archive."""
    if not (_ARABIC.search(text) and _LATIN.search(text)):
        return None
    from digests.arabic import run_keys  # late: the names table needs no analyzer
    from digests.variants import alternatives

    changed = False
    # a name the Arabic words already write is not added again («ماكرون Macron», «ترمب Trump»)
    written = {a for k in run_keys(_LATIN_RUN.sub(" ", text)) for a in alternatives(k)}

    def arabic(match: re.Match[str]) -> str:
        nonlocal changed
        names = names_in(match.group())
        if not names:
            return match.group()
        changed = True
        return " ".join(n for n in names if not set(run_keys(n)) <= written)

    read = _LATIN_RUN.sub(arabic, text)
    return " ".join(read.split()) if changed else None


# At most this many words between a subject word and its country («election results in Egypt»);
# farther apart they are two topics of a sentence ("Iranian nuclear deal and elections")
SUBJECT_GAP = 2


def subject_topic(words: list[str], written: list[str], shouting: bool) -> str | None:
    """The one Arabic topic of a subject word beside a country («egypt election», "Egyptian
    elections" → «الانتخابات المصرية», "Saudi league" → «الدوري السعودي»), or None: the first
    subject word among `words` (lower case; `written` as typed) with the country nearest to it,
    at most SUBJECT_GAP words away, each one or two words; an acronym country only in capitals
    («US election», not "tell us"). "Iran and the UK election" is the UK's."""
    countries: list[tuple[int, int, str]] = []  # (first word, word after, English name)
    subjects: list[tuple[int, int, str]] = []
    for i in range(len(words)):
        for size in (2, 1):
            name = " ".join(words[i:i + size])
            if len(name.split()) < size:
                continue
            if name in ACRONYMS and (shouting or not written[i].isupper()):
                continue
            name = ENGLISH_ADJECTIVES.get(name, name)
            if name in COUNTRY_ADJECTIVES:
                countries.append((i, i + size, name))
                break
            if name in SUBJECT_WORDS:
                subjects.append((i, i + size, name))
                break
    for start, end, subject in subjects:
        near = [(max(c_start - end, start - c_end), country)
                for c_start, c_end, country in countries]
        gap, country = min(near, key=lambda g: g[0], default=(SUBJECT_GAP + 1, ""))
        if gap <= SUBJECT_GAP:
            noun, feminine = SUBJECT_WORDS[subject]
            return f"{noun} {COUNTRY_ADJECTIVES[country][feminine]}"
    return None
