"""Feed-only articles get their page on a later poll (digests.retries through poll_once).

Real sample site on 127.0.0.1, real SQLite file, every processing step: a page that failed is
fetched again on later polls of its source (also when the feed answers 304), at most three more
times with growing delays; when it comes in, the article's text, related block, search entry and
digest are updated in one transaction and nobody is sent the story a second time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import sqlite_utils

from cli.ingest import format_summary
from digests import retries
from digests.archive import get_article_by_url
from digests.digest import load_digest
from digests.models import Article
from digests.pipeline import poll_once
from digests.processing import StoreContext
from digests.samplesite import Response, SampleSite
from digests.search import search
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import subscribe, upsert_chat

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
SEED = "/news/ghouta-macron-rouhani.html"
SEED_TITLE = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
OTHER = "/news/douma-convoy-unloaded-under-shelling.html"


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


def _rss(site: SampleSite, items: list[tuple[str, str, str]]) -> Response:
    body = "".join(f"<item><title>{title}</title><link>{site.url(path)}</link>"
                   f"<guid>{path}</guid><description>ملخص: {title}</description>"
                   f"<pubDate>{date}</pubDate></item>" for path, title, date in items)
    return Response(body=f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
                    .encode(), content_type="application/rss+xml; charset=utf-8")


def _rfc822(dt: datetime) -> str:
    return dt.strftime("%a, %d %b %Y %H:%M:%S GMT")


def _row(database: Database, url: str) -> dict[str, Any]:
    rows = list(database.db.query("select * from articles where url = ?", [url]))
    assert len(rows) == 1
    return rows[0]


def _outbox(database: Database) -> list[tuple[int, int, str]]:
    return [tuple(r) for r in database.db.execute(
        "select chat_id, article_id, kind from outbox order by id").fetchall()]


async def _first_feed_only(database: Database, settings: Settings, site: SampleSite,
                           failing: Response) -> int:
    """A source known from an earlier poll lists the seed article, whose page fails now."""
    site.add_route("/rf.xml", _rss(site, [(OTHER, "دوما", _rfc822(NOW - timedelta(days=7)))]))
    add_source(database, site.url("/rf.xml"), settings=settings, now=NOW)
    assert (await poll_once(database, settings, now=NOW)).new == 1  # first poll: backfill
    upsert_chat(database, 42, now=NOW)
    subscribe(database, 42, "ماكرون", now=NOW)
    site.add_route("/rf.xml", _rss(site, [(OTHER, "دوما", _rfc822(NOW - timedelta(days=7))),
                                          (SEED, SEED_TITLE, _rfc822(NOW - timedelta(hours=1)))]))
    site.add_route(SEED, failing)
    summary = await poll_once(database, settings, now=NOW, only_due=False)
    report = next(r for r in summary.reports if r.url == site.url("/rf.xml"))
    assert summary.new == 1 and report.pages_failed == 1
    return int(_row(database, site.url(SEED))["id"])


async def test_a_failed_page_is_fetched_on_a_later_poll_and_completes_the_article(
        database: Database, settings: Settings, site: SampleSite) -> None:
    page = site.routes[SEED]
    article_id = await _first_feed_only(database, settings, site, Response(status=500))
    row = _row(database, site.url(SEED))
    assert row["page_status"] == "feed_only" and "500" in str(row["page_error"])
    assert row["page_retry_at"] == (NOW + timedelta(minutes=15)).isoformat()
    queued = _outbox(database)
    assert queued == [(42, article_id, "instant")]  # the reader is told once, from the feed
    assert not search(database.db, "جورنال", now=NOW).hits  # a word only the page has

    early = await poll_once(database, settings, now=NOW + timedelta(minutes=5), only_due=False)
    assert early.pages_retried == 0 and site.hits(SEED) == 1  # not due yet

    site.add_route(SEED, page)  # the site recovers
    later = await poll_once(database, settings, now=NOW + timedelta(minutes=16), only_due=False)
    assert (later.pages_retried, later.pages_recovered) == (1, 1)
    assert later.reports[0].status == "unchanged"  # retries do not wait for a changed feed
    assert "pages retried 1 (اكتملت / recovered 1)" in format_summary(later)
    article = get_article_by_url(database, site.url(SEED))
    assert article is not None and article.page_ok and article.id == article_id
    assert len(article.paragraphs) == 14 and article.summary == f"ملخص: {SEED_TITLE}"
    assert [r.url.rsplit("/", 1)[1] for r in article.related] == [
        "jordan-aqsa-pressure.html", "palestine-detention-campaign.html",
        "ghouta-19-civilians-killed.html"]
    row = _row(database, site.url(SEED))
    assert (row["page_error"], row["page_retry_at"], row["page_attempts"]) == (None, None, 1)
    assert row["page_etag"]  # the page's validators are kept, as at a first store
    # Re-run text steps: the search index has the page's words, the digest its quotes and
    # its related block.
    assert article_id in {h.digest.article_id for h in search(database.db, "جورنال",
                                                              now=NOW).hits}
    digest = load_digest(database.db, article_id)
    assert digest is not None
    assert any("لوضع حد للهجمات العشوائية" in q.text for q in digest.quotes)
    assert sum(r.kind == "page" for r in digest.related) == 3
    # …and nobody gets the story twice.
    assert _outbox(database) == queued
    again = await poll_once(database, settings, now=NOW + timedelta(hours=3), only_due=False)
    assert again.pages_retried == 0 and site.hits(SEED) == 2


async def test_retries_are_bounded_grow_apart_and_say_why_they_stopped(
        database: Database, settings: Settings, site: SampleSite) -> None:
    article_id = await _first_feed_only(database, settings, site, Response(status=503))
    schedule = [15, 45, 105]  # minutes after the first try: delays of 15, 30 and 60
    feed = site.routes["/rf.xml"]
    site.add_route("/rf.xml", Response(status=500))  # a feed that fails: no page retries
    down = await poll_once(database, settings, now=NOW + timedelta(minutes=20), only_due=False)
    assert down.failed == 1 and down.pages_retried == 0 and site.hits(SEED) == 1
    site.add_route("/rf.xml", feed)
    for number, minutes in enumerate(schedule, start=1):
        assert (await poll_once(database, settings, now=NOW + timedelta(minutes=minutes - 1),
                                only_due=False)).pages_retried == 0
        summary = await poll_once(database, settings, now=NOW + timedelta(minutes=minutes),
                                  only_due=False)
        assert (summary.pages_retried, summary.pages_recovered) == (1, 0)
        row = _row(database, site.url(SEED))
        assert row["page_attempts"] == number and f"retry {number} of 3" in str(row["page_error"])
    row = _row(database, site.url(SEED))
    assert row["page_retry_at"] is None and "giving up" in str(row["page_error"])
    assert "503" in str(row["page_error"]) and row["page_status"] == "feed_only"
    await poll_once(database, settings, now=NOW + timedelta(days=2), only_due=False)
    assert site.hits(SEED) == 1 + len(schedule)
    assert int(_row(database, site.url(SEED))["id"]) == article_id


async def test_a_recovery_whose_steps_fail_rolls_back_and_counts_the_try(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = site.routes[SEED]
    await _first_feed_only(database, settings, site, Response(status=500))
    site.add_route(SEED, page)

    def broken(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(retries, "text_steps", lambda: [broken])
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert (summary.pages_retried, summary.pages_recovered) == (1, 0)
    row = _row(database, site.url(SEED))
    assert row["page_status"] == "feed_only" and row["body"] == ""  # rolled back
    assert "index unavailable" in str(row["page_error"]) and row["page_attempts"] == 1
    monkeypatch.undo()
    healed = await poll_once(database, settings, now=NOW + timedelta(minutes=50),
                             only_due=False)
    assert healed.pages_recovered == 1
    assert _row(database, site.url(SEED))["page_status"] == "ok"


async def test_a_removed_article_is_not_retried(database: Database, settings: Settings,
                                                site: SampleSite) -> None:
    from digests.archive import remove_article

    article_id = await _first_feed_only(database, settings, site, Response(status=500))
    remove_article(database, article_id, NOW)
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert summary.pages_retried == 0 and site.hits(SEED) == 1


async def test_pages_are_not_retried_when_page_fetching_is_off(
        database: Database, settings: Settings, site: SampleSite) -> None:
    off = settings.replace(fetch_pages=False)
    site.add_route("/rf.xml", _rss(site, [(SEED, SEED_TITLE, _rfc822(NOW))]))
    add_source(database, site.url("/rf.xml"), settings=off, now=NOW)
    await poll_once(database, off, now=NOW)
    assert _row(database, site.url(SEED))["page_retry_at"] is None
    on = await poll_once(database, settings, now=NOW + timedelta(hours=1), only_due=False)
    assert on.pages_retried == 0 and site.hits(SEED) == 0


def test_retry_delay_grows_and_is_capped(settings: Settings) -> None:
    delays = [retries.retry_delay(n, settings) for n in range(8)]
    assert delays[:3] == [timedelta(minutes=15), timedelta(minutes=30), timedelta(minutes=60)]
    assert delays == sorted(delays) and delays[-1] == retries.MAX_RETRY_DELAY


async def test_a_page_without_readable_text_keeps_the_summary_and_is_retried(
        database: Database, settings: Settings, site: SampleSite) -> None:
    page = site.routes[SEED]
    wall = Response(body="<html><body><div id='app'></div><script>render()</script></body></html>"
                    .encode())
    await _first_feed_only(database, settings, site, wall)
    row = _row(database, site.url(SEED))
    assert row["page_status"] == "feed_only" and "no readable article text" in str(
        row["page_error"])
    assert row["body"] == "" and row["summary"] == f"ملخص: {SEED_TITLE}"
    site.add_route(SEED, page)
    assert (await poll_once(database, settings, now=NOW + timedelta(minutes=15),
                            only_due=False)).pages_recovered == 1


def test_the_migration_schedules_recent_feed_only_rows_of_an_existing_archive(
        settings: Settings) -> None:
    from digests import migrations

    path = settings.database_path
    full = list(migrations.MIGRATIONS)
    index = [name for name, _ in full].index("008_page_retries")
    recent = datetime.now(timezone.utc) - timedelta(hours=3)
    rows = {"recent": ("feed_only", "HTTP 500", recent),
            "old": ("feed_only", "HTTP 500", recent - timedelta(days=5)),
            "off": ("feed_only", "جلب الصفحات معطل / page fetching disabled", recent),
            "fine": ("ok", None, recent)}
    migrations.MIGRATIONS[:] = full[:index]
    try:
        old = Database(path)
        with old.transaction() as sql:
            sql.execute("insert into sources (id, url, name, added_at) values"
                        " (1, 'http://feeds.example/rss', 'مصدر', '2018-01-01T00:00:00+00:00')")
            for name, (status, error, fetched) in rows.items():
                sql.execute("insert into articles (source_id, url, url_key, content_hash,"
                            " page_status, page_error, fetched_at, updated_at)"
                            " values (1, ?, ?, ?, ?, ?, ?, ?)",
                            [f"http://feeds.example/{name}", f"http://feeds.example/{name}",
                             name, status, error, fetched.isoformat(timespec="seconds"),
                             fetched.isoformat(timespec="seconds")])
        old.close()
    finally:
        migrations.MIGRATIONS[:] = full
    with Database(path) as reopened:
        got = dict(reopened.db.execute(
            "select url, page_retry_at from articles").fetchall())
        offset = reopened.db.execute("select utc_offset_minutes from sources").fetchone()[0]
    due = recent.isoformat(timespec="seconds")
    assert got == {"http://feeds.example/recent": due, "http://feeds.example/old": None,
                   "http://feeds.example/off": None, "http://feeds.example/fine": None}
    assert offset is None  # not learned yet


async def test_a_page_retry_honours_the_servers_retry_after(
        database: Database, settings: Settings, site: SampleSite) -> None:
    await _first_feed_only(database, settings, site,
                           Response(status=429, headers={"Retry-After": "7200"}))
    row = _row(database, site.url(SEED))
    assert row["page_retry_at"] == (NOW + timedelta(hours=2)).isoformat()  # not 15 minutes
    await poll_once(database, settings, now=NOW + timedelta(hours=1), only_due=False)
    assert site.hits(SEED) == 1
    summary = await poll_once(database, settings, now=NOW + timedelta(hours=2), only_due=False)
    assert summary.pages_retried == 1
    row = _row(database, site.url(SEED))
    assert row["page_retry_at"] == (NOW + timedelta(hours=4)).isoformat()  # 2 h again, > 30 min


async def test_a_page_whose_text_was_removed_before_does_not_come_back(
        database: Database, settings: Settings, site: SampleSite) -> None:
    from digests.archive import remove_article

    # The seed's text is in the archive under another link, and the operator removes it.
    copy = site.url("/copy/ghouta.html")
    page = site.routes[SEED]
    site.add_route("/copy/ghouta.html", page)
    site.add_route("/copy.xml", _rss(site, [("/copy/ghouta.html", SEED_TITLE, _rfc822(NOW))]))
    add_source(database, site.url("/copy.xml"), settings=settings, now=NOW)
    await poll_once(database, settings, now=NOW)
    removed = get_article_by_url(database, copy)
    assert removed is not None and removed.page_ok
    remove_article(database, removed.id, NOW)
    article_id = await _first_feed_only(database, settings, site, Response(status=500))
    site.add_route(SEED, page)
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert (summary.pages_retried, summary.pages_recovered) == (1, 0)
    row = _row(database, site.url(SEED))
    assert row["id"] == article_id and row["page_status"] == "feed_only" and row["body"] == ""
    assert row["page_retry_at"] is None and "removed" in str(row["page_error"])
