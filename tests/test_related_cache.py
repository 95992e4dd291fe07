"""digests.related_cache: a candidate's analysis kept between articles changes no related link.

On real SQLite files through the real steps (test_related's articles, written for the tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from test_related import (
    BAN_LIFTED,
    BAN_TITLES,
    CELEBRATION,
    FRIENDLY,
    FRIENDLY_TITLE,
    VIENNA,
    add,
    load,
    related_ids,
)

from digests import related_cache
from digests.arabic import analyze
from digests.related import related_articles
from digests.search_index import reindex
from digests.signatures import content_counts, signature
from digests.storage import Database


@pytest.fixture(autouse=True)
def clean() -> Iterator[None]:
    related_cache.clear()
    yield
    related_cache.clear()


def keys(text: str) -> str:
    return " ".join(analyze(text))


def test_the_analysis_is_the_one_related_made_itself() -> None:
    title, body = keys(BAN_TITLES[0]), keys(BAN_LIFTED)
    got = related_cache.analyze_candidate(title, body)
    counts = content_counts(body.split())
    assert got.title_keys == tuple(title.split())
    assert got.body == counts and list(got.body) == list(counts)  # same keys, same order
    assert got.signature == signature(title.split(), counts)
    assert got.signature  # a full report has a signature: the comparison above means something


def test_the_same_text_is_analyzed_once_and_a_new_text_again() -> None:
    title, body = keys(BAN_TITLES[0]), keys(BAN_LIFTED)
    first = related_cache.candidate(7, title, body)
    assert related_cache.candidate(7, title, body) is first
    assert related_cache.stats()["hits"] == 1
    changed = related_cache.candidate(7, title, keys(VIENNA))  # the article was re-indexed
    assert changed is not first
    assert changed.signature == related_cache.analyze_candidate(title, keys(VIENNA)).signature
    assert changed.signature != first.signature
    assert related_cache.stats() == {"hits": 1, "misses": 2, "entries": 1}


def test_the_cache_is_bounded_oldest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(related_cache, "MAX_ENTRIES", 2)
    title, body = keys(BAN_TITLES[0]), keys(BAN_LIFTED)
    one = related_cache.candidate(1, title, body)
    related_cache.candidate(2, title, body)
    related_cache.candidate(3, title, body)
    assert related_cache.stats()["entries"] == 2
    assert related_cache.candidate(1, title, body) is not one  # dropped, made again
    assert related_cache.candidate(3, title, body) is related_cache.candidate(3, title, body)


def test_links_are_the_same_cold_and_warm(database: Database) -> None:
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30, story_id=50)
    for n, title in enumerate(BAN_TITLES):
        add(database, 2 + n, title, BAN_LIFTED, days_ago=5 - n * 0.1, story_id=60, source=1 + n)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
        story_id=70)
    related_cache.clear()
    cold = related_ids(database, 9)
    assert related_cache.stats()["misses"] > 0
    warm = related_ids(database, 9)
    assert related_cache.stats()["hits"] > 0
    assert cold == warm and len(cold) == 2


def test_a_reindexed_candidate_is_read_anew(database: Database) -> None:
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30, story_id=50)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
        story_id=70)
    assert related_ids(database, 9) == [1]  # the cache now holds article 1's analysis
    with database.transaction() as sql:  # article 1's page now says something else entirely
        reindex(sql, 1, FRIENDLY_TITLE, VIENNA)
    related_cache_free = related_articles(database.db, load(database.db, 9))
    assert [a.id for a in related_cache_free] == []  # no link on the old text's analysis


# --- the story's reports re-linked with one read of the story (digests.digest) -------------------

def _relink(database: Database, one_read: bool) -> dict[int, str]:
    from digests.digest import _refresh_sibling, _refresh_siblings

    with database.transaction() as sql:
        sql.execute("update articles set digest_related_json = '[]' where story_id = 60")
        siblings = [load(sql, i) for i in range(2, 12)]
        if one_read:
            _refresh_siblings(sql, siblings)
        else:
            for sibling in siblings:
                _refresh_sibling(sql, sibling)
    return dict(database.db.execute(
        "select id, digest_related_json from articles where story_id = 60").fetchall())


def test_one_read_of_the_story_links_as_one_read_per_report(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.digest as digest

    monkeypatch.setattr(digest, "MAX_STORY_SIBLINGS", 4)  # the limit cuts: ties decide who is in
    for n in range(10):  # ten reports from five sources, many published at the same second
        add(database, 2 + n, BAN_TITLES[n % 3], BAN_LIFTED, days_ago=5 - (n // 4) * 0.5,
            story_id=60, source=1 + n % 5)
    add(database, 20, "unrelated", FRIENDLY, days_ago=1, story_id=70, source=2)
    per_report = _relink(database, one_read=False)
    one_read = _relink(database, one_read=True)
    assert per_report == one_read
    assert all(len(json.loads(v)) == 4 for v in one_read.values())  # limited, not empty
