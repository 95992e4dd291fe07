"""Definite nouns whose bare form is another word, read apart: «العمرة» is not «عمره» (QA68-1).

digests.arabic keys a word without its article, so «السيول» (the floods) and «سيول» (Seoul) share
the key «سيول», and a reader's «السيول» listed five Seoul stories; «العمرة» (the Umrah) listed 130
articles of «عمره» (his age, ة/ه folded), «الذهب» (gold) the verb «ذهب» (went), «الأقصى» (Al-Aqsa)
the elative «أقصى شرق روسيا», «الكرد» (the Kurds) «كردٍّ على» (as a reply to). The article is
what tells them apart, so for the keys of `DEFINITE_NOUNS` it is kept:

- a word written with the article, after any clitics («الذهب», «بالذهب», «للذهب», «والسيول»), is
  the noun: key «ال» + key («الذهب»), for the index (digests.search_index through
  digests.search_places.place_keys), a query (digests.query) and an alert (digests.topic_match)
  alike;
- a bare word stays the bare key (the other word), except a feminine noun written with its «ة»:
  «عمرة» is an Umrah, «عمره» (ه) is «عمر» + «ه» (his age) — the pronoun is written «ه», never «ة»;
- after a noun it describes («الحد الأقصى», «الشرق الأقصى») the definite word is the adjective:
  `ADJECTIVE_AFTER` keeps it the bare key.

A definite query word («السيول») so finds only the noun; a bare one («سيول», «ذهب») finds both
keys, as before (`bare_spellings`).

Session 25 (X110, QA68-6, QA70-4's search side) reads three more look-alikes the same way:
- a city the news writes bare whose definite form is another noun (`BARE_NAMES`): «حمص» is
  Homs, «الحمص» («فلافل الحمص») chickpeas — keyed as a definite noun, but a bare query finds the
  bare key only (the city is never written with the article);
- a city written like a plural in a construct (`CONSTRUCT_PLURALS`): «حماة» followed by one of
  its nouns («حماة الديار», the anthem's protectors of the homeland; «حماة الوطن») is the plural,
  keyed apart (`PROTECTORS`), not Hama;
- «عمرة» with its «ة» is the Umrah but for two readings: before a name the same text writes
  after «عمرو» («الإعلامي عمرو أديب … وقال عمرة أديب», a source's typo) it is «عمرو», and after
  «صيانة» («صيانة وعمرة قطع الغيار», an overhaul) it is the bare key.

Which keys: those whose bare form the news writes mostly as another word — a name, a verb, an
elative, a particle with a noun, a noun with the pronoun «ه». The reference table
(digests/data/word_freq.tsv.gz) writes each of them mostly bare (the share with the article:
عمره 0.03, سيول 0.00, كرد 0.12, اقصي 0.39; ذهب 0.79, the verb), unlike a name or a noun read the
same either way (غوطه 0.97, يمن 0.99, حوثي 0.97); a low share alone is no test — «مجلس»,
«شركه», «وزير» are mostly bare too, in a construct («مجلس الأمن»), and the same noun there — so
each key was read by hand in the corpus before it was listed. The cost, measured on the corpus
(benchmarks/search_quality.py, /work/notes/s24/X101_readme.md): the definite query loses the
bare mentions of the noun itself («ميدالية ذهب», «سيول جارفة»).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

from digests.arabic import normalize, run_keys

# key -> why its bare form is another word (corpus examples, QA68-1)
DEFINITE_NOUNS: dict[str, str] = {
    "عمره": "«عمره»: his age (عمر + ه); the Umrah is «العمرة», «عمرة»",
    "سيول": "«سيول»: Seoul; the floods are «السيول»",
    "ذهب": "«ذهب»: went; gold is «الذهب»",
    "اقصي": "«أقصى»: farthest, at most; Al-Aqsa is «الأقصى»",
    "كرد": "«كرد على»: as a reply to; the Kurds are «الكرد»",
}
# Keys of nouns a definite word of `DEFINITE_NOUNS` describes as an adjective («الحد الأقصى»:
# the maximum; «الشرق الأقصى»: the Far East), and the words they key as (digests.arabic).
ADJECTIVE_AFTER: dict[str, frozenset[str]] = {
    "اقصي": frozenset({"حد", "حده", "عدد", "شرق", "طرف", "يمين", "يسار", "جنوب", "شمال", "غرب"}),
}

# Cities the news writes bare whose definite form is another noun (QA68-6): key -> why.
BARE_NAMES: dict[str, str] = {
    "حمص": "«حمص»: Homs; «الحمص» is chickpeas («فلافل الحمص»)",
}
# A city's key -> the keys of the nouns after which it is a plural in a construct (QA68-6:
# «حماة الديار», the anthem, listed first for «حماة»), and the key that plural takes.
PROTECTORS = "حماةجمع"  # «ة» never survives digests.arabic.normalize: no word is keyed so
CONSTRUCT_PLURALS: dict[str, frozenset[str]] = {
    "حماه": frozenset(k for w in """الديار الوطن الثورة الحمى العقيدة الأرض البيئة الحرية
        الإسلام الدين القانون الشعب الأقصى المستهلك الطبيعة الشريعة العرين المقدسات الحدود
        البلاد الأمة الوحدة الدستور""".split() for k in run_keys(w)),
}
_AMR = "عمرو"  # «عمرة X» is «عمرو X» when the text writes «عمرو X» too (QA70-4)
# keys before which a bare «عمرة» is another noun: «صيانة وعمرة» (an overhaul, QA70-4)
_OVERHAUL_BEFORE = frozenset(run_keys("صيانة") + run_keys("إصلاح"))

# proclitics a city's name takes in the news («وحمص», «بحمص», «لحمص», «فحمص»)
_CITY_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول", "فب")


def _clitic_spellings(key: str) -> tuple[str, ...]:
    """The keys of `key` written with a proclitic where the index keeps the word whole
    («وحمص»: the reference table writes it more often than «حمص», so it is not split)."""
    out: list[str] = []
    for clitic in _CITY_CLITICS:
        spelled = run_keys(clitic + key)
        if len(spelled) == 1 and spelled[0] not in (key, *out) and not spelled[0].startswith("ال"):
            out.append(spelled[0])
    return tuple(out)


# A bare name's clitic spelling -> the name's key («وحمص» -> «حمص»), and the keys of the dishes
# after which it is the food (QA74-1: «وجبة فلافل وحمص», article 2215, is chickpeas; «دمشق
# وحلب وحمص والرقة» the city): keyed as the definite noun («الحمص»).
CLITIC_NAMES: dict[str, str] = {c: k for k in BARE_NAMES for c in _clitic_spellings(k)}
CLITIC_NAMES_OF: dict[str, tuple[str, ...]] = {k: _clitic_spellings(k) for k in BARE_NAMES}
_FOOD_BEFORE = frozenset(k for w in """فلافل الفلافل طعمية الطعمية فول الفول طحينة الطحينة
    متبل تبولة فتوش شاورما كباب خبز سلطة مقبلات""".split() for k in run_keys(w))
_NOUNS = frozenset(DEFINITE_NOUNS) | frozenset(BARE_NAMES) | frozenset(CONSTRUCT_PLURALS) | frozenset(CLITIC_NAMES)
_DEFINITE = re.compile("^[وف]?(?:[بك]?ال|لل)")
_HARAKAT = re.compile("[\u064b-\u065f\u0640\u0670]")


def definite_key(key: str) -> str:
    """The key of `key`'s noun written with the article («الذهب»)."""
    return "ال" + key


