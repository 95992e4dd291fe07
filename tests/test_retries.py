"""Feed-only articles get their page on a later poll (digests.retries through poll_once).

Real sample site on 127.0.0.1, real SQLite file, every processing step: a page that failed is
fetched again on later polls of its source (also when the feed answers 304), at most three more
times with growing delays; when it comes in, the article's text, related block, search entry,
story and digest are updated in one transaction and nobody is sent the story a second time. A
report whose summary matched nothing joins, with its full text, the story of an earlier report of
the same event; one that still matches nothing keeps its story.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from archivekit import get_article_by_url

from cli.ingest import format_summary
from digests import retries
from digests.digest import load_digest
from digests.models import Article, iso
from digests.pipeline import poll_once
from digests.processing import StoreContext
from digests.samplesite import Response, SampleSite, redirect, render_page
from digests.search import search
from digests.settings import Settings
from digests.sources import add_source
from digests.story_rows import stories_row
from digests.storage import Database
from digests.subscriptions import subscribe, upsert_chat
from migration_kit import archive_before

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
# the sources were added hours before the polls: what they list published since is news, what was
# published before the add is backfill (digests.article_store.backlog, X134 QA77-1)
ADDED = NOW - timedelta(hours=6)
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
    add_source(database, site.url("/rf.xml"), settings=settings, now=ADDED)
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
    add_source(database, site.url("/rf.xml"), settings=off, now=ADDED)
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
    path = settings.database_path
    recent = datetime.now(timezone.utc) - timedelta(hours=3)
    rows = {"recent": ("feed_only", "HTTP 500", recent),
            "old": ("feed_only", "HTTP 500", recent - timedelta(days=5)),
            "off": ("feed_only", "جلب الصفحات معطل / page fetching disabled", recent),
            "fine": ("ok", None, recent)}
    with archive_before(path, "008_page_retries") as old:
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
    add_source(database, site.url("/copy.xml"), settings=settings, now=ADDED)
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


# --- a recovered page's story --------------------------------------------------------------------
# Invented reports (not corpus text): a ferry sinking told by a wire and by a channel, and another
# event at the same place the same day (it must not attract the recovered report).

FERRY_WIRE = (
    "غرق عبارة في بحيرة فيكتوريا ومقتل 14 راكبا على الأقل",
    ["غرقت عبارة تقل نحو ستين راكبا في بحيرة فيكتوريا قبالة جزيرة بوكاسا الأوغندية مساء الأحد، ما"
     " أسفر عن مقتل أربعة عشر شخصا على الأقل، بحسب الشرطة البحرية.",
     "وقال المتحدث باسم الشرطة إن فرق الإنقاذ انتشلت ثلاثين ناجيا، وإن البحث متواصل عن المفقودين"
     " في المياه العميقة.",
     "وأضاف أن العبارة كانت محملة بأكياس الفحم والموز وتجاوزت حمولتها المسموح بها، وأن الرياح"
     " القوية قلبتها على بعد كيلومترين من الشاطئ."])
FERRY_CHANNEL = (
    "غرق عبارة في أوغندا",  # the feed's breaking-news title: too few words to match anything
    ["لقي أربعة عشر شخصا على الأقل حتفهم إثر غرق عبارة في بحيرة فيكتوريا قرب جزيرة بوكاسا في"
     " أوغندا مساء الأحد، وفق الشرطة البحرية.",
     "وأوضح متحدث باسم الشرطة أن رجال الإنقاذ انتشلوا ثلاثين ناجيا من بين نحو ستين راكبا كانوا على"
     " متن العبارة، فيما يتواصل البحث عن المفقودين.",
     "وأشار إلى أن العبارة كانت تحمل أكياسا من الفحم والموز تفوق حمولتها، وأن رياحا قوية قلبتها"
     " على بعد كيلومترين من الشاطئ."])
LAKE_FESTIVAL = (
    "مهرجان لقوارب الصيد التقليدية على بحيرة فيكتوريا",
    ["افتتحت في جزيرة بوكاسا الأوغندية الأحد فعاليات مهرجان سنوي لقوارب الصيد التقليدية بمشاركة"
     " صيادين من كينيا وتنزانيا.",
     "وقالت وزارة السياحة الأوغندية إن المهرجان يضم سباقا للقوارب الخشبية وسوقا للأسماك المدخنة"
     " والحرف اليدوية.",
     "ويتوقع المنظمون أن يجذب المهرجان آلاف الزوار إلى شواطئ البحيرة خلال أسبوع."])
UNIQUE_EVENT = (
    "افتتاح جسر معلق",
    ["افتتح رئيس وزراء نيبال جسرا معلقا للمشاة فوق نهر كالي غانداكي يربط قريتين جبليتين كان"
     " سكانهما يعبرون النهر بالحبال.",
     "ويبلغ طول الجسر مئتين وعشرين مترا، وقد موّلته منحة سويسرية ضمن برنامج للطرق الريفية."])

OLD_CHANNEL = (
    "خبر قديم",
    ["أعلنت بلدية مونتيفيديو توسيع شبكة الدراجات العامة لتشمل أحياء الضواحي الشرقية.",
     "وقال رئيس البلدية إن ثلاثمئة دراجة جديدة ستوضع في الخدمة قبل نهاية الصيف."])


def _page(site: SampleSite, path: str, doc: tuple[str, list[str]], published: datetime) -> str:
    site.add_route(path, Response(body=render_page(
        {"slug": path, "title": doc[0], "paragraphs": doc[1], "published": published.isoformat()},
        site.base_url).encode("utf-8")))
    return site.url(path)


def _feed(site: SampleSite, items: list[tuple[str, str, str, datetime]]) -> Response:
    """An RSS feed of (path, title, summary, date) items."""
    body = "".join(f"<item><title>{title}</title><link>{site.url(path)}</link><guid>{path}</guid>"
                   f"<description>{summary}</description><pubDate>{_rfc822(date)}</pubDate>"
                   "</item>" for path, title, summary, date in items)
    return Response(body=f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
                    .encode(), content_type="application/rss+xml; charset=utf-8")


def _story(database: Database, url: str) -> int:
    story = _row(database, url)["story_id"]
    assert story is not None
    return int(story)


async def _channel_feed_only(database: Database, settings: Settings, site: SampleSite,
                             doc: tuple[str, list[str]], published: datetime) -> str:
    """The wire's reports are in; the channel (known from an earlier poll) lists `doc` with a
    short summary and its page fails. Returns the page URL (its article is feed-only now)."""
    wire_ferry = _page(site, "/wire/ferry.html", FERRY_WIRE, NOW - timedelta(hours=3))
    _page(site, "/wire/festival.html", LAKE_FESTIVAL, NOW - timedelta(hours=2))
    site.add_route("/wire.xml", _feed(site, [
        ("/wire/ferry.html", FERRY_WIRE[0], "غرق عبارة", NOW - timedelta(hours=3)),
        ("/wire/festival.html", LAKE_FESTIVAL[0], "مهرجان", NOW - timedelta(hours=2))]))
    _page(site, "/channel/old.html", OLD_CHANNEL, NOW - timedelta(days=9))
    old = [("/channel/old.html", "خبر قديم", "قديم", NOW - timedelta(days=9))]
    site.add_route("/channel.xml", _feed(site, old))
    for path in ("/wire.xml", "/channel.xml"):
        add_source(database, site.url(path), settings=settings, now=ADDED)
    assert (await poll_once(database, settings, now=NOW)).new == 3  # first polls: backfill
    assert get_article_by_url(database, wire_ferry) is not None
    upsert_chat(database, 42, now=NOW)
    subscribe(database, 42, "عبارة", now=NOW)
    subscribe(database, 42, "جسر", now=NOW)
    url = _page(site, "/channel/late.html", doc, published)
    page = site.routes["/channel/late.html"]
    site.add_route("/channel/late.html", Response(status=503))
    site.add_route("/channel.xml", _feed(site, [*old, ("/channel/late.html", doc[0],
                                                       "التفاصيل بعد قليل", published)]))
    summary = await poll_once(database, settings, now=NOW, only_due=False)
    assert summary.new == 1 and _row(database, url)["page_status"] == "feed_only"
    site.add_route("/channel/late.html", page)  # the channel's site recovers
    return url


async def test_a_recovered_page_joins_the_story_of_an_earlier_report_and_is_not_sent_again(
        database: Database, settings: Settings, site: SampleSite) -> None:
    late = await _channel_feed_only(database, settings, site, FERRY_CHANNEL,
                                    NOW - timedelta(hours=1))
    ferry, festival = site.url("/wire/ferry.html"), site.url("/wire/festival.html")
    alone = _story(database, late)  # from the feed's title and summary: no match
    assert alone not in {_story(database, ferry), _story(database, festival)}
    queued = _outbox(database)
    late_id = int(_row(database, late)["id"])
    assert queued == [(42, late_id, "instant")]  # the reader is told once, from the feed

    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert (summary.pages_retried, summary.pages_recovered) == (1, 1)
    story = _story(database, late)
    assert story == _story(database, ferry) != _story(database, festival)
    row = stories_row(database.db, story)
    assert row is not None and row["article_count"] == 2
    assert row["headline"] == FERRY_WIRE[0]  # the earlier report still names the story
    left = stories_row(database.db, alone)
    assert left is not None and left["article_count"] == 0  # its row (and id) stay
    # The digest step ran after the story step: each report links to the other as the story.
    digest = load_digest(database.db, late_id)
    assert digest is not None and digest.story_id == story
    assert [r.url for r in digest.related if r.kind == "story"] == [ferry]
    wire = load_digest(database.db, int(_row(database, ferry)["id"]))
    assert wire is not None and [r.url for r in wire.related if r.kind == "story"] == [late]
    assert _outbox(database) == queued  # no second push


async def test_a_recovered_page_that_matches_nothing_keeps_its_story(
        database: Database, settings: Settings, site: SampleSite) -> None:
    late = await _channel_feed_only(database, settings, site, UNIQUE_EVENT, NOW)
    before = _story(database, late)
    stories_before = database.db.execute("select count(*) from stories").fetchone()[0]
    queued = _outbox(database)
    assert len(queued) == 1
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert summary.pages_recovered == 1
    assert _story(database, late) == before
    assert database.db.execute("select count(*) from stories").fetchone()[0] == stories_before
    row = stories_row(database.db, before)
    assert row is not None and row["article_count"] == 1
    assert _outbox(database) == queued


async def test_a_report_left_in_the_old_story_no_longer_links_the_recovered_one(
        database: Database, settings: Settings, site: SampleSite) -> None:
    from digests.archive import get_article
    from digests.digest import store_digest
    from digests.story_rows import refresh_story

    late = await _channel_feed_only(database, settings, site, FERRY_CHANNEL,
                                    NOW - timedelta(hours=1))
    festival = site.url("/wire/festival.html")
    festival_id = int(_row(database, festival)["id"])
    alone, was = _story(database, late), _story(database, festival)
    # Say the festival report had been put with the feed-only one (as a summary can mislead).
    with database.transaction() as sql:
        sql.execute("update articles set story_id = ? where id = ?", [alone, festival_id])
        refresh_story(sql, alone)
        refresh_story(sql, was)
        member = get_article(sql, festival_id)
        assert member is not None
        store_digest(sql, member, StoreContext(NOW, settings))
    linked = load_digest(database.db, festival_id)
    assert linked is not None and [r.url for r in linked.related if r.kind == "story"] == [late]

    await poll_once(database, settings, now=NOW + timedelta(minutes=16), only_due=False)
    assert _story(database, late) == _story(database, site.url("/wire/ferry.html"))
    assert _story(database, festival) == alone
    kept = load_digest(database.db, festival_id)
    assert kept is not None and late not in [r.url for r in kept.related]


async def test_a_recovered_pages_waiting_delivery_follows_its_new_story(
        database: Database, settings: Settings, site: SampleSite) -> None:
    """The feed-only report was queued for two chats under its own story. On recovery it joins the
    ferry's story: the chat that already has that story skips it (never twice), the other chat's
    row now names the ferry's story (so a later ferry report is not sent to it again)."""
    late = await _channel_feed_only(database, settings, site, FERRY_CHANNEL,
                                    NOW - timedelta(hours=1))
    ferry = _story(database, site.url("/wire/ferry.html"))
    late_id = int(_row(database, late)["id"])
    alone = _story(database, late)
    upsert_chat(database, 43, now=NOW)
    with database.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                   " values (43, ?, ?, 'instant', ?)", [alone, late_id, iso(NOW)])
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status, created_at)"
                   " values (42, ?, null, 'push:1', 'sent', ?)", [ferry, iso(NOW)])
    await poll_once(database, settings, now=NOW + timedelta(minutes=16), only_due=False)
    assert _story(database, late) == ferry
    rows = {r[0]: r[1:] for r in database.db.execute(
        "select chat_id, story_id, status from outbox where article_id = ?", [late_id])}
    assert rows == {42: (alone, "skipped"), 43: (ferry, "pending")}


