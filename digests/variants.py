"""Spelling variants of names in the news: «ترامب» and «ترمب» are one man.

Arabic newsrooms transliterate foreign names by house style: Al Arabiya writes «ترمب» and
«بوتين», Sky News Arabia «ترامب» and «بوتن». A reader who types one spelling must find (and, once
subscribed, be sent) the stories written with the other. The table below is curated from
evidence, not generated: benchmarks/search_variants.py lists every pair of index keys one
transliteration step apart (a long vowel dropped, غ/ج س/ش ت/ط ك/ق swapped) that the corpus
attests, with the cosine of their contexts and whether the sources split between them; the pairs
kept here are names of people, places and organisations whose contexts agree (cosine ≥ 0.45,
mostly ≥ 0.6) and whose sources split. Measured pairs of ordinary words (صحافي/صحفي, موقع/مواقع,
اعلان/اعلن) are left out on purpose: they are different words or grammar, not spellings.

A few spellings readers type but the corpus never uses are listed beside a measured group
(«جوتيريش», «ماكرن»): they cost nothing and find the name. Alef with or without hamza
(«أردوغان/إردوغان/اردوغان») needs no entry: digests.arabic.normalize folds it already.

Two rules join what a table would list name by name (session 7, QA12 F10; measured by
`benchmarks/search_variants.py --rules`):
- **-ng**: English «ng» is written «نغ» or «نج» at the end of a name («هوكينغ/هوكينج»,
  «سامسونغ/سامسونج», «بيونغ يانغ/بيونج يانج»). Every key of four letters or more ending in «نغ»
  in the corpus is a foreign name; of those ending in «نج», «تشنج» (a spasm) is an Arabic word
  whose «نغ» form is also attested (the name Cheng), «شطرنج», «اسفنج», «راتنج» are Arabic words
  too: they are left out (`NOT_NG`; keys under four letters, «بنج», «منج», are never touched).
- **-iga**: «الليغا» is written «الليجا» in Egypt (QA18 R13), as «بوندسليغا/بوندسليجا»,
  «بانيغا/بانيجا»: a key of four letters or more ending in «يغا» or «يجا» is also searched with
  the other letter (`ga_spelling`). Arabic words with that ending are accusatives of words in
  «يج»/«يغ» («تتويجا», «مزيجا», «صيغا»), whose other spelling is no word at all: searching it
  finds nothing more. Over the corpus index, the pairs of keys of this shape that both occur are
  ليغا/ليجا, بوندسليغا/بوندسليجا and بانيغا/بانيجا — one name each.
- **Joined and split** names (`JOINED`): «فيسبوك/فيس بوك», «يوتيوب/يو تيوب», «أبوظبي/أبو ظبي»: a
  phrase is also searched with the other form (digests.query), one key for two or two for one.

Session 12 (QA23 S4: one topic split by spellings readers and sources both use):
- **Letter rules** (`SPELLING_RULES`): «أمريكا/أميركا» and every word made of them
  («الأمريكية/الأميركية», «أمريكيين»): CNN and BBC write «أمريكا», Sky News and Al Arabiya
  «أميركا» (corpus keys: اميركي 706 / امريكي 476, اميركا 211 / امريكا 169). Hamza on yaa before
  «و», as Egypt writes it: «مسئول/مسؤول», «شئون/شؤون» (every corpus key with «ئو» is either the
  same word as its «ؤو» form or has no «ؤو» form at all: «مئوية», «رئوي», «سيئول» find nothing
  more).
- **«ابن/بن»** in a lineage («ابن سلمان» = «بن سلمان»): a spelling group.
- **Joined and split by rule** (`split_form`/`joined_form`): a name of «عبد» and a word with the
  article («عبدالفتاح/عبد الفتاح», «عبدالله/عبد الله», «عبدالعزيز» … 24 such keys in the corpus),
  and a name ending in «الله» after three letters or more («نصرالله/نصر الله», «حمدالله»).
  «أبو» is left out: «أبوابها» is a word (her doors), and «أبو مازن» takes no article.

Session 12 (QA23 S14: one topic under two names): **synonyms** (`SYNONYMS`) — a name and the
other names the news gives the same group or man, a phrase for a word: «داعش» = «تنظيم الدولة»
= «الدولة الإسلامية» (BBC and France 24 write the latter; «الدولة الإسلامية في العراق والشام»
holds it), «الحوثي/الحوثيين» = «أنصار الله», «محمد صلاح» = «مو صلاح», «محمود عباس» = «أبو
مازن». A topic that is one of them is searched, followed and alerted as all of them
(`synonym_phrases`, asked by digests.query). The index keys «دولة إسلامية» (an Islamic state a
group wants to found, «أكبر دولة إسلامية») as «الدولة الإسلامية»: alerts keep that look-alike
out by its context (digests.one_word_names), search shows it as a passing mention.

Session 15 (brief X49; QA33 S2: «سعر النفط» did not find «أسعار النفط»): the singular and
broken plural of a few common news nouns (digests.plurals) are read as one in `alternatives`.

`alternatives(key)` is applied to query keys by digests.query, so both the archive search and
subscription matching (`article_matches`) see every spelling.
"""

