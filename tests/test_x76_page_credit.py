"""QA50 E12 (2): `run.py digest URL` of a page no poll stored credited it to «127.0.0.1» — the
bare host — though a source of that very site (host and port) is known: several sites on one
host (the QA's five, each on its own port; a server holding several sites) made the host
ambiguous, and a source removed (paused) is still that site's. The page is credited to its
site's source name; two feeds of one site («X — دولي», «X — رياضة») name the site; the bare host
only when no source of the site is known.

Two real local sites on two ports of 127.0.0.1, a real poll, the real CLI (fetches the page).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cli.main import main
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source, remove_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
PARAGRAPHS = ["قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في جنيف بعد توقف طويل.",
              "وأضاف الوزير أن الأطراف كلها وافقت على جدول الأعمال المقترح من الأمم المتحدة."]


@pytest.fixture
def sites() -> Iterator[tuple[SampleSite, SampleSite]]:
    with SampleSite() as first, SampleSite() as second:
        assert first.base_url != second.base_url
        yield first, second


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "5")


async def _setup(first: SampleSite, second: SampleSite, db_path: Path) -> int:
    """Site one under three feeds of its own names; site two under two feeds of one site
    («موقع باء — …»). Polled once; returns site two's first source id."""
    settings = Settings(database_path=db_path, allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    with Database(db_path) as db:
        for feed in first.feed_urls:
            add_source(db, feed, settings=settings, now=NOW)
        ids = [add_source(db, feed, settings=settings, now=NOW, name=f"موقع باء — {n}").id
               for feed, n in zip(second.feed_urls[:2], ("دولي", "اقتصاد"), strict=True)]
        await poll_once(db, settings, now=NOW, only_due=False)
    return ids[0]


def _source_of(url: str, db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["digest", url, "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"]
    return str(data["source"])


def test_an_unstored_page_is_credited_to_its_sites_source(
        sites: tuple[SampleSite, SampleSite], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, second = sites
    db_path = tmp_path / "nashra.db"
    second_id = asyncio.run(_setup(first, second, db_path))  # the CLI runs its own loop
    # pages published after the poll: not stored, fetched by the CLI
    one = first.publish(slug="geneva-one", feed="main", title="استئناف مفاوضات جنيف",
                        paragraphs=PARAGRAPHS, published=NOW)
    two = second.publish(slug="geneva-two", feed="world", title="المفاوضات تعود إلى جنيف",
                         paragraphs=PARAGRAPHS[::-1], published=NOW)
    with Database(db_path) as db:
        first_names = {r[0] for r in db.db.execute(
            "select name from sources where url like ?", [first.base_url + "%"])}
    # site one has three feeds of three names: the page's feed is not known, nor a site name
    # they share — but the page is on site one, not site two: never site two's name
    credit_one = _source_of(one, db_path, capsys)
    assert "موقع باء" not in credit_one
    assert credit_one in first_names or credit_one == "127.0.0.1"
    assert _source_of(two, db_path, capsys) == "موقع باء"
    with Database(db_path) as db:  # /removesource: the site's source paused, its name known
        remove_source(db, second_id)
    assert _source_of(two, db_path, capsys) == "موقع باء"


def test_a_site_with_one_source_is_named_by_it(
        sites: tuple[SampleSite, SampleSite], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, second = sites
    db_path = tmp_path / "nashra.db"
    settings = Settings(database_path=db_path, allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    with Database(db_path) as db:
        add_source(db, first.feed_urls[0], settings=settings, now=NOW, name="الموقع الأول")
        source = add_source(db, second.feed_urls[0], settings=settings, now=NOW,
                            name="العربية.نت")
        asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        remove_source(db, source.id)
    page = second.publish(slug="geneva-three", feed="main", title="جنيف تستضيف المفاوضات",
                          paragraphs=PARAGRAPHS, published=NOW)
    assert _source_of(page, db_path, capsys) == "العربية.نت"
