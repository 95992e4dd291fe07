"""digests.prepared: a poll finds the digest's quotes before the store transaction, and stores
exactly what it stored before (real polls of the sample site into real SQLite files)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from digests import digest as digest_module
from digests import prepared
from digests.archive import get_article
from digests.models import Quote
from digests.pipeline import poll_once
from digests.processing import StoreContext
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import subscribe, upsert_chat
from story_texts import FERRY_A, FERRY_B

NOW = datetime(2018, 3, 12, tzinfo=timezone.utc)
LATER = NOW + timedelta(hours=1)
# What a poll writes: compared whole, row by row, with and without the preparation.
TABLES = {
    "articles": "select * from articles order by id",
    "search": "select rowid, title_keys, body_keys from articles_fts order by rowid",
    "stories": "select * from stories order by id",
    "outbox": "select * from outbox order by id",
}


def _poll_twice(path: Path, ahead: bool, monkeypatch: pytest.MonkeyPatch
                ) -> dict[str, list[tuple[Any, ...]]]:
    """Two polls of the sample site (three sources) into a fresh database file: the sample
    articles, then two reports of one story on two feeds and a page quoting a speaker."""
    monkeypatch.setattr(prepared, "AHEAD", ahead)
    settings = Settings(database_path=path, allow_private_sources=True, fetch_timeout_seconds=5)
    import asyncio

    with SampleSite() as site, Database(path) as db:
        for slug in ("main", "world", "economy"):
            add_source(db, site.feed_url(slug), settings=settings, now=NOW)
        for chat, topic in ((1, ""), (2, "زنجبار"), (3, "الغوطة")):
            upsert_chat(db, chat, now=NOW)
            subscribe(db, chat, topic, now=NOW)
        asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        site.publish(slug="ferry-a", feed="main", title=FERRY_A[0],
                     paragraphs=FERRY_A[1].split("\n"), published=LATER - timedelta(minutes=30))
        site.publish(slug="ferry-b", feed="world", title=FERRY_B[0],
                     paragraphs=FERRY_B[1].split("\n"), published=LATER - timedelta(minutes=20))
        site.publish(slug="said", feed="economy", title="وزير المالية: «لن نرفع الضرائب»",
                     paragraphs=["قال وزير المالية في مؤتمر صحافي أمس: «لن نرفع الضرائب هذا "
                                 "العام مهما كانت الظروف».", "وأضاف أن الحكومة ستخفض الإنفاق "
                                 "على المشاريع الجديدة."],
                     published=LATER - timedelta(minutes=10))
        asyncio.run(poll_once(db, settings, now=LATER, only_due=False))
        # each run's site has its own port: the rows are compared without it
        return {name: [tuple(v.replace(site.base_url, "SITE") if isinstance(v, str) else v
                             for v in r) for r in db.db.execute(sql).fetchall()]
                for name, sql in TABLES.items()}


def test_a_poll_stores_the_same_rows_with_the_quotes_found_ahead(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _poll_twice(tmp_path / "before.db", False, monkeypatch)
    after = _poll_twice(tmp_path / "after.db", True, monkeypatch)
    assert len(before["articles"]) >= 12
    assert before["outbox"], "the subscribers were queued stories"
    quoted = [r for r in before["articles"] if "لن نرفع الضرائب" in str(r)]
    assert quoted and any('"speaker"' in str(v) for v in quoted[0])
    for name in TABLES:
        assert after[name] == before[name], name


@pytest.fixture
def transactions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, bool]]]:
    """Every key_quotes call as (paragraphs, whether a write transaction was open then)."""
    open_in = threading.local()
    calls: list[tuple[int, bool]] = []
    original = Database.transaction
    finder = digest_module.key_quotes

    def transaction(self: Database) -> Any:
        manager = original(self)

        class Tracked:
            def __enter__(self) -> Any:
                open_in.depth = getattr(open_in, "depth", 0) + 1
                return manager.__enter__()

            def __exit__(self, *exc: Any) -> Any:
                open_in.depth -= 1
                return manager.__exit__(*exc)
        return Tracked()

    def key_quotes(paragraphs: Sequence[str], headline: str = "") -> tuple[Quote, ...]:
        calls.append((len(paragraphs), getattr(open_in, "depth", 0) > 0))
        return finder(paragraphs, headline)

    monkeypatch.setattr(Database, "transaction", transaction)
    monkeypatch.setattr(digest_module, "key_quotes", key_quotes)
    yield calls


@pytest.mark.parametrize("ahead", [True, False])
def test_no_quote_is_looked_for_while_the_write_lock_is_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        transactions: list[tuple[int, bool]], ahead: bool) -> None:
    _poll_twice(tmp_path / "x.db", ahead, monkeypatch)
    with_text = [held for paragraphs, held in transactions if paragraphs]
    assert len(with_text) >= 12  # every stored article was condensed
    if ahead:
        assert not any(with_text), "the finder ran inside a store transaction"
    else:  # the old way, the control: every article's quotes were found under the lock
        assert all(with_text)


def test_an_article_stored_other_than_prepared_is_condensed_in_place(tmp_path: Path) -> None:
    with SampleSite() as site, Database(tmp_path / "p.db") as db:
        settings = Settings(database_path=tmp_path / "p.db", allow_private_sources=True)
        add_source(db, site.feed_url("main"), settings=settings, now=NOW)
        import asyncio

        asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        row = db.db.execute("select id from articles where body like '%«%' limit 1").fetchone()
        article = get_article(db.db, row[0])
        assert article is not None
        stale = prepared.prepare(article.title, ("نص آخر لم يُخزَّن.",), article.summary)
        assert stale is not None and not stale.fits(article)
        expected = db.db.execute("select headline, quotes_json from articles where id = ?",
                                 [article.id]).fetchone()
        with db.transaction() as sql:
            sql.execute("update articles set headline = '', quotes_json = '[]' where id = ?",
                        [article.id])
            for step in prepared.steps(stale)[2:3]:  # the digest step
                step(sql, article, StoreContext(NOW, settings))
        assert db.db.execute("select headline, quotes_json from articles where id = ?",
                             [article.id]).fetchone() == expected
        assert expected[1] != "[]"


def test_prepare_is_off_with_ahead_false(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepared, "AHEAD", False)
    assert prepared.prepare("عنوان", ("فقرة.",), "") is None
    assert prepared.steps(None)[2] is digest_module.store_digest