from __future__ import annotations

from functools import lru_cache

from digests.arabic import run_keys
from digests.plurals import other_number
from digests.title_holders import holder_phrase
from digests.word_forms import other_forms

# (spellings of one name, most common first) — cosine of contexts in the corpus, sources.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("ترامب", "ترمب"),                         # 0.87; ترمب: Al Arabiya 147 of 152
    ("غوغل", "جوجل"),                          # Google: 172 / 10 in the corpus (جوجل: Egypt)
    ("بوتين", "بوتن"),                         # 0.94; بوتن: Sky News Arabia 58 of 61
    ("نتنياهو", "نتانياهو"),                   # 0.86; نتانياهو: Sky News, France 24
    ("غوتيريس", "غوتيريش", "غوتيرس", "جوتيريش"),  # 0.93 / 0.67; جوتيريش typed by readers
    ("ماكرون", "ماكرن"),                       # ماكرن: a reader's spelling, 0 in the corpus
    ("أنغيلا", "أنجيلا"),                      # 0.95 (Angela Merkel)
    ("جونغ", "جونج"),                          # 0.95 (Kim Jong-un)
    ("سيرغي", "سيرجي"),                        # 0.86 (Sergei Lavrov, Sergei Skripal)
    ("سكريبال", "سكريبل"),                     # 0.84
    ("زاخاروفا", "زخاروفا"),                   # 0.76
    ("كتالونيا", "كاتالونيا"),                 # 0.73
    ("هيلي", "هايلي"),                         # 0.69 (Nikki Haley)
    ("غاريد", "جاريد"),                        # 0.78 (Jared Kushner)
    ("غرينبلات", "جرينبلات"),                  # 0.49 (Jason Greenblatt)
    ("عراقجي", "عرقجي"),                       # 0.70 (Abbas Araghchi)
    ("كامبريدج", "كمبريدج", "كمبردج", "كامبردج"),  # 0.88 / 0.70 (Cambridge Analytica)
    ("هارفارد", "هارفرد"),                     # 0.62
    ("غرينتش", "جرينتش"),                      # 0.80
    ("بطرسبرغ", "بطرسبرج"),                    # 0.63
    ("مرسيليا", "مارسيليا"),                   # 0.47
    ("الكونغرس", "الكونجرس"),                  # 0.58
    ("إنستغرام", "إنستجرام"),                  # 0.65
    ("غوارديولا", "جوارديولا"),                # 0.57
    ("رودريغو", "رودريجو"),                    # 0.70
    # Session 7 (QA12 F10): g written غ, ج or ق (search_variants.py --check: context cosine,
    # articles per spelling; the rarer spelling's contexts are too few for a high cosine)
    ("غوغل", "جوجل", "قوقل"),                  # 0.41 (90 / 8); قوقل: typed by readers, 0
    ("بلومبيرغ", "بلومبرغ", "بلومبرج", "بلومبيرج"),  # 0.60 (19 / 18 / 1 / 0)
    ("هامبورغ", "هامبورج"),                    # 16 / 2 (Sky News)
    ("أوروغواي", "أوروجواي"),                  # 0.17 (43 / 7)
    ("دييغو", "دييجو"),                        # 0.39 (42 / 4)
    ("إنفوغرافيك", "إنفوجرافيك"),              # 24 Sky News / 17 CNN
    ("بريميرليغ", "بريميرليج"),                # 28 / 4 (Al Arabiya)
    ("سيرغيو", "سيرجيو"),                      # 3 / 30
    # Session 12 (QA23 S4): a lineage is written «ابن» or «بن» («ابن سلمان», «بن سلمان»)
    ("بن", "ابن"),
    # Session 24 (QA68-15): one adjective, «chemical», in three spellings — «الكيماوي» 29,
    # «كيميائي» 16 in QA68's corpus, each finding its own set; masculine and feminine apart, as
    # the index keys them. «كيميائي» is also a chemist (and chemotherapy): they come along.
    ("كيماوي", "كيميائي", "كيمياوي"),
    ("كيماوية", "كيميائية", "كيمياوية"),
    # Session 27 (QA78-13: on 31 March, the day of «إيران توقف "تليغرام"», the spellings' sets
    # did not overlap): Telegram as the corpus writes it (تلغرام 5, تليغرام 4, تيليجرام 1
    # articles), as readers type it, in Persian letters (تلیگرام) and in English
    ("تلغرام", "تليغرام", "تيليجرام", "تيليغرام", "تلجرام", "تليجرام", "تلیگرام", "Telegram"),
    # Ahvaz, with and without its hamza's alef (الأهواز 3 / الأحواز 5, none shared)
    ("الأهواز", "الأحواز"),
)

