"""X121 (QA72-5): a poll's digest refresh holds the write lock only for its writes.

At 100k articles a refresh slice of 20 digests held BEGIN IMMEDIATE for ~2 s (the oldest rows
sorted with their bodies, the related links' search, the condensing), and the sender's writes
were refused («database is locked … a poll's long transaction»): the admins were told the
database was failing. Now each slice is made with reads only and written in a short
transaction that skips a row changed meanwhile. Real SQLite files, two connections; the
condenser is wrapped so the other connection writes while a digest is being made."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from test_x96_refresh_stop import ARTICLES, _stale_archive

from digests import digest as digest_module
from digests import pipeline
from digests.storage import FAULTS, Database


def _other_writes(path: Path, sql: str, args: list[object]) -> str:
    """One write on a connection of its own that waits for no lock: 'ok' or the error."""
    other = Database(path, migrate=False)
    try:
        with other.waiting_at_most(0), other.transaction() as tx:
            tx.execute(sql, args)
        return "ok"
    except Exception as exc:  # noqa: BLE001 - the refusal is what is measured
        return f"{type(exc).__name__}: {exc}"
    finally:
        other.close()


def test_a_writer_beside_the_refresh_is_not_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # failed before: «DatabaseBusy: database is locked …» for every write tried mid-slice
    path = tmp_path / "n.db"
    outcomes: list[str] = []
    with Database(path) as db:
        _stale_archive(db)
        condense = digest_module.condense

        def condense_beside_a_writer(*args: object, **kwargs: object) -> object:
            outcomes.append(_other_writes(
                path, "update chats set active = 1 where id = -1", []))
            return condense(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(digest_module, "condense", condense_beside_a_writer)
        monkeypatch.setattr(pipeline, "REFRESH_PAUSE", 0.0)
        assert pipeline._refresh_digests(db) == ARTICLES
    assert outcomes == ["ok"] * ARTICLES


def test_a_row_changed_while_its_digest_was_made_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the site corrected article 7 while the refresh was making its digest from the old text:
    # the stale digest is not stored over the new row; the next slice makes it from the new one
    path = tmp_path / "n.db"
    new_title = "تصحيح: الطقس مشمس اليوم في الساحل"
    with Database(path) as db:
        _stale_archive(db)
        condense = digest_module.condense
        corrected: list[str] = []

        def condense_then_correct(article: object, **kwargs: object) -> object:
            if getattr(article, "id", None) == 7 and not corrected:
                corrected.append(_other_writes(
                    path, "update articles set title = ? where id = 7", [new_title]))
            return condense(article, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(digest_module, "condense", condense_then_correct)
        monkeypatch.setattr(pipeline, "REFRESH_PAUSE", 0.0)
        assert pipeline._refresh_digests(db) == ARTICLES
        row = db.db.execute("select headline, digest_version from articles where id = 7"
                            ).fetchone()
    assert corrected == ["ok"]
    assert tuple(row) == (new_title, digest_module.CONDENSER_VERSION)


def test_refresh_digests_in_one_transaction_still_remakes(tmp_path: Path) -> None:
    # the caller-transaction form (migrations, tools) makes and writes as before
    with Database(tmp_path / "n.db") as db:
        _stale_archive(db)
        with db.transaction() as sql:
            assert digest_module.refresh_digests(sql, limit=5) == 5
        assert digest_module.digests_left(db.db) == ARTICLES - 5


def test_nothing_to_refresh_takes_no_write_lock(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # REV s26: with every digest current (most polls) the refresh still opened BEGIN IMMEDIATE;
    # under another program's lock it waited out the busy timeout and reported «locked … where=
    # digest refresh», for nothing to write
    path = tmp_path / "n.db"
    FAULTS.forget()
    with Database(path) as db:
        _stale_archive(db)
        with db.transaction() as sql:
            assert digest_module.refresh_digests(sql, limit=ARTICLES) == ARTICLES
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("begin immediate")
        try:
            with db.waiting_at_most(0), caplog.at_level(logging.INFO, logger="digests.pipeline"):
                assert pipeline._refresh_digests(db) == 0
        finally:
            other.close()
    assert not [r.getMessage() for r in caplog.records if "digest refresh" in r.getMessage()]