# ---------------------------------------------------------------------------------------------
# Pages gone for good (QA10 F10): 404/410 are never retried nor sent; the article stays searchable


@pytest.mark.parametrize("status", [404, 410])
async def test_a_page_gone_at_its_first_fetch_is_stored_searchable_and_never_sent(
        database: Database, settings: Settings, site: SampleSite, status: int) -> None:
    from digests import push_queue

    article_id = await _first_feed_only(database, settings, site, Response(status=status))
    row = _row(database, site.url(SEED))
    assert row["page_status"] == "gone" and row["page_retry_at"] is None
    assert f"HTTP {status}" in str(row["page_error"])
    assert _outbox(database) == []  # chat 42 follows «ماكرون»: no instant alert of a dead link
    assert article_id in {h.digest.article_id for h in search(database.db, "ماكرون",
                                                              now=NOW).hits}
    for later in (timedelta(minutes=16), timedelta(hours=3)):  # never fetched again
        summary = await poll_once(database, settings, now=NOW + later, only_due=False)
        assert summary.pages_retried == 0
    assert site.hits(SEED) == 1
    topic = push_queue.enqueue_push(database, topic="ماكرون", now=NOW)
    assert topic.stories == 0 and _outbox(database) == []
    upsert_chat(database, 7, now=NOW)
    subscribe(database, 7, "", now=NOW)  # the general digest
    general = push_queue.enqueue_push(database, topic=None, now=NOW)
    assert general.stories == 1  # the other (live) report, not the dead one
    assert [a for _, a, _ in _outbox(database)] == [int(_row(database, site.url(OTHER))["id"])]


