"""`run.py articles remove ID|URL [--yes]` on a real SQLite file ingested from the sample site
on loopback: what goes, what stays (the story's id), and that the feed never brings it back."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cli.articles import cmd_remove
from cli.main import main
from digests.errors import NashraError
from digests.models import iso
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime.now(UTC)


@pytest.fixture(autouse=True)
def _cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """`main` reads `.env` where it runs and points the root logger at this test's stderr: run
    it in the test's folder and give the logger back afterwards."""
    monkeypatch.chdir(tmp_path)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


def _settings(tmp_path: Path) -> Settings:
    return Settings(database_path=tmp_path / "nashra.db", allow_private_sources=True,
                    fetch_timeout_seconds=5.0)


def _ingest(settings: Settings, site: SampleSite, *, first: bool) -> int:
    with Database(settings.database_path) as db:
        if first:
            for url in site.feed_urls:
                add_source(db, url, settings=settings, now=NOW)
        return asyncio.run(poll_once(db, settings, now=NOW, only_due=False)).new


def _one(db: Database, sql: str, args: list[object] | None = None) -> Any:
    return db.db.execute(sql, args or []).fetchone()[0]


def _story_pair(db: Database) -> tuple[dict[str, object], dict[str, object]]:
    """Two reports of one story from two sources (the sample's aid convoy in Douma): the one
    whose digest links the other as a "story" link, and that other."""
    rows = list(db.db.query("select id, url, guid, title, story_id, source_id,"
                            " digest_related_json from articles order by id"))
    linking = next(r for r in rows if '"story"' in str(r["digest_related_json"]))
    linked = next(r for r in rows if r["story_id"] == linking["story_id"]
                  and r["id"] != linking["id"])
    assert linked["url"] in str(linking["digest_related_json"])
    return linking, linked


def _deliveries(db: Database, article_id: int, story_id: int) -> None:
    """A chat waiting for the article, another already sent it."""
    with db.transaction() as tx:
        for chat, status in ((501, "pending"), (502, "sent")):
            tx.execute("insert into chats (id, type, created_at) values (?, 'private', ?)",
                       [chat, iso(NOW)])
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " created_at) values (?, ?, ?, 'instant', ?, ?)",
                       [chat, story_id, article_id, status, iso(NOW)])


def test_remove_takes_out_everything_that_points_at_it_and_it_never_comes_back(
        tmp_path: Path, site: SampleSite, capsys: pytest.CaptureFixture[str]) -> None:
    settings = _settings(tmp_path)
    assert _ingest(settings, site, first=True) > 5
    with Database(settings.database_path) as db:
        linking, gone = _story_pair(db)
        story = int(str(gone["story_id"]))
        _deliveries(db, int(str(gone["id"])), story)
        assert _one(db, "select count(*) from articles_fts where rowid = ?", [gone["id"]]) == 1
        assert _one(db, "select count(*) from story_terms where article_id = ?", [gone["id"]]) > 0
        total = _one(db, "select count(*) from articles")
    rc = main(["--db", str(settings.database_path), "articles", "remove", str(gone["id"]),
               "--yes"])
    out = capsys.readouterr().out
    assert rc == 0
    assert f"المقال {gone['id']} / article {gone['id']}: {gone['title']}" in out
    assert f"its place in story {story} (1 other report stay)" in out
    assert "1 pending delivery and its links in 1 other digest" in out
    assert f"🗑 حُذف المقال {gone['id']} نهائيًا / removed article {gone['id']} for good" in out
    with Database(settings.database_path) as db:
        assert _one(db, "select count(*) from articles") == int(str(total)) - 1
        assert _one(db, "select count(*) from articles where id = ?", [gone["id"]]) == 0
        for table in ("articles_fts", "story_terms", "story_vectors"):
            column = "rowid" if table == "articles_fts" else "article_id"
            assert _one(db, f"select count(*) from {table} where {column} = ?", [gone["id"]]) == 0
        # the story keeps its id and its row, recomputed from the report left
        count, headline = db.db.execute("select article_count, headline from stories"
                                        " where id = ?", [story]).fetchone()
        assert count == 1 and headline
        # nobody is sent it; what was sent stays as the chat's history
        assert [r["status"] for r in db.db.query(
            "select status from outbox where article_id = ? order by chat_id",
            [gone["id"]])] == ["sent"]
        # the story-mate's digest no longer links it
        related = json.loads(str(_one(db, "select digest_related_json from articles where id = ?",
                                      [linking["id"]])))
        assert gone["url"] not in [r["url"] for r in related]
        # tombstones of its link, content and GUID, with its title (migration 018)
        keys = [r[0] for r in db.db.execute("select key from tombstones where article_url = ?",
                                            [gone["url"]]).fetchall()]
        assert any(k.startswith("url:") for k in keys) and any(k.startswith("hash:") for k in keys)
        if gone["guid"]:
            assert f"guid:{gone['source_id']}:{gone['guid']}" in keys
        # a search no longer finds it
        from digests.search import search

        words = str(gone["title"]).split()[:2]
        urls = [h.digest.url for h in search(db.db, " ".join(words), limit=50).hits]
        assert gone["url"] not in urls
    # the feed still lists it: the next poll does not bring it back
    _ingest(settings, site, first=False)
    with Database(settings.database_path) as db:
        assert _one(db, "select count(*) from articles where url = ?", [gone["url"]]) == 0
        assert _one(db, "select count(*) from articles") == int(str(total)) - 1


