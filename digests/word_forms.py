"""Word forms that split one topic in search: a hamza left off, a dual, a verb, a year's «م».

Session 27 (brief X137; QA78 searched the way Arabic readers type). The index keys words as
digests.arabic reads them, and the story step and the quote code read the same keys, so these
forms are joined on the search side only, like the spellings of a name (digests.variants
`alternatives`): a query key here is also searched, followed and alerted as its other forms. No
stored key changes, so no archive is re-indexed.

- **A hamza typed plain** (QA78-1, -2): «موتمر», «مسوول», «رييس», «موسسة» for «مؤتمر», «مسؤول»,
  «رئيس», «مؤسسة» (ؤ typed و, ئ typed ي), and a final hamza left off: «سينا», «صنعا», «الوزرا»
  for «سيناء», «صنعاء», «الوزراء». `hamza_forms` puts one hamza back (و→ؤ or ي→ئ past the first
  letter, ي→ئ or ا→اء at the end) where the frozen frequency table (digests.arabic.key_frequency)
  says the typed key is rare (at most `TYPED_RARE` times) and the key with the hamza is common
  (at least `HAMZA_MIN` times and `HAMZA_RATIO` times the typed one). Measured over every key of
  the table: a typed key seen more often is mostly another word or a name — «فايز» (Fayez, 12) /
  «فائز», «خبرا» (news, accusative) / «خبراء», «مينا» (Mina) / «ميناء», «بير» (Pierre) / «بئر»,
  «كهربا» (the footballer, 14) / «كهرباء» — and stays as it is, unless the reader typed the
  article on a key the news never writes with it (`definite_hamza_forms`: «الكهربا» is
  «الكهرباء», digests.typed_forms). One way only: «مؤتمر» is not also
  searched as the rare «موتمر» (a source's typo), which would double every phrase's spellings.
- **Groups** (`GROUPS`): forms of one topic no letter rule joins — «امرأة» / «المرأة» (Arabic
  drops the alif after «ال»: keys «امراه» / «مراه», QA78-3) with «نساء»; a news verb and its
  verbal noun (QA78-5): «قصف/يقصف/قصفت», «اعتقال/اعتقل/اعتقلت», «انسحاب/انسحب», «فوز/فاز/يفوز».
  A verb is listed only where its forms mean the event itself (not «هاجم», which is mostly to
  criticize); `benchmarks/word_forms.py` counts each form and what joining it adds.
- **Duals** (QA78-6): «الكوريتان» / «الكوريتين», «الطرفان» / «الطرفين», «الجيشان» / «الجيشين»:
  `dual_form` gives the other case of a dual (ان ↔ ين) when that form is written in the corpus,
  its singular («كورية», «طرف», «جيش») is at least as frequent as either dual form
  (`DUAL_SINGULAR`; «نيسان», «حرمان» stay: «نيس», «حرم» are rarer), and the word is not a name
  (`digests.arabic.PROTECTED`, `NOT_DUAL`: the names, months and other words of this shape the
  corpus's list of such pairs holds). An «ين» the analyzer already reads as a sound plural
  («المسلحين» → «مسلح») is left to it.
- **A year with «م»** (QA78-17): «2018م» (ميلادي, AD) is one word run, so it is its own key;
  `year_form` joins it with «2018», both ways, for years 1900–2100.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digests.arabic import PROTECTED, definite_share, key_frequency, run_keys, stem

# --- a hamza typed plain (QA78-1, -2) ---
TYPED_RARE = 7       # a typed key seen more often than this is a word of its own: kept as is
HAMZA_MIN = 5        # the key with the hamza must be seen at least this often …
HAMZA_RATIO = 20     # … and this many times as often as the typed key


def _hamza_candidates(key: str) -> list[str]:
    """`key` with one hamza put back: و→ؤ, ي→ئ after the first letter; ا→اء at the end."""
    out: list[str] = []
    for i in range(1, len(key)):
        if key[i] == "و":
            out.append(key[:i] + "ؤ" + key[i + 1:])
        elif key[i] == "ي":
            out.append(key[:i] + "ئ" + key[i + 1:])
    if key.endswith("ا"):
        out.append(key + "ء")
    return out


@lru_cache(maxsize=8192)
def hamza_forms(key: str) -> tuple[str, ...]:
    """The keys of `key` with its hamza put back («موتمر» → مؤتمر, «سينا» → سيناء, «مسوولين» →
    مسؤول), when `key` is rare and that form common (module docstring); else ()."""
    if len(key) < 3 or not "\u0621" <= key[0] <= "\u064a":
        return ()
    typed = key_frequency(key)
    if typed > TYPED_RARE:
        return ()
    out: list[str] = []
    for cand in _hamza_candidates(key):
        k = stem(cand)  # «مسؤولين» is indexed as «مسؤول»
        n = key_frequency(k)
        if n >= HAMZA_MIN and n >= HAMZA_RATIO * typed and k != key and k not in out:
            out.append(k)
    return tuple(out)


# A key typed with the article that the news never writes with it is not that name: «الكهربا»
# is not the footballer «كهربا» (14 in the frequency table, always bare) but «الكهرباء» (141,
# 87% with the article). Then the hamza is put back even on a key seen more than TYPED_RARE
# times, when the hamza key is a noun the news writes with the article (at least
# DEFINITE_SHARE of its uses) and DEFINITE_RATIO times as frequent. «البنا» (the surname, 3 of
# «بنا»'s 78 with the article) and «الفايز» stay.
DEFINITE_RATIO = 5
DEFINITE_SHARE = 0.1


@lru_cache(maxsize=8192)
def definite_hamza_forms(key: str) -> tuple[str, ...]:
    """For `key` typed with the article («الكهربا»): its hamza forms by the rule above
    («كهرباء»), else ()."""
    if definite_share(key) != 0.0 or not "\u0621" <= key[0] <= "\u064a":
        return ()  # unseen (None): `hamza_forms` decides; written with «ال»: a word of its own
    typed = key_frequency(key)
    out: list[str] = []
    for cand in _hamza_candidates(key):
        k = stem(cand)
        n = key_frequency(k)
        noun = (definite_share(k) or 0.0) >= DEFINITE_SHARE
        if noun and n >= max(HAMZA_MIN, DEFINITE_RATIO * typed) and k not in out:
            out.append(k)
    return tuple(out)


# --- groups: one topic under forms no letter rule joins (QA78-3, -5) ---
GROUPS: tuple[tuple[str, ...], ...] = (
    # articles holding each key in the 7,213-article corpus
    ("امرأة", "المرأة", "نساء"),                                 # 193 / 192 / 282
    ("قصف", "يقصف", "تقصف", "قصفت", "قصفوا"),                    # 383 / 11 / 14 / 39 / 3
    ("اعتقال", "اعتقل", "اعتقلت", "يعتقل", "تعتقل", "اعتقلوا"),  # 174 / 48 / 106 / 6 / 22 / 17
    ("انسحاب", "انسحب", "انسحبت", "ينسحب", "تنسحب", "انسحبوا"),  # 153 / 22 / 23 / 5 / 15 / 6
    ("فوز", "فاز", "فازت", "يفوز", "تفوز", "فازوا"),             # 637 / 226 / 36 / 70 / 21 / 2
)


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Index key → the keys of its group (itself first)."""
    table: dict[str, tuple[str, ...]] = {}
    for group in GROUPS:
        keys = list(dict.fromkeys(k for form in group for k in run_keys(form)))
        for k in keys:
            table[k] = (k, *(other for other in keys if other != k))
    return table


