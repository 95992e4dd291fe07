"""digests.live_links on real SQLite files: "story" and "archive" links to a page gone for good
(HTTP 404/410) are replaced by a live report of the same story as they are shown, or dropped.

The articles are test_related's, written for the tests (not corpus text), stored and digested
through the real ingest steps.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import timedelta
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from test_related import BAN_LIFTED, BAN_TITLES, CELEBRATION, NOW, add, load

from digests.digest import load_digest
from digests.live_links import live_related, replace_gone
from digests.models import Digest, RelatedItem, iso
from digests.retries import GONE
from digests.storage import Database
from digests.urls import url_key


def _story_links(digest: Digest) -> list[str]:
    return [r.url for r in digest.related if r.kind == "story"]


def _gone(db: Database, *ids: int) -> None:
    with db.transaction() as tx:
        for n in ids:
            tx.execute("update articles set page_status = ? where id = ?", [GONE, n])


def test_a_story_link_to_a_gone_page_becomes_the_newest_live_report(database: Database) -> None:
    """A stored digest keeps its links after a page goes (404/410): the reader gets the story's
    newest live report from another source in its place, or no link when none is live."""
    a = add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=3, story_id=60, source=1)
    b = add(database, 3, BAN_TITLES[1], BAN_LIFTED, days_ago=2.9, story_id=60, source=2)
    c = add(database, 4, BAN_TITLES[2], BAN_LIFTED, days_ago=2.8, story_id=60, source=3)
    first = load_digest(database.db, a.id)
    assert first is not None and _story_links(first) == [b.url, c.url]
    # a later report of source 2, stored without re-linking a's digest
    later = add(database, 5, "فيفا يرفع الحظر عن الملاعب العراقية", BAN_LIFTED, days_ago=2.5,
                story_id=60, source=2, steps=False)
    first = load_digest(database.db, a.id)
    assert first is not None
    assert replace_gone(database.db, [first])[0] is first  # nothing gone: the same digest
    _gone(database, b.id)
    [live] = live_related(database.db, [first])
    assert _story_links(live) == [later.url, c.url]  # in b's place, nothing else moved
    assert [r.kind for r in live.related] == [r.kind for r in first.related]
    assert live.related[0].title == "فيفا يرفع الحظر عن الملاعب العراقية"
    # c linked b and a: b's place goes to the newest live report c does not link yet
    third = load_digest(database.db, c.id)
    assert third is not None and set(_story_links(third)) >= {a.url, b.url}
    assert set(_story_links(live_related(database.db, [third])[0])) == {a.url, later.url}
    # no live report left from another source than a's, not linked already: no link at all
    _gone(database, later.id)
    [live] = live_related(database.db, [first])
    assert _story_links(live) == [c.url]
    _gone(database, c.id)
    assert _story_links(live_related(database.db, [first])[0]) == []


def test_a_gone_story_link_is_never_the_article_itself_nor_its_own_source(
        database: Database) -> None:
    a = add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=3, story_id=60, source=1)
    b = add(database, 3, BAN_TITLES[1], BAN_LIFTED, days_ago=2.9, story_id=60, source=2)
    # the story's newest live report is of a's own source: not a "same story elsewhere" link
    add(database, 4, "فيفا يرفع الحظر عن ملاعب العراق رسميا", BAN_LIFTED, days_ago=1,
        story_id=60, source=1)
    _gone(database, b.id)
    first = load_digest(database.db, a.id)
    assert first is not None and b.url in _story_links(first)
    assert _story_links(live_related(database.db, [first])[0]) == []
    # an archive or page link is left as it is, and so is a digest of another story
    other = add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
                story_id=70, source=3)
    digest = load_digest(database.db, other.id)
    assert digest is not None
    assert live_related(database.db, [digest]) == [digest]


@cache
def _empty_archive() -> Path:
    """A migrated database with three sources, made once and copied for each example."""
    path = Path(tempfile.mkdtemp(prefix="nashra-related-")) / "template.db"
    with Database(path) as db:
        for n in (1, 2, 3):
            db.db.execute("insert into sources (id, url, name, added_at) values (?, ?, ?, ?)",
                          [n, f"https://s{n}.example/feed", f"مصدر {n}", iso(NOW)])
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@hypothesis_settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.integers(1, 3), st.booleans()), min_size=1, max_size=7),
       st.integers(1, 3), st.randoms(use_true_random=False))
def test_live_story_links_invariants(reports: list[tuple[int, bool]], own_source: int,
                                     rnd: random.Random) -> None:
    """Whatever the story's reports (sources, pages gone): no story link to a gone page, no
    self-link or repeat; links that were live stay in place; each gone one is replaced while a
    live report of another source than the article's own is not linked yet."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copyfile(_empty_archive(), Path(folder) / "nashra.db")
        db = Database(Path(folder) / "nashra.db")
        rows = [(1, own_source, False)] + [(i + 2, s, g) for i, (s, g) in enumerate(reports)]
        with db.transaction() as tx:
            for article_id, source, is_gone in rows:
                page = f"https://s{source}.example/a/{article_id}"
                tx.table("articles").insert({
                    "id": article_id, "source_id": source, "url": page, "url_key": url_key(page),
                    "content_hash": f"h{article_id}", "title": f"خبر {article_id}",
                    "published_at": iso(NOW - timedelta(hours=article_id)),
                    "fetched_at": iso(NOW), "updated_at": iso(NOW), "story_id": 7,
                    "page_status": GONE if is_gone else "ok"})
        linked = [r for r in rows[1:] if r[1] != own_source]
        rnd.shuffle(linked)
        linked = linked[:rnd.randint(0, len(linked))]
        url = {a: f"https://s{s}.example/a/{a}" for a, s, _ in rows}
        digest = Digest(url=url[1], source="م", headline="خبر", published_at=NOW,
                        related=tuple(RelatedItem(f"خبر {a}", url[a], NOW, "story")
                                      for a, _, _ in linked), story_id=7, article_id=1)
        [live] = live_related(db.db, [digest])
        db.close()
    gone = {url[a] for a, _, g in rows if g}
    got = [r.url for r in live.related]
    assert not gone & set(got) and url[1] not in got and len(got) == len(set(got))
    kept = [url[a] for a, _, g in linked if not g]
    assert [u for u in got if u in kept] == kept  # the live ones, in their order
    by_url = {url[a]: s for a, s, _ in rows}
    assert all(by_url[u] != own_source for u in got)
    spare = {url[a] for a, s, g in rows[1:] if not g and s != own_source} - set(kept)
    n_gone = sum(1 for _, _, g in linked if g)
    assert len(got) == len(kept) + min(n_gone, len(spare))


