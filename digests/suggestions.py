"""Spelling suggestions for a topic that found nothing: nearby keys the index holds.

For each query key the index does not hold, the keys one edit away that it does hold are
proposed, most widely used first, each shown as the articles write it (digests.search_index).
"""

from __future__ import annotations

import sqlite_utils

from digests.arabic import STOP_WORDS, normalize
from digests.query import plan_query, quote_key
from digests.search_index import FTS_TABLE, doc_counts, matched_words

_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤ"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(term: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `term`."""
    letters = _LATIN_LETTERS if term.isascii() else _ARABIC_LETTERS
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(term)
    return out


def suggest(db: sqlite_utils.Database, query: str, limit: int = 5) -> list[str]:
    """Nearby spellings from the index vocabulary, most common first, as written in articles.

    For each query key the index does not hold, the keys one edit away (a letter dropped, added,
    swapped or replaced) that it does hold are proposed, most widely used first.
    """
    terms = [t for t in plan_query(query).terms if t not in STOP_WORDS and 3 <= len(t) <= 20]
    known = doc_counts(db, terms)
    scored: list[tuple[int, str]] = []
    for term in terms:
        if known.get(term):
            continue
        counts = doc_counts(db, sorted(t for t in _edits1(term) if t not in STOP_WORDS))
        scored.extend((doc, cand) for cand, doc in counts.items())
    scored.sort(key=lambda dc: (-dc[0], dc[1]))
    out: list[str] = []
    for _doc, cand in scored:
        shown = _surface_of(db, cand)
        if shown not in out:
            out.append(shown)
        if len(out) >= limit:
            break
    return out


def _surface_of(db: sqlite_utils.Database, k: str) -> str:
    """The most common way an index key is written in its newest article's title and body."""
    row = db.execute(
        f"select a.title, a.body from {FTS_TABLE} f join articles a on a.id = f.rowid"
        f" where {FTS_TABLE} match ? order by f.rowid desc limit 1", [quote_key(k)]).fetchone()
    if row is None:
        return k
    words = matched_words(f"{row[0]}\n{row[1]}", [k])
    if not words:
        return k
    plain = [normalize(w) for w in words]
    return min(words, key=lambda w: (len(plain[words.index(w)]), w))
