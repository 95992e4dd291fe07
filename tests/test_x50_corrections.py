"""Brief X50 (1), QA32 R5: an article a site corrects in place (same GUID and link, a new title,
summary or page) is read again by the poll: its row, search entry, digest and story headline
take the new text in one transaction, its story stays, and nobody is sent it again. Bounded per
source and poll; a page that fails keeps the old text and is tried at the next poll; articles
stored before migration 037 only record what the feed says. Real local news site, real poller,
real SQLite with every processing step."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from digests import entry_changes
from digests.digest import load_digest
from digests.models import FeedEntry
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.search import search
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.story_rows import stories_row
from digests.subscriptions import subscribe, upsert_chat

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
OLD_TITLE = "مقتل عشرة مدنيين في قصف على بلدة الطاحونة"
NEW_TITLE = "مقتل أربعين مدنيا في قصف على بلدة الطاحونة"
OLD_BODY = ["قال الدفاع المدني إن عشرة مدنيين قتلوا في قصف على بلدة الطاحونة فجر اليوم.",
            "وأضاف أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت أنقاض المباني."]
NEW_BODY = ["قال الدفاع المدني إن أربعين مدنيا قتلوا في قصف على بلدة الطاحونة فجر اليوم.",
            "وأضاف أن الجرحى نقلوا إلى المستشفى الميداني في الكاتدرائية القديمة."]


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite(with_sample=False) as running:
        yield running


def _page(title: str, paragraphs: list[str]) -> Response:
    html = render_page({"title": title, "published": (NOW - timedelta(hours=1)).isoformat(),
                        "paragraphs": paragraphs, "author": "مراسل"}, "")
    return Response(body=html.encode(), content_type="text/html; charset=utf-8")


def _rss(site: SampleSite, items: list[tuple[str, str]], *, hours: float = 1.0) -> Response:
    body = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link><guid>{path}</guid>"
        f"<description>ملخص: {title}</description>"
        f"<pubDate>{NOW - timedelta(hours=hours, minutes=i):%a, %d %b %Y %H:%M:%S GMT}</pubDate>"
        f"</item>" for i, (path, title) in enumerate(items))
    return Response(body=f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
                    .encode(), content_type="application/rss+xml; charset=utf-8")


def _row(database: Database, path: str, site: SampleSite) -> dict[str, Any]:
    [row] = database.db.query("select * from articles where url = ?", [site.url(path)])
    return row


def _outbox(database: Database) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in database.db.execute(
        "select chat_id, article_id, story_id, kind from outbox order by id").fetchall()]


def _hits(database: Database, query: str) -> set[int]:
    return {h.digest.article_id for h in search(database.db, query, now=NOW).hits}


async def _stored_news(database: Database, settings: Settings, site: SampleSite) -> int:
    """A known source's poll stores the toll article as news: a reader following «الطاحونة»
    is queued it once."""
    site.add_route("/other.html", _page("خبر قديم عن الطقس", ["أمطار غزيرة على الساحل."]))
    site.add_route("/f.xml", _rss(site, [("/other.html", "خبر قديم عن الطقس")], hours=30))
    # added before its news: what was published before is its backlog (QA77-1)
    add_source(database, site.url("/f.xml"), settings=settings, now=NOW - timedelta(hours=6))
    assert (await poll_once(database, settings, now=NOW)).new == 1  # first poll: backfill
    upsert_chat(database, 42, now=NOW)
    subscribe(database, 42, "الطاحونة", now=NOW)
    site.add_route("/toll.html", _page(OLD_TITLE, OLD_BODY))
    site.add_route("/f.xml", _rss(site, [("/toll.html", OLD_TITLE),
                                         ("/other.html", "خبر قديم عن الطقس")]))
    assert (await poll_once(database, settings, now=NOW, only_due=False)).new == 1
    return int(_row(database, "/toll.html", site)["id"])


async def test_a_corrected_toll_is_read_again_and_nobody_is_sent_it_twice(
        database: Database, settings: Settings, site: SampleSite) -> None:
    article_id = await _stored_news(database, settings, site)
    queued = _outbox(database)
    assert [(chat, art) for chat, art, _, _ in queued] == [(42, article_id)]
    before = _row(database, "/toll.html", site)
    assert before["feed_hash"] and before["title"] == OLD_TITLE
    assert article_id in _hits(database, "الطاحونة")
    hits = site.hits("/toll.html")

    # the same poll again: nothing changed, the page is not fetched again
    await poll_once(database, settings, now=NOW + timedelta(minutes=20), only_due=False)
    assert site.hits("/toll.html") == hits

    # the site corrects the toll: same link and GUID, new title, summary and page
    site.add_route("/toll.html", _page(NEW_TITLE, NEW_BODY))
    site.add_route("/f.xml", _rss(site, [("/toll.html", NEW_TITLE),
                                         ("/other.html", "خبر قديم عن الطقس")]))
    summary = await poll_once(database, settings, now=NOW + timedelta(minutes=40),
                              only_due=False)
    assert summary.new == 0 and site.hits("/toll.html") == hits + 1
    after = _row(database, "/toll.html", site)
    assert after["id"] == article_id and after["title"] == NEW_TITLE
    assert "أربعين مدنيا" in after["body"] and "عشرة" not in after["body"]
    assert after["summary"] == f"ملخص: {NEW_TITLE}"
    assert after["content_hash"] != before["content_hash"]
    assert after["feed_hash"] != before["feed_hash"]
    assert after["story_id"] == before["story_id"]  # the story is kept
    assert after["published_at"] == before["published_at"]
    # the search index holds the new text only
    assert article_id in _hits(database, "الكاتدرائية")
    assert article_id not in _hits(database, "أنقاض")
    # the digest and the story's headline are made again from it
    digest = load_digest(database.db, article_id)
    assert digest is not None and "أربعين" in digest.headline and "عشرة" not in digest.headline
    story = stories_row(database.db, int(after["story_id"]))
    assert story is not None and "أربعين" in str(story["headline"])
    # no new delivery: the reader had it once
    assert _outbox(database) == queued
    assert database.db.execute("select count(*) from articles").fetchone()[0] == 2

    # read once: the next poll of the same feed fetches nothing again
    await poll_once(database, settings, now=NOW + timedelta(hours=1), only_due=False)
    assert site.hits("/toll.html") == hits + 1


async def test_a_failed_page_keeps_the_old_text_and_is_tried_at_the_next_poll(
        database: Database, settings: Settings, site: SampleSite) -> None:
    article_id = await _stored_news(database, settings, site)
    site.add_route("/toll.html", Response(status=503))
    site.add_route("/f.xml", _rss(site, [("/toll.html", NEW_TITLE),
                                         ("/other.html", "خبر قديم عن الطقس")]))
    await poll_once(database, settings, now=NOW + timedelta(minutes=20), only_due=False)
    row = _row(database, "/toll.html", site)
    assert row["title"] == OLD_TITLE and "عشرة مدنيين" in row["body"]  # kept
    assert row["page_status"] == "ok"
    site.add_route("/toll.html", _page(NEW_TITLE, NEW_BODY))  # the site answers again
    await poll_once(database, settings, now=NOW + timedelta(minutes=40), only_due=False)
    row = _row(database, "/toll.html", site)
    assert row["id"] == article_id and row["title"] == NEW_TITLE
    assert article_id in _hits(database, "الكاتدرائية")


async def test_rereads_are_bounded_per_poll_and_the_rest_come_next_poll(
        database: Database, settings: Settings, site: SampleSite,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_changes, "REREADS_PER_POLL", 3)
    paths = [f"/n{i}.html" for i in range(5)]
    for i, path in enumerate(paths):
        site.add_route(path, _page(f"خبر رقم {i} عن الطاحونة", [f"نص أول للخبر {i}."]))
    site.add_route("/f.xml", _rss(site, [(p, f"خبر رقم {i} عن الطاحونة")
                                         for i, p in enumerate(paths)]))
    # added before its news: what was published before is its backlog (QA77-1)
    add_source(database, site.url("/f.xml"), settings=settings, now=NOW - timedelta(hours=6))
    assert (await poll_once(database, settings, now=NOW)).new == 5
    for i, path in enumerate(paths):  # a storm: every entry corrected at once
        site.add_route(path, _page(f"خبر مصحح رقم {i} عن الطاحونة", [f"نص مصحح للخبر {i}."]))
    site.add_route("/f.xml", _rss(site, [(p, f"خبر مصحح رقم {i} عن الطاحونة")
                                         for i, p in enumerate(paths)]))

    def corrected() -> list[str]:
        return [p for p in paths if "مصحح" in _row(database, p, site)["title"]]

    await poll_once(database, settings, now=NOW + timedelta(minutes=20), only_due=False)
    assert corrected() == paths[:3]  # the newest three
    # the feed's validators were not kept: the rest are read at the next poll
    await poll_once(database, settings, now=NOW + timedelta(minutes=40), only_due=False)
    assert corrected() == paths
    assert sum(site.hits(p) for p in paths) == 10


async def test_articles_stored_before_the_feed_hash_only_record_it_first(
        database: Database, settings: Settings, site: SampleSite) -> None:
    article_id = await _stored_news(database, settings, site)
    database.db.execute("update articles set feed_hash = null, feed_updated_at = null")
    hits = site.hits("/toll.html")
    site.add_route("/f.xml", _rss(site, [("/toll.html", NEW_TITLE),
                                         ("/other.html", "خبر قديم عن الطقس")]))
    await poll_once(database, settings, now=NOW + timedelta(minutes=20), only_due=False)
    row = _row(database, "/toll.html", site)
    assert site.hits("/toll.html") == hits and row["title"] == OLD_TITLE  # recorded, not read
    assert row["feed_hash"] == entry_changes.feed_hash(
        FeedEntry(url="", title=NEW_TITLE, summary=f"ملخص: {NEW_TITLE}"))
    assert row["id"] == article_id


def test_a_later_updated_date_is_a_change_unless_the_feed_stamps_all_its_entries() -> None:
    at = datetime(2018, 3, 1, 10, tzinfo=timezone.utc)
    entry = FeedEntry(url="http://x.test/a", title="t", summary="s", updated_at=at)
    known = entry_changes.Known(1, entry_changes.feed_hash(entry), at)
    assert not entry_changes.changed(entry, known)
    later = FeedEntry(url="http://x.test/a", title="t", summary="s",
                      updated_at=at + timedelta(minutes=5, microseconds=300))
    assert entry_changes.changed(later, known)
    assert not entry_changes.changed(later, known, trust_updated=False)
    same = FeedEntry(url="http://x.test/a", title="t", summary="s",
                     updated_at=at.replace(microsecond=400))
    assert not entry_changes.changed(same, known)  # stored to the second
    assert not entry_changes.changed(entry, entry_changes.Known(1, None, None))
    stamped = [FeedEntry(url=f"http://x.test/{i}", updated_at=at) for i in range(4)]
    assert not entry_changes.trusts_updated(stamped)
    dated = [FeedEntry(url=f"http://x.test/{i}", updated_at=at + timedelta(hours=i))
             for i in range(4)]
    assert entry_changes.trusts_updated(dated)


async def test_without_page_fetches_the_feeds_title_is_taken_and_the_body_kept(
        database: Database, settings: Settings, site: SampleSite) -> None:
    from digests.urls import content_hash

    article_id = await _stored_news(database, settings, site)
    hits = site.hits("/toll.html")
    site.add_route("/f.xml", _rss(site, [("/toll.html", NEW_TITLE),
                                         ("/other.html", "خبر قديم عن الطقس")]))
    offline = settings.replace(fetch_pages=False)
    await poll_once(database, offline, now=NOW + timedelta(minutes=20), only_due=False)
    row = _row(database, "/toll.html", site)
    assert site.hits("/toll.html") == hits
    assert row["title"] == NEW_TITLE and row["body"] == "\n".join(OLD_BODY)
    assert row["content_hash"] == content_hash(NEW_TITLE, row["body"])
    assert row["id"] == article_id and article_id in _hits(database, "أربعين")
