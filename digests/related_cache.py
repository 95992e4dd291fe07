"""The analysis of an archive candidate, kept between articles (digests.related).

Every archive search (digests.related.related_articles) reads up to RELATED_CANDIDATES earlier
articles from the search index and, for each, splits its title keys, counts its body's content
keys and computes its signature (digests.signatures): ~0.5 ms a candidate, most of the stored
digest step once the archive is large enough to fill the candidate list (session 13, P1). The
same recent articles are candidates of article after article, so the result is kept per article
id, checked against the index text it was made from (a re-indexed article is analyzed again).

Bounded: at most MAX_ENTRIES analyses, the oldest dropped first; keys of the counts are interned
so the vocabulary is held once. Pure functions of the index text: the cache changes no output.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from digests.signatures import content_counts, signature

MAX_ENTRIES = 4096


@dataclass(frozen=True)
class Analysis:
    """A candidate's title keys, body content-key counts and signature (digests.signatures)."""

    title_keys: tuple[str, ...]
    # read-only views (QA73-14): one Analysis is cached and shared by every later article's
    # search, so a caller writing into it would change what all of them read
    body: Mapping[str, int]
    signature: Mapping[str, float]


def analyze_candidate(title_keys: str, body_keys: str) -> Analysis:
    """The analysis of one indexed article from its index columns (space-separated keys)."""
    keys = title_keys.split()
    body = {sys.intern(k): n for k, n in content_counts(body_keys.split()).items()}
    return Analysis(tuple(keys), MappingProxyType(body), MappingProxyType(signature(keys, body)))


_lock = threading.Lock()
_entries: dict[int, tuple[int, int, Analysis]] = {}
_stats = {"hits": 0, "misses": 0}


def candidate(article_id: int, title_keys: str, body_keys: str) -> Analysis:
    """`analyze_candidate` of an indexed article, from the cache when its index text is the same.

    The check is the hash of both columns (64-bit, with the id: a changed text under a colliding
    hash is not a practical risk) — the columns themselves are not kept, to keep memory small."""
    check = (hash(title_keys), hash(body_keys))
    with _lock:
        got = _entries.get(article_id)
    if got is not None and (got[0], got[1]) == check:
        _stats["hits"] += 1
        return got[2]
    _stats["misses"] += 1
    made = analyze_candidate(title_keys, body_keys)
    with _lock:
        _entries.pop(article_id, None)
        _entries[article_id] = (check[0], check[1], made)
        while len(_entries) > MAX_ENTRIES:  # dicts keep insertion order: the oldest first
            del _entries[next(iter(_entries))]
    return made


def clear() -> None:
    """Forget every analysis (benchmarks time the cold path; tests start clean)."""
    with _lock:
        _entries.clear()
        _stats.update(hits=0, misses=0)


def stats() -> dict[str, int]:
    """Hits, misses and entries held (for benchmarks and the log)."""
    with _lock:
        return {**_stats, "entries": len(_entries)}
