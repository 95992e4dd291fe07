"""bot.stories: top stories for /digest and inline, search pages, one article's digest."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from botkit import sample_db

from bot.stories import digest_by_article, latest_digests, live_digests, search_page
from digests.errors import QueryError
from digests.models import iso
from digests.storage import Database

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)


def _article(db: Database, n: int, *, source: int, story: int | None, hours_ago: float) -> None:
    at = iso(NOW - timedelta(hours=hours_ago))
    db.db.execute(
        "insert into articles (id, source_id, url, url_key, content_hash, title, headline,"
        " published_at, fetched_at, updated_at, story_id) values (?,?,?,?,?,?,?,?,?,?,?)",
        [n, source, f"https://news.example/{n}", f"news.example/{n}", f"h{n}", f"خبر {n}",
         f"خبر {n}", at, at, at, story])


@pytest.fixture
def archive(database: Database) -> Database:
    with database.transaction() as tx:
        for sid in (1, 2):
            tx.execute("insert into sources (id, url, name, added_at) values (?,?,?,?)",
                       [sid, f"https://s{sid}.example/feed", f"مصدر {sid}", iso(NOW)])
        _article(database, 1, source=1, story=10, hours_ago=5)   # story 10: two reports
        _article(database, 2, source=2, story=10, hours_ago=4)
        _article(database, 3, source=1, story=20, hours_ago=1)   # story 20: newest, one report
        _article(database, 4, source=2, story=None, hours_ago=2)  # not clustered yet
        _article(database, 5, source=1, story=30, hours_ago=24 * 9)  # outside the window
    return database


def test_top_stories_biggest_first_one_report_each(archive: Database) -> None:
    got = latest_digests(archive, now=NOW, limit=10)
    assert [d.article_id for d in got] == [2, 3, 4]  # story 10 (2 reports, newest one), then by time
    assert got[0].source == "مصدر 2" and got[0].headline == "خبر 2"


def test_top_stories_fall_back_to_the_newest_when_nothing_is_recent(archive: Database) -> None:
    later = NOW + timedelta(days=30)
    got = latest_digests(archive, now=later, limit=3)
    assert [d.article_id for d in got] == [3, 4, 2]  # newest first, whatever their size


def test_future_articles_are_not_top_stories(archive: Database) -> None:
    assert [d.article_id for d in latest_digests(archive, now=NOW - timedelta(hours=3),
                                                 limit=10)] == [2]


def _gone(db: Database, *ids: int) -> None:
    with db.transaction() as tx:
        for n in ids:
            tx.execute("update articles set page_status = 'gone' where id = ?", [n])


def test_reports_whose_page_is_gone_are_no_top_stories(archive: Database) -> None:
    """QA10 F10: a report whose page is gone (404/410) is not offered by /digest or inline; its
    story is, by a live report, counted without the dead one."""
    _gone(archive, 2, 3)
    got = latest_digests(archive, now=NOW, limit=10)
    assert [d.article_id for d in got] == [1, 4]  # story 10 by its live report; 20 has none
    assert [d.article_id for d in latest_digests(archive, now=NOW + timedelta(days=30),
                                                 limit=10)] == [4, 1, 5]


def test_live_digests_put_a_live_report_in_a_gone_ones_place(archive: Database) -> None:
    shown = [d for d in (digest_by_article(archive, n) for n in (2, 3, 1, 4)) if d]
    assert [d.article_id for d in live_digests(archive, shown)] == [2, 3, 1, 4]  # none gone
    _gone(archive, 2, 3)
    # 2's story has 1 (listed once), 3's story has nothing live: left out
    assert [d.article_id for d in live_digests(archive, shown)] == [1, 4]
    assert [d.headline for d in live_digests(archive, shown[:1])] == ["خبر 1"]


def test_digest_by_article(archive: Database) -> None:
    digest = digest_by_article(archive, 3)
    assert digest is not None and digest.url == "https://news.example/3"
    assert digest_by_article(archive, 999) is None


def test_search_page(tmp_path: Path) -> None:
    with Database(sample_db(tmp_path)) as db:
        first = search_page(db, "الغوطة", offset=0, limit=2, now=NOW)
        # 5 articles in 4 stories: the header counts the 4 stories the pages show
        assert len(first.digests) == 2 and first.total == 4 and first.total_exact
        rest = search_page(db, "الغوطة", offset=2, limit=50, now=NOW)
        assert rest.total == 2 + len(rest.digests)  # the last page knows it is the last
        ids = {d.article_id for d in first.digests} | {d.article_id for d in rest.digests}
        assert len(ids) == 2 + len(rest.digests)  # pages do not overlap
        near = search_page(db, "الغوطا", offset=0, limit=5, now=NOW)
        assert near.digests == () and "الغوطة" in near.suggestions
        with pytest.raises(QueryError):
            search_page(db, "في من", offset=0, limit=5, now=NOW)


def test_search_page_has_more_only_when_a_next_page_has_stories(tmp_path: Path) -> None:
    # the sample: 5 articles about الغوطة in 4 stories
    with Database(sample_db(tmp_path)) as db:
        assert search_page(db, "الغوطة", offset=0, limit=3, now=NOW).has_more
        exact = search_page(db, "الغوطة", offset=0, limit=4, now=NOW)
        assert len(exact.digests) == 4 and not exact.has_more and exact.total == 4
        last = search_page(db, "الغوطة", offset=2, limit=2, now=NOW)
        assert len(last.digests) == 2 and not last.has_more and last.total == 4
        assert search_page(db, "الغوطة", offset=4, limit=2, now=NOW).digests == ()
        # walking the pages by has_more visits every story once and never an empty page
        seen, offset = [], 0
        while True:
            page = search_page(db, "الغوطة", offset=offset, limit=1, now=NOW)
            assert page.digests
            seen += [d.article_id for d in page.digests]
            if not page.has_more:
                break
            offset += len(page.digests)
        assert len(seen) == len(set(seen)) == 4


def test_search_page_of_a_common_topic_says_at_least(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 2)  # الغوطة's 5 matches: a common topic
    with Database(sample_db(tmp_path)) as db:
        page = search_page(db, "الغوطة", offset=0, limit=1, now=NOW)
        assert page.has_more and (page.total, page.total_exact) == (4, True)  # counted whole
        monkeypatch.setattr(search_module, "STORY_COUNT_MAX", 4)  # too many to count
        page = search_page(db, "الغوطة", offset=0, limit=1, now=NOW)
        assert page.has_more and not page.total_exact
        assert 2 <= page.total <= 4  # a lower bound of the 4 stories, at least this page + 1
        last = search_page(db, "الغوطة", offset=3, limit=5, now=NOW)
        assert (last.total, last.total_exact) == (4, True)  # the last page counts exactly


@pytest.mark.parametrize("candidates", [1, 2, 3, 100])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_walking_the_pages_the_header_never_overstates(tmp_path: Path, candidates: int,
                                                      limit: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", candidates)
    with Database(sample_db(tmp_path)) as db:
        pages, offset = [], 0
        while True:
            page = search_page(db, "الغوطة", offset=offset, limit=limit, now=NOW)
            pages.append(page)
            offset += len(page.digests)
            if not page.has_more:
                break
        stories = offset  # every story once, as the walk showed them
        assert stories == 4  # the sample: 5 articles about الغوطة in 4 stories
        for page in pages:
            if page.total_exact:
                assert page.total == stories  # an exact header is the walk's count
            else:
                assert page.total <= stories  # "at least N" is a true lower bound
        assert pages[-1].total_exact and pages[-1].total == stories

