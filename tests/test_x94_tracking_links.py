"""QA63-2: an item whose link's query changes at every poll (utm_campaign + ref stamped per
request) was fetched again and added an article_aliases row at every poll, for ever; readers got
the utm link. Now the stored link has no tracking parameters, an entry of the same source with the
same title at the same page (the query aside) is that article, and the aliases are bounded.
Real polls against a site on 127.0.0.1, real feedparser and SQLite.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from pathlib import Path

from digests.archive import get_article
from digests.article_aliases import MAX_ALIASES, record_alias
from digests.pipeline import poll_once
from digests.samplesite import Request, Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.urls import url_key, without_tracking

NOW = datetime(2026, 12, 2, 2, 30, tzinfo=timezone.utc)
TITLE = "الرئيس يستقبل وفدا أوروبيا"
PAGE = (f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        "<p>استقبل الرئيس اليوم وفدا أوروبيا رفيعا لبحث العلاقات الثنائية والتعاون الاقتصادي"
        " بين البلدين في مجالات الطاقة والتجارة.</p></article></body></html>").encode()


def _feed_route(counter: itertools.count[int]) -> object:
    def route(request: Request) -> Response:
        tag = next(counter) * 7919 + 438975518
        link = f"/a1.html?utm_source=rss&amp;utm_campaign={tag}&amp;ref={tag}"
        body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موقع'
                f"</title><link>/</link><item><title>{TITLE}</title><link>{link}</link>"
                f"<guid>/a1.html?utm_campaign={tag}</guid>"
                "<pubDate>Wed, 02 Dec 2026 01:00:00 GMT</pubDate></item></channel></rss>")
        return Response(body=body.encode(), content_type="application/rss+xml")
    return route


async def test_a_link_stamped_anew_at_every_poll_is_fetched_once(
        database: Database, settings: Settings) -> None:
    counter = itertools.count()
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", _feed_route(counter))  # type: ignore[arg-type]
        site.add_route("/a1.html", Response(body=PAGE, content_type="text/html"))
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        for poll in range(5):
            await poll_once(database, settings, now=NOW + timedelta(minutes=15 * poll),
                            only_due=False)
        page_fetches = site.hits("/a1.html")
    aliases = database.db.execute("select count(*) from article_aliases").fetchone()[0]
    articles = database.db.execute("select count(*) from articles").fetchone()[0]
    assert (articles, aliases, page_fetches) == (1, 1, 2)  # was (1, 4, 5)
    article = get_article(database, 1)
    assert article is not None
    assert "utm_" not in article.url and article.url.endswith("/a1.html?ref=438975518")


def test_tracking_parameters_leave_a_link_and_only_they() -> None:
    link = "https://e.test/news/1?utm_source=rss&id=5&fbclid=x&gclid=RSS-3&b=2#top"
    assert without_tracking(link) == "https://e.test/news/1?id=5&b=2#top"
    assert without_tracking("https://e.test/a?id=5&b=2") == "https://e.test/a?id=5&b=2"
    assert url_key(without_tracking(link)) == url_key(link)


def test_aliases_of_one_article_are_bounded(database: Database) -> None:
    sql = database.db
    source = sql.table("sources").insert({"url": "http://e.test/f", "name": "م", "active": 1,
                                    "added_at": NOW.isoformat(),
                                    "consecutive_failures": 0}).last_pk
    article = sql.table("articles").insert({
        "source_id": source, "url": "http://e.test/a", "url_key": "http://e.test/a",
        "content_hash": "h", "title": TITLE, "published_at": NOW.isoformat(),
        "fetched_at": NOW.isoformat(), "updated_at": NOW.isoformat()}).last_pk
    assert isinstance(article, int)
    added = [record_alias(sql, f"http://e.test/a?v={n}", article, NOW)
             for n in range(MAX_ALIASES + 5)]
    assert added.count(True) == MAX_ALIASES
    count = sql.execute("select count(*) from article_aliases").fetchone()[0]
    assert count == MAX_ALIASES


async def test_the_migration_drops_tracking_from_stored_links(
        tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "old.db"
    with SampleSite(with_sample=False) as site, Database(path) as database:
        site.add_route("/feed.xml", _feed_route(itertools.count()))  # type: ignore[arg-type]
        site.add_route("/a1.html", Response(body=PAGE, content_type="text/html"))
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        await poll_once(database, settings, now=NOW)
        tracked = site.url("/a1.html?utm_source=rss&ref=7&fbclid=x")
        with database.transaction() as sql:  # as sessions up to 22 stored it
            key = sql.execute("select url_key from articles").fetchone()[0]
            sql.execute("update articles set url = ?, url_key = ?", [tracked, url_key(tracked)])
            sql.execute("delete from _migrations where name = '050_untracked_links'")
        assert url_key(tracked) != key  # «ref» is no tracking parameter: a key of its own
    with Database(path) as database:
        assert database.applied_migrations()[-1] == "050_untracked_links"
        url, stored_key = database.db.execute("select url, url_key from articles").fetchone()
    assert url == site.url("/a1.html?ref=7") and stored_key == url_key(url)
