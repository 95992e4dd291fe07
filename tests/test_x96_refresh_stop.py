"""X96 (QA64-13): a bot stopped (Ctrl-C, end of input) during its first poll's digest refresh
went on remaking digests for 30 s after «scheduled poll stopped with the bot», and the sandbox
killed it (rc -9). The poll's task was cancelled, but its refresh runs in the writer's thread
(digests.writer), which the interpreter waits for at exit: a batch of 200 long digests. Now a
cancelled poll's writer says it is stopping and the refresh stops between articles (each
remade digest committed: what was remade stays remade). Real SQLite file, the real poll_once
and its writer thread; only the condenser is slowed so the stop lands mid-batch."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta, timezone

from digests import digest as digest_module
from digests.models import iso
from digests.pipeline import poll_once
from digests.settings import Settings
from digests.storage import Database

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc)
ARTICLES = 30


def _stale_archive(database: Database) -> None:
    """ARTICLES stored articles whose digests an older condenser made."""
    with database.transaction() as tx:
        # not due: the poll fetches nothing and goes straight to its refresh
        tx.execute("insert into sources (id, url, name, added_at, next_poll_at)"
                   " values (1, ?, 'مصدر', ?, ?)",
                   ["http://127.0.0.1:9/feed", iso(NOW), iso(NOW + timedelta(minutes=30))])
        for n in range(1, ARTICLES + 1):
            tx.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title, body,"
                " published_at, fetched_at, updated_at, digest_version)"
                " values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [n, f"https://news.example/{n}", f"news.example/{n}", f"h{n}",
                 f"خبر رقم {n} عن الطقس", "قالت الأرصاد إن الطقس سيكون ماطرا اليوم في الساحل.",
                 iso(NOW), iso(NOW), iso(NOW)])


def _writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("nashra-writer")]


async def test_a_stopped_poll_stops_its_digest_refresh(
        database: Database, settings: Settings, monkeypatch: object) -> None:
    _stale_archive(database)
    started, release = threading.Event(), threading.Event()
    condense = digest_module.condense

    def slow(*args: object, **kwargs: object) -> object:
        started.set()       # the refresh is under way ...
        release.wait(10)    # ... and holds here until the bot is told to stop
        return condense(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(digest_module, "condense", slow)  # type: ignore[attr-defined]
    poll = asyncio.create_task(poll_once(database, settings, now=NOW, only_due=True))
    assert await asyncio.to_thread(started.wait, 10)
    poll.cancel()  # Ctrl-C: the bot cancels its scheduled poll
    try:
        await poll
    except asyncio.CancelledError:
        pass
    release.set()
    for thread in _writer_threads():  # what the interpreter waits for at exit
        await asyncio.to_thread(thread.join, 10)
    assert not _writer_threads()
    remade = database.db.execute("select count(*) from articles where digest_version = ?",
                                 [digest_module.CONDENSER_VERSION]).fetchone()[0]
    assert remade == 1  # the article in hand is finished and kept; no other is begun


async def test_an_uncancelled_refresh_still_remakes_its_batch(
        database: Database, settings: Settings) -> None:
    _stale_archive(database)
    summary = await poll_once(database, settings, now=NOW, only_due=True)
    assert summary.digests_refreshed == ARTICLES