def test_an_archive_link_to_a_gone_page_becomes_earlier_live_coverage(database: Database) -> None:
    """An "archive" link (earlier coverage) to a page gone since is replaced by the newest live
    report of that link's story published before the article — never a later one — or dropped."""
    add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=5, story_id=60, source=1)
    add(database, 3, BAN_TITLES[1], BAN_LIFTED, days_ago=4.9, story_id=60, source=2)
    seed = add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
               story_id=70, source=3)
    # the same story reported again after the article: no "earlier coverage"
    later = add(database, 4, "فيفا يرفع الحظر عن الملاعب العراقية", BAN_LIFTED, days_ago=0.5,
                story_id=60, source=1, steps=False)
    digest = load_digest(database.db, seed.id)
    assert digest is not None
    archive = [r.url for r in digest.related if r.kind == "archive"]
    urls = {n: load(database.db, n).url for n in (2, 3)}
    assert len(archive) == 1 and archive[0] in urls.values()
    linked = next(n for n, u in urls.items() if u == archive[0])
    other = 5 - linked
    _gone(database, linked)
    [live] = live_related(database.db, [digest])
    assert [(r.kind, r.url) for r in live.related if r.kind == "archive"] == [
        ("archive", urls[other])]
    _gone(database, other)
    [live] = live_related(database.db, [digest])
    assert [r for r in live.related if r.kind == "archive"] == []
    assert later.url not in [r.url for r in live.related]
