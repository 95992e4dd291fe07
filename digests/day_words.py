"""The day a topic question names (pure): «سوريا امبارح», «عفرين امس», "Syria yesterday",
«مصر اليوم» (QA47 Z4).

The words of a day are dropped from a topic like words of asking (digests.query_words.DAYS_BACK:
«ترامب امبارح» is searched as «ترامب»), and the answer was the topic's latest news, today's,
with nothing said. bot.day_search now keeps that day's stories. Only written forms of «today»
count for today: «يوم» alone is any day («يوم الأرض»), and «الآن»/"now" asks for the latest,
which the search gives anyway.
"""

from __future__ import annotations

from digests import query_words as words
from digests.arabic import run_keys, word_runs_of

# today, as written (their key «يوم» is any day's)
TODAY_FORMS = frozenset({"اليوم", "النهاردة", "النهارده", "today"})


def asked_day(query: str) -> int | None:
    """How many days before the reader's today the text's day word names (0 today, 1
    yesterday), or None when it names none."""
    found: int | None = None
    for run in word_runs_of(query[:400]):
        if words.MARKS.sub("", run).lower() in TODAY_FORMS:
            found = max(found or 0, 0)
        elif any(words.DAYS_BACK.get(k, 0) >= 1 for k in run_keys(run)):
            found = max(found or 0, max(words.DAYS_BACK.get(k, 0) for k in run_keys(run)))
    return found