async def test_a_page_that_goes_away_at_a_retry_is_marked_gone_and_its_alert_skipped(
        database: Database, settings: Settings, site: SampleSite) -> None:
    """A 503 at first: the article is feed-only, queued for the reader and retried. The retry
    gets 404: no more tries, and the alert still waiting is skipped with the reason (its story
    has no other report to send instead)."""
    article_id = await _first_feed_only(database, settings, site, Response(status=503))
    assert _outbox(database) == [(42, article_id, "instant")]
    site.add_route(SEED, Response(status=404))
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert (summary.pages_retried, summary.pages_recovered) == (1, 0)
    row = _row(database, site.url(SEED))
    assert (row["page_status"], row["page_retry_at"]) == ("gone", None)
    assert "HTTP 404" in str(row["page_error"]) and row["page_attempts"] == 0  # not a try
    [(status, error)] = database.db.execute("select status, last_error from outbox").fetchall()
    assert status == "skipped" and "404/410" in error
    await poll_once(database, settings, now=NOW + timedelta(hours=3), only_due=False)
    assert site.hits(SEED) == 2
    assert article_id in {h.digest.article_id for h in search(database.db, "ماكرون",
                                                              now=NOW).hits}


@pytest.mark.parametrize("failing", [Response(status=500), Response(status=403),
                                     Response(status=429)], ids=["500", "403", "429"])
