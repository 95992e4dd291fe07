"""digests/article_store.py: storing one article of a poll in its own transaction, on a real
SQLite file (`store_one` with a SourceWork as the poll hands it over)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digests import archive
from digests.article_store import PUSH_WINDOW, store_one
from digests.models import FeedEntry, Page
from digests.page_fetch import Fetched
from digests.responses import FetchResult
from digests.settings import Settings
from digests.source_work import Clock, SourceWork
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
FEED = "http://127.0.0.1:9/feed.xml"
ENTRY = FeedEntry(url="http://127.0.0.1:9/news/bridge", title="افتتاح جسر جديد فوق النهر",
                  guid="bridge-1", summary="افتتحت البلدية جسرا جديدا.",
                  published_at=NOW - timedelta(hours=1))
PAGE = Page(title="افتتاح جسر جديد فوق النهر",
            paragraphs=("افتتحت البلدية صباح اليوم جسرا جديدا يربط ضفتي النهر.",
                        "وقال رئيس البلدية سامي حداد إن الجسر سيخفف الزحام في وسط المدينة."))


def _work(db: Database, settings: Settings, *, first_poll: bool = False) -> SourceWork:
    source = add_source(db, FEED, settings=settings, now=NOW, require_dns=False)
    return SourceWork(source=source, feed=FetchResult(FEED, FEED, 200, b""), entries=1,
                      fresh=[ENTRY], known=0, first_poll=first_poll)


def _fetched(entry: FeedEntry = ENTRY, page: Page | None = PAGE, **kw: object) -> Fetched:
    return Fetched(entry=entry, page=page, error=None if page else "timeout", etag=None,
                   last_modified=None, **kw)  # type: ignore[arg-type]


def _articles(db: Database) -> list[tuple[str, str, str | None]]:
    return [(r[0], r[1], r[2]) for r in db.db.execute(
        "select url, title, published_at from articles order by id").fetchall()]


def test_a_new_entry_is_stored_with_its_page(settings: Settings, database: Database) -> None:
    work = _work(database, settings)
    store_one(database, settings, work, _fetched(), NOW, Clock())
    assert work.new == 1 and work.pages_failed == 0 and work.store_errors == []
    rows = database.db.execute("select id from articles").fetchall()
    article = archive.get_article(database, rows[0][0])
    assert article is not None
    assert article.title == ENTRY.title and article.paragraphs == PAGE.paragraphs
    assert article.published_at == ENTRY.published_at


def test_the_same_entry_twice_is_a_duplicate_not_new(settings: Settings,
                                                    database: Database) -> None:
    work = _work(database, settings)
    store_one(database, settings, work, _fetched(), NOW, Clock())
    store_one(database, settings, work, _fetched(), NOW, Clock())
    assert work.new == 1 and work.duplicates == 1
    assert len(_articles(database)) == 1


def test_a_refused_link_is_not_stored(settings: Settings, database: Database) -> None:
    work = _work(database, settings)
    store_one(database, settings, work, _fetched(refused_link=True), NOW, Clock())
    assert _articles(database) == [] and work.new == 0


def test_a_page_that_did_not_come_is_feed_only_and_retried(settings: Settings,
                                                           database: Database) -> None:
    work = _work(database, settings)
    store_one(database, settings, work, _fetched(page=None), NOW, Clock())
    assert work.new == 1 and work.pages_failed == 1
    article = archive.get_article(database, database.db.execute(
        "select id from articles").fetchone()[0])
    assert article is not None and not article.page_ok
    assert database.db.execute("select page_retry_at from articles").fetchone()[0] is not None


def test_an_implausibly_old_date_becomes_the_fetch_time(settings: Settings,
                                                        database: Database) -> None:
    work = _work(database, settings)
    old = FeedEntry(url=ENTRY.url, title=ENTRY.title, guid="old-1",
                    published_at=datetime(1970, 1, 1, tzinfo=UTC))
    store_one(database, settings, work, _fetched(entry=old), NOW, Clock())
    article = archive.get_article(database, database.db.execute(
        "select id from articles").fetchone()[0])
    assert article is not None and article.published_at == NOW


def test_the_store_time_is_counted(settings: Settings, database: Database) -> None:
    clock = Clock()
    store_one(database, settings, _work(database, settings), _fetched(), NOW, clock)
    assert clock.store > 0


def test_push_window_is_two_days() -> None:
    assert PUSH_WINDOW == timedelta(hours=48)
