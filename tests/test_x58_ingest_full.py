"""X58 (QA40 N4): /ingest on a database that takes no writes — the poll's store on a full disk
(SQLite's own SQLITE_FULL, PRAGMA max_page_count) and the bot's own connection refusing writes —
still answers the admin who asked (bilingual reason), stores that answer once writes work again
(so a restart owes nothing, never «interrupted»), and /sources says its states predate that
poll. The real bot against the emulator, the feed from a local site."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from botkit import ADMIN, running_bot

from bot import ingest_faults
from digests import sources, writer
from digests.samplesite import SampleSite
from digests.storage import Database


class _Refusing(Database):
    """The poll's connection on a full disk; opening it (the poll's start, after /ingest was
    recorded) also leaves the bot's own connection unable to write, as a full disk does."""

    main: Database | None = None

    def __init__(self, path: str | Path, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")
        assert _Refusing.main is not None
        _Refusing.main.conn.execute("PRAGMA query_only = 1")


async def test_ingest_answers_when_the_database_refuses_the_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_faults, "STORE_RETRY_SECONDS", 0.2)
    with SampleSite() as site:
        async with running_bot(tmp_path / "fresh.db") as h:
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(timezone.utc), name="الشرق")
            await h.say(ADMIN, "/sources")  # the admin's chat is known: reading needs no write
            _Refusing.main = h.db
            monkeypatch.setattr(writer, "Database", _Refusing)
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "الجلب" in h.emu.messages(ADMIN)[-1].plain_text
                          and "بدأ" not in h.emu.messages(ADMIN)[-1].plain_text, 20)
            done = h.emu.messages(ADMIN)[-1].plain_text.replace("\u200f", "")
            assert "⚠️" in done and "✅" not in done, done
            assert "the disk holding the database is full" in done \
                or "cannot be written" in done, done
            [listing] = await h.say(ADMIN, "/sources")
            text = listing.plain_text.replace("\u200f", "")
            assert "الجلب الأخير" in text and "لم يُحفظ" in text, text
            row = h.db.db.execute("select finished_at, reported_at from ingest_requests"
                                  ).fetchone()
            assert row == (None, None)  # not stored yet: the disk is still full
            # space is back: the answer is stored, given, nothing owed at a restart
            monkeypatch.setattr(writer, "Database", Database)
            h.db.conn.execute("PRAGMA query_only = 0")
            await h.until(lambda: h.db.db.execute(
                "select reported_at from ingest_requests").fetchone()[0] is not None, 10)
            assert h.db.db.execute("select finished_at from ingest_requests").fetchone()[0]
