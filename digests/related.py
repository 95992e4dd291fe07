"""Related coverage: earlier archive articles about the same subject as an article.

Read from the search index (digests.search_index) at ingest, for the digest's related links:
candidates share salient title keys, and each must share the distinctive keys (its signature)
of the article — names, places, rare words — not merely a phrase of its headline. See
`related_articles`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlite_utils

from digests.arabic import STOP_WORDS, analyze, key_frequency, normalize
from digests.models import Article, iso, parse_iso
from digests.query import quote_key
from digests.records import article_from_row
from digests.search_index import FTS_TABLE, rows_by_id

RELATED_CANDIDATES = 60   # newest articles sharing two salient title terms, scored in Python
SIGNATURE_KEYS = 20       # an article's signature: its most distinctive keys (tf × idf)
MIN_SHARED = 3            # signature keys a related article must share
FULL_BODY_KEYS = 30       # distinct content keys of a body that is a full report, not a brief


def _age_days(published: str | None, now: datetime) -> float:
    dt = parse_iso(published) if published else None
    if dt is None:
        return 365.0
    return max(0.0, (now - dt).total_seconds() / 86400.0)


def _idf(k: str) -> float:
    return math.log(1e6 / (1.0 + key_frequency(k)))


def _content(k: str) -> bool:
    return len(k) > 2 and k not in STOP_WORDS and not k.isdigit()


def _counts(keys: Sequence[str]) -> dict[str, int]:
    tf: dict[str, int] = {}
    for k in keys:
        if _content(k):
            tf[k] = tf.get(k, 0) + 1
    return tf


def signature(title_keys: Sequence[str], body: dict[str, int],
              size: int = SIGNATURE_KEYS) -> dict[str, float]:
    """An article's most distinctive content keys and their weights: tf × idf over its title
    (counted three times) and body (`body`: its content keys' counts). A name or place the
    article is about recurs in it and is rare in the news at large."""
    tf = dict(body)
    for k in title_keys:
        if _content(k):
            tf[k] = tf.get(k, 0) + 3
    weighted = sorted(((math.log1p(n) * _idf(k), k) for k, n in tf.items()), reverse=True)
    return {k: w for w, k in weighted[:size]}


def _about_the_same(mine: dict[str, float], my_body: dict[str, int], theirs: dict[str, float],
                    their_body: dict[str, int]) -> set[str]:
    """The signature keys two articles share when that shows one subject, else an empty set.

    They must share MIN_SHARED keys (half the shorter signature, at least 2, for a brief), and
    when both bodies are full articles one shared key must recur in both bodies: the subject
    of a report comes back in its text, a verb phrase of its headline («للضغط على … لوقف»)
    does not.
    """
    shared = mine.keys() & theirs.keys()
    if len(shared) < min(MIN_SHARED, max(2, min(len(mine), len(theirs)) // 2)):
        return set()
    full = len(my_body) >= FULL_BODY_KEYS and len(their_body) >= FULL_BODY_KEYS
    if full and not any(my_body.get(k, 0) >= 2 and their_body.get(k, 0) >= 2 for k in shared):
        return set()
    return shared


def related_articles(db: sqlite_utils.Database, article: Article, *, limit: int = 5,
                     before: datetime | None = None) -> list[Article]:
    """Earlier archive coverage of the article's topic: articles about the same names, places
    and rare words, not merely sharing a phrase of its headline.

    Candidates: the title's content keys are weighted by rarity in the reference corpus (an idf
    from digests.arabic.key_frequency) and by how often the body repeats them; the four heaviest
    are its salient terms, and the newest
    articles holding two of them (the one, for a one-term title) and one in their title are
    candidates. Each candidate must then be about the same subject (`_about_the_same`: share
    MIN_SHARED keys of the two articles' signatures — the SIGNATURE_KEYS most distinctive keys
    of title and body — one of which recurs in both bodies): a shared «للضغط على … لوقف» is
    not enough, shared names are. It is scored by the weight of the signature keys it shares
    times a gentle age factor. The article itself and articles with
    the same title are left out. "Earlier": stored before it (a smaller id; ids grow with ingest
    time) and published before `before` (default: the article's own date). No bm25 and no
    vocabulary scan: it runs at ingest and stays fast on a million articles.
    """
    title_keys = analyze(article.title)
    keys = [k for k in dict.fromkeys(title_keys) if k not in STOP_WORDS and len(k) > 1]
    my_body = _counts(analyze(article.text))
    # a title word the body comes back to is the subject; one said once is the headline's verb
    weight = {k: math.log1p(1 + my_body.get(k, 0)) * _idf(k) for k in keys}
    salient = sorted(keys, key=lambda k: (-weight[k], k))[:4]
    if not salient:
        return []
    if len(salient) == 1:
        expr = quote_key(salient[0])
    else:
        pairs = [(a, b) for i, a in enumerate(salient) for b in salient[i + 1:]]
        expr = " OR ".join(f"({quote_key(a)} AND {quote_key(b)})" for a, b in pairs)
    bound = article.id  # stored before it: ids grow with ingest time
    cutoff = before or article.published_at
    # The date filter sits inside the limit, so an old article (a backfill) still finds its own
    # earlier coverage beneath newer matches.
    dated = " and a.published_at < ?" if cutoff is not None else ""
    rows = db.execute(
        f"""select f.rowid, f.title_keys, f.body_keys, a.published_at, a.title
            from {FTS_TABLE} f join articles a on a.id = f.rowid
            where {FTS_TABLE} match ? and f.rowid != ? and f.rowid < ?{dated}
            order by f.rowid desc limit {RELATED_CANDIDATES}""",
        [expr, article.id, bound, *([iso(cutoff)] if cutoff is not None else [])]).fetchall()
    ref = cutoff or datetime.now(UTC)
    mine = signature(title_keys, my_body)
    ranked = []
    for article_id, c_title, c_body, published, title in rows:
        dt = parse_iso(published)
        if cutoff is not None and (dt is None or dt >= cutoff):
            continue
        c_title_keys = c_title.split()
        if not set(c_title_keys).intersection(salient):
            continue
        their_body = _counts(c_body.split())
        theirs = signature(c_title_keys, their_body)
        shared = _about_the_same(mine, my_body, theirs, their_body)
        if not shared:
            continue
        score = sum(min(mine[k], theirs[k]) for k in shared)
        score /= 1.0 + _age_days(published, ref) / 30.0
        ranked.append((score, article_id, normalize(title or "").strip()))
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    seen_titles = {normalize(article.title).strip()}
    ids: list[int] = []
    for _score, article_id, title in ranked:
        if title and title in seen_titles:
            continue
        seen_titles.add(title)
        ids.append(article_id)
        if len(ids) >= limit:
            break
    by_id = rows_by_id(db, ids)
    return [article_from_row(by_id[i]) for i in ids if i in by_id]
