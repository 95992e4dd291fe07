"""Migration 035_search_readings: the archive and the followed topics read as QA28 asked.

Session 13 (X41; QA28 T1, T2, T6, R3) changed how some words are keyed, for documents and
queries alike (digests.arabic.run_keys, digests.query):
- «إمام» (an imam) and «أمام» (in front of, «إلى الأمام»: forward) are told apart by the hamza
  the news writes: «إمام» in any clitic stack is keyed as the noun «الامام», «الأمام/للأمام» as
  the preposition «امام» (migration 033 keyed «الأمام» as the imam by its article);
- Kurdish and Urdu letters (ە ێ ۆ ۇ ڵ ڕ ٹ ڭ) are folded to the Arabic letter.
Migration 033 has shipped (main is the product), so this is a new one: `reindex_changed`
re-indexes only the articles whose text holds those spellings (digests.reader_spellings' chunked
reader), then the followed topics are keyed, written and merged again (`rewrite_topics`: «الحرب
على» keyed «حرب علي» by 033's last-«على» rule is «حرب» again; «الوضع بغزة» is «غزة»; «واش»
alone is removed).

Migration 048_place_readings (session 23, X91) does the same for digests.search_places: the
articles holding «وجدة» or «عمان» (any clitics, any harakat) are keyed again (Oujda, Amman and
Oman read apart), then the followed topics («وجدة» was keyed «جده», Jeddah's key).

Migration 052_definite_readings (session 24, X101) does the same for digests.search_definite: the
articles holding a definite noun of its table («السيول», «بالذهب», «للأقصى») or «عمرة» with its «ة»
are keyed again, then the followed topics («العمرة» was keyed «عمره», his age).

Migration 055_lookalike_readings (session 25, X110) does the same for the look-alikes added to
digests.search_definite (QA68-6, QA70-4): the articles holding «الحمص» (any clitics), «حماة/حماه»
before a noun of its construct («حماة الديار»), or «عمرة» with its «ة» (read as «عمرو» before a
name the text writes after «عمرو», or as the bare key after «صيانة») are keyed again, then the
followed topics.

Migration 057_food_readings (session 25, X119, QA74-1) does the same for a bare name's clitic
spelling after a dish («فلافل وحمص»: chickpeas, keyed «الحمص»; «وحلب وحمص» stays the city).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

import sqlite_utils

from digests.arabic import normalize
from digests.reader_spellings import reindex_where, rewrite_topics
from digests.search_definite import (
    BARE_NAMES,
    CLITIC_NAMES,
    CONSTRUCT_PLURALS,
    DEFINITE_NOUNS,
    unmarked,
)

log = logging.getLogger(__name__)

MIGRATION = "035_search_readings"
CHUNK = 500
# The letters digests.arabic folds since X41.
NEW_FOLDS = "ەێۆۇڵڕٹڭ"
# «إمام» anywhere, or «أمام» after the article («الأمام», «للأمام»), as stored (not normalized).
_HAMZA_NOUN = re.compile("إ[\u064b-\u0652]*م[\u064b-\u0652]*ا[\u064b-\u0652]*م|(?:ال|لل)أمام")


def needs_reindex(text: str) -> bool:
    """Whether `text` (an article's title or body, as stored) is keyed differently since X41."""
    return any(ch in text for ch in NEW_FOLDS) or bool(_HAMZA_NOUN.search(text))


def reindex_changed(db: sqlite_utils.Database,
                    clock: Callable[[], float] = time.monotonic) -> int:
    """Re-index the articles whose keys changed (caller's transaction); returns how many."""
    return reindex_where(db, needs_reindex, MIGRATION, clock, CHUNK)


def read_again(db: sqlite_utils.Database, needs: Callable[[str], bool], migration: str,
               what: str) -> None:
    """One readings migration (caller's transaction): the articles `needs` picks keyed again,
    then the followed topics; one line «<what> readings reindexed=… topics_changed=…»."""
    reindexed = reindex_where(db, needs, migration, time.monotonic, CHUNK)
    changed, removed = rewrite_topics(db)
    log.info("%s readings reindexed=%d topics_changed=%d topics_removed=%d",
             what, reindexed, changed, removed)


_PLACE_WORDS = re.compile("وجدة|ع[\u064b-\u0652]*م[\u064b-\u0652]*ا[\u064b-\u0652]*ن")


def needs_place_reindex(text: str) -> bool:
    """Whether `text` (as stored) is keyed differently since X91 (digests.search_places)."""
    return bool(_PLACE_WORDS.search(text))


def m048_place_readings(db: sqlite_utils.Database) -> None:
    """Migration 048_place_readings (module docstring)."""
    read_again(db, needs_place_reindex, "048_place_readings", "place")


# A definite noun of digests.search_definite after normalization, or a feminine one with its «ة».
_DEFINITE_WORDS = re.compile("(?:ال|لل)(?:" + "|".join(DEFINITE_NOUNS) + ")")
_TA_MARBUTA = re.compile("|".join(k[:-1] + "ة" for k in DEFINITE_NOUNS if k.endswith("ه")))


def needs_definite_reindex(text: str) -> bool:
    """Whether `text` (as stored) is keyed differently since X101 (digests.search_definite)."""
    # the «ة» looked for as the index looks for it: past harakat and tatweel («عُمرة», «عمـرة»)
    return bool(_TA_MARBUTA.search(unmarked(text)) or _DEFINITE_WORDS.search(normalize(text)))


def m052_definite_readings(db: sqlite_utils.Database) -> None:
    """Migration 052_definite_readings (module docstring)."""
    read_again(db, needs_definite_reindex, "052_definite_readings", "definite")


# What digests.search_definite reads since X110, looked for in the normalized text (ة is ه): a
# city's definite look-alike, a construct's city before any word (the noun is read when keyed
# again: most «حماة» are the city, keyed again the same), and an «عمرة» with its «ة».
_LOOKALIKE_WORDS = re.compile("(?:ال|لل)(?:" + "|".join(BARE_NAMES) + ")|(?:"
                              + "|".join(CONSTRUCT_PLURALS) + r")\s")
_UMRAH = re.compile("عمرة")


def needs_lookalike_reindex(text: str) -> bool:
    """Whether `text` (as stored) may be keyed differently since X110 (module docstring)."""
    return bool(_LOOKALIKE_WORDS.search(normalize(text)) or _UMRAH.search(unmarked(text)))


def m055_lookalike_readings(db: sqlite_utils.Database) -> None:
    """Migration 055_lookalike_readings (module docstring)."""
    read_again(db, needs_lookalike_reindex, "055_lookalike_readings", "look-alike")


# A bare name's clitic spelling («وحمص»), normalized: the food is read after a dish since X119.
_CLITIC_NAME_WORDS = re.compile("|".join(CLITIC_NAMES))


def needs_food_reindex(text: str) -> bool:
    """Whether `text` (as stored) may be keyed differently since X119 (module docstring)."""
    return bool(_CLITIC_NAME_WORDS.search(normalize(text)))


def m057_food_readings(db: sqlite_utils.Database) -> None:
    """Migration 057_food_readings (module docstring)."""
    read_again(db, needs_food_reindex, "057_food_readings", "food")


def m035_search_readings(db: sqlite_utils.Database) -> None:
    """Migration 035_search_readings (module docstring)."""
    read_again(db, needs_reindex, MIGRATION, "search")