async def test_other_failures_stay_retried_and_sent(
        database: Database, settings: Settings, site: SampleSite, failing: Response) -> None:
    """Only 404/410 say a page is gone: a 5xx, a refusal or a rate limit stays feed-only,
    retried and pushed as before."""
    article_id = await _first_feed_only(database, settings, site, failing)
    row = _row(database, site.url(SEED))
    assert row["page_status"] == "feed_only" and row["page_retry_at"] is not None
    assert _outbox(database) == [(42, article_id, "instant")]


async def test_a_page_over_the_size_cap_stays_retried_and_sent(
        database: Database, settings: Settings, site: SampleSite) -> None:
    small = settings.replace(max_body_bytes=2_000)
    site.add_route("/rf.xml", _rss(site, [(OTHER, "دوما", _rfc822(NOW - timedelta(days=7)))]))
    add_source(database, site.url("/rf.xml"), settings=small, now=ADDED)
    await poll_once(database, small, now=NOW)
    upsert_chat(database, 42, now=NOW)
    subscribe(database, 42, "ماكرون", now=NOW)
    site.add_route("/rf.xml", _rss(site, [(OTHER, "دوما", _rfc822(NOW - timedelta(days=7))),
                                          (SEED, SEED_TITLE, _rfc822(NOW - timedelta(hours=1)))]))
    await poll_once(database, small, now=NOW, only_due=False)
    row = _row(database, site.url(SEED))
    assert row["page_status"] == "feed_only" and "cap" in str(row["page_error"])
    assert row["page_retry_at"] is not None
    assert _outbox(database) == [(42, int(row["id"]), "instant")]


