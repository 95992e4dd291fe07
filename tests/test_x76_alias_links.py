"""QA50 E2: an article a site posts under two addresses is stored once, and its second address
(an alias, digests.article_aliases) is the article itself: a related link to it is a self-link,
dropped from the stored digest, from what the bot shows and from `digest --json`.

The sample site publishes the seed article again in another section, and each page's «مواضيع
ذات صلة» block links to the other copy (as France 24 and CNN pages do). A real poll stores the
seed once and records the second address; the stored related links, the bot's answer to the
pasted address (real PTB, emulator) and `run.py digest --json` must not list either address.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from botkit import READER, running_bot

from cli.main import main
from digests.article_aliases import aliased_id, record_alias
from digests.digest import find_article, load_digest
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.urls import url_key

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
HEADLINE = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
SEED = "ghouta-macron-rouhani"
TWIN = "ghouta-macron-rouhani-world"


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        seed = next(a for a in running.articles if a.get("seed"))
        assert seed["slug"] == SEED
        running.publish(slug=TWIN, feed="world", title=seed["title"],
                        paragraphs=seed["paragraphs"], summary=seed["summary"],
                        author=seed["author"],
                        published=datetime.fromisoformat(seed["published"]))
        twin = next(a for a in running.articles if a["slug"] == TWIN)
        stamp = "2018-03-12 10:00:00"
        # each copy's related block links to the other copy, first
        seed["related"] = [{"title": seed["title"], "slug": TWIN, "published": stamp},
                           *seed["related"]]
        twin["related"] = [{"title": seed["title"], "slug": SEED, "published": stamp},
                           *seed["related"][1:]]
        twin["related_heading"] = seed["related_heading"]
        running.publish(slug="weather", feed="economy", title="طقس بارد في عمان اليوم",
                        paragraphs=["قالت دائرة الأرصاد إن الطقس سيكون باردا اليوم."],
                        published=NOW)  # re-renders every page with the blocks above
        yield running


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "5")


def _settings(db_path: Path) -> Settings:
    return Settings(database_path=db_path, allow_private_sources=True, fetch_timeout_seconds=5.0)


def _both(site: SampleSite) -> set[str]:
    return {url_key(site.article_url(SEED)), url_key(site.article_url(TWIN))}


async def _ingest(site: SampleSite, db_path: Path) -> int:
    settings = _settings(db_path)
    db = Database(db_path)
    try:
        for feed in site.feed_urls:
            add_source(db, feed, settings=settings, now=NOW)
        await poll_once(db, settings, now=NOW, only_due=False)
        rows = db.db.execute("select id, url from articles where title = ?",
                             [HEADLINE]).fetchall()
        assert len(rows) == 1  # stored once
        other = next(iter(_both(site) - {url_key(rows[0][1])}))
        assert aliased_id(db.db, other) == rows[0][0]  # the second address is recorded
        return int(rows[0][0])
    finally:
        db.close()


async def test_an_alias_is_no_related_link_of_its_own_article(
        site: SampleSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "nashra.db"
    article_id = await _ingest(site, db_path)
    db = Database(db_path)
    try:
        stored = load_digest(db.db, article_id)
        assert stored is not None
        keys = {url_key(r.url) for r in stored.related}
        assert not keys & _both(site), stored.related  # the stored digest
        assert stored.related  # the block's other links are kept
        url = stored.url
    finally:
        db.close()
    for address in (site.article_url(SEED), site.article_url(TWIN)):
        assert main(["digest", address, "--json", "--db", str(db_path)]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["url"] == url
        assert not {url_key(r["url"]) for r in data["related"]} & _both(site)
        assert data["related"]
    async with running_bot(db_path) as h:
        for address in (site.article_url(SEED), site.article_url(TWIN)):
            [answer] = await h.say(READER, address)
            assert HEADLINE in answer.plain_text
            hrefs = {url_key(html.unescape(u)) for u in re.findall(r'href="([^"]+)"', answer.text)}
            assert hrefs  # the other related links are shown
            assert not hrefs & (_both(site) - {url_key(url)}), answer.text
            assert HEADLINE not in answer.plain_text.replace(HEADLINE, "", 1)  # once


async def test_a_digest_stored_before_its_alias_was_known_shows_no_self_link(
        site: SampleSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A digest written while the second address was not yet known (an archive from before
    migration 034, or an older digest): recording the alias cleans its stored links, and
    what a reader is shown is cleaned even when the stored row was not."""
    db_path = tmp_path / "nashra.db"
    article_id = await _ingest(site, db_path)
    db = Database(db_path)
    try:
        other = db.db.execute("select url from article_aliases where article_id = ?",
                              [article_id]).fetchone()[0]
        related = json.loads(db.db.execute(
            "select digest_related_json from articles where id = ?",
            [article_id]).fetchone()[0])
        link = {"title": HEADLINE, "url": other, "published_at": None, "kind": "page"}
        # as an older digest stored it, with the alias unknown
        db.db.execute("delete from article_aliases")
        db.db.execute("update articles set digest_related_json = ? where id = ?",
                      [json.dumps([link, *related], ensure_ascii=False), article_id])
        with db.transaction() as sql:
            assert record_alias(sql, other, article_id, NOW)
        stored = json.loads(db.db.execute(
            "select digest_related_json from articles where id = ?",
            [article_id]).fetchone()[0])
        assert [r["url"] for r in stored] == [r["url"] for r in related]
        # a row the record did not clean (written after it): shown without the self-link
        db.db.execute("update articles set digest_related_json = ? where id = ?",
                      [json.dumps([link, *related], ensure_ascii=False), article_id])
        found = find_article(db.db, other)
        assert found is not None and found.id == article_id
    finally:
        db.close()
    assert main(["digest", other, "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["url"] for r in data["related"]] == [r["url"] for r in related]
