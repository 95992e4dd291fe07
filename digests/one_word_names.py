"""One-word topics inside longer names of other entities, which an alert must not count.

X27 (digests.longer_names) listed the longer names around topics of several words. A one-word
topic is as often a part of another name: «قناة روسيا اليوم» is the RT channel, «مونديال روسيا»
and «كأس العالم 2018 في روسيا» are the World Cup, «بروسيا دورتموند» a football club; «حصة
الأسد» is the lion's share, «أسماء الأسد» and «إيفانكا ترامب» other people; «المرصد السوري
لحقوق الإنسان ومقره بريطانيا» is a Syrian NGO; «أمريكا اللاتينية» a continent; «نقلاً عن
الرياضية السعودية» a newspaper's credit line under a column. Such a mention is no reason to alert a follower of the topic (brief X30). Search still
finds these articles: only `digests.topic_match.alert_matches` asks, through
digests.longer_names.

`ONE_WORD_NAMES` maps a topic (as written; matched by its keys) to patterns, each a
space-separated string of the words around the topic: «*» stands for the topic, «a|b» for any
of several words at one place, «[NAME]» for up to GAP_MAX words of the set `GAPS[NAME]` between
the words before and the topic («كأس العالم [cup] *» reads «كأس العالم 2018 المقرر في روسيا»),
and a last «{NAME}» for a name that does not hold in an article naming a word of
`ARTICLE_WORDS[NAME]` (the World Cup's boycott is Russia's news). «* {NAME}» alone makes every
mention another entity's unless the article names such a word: a name that is also an
ordinary word («الأسد», the lion) counts only in an article about its own world (QA23 S8).
Every word is keyed by digests.arabic.analyze, so «لمونديال» is «مونديال».

The lists were read from the corpus (brief X30: the words next to each one-word topic of the
benchmark and of digests.topic_names, counted, then read in context); they keep only names of
ANOTHER entity. Kept as the topic itself, on purpose: a national team («منتخب مصر» is Egypt's
news), a state company or fund («مصر للطيران», «جهاز قطر للاستثمار», «طيران الإمارات»: the
state's carrier and money), a party («حزب مصر القوية»), a region of the country («كردستان
العراق», «جبل لبنان»), «قوات سوريا الديمقراطية» (a force of Syria's war), «منظمة ترامب» (his
business), and a state's news agency («وكالة الأنباء السعودية», «شينخوا»: read, the reports
that quote it are mostly that state's news — the king's decrees, its air defence; unlike X27's
MENA for «الشرق الأوسط», a name shared by chance). The reading and the figures: benchmarks/README.md, «Session 12 (brief X30)».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from digests.arabic import analyze

GAP_MAX = 6  # words of a gap set between a longer name's head and the topic

# Words that may stand between «كأس العالم»/«مونديال» and the host's name: «كأس العالم لكرة
# القدم المقررة الصيف المقبل في روسيا», «مونديال 2018 الذي تستضيفه روسيا» (read: 380 such
# mentions of «روسيا», all the tournament; a sentence that goes on — «مونديال إذا ثبت تورط
# روسيا» — has other words and is a mention).
GAPS: dict[str, tuple[str, ...]] = {
    "cup": ("2018", "في", "لكرة", "القدم", "المقررة", "المقرر", "المقبلة", "المقبل", "القادمة",
            "القادم", "المرتقبة", "المرتقب", "المقامة", "التي", "الذي", "تستضيفها", "تستضيفه",
            "ستستضيفه", "يستضيفها", "تنظمها", "ستنظمها", "تحتضنه", "ستقام", "تقام", "سيقام",
            "ستجري", "تجري", "إقامته", "عقدها", "الصيف", "هذا", "العام", "الجاري", "الحالي"),
    # Saudi newspapers credited at the end of a column («*نقلاً عن الرياضية السعودية», 48)
    "paper": ("الرياضية", "اليوم", "الرياض", "عكاظ", "الجزيرة", "الاقتصادية", "الوطن",
              "المدينة", "الحياة"),
}

# A pattern ending in «{NAME}» holds only in an article that names none of `ARTICLE_WORDS[NAME]`:
# the World Cup «in Russia» is Russia's news where the article is about the hosting — its boycott
# over the Skripal poisoning, the Kremlin's answer (read: 6 of the 132 such articles, all naming
# the Kremlin, Putin or a boycott; the other 126 are match reports, squads and referees).
ARTICLE_WORDS: dict[str, tuple[str, ...]] = {
    "hosting": ("الكرملين", "بوتين", "بوتن", "مقاطعة", "بمقاطعة", "لمقاطعة", "تقاطع", "يقاطع"),
    # «الأسد» is also the lion (QA23 S8: a football «lion», «"الأسد" في شعار الدوري الإنجليزي»,
    # «يرحب بـ"الأسد" إبراهيموفيتش», a lion at a Jeddah fair, «حصة الأسد» of a deal): read, the
    # 11 of the corpus's 162 articles with «الأسد» that name none of these words are all such
    # look-alikes; the other 151 are the Syrian president's news.
    "syria": ("بشار", "سوريا", "سورية", "السوري", "السورية", "دمشق", "النظام", "حافظ"),
}

ONE_WORD_NAMES: dict[str, tuple[str, ...]] = {
    # the World Cup it hosts (a match report is no Russia news; a report on the hosting names
    # Russia again: «ستستضيف روسيا», «روسيا تستعد»), RT, Borussia Dortmund/Mönchengladbach
    "روسيا": ("مونديال [cup] * {hosting}", "كأس العالم [cup] * {hosting}", "* 2018 {hosting}",
              "قناة|شبكة|محطة|مكتب|موقع|تلفزيون * اليوم", "* دورتموند|مونشنغلادباخ"),
    # the London-based Persian channel (none in the corpus; the brief's example)
    "إيران": ("* إنترناشيونال",),
    # ancient Egypt (BBC culture pieces on the pharaohs' tombs: 26 mentions, 7 articles)
    "مصر": ("* القديمة|القديم",),
    # the credit line of a Saudi newspaper's column; «صحيفة عكاظ السعودية»
    "السعودية": ("نقلا عن [paper] *", "صحيفة [paper] *"),
    # the Syrian Observatory for Human Rights «ومقره بريطانيا» (23, in Syria reports)
    "بريطانيا": ("ومقره|مقره|ومقرها|مقرها *",),
    # the lion's share; the father, wife, brothers
    "الأسد": ("حصة|نصيب *", "حافظ|أسماء|ماهر|رفعت|باسل|بشرى *", "* {syria}"),
    # his children and wife («ميلانيا ترامب», «إيفانكا ترامب», «ترمب الابن»)
    "ترامب": ("إيفانكا|ايفانكا|ميلانيا|إريك|اريك|تيفاني|لارا|بارون|فانيسا *",
              "* الابن|جونيور"),
    "نتنياهو": ("سارة|يائير *",),
    "ماكرون": ("بريجيت *",),
    # Esteghlal Tehran, the football club (27 mentions, Asian Champions League reports)
    "طهران": ("استقلال *",),
    # the peninsulas (Korean, Crimea, Sinai, Arabian: 129), the Emirati club (29)
    "الجزيرة": ("شبه *", "* الإماراتي|الاماراتي", "نادي *"),
    # Radio France Internationale; the French Cup, the Tour de France
    "فرنسا": ("إذاعة|راديو * الدولية", "كأس|طواف *"),
    # the China Cup (a friendly tournament, 14)
    "الصين": ("كأس|بكأس *",),
    # the continents; Voice of America
    "أمريكا": ("* اللاتينية|الشمالية|الجنوبية|الوسطى", "صوت *"),
    # the Maghreb («المغرب العربي», «بلاد المغرب الإسلامي»: AQIM), MAS Fès, the evening prayer
    "المغرب": ("* العربي|الإسلامي|الفاسي", "بلاد *", "صلاة *"),
    # MC Alger, the football club
    "الجزائر": ("مولودية *",),
    # «الدولة الإسلامية في العراق والشام» (ISIS's name)
    "العراق": ("* والشام",),
    # the Quds Force (IRGC), Al-Quds Al-Arabi the newspaper
    "القدس": ("فيلق *", "* العربي"),
    # Israel Katz the minister; Israel Hayom the newspaper
    "إسرائيل": ("* كاتس|هيوم", "صحيفة * اليوم"),
    # Amman, Jordan's capital, beside Oman («عمان، الأردن (CNN)», «العاصمة الأردنية عمان»)
    "عمان": ("* الأردن|الأردنية", "الأردنية *"),
    # a political earthquake
    "زلزال": ("* سياسي",),
}
# ISIS under each of its names (digests.variants.SYNONYMS, QA23 S14): the index keys «دولة
# إسلامية» as «الدولة الإسلامية», and the corpus's 7 such mentions are an Islamic state Boko Haram
# wants to found («إقامة/إنشاء/بناء دولة إسلامية»), «أكبر دولة إسلامية» (Indonesia), a bloc of
# «41 دولة إسلامية»: another thing than the group (read). Not «يسمى»: «ما يسمى بتنظيم الدولة».
_ISLAMIC_STATE = ("إقامة|لإقامة|إنشاء|بإنشاء|بناء|تأسيس|أكبر *",)
ONE_WORD_NAMES.update({name: _ISLAMIC_STATE for name in (
    "داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية")})


@dataclass(frozen=True)
class Name:
    """A longer name around a topic: the keys right before it (`before`, one set of spellings
    per word; with `gap`, up to GAP_MAX keys of `gap` may come between them and the topic) and
    right after it (`after`)."""

    before: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()
    gap: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()  # the name does not hold in an article naming these

    def around(self, keys: Sequence[str], start: int, end: int) -> bool:
        """Whether `keys[start:end]` (a mention of the topic) sits inside this name."""
        if self.after and not _at(keys, end, self.after):
            return False
        if not self.before:
            return True
        j = start
        for _ in range(GAP_MAX + 1):
            if _at(keys, j - len(self.before), self.before):
                return True
            if not self.gap or j <= 0 or keys[j - 1] not in self.gap:
                return False
            j -= 1
        return False


def _at(keys: Sequence[str], i: int, words: tuple[frozenset[str], ...]) -> bool:
    return i >= 0 and i + len(words) <= len(keys) and all(
        keys[i + n] in w for n, w in enumerate(words))


def _word(spellings: str) -> frozenset[str]:
    return frozenset(k for s in spellings.split("|") for k in analyze(s))


def parse(pattern: str) -> Name:
    """One pattern of the table as a Name («قناة|شبكة * اليوم», «كأس العالم [cup] *»)."""
    words = pattern.split()
    unless: frozenset[str] = frozenset()
    if words[-1].startswith("{"):
        unless = frozenset(k for w in ARTICLE_WORDS[words.pop().strip("{}")] for k in analyze(w))
    star = words.index("*")
    before, after = words[:star], words[star + 1:]
    gap: frozenset[str] = frozenset()
    if before and before[-1].startswith("["):
        gap = frozenset(k for w in GAPS[before.pop().strip("[]")] for k in analyze(w))
    return Name(tuple(_word(w) for w in before), tuple(_word(w) for w in after), gap, unless)


@lru_cache(maxsize=1)
def names_by_keys() -> dict[tuple[str, ...], tuple[Name, ...]]:
    """The table keyed by each topic's keys (as digests.query plans it: one key)."""
    return {tuple(analyze(topic)): tuple(parse(p) for p in patterns)
            for topic, patterns in ONE_WORD_NAMES.items()}


