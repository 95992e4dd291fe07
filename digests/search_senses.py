"""A word alone that names two things: its readings offered beside the results (QA68-6, -8).

«عون» is Michel Aoun and help («يد العون»), «البشير» Omar al-Bashir and Bashir Saleh, «رمضان»
the month and Tariq Ramadan, «الاتحاد» the EU and Al-Ittihad of Jeddah, «عمان» (unmarked) Oman
and Amman. The search cannot know which the reader meant, and QA68 found the other meaning
first with no word of the one wanted. The answer keeps its results and offers the longer names
under «هل تقصد:» (digests.search puts them in `suggestions`; bot.answers shows them as buttons
on the first page, as it does for a rarer spelling). Each reading was searched in the corpus
(/tmp/QA68's copy): «ميشال عون» 11, «عمر البشير» 18, «شهر رمضان» 14, «طارق رمضان» 7,
«الاتحاد الأوروبي» 324, «اتحاد جدة» 33, «عُمان» 16, «عمّان» 23 (digests.search_places reads the
marked spellings apart).

Only the word alone is asked about: «ميشال عون», «عون لبنان» are already one meaning.
"""

from __future__ import annotations

from functools import lru_cache

from digests.arabic import run_keys

# a word as typed -> the readings offered, the likelier in the news first
SENSES: dict[str, tuple[str, ...]] = {
    "عمان": ("عُمان", "عمّان"),
    "عون": ("ميشال عون",),
    "البشير": ("عمر البشير",),
    "رمضان": ("شهر رمضان", "طارق رمضان"),
    "الاتحاد": ("الاتحاد الأوروبي", "اتحاد جدة"),
}


@lru_cache(maxsize=1)
def _by_keys() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {run_keys(word): readings for word, readings in SENSES.items()}


def readings(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The readings to offer for query keys `terms` (the word alone), else ()."""
    return _by_keys().get(terms, ())
