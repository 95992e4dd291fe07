"""The archive: dedup by GUID, URL, content hash; tombstones; lookups."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

import pytest
from archivekit import get_article_by_url

from digests.archive import (StoreResult, date_undated_articles, find_known, get_article,
                             remove_article,
                             store_article)
from digests.models import FeedEntry, Page, RelatedItem
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, tzinfo=timezone.utc)
PAGE = Page(title="عنوان الصفحة | موقع", published_at=datetime(2018, 3, 1, tzinfo=timezone.utc),
            author="كاتب", paragraphs=("الفقرة الأولى عن الغوطة.", "الفقرة الثانية."),
            related=(RelatedItem("خبر ذو صلة", "http://x.example/r", None),))


def _source(database: Database, settings: Settings, path: str = "/feed") -> int:
    return add_source(database, f"http://127.0.0.1{path}", settings=settings, now=NOW).id


def _store(database: Database, source_id: int, entry: FeedEntry, page: Page | None = PAGE,
           page_error: str | None = None, page_etag: str | None = None) -> StoreResult:
    with database.transaction() as sql:
        return store_article(sql, source_id=source_id, entry=entry, page=page, now=NOW,
                             page_error=page_error, page_etag=page_etag)


def test_store_merges_feed_and_page(database: Database, settings: Settings) -> None:
    sid = _source(database, settings)
    entry = FeedEntry(url="http://x.example/a?utm_source=rss", title="عنوان الخلاصة", guid="g1",
                      summary="ملخص", published_at=None, author="")
    result = _store(database, sid, entry, page_etag='"p1"')
    assert result.outcome == "stored" and result.article is not None
    article = get_article(database, result.article.id)
    assert article is not None and article == result.article
    assert article.title == "عنوان الخلاصة"           # the feed's clean title wins
    assert article.published_at == PAGE.published_at  # the page fills the feed's gap
    assert article.author == "كاتب"
    assert article.paragraphs == PAGE.paragraphs and article.summary == "ملخص"
    assert article.related == PAGE.related and article.page_ok
    assert article.source_name == "127.0.0.1" and article.guid == "g1"
    row = database.db.execute("select body, page_status, page_etag from articles").fetchone()
    assert row == ("الفقرة الأولى عن الغوطة.\nالفقرة الثانية.", "ok", '"p1"')
    assert get_article_by_url(database, "HTTP://X.example/a#x") == article
    assert get_article(database, 999) is None


def test_feed_only_when_the_page_failed(database: Database, settings: Settings) -> None:
    sid = _source(database, settings)
    result = _store(database, sid, FeedEntry(url="http://x.example/b", title="ب", summary="ملخص"),
                    page=None, page_error="HTTP 500")
    assert result.article is not None and not result.article.page_ok
    assert result.article.text == "ملخص"
    assert database.db.execute("select page_status, page_error from articles").fetchone() == \
        ("feed_only", "HTTP 500")


def test_dedup_by_guid_then_url_then_content(database: Database, settings: Settings) -> None:
    sid = _source(database, settings)
    other = _source(database, settings, "/other")
    first = _store(database, sid, FeedEntry(url="http://x.example/1", title="أ", guid="g"))
    assert first.outcome == "stored" and first.article is not None
    same_guid = _store(database, sid, FeedEntry(url="http://x.example/1-moved", title="أ",
                                                 guid="g"))
    same_url = _store(database, other, FeedEntry(url="http://X.example/1?fbclid=7", title="أ"))
    same_text = _store(database, other, FeedEntry(url="http://mirror.example/9", title="أ"))
    assert [r.outcome for r in (same_guid, same_url, same_text)] == ["duplicate"] * 3
    assert {r.existing_id for r in (same_guid, same_url, same_text)} == {first.article.id}
    # the same GUID from another source is another article (GUIDs are per source)
    assert _store(database, other, FeedEntry(url="http://y.example/2", title="ج", guid="g"),
                  page=None).outcome == "stored"
    assert database.db.execute("select count(*) from articles").fetchone()[0] == 2


def test_removed_article_never_comes_back(database: Database, settings: Settings) -> None:
    sid = _source(database, settings)
    entry = FeedEntry(url="http://x.example/gone", title="أ", guid="gone")
    stored = _store(database, sid, entry)
    assert stored.article is not None
    removed = remove_article(database, stored.article.id, NOW)
    assert removed is not None and removed.url == entry.url
    assert get_article(database, stored.article.id) is None
    assert find_known(database, sid, entry) == ("tombstoned", None)
    for again in (entry, FeedEntry(url="http://x.example/gone?utm_medium=x", title="أ"),
                  FeedEntry(url="http://elsewhere.example/copy", title="أ")):
        assert _store(database, sid, again).outcome == "tombstoned"
    assert database.db.execute("select count(*) from articles").fetchone()[0] == 0
    assert remove_article(database, 12345, NOW) is None


def test_a_removed_articles_guid_given_to_a_new_article_stores_it(
        database: Database, settings: Settings) -> None:
    """Removing is the operator's act; the GUID's tombstone stops the removed article (same link,
    or same title at a new link, or its text anywhere), not another article the feed later
    lists under that GUID."""
    sid = _source(database, settings)
    gone = FeedEntry(url="http://x.example/gone", title="الخبر المحذوف", guid="g7")
    stored = _store(database, sid, gone)
    assert stored.article is not None
    remove_article(database, stored.article.id, NOW)
    fresh_page = Page(title="", published_at=None, author="",
                      paragraphs=("نص مختلف تمامًا عن خبر جديد.",))
    newcomer = FeedEntry(url="http://x.example/new", title="خبر جديد", guid="g7")
    assert find_known(database, sid, newcomer) is None
    # the removed one, at its link, or moved under its GUID with its title, or its text elsewhere
    assert find_known(database, sid, gone) == ("tombstoned", None)
    moved = FeedEntry(url="http://x.example/gone-moved", title=" الخبر  المحذوف", guid="g7")
    assert find_known(database, sid, moved) == ("tombstoned", None)
    copy = FeedEntry(url="http://x.example/gone-copy", title="الخبر المحذوف")
    assert _store(database, sid, copy).outcome == "tombstoned"
    result = _store(database, sid, newcomer, page=fresh_page)
    assert result.outcome == "stored" and result.article is not None
    assert result.article.guid == "g7"  # it owns the GUID now: seen again, it is a duplicate
    assert find_known(database, sid, newcomer) == ("duplicate", result.article.id)
    assert find_known(database, sid, gone) == ("tombstoned", None)
    assert [r[0] for r in database.db.execute("select url from articles")] == [newcomer.url]


def test_a_guid_tombstone_from_before_migration_018_is_told_by_its_link(
        tmp_path: Path, settings: Settings) -> None:
    """Tombstones written before 018 have no title: a new link under their GUID is fetched and
    stored unless its text is the removed one's (its content hash)."""
    path = tmp_path / "old.db"
    with Database(path) as database:
        sid = _source(database, settings)
        stored = _store(database, sid, FeedEntry(url="http://x.example/a", title="أ", guid="g"))
        assert stored.article is not None
        remove_article(database, stored.article.id, NOW)
        with database.transaction() as sql:
            sql.execute("update tombstones set title = null")
    with Database(path) as database:
        moved = FeedEntry(url="http://x.example/a-moved", title="أ", guid="g")
        assert find_known(database, sid, moved) is None
        assert _store(database, sid, moved).outcome == "tombstoned"  # the same text: its hash
        other = FeedEntry(url="http://x.example/b", title="ب", guid="g")
        assert _store(database, sid, other, page=None).outcome == "stored"
        assert _store(database, sid, FeedEntry(url="http://x.example/a", title="ب", guid="g"),
                      page=None).outcome == "tombstoned"  # the removed link stays removed


