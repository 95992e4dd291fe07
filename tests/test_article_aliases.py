"""One article under two addresses (QA25 E9): the sample site publishes the seed article in a
second section, the real poll stores it once and records the second address; `run.py digest`
and the bot (emulator) answer that address as the stored article — same digest, story and
related links — and the next poll does not fetch it again. Without the recorded address (an
archive ingested before migration 034) `run.py digest` finds the stored twin by its text.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from botkit import READER, running_bot

from cli.main import main
from digests.article_aliases import aliased_id, article_row_at, record_alias
from digests.digest import find_article, load_digest
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
HEADLINE = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
TWIN = "ghouta-macron-rouhani-world"


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        seed = next(a for a in running.articles if a.get("seed"))
        # the same page in another section (another feed), as France 24 and CNN publish
        running.publish(slug=TWIN, feed="world", title=seed["title"],
                        paragraphs=seed["paragraphs"], summary=seed["summary"],
                        author=seed["author"],
                        published=datetime.fromisoformat(seed["published"]))
        yield running


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "5")


def _settings(db_path: Path) -> Settings:
    return Settings(database_path=db_path, allow_private_sources=True, fetch_timeout_seconds=5.0)


async def _ingest(site: SampleSite, db_path: Path) -> tuple[str, str]:
    """Poll the site once; (the stored address of the seed, its second address)."""
    settings = _settings(db_path)
    db = Database(db_path)
    try:
        for feed in site.feed_urls:
            add_source(db, feed, settings=settings, now=NOW)
        await poll_once(db, settings, now=NOW, only_due=False)
        rows = db.db.execute("select url from articles where title = ?", [HEADLINE]).fetchall()
        assert len(rows) == 1  # stored once
        stored = rows[0][0]
        both = {site.article_url("ghouta-macron-rouhani"), site.article_url(TWIN)}
        assert stored in both
        return stored, next(iter(both - {stored}))
    finally:
        db.close()


def _json(capsys: pytest.CaptureFixture[str], url: str, db_path: Path) -> dict[str, object]:
    assert main(["digest", url, "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


async def test_the_second_address_is_recorded_and_answered_as_the_stored_article(
        site: SampleSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "nashra.db"
    stored, second = await _ingest(site, db_path)
    db = Database(db_path)
    try:
        article = find_article(db.db, stored)
        assert article is not None
        assert aliased_id(db.db, second) == article.id
        twin = find_article(db.db, second + "?utm_source=telegram")  # url_key: tracking dropped
        assert twin is not None and twin.id == article.id
        expected = load_digest(db.db, article.id)
        assert expected is not None
    finally:
        db.close()
    fetched = len(site.requests)
    data = _json(capsys, second, db_path)
    assert len(site.requests) == fetched  # known: looked up, not fetched
    assert data == _json(capsys, stored, db_path)
    assert data["headline"] == HEADLINE and data["url"] == stored
    assert [q["text"] for q in data["quotes"]] == [q.text for q in expected.quotes]


async def test_the_next_poll_does_not_fetch_the_second_address_again(
        site: SampleSite, tmp_path: Path) -> None:
    db_path = tmp_path / "nashra.db"
    _stored, second = await _ingest(site, db_path)
    path = second[len(site.base_url):]
    assert site.hits(path) == 1
    # a new article changes the feeds' ETags, so the next poll reads every entry again
    site.publish(slug="fresh", feed="world", title="خبر جديد عن الطقس في عمان",
                 paragraphs=["قالت دائرة الأرصاد إن الطقس سيكون باردا اليوم في عمان."],
                 published=NOW)
    settings = _settings(db_path)
    db = Database(db_path)
    try:
        await poll_once(db, settings, now=NOW, only_due=False)
        assert db.db.execute("select count(*) from articles where title = ?",
                             [HEADLINE]).fetchone()[0] == 1
    finally:
        db.close()
    assert site.hits("/news/fresh.html") == 1  # the poll did read the feed
    assert site.hits(path) == 1


def test_an_address_no_poll_recorded_is_found_by_its_text(
        site: SampleSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An archive from before migration 034 holds no alias: `digest URL` fetches the page once
    and answers with the stored article its text repeats, not a poorer digest made on the spot
    (no story, no archive links)."""
    db_path = tmp_path / "nashra.db"
    stored, second = asyncio.run(_ingest(site, db_path))  # the CLI runs its own event loop
    db = Database(db_path)
    try:
        db.db.execute("delete from article_aliases")
        assert article_row_at(db.db, second) is None
    finally:
        db.close()
    data = _json(capsys, second, db_path)
    assert site.hits(second[len(site.base_url):]) == 2  # fetched once more, by the CLI
    assert data == _json(capsys, stored, db_path)
    db = Database(db_path)
    try:  # nothing written
        assert db.db.execute("select count(*) from article_aliases").fetchone()[0] == 0
    finally:
        db.close()


def test_an_alias_never_takes_a_stored_address_and_dies_with_its_article(tmp_path: Path) -> None:
    from digests.archive import remove_article, store_article
    from digests.models import FeedEntry

    db = Database(tmp_path / "a.db")
    try:
        db.db.execute("insert into sources (url, name, added_at) values"
                      " ('https://a.example/feed', 'A', '2018-03-12T12:00:00+00:00')")
        ids = []
        with db.transaction() as sql:
            for n in (1, 2):
                result = store_article(sql, source_id=1, entry=FeedEntry(
                    url=f"https://a.example/news/{n}.html", title=f"خبر رقم {n}",
                    summary=f"نص الخبر رقم {n}"), page=None, now=NOW)
                assert result.article is not None
                ids.append(result.article.id)
            # another article's own address is never recorded as an alias
            assert not record_alias(sql, "https://a.example/news/2.html", ids[0], NOW)
            assert record_alias(sql, "https://a.example/world/1.html?utm_source=x", ids[0], NOW)
            assert not record_alias(sql, "https://a.example/world/1.html", ids[1], NOW)  # kept
        assert aliased_id(db.db, "https://A.example/world/1.html") == ids[0]
        remove_article(db, ids[0], NOW)
        assert aliased_id(db.db, "https://a.example/world/1.html") is None
    finally:
        db.close()


async def test_the_bot_answers_a_pasted_second_address_with_the_stored_digest(
        site: SampleSite, tmp_path: Path) -> None:
    db_path = tmp_path / "nashra.db"
    stored, second = await _ingest(site, db_path)
    async with running_bot(db_path) as h:
        [own] = await h.say(READER, stored)
        [twin] = await h.say(READER, second)
        assert "ليس في الأرشيف" not in twin.plain_text
        assert HEADLINE in twin.plain_text
        assert twin.text == own.text  # the same digest, story and related links