def test_the_migration_marks_stored_404_and_410_pages_gone(settings: Settings) -> None:
    path = settings.database_path
    due = "2026-11-29T23:00:00+00:00"
    url = "http://feeds.example/{}"
    errors = {
        "r404": "رفض الخادم الطلب HTTP 404 / HTTP 404: {} (محاولة 1 من 3 / retry 1 of 3)",
        "r410": "رفض الخادم الطلب HTTP 410 / HTTP 410: {}",
        "r403": "رفض الخادم الطلب HTTP 403 / HTTP 403: {}",
        "r500": "خطأ مؤقت من الخادم HTTP 500 / server error HTTP 500: {}"}
    with archive_before(path, "019_gone_pages") as old:
        with old.transaction() as sql:
            sql.execute("insert into sources (id, url, name, added_at) values"
                        " (1, 'http://feeds.example/rss', 'مصدر', '2018-01-01T00:00:00+00:00')")
            for name, error in errors.items():
                sql.execute("insert into articles (source_id, url, url_key, content_hash,"
                            " page_status, page_error, page_retry_at, fetched_at, updated_at)"
                            " values (1, ?, ?, ?, 'feed_only', ?, ?, ?, ?)",
                            [url.format(name), url.format(name), name,
                             error.format(url.format(name)), due, due, due])
            sql.execute("insert into chats (id, created_at) values (42, ?)", [due])
            sql.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                        " values (42, -1, 1, 'instant', ?)", [due])
    with Database(path) as reopened:
        got = {r[0].rsplit("/", 1)[1]: (r[1], r[2]) for r in reopened.db.execute(
            "select url, page_status, page_retry_at from articles").fetchall()}
        outbox_row = reopened.db.execute("select status from outbox").fetchone()[0]
    assert got == {"r404": ("gone", None), "r410": ("gone", None),
                   "r403": ("feed_only", due), "r500": ("feed_only", due)}
    assert outbox_row == "skipped"  # its alert was still waiting: nothing live to send


async def test_through_the_bot_a_dead_page_is_not_pushed_nor_in_digest_but_found(
        tmp_path: Path) -> None:
    """QA10 F10 as it was seen: a feed lists a story whose page answers 404, one whose page is
    over the size cap and one that reads fine. After /ingest, «/push الحسيمة» sends the
    follower the two live ones (the over-cap one is retried later, so it stays), not the dead
    one; /digest leaves it out too; a search still finds it."""
    from botkit import ADMIN, READER, running_bot, sample_db

    from digests import sources

    now = datetime.now(timezone.utc)
    quake = ("زلزال بقوة خمس درجات يضرب الحسيمة شمال المغرب",
             ["قال المعهد الوطني للجيوفيزياء إن زلزالا بقوة خمس درجات ضرب الحسيمة فجر اليوم.",
              "وأضاف أن السكان خرجوا إلى الشوارع ولم تسجل أضرار كبيرة في المباني."])
    dead = "مهرجان الموسيقى في الحسيمة يفتتح دورته العاشرة"
    big = "إضراب عمال الميناء في الحسيمة لليوم الثالث"
    with SampleSite() as site:
        _page(site, "/h/quake.html", quake, now - timedelta(hours=1))
        site.add_route("/h/dead.html", Response(status=404))
        site.add_route("/h/big.html", Response(body=b"<html>" + b"x" * 300_000 + b"</html>"))
        site.add_route("/h.xml", _feed(site, [
            ("/h/quake.html", quake[0], "زلزال في الحسيمة", now - timedelta(hours=1)),
            ("/h/dead.html", dead, "مهرجان في الحسيمة", now - timedelta(hours=2)),
            ("/h/big.html", big, "إضراب في الحسيمة", now - timedelta(hours=3))]))
        async with running_bot(sample_db(tmp_path), max_body_bytes=200_000) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the sample template's site is gone
            await h.say(ADMIN, f"/addsource {site.url('/h.xml')}")
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            status = dict(h.db.db.execute("select title, page_status from articles"
                                          " where title in (?, ?, ?)", [quake[0], dead, big]))
            assert status == {quake[0]: "ok", dead: "gone", big: "feed_only"}
            await h.say(READER, "/subscribe الحسيمة")
            await h.say(ADMIN, "/push الحسيمة")
            await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
            pushed = h.emu.messages(READER)[-1].plain_text
            assert "الحسيمة" in pushed and quake[0] in pushed and big in pushed
            assert dead not in pushed
            got = await h.say(READER, "/digest")
            assert dead not in "\n".join(m.plain_text for m in got)
            [found] = await h.say(READER, "الحسيمة")
            assert dead in found.plain_text