def test_a_future_or_missing_date_is_stored_as_the_fetch_time(
        database: Database, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    """QA8 F8: an article dated 2035 is stored at its fetch time (and logged with its source);
    one with no date at all, from feed or page, takes its fetch time too."""
    sid = _source(database, settings)
    future = datetime(2035, 1, 1, 10, tzinfo=timezone.utc)
    with caplog.at_level(logging.DEBUG, logger="digests.archive"):
        ahead = _store(database, sid, FeedEntry(url="http://x.example/f", title="غد",
                                                published_at=future), page=None)
    undated = _store(database, sid, FeedEntry(url="http://x.example/u", title="بلا تاريخ"),
                     page=Page(paragraphs=("نص.",)))
    from_page = _store(database, sid, FeedEntry(url="http://x.example/p", title="من الصفحة"))
    assert ahead.article is not None and undated.article is not None
    assert from_page.article is not None
    assert ahead.article.published_at == NOW == undated.article.published_at
    # X107 (QA66-6): the poll says it once with a count; the article's line is DEBUG
    assert ahead.redated == "in the future" and not undated.redated
    assert from_page.article.published_at == PAGE.published_at
    assert [r.getMessage() for r in caplog.records if r.name == "digests.archive"] == [
        f"article dated in the future, stored at its fetch time source={sid} "
        "url=http://x.example/f date=2035-01-01T10:00:00+00:00 fetched=2018-03-12T00:00:00+00:00"]


def test_migration_017_dates_an_old_archives_undated_and_future_articles(
        tmp_path: Path, settings: Settings) -> None:
    """An archive stored before the fetch-time rule: its undated rows and its 2035 row take
    their fetch time when the migration runs at start-up; good dates stay (QA8 F8)."""
    path = tmp_path / "old.db"
    with Database(path) as database:
        sid = _source(database, settings)
        stored = [_store(database, sid, FeedEntry(url=f"http://x.example/{n}", title=f"خبر {n}",
                                                   summary=f"نص {n}"), page=None).article
                  for n in range(3)]
        ids = [article.id for article in stored if article is not None]
        with database.transaction() as sql:
            sql.execute("update articles set published_at = null where id = ?", [ids[0]])
            sql.execute("update articles set published_at = '2035-01-01T10:00:00+00:00'"
                        " where id = ?", [ids[1]])
            sql.execute("update articles set published_at = '2018-03-11T09:00:00+00:00'"
                        " where id = ?", [ids[2]])
            sql.execute("delete from _migrations where name = '017_fetch_time_dates'")
    with Database(path) as database:
        assert database.applied_migrations()[-1] == "017_fetch_time_dates"
        dates = [database.db.execute("select published_at from articles where id = ?",
                                     [i]).fetchone()[0] for i in ids]
        assert dates == [NOW.isoformat(), NOW.isoformat(), "2018-03-11T09:00:00+00:00"]
        with database.transaction() as sql:
            assert date_undated_articles(sql) == 0  # nothing left to date
