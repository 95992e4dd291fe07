"""Topic queries as pure functions: user text → safe FTS5 expressions, and topic matching.

Every key is quoted, so no user text ever reaches the FTS5 syntax; a multi-word topic is a phrase
first and all of its words second. `article_matches` is the same semantics as a phrase search,
checked on one article in memory (the delivery outbox asks it once per subscribed topic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from digests.arabic import STOP_WORDS, analyze
from digests.models import Article

MAX_QUERY_WORDS = 12     # a pasted paragraph searches its first words
MAX_ALL_WORDS = 6        # the all-words fallback uses at most this many distinct keys


@dataclass(frozen=True)
class QueryPlan:
    """What a user's text becomes: the keys, the phrase and all-words FTS5 expressions."""

    terms: tuple[str, ...]
    phrase: str | None
    all_words: str | None


def quote_key(k: str) -> str:
    """One key as an FTS5 string literal."""
    return '"' + k.replace('"', '""') + '"'


def plan_query(query: str) -> QueryPlan:
    """Analyze a user's text into safe FTS5 expressions (pure; never raises).

    Stop-words at either end are dropped (inside a phrase they stay: «مجلس الأمن الدولي»).
    """
    keys: list[str] = []
    for k in analyze(query[:4000]):
        if not keys or keys[-1] != k:  # «الغوطة الغوطة …» pasted: one word, not a long phrase
            keys.append(k)
        if len(keys) == MAX_QUERY_WORDS:
            break
    while keys and keys[0] in STOP_WORDS:
        keys.pop(0)
    while keys and keys[-1] in STOP_WORDS:
        keys.pop()
    if not keys:
        return QueryPlan((), None, None)
    phrase = quote_key(" ".join(keys))
    content = list(dict.fromkeys(k for k in keys if k not in STOP_WORDS))[:MAX_ALL_WORDS]
    all_words = " AND ".join(quote_key(k) for k in content) if len(content) > 1 else None
    return QueryPlan(tuple(keys), phrase, all_words)


def topic_key(topic: str) -> str:
    """Canonical analyzed form of a subscription topic («الغوطة» and «غوطة» give the same)."""
    return " ".join(plan_query(topic).terms)


def _contains(seq: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    if n == 1:
        return phrase[0] in seq
    first = phrase[0]
    return any(seq[i] == first and list(seq[i:i + n]) == list(phrase)
               for i in range(len(seq) - n + 1))


@lru_cache(maxsize=64)
def _text_keys(title: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """An article's title and body keys, and all its keys as a set (cached: the outbox asks about
    one new article once per subscribed topic)."""
    t, b = tuple(analyze(title)), tuple(analyze(text))
    return t, b, frozenset(t) | frozenset(b)


@lru_cache(maxsize=4096)
def _topic_terms(topic: str) -> tuple[str, ...]:
    return plan_query(topic).terms


def article_matches(topic: str, article: Article) -> bool:
    """Whether `article` concerns `topic`: the topic's keys in order in its title or body.

    Same semantics as a phrase search: «غوطة» matches «بالغوطة»; «الغوطة الشرقية» needs the two
    words together. A topic of only stop-words matches nothing.
    """
    terms = _topic_terms(topic)
    if not terms:
        return False
    title, body, every = _text_keys(article.title, article.text)
    if not every.issuperset(terms):
        return False
    return _contains(title, terms) or _contains(body, terms)