def test_the_last_report_of_a_story_leaves_its_row_at_zero(tmp_path: Path, site: SampleSite,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    settings = _settings(tmp_path)
    _ingest(settings, site, first=True)
    with Database(settings.database_path) as db:
        linking, gone = _story_pair(db)
        url = str(linking["url"]).replace("http://", "")  # a link typed without its scheme
    assert main(["--db", str(settings.database_path), "articles", "remove", str(gone["url"]),
                 "--yes"]) == 0
    assert main(["--db", str(settings.database_path), "articles", "remove", url, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "(0 other reports stay)" in out and "(يبقى فيها 0 تقرير)" in out
    with Database(settings.database_path) as db:
        assert _one(db, "select article_count from stories where id = ?",
                    [linking["story_id"]]) == 0


def _args(ref: str, yes: bool = False) -> argparse.Namespace:
    return argparse.Namespace(article=ref, yes=yes)


def test_without_yes_it_asks_and_without_a_terminal_removes_nothing(
        tmp_path: Path, site: SampleSite) -> None:
    settings = _settings(tmp_path)
    _ingest(settings, site, first=True)
    with Database(settings.database_path) as db:
        _, gone = _story_pair(db)
    ref = str(gone["id"]).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))  # «٨»
    out = io.StringIO()
    assert cmd_remove(_args(ref), settings, out, ask=lambda prompt: None) == 1
    assert "nothing removed: run it again with --yes to confirm" in out.getvalue()
    prompts: list[str] = []

    def refuse(prompt: str) -> str:
        prompts.append(prompt)
        return "لا"

    assert cmd_remove(_args(ref), settings, io.StringIO(), ask=refuse) == 0
    assert prompts == ["احذفه؟ / remove it? [y/N] "]
    with Database(settings.database_path) as db:
        assert _one(db, "select count(*) from articles where id = ?", [gone["id"]]) == 1
    out = io.StringIO()
    assert cmd_remove(_args(ref), settings, out, ask=lambda prompt: "نعم") == 0
    assert "removed article" in out.getvalue()
    with Database(settings.database_path) as db:
        assert _one(db, "select count(*) from articles where id = ?", [gone["id"]]) == 0
    with pytest.raises(NashraError, match="no article with the id or link «٨» in the archive|"
                                          "no article with the id or link"):
        cmd_remove(_args(ref, yes=True), settings, io.StringIO())


def test_an_unknown_article_is_one_line_in_both_languages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    # An earlier test's main() left a root handler on a stderr pytest has closed since: the
    # migrations logged here would print «Logging error» tracebacks into this test's stderr.
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    path = tmp_path / "nashra.db"
    Database(path).close()
    for ref in ("12345", "https://nowhere.example/x", "99999999999999999999999"):
        assert main(["--db", str(path), "articles", "remove", ref, "--yes"]) == 1
        err = capsys.readouterr().err
        assert f"لا مقال بالرقم أو الرابط «{ref}» في الأرشيف" in err
        assert "find it with run.py search" in err and "Traceback" not in err
    assert main(["--db", str(tmp_path / "none.db"), "articles", "remove", "1", "--yes"]) == 1
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
