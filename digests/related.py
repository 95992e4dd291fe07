"""Related coverage: earlier archive articles about the same subject as an article.

Read from the search index (digests.search_index) at ingest, for the digest's related links:
candidates share salient title keys, and each must share the distinctive keys (its signature,
digests.signatures) of the article — names, places, rare words — not merely a phrase of its
headline or one common word. Several reports of one story are one link (digests.story_reports):
the reader wants the other slots for other angles. See `related_articles`.

`live_related` (digests.live_links, importable from here for its many callers) is asked on the
way to a reader: a "story" or "archive" link to a page the site has removed (HTTP 404/410) is
replaced by a live report of the same story, or dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from digests.arabic import STOP_WORDS, analyze, normalize
from digests.live_links import live_related
from digests.models import Article, iso, parse_iso
from digests.query import quote_key
from digests.records import article_from_row
from digests.related_cache import candidate
from digests.search_index import FTS_TABLE, rows_by_id
from digests.signatures import (
    about_the_same,
    content_counts,
    idf,
    signature,
    trim_caches,
)
from digests.story_reports import (
    Candidate,
    Report,
    headline_keys,
    one_per_story,
    story_mates,
)

__all__ = ["RELATED_CANDIDATES", "candidate_rows", "live_related", "related_articles",
           "salient_terms"]

RELATED_CANDIDATES = 60   # newest articles sharing two salient title terms, scored in Python
# QA39 D3 (41% of digests with a week of archive had no link): a story's background often shares
# no headline word with it («مادورو: ما يحدث في أسبانيا "عار"» and «رئيس كتالونيا السابق يمثل
# أمام القضاء الألماني»), so the newest articles whose bodies hold two of the article's
# BODY_TERMS heaviest recurring signature keys are candidates too, and need BODY_SHARED shared
# signature keys (one more than STRONG_SHARED: no headline word vouches for them).
BODY_TERMS = 4
BODY_SHARED = 5
# QA64-8: a site's own earlier report of the article's story (the visit reported the evening
# before) was never linked: not a "story" link (those are other sources'), and left out of the
# archive as a story-mate. The best such report within OWN_SITE_DAYS is now one archive link,
# chosen before any background. QA64-9: the obvious earlier step (the first leg under the
# second) lost its place to generic background sharing one name; a candidate whose headline
# holds TITLE_TIER of the article's salient terms (three of four: «ميسي … برشلونة … تشيلسي»),
# the heaviest among them, is chosen before those holding fewer (0: off). Measured on QA64's
# corpus copy (benchmarks/related_order.py, 5,560 digests, 20 changed read for each rule):
# own 195 digests change, 17 better / 3 same / 0 worse; the title tier 131, 7 / 10 / 3 (151
# and 3–4 / 13 / 3–4 without «the heaviest»: «الجيش السوري يدخل …» of Ghouta under Afrin's).
OWN_SITE_FIRST = True
OWN_SITE_DAYS = 2.0
TITLE_TIER = 3
TITLE_TIER_HEAD = True  # and one of them the heaviest («عفرين», not «الجيش السوري يدخل» alone)


def _age_days(published: str | None, now: datetime) -> float:
    dt = parse_iso(published) if published else None
    if dt is None:
        return 365.0
    return max(0.0, (now - dt).total_seconds() / 86400.0)


def salient_terms(title_keys: Sequence[str], my_body: dict[str, int]) -> list[str]:
    """The title's four heaviest content keys: rarity (idf) times how often the body repeats
    them — a title word the body comes back to is the subject; one said once is the headline's
    verb."""
    keys = [k for k in dict.fromkeys(title_keys) if k not in STOP_WORDS and len(k) > 1]
    weight = {k: math.log1p(1 + my_body.get(k, 0)) * idf(k) for k in keys}
    return sorted(keys, key=lambda k: (-weight[k], k))[:4]


def candidate_rows(db: sqlite_utils.Database, article: Article, salient: list[str],
                   cutoff: datetime | None) -> list[tuple[Any, ...]]:
    """The newest RELATED_CANDIDATES earlier articles holding two of the salient terms (the
    one, for a one-term title): (id, title keys, body keys, published_at, title, story_id)."""
    return _newest_matching(db, article, _two_of(salient), cutoff)


def body_candidate_rows(db: sqlite_utils.Database, article: Article, terms: list[str],
                        cutoff: datetime | None) -> list[tuple[Any, ...]]:
    """The newest RELATED_CANDIDATES earlier articles holding two of `terms` anywhere (the
    rows of `candidate_rows`); none for fewer than two terms."""
    return _newest_matching(db, article, _two_of(terms), cutoff) if len(terms) >= 2 else []


def _two_of(terms: list[str]) -> str:
    """An FTS match for two of `terms` (the one, for one term): the pairs' disjunction factored,
    «a AND (b OR c OR d) OR b AND (c OR d) OR c AND d» — the same rows as the six pairs, with
    each term's list read fewer times (~0.1 ms an archive query)."""
    quoted = [quote_key(k) for k in terms]
    if len(quoted) == 1:
        return quoted[0]
    return " OR ".join(f"({a} AND ({' OR '.join(quoted[i + 1:])}))"
                       for i, a in enumerate(quoted[:-1]))