def is_definite_key(key: str) -> bool:
    """Whether `key` is a definite noun's key made here («الذهب», «السيول», «الحمص»)."""
    return key.startswith("ال") and (key[2:] in DEFINITE_NOUNS or key[2:] in BARE_NAMES)


def unmarked(text: str) -> str:
    """`text` in NFKC without harakat or tatweel («عُمـرَة» → «عمرة»): where a noun's «ة» is looked
    for (`read_key`, and migration 052's test of a stored text, digests.search_readings)."""
    return _HARAKAT.sub("", unicodedata.normalize("NFKC", text))


def read_key(run: str, key: str, before: tuple[str, ...] = ()) -> str:
    """The key of word run `run` (keyed `key` by digests.arabic), read by its article: the
    definite noun's key («السيول») or `key` (module docstring). `before`: the keys of the run
    before it («الحد الأقصى»)."""
    if key not in DEFINITE_NOUNS and key not in BARE_NAMES:
        return key
    bare = unmarked(run)
    if bare.endswith("ة") and key.endswith("ه") and key in DEFINITE_NOUNS:
        if before and before[-1] in _OVERHAUL_BEFORE:
            return key  # «صيانة وعمرة»: an overhaul
        return definite_key(key)  # «عمرة»: the noun; «عمره»: his age
    if not _DEFINITE.match(normalize(bare)):
        return key
    if before and before[-1] in ADJECTIVE_AFTER.get(key, ()):
        return key  # «الحد الأقصى»
    return definite_key(key)