# A CNN Arabic report opens with its dateline, «دبي، الإمارات العربية المتحدة (CNN)—» (498 of
# the corpus's 952 CNN reports, on football, phones or Syria alike): the desk's place, not the
# story's. The dateline of a desk (`DATELINE_DESKS`: CNN Arabic's in Dubai, CNN's own in Atlanta
# and New York) counts for no topic — unless the report names the desk's country by its
# adjective («وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش»: 17 of the 470 reports the
# Dubai dateline alone sent to «الإمارات» are Gargash's statements, UAE news). Another
# dateline is where a reporter went («الرياض، المملكة العربية السعودية (CNN)» opens a report on
# a Saudi minister): it still counts.
DATELINE_AGENCIES = frozenset({"cnn"})
DATELINE_DESKS: dict[str, tuple[str, ...]] = {
    "دبي": ("الإماراتي", "الإماراتية", "الإماراتيين", "الإماراتيون"),
    "أتلانتا": ("الأمريكي", "الأمريكية", "الأميركي", "الأميركية"),
    "اتلانتا": ("الأمريكي", "الأمريكية", "الأميركي", "الأميركية"),
    "نيويورك": ("الأمريكي", "الأمريكية", "الأميركي", "الأميركية"),
}
DATELINE_WORDS = 6  # the dateline's place before the agency: «أتلانتا، الولايات المتحدة الأمريكية»


@lru_cache(maxsize=1)
def _desks() -> dict[str, frozenset[str]]:
    return {k: frozenset(a for w in kin for a in analyze(w))
            for desk, kin in DATELINE_DESKS.items() for k in analyze(desk)}


def dateline_end(keys: Sequence[str], every: frozenset[str] = frozenset()) -> int:
    """How many keys at the start of a text (or of its first paragraph) are a desk's dateline,
    the agency's name included; 0 when it has none, or when the article (all its keys:
    `every`) names the desk's country by its adjective."""
    kin = _desks().get(keys[0]) if keys else None
    if kin is None or kin & every:
        return 0
    for i, k in enumerate(keys[:DATELINE_WORDS + 1]):
        if k in DATELINE_AGENCIES:
            return i + 1
    return 0


def without_dateline(keys: Sequence[str], every: frozenset[str] = frozenset()
                     ) -> tuple[str, ...]:
    """`keys` with the dateline's keys blanked ("")."""
    n = dateline_end(keys, every)
    if not n:  # most texts: no copy (the outbox asks once per subscribed topic)
        return keys if isinstance(keys, tuple) else tuple(keys)
    return ("",) * n + tuple(keys[n:])