def _newest_matching(db: sqlite_utils.Database, article: Article, expr: str,
                     cutoff: datetime | None) -> list[tuple[Any, ...]]:
    """The newest RELATED_CANDIDATES index rows matching `expr` stored before the article (and
    published before `cutoff`): (id, title keys, body keys, published_at, title, story_id)."""
    # The date filter sits inside the limit, so an old article (a backfill) still finds its own
    # earlier coverage beneath newer matches.
    dated = " and a.published_at < ?" if cutoff is not None else ""
    return [tuple(row) for row in db.execute(
        f"""select f.rowid, f.title_keys, f.body_keys, a.published_at, a.title, a.story_id
            from {FTS_TABLE} f join articles a on a.id = f.rowid
            where {FTS_TABLE} match ? and f.rowid != ? and f.rowid < ?{dated}
            order by f.rowid desc limit {RELATED_CANDIDATES}""",
        [expr, article.id, _bound(article),
         *([iso(cutoff)] if cutoff is not None else [])]).fetchall()]


def _may_share(mine: dict[str, float], c_title: str, c_body: str) -> bool:
    """Whether a body candidate could share BODY_SHARED of the `mine` signature keys: its own
    signature keys are keys of its index columns, so a key of `mine` that is not even a
    substring of them is not shared. About 3 body candidates in 5 fail this (corpus_dev), and
    skipping their analysis (split, count, signature: `related_cache.candidate`) changes no
    link."""
    keys = f"{c_title} {c_body}"  # one search a key; a match across the join only lets one by
    return sum(1 for k in mine if k in keys) >= BODY_SHARED


def _bound(article: Article) -> int:
    """Candidates are stored before the article (a smaller id: ids grow with ingest time); a
    page not stored (id 0: `run.py digest` of an address no poll read) is bounded by its date
    alone — it found no archive link at all («rowid < 0»)."""
    return article.id if article.id else 2 ** 62


def _own_site_reports(db: sqlite_utils.Database, article: Article,
                      cutoff: datetime | None) -> set[int]:
    """The ids of the article's own source's other reports of its story published within
    OWN_SITE_DAYS before `cutoff` (QA64-8: «الأسد "على خطوط" الدماء في الغوطة» the evening
    before «بشار الأسد يقود سيارته بنفسه إلى الغوطة»)."""
    if article.story_id is None or cutoff is None:
        return set()
    since = cutoff - timedelta(days=OWN_SITE_DAYS)
    return {int(r[0]) for r in db.execute(
        "select id from articles where story_id = ? and source_id = ? and id != ?"
        " and published_at >= ? and published_at < ?",
        [article.story_id, article.source_id, article.id, iso(since), iso(cutoff)])}