# A name written as one word or two: (joined, split), as the corpus writes them
# (articles with the joined form / with the two words in a row).
JOINED: tuple[tuple[str, str], ...] = (
    ("فيسبوك", "فيس بوك"),       # 261 / 17
    ("يوتيوب", "يو تيوب"),       # 32 / 0 (readers type it)
    ("واتساب", "واتس اب"),       # 26 / 7 (واتسآب folds to واتساب)
    ("سنابشات", "سناب شات"),     # 3 / 17
    ("بيونغيانغ", "بيونغ يانغ"),  # 34 / 68
    ("نيويورك", "نيو يورك"),     # 250 / 0
    ("هونغكونغ", "هونغ كونغ"),   # 0 / 22
    ("لينكدإن", "لينكد إن"),     # 1 / 3
    ("أبوظبي", "أبو ظبي"),       # QA18's week: 8 / 0 (readers type it apart, QA18 R13)
    ("نتنياهو", "نتن ياهو"),     # 0 split in the corpus; readers type it (QA23 S4)
    ("جينبينغ", "جين بينغ"),     # QA68-3: «شي جين بينغ» 22 / «شي جينبينغ» 27, neither found both
)
# Two spellings of the same letters inside a key (QA23 S4): each pair is searched both ways.
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("امريك", "اميرك"),   # أمريكا / أميركا and every word made of it
    ("ئو", "ؤو"),         # مسئول / مسؤول, شئون / شؤون
)
# Names of one group or man (QA23 S14), as typed: each is searched as all of them.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية"),
    ("الحوثي", "أنصار الله"),          # «الحوثيين», «الحوثيون» key as «الحوثي»
    ("محمد صلاح", "مو صلاح"),
    ("محمود عباس", "أبو مازن"),
    # the Arabic press writes «بريكست» or the English «Brexit» (QA68-15: 17 and 9 found)
    ("بريكست", "Brexit"),
    # the SDF by its Arabic acronym (QA78-13: «قسد» 1 against 47)
    ("قوات سوريا الديمقراطية", "قسد"),
)
# Clubs' nicknames in the Arabic sports press (X72, QA46 G4: «البارسا» found nothing, though the
# English «barca» maps to برشلونة): only nicknames no other news uses, each read in the dev
# corpus (البارسا 6, البلوغرانا 2, الميرنغي 4, الريدز 27, البلوز 9 — every one Chelsea, اليوفي 7,
# الغانرز 2). Not «السيتي» or «اليونايتد»: their keys are «سيتي»/«يونايتد», which «مكسيكو
# سيتي» or «نيوكاسل يونايتد» hold too; not «الملكي» (royal) nor «النادي الملكي». A nickname
# is a name of the group for search and alerts, but not one that lowers a topic of several
# words to ALERT_MENTIONS (digests.topic_match._body_mentions_needed): «ريال مدريد» keeps 3.
NICKNAMES: tuple[tuple[str, ...], ...] = (
    ("برشلونة", "البارسا", "البلوغرانا", "البرسا"),
    ("ريال مدريد", "الميرنغي", "الميرينغي"),
    ("ليفربول", "الريدز"),
    ("تشيلسي", "البلوز"),
    ("يوفنتوس", "اليوفي"),
    ("أرسنال", "الغانرز"),
    ("باريس سان جيرمان", "بي إس جي"),
)
_ABD = "عبد"              # «عبدالفتاح» / «عبد الفتاح»
_ALLAH = "الله"           # «نصرالله» / «نصر الله»
# The -ng rule's exceptions: an Arabic word and the name it would be joined with.
NOT_NG = frozenset({"تشنج", "متشنج", "تشنغ", "شطرنج", "اسفنج", "راتنج"})


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """Index key → the keys of every spelling of its name (itself first)."""
    table: dict[str, tuple[str, ...]] = {}
    for group in GROUPS:
        keys = list(dict.fromkeys(k for spelling in group for k in run_keys(spelling)))
        for k in keys:
            table[k] = (k, *(other for other in keys if other != k))
    return table


