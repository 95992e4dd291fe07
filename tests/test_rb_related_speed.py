"""RB (review of X55's D3): the archive step's two speed-ups change no link.

`_two_of` factors the «two of these terms» match (a AND (b OR c OR d) OR …) and must find the
same index rows as the six pairs it replaced; `_may_share` skips the analysis of a body
candidate that cannot share BODY_SHARED signature keys and must never skip one that does. Real
SQLite index (tests/test_search.add, the ingest step's indexing), real related_articles."""

from __future__ import annotations

import itertools

import pytest
from test_search import add, load
from test_x55_related_bodies import CATALAN, MADURO, OTHER

from digests import related
from digests.arabic import analyze
from digests.query import quote_key
from digests.related import BODY_SHARED, _may_share, _newest_matching, _two_of
from digests.signatures import about_the_same, content_counts, signature
from digests.storage import Database

ARTICLES = [  # (id, title, body): some share two of the terms below, some one, some none
    (940, "ألمانيا تعتقل رئيس إقليم كتالونيا السابق", CATALAN),
    (941, "المدرب: الفريق جاهز للمباراة", OTHER),
    (942, 'مادورو: ما يحدث "عار"', MADURO),
    (943, "برشلونة تستعد لمباراة مدريد", "قال المدرب إن برشلونة جاهز لمواجهة مدريد غدا."),
    (944, "فنزويلا تنتخب رئيسها", "يصوت الفنزويليون لانتخاب رئيس. ويترشح مادورو لولاية ثانية."),
    (945, "كتالونيا تحتج", "خرجت مظاهرات في برشلونة دعما لاستقلال كتالونيا."),
]
TERMS = [analyze(w)[0] for w in ("بوتشيمون", "مدريد", "برشلونة", "مادورو", "كتالونيا")]


def _pairs(terms: list[str]) -> str:
    """The match the archive step used before: the disjunction of every pair of terms."""
    if len(terms) == 1:
        return quote_key(terms[0])
    return " OR ".join(f"({quote_key(a)} AND {quote_key(b)})"
                       for i, a in enumerate(terms) for b in terms[i + 1:])


@pytest.fixture
def filled(database: Database) -> Database:
    for article_id, title, body in ARTICLES:
        add(database, article_id, title, body, days_ago=3 - (article_id - 940) * 0.3)
    return database


def test_two_of_finds_the_rows_of_every_pair(filled: Database) -> None:
    newest = add(filled, 960, "خبر جديد", "نص قصير عن شيء آخر.", days_ago=0.1)
    checked = 0
    for n in (1, 2, 3, 4):
        for terms in itertools.combinations(TERMS, n):
            factored = _newest_matching(filled.db, newest, _two_of(list(terms)), None)
            paired = _newest_matching(filled.db, newest, _pairs(list(terms)), None)
            assert [r[0] for r in factored] == [r[0] for r in paired], terms
            checked += bool(paired)
    assert checked > 10  # the terms do match: the comparison is not between empty answers


def test_may_share_never_skips_a_candidate_sharing_enough_keys(filled: Database) -> None:
    """Every pair of the articles: one whose signature shares BODY_SHARED keys with the other's
    passes `_may_share` on its index columns; and the filter does skip some."""
    rows = filled.db.execute("select rowid, title_keys, body_keys from articles_fts").fetchall()
    skipped = 0
    for (_, t1, b1), (_, t2, b2) in itertools.permutations(rows, 2):
        body1, body2 = content_counts(b1.split()), content_counts(b2.split())
        mine, theirs = signature(t1.split(), body1), signature(t2.split(), body2)
        if len(mine.keys() & theirs.keys()) >= BODY_SHARED:
            assert _may_share(mine, t2, b2)
        if not _may_share(mine, t2, b2):
            skipped += 1
            assert len(about_the_same(mine, body1, theirs, body2)) < BODY_SHARED
    assert skipped


def test_related_articles_are_the_same_without_the_filter(filled: Database,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [related.related_articles(filled.db, a, limit=5)
            for a in (load(filled.db, i) for i, _, _ in ARTICLES)]
    monkeypatch.setattr(related, "_may_share", lambda *a: True)
    unfiltered = [related.related_articles(filled.db, a, limit=5)
                  for a in (load(filled.db, i) for i, _, _ in ARTICLES)]
    assert [[x.id for x in r] for r in arts] == [[x.id for x in r] for r in unfiltered]
    assert [x.id for x in arts[2]] == [940]  # Maduro's background, found through the bodies