def read_keys(runs: list[str], keyed: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """`keyed` (each run's keys) with the definite nouns read apart (`read_key`), a city in a
    construct read as the plural (`CONSTRUCT_PLURALS`) and «عمرة X» as «عمرو X» where the
    same runs write «عمرو X» (module docstring)."""
    if _NOUNS.isdisjoint(chain.from_iterable(keyed)):  # most texts: one C-speed test
        return keyed
    out: list[tuple[str, ...]] = []
    amr: frozenset[str] | None = None
    for i, (run, keys) in enumerate(zip(runs, keyed)):
        after = keyed[i + 1] if i + 1 < len(keyed) else ()
        if len(keys) != 1 or keys[0] not in _NOUNS:
            out.append(keys)
            continue
        key = keys[0]
        if key in CLITIC_NAMES:  # «وحمص»: the city, but «فلافل وحمص» the food
            food = bool(i) and bool(keyed[i - 1]) and keyed[i - 1][-1] in _FOOD_BEFORE
            out.append((definite_key(CLITIC_NAMES[key]),) if food else keys)
            continue
        if key in CONSTRUCT_PLURALS:
            nxt = after[0] if after else ""
            nxt = nxt[2:] if is_definite_key(nxt) else nxt  # «الأقصى» read as the noun
            out.append((PROTECTORS,) if nxt in CONSTRUCT_PLURALS[key] else keys)
            continue
        read = read_key(run, key, keyed[i - 1] if i else ())
        if read == definite_key(key) and key == "عمره" and after and not _DEFINITE.match(
                normalize(unmarked(run))):
            if amr is None:  # the names the runs write after «عمرو», once per text
                amr = frozenset(keyed[j + 1][0] for j in range(len(keyed) - 1)
                                if keyed[j] == (_AMR,) and keyed[j + 1])
            if after[0] in amr:
                read = _AMR  # «عمرة أديب» where the text names «عمرو أديب»
        out.append((read,))
    return out


# A definite noun's other number, as the news writes it (QA68-1: «الكرد» found 2 articles while
# «الأكراد» finds 134): keys, both ways.
OTHER_NUMBER: dict[str, str] = {"الكرد": "اكراد"}


def bare_spellings(key: str) -> tuple[str, ...]:
    """The other keys a query's `key` also searches: «ذهب» typed may be gold, so also
    «الذهب»; a definite key itself and its other number (`OTHER_NUMBER`: «الكرد», «الأكراد»)."""
    if key in DEFINITE_NOUNS:
        return (definite_key(key),)
    if key in BARE_NAMES:
        # «حمص» typed is the city, never written with the article; but the index keeps «وحمص»
        # whole (the reference table writes it more often than «حمص»: «وحلب وحمص والرقة»), so
        # its clitic spellings are searched too (QA74-1: 3 of the 6 Homs articles were lost)
        return tuple(CLITIC_NAMES_OF.get(key, ()))
    other = OTHER_NUMBER.get(key) or next((k for k, v in OTHER_NUMBER.items() if v == key), None)
    return (other,) if other else ()


def could_read(surface: str, key: str) -> bool:
    """Whether a word as written can be read as definite key `key` (highlighting a found word)."""
    if not is_definite_key(key):
        return False
    keys = run_keys(surface)
    return len(keys) == 1 and keys[0] == key[2:] and read_key(surface, keys[0]) == key