def ng_spelling(key: str) -> str | None:
    """The other spelling of a name ending in English «ng» («هوكينغ» ↔ «هوكينج»), else None."""
    if len(key) < 4 or key in NOT_NG or key[-2] != "ن" or key[-1] not in "غج":
        return None
    return key[:-1] + ("ج" if key[-1] == "غ" else "غ")


def ga_spelling(key: str) -> str | None:
    """The other spelling of a name ending in «يغا»/«يجا» («ليغا» ↔ «ليجا»), else None."""
    if len(key) < 4 or key[-1] != "ا" or key[-3] != "ي" or key[-2] not in "غج":
        return None
    return key[:-2] + ("ج" if key[-2] == "غ" else "غ") + "ا"


def rule_spellings(key: str) -> tuple[str, ...]:
    """The key and its other spellings by `SPELLING_RULES` («اميركيه» → اميركيه, امريكيه)."""
    out = [key]
    for one, two in SPELLING_RULES:
        for k in list(out):
            for a, b in ((one, two), (two, one)):
                if a not in k:
                    continue
                # the other spelling as the analyzer keys it: «مسئولين» stays whole (its «ون»
                # plural is not attested), «مسؤولين» is stemmed to «مسؤول»
                other = k.replace(a, b)
                for alt in (other, *run_keys(other)):
                    if alt not in out:
                        out.append(alt)
    return tuple(out)


@lru_cache(maxsize=8192)
def alternatives(key: str) -> tuple[str, ...]:
    """The key and the keys of the other spellings of the same name («ترمب» → ترمب, ترامب;
    «هوكينج» → هوكينج, هوكينغ; «ليجا» → ليجا, ليغا; «مسئول» → مسئول, مسؤول), or of the other
    number of a common news noun («سعر» → سعر, اسعار: digests.plurals), then its other forms
    (digests.word_forms: «موتمر» → مؤتمر, «المرأة» → امراه, نساء, «يقصف» → قصف, «الكوريتان» →
    كوريتين, «2018م» → 2018), each with its own spellings and number («مسوول» → مسؤول, مسئول)."""
    out = list(_spellings(key))
    for form in other_forms(key):
        for k in (form, *_spellings(form)):
            if k not in out:
                out.append(k)
    return tuple(out)