def group_forms(key: str) -> tuple[str, ...]:
    """The other keys of `key`'s group in `GROUPS` («مراه» → امراه, نساء), else ()."""
    return _groups().get(key, (key,))[1:]


# --- duals (QA78-6) ---
DUAL_SINGULAR = 1    # the singular at least as often as either dual form («طرف» 118, «طرفين» 95)
# Words of a dual's shape that are names or words of their own, read in the corpus's list of
# «…ان»/«…ين» pairs: names (حمدان/حمدين, جبران, فوزان, فرحان, روبين, رونان), a month (شعبان,
# نيسان), «دوران» (rotation) / «دورين», «تمرين» (an exercise), «صلبان» (crosses), «سيلان»,
# «سريان» (taking effect), «بلدان» (countries).
NOT_DUAL = frozenset("""
حمدان حمدين جبران جبرين فوزان فوزين فرحان فرحين شعبان شعبين نيسان دوران دورين تمران تمرين
صلبان صلبين ايدان ايدين سيلان سيلين بلدان بلدين حرمان حرمين اسمان اسمين سريان سريين
روبان روبين رونان رونين
""".split())


@lru_cache(maxsize=8192)
def dual_form(key: str) -> str | None:
    """The other case of a dual («كوريتان» ↔ كوريتين, «طرفان» ↔ طرفين), else None."""
    if len(key) < 5 or key in PROTECTED or key in NOT_DUAL or not key.endswith(("ان", "ين")):
        return None
    base = key[:-2]
    other = base + ("ين" if key.endswith("ان") else "ان")
    if other in PROTECTED or other in NOT_DUAL or stem(other) != other or stem(key) != key:
        return None  # «مسلحين» is a sound plural, keyed «مسلح» (digests.arabic.stem)
    singular = base[:-1] + "ه" if base.endswith("ت") else base  # «كوريت-» → «كوريه»
    if not key_frequency(other):
        return None  # «عمران» → «عمرين», a form never written: nothing to add
    most = max(key_frequency(key), key_frequency(other))
    if key_frequency(singular) < DUAL_SINGULAR * most:
        return None
    return other


# --- a year with «م» (QA78-17) ---
_YEAR = re.compile(r"(19\d\d|20\d\d|2100)(م?)")


def year_form(key: str) -> str | None:
    """«2018م» ↔ «2018» (a year 1900–2100 with or without «م», AD), else None."""
    m = _YEAR.fullmatch(key)
    if m is None:
        return None
    return m.group(1) if m.group(2) else m.group(1) + "م"


def other_forms(key: str) -> tuple[str, ...]:
    """Every key `key` is also searched as by this module (module docstring), without itself."""
    out = [*group_forms(key), *hamza_forms(key)]
    for one in (dual_form(key), year_form(key)):
        if one is not None:
            out.append(one)
    return tuple(dict.fromkeys(k for k in out if k != key))
