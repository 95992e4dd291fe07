"""digests/article_updates.py: a corrected article read again — its new text stored in place,
the old one kept when the page does not come — on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from digests import archive
from digests.article_store import store_one
from digests.article_updates import reread_of, reread_one, update_steps
from digests.models import FeedEntry, Page
from digests.page_fetch import Fetched
from digests.responses import FetchResult
from digests.settings import Settings
from digests.source_work import Clock, SourceWork
from digests.sources import add_source
from digests.storage import Database
from digests.urls import url_key

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=30)
FEED = "http://127.0.0.1:9/feed.xml"
ENTRY = FeedEntry(url="http://127.0.0.1:9/news/storm", title="مقتل 3 أشخاص في عاصفة ثلجية",
                  guid="storm-1", summary="لقي ثلاثة أشخاص حتفهم في العاصفة.",
                  published_at=NOW - timedelta(hours=1))
PAGE = Page(title=ENTRY.title, paragraphs=(
    "لقي ثلاثة أشخاص حتفهم في عاصفة ثلجية ضربت المناطق الجبلية ليلة أمس.",
    "وقال الدفاع المدني إن فرق الإنقاذ ما زالت تعمل على فتح الطرق."))
NEW_PAGE = Page(title="مقتل 5 أشخاص في عاصفة ثلجية", paragraphs=(
    "لقي خمسة أشخاص حتفهم في عاصفة ثلجية ضربت المناطق الجبلية ليلة أمس.",
    "وقال الدفاع المدني إن فرق الإنقاذ ما زالت تعمل على فتح الطرق."))


def _stored(db: Database, settings: Settings) -> tuple[SourceWork, int]:
    """A source with one article stored as a poll stores it; the work and the article's id."""
    source = add_source(db, FEED, settings=settings, now=NOW, require_dns=False)
    work = SourceWork(source=source, feed=FetchResult(FEED, FEED, 200, b""), entries=1,
                      fresh=[ENTRY], known=0, first_poll=False)
    store_one(db, settings, work, Fetched(ENTRY, PAGE, None, None, None), NOW, Clock())
    return work, int(db.db.execute("select id from articles").fetchone()[0])


def test_update_steps_index_then_digest() -> None:
    assert [step.__name__ for step in update_steps()] == ["index_article", "store_digest"]


def test_reread_of_finds_a_queued_entry_by_its_url_key(settings: Settings,
                                                       database: Database) -> None:
    work, article_id = _stored(database, settings)
    assert reread_of(work, ENTRY) is None  # nothing queued: a new entry
    work.rereads[url_key(ENTRY.url)] = article_id
    tracked = replace(ENTRY, url=ENTRY.url + "?utm_source=rss")
    assert reread_of(work, tracked) == article_id


def test_a_corrected_page_replaces_the_text(settings: Settings, database: Database) -> None:
    work, article_id = _stored(database, settings)
    corrected = replace(ENTRY, title=NEW_PAGE.title)
    reread_one(database, settings, work, Fetched(corrected, NEW_PAGE, None, None, None),
               article_id, LATER, Clock())
    assert work.updated == 1 and work.reread_failed == 0
    article = archive.get_article(database, article_id)
    assert article is not None
    assert article.title == NEW_PAGE.title and article.paragraphs == NEW_PAGE.paragraphs
    assert database.db.execute("select count(*) from articles").fetchone()[0] == 1


def test_a_page_that_did_not_come_keeps_the_old_text_and_counts(settings: Settings,
                                                                database: Database) -> None:
    work, article_id = _stored(database, settings)
    corrected = replace(ENTRY, title=NEW_PAGE.title)
    reread_one(database, settings, work, Fetched(corrected, None, "timeout", None, None),
               article_id, LATER, Clock())
    assert work.updated == 0 and work.reread_failed == 1
    article = archive.get_article(database, article_id)
    assert article is not None and article.paragraphs == PAGE.paragraphs


def test_a_page_gone_for_good_keeps_the_old_text_uncounted(settings: Settings,
                                                           database: Database) -> None:
    work, article_id = _stored(database, settings)
    reread_one(database, settings, work,
               Fetched(replace(ENTRY, title=NEW_PAGE.title), None, "HTTP 404", None, None,
                       status=404), article_id, LATER, Clock())
    assert work.updated == 0 and work.reread_failed == 0
    article = archive.get_article(database, article_id)
    assert article is not None and article.title == ENTRY.title


def test_the_same_page_again_is_no_update(settings: Settings, database: Database) -> None:
    work, article_id = _stored(database, settings)
    reread_one(database, settings, work, Fetched(ENTRY, PAGE, None, None, None), article_id,
               LATER, Clock())
    assert work.updated == 0 and work.reread_failed == 0


def test_an_article_removed_meanwhile_is_left_alone(settings: Settings,
                                                    database: Database) -> None:
    work, _ = _stored(database, settings)
    reread_one(database, settings, work, Fetched(ENTRY, NEW_PAGE, None, None, None), 999,
               LATER, Clock())
    assert work.updated == 0 and work.reread_failed == 0
