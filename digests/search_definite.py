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

_NOUNS = frozenset(DEFINITE_NOUNS)
_DEFINITE = re.compile("^[وف]?(?:[بك]?ال|لل)")
_HARAKAT = re.compile("[\u064b-\u065f\u0640\u0670]")


def definite_key(key: str) -> str:
    """The key of `key`'s noun written with the article («الذهب»)."""
    return "ال" + key


def is_definite_key(key: str) -> bool:
    """Whether `key` is a definite noun's key made here («الذهب», «السيول»)."""
    return key.startswith("ال") and key[2:] in DEFINITE_NOUNS


def unmarked(text: str) -> str:
    """`text` in NFKC without harakat or tatweel («عُمـرَة» → «عمرة»): where a noun's «ة» is looked
    for (`read_key`, and migration 052's test of a stored text, digests.search_readings)."""
    return _HARAKAT.sub("", unicodedata.normalize("NFKC", text))


def read_key(run: str, key: str, before: tuple[str, ...] = ()) -> str:
    """The key of word run `run` (keyed `key` by digests.arabic), read by its article: the
    definite noun's key («السيول») or `key` (module docstring). `before`: the keys of the run
    before it («الحد الأقصى»)."""
    if key not in DEFINITE_NOUNS:
        return key
    bare = unmarked(run)
    if bare.endswith("ة") and key.endswith("ه"):
        return definite_key(key)  # «عمرة»: the noun; «عمره»: his age
    if not _DEFINITE.match(normalize(bare)):
        return key
    if before and before[-1] in ADJECTIVE_AFTER.get(key, ()):
        return key  # «الحد الأقصى»
    return definite_key(key)


def read_keys(runs: list[str], keyed: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """`keyed` (each run's keys) with the definite nouns read apart (`read_key`)."""
    if _NOUNS.isdisjoint(chain.from_iterable(keyed)):  # most texts: one C-speed test
        return keyed
    return [(read_key(run, keys[0], keyed[i - 1] if i else ()),)
            if len(keys) == 1 and keys[0] in DEFINITE_NOUNS else keys
            for i, (run, keys) in enumerate(zip(runs, keyed))]


# A definite noun's other number, as the news writes it (QA68-1: «الكرد» found 2 articles while
# «الأكراد» finds 134): keys, both ways.
OTHER_NUMBER: dict[str, str] = {"الكرد": "اكراد"}


def bare_spellings(key: str) -> tuple[str, ...]:
    """The other keys a query's `key` also searches: «ذهب» typed may be gold, so also
    «الذهب»; a definite key itself and its other number (`OTHER_NUMBER`: «الكرد», «الأكراد»)."""
    if key in DEFINITE_NOUNS:
        return (definite_key(key),)
    other = OTHER_NUMBER.get(key) or next((k for k, v in OTHER_NUMBER.items() if v == key), None)
    return (other,) if other else ()


def could_read(surface: str, key: str) -> bool:
    """Whether a word as written can be read as definite key `key` (highlighting a found word)."""
    if not is_definite_key(key):
        return False
    keys = run_keys(surface)
    return len(keys) == 1 and keys[0] == key[2:] and read_key(surface, keys[0]) == key