def related_articles(db: sqlite_utils.Database, article: Article, *, limit: int = 5,
                     before: datetime | None = None) -> list[Article]:
    """Earlier archive coverage of the article's topic: articles about the same names, places
    and rare words, not merely sharing a phrase of its headline.

    Candidates: the title's content keys are weighted by rarity in the reference corpus (an idf
    from digests.arabic.key_frequency) and by how often the body repeats them; the four heaviest
    are its salient terms, and the newest articles holding two of them (the one, for a one-term
    title) and one in their title are candidates; so are the newest whose bodies hold two of the
    article's BODY_TERMS heaviest recurring signature keys (`body_candidate_rows`, QA39 D3),
    which must then share BODY_SHARED signature keys. Each candidate must then be about the same
    subject (`about_the_same`: share MIN_SHARED keys of the two articles' signatures — the
    SIGNATURE_KEYS most distinctive keys of title and body — one of which recurs in both
    bodies): a shared «للضغط على … لوقف» is not enough, shared names are; fewer than
    STRONG_SHARED shared keys must hold two names or rare words. It is scored by the weight of
    the signature keys it shares times a gentle age factor, and chosen in three tiers, each by
    score: the article's own source's earlier report of its story (within OWN_SITE_DAYS: no
    "story" link gives it, QA64-8), then candidates whose headline holds TITLE_TIER salient
    terms with the heaviest (the obvious earlier step, QA64-9), then the rest. One link per
    story (`one_per_story`): the best-ranked report of each story_id, or of
    headlines that read as one story; the article's own story-mates (its "story" links in the
    digest) and repeats of its headline are left out. "Earlier": stored before it (a smaller id;
    ids grow with ingest time) and published before `before` (default: the article's own date).
    No bm25 and no vocabulary scan: it runs at ingest and stays fast on a million articles.
    """
    trim_caches()
    title_keys = analyze(article.title)
    my_body = content_counts(analyze(article.text))
    salient = salient_terms(title_keys, my_body)
    if not salient:
        return []
    cutoff = before or article.published_at
    rows = candidate_rows(db, article, salient, cutoff)
    ref = cutoff or datetime.now(UTC)
    mine = signature(title_keys, my_body)
    titled = {r[0] for r in rows}
    recurring = [k for k in sorted(mine, key=lambda k: (-mine[k], k)) if my_body.get(k, 0) >= 2]
    rows += [r for r in body_candidate_rows(db, article, recurring[:BODY_TERMS], cutoff)
             if r[0] not in titled and _may_share(mine, r[1], r[2])]
    ranked = []
    titled_tier: set[int] = set()
    for article_id, c_title, c_body, published, title, story_id in rows:
        dt = parse_iso(published)
        if cutoff is not None and (dt is None or dt >= cutoff):
            continue
        c_title_keys = c_title.split()
        if article_id in titled and not set(c_title_keys).intersection(salient):
            continue
        seen = candidate(article_id, c_title, c_body)  # kept between articles: most of the time
        their_body, theirs = seen.body, seen.signature
        shared = about_the_same(mine, my_body, theirs, their_body)
        if not shared or (article_id not in titled and len(shared) < BODY_SHARED):
            continue
        score = sum(min(mine[k], theirs[k]) for k in shared)
        score /= 1.0 + _age_days(published, ref) / 30.0
        ranked.append(Candidate(score, article_id, normalize(title or "").strip(), story_id,
                                 Report(headline_keys(c_title_keys), dt, frozenset(theirs))))
        if TITLE_TIER and len(salient) >= TITLE_TIER \
                and len(set(c_title_keys).intersection(salient)) >= TITLE_TIER \
                and (not TITLE_TIER_HEAD or salient[0] in c_title_keys):
            titled_tier.add(article_id)
    own_site = _own_site_reports(db, article, cutoff) if ranked and OWN_SITE_FIRST else set()
    # the site's own earlier report of the story first, then headlines holding the subject
    # whole, then the rest, each by score (QA64-8, QA64-9)
    ranked.sort(key=lambda c: (c.article_id not in own_site, c.article_id not in titled_tier,
                               -c.score, -c.article_id))
    own = Report(headline_keys(title_keys), article.published_at, frozenset(mine))
    mates = story_mates(db, article) if ranked else []
    ids = one_per_story(article, own, ranked, limit, mates, frozenset(own_site))
    by_id = rows_by_id(db, ids)
    return [article_from_row(by_id[i]) for i in ids if i in by_id]