def _spellings(key: str) -> tuple[str, ...]:
    """`alternatives` before digests.word_forms: a name's spellings, a noun's number, the rules."""
    listed = _table().get(key)
    if listed is not None:
        return listed
    number = other_number(key)  # «سعر» is also «أسعار» (digests.plurals, brief X49)
    if number is not None:
        return (key, number)
    other = ng_spelling(key) or ga_spelling(key)
    return (key, other) if other else rule_spellings(key)


@lru_cache(maxsize=1)
def _joined() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, ...], str]]:
    """Joined key → its split keys, and split keys → the joined key."""
    split: dict[str, tuple[str, ...]] = {}
    joined: dict[tuple[str, ...], str] = {}
    for one, two in JOINED:
        one_keys = run_keys(one)
        two_keys = tuple(k for w in two.split() for k in run_keys(w))
        if len(one_keys) == 1 and len(two_keys) == 2:
            split[one_keys[0]] = two_keys
            joined[two_keys] = one_keys[0]
    return split, joined


@lru_cache(maxsize=8192)
def split_form(key: str) -> tuple[str, ...] | None:
    """The two keys of a name also written as two words («فيسبوك» → فيس, بوك; «عبدالفتاح» →
    عبد, فتاح; «نصرالله» → نصر, الله), else None."""
    listed = _joined()[0].get(key)
    if listed is not None:
        return listed
    if key.startswith(_ABD + "ال") and len(key) >= len(_ABD) + 4:
        rest = run_keys(key[len(_ABD):])
        return (_ABD, rest[0]) if len(rest) == 1 else None
    if key.endswith(_ALLAH) and len(key) >= len(_ALLAH) + 3:
        return (key[:-len(_ALLAH)], _ALLAH)
    return None


@lru_cache(maxsize=8192)
def joined_form(first: str, second: str) -> str | None:
    """The one key of two words also written as one («فيس», «بوك» → فيسبوك; «عبد», «فتاح» →
    عبدالفتاح; «نصر», «الله» → نصرالله), else None."""
    listed = _joined()[1].get((first, second))
    if listed is not None:
        return listed
    if first == _ABD and len(second) >= 2:
        word = second if second.startswith("ال") else "ال" + second
        joined = run_keys(_ABD + word)
        return joined[0] if len(joined) == 1 else None
    if second == _ALLAH and len(first) >= 3 and first != _ABD + "ال":
        joined = run_keys(first + _ALLAH)
        return joined[0] if len(joined) == 1 else None
    return None


@lru_cache(maxsize=1)
def _synonym_groups() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each group of SYNONYMS as the key sequences of its names, in the table's order."""
    return tuple(tuple(tuple(k for w in name.split() for k in run_keys(w)) for name in group)
                 for group in SYNONYMS + NICKNAMES)


@lru_cache(maxsize=1)
def nickname_phrases() -> frozenset[tuple[str, ...]]:
    """The key sequences of NICKNAMES' nicknames (not the clubs' own names)."""
    return frozenset(name for names in _synonym_groups()[len(SYNONYMS):] for name in names[1:])


@lru_cache(maxsize=1)
def _synonyms() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A synonym's keys → the keys of every name of its group (itself first)."""
    return {name: (name, *(other for other in names if other != name))
            for names in _synonym_groups() for name in names}


def synonym_phrases(terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The key sequences of the other names of the group `terms` names («داعش» → تنظيم دوله,
    دوله اسلاميه, …; «مو صلاح» → محمد صلاح), or of a title's holder (one way: «الرئيس
    الروسي» → بوتين, digests.title_holders), else ()."""
    holder = holder_phrase(terms)
    return (holder,) if holder else _synonyms().get(terms, ((),))[1:]


@lru_cache(maxsize=1)
def _canonical() -> dict[tuple[str, ...], tuple[str, ...]]:
    """A synonym's keys → the keys of its group's first name."""
    return {name: names[0] for names in _synonym_groups() for name in names}


def synonym_key(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of the first name of the group `terms` names («أنصار الله» → «الحوثي», «تنظيم
    الدولة» → «داعش»), else `terms`: a chat following one name of a group follows them all, so
    its subscription is one (QA24 R5; digests.topic_keys.same_name)."""
    return _canonical().get(terms, terms)