# ---------------------------------------------------------------------------------------------
# Links refused as malformed (QA15): refused before any I/O and the same on every try — no retry


async def test_a_malformed_link_gets_no_retry(database: Database, settings: Settings,
                                              site: SampleSite) -> None:
    """An entry whose link has a malformed host, and one whose page redirects to such a host,
    are stored feed-only with the plain reason, and no retry is scheduled for either."""
    site.add_route("/redir", redirect("http://xn--zz/y", 302))
    bad = "http://xn--zz/y"
    items = "".join(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                    f"<pubDate>{_rfc822(NOW - timedelta(hours=hours))}</pubDate></item>"
                    for link, title, hours in ((site.url(OTHER), "دوما", 2),
                                               (site.url("/redir"), "تحويل", 1),
                                               (bad, "مكسور", 0)))
    site.add_route("/rf.xml", Response(
        body=f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(),
        content_type="application/rss+xml; charset=utf-8"))
    add_source(database, site.url("/rf.xml"), settings=settings, now=ADDED)
    assert (await poll_once(database, settings, now=NOW)).new == 3
    for url, words in ((bad, "اسم المضيف مكتوب خطأ / malformed host name"),
                       (site.url("/redir"), "يحوّل إلى اسم مضيف مكتوب خطأ")):
        row = _row(database, url)
        assert row["page_status"] == "feed_only" and words in str(row["page_error"]), row
        assert row["page_retry_at"] is None and not row["page_attempts"], row
    assert _row(database, site.url(OTHER))["page_status"] == "ok"
    later = await poll_once(database, settings, now=NOW + timedelta(hours=3), only_due=False)
    assert later.pages_retried == 0 and site.hits("/redir") == 1


async def test_a_retry_that_meets_a_malformed_link_is_the_last(
        database: Database, settings: Settings, site: SampleSite) -> None:
    """A 503 at first (retried); the page then redirects to a malformed host: given up at once,
    not tried twice more. So is a malformed-link row an older version had scheduled."""
    await _first_feed_only(database, settings, site, Response(status=503))
    site.add_route(SEED, redirect("http://xn--/feed", 302))
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=16),
                              only_due=False)
    assert summary.pages_retried == 1
    row = _row(database, site.url(SEED))
    assert row["page_retry_at"] is None and row["page_attempts"] == 1
    assert "giving up" in str(row["page_error"]) and "مكتوب خطأ" in str(row["page_error"])
    await poll_once(database, settings, now=NOW + timedelta(days=1), only_due=False)
    assert site.hits(SEED) == 2


def test_is_malformed_reads_the_fetchers_and_the_address_checks_words() -> None:
    from digests.fetch_failures import invalid_url

    assert retries.is_malformed(str(invalid_url("http://xn--/x", detail="x")))
    assert retries.is_malformed("رابط غير صالح (http أو https فقط): ftp://a / not an http(s) URL")
    for other in (None, "", "خطأ مؤقت من الخادم HTTP 503 / server error HTTP 503: http://a/",
                  "انتهت المهلة / timed out: http://a/"):
        assert not retries.is_malformed(other)
